/**
 * Article extraction, ours (collectors/html/extract-article.ts, cheerio heuristics) against
 * @mozilla/readability on a linkedom DOM, on the pages with a ground truth in
 * test/fixtures/collectors/html: the Readability test pages (expected.html) and newspaper's
 * Reuters and Bloomberg texts. Bag-of-words recall and precision per page, then the means and
 * the time per page.   npx tsx scripts/compare-extraction.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { load } from 'cheerio';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../collectors/html/extract-article.js';
import { decodeText } from '../collectors/parse/decode.js';

const dir = path.resolve(import.meta.dirname, '../test/fixtures/collectors/html');
const words = (s: string) => s.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

function overlap(got: string, expected: string) {
  const bag = new Map<string, number>();
  for (const w of words(expected)) bag.set(w, (bag.get(w) ?? 0) + 1);
  let hit = 0;
  const g = words(got);
  for (const w of g) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(w, n - 1);
    }
  }
  return { recall: hit / words(expected).length, precision: hit / Math.max(1, g.length) };
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
}

const pages: Array<{ name: string; html: string; expected: string }> = [];
for (const name of readdirSync(path.join(dir, 'readability'))) {
  pages.push({
    name: `readability/${name}`,
    html: decodeText(readFileSync(path.join(dir, 'readability', name, 'source.html'))).text,
    expected: load(readFileSync(path.join(dir, 'readability', name, 'expected.html'), 'utf8')).text(),
  });
}
for (const f of ['reuters.com1', 'bloomberg.com1']) {
  pages.push({ name: `newspaper/${f}`, html: decodeText(readFileSync(path.join(dir, 'newspaper', `${f}.html`))).text, expected: readFileSync(path.join(dir, 'newspaper', `${f}.expected.txt`), 'utf8') });
}

const extractors = { ours: (h: string) => extractArticle(h).text, readability } as const;
const totals: Record<string, { recall: number; precision: number; ms: number }> = {};
console.log('page\tours recall\tours precision\treadability recall\treadability precision');
const rows = pages.map((p) => {
  const row: Record<string, { recall: number; precision: number }> = {};
  for (const [name, fn] of Object.entries(extractors)) {
    const t0 = performance.now();
    let text = '';
    for (let i = 0; i < 5; i++) text = fn(p.html);
    const ms = (performance.now() - t0) / 5;
    const o = overlap(text, p.expected);
    row[name] = o;
    const t = (totals[name] ??= { recall: 0, precision: 0, ms: 0 });
    t.recall += o.recall / pages.length;
    t.precision += o.precision / pages.length;
    t.ms += ms / pages.length;
  }
  console.log([p.name, row.ours!.recall, row.ours!.precision, row.readability!.recall, row.readability!.precision].map((v) => (typeof v === 'number' ? v.toFixed(3) : v)).join('\t'));
  return row;
});
void rows;
for (const [name, t] of Object.entries(totals)) console.log(`${name}: mean recall ${t.recall.toFixed(3)}, mean precision ${t.precision.toFixed(3)}, ${t.ms.toFixed(1)} ms per page`);
