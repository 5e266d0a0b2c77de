import { randomUUID } from 'node:crypto';
import { type Logger, moduleLogger } from '../log.js';
import { deadLetterTopic } from '../schemas/topics.js';
import { partitionFor } from './partition.js';
import { invokeBatch } from './batch.js';
import { applyResults, type AppliedResults } from './apply-results.js';
import type { LogStorage, StoredMessage } from './log-storage.js';
import {
  DLQ_HEADERS,
  type Bus,
  type ConsumedMessage,
  type Consumer,
  type OutgoingMessage,
  type SubscribeOptions,
} from './port.js';

export interface LogBusOptions {
  partitions: number;
  /** Poll interval when idle; doubles up to 8× while nothing arrives. */
  pollMs?: number;
  /** A member that has not polled for this long loses its partitions. */
  sessionMs?: number;
  /** First retry delay after a failed attempt; grows exponentially with jitter, capped at 30 s (platform/backoff). */
  retryBaseMs?: number;
  batchSize?: number;
  log: Logger;
}

const RETRY_MAX_MS = 30_000;

/** The Bus on a LogStorage: durable local log (SQLite) or memory, same semantics. */
export class LogBus implements Bus {
  private readonly consumers = new Set<LogConsumer>();
  private closed = false;

  constructor(
    private readonly storage: LogStorage,
    private readonly options: LogBusOptions,
  ) {}

  async ensureTopics(topics: string[]): Promise<void> {
    for (const t of topics) this.storage.ensureTopic(t, this.options.partitions);
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
    if (messages.length === 0) return;
    let partitions = this.storage.partitionsOf(topic);
    if (partitions === 0) {
      this.storage.ensureTopic(topic, this.options.partitions);
      partitions = this.options.partitions;
    }
    this.storage.append(
      topic,
      messages.map((m) => ({
        partition: partitionFor(m.key, partitions),
        key: m.key,
        value: JSON.stringify(m.value),
        headers: m.headers ?? {},
      })),
    );
  }

  async subscribe<T>(options: SubscribeOptions<T>): Promise<Consumer> {
    if (this.closed) throw new Error('bus is closed');
    await this.ensureTopics(options.topics);
    const consumer = new LogConsumer(this, this.storage, options as SubscribeOptions<unknown>, this.options);
    this.consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  async lag(group: string, topic: string): Promise<number> {
    let lag = 0;
    for (let p = 0; p < this.storage.partitionsOf(topic); p++) {
      lag += this.storage.endOffset(topic, p) - this.storage.committed(group, topic, p);
    }
    return lag;
  }

  /** Drops messages older than `retentionMs` that every consuming group has committed. */
  async prune(retentionMs: number, now = Date.now()): Promise<number> {
    let deleted = 0;
    for (const topic of this.storage.topics()) deleted += this.storage.prune(topic, now - retentionMs);
    return deleted;
  }

  forget(consumer: LogConsumer): void {
    this.consumers.delete(consumer);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.closed = true;
    this.storage.close();
  }
}

class LogConsumer implements Consumer {
  private readonly member = `${process.pid}-${randomUUID()}`;
  private running = false;
  private killed = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Per partition: no new attempt before this time (retry backoff). */
  private readonly notBefore = new Map<string, number>();
  private readonly maxAttempts: number;
  private readonly log: Logger;
  private endWith: (reason: Error | undefined) => void = () => undefined;
  readonly ended = new Promise<Error | undefined>((resolve) => (this.endWith = resolve));

  constructor(
    private readonly bus: LogBus,
    private readonly storage: LogStorage,
    private readonly options: SubscribeOptions,
    private readonly busOptions: LogBusOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.log = moduleLogger(busOptions.log, 'bus', { group: options.group });
  }

  start(): void {
    this.running = true;
    this.loop = this.run().then(
      () => this.endWith(undefined),
      (err: unknown) => {
        this.log.error({ err }, 'consumer_loop_failed');
        // Gone for good: give the partitions back at once if the storage still lets us.
        this.running = false;
        try {
          this.storage.leave(this.options.group, this.member);
        } catch {
          // the leases expire after the session timeout
        }
        this.bus.forget(this);
        this.endWith(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  private async run(): Promise<void> {
    const pollMs = this.busOptions.pollMs ?? 50;
    let idleRounds = 0;
    while (this.running) {
      const handled = await this.pollOnce();
      if (!this.running) break;
      idleRounds = handled > 0 ? 0 : Math.min(idleRounds + 1, 3);
      if (handled === 0) await this.sleep(pollMs * 2 ** idleRounds);
    }
  }

  /** One round over this member's partitions; returns how many messages were finished. */
  private async pollOnce(): Promise<number> {
    const all = this.options.topics.flatMap((topic) =>
      Array.from({ length: this.storage.partitionsOf(topic) }, (_, partition) => ({ topic, partition })),
    );
    const owned = this.storage.rebalance(this.options.group, this.member, all, Date.now(), this.sessionMs());
    let handled = 0;
    for (const { topic, partition } of owned) {
      if (!this.running) break;
      const key = `${topic}/${partition}`;
      if ((this.notBefore.get(key) ?? 0) > Date.now()) continue;
      const from = this.storage.committed(this.options.group, topic, partition);
      const batch = this.storage.read(topic, partition, from, this.busOptions.batchSize ?? 100);
      if (batch.length > 0) handled += await this.handleBatch(key, batch);
    }
    return handled;
  }

  /**
   * One step call for a partition's run of messages, then applyResults decides (the same for
   * every adapter): outputs published, dead letters written, then the finished prefix committed.
   */
  private async handleBatch(key: string, batch: StoredMessage[]): Promise<number> {
    const { group } = this.options;
    const { topic, partition } = batch[0]!;
    const messages = batch.map((s) => toConsumed(s, this.storage.attempts(group, s.topic, s.partition, s.offset)));
    const results = await invokeBatch(this.options.handler, messages, () => this.running);
    if (this.killed) return 0; // a killed process commits nothing
    const applied = applyResults(messages, results, {
      maxAttempts: this.maxAttempts,
      backoff: { baseMs: this.busOptions.retryBaseMs ?? 500, maxMs: RETRY_MAX_MS },
      stopping: !this.running,
    });
    await this.settle(applied);
    if (applied.commitTo !== undefined) this.storage.commit(group, topic, partition, applied.commitTo);
    const r = applied.retry;
    if (r?.counted) {
      this.storage.recordFailure(group, topic, partition, r.message.offset, r.reason);
      this.log.warn({ topic, partition, offset: r.message.offset, attempts: r.attempts, reason: r.reason }, 'message_failed');
      this.notBefore.set(key, Date.now() + r.afterMs);
    } else if (!r) this.notBefore.delete(key);
    return applied.finished;
  }

  /** Publishes the step's outputs and writes the dead letters (before the commit that covers them). */
  private async settle(applied: AppliedResults<unknown>): Promise<void> {
    if (this.options.output && applied.publish.length > 0) {
      for (const { topic, messages } of this.options.output(applied.publish)) await this.bus.publish(topic, messages);
    }
    for (const d of applied.deadLetters) this.deadLetter(d.message, d.reason, d.attempts);
    for (const d of applied.dropped) this.log.debug({ topic: d.message.topic, offset: d.message.offset, reason: d.reason }, 'message_dropped');
  }

  private deadLetter(stored: ConsumedMessage, reason: string, attempts: number): void {
    const topic = deadLetterTopic(stored.topic);
    this.storage.ensureTopic(topic, 1);
    this.storage.append(topic, [
      {
        partition: 0,
        key: stored.key,
        value: stored.raw, // the original bytes, untouched
        headers: {
          ...stored.headers,
          [DLQ_HEADERS.reason]: reason,
          [DLQ_HEADERS.step]: this.options.group,
          [DLQ_HEADERS.topic]: stored.topic,
          [DLQ_HEADERS.partition]: String(stored.partition),
          [DLQ_HEADERS.offset]: String(stored.offset),
          [DLQ_HEADERS.attempts]: String(attempts),
        },
      },
    ]);
    this.log.error({ topic: stored.topic, partition: stored.partition, offset: stored.offset, reason }, 'message_dead_lettered');
  }

  private sessionMs(): number {
    return this.busOptions.sessionMs ?? 30_000;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  async idle(): Promise<void> {
    for (;;) {
      let lag = 0;
      for (const t of this.options.topics) lag += await this.bus.lag(this.options.group, t);
      if (lag === 0 || !this.running) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.wake?.();
    await this.loop;
    try {
      this.storage.leave(this.options.group, this.member);
    } catch (err) {
      // A full disk or a closed database must not make stop() fail: the leases expire by themselves.
      this.log.warn({ err }, 'consumer_leave_failed');
    }
    this.bus.forget(this);
  }

  /** Test hook: vanish like a killed process — no commit, no lease release. */
  async kill(): Promise<void> {
    this.killed = true;
    this.running = false;
    this.wake?.();
    this.bus.forget(this);
  }
}

function toConsumed(stored: StoredMessage, attempt: number): ConsumedMessage {
  let value: unknown;
  try {
    value = JSON.parse(stored.value);
  } catch {
    value = stored.value;
  }
  return { ...stored, value, raw: stored.value, attempt };
}
