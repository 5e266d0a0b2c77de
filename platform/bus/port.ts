/**
 * The Bus port: keyed, partitioned, durable topics consumed by groups.
 * Adapters: memory (unit tests), SQLite local log (embedded default), Kafka (distributed).
 */

export interface OutgoingMessage {
  /** Partition key: one customer's events stay in one partition, in order. */
  key: string;
  /** JSON-serialisable value (an Envelope on the product's topics). */
  value: unknown;
  headers?: Record<string, string>;
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  /** Parsed JSON, or the raw string when the bytes are not valid JSON (the handler dead-letters it). */
  value: unknown;
  /** The original bytes as stored, kept for dead letters. */
  raw: string;
  headers: Record<string, string>;
  /** How many times this message was handed to this group before (0 on first delivery). */
  attempt: number;
}

/**
 * What a pipeline step says about one message (PostHog's step results). The value of `ok`
 * is the step's output: the consumer hands the values of the messages it commits to the
 * subscription's `output`, which publishes them — steps never publish themselves.
 * ok = done, commit; drop = nothing to do, commit; retry = try again later (after `afterMs`,
 * or the bus's backoff); dlq = will never succeed, dead-letter with the reason and commit.
 */
export type StepResult<T = unknown> =
  | { kind: 'ok'; value: T }
  | { kind: 'drop'; reason: string }
  | { kind: 'retry'; reason: string; afterMs?: number }
  | { kind: 'dlq'; reason: string };

export const ok = <T>(value: T): StepResult<T> => ({ kind: 'ok', value });
export const drop = (reason: string): StepResult<never> => ({ kind: 'drop', reason });
export const retry = (reason: string, afterMs?: number): StepResult<never> =>
  afterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, afterMs };
export const dlq = (reason: string): StepResult<never> => ({ kind: 'dlq', reason });

/**
 * The only way to consume: a run of messages from ONE partition, in offset order; resolves one
 * result per message, in the same order. The results are applied by `applyResults`
 * (apply-results.ts), the same for every adapter: ok/drop commit, dlq dead-letters and commits;
 * the first retry stops the run, its message's attempt count grows (dead-lettered once it
 * reaches maxAttempts, then the run goes on) and the batch is delivered again from that
 * message, after the backoff. Offsets are committed only after the step resolved and its
 * outputs were published, never past a retry.
 * A throw is about the whole batch: any other error = every message asks for retry (so the
 * first message carries the attempt count); a programming error (TypeError…, or a wrong
 * number of results) cannot be pinned on one message, so the batch is handed over again one
 * message at a time and only the message that throws it alone is dead-lettered (attempts 1).
 * Steps must be idempotent per message: work done for messages after a retry is done again.
 */
export type BatchHandler<T = unknown> = (messages: ConsumedMessage[]) => Promise<Array<StepResult<T>>>;

/** Messages the consumer publishes for a step's outputs, per topic. */
export type StepOutput<T> = (values: T[]) => Array<{ topic: string; messages: OutgoingMessage[] }>;

export interface SubscribeOptions<T = unknown> {
  group: string;
  topics: string[];
  handler: BatchHandler<T>;
  /** Where the ok values go: published after the step resolved, before the commit. */
  output?: StepOutput<T>;
  /** Attempts before a message that keeps failing is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Start at the earliest offset when the group has none committed (default true). */
  fromBeginning?: boolean;
}

export interface Consumer {
  /** Stop fetching, finish the message in flight, commit, release partitions. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when every partition assigned to this consumer has no uncommitted message. */
  idle(): Promise<void>;
  /**
   * Settles when the consumer consumes no more: with undefined after stop(), with the error when
   * it stopped by itself (its loop failed — a full disk, a closed database — or the client gave
   * up). Never rejects. The app's supervisor watches it and subscribes again.
   */
  readonly ended: Promise<Error | undefined>;
}

export interface Bus {
  ensureTopics(topics: string[]): Promise<void>;
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe<T>(options: SubscribeOptions<T>): Promise<Consumer>;
  /** Messages not yet committed by `group` on `topic`, summed over partitions (consumer lag). */
  lag(group: string, topic: string): Promise<number>;
  close(): Promise<void>;
}

/** Headers a dead letter carries next to the original bytes. */
export const DLQ_HEADERS = {
  reason: 'x-dlq-reason',
  step: 'x-dlq-step',
  topic: 'x-dlq-topic',
  partition: 'x-dlq-partition',
  offset: 'x-dlq-offset',
  attempts: 'x-dlq-attempts',
} as const;
