import type { Consumer as KafkaJsConsumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../log.js';
import { toConsumedMessage } from './kafka-codec.js';
import { invokeBatch } from './batch.js';
import { applyResults, type AppliedResults } from './apply-results.js';
import type { Consumer, OutgoingMessage, SubscribeOptions } from './port.js';

export interface KafkaConsumerSettings {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Longest a fetch waits on the broker for new data; bounds stop() and latency when idle. */
  maxWaitTimeMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Partitions handled at the same time by one member (order holds within each partition). */
  partitionsConcurrently: number;
  /** Most messages handed to one step call (a fetched batch is cut to this). */
  maxBatchMessages: number;
  joinTimeoutMs: number;
  /** Called when a member stops for good after a non-retriable error (the role should exit non-zero). */
  onFatal?: (err: Error) => void;
}

/** What the consumer needs from its bus: publishing outputs, dead-lettering and lag. */
export interface KafkaConsumerHost {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, step: string, attempts: number): Promise<void>;
  lag(group: string, topic: string): Promise<number>;
  clientRetry: { retries: number; initialRetryTime: number; maxRetryTime: number };
}

/**
 * One member of a consumer group. Offsets are committed by hand, only after the handler's
 * work is done and only up to the last finished message of a partition, so a crash at any
 * point re-delivers (never skips) work; idempotent writes absorb the re-delivery.
 */
export class KafkaGroupConsumer implements Consumer {
  private readonly consumer: KafkaJsConsumer;
  private readonly maxAttempts: number;
  /** Failed attempts per message held by this member (topic/partition/offset). */
  private readonly attempts = new Map<string, number>();
  private readonly sleepers = new Set<() => void>();
  private running = false;
  /** Set by kill(): behave like a dead process — commit nothing, hand out nothing more. */
  private killed = false;
  private stopping: Promise<void> | undefined;
  private endWith: (reason: Error | undefined) => void = () => undefined;
  readonly ended = new Promise<Error | undefined>((resolve) => (this.endWith = resolve));

  constructor(
    kafka: Kafka,
    private readonly host: KafkaConsumerHost,
    private readonly options: SubscribeOptions<unknown>,
    private readonly settings: KafkaConsumerSettings,
    private readonly log: Logger,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.consumer = kafka.consumer({
      groupId: options.group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: { ...host.clientRetry, restartOnFailure: async (err) => this.restartAfter(err) },
    });
  }

  /** Connects, joins the group and resolves once this member has its first assignment. */
  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    const joined = new Promise<void>((resolve) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      this.log.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer_crashed');
      this.onCrash(e.payload.error, e.payload.restart);
    });
    this.running = true;
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.log.warn({ timeout_ms: this.settings.joinTimeoutMs }, 'consumer_join_slow');
        resolve();
      }, this.settings.joinTimeoutMs);
    });
    await Promise.race([joined, timeout]);
    clearTimeout(timer);
  }

  /**
   * The fetched batch, in runs of at most maxBatchMessages, each run handed to the step at once;
   * applyResults decides (the same for every adapter): outputs published, dead letters written,
   * then the finished prefix committed. A retry waits out the backoff (heartbeating) and hands
   * the run over again from the message that asked for it.
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const alive = (): boolean => this.running && !this.killed && isRunning() && !isStale();
    let start = 0;
    while (start < batch.messages.length && alive()) {
      const run = batch.messages.slice(start, start + this.settings.maxBatchMessages);
      const keys = run.map((m) => `${topic}/${partition}/${m.offset}`);
      const consumed = run.map((m, i) => toConsumedMessage(topic, partition, m, this.attempts.get(keys[i]!) ?? 0));
      const results = await this.whileBeating(heartbeat, () => invokeBatch(this.options.handler, consumed, () => this.running && !this.killed));
      if (this.killed) return; // a killed process commits nothing
      const applied = applyResults(consumed, results, {
        maxAttempts: this.maxAttempts,
        backoff: { baseMs: this.settings.retryBaseMs, maxMs: this.settings.retryMaxMs },
        stopping: !this.running,
      });
      await this.settle(applied, run);
      for (let i = 0; i < applied.finished; i++) this.attempts.delete(keys[i]!);
      if (applied.commitTo !== undefined) {
        resolveOffset(String(applied.commitTo - 1));
        await this.commit(topic, partition, applied.commitTo, payload);
      }
      const r = applied.retry;
      if (r && !r.counted) return; // stopping
      if (r) {
        this.attempts.set(keys[applied.finished]!, r.attempts);
        this.log.warn({ topic, partition, offset: r.message.offset, attempts: r.attempts, reason: r.reason }, 'message_failed');
      }
      await heartbeat();
      if (r && !(await this.pause(r.afterMs, payload))) return;
      start += applied.finished;
    }
  }

  /**
   * Runs the step while heartbeating every heartbeat interval. kafkajs heartbeats an eachBatch
   * member only when asked, so a run that outlasts the session (a slow document, a replaced
   * worker thread, a starved process) would cost the partition in a rebalance, and its outputs,
   * already published, would go out again after redelivery. A failed beat (a rebalance under
   * way) is left to the commit, which then refuses and re-joins.
   */
  private async whileBeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    let beating: Promise<void> | undefined;
    const timer = setInterval(() => {
      beating ??= heartbeat()
        .catch(() => undefined)
        .finally(() => (beating = undefined));
    }, this.settings.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await beating;
    }
  }

  /** Publishes the step's outputs and writes the dead letters (before the commit that covers them). */
  private async settle(applied: AppliedResults<unknown>, run: KafkaMessage[]): Promise<void> {
    if (this.options.output && applied.publish.length > 0) {
      for (const { topic, messages } of this.options.output(applied.publish)) await this.host.publish(topic, messages);
    }
    for (const d of applied.deadLetters) {
      const original = run.find((m) => Number(m.offset) === d.message.offset)!;
      await this.host.deadLetter(d.message.topic, d.message.partition, original, d.reason, this.options.group, d.attempts);
      this.log.error({ topic: d.message.topic, partition: d.message.partition, offset: d.message.offset, reason: d.reason }, 'message_dead_lettered');
    }
    for (const d of applied.dropped) this.log.debug({ topic: d.message.topic, offset: d.message.offset, reason: d.reason }, 'message_dropped');
  }

  private async commit(topic: string, partition: number, nextOffset: number, payload: EachBatchPayload): Promise<void> {
    if (payload.isStale() || this.killed) return; // the next owner re-reads
    try {
      await this.consumer.commitOffsets([{ topic, partition, offset: String(nextOffset) }]);
    } catch (err) {
      // kafkajs wraps "member unknown" / "rebalancing" (e.g. after a broker restart) in a
      // non-retriable error that would stop this consumer for good; its runner re-joins the
      // group on the original error, and the uncommitted messages come again.
      throw rootCause(err);
    }
  }

  /** Waits out a retry backoff while heartbeating; false when the member is stopping or lost the partition. */
  private async pause(ms: number, payload: EachBatchPayload): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!this.running || !payload.isRunning() || payload.isStale()) return false;
      await this.sleep(Math.min(until - Date.now(), this.settings.heartbeatIntervalMs));
      await payload.heartbeat();
    }
    return this.running && payload.isRunning() && !payload.isStale();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async restartAfter(err: Error): Promise<boolean> {
    if (!this.running) return false;
    this.log.error({ err }, 'consumer_restarting');
    return true;
  }

  /** kafkajs gave up (a non-retriable error): this member consumes no more. Never silent. */
  private onCrash(error: Error, restart: boolean): void {
    if (restart || !this.running) return;
    this.running = false;
    this.log.fatal({ err: error }, 'consumer_stopped_after_crash');
    this.endWith(error);
    this.settings.onFatal?.(error);
  }

  async idle(): Promise<void> {
    for (;;) {
      if (!this.running) return;
      let lag = 0;
      try {
        for (const topic of this.options.topics) lag += await this.host.lag(this.options.group, topic);
      } catch (err) {
        lag = -1; // the broker could not tell (restarting): not idle yet, ask again
        this.log.debug({ err }, 'lag_unknown');
      }
      if (lag === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Test hook: die like a killed process. Nothing more is handled or committed, and the
   * handler in flight is not waited for. (kafkajs still says goodbye to the group, so the
   * partitions move at once instead of after the session timeout; the kill -9 test in
   * test/kafka covers the silent death of a real process.)
   */
  async kill(): Promise<void> {
    this.killed = true;
    this.running = false;
    for (const wake of [...this.sleepers]) wake();
    this.stopping ??= this.consumer.disconnect();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      for (const wake of [...this.sleepers]) wake();
      // kafkajs waits for the batch in flight (which commits what it finished), then leaves the group.
      await this.consumer.disconnect();
      this.endWith(undefined);
    })();
    return this.stopping;
  }
}

function rootCause(err: unknown): unknown {
  let e = err;
  while (e && typeof e === 'object' && 'cause' in e && (e as { cause?: unknown }).cause) e = (e as { cause: unknown }).cause;
  return e;
}
