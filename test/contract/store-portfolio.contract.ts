import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../platform/schemas/index.js';
import type { PortfolioQuery, Store } from '../../platform/store/port.js';
import { sample, type StoreHarness } from './store-samples.js';

const portfolioQuery = (q: Partial<PortfolioQuery> = {}): PortfolioQuery => ({
  today: '2026-11-02', sort: 'risk', descending: true, limit: 50, offset: 0, reporting: { currency: 'CHF', rates: { EUR: 0.9 } }, ...q,
});

const c1Assessment = (asOf: string): Assessment => ({
  ...sample.assessment('c1', 'C', 40, asOf),
  exposure: { open: 1450, overdue: 1000, approvedLimit: 2000, utilisation: 0.725, currency: 'CHF' },
  nextStep: { code: 'step.call', params: { days: 3 } },
});

/** The portfolio's read side on a store of its own (the page spans every customer in it). */
export function runPortfolioContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, portfolio: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness.create();
      await store.upsertCustomers([
        { ...sample.customer('c1', 'Alpha AG'), industry: 'C25', tags: ['key-account', 'export'] },
        { ...sample.customer('c2', 'beta GmbH'), industry: 'F41' },
        { ...sample.customer('c3', 'Gamma SA'), industry: 'C10', tags: ['key-account'] },
      ]);
      expect(await store.saveAssessment(sample.assessment('c1', 'A', 10, '2026-10-01T00:00:00.000Z'))).toBe('new');
      expect(await store.saveAssessment(c1Assessment('2026-11-02T00:00:00.000Z'))).toBe('new');
      expect(await store.saveAssessment(sample.assessment('c2', 'D', 70))).toBe('new');
      expect(await store.saveAssessment({ ...sample.assessment('x9', 'B', 20), name: 'Ledger Only Ltd' })).toBe('new');
      await store.saveLedgerPositions('c1', [
        { invoiceId: 'INV-1', currency: 'CHF', dueDate: '2026-10-01', open: 1000 },
        { invoiceId: 'INV-2', currency: 'EUR', dueDate: '2026-12-01', open: 500 },
      ]);
      await store.saveLedgerPositions('c2', [{ invoiceId: 'OLD', currency: 'CHF', dueDate: '2026-01-01', open: 9999 }]);
      // Replaced as a whole: the old item is gone; a credit balance lowers open (never below 0) and overdue with it.
      await store.saveLedgerPositions('c2', [
        { invoiceId: 'I1', currency: 'CHF', dueDate: '2026-10-15', open: 800 },
        { invoiceId: '', currency: 'CHF', dueDate: null, open: -300 },
      ]);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists every customer with its latest assessment and open items in one page, riskiest first, unassessed last', async () => {
      const page = await store.portfolioPage(portfolioQuery());
      expect(page.total).toBe(4);
      expect(page.rows.map((r) => r.id)).toEqual(['c2', 'c1', 'x9', 'c3']);
      const [c2, c1, x9, c3] = page.rows;
      expect(c1).toMatchObject({
        name: 'Alpha AG', industry: 'C25', tags: ['key-account', 'export'], grade: 'C', score: 40, pd: 0.2, termsKind: 'open_account',
        asOf: '2026-11-02T00:00:00.000Z', previousScore: 10, previousGrade: 'A', approvedLimit: 2000, utilisation: 0.725, currency: 'CHF',
        nextStep: { code: 'step.call', params: { days: 3 } }, overridden: false, open: { CHF: 1000, EUR: 500 }, overdue: { CHF: 1000 },
      });
      expect(c2).toMatchObject({ name: 'beta GmbH', grade: 'D', previousScore: null, open: { CHF: 500 }, overdue: { CHF: 500 } });
      expect(x9).toMatchObject({ name: 'Ledger Only Ltd', industry: '', tags: [], grade: 'B', open: {}, overdue: {} });
      expect(c3).toMatchObject({ name: 'Gamma SA', grade: null, score: null, termsKind: null, previousScore: null, open: {}, overdue: {} });
    });

    it('filters by grade, tag, industry prefix and movement, and pages without overlap', async () => {
      const ids = async (q: Partial<PortfolioQuery>) => (await store.portfolioPage(portfolioQuery(q))).rows.map((r) => r.id);
      expect(await ids({ grade: 'D' })).toEqual(['c2']);
      expect(await ids({ tag: 'key-account' })).toEqual(['c1', 'c3']);
      expect(await ids({ tag: 'key' })).toEqual([]);
      expect(await ids({ industry: 'C' })).toEqual(['c1', 'c3']);
      expect(await ids({ industry: 'C2' })).toEqual(['c1']);
      expect(await ids({ moved: true })).toEqual(['c1']);
      const second = await store.portfolioPage(portfolioQuery({ limit: 2, offset: 2 }));
      expect(second).toMatchObject({ total: 4 });
      expect(second.rows.map((r) => r.id)).toEqual(['x9', 'c3']);
      const past = await store.portfolioPage(portfolioQuery({ limit: 2, offset: 10 }));
      expect(past).toEqual({ total: 4, rows: [] });
      expect((await store.portfolioPage(portfolioQuery({ grade: 'E' })))).toEqual({ total: 0, rows: [] });
    });

    it('sorts in the store: by name case-insensitively, by open in the reporting currency (unconvertible last), by change', async () => {
      const ids = async (q: Partial<PortfolioQuery>) => (await store.portfolioPage(portfolioQuery(q))).rows.map((r) => r.id);
      expect(await ids({ sort: 'name', descending: false })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'name', descending: true })).toEqual(['x9', 'c3', 'c2', 'c1']);
      // c1: 1000 CHF + 500 EUR × 0.9 = 1450 CHF; c2: 500 CHF; no open items: 0.
      expect(await ids({ sort: 'open' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'open', descending: false })).toEqual(['c3', 'x9', 'c2', 'c1']);
      // Without a EUR rate c1's total is unknown: last in either direction.
      expect(await ids({ sort: 'open', reporting: { currency: 'CHF', rates: {} } })).toEqual(['c2', 'c3', 'x9', 'c1']);
      expect(await ids({ sort: 'overdue' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'change' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'limitUse' })).toEqual(['c1', 'c2', 'c3', 'x9']);
    });

    it('totals every customer per grade and currency', async () => {
      const t = await store.portfolioTotals('2026-11-02');
      expect(t.customers).toBe(4);
      const byGrade = Object.fromEntries(t.grades.map((g) => [g.grade ?? '-', g.customers]));
      expect(byGrade).toEqual({ B: 1, C: 1, D: 1, '-': 1 });
      const key = (a: { grade: string | null; currency: string }) => `${a.grade}/${a.currency}`;
      expect([...t.amounts].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([
        { grade: 'C', currency: 'CHF', open: 1000, overdue: 1000 },
        { grade: 'C', currency: 'EUR', open: 500, overdue: 0 },
        { grade: 'D', currency: 'CHF', open: 500, overdue: 500 },
      ]);
    });

    it('keeps the previous score through an unchanged re-score and moves it on a change; removal takes the open items', async () => {
      expect(await store.saveAssessment(c1Assessment('2026-11-03T00:00:00.000Z'))).toBe('unchanged');
      let c1 = (await store.portfolioPage(portfolioQuery({ tag: 'export' }))).rows[0]!;
      expect(c1).toMatchObject({ asOf: '2026-11-03T00:00:00.000Z', previousScore: 10, previousGrade: 'A', approvedLimit: 2000 });
      expect(await store.saveAssessment(sample.assessment('c1', 'D', 62, '2026-11-04T00:00:00.000Z'))).toBe('new');
      c1 = (await store.portfolioPage(portfolioQuery({ tag: 'export' }))).rows[0]!;
      expect(c1).toMatchObject({ grade: 'D', score: 62, previousScore: 40, previousGrade: 'C', approvedLimit: null, nextStep: null });
      await store.removeCustomers(['c2']);
      const t = await store.portfolioTotals('2026-11-02');
      expect(t.customers).toBe(3);
      expect(t.amounts.filter((a) => a.grade === 'D').sort((a, b) => a.currency.localeCompare(b.currency))).toEqual([
        { grade: 'D', currency: 'CHF', open: 1000, overdue: 1000 },
        { grade: 'D', currency: 'EUR', open: 500, overdue: 0 },
      ]);
    });
  });
}
