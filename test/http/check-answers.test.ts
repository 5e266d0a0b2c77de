import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOverride, clearOverride } from '../../app/credit-actions.js';
import { importWatchlist } from '../../app/watchlist.js';
import type { Assessment } from '../../platform/schemas/index.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';

/**
 * GET /api/check keeps the rendered answer of a customer check and serves it again while the
 * stored assessment and the register refresh it rests on are unchanged; an order amount's answer
 * also only within its minute. Every change the scorer makes shows at once.
 */
describe('GET /api/check serves kept answers only while their basis holds', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  let entriesReads = 0;
  let now = Date.now();
  beforeAll(async () => {
    demo = await openDemoApp();
    const registers = demo.app.store.registers as unknown as { entriesFor: (id: string) => Promise<unknown> };
    const real = registers.entriesFor.bind(registers);
    registers.entriesFor = (id: string) => {
      entriesReads++;
      return real(id);
    };
    // The check's clock, moved by the test (the demo app's clock is read per request).
    (demo.app as { clock: { now(): Date } }).clock = { now: () => new Date(now) };
    ({ server, base } = await startServer(demo));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const check = async (q: string, amount?: number) => {
    const res = await fetch(`${base}/api/check?q=${encodeURIComponent(q)}${amount ? `&amount=${amount}` : ''}`);
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, body: JSON.parse(text) as Assessment & { match: { kind: string } } };
  };

  it('answers a repeated check with the same body without making it again', async () => {
    const first = await check('Calandra Logistik');
    entriesReads = 0;
    const again = await check('Calandra Logistik');
    expect(first.status).toBe(200);
    expect(again.type).toBe('application/json; charset=utf-8');
    expect(again.text).toBe(first.text);
    expect(entriesReads).toBe(0);
    // Another query for the same customer is its own answer (its alternatives may differ).
    const byId = await check('CH-1003');
    expect(byId.body.customerId).toBe('CH-1003');
    expect(entriesReads).toBe(1);
  });

  it('shows an override at once: the re-score writes a new assessment, so the kept answer is not served', async () => {
    const before = await check('Calandra Logistik');
    await check('Calandra Logistik', 30_000);
    now += 1_000; // a re-score is a later assessment (the store keeps one per moment)
    await setOverride(demo.app, 'CH-1003', { grade: 'E', reason: 'test: owner unreachable', by: 'test' });
    const after = await check('Calandra Logistik');
    const withAmount = await check('Calandra Logistik', 30_000);
    expect(before.body.grade).not.toBe('E');
    expect([after.body.grade, withAmount.body.grade]).toEqual(['E', 'E']);
    now += 1_000;
    await clearOverride(demo.app, 'CH-1003', 'test');
    expect((await check('Calandra Logistik')).body.grade).toBe(before.body.grade);
  });

  it('keeps an order amount answer within its minute only, and per amount', async () => {
    const first = await check('Alpenblick Metallbau', 25_000);
    entriesReads = 0;
    const same = await check('Alpenblick Metallbau', 25_000);
    expect(same.text).toBe(first.text);
    expect(entriesReads).toBe(0);
    // Another amount is its own answer, made anew.
    expect((await check('Alpenblick Metallbau', 900_000)).status).toBe(200);
    expect(entriesReads).toBe(1);
    now += 61_000;
    const later = await check('Alpenblick Metallbau', 25_000);
    expect(entriesReads).toBe(2);
    expect(Date.parse(later.body.asOf)).toBeGreaterThan(Date.parse(first.body.asOf));
  });

  it('follows the watchlist: a query that no longer clearly means the kept customer is answered anew', async () => {
    expect((await check('Calandra Logistik')).body.customerId).toBe('CH-1003');
    // A GmbH of the same name: the name without legal form now names two, so the answer is the candidates (300).
    await importWatchlist(demo.app, 'customer_id,name,country\nAT-9001,Calandra Logistik GmbH,AT\n');
    const res = await fetch(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`);
    expect(res.status).toBe(300);
    expect(((await res.json()) as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id).sort()).toEqual(['AT-9001', 'CH-1003']);
    // The full name still decides (the search's rule), and is answered for that customer.
    expect((await check('Calandra Logistik GmbH')).body.customerId).toBe('AT-9001');
  });
});
