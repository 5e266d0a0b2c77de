import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHealthMonitor } from '../../app/supervision/health-monitor.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';

/** /health and /api/deliveries over HTTP on the demo store, with the outbox and the store made to fail. */
describe('GET /health and /api/deliveries', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  let writable = true;
  beforeAll(async () => {
    demo = await openDemoApp();
    const store = demo.app.store;
    const processHealth = {
      saveHeartbeat: async (h: Parameters<typeof store.processHealth.saveHeartbeat>[0]) => {
        if (!writable) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        await store.processHealth.saveHeartbeat(h);
      },
      heartbeats: (since: Date) => store.processHealth.heartbeats(since),
    };
    const health = createHealthMonitor({ store: { processHealth, outbox: store.outbox }, bus: demo.app.bus, stallMs: 120_000 });
    ({ server, base } = await startServer(demo, { health }));
  });
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { stages: Record<string, { status: string; reasons: string[] }> } };
  };

  it('says ok with every stage, and mail delivery ok', async () => {
    const h = await get('/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', store: { writable: true }, deliveries: { failing: 0 } });
    expect(Object.keys(h.body.stages)).toEqual(['collector', 'analyzer', 'scorer', 'alerter', 'api', 'upkeep']);
    expect((await get('/api/deliveries')).body).toMatchObject({ ok: true, retrying: 0 });
  });

  it('is degraded (200) while mails wait for a retry, naming the error; /api/deliveries says the same', async () => {
    const at = new Date();
    await demo.app.store.outbox.enqueue({ key: 'digest:health-test:2026-11-22', subscriptionId: 'health-test', recipient: 'a@example.org', kind: 'digest', period: '2026-11-22', subject: 'Digest', message: 'raw', itemCount: 1, cursor: {} }, at);
    await demo.app.store.outbox.markFailed('digest:health-test:2026-11-22', 'connect ECONNREFUSED 127.0.0.1:2525', at, false, new Date(at.getTime() + 30_000));
    await new Promise((r) => setTimeout(r, 2_100)); // a report reuses a sample for 2 s
    const h = await get('/health');
    expect(h.status).toBe(200);
    expect(h.body.status).toBe('degraded');
    expect(h.body.stages.alerter).toMatchObject({ status: 'degraded', reasons: ['1 mail(s) waiting for a retry: connect ECONNREFUSED 127.0.0.1:2525'] });
    expect((await get('/api/deliveries')).body).toMatchObject({ ok: false, retrying: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' });
  });

  it('answers 503 when the store cannot be written', async () => {
    writable = false;
    await new Promise((r) => setTimeout(r, 2_100));
    const h = await get('/health');
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'down', store: { writable: false, error: 'database or disk is full' } });
    writable = true;
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await get('/health')).body.store).toEqual({ writable: true });
  });
});
