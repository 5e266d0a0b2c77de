import { createInterface } from 'node:readline';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { classifyDocument, type ClassifiedEvent, type EventModel } from '../../analysis/classify/index.js';
import { loadEventModel } from '../event-model.js';
import { buildWatchlistIndex, linkEntities, pairEventsWithCustomers, parseWatchlistCsv, type WatchlistIndex } from '../../analysis/linking/index.js';
import { documentParty, registerIds } from '../../platform/schemas/document.js';
import type { CliIo, Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { loadLinkModel } from '../link-model.js';

/**
 * Reads JSON lines from stdin, calls `handle` for each, writes its result as one JSON line on
 * stdout. A malformed line gives one error line on stderr (`{"line","id"?,"error"}`) and the rest
 * is processed; returns 2 if any line failed, else 0. Blank lines are skipped.
 */
export async function processJsonLines<T>(
  io: CliIo,
  schema: z.ZodType<T>,
  handle: (input: T) => unknown,
): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      failed++;
      await writeLine(io.stderr, { line: lineNo, error: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      failed++;
      const rawId = (value as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined;
      const error = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
      await writeLine(io.stderr, id === undefined ? { line: lineNo, error } : { line: lineNo, id, error });
      continue;
    }
    await writeLine(io.stdout, handle(parsed.data));
  }
  return failed > 0 ? 2 : 0;
}

/** Writes one JSON line and waits for the stream to drain when its buffer is full. */
async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

const classifyInput = z.object({
  // Echoed back unchanged, so a caller's numeric ids stay numbers.
  id: z.union([z.string().min(1), z.number()]),
  text: z.string(),
  lang: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  rubric: z.string().optional(),
  publishedAt: z.string().optional(),
  parties: z.array(documentParty).optional(),
  registerIds: registerIds.optional(),
});
type ClassifyInput = z.infer<typeof classifyInput>;

const USAGE =
  'bonitor classify [--watchlist <file.csv>] [--all] [--lexicon-only | --model <file.json>] < docs.jsonl   (writes {"id","lang","events":[{"type","severity","confidence","evidence","subject","customerId"?,"role","modality","trigger","cues","parties"}],"polarity"} per line; --all adds "rejected": the negated, denied, historic, generic and hypothetical triggers)';

const CLASSIFY_OPTIONS = {
  watchlist: { type: 'string', value: 'file.csv', description: 'link each event to the customers of this watchlist CSV' },
  all: { type: 'boolean', default: false, description: 'also list the rejected triggers (negated, denied, historic, generic, hypothetical, vetoed by the trained layer)' },
  'lexicon-only': { type: 'boolean', default: false, description: "the extractor's rules alone, without the trained event layer" },
  model: { type: 'string', value: 'file.json', description: 'event weights file instead of the shipped analysis/classify/event-model.json' },
} as const satisfies OptionSpecs;

export const classifyCommand: Command = {
  options: CLASSIFY_OPTIONS,
  name: 'classify',
  summary: 'extract risk events (type, subject, role, modality) from JSON lines {"id","text","lang"?} read on stdin',
  usage: USAGE,
  async run(args, ctx) {
    const { values: opts, positionals } = parseOptions(CLASSIFY_OPTIONS, args, this.usage);
    if (positionals.length > 0 || opts.watchlist === '') {
      ctx.io.stderr.write(`${positionals.length > 0 ? `unexpected argument ${positionals[0]}` : '--watchlist needs a file'}\nusage: ${this.usage}\n`);
      return 2;
    }
    let index: WatchlistIndex | undefined;
    if (opts.watchlist !== undefined) {
      const csv = await readFile(opts.watchlist, 'utf8').catch(() => undefined);
      if (csv === undefined) {
        ctx.io.stderr.write(`cannot read ${opts.watchlist}\n`);
        return 1;
      }
      const { customers, errors } = parseWatchlistCsv(csv);
      for (const e of errors) ctx.io.stderr.write(`${opts.watchlist}:${e.line}: ${e.reason}\n`);
      if (customers.length === 0) {
        ctx.io.stderr.write(`${opts.watchlist}: no customers to link against\n`);
        return 2;
      }
      index = buildWatchlistIndex(customers, loadLinkModel());
    }
    const model = opts['lexicon-only'] ? undefined : loadEventModel(opts.model);
    return processJsonLines(ctx.io, classifyInput, (doc) => classifyLine(doc, index, opts.all, model));
  },
};

/**
 * The same path as the analyzer: link (with a watchlist), extract with the linked customers as
 * mentions, and bind each event to the customer that bears it; a customer in another part (the
 * creditor, the acquirer…) gets no customerId on the event.
 */
function classifyLine(doc: ClassifyInput, index: WatchlistIndex | undefined, all: boolean, model: EventModel | undefined): unknown {
  const matches = index ? linkEntities(index, doc) : [];
  const c = classifyDocument({ ...doc, linked: matches }, { model });
  const bound = index ? pairEventsWithCustomers(index, doc, c.events, matches).filter((e) => !e.ambiguous) : [];
  const events = c.events.map((e) => {
    const who = bound.find((b) => b.type === e.type && b.evidence === e.evidence && b.subject === e.subject);
    return present(e, who?.customerId);
  });
  return { id: doc.id, lang: c.lang, events, polarity: c.polarity, ...(all ? { rejected: c.rejected.map((e) => present(e)) } : {}) };
}

function present(e: ClassifiedEvent, customerId?: string) {
  return {
    type: e.type,
    severity: e.severity,
    confidence: e.confidence,
    evidence: e.evidence,
    subject: e.subject ?? null,
    ...(customerId ? { customerId } : {}),
    role: e.role,
    modality: e.modality,
    trigger: e.trigger,
    cues: e.cues,
    parties: e.parties.map((p) => ({ text: p.text, role: p.role })),
  };
}
