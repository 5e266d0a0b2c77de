/**
 * Documents per second through collect → link → classify → score on the embedded default
 * (SQLite store, SQLite local log, one process), next to the same pure functions without any
 * I/O in the same run (the floor: what parsing, linking, classifying and scoring cost alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config/load.js';
import { silentLogger } from '../platform/log.js';
import { sourceSchema } from '../platform/config/sources.js';
import { parseFeed } from '../collectors/index.js';
import { feedToDocuments } from '../collectors/feed/feed-documents.js';
import { buildWatchlistIndex, parseWatchlistCsv } from '../analysis/linking/index.js';
import { analyzeDocument } from '../analysis/analyze-document.js';
import { assessCustomer } from '../analysis/scoring/index.js';
import { openApp } from '../app/compose.js';
import { startAnalyzer, startScorer } from '../app/roles/pipeline.roles.js';
import { startCollector } from '../app/roles/collector.role.js';
import { importWatchlist } from '../app/watchlist.js';
import { DEMO_DIR } from '../app/demo/demo.js';
import { loadLinkModel } from '../app/link-model.js';
import { tempDir } from '../test/helpers.js';

const N = Number(process.argv[2] ?? 2000);
const EVENTS = [
  'hat beim Amtsgericht einen Insolvenzantrag gestellt',
  'kündigt Kurzarbeit und Stellenabbau an',
  'veröffentlicht eine Gewinnwarnung nach hohem Verlust',
  'meldet einen Grossauftrag aus dem Ausland',
  'eröffnet ein neues Lager in der Region',
];

function makeFeed(names: string[]): string {
  const items = Array.from({ length: N }, (_, i) => {
    const name = names[i % names.length]!.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const event = EVENTS[i % EVENTS.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<item><title>${name} ${event}</title><link>https://bench.example/${i}</link><guid isPermaLink="false">bench-${i}</guid>
<pubDate>${['Mon', 'Tue', 'Wed'][i % 3]}, ${day} Oct 2026 10:00:00 +0100</pubDate>
<description>Meldung ${i}: Die ${name} ${event}. Weitere Einzelheiten sind noch nicht bekannt.</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench</title><link>https://bench.example/</link><description>bench</description>${items.join('\n')}</channel></rss>`;
}

async function main(): Promise<void> {
  const tmp = tempDir('bonitor-bench-');
  const watchlistCsv = readFileSync(path.join(DEMO_DIR, 'watchlist.csv'), 'utf8');
  const customers = parseWatchlistCsv(watchlistCsv).customers;
  const feedFile = path.join(tmp.dir, 'bench.rss');
  const xml = makeFeed(customers.map((c) => c.name));
  writeFileSync(feedFile, xml);
  const asOf = new Date('2026-11-20T12:00:00Z');

  // Floor: the same work as pure functions, no store, no bus.
  const t0 = performance.now();
  const source = sourceSchema.parse({ id: 'bench', url: feedFile, allowPrivate: true });
  const docs = feedToDocuments(await parseFeed(xml), source, asOf);
  const index = buildWatchlistIndex(customers, loadLinkModel());
  const signalsByCustomer = new Map<string, ReturnType<typeof analyzeDocument>>();
  for (const doc of docs) for (const s of analyzeDocument(doc, index, asOf)) signalsByCustomer.set(s.customerId!, [...(signalsByCustomer.get(s.customerId!) ?? []), s]);
  const policy = loadConfig({ env: {} }).config.policy;
  for (const c of customers) assessCustomer({ customer: c, ledger: [], signals: signalsByCustomer.get(c.id) ?? [], asOf, policy });
  const pureMs = performance.now() - t0;

  // The embedded default, end to end.
  const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } });
  config.sources = [source];
  const app = await openApp(config, silentLogger, fixedClock(asOf));
  await importWatchlist(app, watchlistCsv);
  const analyzer = await startAnalyzer(app);
  const scorer = await startScorer(app);
  const collector = await startCollector(app, { runOnStart: false });
  const t1 = performance.now();
  const [result] = await collector.collectAll();
  await analyzer.idle();
  await scorer.idle();
  const e2eMs = performance.now() - t1;
  const signals = (await app.store.signalsSince(0, 1_000_000)).length;
  await collector.stop();
  await analyzer.stop();
  await scorer.stop();
  await app.close();
  tmp.cleanup();

  const published = result?.published ?? 0;
  if (published === 0) throw new Error(`nothing was collected: ${JSON.stringify(result)}`);
  console.log(`documents: ${published} collected, ${signals} signals, ${customers.length} customers scored`);
  console.log(`pure functions (parse+link+classify+score, no I/O): ${(docs.length / (pureMs / 1000)).toFixed(0)} docs/s (${pureMs.toFixed(0)} ms)`);
  console.log(`embedded pipeline (SQLite log + store, one process):  ${(published / (e2eMs / 1000)).toFixed(0)} docs/s (${e2eMs.toFixed(0)} ms)`);
  console.log(`ratio pipeline / pure: ${(pureMs / e2eMs).toFixed(2)} (share of the pure rate the pipeline reaches)`);
}

void main();
