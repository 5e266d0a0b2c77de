/**
 * `npx tsx scripts/corpus-stats.ts`: the size tables of analysis/eval/corpus/README.md, counted from
 * the corpus files (sentences per part, language, event type, error class, confusable class, domain).
 * Counts only: it never prints a sentence, so it is safe to run on the held-out part.
 */
import { CONFUSABLE_CLASSES, CORPUS_LANGS, NEGATIVE_CLASSES, SPLIT_PARTS, orgKey, type EventLine, type LinkLine } from '../analysis/eval/corpus-schema.js';
import { loadCorpus } from '../analysis/eval/load-corpus.js';
import { EVENT_TYPES } from '../platform/schemas/common.js';

const corpus = loadCorpus();
const parts = SPLIT_PARTS;
const table = (title: string, rows: Array<[string, ...number[]]>) => {
  console.log(`| ${title} | ${parts.join(' | ')} | total |`);
  console.log(`|---|${parts.map(() => '---:').join('|')}|---:|`);
  for (const [name, ...n] of rows) console.log(`| ${name} | ${n.join(' | ')} | ${n.reduce((a, b) => a + b, 0)} |`);
  console.log('');
};
const ev = (f: (l: EventLine) => boolean): number[] => parts.map((p) => corpus.events[p].filter(f).length);
const ln = (f: (l: LinkLine) => boolean): number[] => parts.map((p) => corpus.linking[p].filter(f).length);
const twoOrg = (l: EventLine) => l.mentions.some((m) => l.orgs.includes(m.subject));

table('event sentences', [
  ['all', ...ev(() => true)],
  ...CORPUS_LANGS.map((lang): [string, ...number[]] => [lang, ...ev((l) => l.lang === lang)]),
  ['headlines', ...ev((l) => l.kind === 'headline')],
  ['register notices', ...ev((l) => l.kind === 'notice')],
  ['with no event', ...ev((l) => l.events.length === 0)],
  ['hard negatives', ...ev((l) => l.negativeClass !== null)],
  ['two organisations in different roles', ...ev(twoOrg)],
]);
table('sentences with an event of type', [
  ...EVENT_TYPES.map((t): [string, ...number[]] => [t, ...ev((l) => l.events.some((e) => e.type === t))]),
  ['financial_distress, hedged', ...ev((l) => l.events.some((e) => e.modality === 'hedged' && e.type === 'financial_distress'))],
]);
table('hard negatives by error class', NEGATIVE_CLASSES.map((c): [string, ...number[]] => [c, ...ev((l) => l.negativeClass === c)]));
table('linking sentences', [
  ['all', ...ln(() => true)],
  ...CORPUS_LANGS.map((lang): [string, ...number[]] => [lang, ...ln((l) => l.lang === lang)]),
  ['expecting a customer', ...ln((l) => l.expect.length > 0)],
  ['confusable only', ...ln((l) => l.confusable !== null)],
  ['naming no company', ...ln((l) => l.confusable === null && l.orgs.length === 0)],
]);
table('confusable-only sentences by class', CONFUSABLE_CLASSES.map((c): [string, ...number[]] => [c, ...ln((l) => l.confusable === c)]));

const companies = new Set(parts.flatMap((p) => corpus.linking[p].flatMap((l) => l.orgs.map(orgKey))));
const expected = new Set(parts.flatMap((p) => corpus.linking[p].flatMap((l) => l.expect)));
console.log(`distinct organisations named in linking sentences: ${companies.size}; distinct watchlist customers expected: ${expected.size}; watchlist: ${corpus.watchlist.length} customers (${[...new Set(corpus.watchlist.map((c) => c.country))].sort().map((c) => `${c} ${corpus.watchlist.filter((w) => w.country === c).length}`).join(', ')})\n`);

console.log('| domain | part | event sentences | linking sentences |');
console.log('|---|---|---:|---:|');
const domains = [...new Set(parts.flatMap((p) => [...corpus.events[p], ...corpus.linking[p]].map((l) => l.domain)))];
const rows = domains.map((d) => {
  const part = corpus.split.dev.includes(d) ? 'dev' : 'heldout';
  return { d, part, e: corpus.events[part].filter((l) => l.domain === d).length, k: corpus.linking[part].filter((l) => l.domain === d).length };
});
rows.sort((a, b) => b.e + b.k - (a.e + a.k) || a.d.localeCompare(b.d));
for (const r of rows) console.log(`| ${r.d} | ${r.part} | ${r.e} | ${r.k} |`);
