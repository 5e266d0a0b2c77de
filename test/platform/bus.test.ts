import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryBus, createSqliteLogBus, LogBus } from '../../platform/bus/index.js';
import { ok as okOf, retry, type Consumer, type StepResult } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { runBusContract } from '../contract/bus.contract.js';
import { tempDir, waitFor } from '../helpers.js';
import { eachMessage } from '../../platform/bus/batch.js';

/** A finished message with no output. */
const ok: StepResult<never> = okOf(undefined as never);

const fast = { partitions: 4, pollMs: 5, sessionMs: 300, retryBaseMs: 5, log: silentLogger };
const kill = (c: Consumer) => (c as unknown as { kill(): Promise<void> }).kill();

runBusContract('memory', { create: async () => createMemoryBus(fast), kill });

const tmp = tempDir();
afterAll(() => tmp.cleanup());
runBusContract('SQLite local log', {
  create: async (): Promise<LogBus> => createSqliteLogBus(`${tmp.dir}/bus.db`, fast),
  kill,
});

describe('SQLite local log retention', () => {
  it('prunes only what every consuming group has committed, and keeps dead letters', async () => {
    const bus = createSqliteLogBus(`${tmp.dir}/prune.db`, fast);
    await bus.publish('t', [1, 2, 3, 4].map((n) => ({ key: 'k', value: { n } })));
    await bus.publish('t.dlq', [{ key: 'k', value: { n: 0 } }]);
    const seen: number[] = [];
    const c = await bus.subscribe({ group: 'fast', topics: ['t'], handler: eachMessage(async (m) => (seen.push((m.value as { n: number }).n), ok)) });
    await waitFor(() => seen.length === 4);
    await c.idle();
    await c.stop();
    const slowSeen: number[] = [];
    const slow = await bus.subscribe({ group: 'slow', topics: ['t'], handler: eachMessage(async (m) => (slowSeen.push(1), (m.value as { n: number }).n <= 2 ? ok : retry('not yet'))) });
    await waitFor(() => slowSeen.length >= 3);
    await slow.stop();
    // 'slow' committed offsets up to n=2 only: messages 3 and 4 must survive; the dlq is untouched.
    expect(await bus.prune(0, Date.now() + 1000)).toBe(2);
    expect(await bus.lag('slow', 't')).toBe(2);
    expect(await bus.lag('fast', 't')).toBe(0);
    const again: number[] = [];
    const resumed = await bus.subscribe({ group: 'slow', topics: ['t'], handler: eachMessage(async (m) => (again.push((m.value as { n: number }).n), ok)) });
    await waitFor(() => again.length === 2);
    await resumed.stop();
    expect(again).toEqual([3, 4]);
    await bus.close();
  });
});

describe('SQLite local log append', () => {
  it('numbers a batch spread over several partitions without gaps, continuing where the last batch ended', async () => {
    const { SqliteLogStorage } = await import('../../platform/bus/sqlite.storage.js');
    const storage = new SqliteLogStorage(`${tmp.dir}/append.db`);
    storage.ensureTopic('t', 3);
    const batch = (from: number, partitions: number[]) => partitions.map((partition, i) => ({ partition, key: `k${partition}`, value: String(from + i), headers: (i === 0 ? { h: 'x' } : {}) as Record<string, string> }));
    storage.append('t', batch(0, [0, 1, 0, 2, 0, 1]));
    storage.append('t', batch(6, [1, 0, 1]));
    const read = (p: number) => storage.read('t', p, 0, 100).map((m) => [m.offset, m.value]);
    expect(read(0)).toEqual([[0, '0'], [1, '2'], [2, '4'], [3, '7']]);
    expect(read(1)).toEqual([[0, '1'], [1, '5'], [2, '6'], [3, '8']]);
    expect(read(2)).toEqual([[0, '3']]);
    expect([0, 1, 2].map((p) => storage.endOffset('t', p))).toEqual([4, 4, 1]);
    expect(storage.read('t', 0, 0, 1)[0]!.headers).toEqual({ h: 'x' });
    expect(() => storage.append('t', batch(9, [0, 5]))).toThrow(/unknown partition t\/5/);
    expect(storage.endOffset('t', 0)).toBe(4); // the failed batch left nothing behind
    storage.close();
  });
});
