import { afterAll, describe, expect, it } from 'vitest';
import type { BatchHandler } from '../../platform/bus/port.js';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import { silentLogger } from '../../platform/log.js';
import { uniqueName, waitFor } from '../helpers.js';
import { fastKafkaSettings, kafkaBrokers } from './kafka-env.js';

const brokers = kafkaBrokers();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(brokers)('Kafka: a step that outlasts the session (needs BONITOR_KAFKA_BROKERS)', () => {
  const bus = brokers && new KafkaBus({ brokers, clientId: uniqueName('slow'), partitions: 1, replicationFactor: 1, log: silentLogger, ...fastKafkaSettings });
  afterAll(async () => bus?.close());

  it('keeps its partition while the step runs: each message handled once, its output published once', async () => {
    const input = uniqueName('slow-in');
    const output = uniqueName('slow-out');
    await bus!.ensureTopics([input, output]);
    const handled: number[] = [];
    const published: number[] = [];
    // One run of three messages takes half as long again as the session (6 s): without heartbeats
    // while it runs the member is dropped, the run comes again and its output goes out twice.
    const slow: BatchHandler<{ n: number }> = async (messages) => {
      await sleep(fastKafkaSettings.sessionTimeoutMs! * 1.5);
      return messages.map((m) => {
        const n = (m.value as { n: number }).n;
        handled.push(n);
        return { kind: 'ok', value: { n } };
      });
    };
    const probe = await bus!.subscribe({
      group: uniqueName('probe'), topics: [output], fromBeginning: true,
      handler: async (messages) => messages.map((m) => (published.push((m.value as { n: number }).n), { kind: 'ok', value: undefined })),
    });
    const worker = await bus!.subscribe({
      group: uniqueName('slow-group'), topics: [input], handler: slow,
      output: (values) => [{ topic: output, messages: values.map((v) => ({ key: 'k', value: v })) }],
    });
    await bus!.publish(input, [1, 2, 3].map((n) => ({ key: 'k', value: { n } })));
    await waitFor(() => published.length >= 3, 60_000, 'the output');
    // Long enough for a dropped member's redelivery to have shown.
    await sleep(fastKafkaSettings.sessionTimeoutMs! * 1.5);
    await Promise.all([worker.stop(), probe.stop()]);
    expect(handled).toEqual([1, 2, 3]);
    expect(published.sort()).toEqual([1, 2, 3]);
  }, 120_000);
});
