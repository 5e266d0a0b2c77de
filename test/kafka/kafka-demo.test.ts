import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../platform/schemas/index.js';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import { silentLogger } from '../../platform/log.js';
import { ClickHouseDb } from '../../platform/store/clickhouse/clickhouse-db.js';
import { tempDir, waitFor } from '../helpers.js';
import { freePort, spawnBonitor, type RunningBonitor } from '../e2e/process.js';
import { TestBroker } from './broker.js';
import { kafkaBrokers } from './kafka-env.js';

/**
 * The bundled demo end to end with the Kafka bus: `bonitor start` with BONITOR_KAFKA_BROKERS,
 * on a broker of its own (the product's topic and group names are fixed, so runs must not share one).
 * Then a second start on the same broker and data: the collector re-publishes the same documents,
 * the pipeline absorbs them, and nothing changes.
 */
describe.runIf(kafkaBrokers())('demo pipeline over Kafka (bonitor start; needs BONITOR_KAFKA_BROKERS, java and the fetched broker)', () => {
  // Made in beforeAll: a skipped suite's body still runs, and must leave nothing behind.
  let tmp: ReturnType<typeof tempDir>;
  let broker: TestBroker;
  beforeAll(() => {
    tmp = tempDir('bonitor-kafka-demo-');
    broker = new TestBroker(`${tmp.dir}/broker`);
  });
  let env: Record<string, string>;
  let base: string;
  const procs: RunningBonitor[] = [];
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await broker?.stop();
    tmp?.cleanup();
  }, 120_000);

  const check = async (q: string) => {
    const res = await fetch(`${base}/api/check?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return assessmentSchema.parse(await res.json());
  };
  const startBonitor = async () => {
    const p = spawnBonitor(['start'], env);
    procs.push(p);
    await waitFor(() => p.stdout().includes('Press Ctrl-C'), 240_000, `startup (stderr: ${p.stderr().slice(-2000)})`);
    return p;
  };

  it('collects, analyses and scores the demo through Kafka topics', async () => {
    const brokers = await broker.start();
    const port = await freePort();
    env = { BONITOR_DATA_DIR: `${tmp.dir}/data`, BONITOR_PORT: String(port), BONITOR_LOG_LEVEL: 'warn', BONITOR_KAFKA_BROKERS: brokers };
    base = `http://127.0.0.1:${port}`;
    const first = await startBonitor();

    const bankrupt = await check('Alpenblick Metallbau');
    expect(bankrupt.customerId).toBe('CH-1001');
    expect(bankrupt.grade).toBe('E');
    expect(bankrupt.signals.some((s) => s.type === 'insolvency')).toBe(true);
    expect(['A', 'B']).toContain((await check('Calandra Logistik')).grade);

    // The messages really went through Kafka, and every stage committed what it handled.
    const bus = new KafkaBus({ brokers: [brokers], clientId: 'demo-probe', partitions: 6, replicationFactor: 1, log: silentLogger });
    try {
      for (const [group, topic] of [['analyzer', 'documents'], ['scorer', 'signals'], ['scorer', 'ledger']] as const) {
        await waitFor(async () => (await bus.lag(group, topic)) === 0, 30_000, `${group} lag on ${topic}`);
      }
    } finally {
      await bus.close();
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0); // graceful: stop fetching, finish, commit, disconnect
  }, 400_000);

  it('replays the same documents on a second start without changing any assessment', async () => {
    const second = await startBonitor();
    expect(second.stdout()).toMatch(/digests this round: 0/);
    const after = await check('Alpenblick Metallbau');
    expect(after.grade).toBe('E');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 400_000);
});

/** The whole distributed configuration: Kafka bus and ClickHouse store, configured by environment alone. */
const clickhouseUrl = process.env.BONITOR_CLICKHOUSE_URL?.trim();
describe.runIf(kafkaBrokers() && clickhouseUrl)('demo pipeline over Kafka with the ClickHouse store (needs BONITOR_KAFKA_BROKERS and BONITOR_CLICKHOUSE_URL)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let broker: TestBroker;
  beforeAll(() => {
    tmp = tempDir('bonitor-kafka-ch-demo-');
    broker = new TestBroker(`${tmp.dir}/broker`);
  });
  const database = `bonitor_e2e_${process.pid}_${Date.now().toString(36)}`;
  const procs: RunningBonitor[] = [];
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await broker?.stop();
    if (tmp) {
      const db = new ClickHouseDb(clickhouseUrl!, database);
      await db.command(`DROP DATABASE IF EXISTS ${database}`).finally(() => db.close());
      tmp.cleanup();
    }
  }, 120_000);

  it('scores the demo with Kafka topics and ClickHouse tables', async () => {
    const brokers = await broker.start();
    const port = await freePort();
    // A database of its own via the YAML config (the URL comes from the environment, as in compose).
    writeFileSync(`${tmp.dir}/bonitor.yaml`, `clickhouse:\n  database: ${database}\n`);
    const env = {
      BONITOR_CONFIG: `${tmp.dir}/bonitor.yaml`, BONITOR_DEMO: 'true', BONITOR_DATA_DIR: `${tmp.dir}/data`, BONITOR_PORT: String(port),
      BONITOR_LOG_LEVEL: 'warn', BONITOR_KAFKA_BROKERS: brokers, BONITOR_CLICKHOUSE_URL: clickhouseUrl!,
    };
    const p = spawnBonitor(['start'], env);
    procs.push(p);
    await waitFor(() => p.stdout().includes('Press Ctrl-C'), 240_000, `startup (stderr: ${p.stderr().slice(-2000)})`);
    expect(p.stdout()).toMatch(/customers assessed: 2\d/);
    const res = await fetch(`http://127.0.0.1:${port}/api/check?q=${encodeURIComponent('Alpenblick Metallbau')}`);
    expect(assessmentSchema.parse(await res.json()).grade).toBe('E');
    const db = new ClickHouseDb(clickhouseUrl!, database);
    try {
      const n = await db.first<{ n: string }>(`SELECT count() AS n FROM ${database}.assessments_latest FINAL`);
      expect(Number(n!.n)).toBeGreaterThanOrEqual(20); // the assessments are in ClickHouse, not in a SQLite file
    } finally {
      await db.close();
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 400_000);
});
