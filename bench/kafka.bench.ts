/**
 * Documents per second through the real pipeline over Kafka (analyzer → signals → scorer →
 * assessments, SQLite store, the Kafka bus from platform/bus/kafka.bus.ts), next to kafkajs's
 * raw produce + consume of the same document messages, measured in the same run on the same
 * broker; plus latency p50/p99 from a document published to the assessment that cites it.
 *
 *   npm run bench:kafka [-- documents=100000 [paced docs/s=50] [--compression=none|gzip] [--workers=0,1,2] [--pipeline-only]]
 * The pipeline runs once per analysis worker count (analysis.workers; 0 = the consumer thread).
 * Starts its own broker (scripts/kafka-broker.sh, in a temp dir) unless BONITOR_KAFKA_BROKERS is set.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompressionTypes, Kafka, logLevel, Partitioners } from 'kafkajs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { waitForTopicsReady } from '../platform/bus/kafka-topics.js';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config/load.js';
import { silentLogger } from '../platform/log.js';
import { eachMessage } from '../platform/bus/batch.js';
import { ok } from '../platform/bus/port.js';
import { TOPICS, wrap, type Assessment, type Customer, type Document, type Envelope, type Signal } from '../platform/schemas/index.js';
import { buildWatchlistIndex, parseWatchlistCsv } from '../analysis/linking/index.js';
import { analyzeDocument } from '../analysis/analyze-document.js';
import { loadLinkModel } from '../app/link-model.js';
import { loadEventModel } from '../app/event-model.js';
import { openApp } from '../app/compose.js';
import { startAnalyzer, startScorer } from '../app/roles/pipeline.roles.js';
import { publishAll } from '../app/publish.js';
import { importWatchlist } from '../app/watchlist.js';
import { DEMO_DIR } from '../app/demo/demo.js';
import { tempDir } from '../test/helpers.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(args[0] ?? 100_000);
const PACED_RATE = Number(args[1] ?? 50);
/** The pipeline's codec (kafka.compression); the config's default unless --compression=none|gzip. */
/** --pipeline-only: skip the baselines (for profiling the pipeline: node --cpu-prof --import tsx bench/kafka.bench.ts 20000 50 --pipeline-only). */
const PIPELINE_ONLY = process.argv.includes('--pipeline-only');
/** --workers=0,1,2: the pipeline once per analysis worker count (0 = on the consumer thread); default 0, 1 and os.availableParallelism() when above 1. */
const WORKERS = (process.argv.find((a) => a.startsWith('--workers='))?.split('=')[1]?.split(',').map(Number) ?? [0, 1, ...(availableParallelism() > 1 ? [availableParallelism()] : [])]).filter((w) => Number.isInteger(w) && w >= 0);
const PIPELINE_COMPRESSION = process.argv.find((a) => a.startsWith('--compression='))?.split('=')[1] as 'none' | 'gzip' | undefined;
/** How the documents reach the pipeline: publishAll calls of this many (a collector's run). */
const BATCH = 500;
const RAW_BATCH = 2000;
const PARTITIONS = 6;
const EVENTS = [
  'hat beim Amtsgericht einen Insolvenzantrag gestellt',
  'kündigt Kurzarbeit und Stellenabbau an',
  'veröffentlicht eine Gewinnwarnung nach hohem Verlust',
  'meldet einen Grossauftrag aus dem Ausland',
  'wird von Zahlungsverzug bei Lieferanten belastet',
];
const script = path.resolve(import.meta.dirname, '../scripts/kafka-broker.sh');

function makeDocuments(names: string[], run: string, publishedAt?: string): Document[] {
  return Array.from({ length: N }, (_, i) => {
    const name = names[i % names.length]!;
    const event = EVENTS[i % EVENTS.length]!;
    const url = `https://bench.example/${run}/${i}`;
    return {
      id: `bench-${run}-${i}`, sourceId: 'bench', kind: 'news', url, title: `${name} ${event}`,
      text: `Meldung ${i}: Die ${name} ${event}. Weitere Einzelheiten sind noch nicht bekannt.`,
      language: 'de', publishedAt: publishedAt ?? `2026-11-${String(1 + (i % 18)).padStart(2, '0')}T09:00:00.000Z`, fetchedAt: '2026-11-19T10:00:00.000Z',
    };
  });
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const waitUntil = async (check: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

interface RawFigures {
  ms: number;
  /** CPU time of this process and of the broker (when the bench started it) over the run. */
  cpuMs: CpuMs;
  latencies: number[];
  compression: string;
}

/**
 * kafkajs alone, tuned the way its documentation recommends for throughput: the same envelopes
 * through the same kind of producer the bus uses (idempotent, acks=all, one request in flight),
 * sent as large batches (RAW_BATCH messages per `send`), to a topic with PARTITIONS partitions,
 * consumed by a group with `eachBatch` handling every partition concurrently
 * (`partitionsConsumedConcurrently`). Run without compression and with GZIP (the codec kafkajs
 * ships); the faster is the baseline.
 */
async function measureRaw(brokers: string[], docs: Document[], compression: CompressionTypes): Promise<RawFigures> {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const topic = `bench-raw-${Date.now()}-${compression}`;
  const admin = kafka.admin();
  await admin.connect();
  // As the bus does: kafkajs's own wait for leaders gives up after 5 s on a loaded broker.
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: false, timeout: 30_000 });
  await waitForTopicsReady(admin, [topic], { timeoutMs: 60_000 });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
  });
  const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch, heartbeat }) => {
      const now = performance.now();
      for (const message of batch.messages) latencies.push(now - sentAt.get(message.key!.toString())!);
      await heartbeat();
    },
  });
  const values = docs.map((d) => ({ key: d.id, value: JSON.stringify(wrap(d.id, d)) }));
  const cpu = startCpu();
  const t0 = performance.now();
  for (let i = 0; i < values.length; i += RAW_BATCH) {
    const batch = values.slice(i, i + RAW_BATCH);
    const now = performance.now();
    for (const m of batch) sentAt.set(m.key, now);
    await producer.send({ topic, acks: -1, compression, messages: batch });
  }
  await waitUntil(() => latencies.length >= docs.length, 600_000, 'raw consume');
  const ms = performance.now() - t0;
  const cpuMs = cpu();
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { ms, cpuMs, latencies, compression: compression === CompressionTypes.GZIP ? 'gzip' : 'none' };
}

interface CpuMs {
  node: number;
  broker?: number;
}
let brokerPidFile: string | undefined;

/** CPU time (user + system) of this process and of the broker from here on: a figure a busy machine does not inflate as much as wall time. */
function startCpu(): () => CpuMs {
  const node0 = process.cpuUsage();
  const broker0 = brokerCpuMs();
  return () => {
    const d = process.cpuUsage(node0);
    const broker1 = brokerCpuMs();
    return { node: (d.user + d.system) / 1000, ...(broker0 !== undefined && broker1 !== undefined ? { broker: broker1 - broker0 } : {}) };
  };
}

/** utime + stime of the broker's JVM from /proc (Linux), when this bench started the broker. */
function brokerCpuMs(): number | undefined {
  if (!brokerPidFile) return undefined;
  try {
    const pid = readFileSync(brokerPidFile, 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

const totalCpu = (c: CpuMs) => c.node + (c.broker ?? 0);

/** The same analysis as pure functions, no bus and no store: what the pipeline's own work costs. */
function measurePureWork(docs: Document[], customers: Customer[]): { ms: number; cpuMs: number } {
  const index = buildWatchlistIndex(customers, loadLinkModel());
  const eventModel = loadEventModel();
  const at = new Date('2026-11-20T12:00:00Z');
  for (const d of docs.slice(0, 1_000)) analyzeDocument(d, index, at, { eventModel }); // warm-up (JIT), as the pipeline's paced phase is
  const cpu = startCpu();
  const t0 = performance.now();
  for (const d of docs) analyzeDocument(d, index, at, { eventModel });
  return { ms: performance.now() - t0, cpuMs: cpu().node };
}

interface PipelineFigures {
  workers: number;
  compression: string;
  ms: number;
  publishedMs: number;
  analyzedMs: number;
  cpuMs: CpuMs;
  stored: number;
  signals: number;
  paced: { toSignal: number[]; toAssessment: number[] };
  pacedCount: number;
}

const workersLabel = (w: number) => (w === 0 ? 'analysis on the consumer thread' : `${w} analysis worker thread${w === 1 ? '' : 's'}`);

/** The pipeline on a fresh data directory with `workers` analysis threads: a paced phase (latency, JIT warm-up), then the timed burst of all documents. */
async function measurePipeline(brokers: string[], tmpDir: string, watchlistCsv: string, names: string[], docs: Document[], run: string, workers: number): Promise<PipelineFigures> {
  const loaded = loadConfig({ env: { BONITOR_DATA_DIR: path.join(tmpDir, `data-${run}`), BONITOR_DEMO: 'false', BONITOR_ANALYSIS_WORKERS: String(workers), BONITOR_KAFKA_BROKERS: brokers.join(',') } }).config;
  const config = { ...loaded, kafka: { ...loaded.kafka, compression: PIPELINE_COMPRESSION ?? loaded.kafka.compression } };
  const app = await openApp(config, silentLogger, fixedClock(new Date('2026-11-20T12:00:00Z')));
  await importWatchlist(app, watchlistCsv);
  const analyzer = await startAnalyzer(app);
  const scorer = await startScorer(app);

  // Latency probes: first signal and first assessment that cite each document.
  const publishedAt = new Map<string, number>();
  const toSignal = new Map<string, number>();
  const toAssessment = new Map<string, number>();
  const urlToDoc = new Map(docs.map((d) => [d.url, d.id]));
  const probes = await Promise.all([
    app.bus.subscribe({ group: `bench-signals-${run}`, topics: [TOPICS.signals], fromBeginning: false, handler: eachMessage(async (m) => {
      for (const id of (m.value as Envelope<Signal>).payload.documentIds) if (!toSignal.has(id) && publishedAt.has(id)) toSignal.set(id, performance.now() - publishedAt.get(id)!);
      return ok(undefined);
    }) }),
    app.bus.subscribe({ group: `bench-assessments-${run}`, topics: [TOPICS.assessments], fromBeginning: false, handler: eachMessage(async (m) => {
      for (const s of (m.value as Envelope<Assessment>).payload.signals) {
        const id = urlToDoc.get(s.url);
        if (id && !toAssessment.has(id)) toAssessment.set(id, performance.now() - publishedAt.get(id)!);
      }
      return ok(undefined);
    }) }),
  ]);

  // Paced first, on a fresh pipeline: latency is the pipeline's own, not a queue's, and each
  // new signal still moves its customer's score, so the assessment citing it is published.
  const paced = makeDocuments(names, `${run}-paced`, '2026-11-19T11:00:00.000Z').slice(0, PACED_RATE * 10);
  for (const d of paced) urlToDoc.set(d.url, d.id);
  const tp = performance.now();
  for (let i = 0; i < paced.length; i += 5) {
    const due = tp + (i / PACED_RATE) * 1000;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    const batch = paced.slice(i, i + 5);
    const now = performance.now();
    for (const d of batch) publishedAt.set(d.id, now);
    await publishAll(app.bus, TOPICS.documents, batch);
  }
  await analyzer.idle();
  await scorer.idle();
  const pacedLatency = { toSignal: [...toSignal.values()], toAssessment: [...toAssessment.values()] };
  // The probes are the bench's, not the pipeline's: they stop before the timed burst.
  for (const p of probes) await p.idle();
  await Promise.all(probes.map((p) => p.stop()));

  const cpu = startCpu();
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) await publishAll(app.bus, TOPICS.documents, docs.slice(i, i + BATCH));
  const publishedMs = performance.now() - t0;
  await analyzer.idle();
  const analyzedMs = performance.now() - t0;
  await scorer.idle();
  const pipelineMs = performance.now() - t0;
  const pipelineCpu = cpu();
  const stored = await app.store.countDocuments();
  const signals = (await app.store.signalsSince(0, 1_000_000)).length;
  await Promise.all([analyzer.stop(), scorer.stop()]);
  await app.close();

  return { workers, compression: config.kafka.compression, ms: pipelineMs, publishedMs, analyzedMs, cpuMs: pipelineCpu, stored, signals, paced: pacedLatency, pacedCount: paced.length };
}

async function main(): Promise<void> {
  const tmp = tempDir('bonitor-kafka-bench-');
  const own = !process.env.BONITOR_KAFKA_BROKERS;
  const brokers = own
    ? [execFileSync('bash', [script, 'start', path.join(tmp.dir, 'broker')], { encoding: 'utf8' }).trim()]
    : process.env.BONITOR_KAFKA_BROKERS!.split(',');
  if (own) brokerPidFile = path.join(tmp.dir, 'broker', 'pid');
  const loadBefore = loadavg();
  try {
    const watchlistCsv = readFileSync(path.join(DEMO_DIR, 'watchlist.csv'), 'utf8');
    const customers = parseWatchlistCsv(watchlistCsv).customers;
    const run = Date.now().toString(36);
    const docs = makeDocuments(customers.map((c) => c.name), run);

    const rawRuns = PIPELINE_ONLY ? [] : [await measureRaw(brokers, docs, CompressionTypes.None), await measureRaw(brokers, docs, CompressionTypes.GZIP)];
    const pure = PIPELINE_ONLY ? undefined : measurePureWork(docs, customers);

    const pipelines: PipelineFigures[] = [];
    for (const workers of WORKERS) pipelines.push(await measurePipeline(brokers, tmp.dir, watchlistCsv, customers.map((c) => c.name), docs, `${run}-w${workers}`, workers));

    const rate = (ms: number) => (N / (ms / 1000)).toFixed(0);
    const lat = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms (n=${xs.length})`;
    const perK = (c: CpuMs) => `CPU per 1,000 docs: node ${((c.node * 1000) / N).toFixed(0)} ms${c.broker === undefined ? '' : `, broker ${((c.broker * 1000) / N).toFixed(0)} ms`}`;
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
    console.log(`kafka bench: ${N.toLocaleString('en-US')} documents, ${customers.length} customers, broker ${brokers.join(',')}, ${PARTITIONS} partitions; load average ${load(loadBefore)} at the start, ${load(loadavg())} at the end (${cpus().length} cores)`);
    for (const r of rawRuns) {
      console.log(`kafkajs raw produce+consume (1 hop, no work; send ${RAW_BATCH}/request, eachBatch over ${PARTITIONS} partitions, compression ${r.compression}): ${rate(r.ms)} docs/s (${r.ms.toFixed(0)} ms); ${perK(r.cpuMs)}; latency ${lat(r.latencies)}`);
    }
    if (pure) console.log(`the same analysis as pure functions (link + classify, no bus, no store): ${rate(pure.ms)} docs/s (${pure.ms.toFixed(0)} ms); ${perK({ node: pure.cpuMs })}`);
    for (const p of pipelines) {
      console.log(`pipeline over the Kafka bus, ${workersLabel(p.workers)} (documents→analyzer→signals→scorer, SQLite store, compression ${p.compression}): ${rate(p.ms)} docs/s (${p.ms.toFixed(0)} ms); ${perK(p.cpuMs)}; ${p.stored} documents and ${p.signals} signals stored`);
      console.log(`  of which: documents published after ${p.publishedMs.toFixed(0)} ms (batches of ${BATCH}), analyzer idle after ${p.analyzedMs.toFixed(0)} ms, scorer idle after ${p.ms.toFixed(0)} ms`);
      console.log(`  paced at ${PACED_RATE} docs/s for 10 s — latency document → signal published: ${lat(p.paced.toSignal)}; → assessment citing it stored: ${lat(p.paced.toAssessment)} of ${p.pacedCount} documents`);
    }
    if (pure && rawRuns.length > 0) {
      const raw = rawRuns.reduce((best, r) => (r.ms < best.ms ? r : best));
      // One thread does the analysis: it cannot go faster than the pure functions do, so pure / raw bounds the ratio of one analysis thread.
      console.log(`bound of one analysis thread: pure analysis / raw kafkajs (${raw.compression}) = ${(raw.ms / pure.ms).toFixed(3)} (goal ≥ 0.5)`);
      for (const p of pipelines) {
        console.log(
          `ratio pipeline (${workersLabel(p.workers)}) / raw kafkajs: ${(raw.ms / p.ms).toFixed(3)}; pipeline / pure analysis: ${(pure.ms / p.ms).toFixed(3)}; ` +
            `CPU ratio raw / pipeline (node${raw.cpuMs.broker === undefined ? '' : ' + broker'}): ${(totalCpu(raw.cpuMs) / totalCpu(p.cpuMs)).toFixed(3)}; ` +
            `the pipeline's node CPU (all threads) beyond the pure analysis: ${(((p.cpuMs.node - pure.cpuMs) * 1000) / N).toFixed(0)} ms per 1,000 docs`,
        );
      }
    }
  } finally {
    if (own) execFileSync('bash', [script, 'stop', path.join(tmp.dir, 'broker')]);
    tmp.cleanup();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
