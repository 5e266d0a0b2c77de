import { afterEach, describe, expect, it } from 'vitest';
import { startScheduler, type CollectorScheduler } from '../../collectors/scheduler.js';
import { MemorySourceHealthRepo } from '../../collectors/health/memory-health.js';
import type { CollectResult } from '../../collectors/collect-source.js';
import type { Fetcher } from '../../collectors/fetch/fetcher.js';
import { CollectError } from '../../collectors/errors.js';
import { sourceSchema } from '../../platform/config/sources.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { readFileSync } from 'node:fs';
import { fixture, MemorySeen, recorder, source, until } from './helpers.js';

/** Manual triggers: the test fires a source's schedule by hand. */
function manualTriggers() {
  const fires = new Map<string, () => void>();
  let n = 0;
  const factory = (_schedule: string, fire: () => void) => {
    fires.set(String(n++), fire);
    return { stop: () => undefined };
  };
  return { factory, fireAll: () => [...fires.values()].forEach((f) => f()) };
}

/** A fetcher whose answers the test controls per URL. */
function controlledFetcher() {
  const pending = new Map<string, Array<() => void>>();
  const behaviour = new Map<string, 'ok' | 'fail' | 'hang'>();
  const bytes = readFileSync(fixture('feeds', 'en_bbc-news.rss'));
  const fetcher: Fetcher = {
    async fetch(req) {
      const b = behaviour.get(req.url) ?? 'ok';
      if (b === 'fail') throw new CollectError('timeout', 'no answer');
      if (b === 'hang') await new Promise<void>((resolve) => pending.set(req.url, [...(pending.get(req.url) ?? []), resolve]));
      return { status: 200, body: bytes, finalUrl: req.url };
    },
  };
  return { fetcher, behaviour, release: (url: string) => pending.get(url)?.splice(0).forEach((r) => r()) };
}

let scheduler: CollectorScheduler | undefined;
afterEach(async () => scheduler?.stop());

describe('collector scheduler', () => {
  it('keeps collecting healthy sources while one fails and another hangs, and never overlaps a source with itself', async () => {
    const ctl = controlledFetcher();
    ctl.behaviour.set('https://bad.example/rss', 'fail');
    ctl.behaviour.set('https://slow.example/rss', 'hang');
    const triggers = manualTriggers();
    const results: CollectResult[] = [];
    const rec = recorder();
    scheduler = startScheduler({
      sources: ['good', 'bad', 'slow'].map((id) => source({ id, url: `https://${id}.example/rss`, schedule: '*/5 * * * *' })),
      deps: { seen: new MemorySeen(), publish: rec.publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', fetcher: ctl.fetcher },
      onResult: (r) => void results.push(r),
      triggers: triggers.factory,
    });
    await until(() => results.length === 2);
    expect(results.map((r) => [r.sourceId, r.error?.kind ?? 'ok']).sort()).toEqual([
      ['bad', 'timeout'],
      ['good', 'ok'],
    ]);
    expect(scheduler.running()).toEqual(['slow']);

    triggers.fireAll(); // slow is still running: not started twice
    await until(() => results.length === 4);
    expect(results.filter((r) => r.sourceId === 'slow')).toHaveLength(0);
    expect(await scheduler.runNow('slow')).toBeUndefined();

    ctl.release('https://slow.example/rss');
    await until(() => results.some((r) => r.sourceId === 'slow'));
    expect(results.find((r) => r.sourceId === 'slow')).toMatchObject({ published: 1 });
  });

  it('skips a parked source on schedule but runs it on demand', async () => {
    const ctl = controlledFetcher();
    ctl.behaviour.set('https://bad.example/rss', 'fail');
    const health = new MemorySourceHealthRepo();
    const triggers = manualTriggers();
    const results: CollectResult[] = [];
    scheduler = startScheduler({
      sources: [source({ id: 'bad', url: 'https://bad.example/rss', parkAfterFailures: 1 })],
      deps: { seen: new MemorySeen(), publish: recorder().publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', fetcher: ctl.fetcher, health },
      onResult: (r) => void results.push(r),
      triggers: triggers.factory,
    });
    await until(() => results.length === 1);
    expect(results[0]!.healthEvent?.type).toBe('source_failing');
    triggers.fireAll();
    await until(() => scheduler!.running().length === 0);
    expect(results).toHaveLength(1);
    ctl.behaviour.set('https://bad.example/rss', 'ok');
    const manual = await scheduler.runNow('bad');
    expect(manual).toMatchObject({ published: 1, healthEvent: { type: 'source_recovered' } });
  });

  it('a throwing result handler does not stop the scheduler', async () => {
    const ctl = controlledFetcher();
    const triggers = manualTriggers();
    let calls = 0;
    scheduler = startScheduler({
      sources: [source({ id: 'a', url: 'https://a.example/rss' })],
      deps: { seen: new MemorySeen(), publish: recorder().publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', fetcher: ctl.fetcher },
      onResult: () => {
        calls++;
        throw new Error('alerts down');
      },
      triggers: triggers.factory,
    });
    await until(() => calls === 1 && scheduler!.running().length === 0);
    triggers.fireAll();
    await until(() => calls === 2);
  });

  it('runs a real node-cron seconds schedule', async () => {
    const ctl = controlledFetcher();
    const results: CollectResult[] = [];
    scheduler = startScheduler({
      sources: [source({ id: 'cron', url: 'https://cron.example/rss', schedule: '* * * * * *' })],
      deps: { seen: new MemorySeen(), publish: recorder().publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', fetcher: ctl.fetcher },
      onResult: (r) => void results.push(r),
      runOnStart: false,
    });
    await until(() => results.length >= 1, 4000);
    expect(results[0]).toMatchObject({ sourceId: 'cron', published: 1 });
  });

  it('rejects invalid schedules and inconsistent source config', () => {
    expect(sourceSchema.safeParse({ id: 'x', url: 'https://x', schedule: 'every tuesday' }).success).toBe(false);
    expect(sourceSchema.safeParse({ id: 'x', url: 'https://x', schedule: '5s' }).success).toBe(false);
    expect(sourceSchema.safeParse({ id: 'x', url: 'https://x', schedule: '15m' }).success).toBe(true);
    expect(sourceSchema.parse({ id: 'x', url: 'https://x' })).toMatchObject({ kind: 'rss', schedule: '*/30 * * * *', allowPrivate: false, respectRobots: true });
    expect(sourceSchema.safeParse({ id: 'ch', kind: 'companies-house', url: 'https://stream.companieshouse.gov.uk/companies' }).error?.issues[0]?.path).toEqual(['apiKey']);
    expect(sourceSchema.safeParse({ id: 'x', url: 'https://x', selectors: { item: 'li' } }).success).toBe(false);
  });
});
