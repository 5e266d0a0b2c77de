import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerStep } from '../../analysis/analyzer.consumer.js';
import { analyzeDocument } from '../../analysis/analyze-document.js';
import { buildWatchlistIndex, parseWatchlistCsv } from '../../analysis/linking/index.js';
import { readWordList, wordListText } from '../../analysis/linking/common-words.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { SPLIT_PARTS } from '../../analysis/eval/corpus-schema.js';
import { analysisWorkerCount, openAnalysisPool } from '../../app/analysis-workers.js';
import { openApp, type App } from '../../app/compose.js';
import { importWatchlist } from '../../app/watchlist.js';
import { eachMessage } from '../../platform/bus/batch.js';
import { ok } from '../../platform/bus/port.js';
import { fixedClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { TOPICS, toMessages, type Document, type Envelope, type Signal } from '../../platform/schemas/index.js';
import type { AnalysisPool } from '../../analysis/analysis-pool.js';
import { tempDir, uniqueName, waitFor } from '../helpers.js';
import { fastKafkaSettings, kafkaBrokers } from '../kafka/kafka-env.js';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import type { Bus } from '../../platform/bus/port.js';

// Real sentences of the labelled corpus (analysis/eval/corpus, source URLs per line) as documents,
// against the corpus watchlist of real companies: the workers must find what the consumer's own
// thread finds, and a worker thread dying mid-batch must cost nothing but time.
const WATCHLIST_CSV = readFileSync(new URL('../../analysis/eval/corpus/watchlist.csv', import.meta.url), 'utf8');
const NOW = new Date('2026-11-20T12:00:00Z');
const brokers = kafkaBrokers();
const corpus = loadCorpus();
const DOCS: Document[] = SPLIT_PARTS.flatMap((p) => corpus.events[p])
  .slice(0, 600)
  .map((l) => ({ id: `corpus-${l.id}`, sourceId: 'corpus', kind: 'news', url: `${l.url}#${l.id}`, title: l.text.slice(0, 140), text: l.text, language: l.lang, fetchedAt: '2026-11-19T10:00:00.000Z' }));

function expectedSignals(app: App): Signal[] {
  const index = buildWatchlistIndex(parseWatchlistCsv(WATCHLIST_CSV).customers, app.linkModel);
  return DOCS.flatMap((d) => analyzeDocument(d, index, NOW, { eventModel: app.eventModel }));
}

describe('link + classify on worker threads (SQLite store)', () => {
  const tmp = tempDir('bonitor-workers-');
  let app: App;
  let pool: AnalysisPool;
  let expected: Signal[];

  beforeAll(async () => {
    const { config } = loadConfig({ env: { BONITOR_DATA_DIR: path.join(tmp.dir, 'data'), BONITOR_DEMO: 'false', BONITOR_ANALYSIS_WORKERS: '2' } });
    app = await openApp(config, silentLogger, fixedClock(NOW));
    await importWatchlist(app, WATCHLIST_CSV);
    pool = openAnalysisPool(app)!;
    await pool.whenReady();
    expected = expectedSignals(app);
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
    await app?.close();
    tmp.cleanup();
  });

  it('finds on two workers exactly the signals the consumer thread finds, document by document', async () => {
    expect(pool.size).toBe(2);
    expect(expected.length).toBeGreaterThan(100); // real sentences about watched companies
    const step = createAnalyzerStep({ documents: app.store, customers: app.store, meta: app.store, clock: app.clock, log: silentLogger, linkModel: app.linkModel, eventModel: app.eventModel, pool });
    const messages = toMessages(TOPICS.documents, DOCS).messages.map((m, i) => ({ topic: TOPICS.documents, partition: 0, offset: i, key: m.key, value: JSON.parse(JSON.stringify(m.value)), raw: JSON.stringify(m.value), headers: {}, attempt: 0 }));
    const results = await step(messages);
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(results.flatMap((r) => (r.kind === 'ok' ? r.value : []))).toEqual(expected);
  }, 120_000);

  it('hands the workers the ordinary-word list the way the compiled CLI holds it (read in place, not a Map) and finds the same', async () => {
    const linkModel = { ...app.linkModel, commonWords: readWordList(wordListText(app.linkModel.commonWords!)) };
    const listPool = openAnalysisPool({ ...app, linkModel }, 1)!;
    try {
      await listPool.whenReady();
      const step = createAnalyzerStep({ documents: app.store, customers: app.store, meta: app.store, clock: app.clock, log: silentLogger, linkModel, eventModel: app.eventModel, pool: listPool });
      const messages = toMessages(TOPICS.documents, DOCS).messages.map((m, i) => ({ topic: TOPICS.documents, partition: 0, offset: i, key: m.key, value: JSON.parse(JSON.stringify(m.value)), raw: JSON.stringify(m.value), headers: {}, attempt: 0 }));
      const results = await step(messages);
      expect(results.flatMap((r) => (r.kind === 'ok' ? r.value : []))).toEqual(expected);
    } finally {
      await listPool.close();
    }
  }, 120_000);

  const buses: Array<{ name: string; open(): Promise<{ bus: Bus; documents: string; signals: string; close(): Promise<void> }> }> = [
    { name: 'the embedded log', open: async () => ({ bus: app.bus, documents: TOPICS.documents, signals: TOPICS.signals, close: async () => undefined }) },
    ...(brokers
      ? [{
          name: 'Kafka',
          open: async () => {
            const bus = new KafkaBus({ brokers, clientId: uniqueName('workers'), partitions: 3, replicationFactor: 1, log: silentLogger, ...fastKafkaSettings });
            return { bus, documents: uniqueName('documents'), signals: uniqueName('signals'), close: () => bus.close() };
          },
        }]
      : []),
  ];

  for (const { name, open } of buses) {
    it(`publishes every signal once and stores every document when a worker thread dies mid-batch (${name})`, async () => {
      const { bus, documents, signals, close } = await open();
      const store = await openSqliteStore(path.join(tmp.dir, uniqueName('store')));
      await importWatchlist({ store, clock: app.clock, bus: app.bus, linkModel: app.linkModel }, WATCHLIST_CSV);
      try {
        const published: string[] = [];
        const probe = await bus.subscribe({ group: uniqueName('probe'), topics: [signals], fromBeginning: true, handler: eachMessage(async (m) => (published.push((m.value as Envelope<Signal>).payload.id), ok(undefined))) });
        // The kill comes while the first chunk of the first batch is on a worker.
        let killed: Promise<boolean> | undefined;
        const killing: AnalysisPool = { ...pool, run: (task) => {
          const answer = pool.run(task);
          killed ??= pool.terminateOne();
          return answer;
        } };
        const replacedBefore = pool.replaced();
        const group = uniqueName('analyzer');
        const analyzer = await bus.subscribe({
          group,
          topics: [documents],
          handler: createAnalyzerStep({ documents: store, customers: store, meta: store, clock: app.clock, log: silentLogger, linkModel: app.linkModel, eventModel: app.eventModel, pool: killing }),
          output: (found) => [{ topic: signals, messages: toMessages(TOPICS.signals, found.flat()).messages }],
        });
        await bus.publish(documents, toMessages(TOPICS.documents, DOCS).messages);
        await waitFor(() => killed, 60_000, 'a batch to reach the workers');
        expect(await killed).toBe(true);
        await waitFor(async () => (await bus.lag(group, documents)) === 0, 120_000, 'the analyzer to catch up');
        await analyzer.idle();
        await waitFor(() => published.length >= expected.length, 60_000, 'the signals to arrive');
        await probe.idle();
        await Promise.all([analyzer.stop(), probe.stop()]);

        expect(pool.replaced()).toBe(replacedBefore + 1);
        expect(pool.threadIds()).toHaveLength(2);
        expect(await store.countDocuments()).toBe(DOCS.length);
        // Nothing lost, nothing doubled: each signal published as often as the analysis returns it
        // (a few documents carry one signal id twice today; the idempotent store absorbs that).
        expect([...published].sort()).toEqual(expected.map((s) => s.id).sort());
      } finally {
        await store.close();
        await close();
      }
    }, 180_000);
  }
});

describe('analysis worker count', () => {
  const configured = (workers?: number) => ({ config: { analysis: workers === undefined ? {} : { workers } } }) as Parameters<typeof analysisWorkerCount>[0];

  it('keeps analysis on the consumer thread below three cores and leaves the consumer one core above', () => {
    expect(analysisWorkerCount(configured(), 1)).toBe(0);
    expect(analysisWorkerCount(configured(), 2)).toBe(0);
    expect(analysisWorkerCount(configured(), 3)).toBe(2);
    expect(analysisWorkerCount(configured(), 8)).toBe(7);
  });

  it('takes the configured count as it is, 0 included', () => {
    expect(analysisWorkerCount(configured(0), 8)).toBe(0);
    expect(analysisWorkerCount(configured(3), 2)).toBe(3);
  });
});
