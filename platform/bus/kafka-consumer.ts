import type { Consumer as KafkaJsConsumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../log.js';
import { errorMessage, isProgrammingError } from '../errors.js';
import { backoffMs, toConsumedMessage } from './kafka-codec.js';
import { invokeBatch } from './batch.js';
import type { ConsumedMessage, Consumer, HandlerResult, SubscribeOptions } from './port.js';

export interface KafkaConsumerSettings {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Longest a fetch waits on the broker for new data; bounds stop() and latency when idle. */
  maxWaitTimeMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Partitions handled at the same time by one member (order holds within each partition). */
  partitionsConcurrently: number;
  /** Commit at least every N handled messages within a batch (and at its end). */
  commitEvery: number;
  /** Batch mode: most messages handed to one batchHandler call (a fetched batch is cut to this). */
  maxBatchMessages: number;
  joinTimeoutMs: number;
  /** Called when a member stops for good after a non-retriable error (the role should exit non-zero). */
  onFatal?: (err: Error) => void;
}

/** What the consumer needs from its bus: dead-lettering and lag. */
export interface KafkaConsumerHost {
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

  constructor(
    kafka: Kafka,
    private readonly host: KafkaConsumerHost,
    private readonly options: SubscribeOptions,
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

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    if (this.options.batchHandler) return this.handleBatchMode(payload);
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    let lastDone: string | undefined;
    let uncommitted = 0;
    const commit = async (): Promise<void> => {
      if (lastDone === undefined || uncommitted === 0 || isStale() || this.killed) return; // the next owner re-reads
      try {
        await this.consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: String(Number(lastDone) + 1) },
        ]);
      } catch (err) {
        // kafkajs wraps "member unknown" / "rebalancing" (e.g. after a broker restart) in a
        // non-retriable error that would stop this consumer for good; its runner re-joins the
        // group on the original error, and the uncommitted messages come again.
        throw rootCause(err);
      }
      uncommitted = 0;
    };
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const done = await this.handleMessage(batch.topic, batch.partition, message, payload);
        if (!done || this.killed) break;
        resolveOffset(message.offset);
        lastDone = message.offset;
        if (++uncommitted >= this.settings.commitEvery) await commit();
        await heartbeat();
      }
    } finally {
      await commit();
    }
  }

  /**
   * Batch mode (rules in port.ts BatchHandler): the fetched batch, in runs of at most
   * maxBatchMessages, each run handed to the batchHandler at once; results applied in order,
   * then the finished prefix committed. A retry commits what came before it, waits out the
   * backoff and hands the run over again from the message that asked for it.
   */
  private async handleBatchMode(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const alive = (): boolean => this.running && !this.killed && isRunning() && !isStale();
    let lastDone: string | undefined;
    const commit = async (): Promise<void> => {
      if (lastDone === undefined || isStale() || this.killed) return; // the next owner re-reads
      const offset = String(Number(lastDone) + 1);
      lastDone = undefined;
      try {
        await this.consumer.commitOffsets([{ topic, partition, offset }]);
      } catch (err) {
        throw rootCause(err); // see handleBatch
      }
    };
    let start = 0;
    try {
      while (start < batch.messages.length && alive()) {
        const run = batch.messages.slice(start, start + this.settings.maxBatchMessages);
        const keys = run.map((m) => `${topic}/${partition}/${m.offset}`);
        const consumed = run.map((m, i) => toConsumedMessage(topic, partition, m, this.attempts.get(keys[i]!) ?? 0));
        const results = await invokeBatch(this.options.batchHandler!, consumed, () => this.running && !this.killed);
        if (this.killed) return; // a killed process commits nothing
        let retryAfter: number | undefined;
        let next = start + run.length;
        for (let i = 0; i < run.length; i++) {
          const message = run[i]!;
          let result = results[i]!;
          if (result.kind === 'retry') {
            if (!this.running) {
              next = start + i;
              break;
            }
            const failures = consumed[i]!.attempt + 1;
            this.attempts.set(keys[i]!, failures);
            this.log.warn({ topic, partition, offset: Number(message.offset), attempts: failures, reason: result.reason }, 'message_failed');
            if (failures < this.maxAttempts) {
              retryAfter = backoffMs(failures, this.settings.retryBaseMs, this.settings.retryMaxMs);
              next = start + i;
              break;
            }
            result = { kind: 'dlq', reason: `gave up after ${failures} attempts: ${result.reason}` };
          }
          this.attempts.delete(keys[i]!);
          if (result.kind === 'dlq') {
            await this.host.deadLetter(topic, partition, message, result.reason, this.options.group, consumed[i]!.attempt + 1);
            this.log.error({ topic, partition, offset: Number(message.offset), reason: result.reason }, 'message_dead_lettered');
          } else if (result.kind === 'drop') {
            this.log.debug({ topic, offset: Number(message.offset), reason: result.reason }, 'message_dropped');
          }
          resolveOffset(message.offset);
          lastDone = message.offset;
        }
        await commit();
        if (next < start + run.length && retryAfter === undefined) return; // stopping
        await heartbeat();
        if (retryAfter !== undefined && !(await this.pause(retryAfter, payload))) return;
        start = next;
      }
    } finally {
      await commit(); // what was finished before an error (e.g. a failed dead letter) stays done
    }
  }

  /** Handles one message until it is finished (true) or this member is stopping (false). */
  private async handleMessage(topic: string, partition: number, message: KafkaMessage, payload: EachBatchPayload): Promise<boolean> {
    const key = `${topic}/${partition}/${message.offset}`;
    for (;;) {
      const attempt = this.attempts.get(key) ?? 0;
      let result = await this.invoke(toConsumedMessage(topic, partition, message, attempt));
      if (this.killed) return false;
      if (result.kind === 'retry') {
        const failures = attempt + 1;
        this.attempts.set(key, failures);
        this.log.warn({ topic, partition, offset: Number(message.offset), attempts: failures, reason: result.reason }, 'message_failed');
        if (failures < this.maxAttempts) {
          const waited = await this.pause(backoffMs(failures, this.settings.retryBaseMs, this.settings.retryMaxMs), payload);
          if (!waited) return false;
          continue;
        }
        result = { kind: 'dlq', reason: `gave up after ${failures} attempts: ${result.reason}` };
      }
      this.attempts.delete(key);
      if (result.kind === 'dlq') {
        await this.host.deadLetter(topic, partition, message, result.reason, this.options.group, attempt + 1);
        this.log.error({ topic, partition, offset: Number(message.offset), reason: result.reason }, 'message_dead_lettered');
      } else if (result.kind === 'drop') {
        this.log.debug({ topic, offset: Number(message.offset), reason: result.reason }, 'message_dropped');
      }
      return true;
    }
  }

  private async invoke(message: ConsumedMessage): Promise<HandlerResult> {
    try {
      return await this.options.handler!(message);
    } catch (err) {
      // A TypeError will fail the same way every time: dead-letter it at once.
      return isProgrammingError(err)
        ? { kind: 'dlq', reason: `${(err as Error).name}: ${errorMessage(err)}` }
        : { kind: 'retry', reason: errorMessage(err) };
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
    })();
    return this.stopping;
  }
}

function rootCause(err: unknown): unknown {
  let e = err;
  while (e && typeof e === 'object' && 'cause' in e && (e as { cause?: unknown }).cause) e = (e as { cause: unknown }).cause;
  return e;
}
