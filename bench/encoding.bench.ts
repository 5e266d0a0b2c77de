/**
 * Encoding detection of exports: Bonitor's own (BOM, NUL pattern, strict UTF-8 check, else
 * Windows-1252; collectors/ledger/decode-text.ts) against jschardet (with iconv-lite decoding
 * what it names), on
 *
 *   files    every text fixture in test/fixtures as it was captured (real feeds, register
 *            notices, exports; the few non-UTF-8 ones named below with their known encoding)
 *   samples  real text with accents from those fixtures (lines containing non-ASCII letters),
 *            cut into export-sized pieces (256 B, 1 KB, 4 KB) and written in each encoding an
 *            accounting export comes in: UTF-8, UTF-8 with BOM, UTF-16LE with and without BOM,
 *            Windows-1252
 *
 * A guess is right when decoding with it gives exactly the text (ISO-8859-1 and Windows-1252
 * read the same for these texts, so either is right for both). Time is CPU per detection, as a
 * ratio to a bare UTF-8 TextDecoder pass over the same bytes (the floor, same run).
 *
 *   npx tsx bench/encoding.bench.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { detectEncoding } from '../collectors/ledger/decode-text.js';

const ROOT = path.join(import.meta.dirname, '..', 'test', 'fixtures');
/** Captured files that are not UTF-8, with the encoding they were written in (SOURCES.tsv, file(1)). */
const KNOWN: Record<string, string> = {
  'ledger/ch-op-export-windows1252.csv': 'windows-1252',
  'collectors/feeds/de_golem_iso-8859-1.rss': 'windows-1252',
  'collectors/broken/declared-utf8_bytes-latin1_de_golem.rss': 'windows-1252',
  'collectors/feeds/pt_jornal-de-noticias_iso-8859-1.rss': 'windows-1252',
  'collectors/feeds/fr_le-cercle-psy_no-xml-decl.rss': 'windows-1252',
  'collectors/broken/utf16le-bom_en_bbc-news.rss': 'utf-16le',
  'collectors/broken/utf16be-nobom_en_bbc-news.rss': 'utf-16be',
};
/** Deliberately broken bytes with no single right reading. */
const SKIP = new Set(['collectors/broken/synthetic_quirks.rss', 'collectors/broken/not-xml_garbage.rss']);
const TEXT = /\.(csv|txt|tsv|xml|rss|atom|rdf|html?|json)$/i;

interface Case {
  name: string;
  kind: 'file' | 'sample';
  bytes: Buffer;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : TEXT.test(f) ? [p] : [];
  });
}

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    default:
      return iconv.encode(text, 'windows-1252');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeAs(bytes: Buffer, encoding: string): string {
  // Python chardet's names: UTF-8 with a BOM is "UTF-8-SIG".
  const name = encoding.toLowerCase() === 'utf-8-sig' ? 'utf-8' : encoding.toLowerCase();
  if (!iconv.encodingExists(name)) return '\u0000unsupported';
  return stripBom(iconv.decode(bytes, name === 'ascii' ? 'windows-1252' : name));
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  const lines: string[] = [];
  for (const file of walk(ROOT)) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    if (SKIP.has(rel)) continue;
    const bytes = readFileSync(file);
    const encoding = KNOWN[rel] ?? 'utf-8';
    const text = decodeAs(bytes, encoding);
    cases.push({ name: rel, kind: 'file', bytes, text });
    // Real lines with accented letters (no markup, no replacement characters) feed the samples.
    for (const line of text.split(/\r?\n/)) {
      if (/[À-ÿ]/.test(line) && !/[<>{}\uFFFD]/.test(line) && iconv.encode(iconv.decode(iconv.encode(line, 'windows-1252'), 'windows-1252'), 'utf8').toString() === line) lines.push(line.trim());
    }
  }
  const pool = [...new Set(lines)];
  for (const size of [256, 1024, 4096]) {
    for (let start = 0; start < pool.length; start += 7) {
      let text = '';
      for (let i = start; i < pool.length && Buffer.byteLength(text) < size; i++) text += `${pool[i]}\r\n`;
      if (Buffer.byteLength(text) < size / 2) continue;
      for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16le', 'windows-1252']) cases.push({ name: `${size} B ${enc}`, kind: 'sample', bytes: encode(text, enc), text });
    }
  }
  return cases;
}

const OWN = (b: Buffer) => {
  const found = detectEncoding(b);
  return found.encoding;
};
const JSCHARDET = (b: Buffer) => jschardet.detect(b).encoding ?? 'none';

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const cases = buildCases();
const groups = new Map<string, { n: number; own: number; js: number; ownWrong: Set<string>; jsWrong: Set<string> }>();
for (const c of cases) {
  const key = c.kind === 'file' ? `files ${KNOWN[c.name] ?? 'utf-8'}` : c.name;
  const g = groups.get(key) ?? { n: 0, own: 0, js: 0, ownWrong: new Set(), jsWrong: new Set() };
  groups.set(key, g);
  g.n++;
  const own = OWN(c.bytes);
  const js = JSCHARDET(c.bytes);
  if (decodeAs(c.bytes, own) === c.text) g.own++;
  else g.ownWrong.add(c.kind === 'file' ? `${own} (${c.name})` : own);
  if (decodeAs(c.bytes, js) === c.text) g.js++;
  else g.jsWrong.add(c.kind === 'file' ? `${js} (${c.name})` : js);
}

console.log(`${cases.length} cases (${cases.filter((c) => c.kind === 'file').length} captured files, ${cases.filter((c) => c.kind === 'sample').length} samples)\n`);
console.log('case                       n    own      jschardet  (wrong guesses)');
let totals = { n: 0, own: 0, js: 0 };
for (const [key, g] of [...groups].sort()) {
  totals = { n: totals.n + g.n, own: totals.own + g.own, js: totals.js + g.js };
  const wrong = [g.ownWrong.size ? `own: ${[...g.ownWrong].join(',')}` : '', g.jsWrong.size ? `jschardet: ${[...g.jsWrong].join(',')}` : ''].filter(Boolean).join('; ');
  console.log(`${key.padEnd(24)} ${String(g.n).padStart(4)}  ${pct(g.own, g.n).padStart(7)}  ${pct(g.js, g.n).padStart(9)}  ${wrong}`);
}
console.log(`${'all'.padEnd(24)} ${String(totals.n).padStart(4)}  ${pct(totals.own, totals.n).padStart(7)}  ${pct(totals.js, totals.n).padStart(9)}`);

// Time: every case detected several times; the floor is one strict UTF-8 decode of the same bytes.
const ROUNDS = 5;
const utf8 = new TextDecoder('utf-8');
const run = (f: (b: Buffer) => unknown) => cpuMs(() => {
  for (let r = 0; r < ROUNDS; r++) for (const c of cases) f(c.bytes);
});
run(OWN);
run(JSCHARDET); // warm-up
const floor = run((b) => utf8.decode(b));
const own = run(OWN);
const js = run(JSCHARDET);
const bytes = cases.reduce((s, c) => s + c.bytes.length, 0) * ROUNDS;
console.log(`\nCPU over ${(bytes / 1e6).toFixed(1)} MB: floor (UTF-8 decode) ${floor.toFixed(0)} ms; own detection ${own.toFixed(0)} ms (${(own / floor).toFixed(1)}× floor); jschardet ${js.toFixed(0)} ms (${(js / floor).toFixed(1)}× floor)`);

function pct(a: number, n: number): string {
  return `${((100 * a) / n).toFixed(1)} %`;
}
