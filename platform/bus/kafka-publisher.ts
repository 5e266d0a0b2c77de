import { CompressionTypes, type Message, type Producer } from 'kafkajs';

interface Pending {
  topic: string;
  messages: Message[];
  done(err?: unknown): void;
}

/**
 * One idempotent producer allows one request in flight, and a produce round trip costs a few
 * milliseconds however small it is. Publishes that arrive while a request is in flight (from
 * partitions handled concurrently) go out together in the next one. Per-key order holds: a
 * caller's messages keep their order, and each caller awaits its publish before the next.
 */
export class CoalescingPublisher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly producer: Pick<Producer, 'sendBatch'>,
    private readonly compression: CompressionTypes = CompressionTypes.None,
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, messages, done: (err) => (err === undefined ? resolve() : reject(err)) });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        const byTopic = new Map<string, Message[]>();
        for (const p of batch) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), ...p.messages]);
        try {
          await this.producer.sendBatch({ acks: -1, compression: this.compression, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
          for (const p of batch) p.done();
        } catch (err) {
          for (const p of batch) p.done(err ?? new Error('produce failed'));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
