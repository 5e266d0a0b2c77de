import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import { errorMessage, isProgrammingError } from '../errors.js';
import { deadLetterTopic } from '../schemas/topics.js';
import { partitionFor } from './partition.js';
import { checkHandlers, invokeBatch } from './batch.js';
import type { LogStorage, StoredMessage } from './log-storage.js';
import {
  DLQ_HEADERS,
  type Bus,
  type ConsumedMessage,
  type Consumer,
  type HandlerResult,
  type OutgoingMessage,
  type SubscribeOptions,
} from './port.js';

export interface LogBusOptions {
  partitions: number;
  /** Poll interval when idle; doubles up to 8× while nothing arrives. */
  pollMs?: number;
  /** A member that has not polled for this long loses its partitions. */
  sessionMs?: number;
  /** First retry delay after a failed attempt; grows exponentially with jitter, capped at 30 s. */
  retryBaseMs?: number;
  batchSize?: number;
  log: Logger;
}

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

  async subscribe(options: SubscribeOptions): Promise<Consumer> {
    if (this.closed) throw new Error('bus is closed');
    checkHandlers(options);
    await this.ensureTopics(options.topics);
    const consumer = new LogConsumer(this, this.storage, options, this.options);
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

  constructor(
    private readonly bus: LogBus,
    private readonly storage: LogStorage,
    private readonly options: SubscribeOptions,
    private readonly busOptions: LogBusOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.log = busOptions.log.child({ module: 'bus', group: options.group });
  }

  start(): void {
    this.running = true;
    this.loop = this.run().catch((err) => {
      this.log.error({ err }, 'consumer_loop_failed');
    });
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

  /** One round over this member's partitions; returns how many messages were handled. */
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
      if (this.options.batchHandler && batch.length > 0) {
        handled += await this.handleBatch(key, batch);
        continue;
      }
      for (const stored of batch) {
        if (!this.running) return handled;
        const done = await this.handleOne(stored);
        if (!done) {
          this.notBefore.set(key, Date.now() + this.backoffMs(stored));
          break; // keep order: nothing after a failed message is handled before it
        }
        this.notBefore.delete(key);
        handled++;
      }
    }
    return handled;
  }

  /** Handles one message; true when it is finished (committed), false when it must be retried. */
  private async handleOne(stored: StoredMessage): Promise<boolean> {
    const { group } = this.options;
    const attempt = this.storage.attempts(group, stored.topic, stored.partition, stored.offset);
    const message = toConsumed(stored, attempt);
    let result: HandlerResult;
    try {
      result = await this.options.handler!(message);
    } catch (err) {
      result = isProgrammingError(err)
        ? { kind: 'dlq', reason: `${(err as Error).name}: ${errorMessage(err)}` }
        : { kind: 'retry', reason: errorMessage(err) };
    }
    if (this.killed) return false; // a killed process commits nothing
    if (!this.running && result.kind === 'retry') return false;
    if (result.kind === 'retry') {
      const attempts = this.storage.recordFailure(group, stored.topic, stored.partition, stored.offset, result.reason);
      this.log.warn({ topic: stored.topic, partition: stored.partition, offset: stored.offset, attempts, reason: result.reason }, 'message_failed');
      if (attempts < this.maxAttempts) return false;
      result = { kind: 'dlq', reason: `gave up after ${attempts} attempts: ${result.reason}` };
    }
    if (result.kind === 'dlq') {
      this.deadLetter(stored, result.reason, attempt + 1);
    } else if (result.kind === 'drop') {
      this.log.debug({ topic: stored.topic, offset: stored.offset, reason: result.reason }, 'message_dropped');
    }
    this.storage.commit(group, stored.topic, stored.partition, stored.offset + 1);
    return true;
  }

  /**
   * Batch mode (rules in port.ts BatchHandler): one handler call for a partition's run of
   * messages, then the results are applied in order as handleOne applies one; commits only
   * after the handler resolved, up to the message before the first retry. Returns how many
   * messages were finished.
   */
  private async handleBatch(key: string, batch: StoredMessage[]): Promise<number> {
    const { group } = this.options;
    const { topic, partition } = batch[0]!;
    const messages = batch.map((s) => toConsumed(s, this.storage.attempts(group, s.topic, s.partition, s.offset)));
    const results = await invokeBatch(this.options.batchHandler!, messages, () => this.running);
    if (this.killed) return 0; // a killed process commits nothing
    let finished = 0;
    let commitTo: number | undefined;
    const commit = (): void => {
      if (commitTo !== undefined) this.storage.commit(group, topic, partition, commitTo);
      commitTo = undefined;
    };
    for (let i = 0; i < batch.length; i++) {
      const stored = batch[i]!;
      let result = results[i]!;
      if (result.kind === 'retry') {
        if (!this.running) break;
        const attempts = this.storage.recordFailure(group, stored.topic, stored.partition, stored.offset, result.reason);
        this.log.warn({ topic: stored.topic, partition: stored.partition, offset: stored.offset, attempts, reason: result.reason }, 'message_failed');
        if (attempts < this.maxAttempts) {
          commit();
          this.notBefore.set(key, Date.now() + this.backoffMs(stored));
          return finished; // keep order: the batch comes again from this message
        }
        result = { kind: 'dlq', reason: `gave up after ${attempts} attempts: ${result.reason}` };
      }
      if (result.kind === 'dlq') {
        this.deadLetter(stored, result.reason, messages[i]!.attempt + 1);
      } else if (result.kind === 'drop') {
        this.log.debug({ topic: stored.topic, offset: stored.offset, reason: result.reason }, 'message_dropped');
      }
      commitTo = stored.offset + 1;
      // A dead letter is committed at once, so a crash does not dead-letter it twice.
      if (result.kind === 'dlq') commit();
      finished++;
    }
    commit();
    if (finished === batch.length) this.notBefore.delete(key);
    return finished;
  }

  private deadLetter(stored: StoredMessage, reason: string, attempts: number): void {
    const topic = deadLetterTopic(stored.topic);
    this.storage.ensureTopic(topic, 1);
    this.storage.append(topic, [
      {
        partition: 0,
        key: stored.key,
        value: stored.value, // the original bytes, untouched
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

  private backoffMs(stored: StoredMessage): number {
    const base = this.busOptions.retryBaseMs ?? 500;
    const n = this.storage.attempts(this.options.group, stored.topic, stored.partition, stored.offset);
    const capped = Math.min(30_000, base * 2 ** Math.max(0, n - 1));
    return capped / 2 + Math.random() * (capped / 2);
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
    this.storage.leave(this.options.group, this.member);
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
