import { CompressionTypes, type Producer, type ProducerBatch } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { CoalescingPublisher } from '../../platform/bus/kafka-publisher.js';

/** A producer that holds each sendBatch until released, recording what it was asked to send. */
function fakeProducer() {
  const calls: ProducerBatch[] = [];
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const producer = {
    sendBatch: (batch: ProducerBatch) => {
      calls.push(batch);
      return new Promise((resolve, reject) => pending.push({ resolve: () => resolve([]), reject }));
    },
  } as unknown as Producer;
  return { producer, calls, pending };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescingPublisher', () => {
  it('sends what arrives during a request in one next request, keeping each caller’s order', async () => {
    const { producer, calls, pending } = fakeProducer();
    const pub = new CoalescingPublisher(producer);
    const first = pub.send('a', [{ key: 'k1', value: '1' }]);
    await tick();
    const second = pub.send('a', [{ key: 'k2', value: '2' }, { key: 'k2', value: '3' }]);
    const third = pub.send('b', [{ key: 'k3', value: '4' }]);
    expect(calls).toHaveLength(1); // one request in flight at a time
    pending.shift()!.resolve();
    await first;
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.topicMessages).toEqual([
      { topic: 'a', messages: [{ key: 'k2', value: '2' }, { key: 'k2', value: '3' }] },
      { topic: 'b', messages: [{ key: 'k3', value: '4' }] },
    ]);
    expect(calls[1]!.acks).toBe(-1);
    pending.shift()!.resolve();
    await Promise.all([second, third]);
  });

  it('fails every caller of a failed request, and carries on with the next', async () => {
    const { producer, calls, pending } = fakeProducer();
    const pub = new CoalescingPublisher(producer);
    const first = pub.send('a', [{ key: 'k', value: '1' }]);
    await tick();
    const second = pub.send('a', [{ key: 'k', value: '2' }]);
    pending.shift()!.reject(new Error('broker down'));
    await expect(first).rejects.toThrow('broker down');
    await tick();
    pending.shift()!.resolve();
    await expect(second).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('compresses each request with the codec it was built with (none unless told)', async () => {
    const { producer, calls, pending } = fakeProducer();
    const gzip = new CoalescingPublisher(producer, CompressionTypes.GZIP);
    const plain = new CoalescingPublisher(producer);
    const sent = [gzip.send('a', [{ key: 'k', value: '1' }]), plain.send('a', [{ key: 'k', value: '2' }])];
    await tick();
    for (const p of pending.splice(0)) p.resolve();
    await Promise.all(sent);
    expect(calls.map((c) => c.compression)).toEqual([CompressionTypes.GZIP, CompressionTypes.None]);
  });
});
