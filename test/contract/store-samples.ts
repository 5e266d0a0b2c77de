import type { Assessment, Customer, Document, LedgerRow, Signal } from '../../platform/schemas/index.js';
import type { Store } from '../../platform/store/port.js';

/** The Store contract: SQLite and ClickHouse adapters must both pass it. */
export interface StoreHarness {
  create(): Promise<Store>;
}

/** Small valid records the Store contract suites (and tests that need a stored row) build on. */
export const sample = {
  customer: (id: string, name = `Customer ${id}`): Customer => ({
    id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: 'C', tags: [],
  }),
  document: (id: string): Document => ({
    id, sourceId: 'src', kind: 'news', url: `https://example.org/${id}`, title: `Title ${id}`, text: 'Text',
    fetchedAt: '2026-11-01T10:00:00.000Z', publishedAt: '2026-11-01T09:00:00.000Z',
  }),
  ledger: (customerId: string, invoiceId: string, overrides: Partial<LedgerRow> = {}): LedgerRow => ({
    customerId, invoiceId, issueDate: '2026-09-01', dueDate: '2026-10-01', amount: 1000, currency: 'CHF',
    paidAmount: 0, dunningLevel: 0, collection: false, ...overrides,
  }),
  signal: (id: string, customerId: string): Signal => ({
    id, type: 'insolvency', severity: 'critical', confidence: 0.9, polarity: -1, customerId, ambiguous: false,
    evidence: 'Über die Gesellschaft wurde der Konkurs eröffnet.', documentIds: ['d1'], sourceId: 'src',
    title: 'Konkurs', url: 'https://example.org/d1', occurredAt: '2026-11-01T09:00:00.000Z', detectedAt: '2026-11-01T10:00:00.000Z',
  }),
  assessment: (customerId: string, grade: Assessment['grade'], score: number, asOf = '2026-11-02T00:00:00.000Z'): Assessment => ({
    customerId, name: `Customer ${customerId}`, asOf, score, pd: score / 200, grade,
    terms: { kind: 'open_account', netDays: 30, advancePercent: null, creditLimit: 10000, currency: 'CHF' },
    factors: [{ name: 'payment_behaviour', contribution: 5, evidence: ['INV-1'] }], signals: [], modelVersion: 'test',
  }),
};
