import { CompressionTypes, Kafka, Partitioners, logLevel, type Admin, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import { type Logger, moduleLogger } from '../log.js';
import { deadLetterTopic } from '../schemas/topics.js';
import { kafkaLogCreator } from './kafka-codec.js';
import { waitForTopicsReady } from './kafka-topics.js';
import { CoalescingPublisher } from './kafka-publisher.js';
import { KafkaGroupConsumer, type KafkaConsumerSettings } from './kafka-consumer.js';
import { DLQ_HEADERS, type Bus, type Consumer, type OutgoingMessage, type SubscribeOptions } from './port.js';

export interface KafkaBusOptions extends Partial<KafkaConsumerSettings> {
  brokers: string[];
  clientId: string;
  /** Partitions and replication of topics this bus creates (existing topics are left as they are). */
  partitions: number;
  replicationFactor: number;
  /** Codec of produced record batches (default none). */
  compression?: 'none' | 'gzip';
  /** kafkajs's own request retries (broker down, leader moved): exponential, capped. */
  clientRetry?: { retries: number; initialRetryTime: number; maxRetryTime: number };
  log: Logger;
}

/** How long a created topic may take to show up with leaders in the broker's metadata. */
const TOPIC_READY_TIMEOUT_MS = 60_000;

const DEFAULTS: KafkaConsumerSettings = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 100,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
  partitionsConcurrently: 6, // replaced by `partitions` below unless set
  maxBatchMessages: 500,
  joinTimeoutMs: 60_000,
};

/**
 * The Bus on Apache Kafka (kafkajs). Keyed messages through an idempotent producer with
 * kafkajs's Java-compatible partitioner, so one key stays on one partition in order;
 * consumer groups with manual commits after the work (kafka-consumer.ts); dead letters
 * to `<topic>.dlq` with the original bytes and DLQ_HEADERS.
 */
export class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly publisher: CoalescingPublisher;
  private readonly settings: KafkaConsumerSettings;
  private readonly clientRetry: { retries: number; initialRetryTime: number; maxRetryTime: number };
  private readonly consumers = new Set<KafkaGroupConsumer>();
  private readonly knownTopics = new Set<string>();
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    if (options.brokers.length === 0) throw new Error('kafka bus needs at least one broker (host:port)');
    const { brokers, clientId, partitions: _p, replicationFactor: _r, compression, clientRetry, log: _l, ...settings } = options;
    // Every partition a member holds is handled at once (in order within each): a handler that
    // publishes waits a produce round trip, and partitions in parallel share those round trips.
    this.settings = { ...DEFAULTS, partitionsConcurrently: options.partitions, ...settings };
    this.clientRetry = clientRetry ?? { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 };
    this.kafka = new Kafka({
      brokers,
      clientId,
      retry: this.clientRetry,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(moduleLogger(options.log, 'kafka')),
    });
    this.admin = this.kafka.admin({ retry: this.clientRetry });
    this.producer = this.kafka.producer({
      idempotent: true, // broker de-duplicates the producer's own retries
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // kafkajs's rule for the idempotent producer: never give up, or its sequence numbers may
      // no longer match the broker's. A publish during an outage waits (capped backoff) and the
      // handler's message stays uncommitted; nothing is dead-lettered for an outage.
      retry: { ...this.clientRetry, retries: Number.MAX_SAFE_INTEGER },
    });
    this.publisher = new CoalescingPublisher(this.producer, compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None);
  }

  private connect(): Promise<void> {
    this.connecting ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => undefined,
      (err: unknown) => {
        this.connecting = undefined; // the next call tries again instead of failing for ever
        throw err;
      },
    );
    return this.connecting;
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    await this.connect();
    const existing = new Set(await this.admin.listTopics());
    const create = missing.filter((t) => !existing.has(t));
    if (create.length > 0) {
      try {
        // Not kafkajs's waitForLeaders: it gives up after `timeout` (5 s by default), which a loaded
        // broker exceeds; waitForTopicsReady below waits for the leaders with a longer budget.
        await this.admin.createTopics({
          waitForLeaders: false,
          timeout: 30_000,
          topics: create.map((topic) => ({
            topic,
            numPartitions: this.options.partitions,
            replicationFactor: this.options.replicationFactor,
          })),
        });
      } catch (err) {
        // Another process may have created it between listTopics and createTopics.
        if ((err as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw err;
      }
      // A topic just created can still be unknown to the metadata a producer or fetch asks for.
      await waitForTopicsReady(this.admin, create, { timeoutMs: TOPIC_READY_TIMEOUT_MS });
    }
    for (const t of missing) this.knownTopics.add(t);
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
    if (messages.length === 0) return;
    await this.ensureTopics([topic]);
    await this.publisher.send(
      topic,
      messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value), headers: m.headers })),
    );
  }

  async subscribe<T>(options: SubscribeOptions<T>): Promise<Consumer> {
    if (this.closed) throw new Error('bus is closed');
    await this.ensureTopics([...options.topics, ...options.topics.map(deadLetterTopic)]);
    const consumer = new KafkaGroupConsumer(
      this.kafka,
      {
        publish: (topic, messages) => this.publish(topic, messages),
        deadLetter: (...args) => this.deadLetter(...args),
        lag: (group, topic) => this.lag(group, topic),
        clientRetry: this.clientRetry,
      },
      options as SubscribeOptions<unknown>,
      this.settings,
      moduleLogger(this.options.log, 'bus', { group: options.group }),
    );
    this.consumers.add(consumer);
    try {
      await consumer.start();
    } catch (err) {
      this.consumers.delete(consumer);
      await consumer.stop().catch(() => undefined);
      throw err;
    }
    const stop = consumer.stop.bind(consumer);
    consumer.stop = async () => {
      await stop();
      this.consumers.delete(consumer);
    };
    return consumer;
  }

  /** Re-publishes the original bytes, key and headers to `<topic>.dlq`, plus why and where from. */
  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, step: string, attempts: number): Promise<void> {
    const dlq = deadLetterTopic(topic);
    await this.ensureTopics([dlq]);
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.step]: step,
      [DLQ_HEADERS.topic]: topic,
      [DLQ_HEADERS.partition]: String(partition),
      [DLQ_HEADERS.offset]: String(message.offset),
      [DLQ_HEADERS.attempts]: String(attempts),
    };
    await this.publisher.send(dlq, [{ key: message.key, value: message.value, headers }]);
  }

  async lag(group: string, topic: string): Promise<number> {
    await this.connect();
    // Right after a topic is created or the broker restarted, its partitions can be briefly
    // unknown to the broker; that is not an answer, so ask again (kafkajs's retriable flag).
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.lagOnce(group, topic);
      } catch (err) {
        if (attempt >= 6 || !(err as { retriable?: boolean }).retriable) throw err;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }

  private async lagOnce(group: string, topic: string): Promise<number> {
    const [ends, committed] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.admin.fetchOffsets({ groupId: group, topics: [topic] }),
    ]);
    const done = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    let lag = 0;
    for (const p of ends) {
      const low = Number(p.low);
      const at = done.get(p.partition) ?? -1;
      // -1: nothing committed yet, so everything still in the partition is pending.
      lag += Number(p.high) - Math.max(at, low);
    }
    return lag;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    if (this.connecting) {
      await this.connecting.catch(() => undefined);
      await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    }
  }
}

/** Builds the Kafka bus from the validated config section (`kafka:` / BONITOR_KAFKA_BROKERS). */
export function createKafkaBus(
  config: { brokers: string[]; clientId: string; partitions: number; replicationFactor: number; compression?: 'none' | 'gzip' },
  log: Logger,
  overrides: Partial<KafkaBusOptions> = {},
): KafkaBus {
  return new KafkaBus({ ...config, log, ...overrides });
}
