import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { buildWatchlistIndex, explainLink, linkEntities, parseWatchlistCsv } from '../../analysis/linking/index.js';
import { loadLinkModel } from '../link-model.js';
import { processJsonLines } from './classify.command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import type { Command } from './command.js';

const linkInput = z.object({
  // Echoed back unchanged, so a caller's numeric ids stay numbers.
  id: z.union([z.string().min(1), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  lang: z.string().optional(),
});

const LINK_OPTIONS = {
  watchlist: { type: 'string', value: 'file.csv', description: 'the customers to link against (watchlist CSV)' },
  weights: { type: 'string', value: 'link-model.json', description: 'linking weights fitted by scripts/fit-link-model.ts (default: the shipped ones)' },
  explain: { type: 'boolean', default: false, description: 'add a one-line "explanation" to every match' },
} as const satisfies OptionSpecs;

export const linkCommand: Command = {
  options: LINK_OPTIONS,
  name: 'link',
  summary: 'link JSON lines {"id","text"} read on stdin to the customers of a watchlist CSV',
  usage:
    'bonitor link --watchlist <file.csv> [--weights <link-model.json>] [--explain] < docs.jsonl   (writes {"id","matches":[{"customerId","confidence","text","ambiguous","spans","reasons"}]} per line; --explain adds a one-line "explanation" per match)',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(LINK_OPTIONS, args, this.usage);
    const file = values.watchlist;
    if (!file || positionals.length > 0 || values.weights === '') {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const csv = await readFile(file, 'utf8').catch(() => undefined);
    if (csv === undefined) {
      ctx.io.stderr.write(`cannot read ${file}\n`);
      return 1;
    }
    const { customers, errors } = parseWatchlistCsv(csv);
    // Bad watchlist rows are skipped and reported; the documents are still linked to the good ones.
    for (const e of errors) ctx.io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    if (customers.length === 0) {
      ctx.io.stderr.write(`${file}: no customers to link against\n`);
      return 2;
    }
    const index = buildWatchlistIndex(customers, loadLinkModel(values.weights));
    const names = new Map(customers.map((c) => [c.id, c.name]));
    return processJsonLines(ctx.io, linkInput, (doc) => {
      const matches = linkEntities(index, doc);
      if (!values.explain) return { id: doc.id, matches };
      return { id: doc.id, matches: matches.map((m) => ({ ...m, explanation: explainLink(m, names.get(m.customerId)) })) };
    });
  },
};
