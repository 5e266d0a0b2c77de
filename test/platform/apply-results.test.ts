import { describe, expect, it } from 'vitest';
import { applyResults } from '../../platform/bus/apply-results.js';
import { dlq, drop, ok, retry, type ConsumedMessage } from '../../platform/bus/port.js';

const msg = (offset: number, attempt = 0): ConsumedMessage => ({
  topic: 't', partition: 0, offset, key: 'k', value: { n: offset }, raw: `{"n":${offset}}`, headers: {}, attempt,
});
const opts = { maxAttempts: 3, backoff: { baseMs: 100, maxMs: 1000 }, random: () => 1 };

describe('applyResults: the one result handler of every bus adapter', () => {
  it('commits through ok, drop and dlq, publishing only the ok values in order', () => {
    const a = applyResults([msg(10), msg(11), msg(12), msg(13)], [ok('a'), drop('dup'), dlq('bad amount'), ok('b')], opts);
    expect(a).toMatchObject({ finished: 4, commitTo: 14, publish: ['a', 'b'] });
    expect(a.deadLetters).toEqual([{ message: msg(12), reason: 'bad amount', attempts: 1 }]);
    expect(a.dropped.map((d) => d.reason)).toEqual(['dup']);
    expect(a.retry).toBeUndefined();
  });

  it('stops at the first retry: commits before it, nothing after it is published, the wait grows with the attempts', () => {
    const a = applyResults([msg(1), msg(2, 1), msg(3)], [ok('x'), retry('locked'), ok('y')], opts);
    expect(a).toMatchObject({ finished: 1, commitTo: 2, publish: ['x'] });
    expect(a.retry).toMatchObject({ attempts: 2, afterMs: 200, reason: 'locked', counted: true });
    expect(a.retry?.message.offset).toBe(2);
    expect(applyResults([msg(1)], [retry('locked', 5000)], opts).retry?.afterMs).toBe(5000); // the step's own wait wins
  });

  it('dead-letters a message once it used its attempts, then goes on', () => {
    const a = applyResults([msg(5, 2), msg(6)], [retry('locked'), ok('z')], opts);
    expect(a.deadLetters).toEqual([{ message: msg(5, 2), reason: 'gave up after 3 attempts: locked', attempts: 3 }]);
    expect(a).toMatchObject({ finished: 2, commitTo: 7, publish: ['z'] });
  });

  it('while stopping, a retry counts no attempt and commits nothing past it', () => {
    const a = applyResults([msg(1), msg(2)], [retry('consumer stopping'), retry('consumer stopping')], { ...opts, stopping: true });
    expect(a).toMatchObject({ finished: 0, publish: [] });
    expect(a.commitTo).toBeUndefined();
    expect(a.retry).toMatchObject({ counted: false, attempts: 0 });
  });
});
