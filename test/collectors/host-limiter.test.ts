import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../collectors/fetch/host-limiter.js';
import { backoffMs } from '../../platform/backoff.js';

function fakeTime() {
  let t = 1_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe('HostLimiter', () => {
  it('spaces request starts to one host by minIntervalMs and never waits across hosts', async () => {
    const time = fakeTime();
    const limiter = new HostLimiter(time.now, time.sleep);
    const starts: Array<[string, number]> = [];
    const task = (name: string) => async () => void starts.push([name, time.at() - 1_000_000]);
    const limits = { concurrency: 1, minIntervalMs: 100 };
    await Promise.all([
      limiter.run('a.example', limits, task('a1')),
      limiter.run('a.example', limits, task('a2')),
      limiter.run('a.example', limits, task('a3')),
    ]);
    expect(starts.map(([n]) => n)).toEqual(['a1', 'a2', 'a3']);
    expect(starts.map(([, t]) => t)).toEqual([0, 100, 200]);
    const before = time.at();
    await limiter.run('b.example', limits, task('b1'));
    expect(time.at()).toBe(before);
  });

  it('keeps at most `concurrency` tasks of one host in flight', async () => {
    const limiter = new HostLimiter(() => 0, async () => undefined);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      active--;
    };
    await Promise.all(Array.from({ length: 10 }, () => limiter.run('h', { concurrency: 2, minIntervalMs: 0 }, task)));
    expect(peak).toBe(2);
    expect(limiter.size).toBe(0);
  });

  it('applies a robots.txt crawl delay on top of the interval', async () => {
    const time = fakeTime();
    const limiter = new HostLimiter(time.now, time.sleep);
    limiter.setCrawlDelay('slow.example', 5000);
    const starts: number[] = [];
    const task = async () => void starts.push(time.at());
    await Promise.all([limiter.run('slow.example', { concurrency: 1, minIntervalMs: 100 }, task), limiter.run('slow.example', { concurrency: 1, minIntervalMs: 100 }, task)]);
    expect(starts[1]! - starts[0]!).toBe(5000);
  });
});

describe('backoffMs (platform/backoff.ts, the one backoff)', () => {
  it('doubles per attempt, caps at the maximum and jitters within [d/2, d]', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, { baseMs: 1000, maxMs: 60_000 }, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(21, { baseMs: 1000, maxMs: 60_000 }, () => 1)).toBe(60_000);
    expect(backoffMs(3, { baseMs: 1000, maxMs: 60_000 }, () => 0)).toBe(2000);
  });
});
