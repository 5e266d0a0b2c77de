import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSource, createFetcher, MemorySourceHealthRepo } from '../../collectors/index.js';
import { emptyHealth } from '../../collectors/health/port.js';
import { isParked, updateHealth, type HealthPolicy } from '../../collectors/health/update-health.js';
import type { TypedError } from '../../collectors/errors.js';
import type { Clock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { fixture, MemorySeen, recorder, source } from './helpers.js';
import { startServer, type LocalServer } from './local-server.js';

const policy: HealthPolicy = { parkAfterFailures: 3, baseParkMs: 60_000, maxParkMs: 3_600_000 };
const timeout: TypedError = { kind: 'timeout', message: 'slow', retriable: true };
const t0 = new Date('2026-11-22T10:00:00Z');

describe('updateHealth', () => {
  it('counts failures, parks from the Nth with doubling intervals and fires one failing event', () => {
    let h = emptyHealth('s');
    const events: string[] = [];
    const parks: Array<number | undefined> = [];
    for (let i = 0; i < 6; i++) {
      const r = updateHealth(h, { ok: false, error: timeout }, t0, policy);
      h = r.health;
      if (r.event) events.push(`${r.event.type}@${r.event.consecutiveFailures}`);
      parks.push(h.parkedUntil ? Date.parse(h.parkedUntil) - t0.getTime() : undefined);
    }
    expect(h.consecutiveFailures).toBe(6);
    expect(h.lastError).toEqual(timeout);
    expect(events).toEqual(['source_failing@3']);
    expect(parks).toEqual([undefined, undefined, 60_000, 120_000, 240_000, 480_000]);
    expect(isParked(h, t0)).toBe(true);
    expect(isParked(h, new Date(t0.getTime() + 480_001))).toBe(false);
  });

  it('caps the parking interval: a source is parked, never dropped', () => {
    let h = { ...emptyHealth('s'), consecutiveFailures: 40 };
    h = updateHealth(h, { ok: false, error: timeout }, t0, policy).health;
    expect(Date.parse(h.parkedUntil!) - t0.getTime()).toBe(3_600_000);
  });

  it('parks at least as long as Retry-After asks, even before N failures', () => {
    const r = updateHealth(emptyHealth('s'), { ok: false, error: { kind: 'http_status', status: 429, retryAfterMs: 600_000, message: '429', retriable: true } }, t0, policy);
    expect(Date.parse(r.health.parkedUntil!) - t0.getTime()).toBe(600_000);
  });

  it('fires a recovery event after a failing source succeeds, and resets the counter', () => {
    let h = emptyHealth('s');
    for (let i = 0; i < 4; i++) h = updateHealth(h, { ok: false, error: timeout }, t0, policy).health;
    const r = updateHealth(h, { ok: true, published: 2, etag: '"x"' }, t0, policy);
    expect(r.event).toMatchObject({ type: 'source_recovered', consecutiveFailures: 4 });
    expect(r.health).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: t0.toISOString(), etag: '"x"', totalPublished: 2 });
    expect(r.health.parkedUntil).toBeUndefined();
    // No event for a success after fewer than N failures.
    const blip = updateHealth(updateHealth(emptyHealth('s'), { ok: false, error: timeout }, t0, policy).health, { ok: true, published: 0 }, t0, policy);
    expect(blip.event).toBeUndefined();
  });
});

describe('collectSource with health over HTTP', () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it('stores validators, answers 304 with notModified, and reports failing / recovered events', async () => {
    const feed = readFileSync(fixture('feeds', 'en_guardian-us_2018.rss'));
    let mode: 'ok' | 'down' = 'ok';
    server = await startServer((rq, res) => {
      if (mode === 'down') return void res.writeHead(503).end();
      if (rq.headers['if-none-match'] === '"g1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"g1"', 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed);
    });
    let now = t0.getTime();
    const clock: Clock = { now: () => new Date(now) };
    const health = new MemorySourceHealthRepo();
    const rec = recorder();
    const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
    const deps = { seen: new MemorySeen(), publish: rec.publish, clock, log: silentLogger, userAgent: 'Bonitor/test', health, fetcher };
    const src = source({ id: 'guardian', url: `${server.url}/us/rss`, allowPrivate: true, respectRobots: false, parkAfterFailures: 2, limits: { minIntervalMs: 0, retries: 0 } });

    expect(await collectSource(src, deps)).toEqual({ sourceId: 'guardian', fetched: 55, published: 55 });
    expect(await health.getHealth('guardian')).toMatchObject({ etag: '"g1"', consecutiveFailures: 0, totalPublished: 55 });

    expect(await collectSource(src, deps)).toEqual({ sourceId: 'guardian', fetched: 0, published: 0, notModified: true });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"g1"');

    mode = 'down';
    const f1 = await collectSource(src, deps);
    expect(f1.error).toMatchObject({ kind: 'http_status', status: 503 });
    expect(f1.healthEvent).toBeUndefined();
    now += 1000;
    const f2 = await collectSource(src, deps);
    expect(f2.healthEvent).toMatchObject({ type: 'source_failing', sourceId: 'guardian', consecutiveFailures: 2, error: { kind: 'http_status', status: 503 } });
    expect(isParked(await health.getHealth('guardian'), new Date(now))).toBe(true);

    mode = 'ok';
    const back = await collectSource(src, deps);
    expect(back).toMatchObject({ notModified: true, healthEvent: { type: 'source_recovered', consecutiveFailures: 2 } });
    expect(rec.published).toHaveLength(55);
  });
});
