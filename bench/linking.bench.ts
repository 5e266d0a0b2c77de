/**
 * Entity linking alone, in CPU time (steady on a shared machine): the 100,000-customer index build
 * (time and heap) and link throughput on real news items and on a name-dense corpus, each next to
 * bare tokenisation of the same text measured in the same run (the floor).
 *   node --expose-gc --import tsx bench/linking.bench.ts      (npm run bench -- linking)
 * Goals (issue 12): index < 5 s and < 500 MB; link throughput at least the previous linker's
 * (real feeds: link within 3.5× of tokenisation, name-dense within 5.5×, as measured before the model).
 */
import { readFileSync } from 'node:fs';
import { buildWatchlistIndex, linkEntities } from '../analysis/linking/index.js';
import { loadLinkModel } from '../app/link-model.js';
import type { Customer } from '../platform/schemas/customer.js';
import { mulberry32 } from './rng.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const DOCS = 2_000;
const gc = (globalThis as { gc?: () => void }).gc;

const rand = mulberry32(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const SYLLABLES = 'ka lo mi ter sen bru vol dex ran zu po lin gar ste no vi tra mek sol fa ber qui xo hel dor wen kas rup tal mon gri fel bas cor nid pal sch wal zer ing ost ark lum tex vin rol sig hap'.split(' ');
const WORDS = ['Bau', 'Holding', 'Group', 'Swiss', 'Technik', 'Immobilien', 'Logistik', 'Partner', 'Consulting', 'Services', 'Handel', 'Energie'];
const FORMS = ['AG', 'GmbH', 'SA', 'Sàrl', 'GmbH & Co. KG', 'S.p.A.', 'S.r.l.', 'Ltd', 'plc', 'Inc.', 'LLC', 'Genossenschaft'];
const word = () => {
  let w = '';
  for (let i = 0, n = 2 + Math.floor(rand() * 3); i < n; i++) w += pick(SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
};
const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) => {
  const parts = [word()];
  if (rand() < 0.4) parts.push(pick(WORDS));
  if (rand() < 0.2) parts.push(word());
  const name = `${parts.join(' ')} ${pick(FORMS)}`;
  return {
    id: `c${i}`,
    name,
    aliases: rand() < 0.3 ? [parts[0]!] : [],
    registerIds: [],
    domains: [],
    country: pick(['CH', 'DE', 'AT', 'FR', 'IT', 'GB', 'US']),
    industry: String(10 + Math.floor(rand() * 80)),
    tags: [],
  };
});

// Real news items: three captured feeds (test/fixtures/analysis/SOURCES.tsv), title + description.
function feedItems(file: string): Array<{ title: string; text: string }> {
  const xml = readFileSync(new URL(`../test/fixtures/analysis/${file}`, import.meta.url), 'utf8');
  const field = (item: string, tag: string) =>
    (new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(item)?.[1] ?? '')
      .replace(/<!\[CDATA\[|\]\]>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return [...xml.matchAll(/<item[\s>][\s\S]*?<\/item>/g)].map((m) => ({ title: field(m[0], 'title'), text: field(m[0], 'description') }));
}
const items = ['de_heise-newsticker_rss090.rdf', 'en_google-news-top-stories_2022.rss', 'fr_rue89_feedsportal.rss'].flatMap(feedItems);
const real = Array.from({ length: DOCS }, (_, i) => items[i % items.length]!);
// Name-dense: each item with four watchlist names written into it, as a worst case for the features.
const dense = Array.from({ length: DOCS }, (_, i) => {
  const item = items[i % items.length]!;
  const names = Array.from({ length: 4 }, () => pick(customers).name.split(' ').slice(0, -1).join(' '));
  return { title: item.title, text: `${item.text} ${names.map((n) => `${n} meldet Zahlen.`).join(' ')}` };
});

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const heapBefore = heapMb();
let t = cpu();
const index = buildWatchlistIndex(customers, loadLinkModel());
const buildSeconds = cpu() - t;
const heapAfter = heapMb();
console.log(
  `index: ${CUSTOMERS} customers, build ${buildSeconds.toFixed(2)} s CPU, heap +${(heapAfter - heapBefore).toFixed(0)} MB${gc ? '' : ' (run with --expose-gc for the heap)'}   (goal < 5 s, < 500 MB; ${index.root.size} first words)`,
);

let sink = 0;
for (const [name, docs] of [['real feeds', real], ['name-dense', dense]] as const) {
  let floor = 0;
  let link = 0;
  let matches = 0;
  for (let round = 0; round < 4; round++) {
    t = cpu();
    for (const d of docs) sink += (`${d.title}\n${d.text}`.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if (round > 0) floor += cpu() - t;
    t = cpu();
    for (const d of docs) {
      const m = linkEntities(index, d);
      if (round === 1) matches += m.length;
      sink += m.length;
    }
    if (round > 0) link += cpu() - t;
  }
  const rate = (s: number) => ((docs.length * 3) / s).toFixed(0).padStart(7);
  console.log(`${name.padEnd(11)} tokenisation ${rate(floor)} docs/s   link ${rate(link)} docs/s   link = ${(link / floor).toFixed(2)}× tokenisation   ${(matches / docs.length).toFixed(2)} matches/doc`);
}
if (sink < 0) console.log(sink);
