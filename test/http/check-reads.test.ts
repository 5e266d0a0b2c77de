import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCustomer } from '../../analysis/scoring/score-customer.js';
import { rescoreNow } from '../../app/credit-actions.js';
import { createFreshAssessments } from '../../app/fresh-assessment.js';
import { checkScoringDeps } from '../../app/lookup.js';
import type { LedgerRow } from '../../platform/schemas/index.js';
import { countCalls, fetchCheck } from './support/check-client.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';
import { seedPortfolio, type SeededCustomer } from './support/seed-portfolio.js';

/** Store reads whose cost grows with the portfolio or the customer's history. */
const HEAVY = ['listCustomers', 'latestAssessments', 'ledgerCustomerIds', 'assessmentHistory', 'ledgerForCustomer', 'signalsForCustomer', 'signalsForIndustry'] as const;
/** Reads of one customer's whole assessment, which a kept answer checks by version instead. */
const WHOLE = ['latestAssessment'] as const;
/** Keyed reads: what a kept answer is checked with, and the watchlist version a search reads. */
const KEYED = ['customerVersions', 'customersVersions', 'getMeta'] as const;

/**
 * GET /api/check on the demo plus a seeded portfolio: a stored assessment is served by key
 * (no portfolio-wide read, no history), and a check with an order amount assesses again from
 * the inputs kept with the stored assessment until the scorer writes a new one.
 */
describe('GET /api/check reads one customer, not the portfolio or its history', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  let seeded: SeededCustomer[];
  const calls = new Map<string, number>();
  beforeAll(async () => {
    demo = await openDemoApp();
    seeded = await seedPortfolio(demo.app, 300);
    // A customer known only from the ledger (not on the watchlist), checked by its id.
    await demo.app.store.upsertLedgerRows([ledgerRow('LEDGER-ONLY-1', 'INV-1', { amount: 4200 })]);
    await rescoreNow(demo.app, 'LEDGER-ONLY-1');
    countCalls(demo.app.store, [...HEAVY, ...WHOLE, ...KEYED], calls);
    countCalls(demo.app.store.registers, ['refreshes', 'refreshFor', 'entriesFor'], calls);
    ({ server, base } = await startServer(demo));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const check = (q: string, amount?: number) => fetchCheck(base, q, amount);
  const heavyCalls = () => Object.fromEntries([...HEAVY, 'refreshes'].map((n) => [n, calls.get(n) ?? 0]));
  const wholeCalls = () => Object.fromEntries([...WHOLE, 'refreshFor', 'entriesFor'].map((n) => [n, calls.get(n) ?? 0]));

  it('serves stored assessments by name, register id, customer id and ledger-only id with no portfolio-wide or history read', async () => {
    const picks = [seeded[10]!, seeded[150]!, seeded[299]!];
    const queries = ['Alpenblick Metallbau', 'CHE-401.118.534', ...picks.map((c) => c.name), ...picks.map((c) => c.registerId), ...picks.map((c) => c.id), 'LEDGER-ONLY-1'];
    for (const q of queries) expect((await check(q)).status, q).toBe(200); // the watchlist index is built once here
    calls.clear();
    for (const q of queries) {
      const r = await check(q);
      expect(r.status, q).toBe(200);
      if (q.startsWith('P-')) expect(r.body.customerId).toBe(q);
    }
    const seededByName = await check(picks[1]!.name);
    expect(seededByName.body.customerId).toBe(picks[1]!.id);
    // The register part comes with its refresh report (read by key, not from the list of all refreshes).
    expect(seededByName.body.match.register?.sources).toHaveLength(1);
    expect(heavyCalls()).toEqual(Object.fromEntries([...HEAVY, 'refreshes'].map((n) => [n, 0])));
    // Asked before, each is a kept answer: checked against versions, the assessment and the register report are not read.
    expect(wholeCalls()).toEqual({ latestAssessment: 0, refreshFor: 0, entriesFor: 0 });
    // One read per kept answer (asked one after another), of its versions; no search (it would read the watchlist version).
    expect({ customersVersions: calls.get('customersVersions'), customerVersions: calls.get('customerVersions') ?? 0, getMeta: calls.get('getMeta') ?? 0 }).toEqual({
      customersVersions: queries.length + 1,
      customerVersions: 0,
      getMeta: 0,
    });
  });

  it('checks the kept answers asked at the same time with one read of the store, each answer still its own', async () => {
    const picks = [seeded[3]!, seeded[90]!, seeded[180]!, seeded[270]!];
    const queries = ['Calandra Logistik', 'Pennine Castings', ...picks.map((c) => c.name), ...picks.map((c) => c.id)];
    const url = (q: string) => `/api/check?q=${encodeURIComponent(q)}`;
    const alone = new Map<string, string>();
    for (const q of queries) alone.set(q, (await check(q)).text);
    const batches: string[][] = [];
    const read = demo.app.store.customersVersions;
    demo.app.store.customersVersions = (ids) => {
      batches.push([...ids]);
      return read(ids);
    };
    try {
      // In one turn of the event loop, as a loaded server reads many sockets in one poll.
      const answers = await Promise.all(queries.map((q) => server.inject({ method: 'GET', url: url(q) })));
      expect(answers.map((a) => a.body)).toEqual(queries.map((q) => alone.get(q)));
      expect(batches).toHaveLength(1);
      expect(batches[0]).toHaveLength(queries.length);
    } finally {
      demo.app.store.customersVersions = read;
    }
  });

  it('assesses an order amount from kept inputs: same answer as scoring from the store, read once per stored assessment', async () => {
    const customer = seeded[42]!;
    calls.clear();
    const first = await check(customer.id, 60_000);
    const again = await check(customer.name, 60_000);
    const other = await check(customer.registerId, 500);
    expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
    expect(calls.get('ledgerForCustomer')).toBe(1);
    expect(calls.get('signalsForCustomer')).toBe(1);

    const direct = await scoreCustomer(checkScoringDeps(demo.app), customer.id, new Date(first.body.asOf), { orderAmount: 60_000 });
    const { match: _match, ...answer } = first.body;
    expect(answer).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('reads again once the scorer wrote a new assessment, and the answer shows what changed', async () => {
    const customer = seeded[77]!;
    const before = await check(customer.id, 20_000);
    // A large invoice, long overdue: the scorer re-scores (as after a ledger import) and the check sees it.
    await demo.app.store.upsertLedgerRows([ledgerRow(customer.id, 'OVERDUE-1', { amount: 90_000, issueDaysAgo: 150, customerName: customer.name })]);
    await rescoreNow(demo.app, customer.id);
    calls.clear();
    const after = await check(customer.id, 20_000);
    expect(calls.get('ledgerForCustomer')).toBe(1);
    expect(after.body.exposure!.open).toBeGreaterThan(before.body.exposure!.open + 89_000);
    expect(after.body.exposure!.overdue).toBeGreaterThan(before.body.exposure!.overdue);
  });

  it('keeps no inputs for a customer never scored (reads every time)', async () => {
    const store = demo.app.store;
    await store.upsertLedgerRows([ledgerRow('NEVER-SCORED-1', 'INV-1', { amount: 1000 })]);
    const fresh = createFreshAssessments({ ...checkScoringDeps(demo.app), assessments: store });
    const now = demo.app.clock.now();
    expect(await fresh.assess('NEVER-SCORED-1', now, 500)).toMatchObject({ customerId: 'NEVER-SCORED-1' });
    expect(await fresh.assess('NEVER-SCORED-1', now, 500)).toMatchObject({ customerId: 'NEVER-SCORED-1' });
    expect(fresh.stats()).toEqual({ reads: 2, reused: 0 });
    expect(await fresh.assess('NOBODY-KNOWN', now, 500)).toBeUndefined();
  });
});

function ledgerRow(customerId: string, invoiceId: string, o: { amount: number; issueDaysAgo?: number; customerName?: string }): LedgerRow {
  const issue = new Date(Date.now() - (o.issueDaysAgo ?? 20) * 86_400_000);
  const due = new Date(issue.getTime() + 30 * 86_400_000);
  return {
    customerId,
    customerName: o.customerName ?? `${customerId} GmbH`,
    invoiceId,
    issueDate: issue.toISOString().slice(0, 10),
    dueDate: due.toISOString().slice(0, 10),
    amount: o.amount,
    currency: 'CHF',
    paidAmount: 0,
    dunningLevel: 0,
    collection: false,
  } as LedgerRow;
}
