import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DLQ_HEADERS, dlq, drop, ok as okOf, retry, type Bus, type ConsumedMessage, type Consumer, type StepResult } from '../../platform/bus/port.js';
import { deadLetterTopic } from '../../platform/schemas/topics.js';
import { uniqueName, waitFor } from '../helpers.js';

import { eachMessage } from '../../platform/bus/batch.js';

/** A finished message with no output. */
const ok: StepResult<never> = okOf(undefined as never);
/**
 * The Bus contract: every adapter (memory, SQLite local log, Kafka) must pass it.
 * Delivery is at least once; consumers make it effectively once with idempotent writes,
 * so these tests check "nothing lost" and "in order per key", and count duplicates only
 * where the adapter promises none (no crash, no rebalance).
 */
export interface BusHarness {
  /** A bus ready to use; one per suite. */
  create(): Promise<Bus>;
  /** Simulates the consumer's process dying: no commit, no goodbye. */
  kill(consumer: Consumer): Promise<void>;
  /** How long to wait for deliveries (Kafka rebalances are slower). */
  timeoutMs?: number;
}

export function runBusContract(name: string, harness: BusHarness): void {
  describe(`Bus contract: ${name}`, () => {
    let bus: Bus;
    const timeout = harness.timeoutMs ?? 10_000;
    beforeAll(async () => {
      bus = await harness.create();
    });
    afterAll(async () => {
      await bus?.close();
    });

    function collect(into: ConsumedMessage[], result: (m: ConsumedMessage) => StepResult | Promise<StepResult> = () => ok) {
      return eachMessage(async (m: ConsumedMessage) => {
        into.push(m);
        return result(m);
      });
    }

    it('delivers every message once, in order per key', async () => {
      const topic = uniqueName('order');
      await bus.ensureTopics([topic]);
      const keys = ['cust-a', 'cust-b', 'cust-c'];
      await bus.publish(topic, Array.from({ length: 60 }, (_, i) => ({ key: keys[i % 3]!, value: { n: i, key: keys[i % 3] } })));
      const got: ConsumedMessage[] = [];
      const c = await bus.subscribe({ group: uniqueName('g'), topics: [topic], handler: collect(got) });
      await waitFor(() => got.length >= 60, timeout, '60 messages');
      await c.stop();
      expect(got).toHaveLength(60);
      for (const key of keys) {
        const ns = got.filter((m) => m.key === key).map((m) => (m.value as { n: number }).n);
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
        expect(ns).toHaveLength(20);
      }
      expect(got.every((m) => m.topic === topic && m.attempt === 0)).toBe(true);
    });

    it('resumes a group from its committed offsets; another group reads from the start', async () => {
      const topic = uniqueName('resume');
      const group = uniqueName('g');
      await bus.ensureTopics([topic]);
      await bus.publish(topic, [1, 2, 3].map((n) => ({ key: `k${n}`, value: { n } })));
      const first: ConsumedMessage[] = [];
      let c = await bus.subscribe({ group, topics: [topic], handler: collect(first) });
      await waitFor(() => first.length >= 3, timeout, 'first three');
      await c.idle();
      await c.stop();
      expect(await bus.lag(group, topic)).toBe(0);

      await bus.publish(topic, [4, 5].map((n) => ({ key: `k${n}`, value: { n } })));
      expect(await bus.lag(group, topic)).toBe(2);
      const second: ConsumedMessage[] = [];
      c = await bus.subscribe({ group, topics: [topic], handler: collect(second) });
      await waitFor(() => second.length >= 2, timeout, 'two new');
      await c.idle();
      await c.stop();
      expect(second.map((m) => (m.value as { n: number }).n).sort()).toEqual([4, 5]);

      const other: ConsumedMessage[] = [];
      c = await bus.subscribe({ group: uniqueName('g'), topics: [topic], handler: collect(other) });
      await waitFor(() => other.length >= 5, timeout, 'all five for a new group');
      await c.stop();
    });

    it('redelivers what a killed consumer had not committed, and loses nothing', async () => {
      const topic = uniqueName('crash');
      const group = uniqueName('g');
      await bus.ensureTopics([topic]);
      const total = 40;
      await bus.publish(topic, Array.from({ length: total }, (_, i) => ({ key: `k${i % 4}`, value: { n: i } })));
      const seenByVictim: number[] = [];
      const completedByVictim: number[] = [];
      let killed = false;
      let blockForever: (() => void) | undefined;
      const victim = await bus.subscribe({
        group,
        topics: [topic],
        handler: eachMessage(async (m) => {
          const n = (m.value as { n: number }).n;
          seenByVictim.push(n);
          if (seenByVictim.length === 5) {
            // Mid-batch: the process dies while handling its fifth message.
            await new Promise<void>((r) => (blockForever = r));
          }
          if (!killed) completedByVictim.push(n);
          return ok;
        }),
      });
      await waitFor(() => seenByVictim.length >= 5, timeout, 'victim mid-batch');
      killed = true;
      await harness.kill(victim);
      blockForever?.();
      const inFlight = seenByVictim[4]!;

      const survivor: number[] = [];
      const c = await bus.subscribe({ group, topics: [topic], handler: eachMessage(async (m) => (survivor.push((m.value as { n: number }).n), ok)) });
      await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 3, 'group caught up');
      await c.stop();
      // Nothing lost: every message was finished by the victim before it died, or by the survivor.
      const delivered = new Set([...completedByVictim, ...survivor]);
      expect(delivered.size).toBe(total);
      // The message in flight when the victim died was never committed: it came again.
      expect(completedByVictim).not.toContain(inFlight);
      expect(survivor).toContain(inFlight);
    });

    it('dead-letters a poison message with its reason and original bytes while the rest flows', async () => {
      const topic = uniqueName('poison');
      const group = uniqueName('step');
      await bus.ensureTopics([topic, deadLetterTopic(topic)]);
      await bus.publish(topic, [
        { key: 'same', value: { n: 1 } },
        { key: 'same', value: { n: 2, poison: true } },
        { key: 'same', value: { n: 3 } },
        { key: 'other', value: { n: 4, explode: true } },
      ]);
      const good: number[] = [];
      const c = await bus.subscribe({
        group,
        topics: [topic],
        maxAttempts: 3,
        handler: eachMessage(async (m) => {
          const v = m.value as { n: number; poison?: boolean; explode?: boolean };
          if (v.poison) return dlq('payload: amount must be a number');
          if (v.explode) throw new TypeError('cannot read properties of undefined');
          good.push(v.n);
          return ok;
        }),
      });
      await waitFor(() => good.length >= 2, timeout, 'good messages');
      await c.idle();
      await c.stop();
      expect([...new Set(good)]).toEqual([1, 3]); // a batch hit by the TypeError is handed over again one by one

      const dead: ConsumedMessage[] = [];
      const d = await bus.subscribe({ group: uniqueName('inspect'), topics: [deadLetterTopic(topic)], handler: collect(dead) });
      await waitFor(() => dead.length >= 2, timeout, 'two dead letters');
      await d.stop();
      const poison = dead.find((m) => (m.value as { n: number }).n === 2)!;
      expect(poison.headers[DLQ_HEADERS.reason]).toContain('amount must be a number');
      expect(poison.headers[DLQ_HEADERS.step]).toBe(group);
      expect(poison.headers[DLQ_HEADERS.topic]).toBe(topic);
      expect(Number(poison.headers[DLQ_HEADERS.offset])).toBeGreaterThanOrEqual(0);
      expect(JSON.parse(poison.raw)).toEqual({ n: 2, poison: true });
      const typeError = dead.find((m) => (m.value as { n: number }).n === 4)!;
      expect(typeError.headers[DLQ_HEADERS.reason]).toContain('TypeError');
      expect(typeError.headers[DLQ_HEADERS.attempts]).toBe('1'); // programming errors are never retried
    });

    it('retries a failing message with growing attempt numbers, then dead-letters it after maxAttempts', async () => {
      const topic = uniqueName('retry');
      const group = uniqueName('g');
      await bus.ensureTopics([topic, deadLetterTopic(topic)]);
      await bus.publish(topic, [{ key: 'a', value: { flaky: 2 } }, { key: 'b', value: { flaky: 99 } }]);
      const attempts: Record<string, number[]> = { a: [], b: [] };
      const c = await bus.subscribe({
        group,
        topics: [topic],
        maxAttempts: 3,
        handler: eachMessage(async (m) => {
          attempts[m.key]!.push(m.attempt);
          const { flaky } = m.value as { flaky: number };
          if (m.attempt < flaky) throw new Error('database is locked');
          return ok;
        }),
      });
      await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 2, 'retries done');
      await c.stop();
      // A message behind a retried one in the same partition rides along (attempt 0) until its own turn.
      expect([...new Set(attempts.a)]).toEqual([0, 1, 2]);
      expect([...new Set(attempts.b)]).toEqual([0, 1, 2]);
      const dead: ConsumedMessage[] = [];
      const d = await bus.subscribe({ group: uniqueName('inspect'), topics: [deadLetterTopic(topic)], handler: collect(dead) });
      await waitFor(() => dead.length >= 1, timeout, 'dead letter');
      await d.stop();
      expect(dead).toHaveLength(1);
      expect(dead[0]!.key).toBe('b');
      expect(dead[0]!.headers[DLQ_HEADERS.reason]).toContain('database is locked');
    });

    it('shares partitions between two members of a group without losing messages', async () => {
      const topic = uniqueName('share');
      const group = uniqueName('g');
      await bus.ensureTopics([topic]);
      const handledBy: Record<string, Set<number>> = { one: new Set(), two: new Set() };
      const mk = (who: 'one' | 'two') =>
        bus.subscribe({ group, topics: [topic], handler: eachMessage(async (m) => (handledBy[who]!.add((m.value as { n: number }).n), ok)) });
      const [one, two] = await Promise.all([mk('one'), mk('two')]);
      await bus.publish(topic, Array.from({ length: 100 }, (_, i) => ({ key: `key-${i}`, value: { n: i } })));
      await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 3, 'group caught up');
      await Promise.all([one.stop(), two.stop()]);
      const all = new Set([...handledBy.one!, ...handledBy.two!]);
      expect(all.size).toBe(100);
    });

    describe('batch mode', () => {
      const n = (m: ConsumedMessage) => (m.value as { n: number }).n;
      /** A batch comes from one partition, in offset order. */
      function expectOnePartitionInOrder(batch: ConsumedMessage[]): void {
        expect(batch.length).toBeGreaterThan(0);
        expect(new Set(batch.map((m) => `${m.topic}/${m.partition}`)).size).toBe(1);
        const offsets = batch.map((m) => m.offset);
        for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
      }

      it('hands over runs of one partition in offset order, every message once, in order per key', async () => {
        const topic = uniqueName('batch-order');
        const group = uniqueName('g');
        await bus.ensureTopics([topic]);
        const keys = ['cust-a', 'cust-b', 'cust-c'];
        await bus.publish(topic, Array.from({ length: 90 }, (_, i) => ({ key: keys[i % 3]!, value: { n: i } })));
        const batches: ConsumedMessage[][] = [];
        const c = await bus.subscribe({ group, topics: [topic], handler: async (ms) => (batches.push(ms), ms.map(() => ok)) });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout, 'group caught up');
        await c.stop();
        for (const b of batches) expectOnePartitionInOrder(b);
        const got = batches.flat();
        expect(got).toHaveLength(90);
        expect(batches.some((b) => b.length > 1)).toBe(true); // it really batches
        for (const key of keys) {
          const ns = got.filter((m) => m.key === key).map(n);
          expect(ns).toEqual([...ns].sort((a, b) => a - b));
          expect(ns).toHaveLength(30);
        }
      });

      it('commits a batch only after its handler resolved', async () => {
        const topic = uniqueName('batch-commit');
        const group = uniqueName('g');
        await bus.ensureTopics([topic]);
        await bus.publish(topic, Array.from({ length: 10 }, (_, i) => ({ key: 'one', value: { n: i } })));
        let release: (() => void) | undefined;
        let first: ConsumedMessage[] | undefined;
        const c = await bus.subscribe({
          group,
          topics: [topic],
          handler: async (ms) => {
            if (!first) {
              first = ms;
              await new Promise<void>((r) => (release = r));
            }
            return ms.map(() => ok);
          },
        });
        await waitFor(() => release !== undefined, timeout, 'first batch in the handler');
        // The handler has not resolved: nothing of the batch is committed.
        expect(await bus.lag(group, topic)).toBe(10);
        release!();
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout, 'committed after the batch');
        await c.stop();
        expect(first!.length).toBeGreaterThan(0);
      });

      it('redelivers the whole batch a killed consumer was handling, and loses nothing', async () => {
        const topic = uniqueName('batch-crash');
        const group = uniqueName('g');
        await bus.ensureTopics([topic]);
        const total = 40;
        await bus.publish(topic, Array.from({ length: total }, (_, i) => ({ key: `k${i % 4}`, value: { n: i } })));
        const completedByVictim: number[] = [];
        let inFlight: number[] | undefined;
        let killed = false;
        let blockForever: (() => void) | undefined;
        const victim = await bus.subscribe({
          group,
          topics: [topic],
          handler: async (ms) => {
            if (!inFlight && !killed) {
              // The process dies in the middle of its first batch.
              inFlight = ms.map(n);
              await new Promise<void>((r) => (blockForever = r));
            }
            if (!killed) completedByVictim.push(...ms.map(n));
            return ms.map(() => ok);
          },
        });
        await waitFor(() => blockForever !== undefined, timeout, 'victim mid-batch');
        killed = true;
        await harness.kill(victim);
        blockForever!();

        const survivor: number[] = [];
        const c = await bus.subscribe({ group, topics: [topic], handler: async (ms) => (survivor.push(...ms.map(n)), ms.map(() => ok)) });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 3, 'group caught up');
        await c.stop();
        expect(new Set([...completedByVictim, ...survivor]).size).toBe(total);
        // No message of the batch in flight was committed: all of it came again.
        for (const m of inFlight!) {
          expect(completedByVictim).not.toContain(m);
          expect(survivor).toContain(m);
        }
      });

      it('dead-letters inside a batch while the rest of it flows; a programming error hits only its own message', async () => {
        const topic = uniqueName('batch-poison');
        const group = uniqueName('step');
        await bus.ensureTopics([topic, deadLetterTopic(topic)]);
        await bus.publish(topic, [
          { key: 'same', value: { n: 1 } },
          { key: 'same', value: { n: 2, poison: true } },
          { key: 'same', value: { n: 3 } },
          { key: 'same', value: { n: 4, explode: true } },
          { key: 'same', value: { n: 5 } },
        ]);
        const finished: number[] = [];
        const seen: number[][] = [];
        const c = await bus.subscribe({
          group,
          topics: [topic],
          maxAttempts: 3,
          handler: async (ms) => {
            seen.push(ms.map(n));
            const values = ms.map((m) => m.value as { n: number; poison?: boolean; explode?: boolean });
            // A bug that one message triggers breaks the whole call, as in a real batch handler.
            if (values.some((v) => v.explode)) throw new TypeError('cannot read properties of undefined');
            return values.map((v) => (v.poison ? dlq('payload: amount must be a number') : (finished.push(v.n), ok)));
          },
        });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout, 'batch done');
        await c.stop();
        expect([...new Set(finished)].sort()).toEqual([1, 3, 5]);

        const dead: ConsumedMessage[] = [];
        const d = await bus.subscribe({ group: uniqueName('inspect'), topics: [deadLetterTopic(topic)], handler: collect(dead) });
        await waitFor(() => dead.length >= 2, timeout, 'two dead letters');
        await d.stop();
        expect(dead.map(n).sort()).toEqual([2, 4]);
        const poison = dead.find((m) => n(m) === 2)!;
        expect(poison.headers[DLQ_HEADERS.reason]).toContain('amount must be a number');
        expect(poison.headers[DLQ_HEADERS.step]).toBe(group);
        expect(JSON.parse(poison.raw)).toEqual({ n: 2, poison: true });
        const typeError = dead.find((m) => n(m) === 4)!;
        expect(typeError.headers[DLQ_HEADERS.reason]).toContain('TypeError');
        expect(typeError.headers[DLQ_HEADERS.attempts]).toBe('1'); // never retried
        // The programming error was pinned down by handing the messages over one at a time.
        expect(seen).toContainEqual([4]);
      });

      it('retries from the first message that asked, counts its attempts, dead-letters it after maxAttempts', async () => {
        const topic = uniqueName('batch-retry');
        const group = uniqueName('g');
        await bus.ensureTopics([topic, deadLetterTopic(topic)]);
        await bus.publish(topic, [
          { key: 'same', value: { n: 1 } },
          { key: 'same', value: { n: 2, flaky: 2 } },
          { key: 'same', value: { n: 3 } },
          { key: 'same', value: { n: 4, flaky: 99 } },
          { key: 'same', value: { n: 5 } },
        ]);
        const batches: ConsumedMessage[][] = [];
        const c = await bus.subscribe({
          group,
          topics: [topic],
          maxAttempts: 3,
          handler: async (ms) => {
            batches.push(ms);
            return ms.map((m) => ((m.value as { flaky?: number }).flaky ?? 0) > m.attempt ? retry('database is locked') : ok);
          },
        });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 2, 'retries done');
        await c.stop();
        for (const b of batches) expectOnePartitionInOrder(b);
        const attemptsOf = (x: number) => batches.flat().filter((m) => n(m) === x).map((m) => m.attempt);
        expect(attemptsOf(2)).toEqual([0, 1, 2]);
        // Message 4 rides along (attempt 0) while 2 is retried; its own count grows once it asks.
        expect([...new Set(attemptsOf(4))]).toEqual([0, 1, 2]);
        expect(attemptsOf(4)).toEqual([...attemptsOf(4)].sort());
        expect(attemptsOf(1)).toEqual([0]); // committed before the retry: never handed over again
        expect(attemptsOf(5).every((a) => a === 0)).toBe(true); // only the asking message counts
        // A batch handed over again starts at the message that asked for the retry.
        for (const b of batches) if (b.some((m) => m.attempt > 0)) expect(b[0]!.attempt).toBeGreaterThan(0);
        const dead: ConsumedMessage[] = [];
        const d = await bus.subscribe({ group: uniqueName('inspect'), topics: [deadLetterTopic(topic)], handler: collect(dead) });
        await waitFor(() => dead.length >= 1, timeout, 'dead letter');
        await d.stop();
        expect(dead.map(n)).toEqual([4]);
        expect(dead[0]!.headers[DLQ_HEADERS.reason]).toContain('gave up after 3 attempts: database is locked');
      });

      it('retries the whole batch when its handler throws', async () => {
        const topic = uniqueName('batch-throw');
        const group = uniqueName('g');
        await bus.ensureTopics([topic]);
        await bus.publish(topic, [1, 2, 3].map((i) => ({ key: 'same', value: { n: i } })));
        const batches: ConsumedMessage[][] = [];
        const c = await bus.subscribe({
          group,
          topics: [topic],
          maxAttempts: 3,
          handler: async (ms) => {
            batches.push(ms);
            if (batches.length === 1) throw new Error('connection reset');
            return ms.map(() => ok);
          },
        });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 2, 'retried batch done');
        await c.stop();
        const first = batches[0]!;
        expect(batches[1]![0]!.offset).toBe(first[0]!.offset); // again from the start of the batch
        expect(batches[1]![0]!.attempt).toBe(1); // the first message carries the batch's attempt
        expect(batches.flat().filter((m) => m.attempt > 0)).toHaveLength(1);
        expect(new Set(batches.flat().map(n))).toEqual(new Set([1, 2, 3]));
      });

      it('publishes the ok values through the output before committing; drop commits without output; retry waits its afterMs', async () => {
        const topic = uniqueName('batch-output');
        const out = uniqueName('batch-output-to');
        const group = uniqueName('g');
        await bus.ensureTopics([topic, out]);
        await bus.publish(topic, [1, 2, 3, 4].map((i) => ({ key: 'same', value: { n: i } })));
        const seen: Array<{ n: number; attempt: number; at: number }> = [];
        const c = await bus.subscribe<number>({
          group,
          topics: [topic],
          maxAttempts: 5,
          handler: async (ms) =>
            ms.map((m) => {
              seen.push({ n: n(m), attempt: m.attempt, at: Date.now() });
              if (n(m) === 2) return drop('nothing to do');
              if (n(m) === 3 && m.attempt === 0) return retry('not yet', 300);
              return okOf(n(m) * 10);
            }),
          output: (values) => [{ topic: out, messages: values.map((v) => ({ key: 'same', value: { v } })) }],
        });
        await waitFor(async () => (await bus.lag(group, topic)) === 0, timeout * 2, 'batch done');
        await c.stop();
        const got: ConsumedMessage[] = [];
        const d = await bus.subscribe({ group: uniqueName('inspect'), topics: [out], handler: collect(got) });
        await waitFor(() => got.length >= 3, timeout, 'three outputs');
        await d.stop();
        // 10 once (committed before the retry), 30 and 40 after it; nothing for the dropped 2.
        expect(got.map((m) => (m.value as { v: number }).v).sort((x, y) => x - y)).toEqual([10, 30, 40]);
        const first3 = seen.find((s) => s.n === 3 && s.attempt === 0)!;
        const again3 = seen.find((s) => s.n === 3 && s.attempt === 1)!;
        expect(again3.at - first3.at).toBeGreaterThanOrEqual(250); // the step's own afterMs, not the bus's backoff
        expect(seen.filter((s) => s.n === 1)).toHaveLength(1);
      });
    });
  });
}
