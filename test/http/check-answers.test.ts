import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOverride, clearOverride } from '../../app/credit-actions.js';
import { removeDemoData } from '../../app/demo/demo.js';
import { importWatchlist } from '../../app/watchlist.js';
import { countCalls, fetchCheck } from './support/check-client.js';
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
  const calls = new Map<string, number>();
  let now = Date.now();
  beforeAll(async () => {
    demo = await openDemoApp();
    // A check made anew reads the register entries; a kept answer does not.
    countCalls(demo.app.store.registers, ['entriesFor'], calls);
    // The check's clock, moved by the test (the demo app's clock is read per request).
    (demo.app as { clock: { now(): Date } }).clock = { now: () => new Date(now) };
    ({ server, base } = await startServer(demo));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const check = (q: string, amount?: number) => fetchCheck(base, q, amount);
  const made = () => calls.get('entriesFor') ?? 0;

  it('answers a repeated check with the same body without making it again', async () => {
    const first = await check('Calandra Logistik');
    calls.clear();
    const again = await check('Calandra Logistik');
    expect(first.status).toBe(200);
    expect(again.type).toBe('application/json; charset=utf-8');
    expect(again.text).toBe(first.text);
    expect(made()).toBe(0);
    // Another query for the same customer is its own answer (its alternatives may differ).
    const byId = await check('CH-1003');
    expect(byId.body.customerId).toBe('CH-1003');
    expect(made()).toBe(1);
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
    calls.clear();
    const same = await check('Alpenblick Metallbau', 25_000);
    expect(same.text).toBe(first.text);
    expect(made()).toBe(0);
    // Another amount is its own answer, made anew.
    expect((await check('Alpenblick Metallbau', 900_000)).status).toBe(200);
    expect(made()).toBe(1);
    now += 61_000;
    const later = await check('Alpenblick Metallbau', 25_000);
    expect(made()).toBe(2);
    expect(Date.parse(later.body.asOf)).toBeGreaterThan(Date.parse(first.body.asOf));
  });

  it('counts kept answers served, stale ones and misses on /metrics', async () => {
    const counts = async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      const value = (result: string) => Number(new RegExp(`^bonitor_check_answers_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
      return { hit: value('hit'), stale: value('stale'), miss: value('miss') };
    };
    const before = await counts();
    const q = 'Quayside Coffee Roasters';
    const first = await check(q); // none kept for this query yet
    expect((await check(q)).text).toBe(first.text); // kept
    const stored = (await demo.app.store.latestAssessment(first.body.customerId))!;
    await demo.app.store.saveAssessment({ ...stored, asOf: new Date(Date.parse(stored.asOf) + 60_000).toISOString() });
    expect((await check(q)).text).not.toBe(first.text); // its basis changed
    const after = await counts();
    expect({ hit: after.hit - before.hit, stale: after.stale - before.stale, miss: after.miss - before.miss }).toEqual({ hit: 1, stale: 1, miss: 1 });
  });

  // The scorer may run in another process: what it writes reaches the check only through the store.
  it('shows every write of the latest assessment at once: a new grade, a later asOf, and a rewrite as of the same moment', async () => {
    const q = 'Pennine Castings';
    const first = await check(q);
    const id = first.body.customerId;
    const stored = (await demo.app.store.latestAssessment(id))!;
    expect((await check(q)).text).toBe(first.text);
    await check(q, 10_000);
    // The same assessment, re-scored later: no new history row ('unchanged'), but the answer says as of when.
    const later = new Date(Date.parse(stored.asOf) + 3_600_000).toISOString();
    expect(await demo.app.store.saveAssessment({ ...stored, asOf: later })).toBe('unchanged');
    expect((await check(q)).body.asOf).toBe(later);
    // Rewritten as of the same moment with other reasons (a frozen clock): still not the kept answer.
    const factors = [{ ...stored.factors[0]!, contribution: stored.factors[0]!.contribution + 0.25 }, ...stored.factors.slice(1)];
    await demo.app.store.saveAssessment({ ...stored, asOf: later, factors });
    expect((await check(q)).body.factors).toEqual(JSON.parse(JSON.stringify(factors)));
    // Another grade.
    const worse = stored.grade === 'E' ? 'D' : 'E';
    await demo.app.store.saveAssessment({ ...stored, asOf: new Date(Date.parse(later) + 1_000).toISOString(), grade: worse });
    expect((await check(q)).body.grade).toBe(worse);
    // An order amount's answer within its minute is made anew too (assessed from the inputs, so not this grade).
    calls.clear();
    await check(q, 10_000);
    expect(made()).toBeGreaterThan(0);
    await demo.app.store.saveAssessment({ ...stored, asOf: new Date(Date.parse(later) + 2_000).toISOString() });
  });

  it('shows a register refresh at once, before any re-score', async () => {
    const q = 'Calandra Logistik';
    const first = await check(q);
    const id = first.body.customerId;
    const entries = await demo.app.store.registers.entriesFor(id);
    const report = (await demo.app.store.registers.refreshFor(id))?.sources ?? [];
    const dissolved = { register: 'zefix' as const, country: 'CH', registerId: 'CHE-999.000.111', name: 'Calandra Logistik AG', status: 'dissolved' as const, industryCodes: [], insolvencyCases: [], officerChanges: [], addressChanges: [], notices: [], url: 'https://www.zefix.ch/x', fetchedAt: new Date(now).toISOString(), warnings: [] };
    const at = new Date(now);
    await demo.app.store.registers.saveEntries(id, [dissolved], report, at);
    const after = await check(q);
    expect(after.body.match.register?.entries.map((e) => [e.register, e.status])).toEqual([['zefix', 'dissolved']]);
    // Refreshed again as of the same moment, with the entries it had: the answer follows again.
    await demo.app.store.registers.saveEntries(id, entries, report, at);
    expect((await check(q)).body.match.register?.entries ?? []).toEqual(JSON.parse(JSON.stringify(entries)));
  });

  it('follows the watchlist: a query that no longer clearly means the kept customer is answered anew', async () => {
    expect((await check('Calandra Logistik')).body.customerId).toBe('CH-1003');
    const full = await check('Calandra Logistik AG');
    expect(full.body.match.alternatives).toEqual([]);
    // A GmbH of the same name: the name without legal form now names two, so the answer is the candidates (300).
    await importWatchlist(demo.app, 'customer_id,name,country\nAT-9001,Calandra Logistik GmbH,AT\n');
    const res = await fetch(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`);
    expect(res.status).toBe(300);
    expect(((await res.json()) as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id).sort()).toEqual(['AT-9001', 'CH-1003']);
    // The full name still decides (the search's rule), and is answered for that customer…
    expect((await check('Calandra Logistik GmbH')).body.customerId).toBe('AT-9001');
    // …and a query kept before that still means the same customer now shows the new namesake as an alternative.
    const again = await check('Calandra Logistik AG');
    expect(again.body.customerId).toBe('CH-1003');
    expect(again.body.match.alternatives).toEqual([{ id: 'AT-9001', name: 'Calandra Logistik GmbH' }]);
  });

  it('stops answering for customers that `demo remove` took away, though their answers were kept', async () => {
    const kept = await check('Alpenblick Metallbau');
    expect(kept.body.match.kind).toBe('customer');
    expect((await check('Alpenblick Metallbau')).text).toBe(kept.text);
    expect((await removeDemoData(demo.app)).customers).toBeGreaterThan(0);
    const after = await fetch(`${base}/api/check?q=${encodeURIComponent('Alpenblick Metallbau')}`);
    const body = (await after.json()) as { match?: { kind: string } };
    // A prospect from the stored news at most, never the removed customer's report.
    expect(after.status === 404 || body.match?.kind === 'prospect').toBe(true);
    // The search forgot them too: the GmbH added above is now the only Calandra Logistik, not one of two candidates.
    const calandra = await check('Calandra Logistik');
    expect(calandra.status).toBe(200);
    expect(calandra.body.customerId).toBe('AT-9001');
  });
});
