import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeLedgerFeatures } from '../../analysis/scoring/ledger-features.js';
import { parseBexioInvoices } from '../../collectors/ledger/parse-bexio.js';
import { readLedgerFileGroups, type LedgerFileSummary } from '../../collectors/ledger/read-ledger-file.js';
import type { LedgerRow } from '../../platform/schemas/index.js';

const fixture = (name: string) => new URL(`../fixtures/ledger/${name}`, import.meta.url).pathname;
const json = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as unknown;

describe('bexio invoices (API v2 JSON)', () => {
  it('reads a recorded bexio answer: the pending invoice with its contact, dates and total', () => {
    const r = parseBexioInvoices(json('bexio_kb_invoice_list.json'), json('bexio_kb_invoice_payment.json'));
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { customerId: '2', customerName: 'codebar Solutions AG', invoiceId: 'RE-00001', issueDate: '2024-09-27', dueDate: '2024-10-26', amount: 80.25, currency: 'CHF', paidAmount: 0, dunningLevel: 0, collection: false },
    ]);
  });

  it('reads payments with their dates, Skonto, credit vouchers, and leaves drafts and cancelled invoices out', async () => {
    const summary: Partial<LedgerFileSummary> = {};
    const rows: LedgerRow[] = [];
    const issues: string[] = [];
    const groups = readLedgerFileGroups(fixture('bexio_kb_invoice_handmade.json'), { bexioPayments: json('bexio_kb_invoice_payments_handmade.json') }, (i) => issues.push(i.reason), summary);
    for await (const g of groups) if (g !== 'restarted') rows.push(...g.rows);
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ format: 'bexio', skipped: 2, customers: 3 });
    expect(summary.bexio).toMatchObject({ invoices: 4, withPayments: 2, paidWithoutDates: 1 });
    const byId = Object.fromEntries(rows.map((r) => [r.invoiceId, r]));
    expect(byId['RE-00201']).toMatchObject({ customerName: 'Möbel Schär GmbH', paidAmount: 5292, discountAmount: 108, paidDate: '2026-01-12' });
    expect(byId['RE-00203/GS']).toMatchObject({ amount: -200, reference: 'RE-00203' });
    const asOf = new Date('2026-04-01T00:00:00Z');
    const f = (id: string) => computeLedgerFeatures(rows.filter((r) => r.customerId === id), asOf);
    expect(f('11')).toMatchObject({ exposure: 0, discountCount: 1 });
    expect(f('11').worstDelayDays).toBe(13); // RE-00202 paid 13 days after its due date
    expect(f('12').exposure).toBe(0);
    expect(f('13')).toMatchObject({ exposure: 7300, oldestOverdueDays: 91 });
  });

  it('reports what is not a bexio invoice', () => {
    expect(parseBexioInvoices({ nope: 1 }, undefined).issues[0]!.reason).toMatch(/JSON array/);
    expect(parseBexioInvoices([{ id: 1 }], undefined).issues[0]!.reason).toMatch(/document_nr/);
  });
});
