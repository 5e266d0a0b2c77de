import { describe, expect, it } from 'vitest';
import { createSupervisor, type LoopStatus, type RunningLoop } from '../../app/supervision/supervisor.js';
import { silentLogger } from '../../platform/log.js';
import { waitFor } from '../helpers.js';

const fast = { baseMs: 20, maxMs: 80 };

/** A service that ends by itself (with an error) whenever the test says so. */
function flakyService() {
  const starts: number[] = [];
  let endCurrent: ((err?: Error) => void) | undefined;
  let failStarts = 0;
  return {
    starts,
    failNextStarts: (n: number) => (failStarts = n),
    crash: (message = 'SQLITE_FULL: database or disk is full') => endCurrent?.(new Error(message)),
    spec: {
      name: 'test.consumer',
      stage: 'analyzer' as const,
      async start(): Promise<RunningLoop> {
        starts.push(Date.now());
        if (failStarts > 0) {
          failStarts--;
          throw new Error('cannot subscribe: ECONNREFUSED');
        }
        let stopped = false;
        const ended = new Promise<Error | undefined>((resolve) => (endCurrent = (err) => !stopped && resolve(err)));
        return {
          ended,
          async stop() {
            stopped = true;
          },
        };
      },
    },
  };
}

describe('supervisor', () => {
  it('restarts a loop that ended by itself, with growing backoff, and reports it until it runs again', async () => {
    const sup = createSupervisor({ log: silentLogger, backoff: fast, maxFailures: 10, onGiveUp: () => undefined });
    const svc = flakyService();
    await sup.service(svc.spec);
    expect(sup.status()[0]).toMatchObject({ state: 'running', consecutiveFailures: 0 });
    svc.crash();
    await waitFor(() => svc.starts.length === 2 && sup.status()[0]!.state === 'running');
    expect(sup.status()[0]).toMatchObject({ consecutiveFailures: 1, restarts: 1, lastError: 'SQLITE_FULL: database or disk is full' });
    svc.failNextStarts(2);
    svc.crash();
    await waitFor(() => svc.starts.length === 5 && sup.status()[0]!.state === 'running', 5_000);
    const s = sup.status()[0]!;
    expect(s.restarts).toBe(4);
    expect(s.consecutiveFailures).toBe(4); // only a stable run or progress clears it

    const gaps = svc.starts.slice(1).map((t, i) => t - svc.starts[i]!);
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(10); // half of baseMs at least
    expect(gaps[3]).toBeGreaterThanOrEqual(40); // the 4th failure in a row waits 40–80 ms
    await sup.stop();
    expect(sup.status()[0]!.state).toBe('stopped');
  });

  it('gives up after maxFailures consecutive failures of one loop, once', async () => {
    const gaveUp: Array<[LoopStatus, Error]> = [];
    const sup = createSupervisor({ log: silentLogger, backoff: fast, maxFailures: 3, onGiveUp: (l, e) => gaveUp.push([l, e]) });
    const svc = flakyService();
    svc.failNextStarts(100);
    await sup.service(svc.spec);
    await waitFor(() => gaveUp.length === 1, 5_000);
    expect(gaveUp[0]![0]).toMatchObject({ name: 'test.consumer', consecutiveFailures: 3 });
    expect(gaveUp[0]![1].message).toContain('ECONNREFUSED');
    await new Promise((r) => setTimeout(r, 200));
    expect(gaveUp).toHaveLength(1);
    await sup.stop();
  });

  it('fails fast when a failFast service cannot start the first time (a port in use)', async () => {
    const sup = createSupervisor({ log: silentLogger, backoff: fast, maxFailures: 3, onGiveUp: () => undefined });
    const svc = flakyService();
    svc.failNextStarts(1);
    await expect(sup.service({ ...svc.spec, failFast: true })).rejects.toThrow('ECONNREFUSED');
    expect(svc.starts).toHaveLength(1);
    await sup.stop();
  });

  it('backs a failing tick off instead of spinning, and counts a good round as recovery', async () => {
    const sup = createSupervisor({ log: silentLogger, backoff: { baseMs: 50, maxMs: 200 }, maxFailures: 100, onGiveUp: () => undefined });
    let calls = 0;
    let broken = true;
    sup.tick({
      name: 'scorer.rescore',
      stage: 'scorer',
      everyMs: 1,
      async tick() {
        calls++;
        if (broken) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        return false;
      },
    });
    await new Promise((r) => setTimeout(r, 600));
    // 1 ms ticks would run hundreds of times; backing off 25–200 ms allows a handful.
    expect(calls).toBeLessThan(15);
    expect(sup.status()[0]).toMatchObject({ state: 'failing', lastError: 'database or disk is full' });
    broken = false;
    await waitFor(() => sup.status()[0]!.state === 'running' && sup.status()[0]!.consecutiveFailures === 0, 2_000);
    await sup.stop();
  });

  it('stops loops that never end by themselves, loops in backoff and loops being started', async () => {
    const sup = createSupervisor({ log: silentLogger, backoff: { baseMs: 60_000, maxMs: 60_000 }, maxFailures: 100, onGiveUp: () => undefined });
    let stopped = 0;
    await sup.service({ name: 'cron', stage: 'scorer', start: async () => ({ ended: new Promise(() => undefined), stop: async () => void stopped++ }) });
    const svc = flakyService();
    await sup.service(svc.spec);
    svc.crash(); // now waiting a minute before the restart
    let releaseStart!: () => void;
    void sup.service({
      name: 'slow-start',
      stage: 'collector',
      start: () => new Promise<RunningLoop>((resolve) => (releaseStart = () => resolve({ ended: new Promise(() => undefined), stop: async () => void stopped++ }))),
    });
    await waitFor(() => sup.status().length === 3 && sup.status()[1]!.state === 'restarting');
    const stopping = sup.stop();
    releaseStart();
    const started = Date.now();
    await stopping;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(stopped).toBe(2); // the cron service and the one that finished starting during the stop
    expect(sup.status().every((s) => s.state === 'stopped')).toBe(true);
  });
});
