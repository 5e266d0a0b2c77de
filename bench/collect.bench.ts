/**
 * Collector benchmarks, both against a baseline measured in the same run:
 *
 * 1. Items per second for the mixed corpus of real feed captures (26 feeds: RSS 2.0, RDF,
 *    Atom, JSON Feed; UTF-8, ISO-8859-1, windows-1252): our decode → parse → normalise →
 *    documents, next to rss-parser's bare `parseString` on the same bytes. Goal: ≤ 20 % more time.
 * 2. Memory over 10,000 fetch cycles (collectSource against a local HTTP server in a child
 *    process, 200s with a real feed and conditional-GET 304s): heap and RSS must stay flat.
 *
 *   node --expose-gc --import tsx bench/collect.bench.ts [cycles]
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { collectSource, createFetcher, MemorySourceHealthRepo } from '../collectors/index.js';
import { decodeText } from '../collectors/parse/decode.js';
import { parseFeed } from '../collectors/parse/parse-feed.js';
import { feedToDocuments } from '../collectors/feed/feed-documents.js';
import { sourceSchema } from '../platform/config/sources.js';
import { systemClock } from '../platform/clock.js';
import { silentLogger } from '../platform/log.js';
import type { SeenItems } from '../platform/store/port.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const feedsDir = path.join(here, '../test/fixtures/collectors/feeds');
const CYCLES = Number(process.argv[2] === '--serve' ? 0 : (process.argv[2] ?? 10_000));

/** `--serve`: the feed server, in its own process so its memory is not counted. */
function serve(): void {
  const feed = readFileSync(path.join(feedsDir, 'en_bbc-news.rss'));
  let n = 0;
  const server = http.createServer((req, res) => {
    n++;
    // Every 4th request changes the ETag: 200 with a body; otherwise a matching ETag gets a 304.
    const etag = `"v${Math.floor(n / 4)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feed);
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
}

async function throughput(): Promise<void> {
  const corpus = readdirSync(feedsDir).map((f) => ({ name: f, bytes: readFileSync(path.join(feedsDir, f)) }));
  const xmlCorpus = corpus.filter((c) => !c.name.endsWith('.json')); // rss-parser cannot read JSON Feed
  const bare = new Parser();
  const source = sourceSchema.parse({ id: 'bench', url: 'https://bench.example/feed' });
  const now = new Date();

  const runBare = async () => {
    let items = 0;
    for (const c of xmlCorpus) items += (await bare.parseString(c.bytes.toString('utf8').trimStart())).items.length;
    return items;
  };
  const runOurs = async () => {
    let items = 0;
    for (const c of xmlCorpus) {
      const feed = await parseFeed(decodeText(c.bytes).text, { feedUrl: source.url });
      items += feedToDocuments(feed, source, now).length;
    }
    return items;
  };
  for (let i = 0; i < 3; i++) {
    await runBare(); // warm-up (JIT) for both
    await runOurs();
  }
  // Paired rounds, alternating which goes first, and the median of the per-round ratios: the
  // machine is shared, so a slow moment must hit both sides of a pair, not one whole series.
  const ratios: number[] = [];
  const bareRates: number[] = [];
  const ourRates: number[] = [];
  // CPU time of this process, not wall time: on a busy machine waiting for a core is not our cost.
  const timed = async (fn: () => Promise<number>) => {
    const t = process.cpuUsage();
    const items = await fn();
    const d = process.cpuUsage(t);
    return { items, ms: (d.user + d.system) / 1000 };
  };
  for (let round = 0; round < 30; round++) {
    const first = round % 2 === 0 ? runBare : runOurs;
    const second = first === runBare ? runOurs : runBare;
    const a = await timed(first);
    const b = await timed(second);
    const [bare, ours] = first === runBare ? [a, b] : [b, a];
    bareRates.push(bare.items / (bare.ms / 1000));
    ourRates.push(ours.items / (ours.ms / 1000));
    ratios.push(ours.ms / bare.ms);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const bareRate = median(bareRates);
  const ourRate = median(ourRates);
  const bytes = xmlCorpus.reduce((s, c) => s + c.bytes.length, 0);
  console.log(`corpus: ${xmlCorpus.length} XML feeds, ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`rss-parser parseString (baseline): ${bareRate.toFixed(0)} items/s`);
  console.log(`bonitor decode+parse+normalise:    ${ourRate.toFixed(0)} items/s`);
  console.log(`time overhead vs baseline (CPU time, median of 30 paired rounds): ${((median(ratios) - 1) * 100).toFixed(1)} % (goal ≤ 20 %)`);
}

async function memory(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  try {
    const seenSet = new Set<string>();
    const seen: SeenItems = {
      filterUnseen: async (_s, ids) => ids.filter((id) => !seenSet.has(id)),
      markSeen: async (_s, ids) => void ids.forEach((id) => seenSet.add(id)),
    };
    const health = new MemorySourceHealthRepo();
    const fetcher = createFetcher({ userAgent: 'Bonitor/bench (+mailto:bench@example.com)', log: silentLogger });
    const source = sourceSchema.parse({ id: 'local', url: `http://127.0.0.1:${port}/feed`, allowPrivate: true, respectRobots: false, limits: { minIntervalMs: 0, retries: 0 } });
    const deps = { seen, publish: async () => undefined, clock: systemClock, log: silentLogger, userAgent: 'Bonitor/bench', health, fetcher };
    const gc = (globalThis as { gc?: () => void }).gc;
    const sample = () => {
      gc?.();
      const m = process.memoryUsage();
      return { heap: m.heapUsed / 1048576, rss: m.rss / 1048576 };
    };
    const samples: Array<{ cycle: number; heap: number; rss: number }> = [];
    let notModified = 0;
    let errors = 0;
    const start = Date.now();
    for (let i = 1; i <= CYCLES; i++) {
      const r = await collectSource(source, deps);
      if (r.notModified) notModified++;
      if (r.error) errors++;
      if (i === 1 || i % Math.max(1, Math.floor(CYCLES / 10)) === 0) samples.push({ cycle: i, ...sample() });
    }
    const secs = (Date.now() - start) / 1000;
    console.log(`\n${CYCLES} fetch cycles in ${secs.toFixed(1)} s (${(CYCLES / secs).toFixed(0)}/s), ${notModified} answered 304, ${errors} errors${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
    for (const s of samples) console.log(`  cycle ${String(s.cycle).padStart(6)}: heap ${s.heap.toFixed(1)} MiB, rss ${s.rss.toFixed(1)} MiB`);
    const base = samples[1] ?? samples[0]!;
    const last = samples.at(-1)!;
    console.log(`heap growth after warm-up (cycle ${base.cycle} → ${last.cycle}): ${(last.heap - base.heap).toFixed(2)} MiB`);
  } finally {
    child.kill();
  }
}

if (process.argv[2] === '--serve') serve();
else {
  await throughput();
  await memory();
}
