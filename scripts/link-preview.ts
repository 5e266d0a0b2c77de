/**
 * Linking figures on a slice of the DEVELOPMENT part (the held-out file is never opened): the lines
 * whose id is at least `--from` (new sentences, measured before any change made for them) or all.
 *   tsx scripts/link-preview.ts --from ln-52001 [--model <link-model.json>] [--errors]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkLineSchema } from '../analysis/eval/corpus-schema.js';
import { evaluateLinking } from '../analysis/eval/evaluate.js';
import { parseJsonLines } from '../analysis/eval/load-corpus.js';
import { buildWatchlistIndex, linkEntities, parseWatchlistCsv } from '../analysis/linking/index.js';
import { loadLinkModel } from '../app/link-model.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = 'analysis/eval/corpus';
const from = Number((opt('--from') ?? 'ln-0').slice(3));
const { customers } = parseWatchlistCsv(readFileSync(join(dir, 'watchlist.csv'), 'utf8'));
const lines = parseJsonLines(readFileSync(join(dir, 'linking.dev.jsonl'), 'utf8'), linkLineSchema, 'linking.dev.jsonl').lines.filter((l) => Number(l.id.slice(3)) >= from);
const modelFile = opt('--model');
const index = buildWatchlistIndex(customers, modelFile ? loadLinkModel(modelFile) : loadLinkModel());
const r = evaluateLinking(lines, (line) => linkEntities(index, { text: line.text }));
const o = r.overall;
console.log(`${lines.length} development sentences from id ln-${from}: precision ${o.precision.toFixed(3)} recall ${o.recall.toFixed(3)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn}); confusable-only ${r.confusable.sentences} sentences, ${r.confusable.withFalseLink} with a false link (${r.confusable.precision.toFixed(3)}); ambiguous held back ${r.ambiguous}`);
if (args.includes('--errors')) for (const e of r.errors) console.log(`  ${e.id} expected [${e.expected}] got [${e.predicted}] ambiguous [${e.ambiguous}]  ${e.text}`);
