import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classifyDocument } from '../../analysis/classify/index.js';
import type { CliIo, Command } from './command.js';

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
  rubric: z.string().optional(),
  publishedAt: z.string().optional(),
});

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'classify risk events in JSON lines {"id","text","lang"?} read on stdin',
  usage: 'bonitor classify < docs.jsonl   (writes {"id","lang","events":[{"type","severity","confidence","evidence"}],"polarity"} per line)',
  async run(args, ctx) {
    if (args.includes('--help')) {
      ctx.io.stdout.write(`usage: ${this.usage}\n`);
      return 0;
    }
    if (args.length > 0) {
      ctx.io.stderr.write(`unexpected argument ${args[0]}\nusage: ${this.usage}\n`);
      return 2;
    }
    return processJsonLines(ctx.io, classifyInput, (doc) => {
      const c = classifyDocument(doc);
      return { id: doc.id, lang: c.lang, events: c.events, polarity: c.polarity };
    });
  },
};
