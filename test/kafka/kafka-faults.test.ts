import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import { ok as okOf, type StepResult } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir, uniqueName, waitFor } from '../helpers.js';
import { TestBroker } from './broker.js';
import { fastKafkaSettings, kafkaBrokers } from './kafka-env.js';

import { eachMessage } from '../../platform/bus/batch.js';

/** A finished message with no output. */
const ok: StepResult<never> = okOf(undefined as never);
const here = path.dirname(fileURLToPath(import.meta.url));
const shared = kafkaBrokers();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// Gated on BONITOR_KAFKA_BROKERS: set only where scripts/kafka-broker.sh can run a broker (java + the fetched jars).
describe.runIf(shared)('Kafka faults: broker restart mid-stream (needs BONITOR_KAFKA_BROKERS, java and the fetched broker)', () => {
  // Made in beforeAll: a skipped suite's body still runs, and must leave nothing behind.
  let tmp: ReturnType<typeof tempDir> | undefined;
  let broker: TestBroker;
  let bus: KafkaBus | undefined;
  beforeAll(() => {
    tmp = tempDir('bonitor-kafka-');
    broker = new TestBroker(tmp.dir);
  });
  afterAll(async () => {
    await bus?.close().catch(() => undefined);
    await broker?.stop();
    tmp?.cleanup();
  }, 120_000);

  it('loses nothing when the broker is killed and restarted while messages flow', async () => {
    const address = await broker.start();
    // Enough client retries to ride out a broker restart (~5-10 s) without giving up.
    bus = new KafkaBus({
      brokers: [address], clientId: 'fault-restart', partitions: 3, replicationFactor: 1, log: silentLogger,
      ...fastKafkaSettings, clientRetry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    const topic = uniqueName('restart');
    const group = uniqueName('g');
    await bus.ensureTopics([topic]);
    const stored = new Set<number>(); // the idempotent "store"
    let deliveries = 0;
    await bus.subscribe({ group, topics: [topic], handler: eachMessage(async (m) => (deliveries++, stored.add((m.value as { n: number }).n), ok)) });

    const total = 300;
    let restart: Promise<void> | undefined;
    for (let batch = 0; batch < total / 10; batch++) {
      await bus.publish(topic, range(10).map((i) => ({ key: `cust-${(batch * 10 + i) % 17}`, value: { n: batch * 10 + i } })));
      if (batch === 10) {
        await waitFor(() => stored.size >= 50, 30_000, 'consumption under way');
        restart = broker.kill().then(async () => void (await broker.start()));
      }
    }
    await restart;
    await waitFor(() => stored.size === total, 120_000, `all ${total} stored`);
    await waitFor(async () => (await bus!.lag(group, topic)) === 0, 60_000, 'lag 0');
    expect([...stored].sort((a, b) => a - b)).toEqual(range(total));
    expect(deliveries).toBeGreaterThanOrEqual(total); // duplicates possible, absorbed by the set
  }, 240_000);
});

describe.runIf(shared)('Kafka faults: kill -9 one of two consumer processes mid-batch (needs BONITOR_KAFKA_BROKERS)', () => {
  let tmp: ReturnType<typeof tempDir>;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    tmp = tempDir('bonitor-kafka-kill-');
  });
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    tmp?.cleanup();
  });

  function startChild(topic: string, group: string, out: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'consumer-child.ts'), shared!.join(','), topic, group, out, '5'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('joined') && resolve(child));
      child.on('exit', (code) => reject(new Error(`consumer child exited with ${code} before joining`)));
    });
  }
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);

  it('moves the dead member’s partitions to the survivor and loses nothing', async () => {
    const bus = new KafkaBus({ brokers: shared!, clientId: 'fault-kill', partitions: 4, replicationFactor: 1, log: silentLogger, ...fastKafkaSettings });
    const topic = uniqueName('kill');
    const group = uniqueName('g');
    await bus.ensureTopics([topic]);
    const [outA, outB] = [path.join(tmp.dir, 'a.txt'), path.join(tmp.dir, 'b.txt')];
    const victim = await startChild(topic, group, outA);
    await startChild(topic, group, outB);

    const total = 600;
    await bus.publish(topic, range(total).map((n) => ({ key: `cust-${n}`, value: { n } })));
    await waitFor(() => lines(outA).length >= 30 && lines(outB).length >= 30, 60_000, 'both members working');
    victim.kill('SIGKILL');
    const survivorBefore = lines(outB).length;
    const partitionsBefore = new Set(lines(outB).map((l) => l.split(' ')[0]));

    await waitFor(async () => (await bus.lag(group, topic)) === 0, 120_000, 'survivor caught up');
    const stored = new Set([...lines(outA), ...lines(outB)].map((l) => Number(l.split(' ')[1])));
    expect(stored.size).toBe(total);
    const partitionsAfter = new Set(lines(outB).slice(survivorBefore).map((l) => l.split(' ')[0]));
    expect(partitionsBefore.size).toBeLessThan(4); // the victim really held partitions
    expect([...partitionsAfter].some((p) => !partitionsBefore.has(p))).toBe(true); // and the survivor took them
    await bus.close();
  }, 240_000);
});
