import type { Admin } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { waitForTopicsReady } from '../../platform/bus/kafka-topics.js';

type Metadata = Awaited<ReturnType<Admin['fetchTopicMetadata']>>;
const partition = (id: number, leader: number, partitionErrorCode = 0) => ({ partitionId: id, leader, partitionErrorCode, replicas: [1], isr: [1], offlineReplicas: [] });
const retriable = (type: string) => Object.assign(new Error(`This server does not host this topic-partition (${type})`), { retriable: true, type });

/** An admin answering metadata requests from a script, one entry per call (the last repeats). */
function scriptedAdmin(answers: Array<Metadata | Error>) {
  let calls = 0;
  const admin = {
    fetchTopicMetadata: async () => {
      const a = answers[Math.min(calls++, answers.length - 1)]!;
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return { admin, calls: () => calls };
}

describe('waitForTopicsReady', () => {
  it('asks again while the topic is unknown or a partition has no leader, and returns once every partition has one', async () => {
    const { admin, calls } = scriptedAdmin([
      retriable('UNKNOWN_TOPIC_OR_PARTITION'),
      { topics: [{ name: 't', partitions: [partition(0, 1), partition(1, -1, 5)] }] },
      { topics: [{ name: 't', partitions: [partition(0, 1), partition(1, 1)] }] },
    ]);
    await waitForTopicsReady(admin, ['t'], { timeoutMs: 5_000, firstWaitMs: 1 });
    expect(calls()).toBe(3);
  });

  it('throws a non-retriable error at once', async () => {
    const { admin, calls } = scriptedAdmin([Object.assign(new Error('Topic authorization failed'), { retriable: false })]);
    await expect(waitForTopicsReady(admin, ['t'], { timeoutMs: 5_000, firstWaitMs: 1 })).rejects.toThrow('Topic authorization failed');
    expect(calls()).toBe(1);
  });

  it('gives up after its budget, naming the topics still without a leader', async () => {
    const { admin } = scriptedAdmin([{ topics: [{ name: 'a', partitions: [partition(0, 1)] }, { name: 'b', partitions: [partition(0, -1)] }] }]);
    await expect(waitForTopicsReady(admin, ['a', 'b'], { timeoutMs: 30, firstWaitMs: 5 })).rejects.toThrow(/not ready after 30 ms \(no leader yet for b\)/);
  });
});
