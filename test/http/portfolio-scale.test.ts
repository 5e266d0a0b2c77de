import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPositions, summarizePositions } from '../../analysis/scoring/ledger-positions.js';
import { openApp, type App } from '../../app/compose.js';
import { buildHttpServer } from '../../app/http/server.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import type { Store } from '../../platform/store/port.js';
import { tempDir } from '../helpers.js';
import { largeLedger, seedLargePortfolio } from './support/large-portfolio.js';

const CUSTOMERS = 10_000;
const INVOICES = 3;

/**
 * The portfolio with 10,000 customers scored by the real scorer: every list reads the store a
 * fixed number of times (a page, the totals, the movers), never once per customer, and what it
 * shows is what the ledger settles to. (Speed is measured by `npm run bench -- portfolio`.)
 */
describe('portfolio at 10,000 customers', () => {
  const tmp = tempDir('bonitor-portfolio-scale-');
  let app: App;
  let server: FastifyInstance;
  let now = new Date('2026-11-02T08:00:00Z');
  const calls = new Map<string, number>();

  beforeAll(async () => {
    const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir } });
    app = await openApp(config, silentLogger, { now: () => now });
    await seedLargePortfolio(app, (d) => (now = d), { customers: CUSTOMERS, invoices: INVOICES, asOf: now, laterDays: 20, rescored: 1500 });
    // Every store call the HTTP layer makes, by method name.
    const counted = new Proxy(app.store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Store;
    server = buildHttpServer({ app: { ...app, store: counted }, unsubscribeSecret: 'test-secret-0123456789abcdef' });
    await server.ready();
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    tmp.cleanup();
  });

  const get = async (url: string) => {
    calls.clear();
    const res = await server.inject({ method: 'GET', url });
    return { res, calls: Object.fromEntries(calls) };
  };

  it('lists a page of customers in one store query, with the total and a link to the next page', async () => {
    const { res, calls } = await get('/api/customers');
    expect(res.statusCode).toBe(200);
    expect(calls).toEqual({ portfolioPage: 1 });
    const rows = res.json() as Array<{ id: string; score: number; open: Record<string, number>; overdue: Record<string, number>; delta: number }>;
    expect(rows).toHaveLength(100);
    expect(res.headers['x-total-count']).toBe(String(CUSTOMERS));
    expect(res.headers.link).toBe('</api/customers?offset=100&limit=100>; rel="next"');
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
    // Open and overdue are the ledger as the scorer settles it (credit notes, discounts, write-offs).
    const today = now.toISOString().slice(0, 10);
    for (const r of rows.slice(0, 20)) {
      const ledger = await app.store.ledgerForCustomer(r.id);
      const expected = summarizePositions(ledgerPositions(ledger, new Date('2026-11-22T08:00:00Z')), today);
      expect({ open: r.open, overdue: r.overdue }).toEqual(expected);
    }
  });

  it('reads the same one query for the last page sorted by open amount, filtered by tag', async () => {
    const { res, calls } = await get('/api/customers?sort=open&order=asc&tag=key-account&limit=500&offset=3500');
    expect(calls).toEqual({ portfolioPage: 1 });
    const rows = res.json() as Array<{ tags: string[]; openReporting: number | null }>;
    // Every 5th customer and every 5th + 1 carry the tag: 4,000, so the last page holds 500.
    expect(res.headers['x-total-count']).toBe('4000');
    expect(rows).toHaveLength(500);
    expect(rows.every((r) => r.tags.includes('key-account'))).toBe(true);
    const amounts = rows.map((r) => r.openReporting ?? Infinity);
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
    expect(res.headers.link).toContain('rel="prev"');
    expect(res.headers.link).not.toContain('rel="next"');
  });

  it('totals the whole portfolio without reading any customer on its own: /api/portfolio, the page, /metrics', async () => {
    const api = await get('/api/portfolio');
    expect(api.calls).toEqual({ portfolioPage: 2, portfolioTotals: 1 });
    const p = api.res.json() as { total: number; rows: unknown[]; grades: Record<string, { count: number }>; unassessed: number; open: Record<string, number>; movers: Array<{ delta: number }> };
    expect(p.total).toBe(CUSTOMERS);
    expect(p.rows).toHaveLength(100);
    expect(Object.values(p.grades).reduce((n, g) => n + g.count, 0) + p.unassessed).toBe(CUSTOMERS);
    expect(p.movers.length).toBeGreaterThan(0);
    expect(p.movers.every((m) => m.delta !== 0)).toBe(true);
    // The open total is the sum over every customer's settled ledger (EUR every 17th customer).
    const sums: Record<string, number> = {};
    for (let i = 0; i < CUSTOMERS; i++) {
      const ledger = largeLedger(i, INVOICES, new Date('2026-11-02T08:00:00Z'));
      const asOf = i < 1500 ? new Date('2026-11-22T08:00:00Z') : new Date('2026-11-02T08:00:00Z');
      for (const [cur, v] of Object.entries(summarizePositions(ledgerPositions(ledger, asOf), '2026-11-22').open)) sums[cur] = (sums[cur] ?? 0) + v;
    }
    for (const cur of Object.keys(sums)) expect(p.open[cur]).toBeCloseTo(sums[cur]!, 0);

    const page = await get('/portfolio?sort=name&offset=9900');
    expect(page.res.statusCode).toBe(200);
    expect(page.calls).toEqual({ portfolioPage: 2, portfolioTotals: 1 });
    expect(page.res.body).toContain('9,901–10,000');
    expect(page.res.body).toMatch(/aria-sort="ascending"><a href="\/portfolio\?sort=name&amp;order=desc/);

    const metrics = await get('/metrics');
    expect(metrics.calls.portfolioTotals).toBe(1);
    expect(metrics.calls.listCustomers ?? 0).toBe(0);
    expect(metrics.calls.latestAssessments ?? 0).toBe(0);
    expect(metrics.res.body).toContain(`bonitor_customers ${CUSTOMERS}`);
  });
});
