import { describe, expect, it } from 'vitest';
import { assessCustomer } from '../../analysis/scoring/assess-customer.js';
import { deriveOutcomes } from '../../analysis/scoring/backtest.js';
import { computeLedgerFeatures } from '../../analysis/scoring/ledger-features.js';
import { settleLedger } from '../../analysis/scoring/ledger-settlement.js';
import { DEFAULT_WEIGHTS, parseWeights } from '../../analysis/scoring/weights.js';
import { DEFAULT_POLICY } from '../../platform/config/policy.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { invoice, iso } from './helpers.js';

const asOf = new Date('2024-12-01T00:00:00Z');
const DAY = 86_400_000;

/** Monthly invoices of `amount` issued on the 1st, due 30 days later, each paid `paidAfterIssue` days after issue with `pay(amount)`. */
function history(n: number, amount: number, paidAfterIssue: number, pay: (a: number) => number, extra: Partial<LedgerRow> = {}): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (let i = 0; i < n; i++) {
    const issue = Date.UTC(2024, i, 1);
    rows.push(invoice(`R-${i + 1}`, iso(new Date(issue)), iso(new Date(issue + 30 * DAY)), amount, { date: iso(new Date(issue + paidAfterIssue * DAY)), amount: pay(amount) }, extra));
  }
  return rows;
}

function assess(rows: LedgerRow[]) {
  return assessCustomer({ customer: { id: 'c1', name: 'Kunde AG' }, ledger: rows, signals: [], asOf, policy: DEFAULT_POLICY });
}

describe('cash discount (Skonto)', () => {
  it('settles an invoice paid within the due date with a 2 % shortfall in full, and the payer earns A or B', () => {
    const rows = history(10, 24_500, 9, (a) => Math.round(a * 0.98 * 100) / 100);
    const f = computeLedgerFeatures(rows, asOf);
    expect(f.exposure).toBe(0);
    expect(f.openOverdueAmount).toBe(0);
    expect(f.oldestOverdueDays).toBe(0);
    expect(f.discountCount).toBe(10);
    expect(f.paidOnTimeCount).toBe(10);
    expect(f.shareLate).toBe(0);
    expect(['A', 'B']).toContain(assess(rows).grade);
  });

  it('without the discount rule the same ledger would look like ever older overdue rests', () => {
    const strict = computeLedgerFeatures(history(10, 24_500, 9, (a) => a * 0.98), asOf, {
      lookbackDays: 730,
      recentDays: 90,
      toleranceDays: 5,
      maxDiscountShare: 0,
      roundingShare: 0.005,
    });
    expect(strict.exposure).toBeCloseTo(4900, 2);
    expect(strict.discountCount).toBe(0);
  });

  it('a shortfall larger than the discount share stays open', () => {
    const f = computeLedgerFeatures(history(1, 1000, 9, () => 950), asOf);
    expect(f.exposure).toBe(50);
    expect(f.discountCount).toBe(0);
  });

  it('uses the stated discount terms: paid after discount_days the shortfall is owed, but a small rest does not age the customer', () => {
    const rows = history(3, 1000, 14, () => 980, { discountPercent: 2, discountDays: 10 });
    const f = computeLedgerFeatures(rows, asOf);
    expect(f.discountCount).toBe(0);
    expect(f.exposure).toBe(60);
    expect(f.openOverdueAmount).toBe(60);
    expect(f.oldestOverdueDays).toBe(0);
    const inTime = computeLedgerFeatures(history(3, 1000, 10, () => 980, { discountPercent: 2, discountDays: 10 }), asOf);
    expect(inTime.discountCount).toBe(3);
    expect(inTime.exposure).toBe(0);
  });

  it('counts a discount the export booked (Skonto column) as settled', () => {
    const f = computeLedgerFeatures(history(2, 1000, 40, () => 960, { discountAmount: 40 }), asOf);
    expect(f.exposure).toBe(0);
    expect(f.discountCount).toBe(2);
  });
});

describe('credit notes', () => {
  const inv = invoice('R-1', '2024-09-01', '2024-10-01', 10_000, { date: '2024-09-25', amount: 9_000 });
  const credit = (reference?: string): LedgerRow => ({ ...invoice('GS-1', '2024-09-10', '2024-09-10', -1_000), ...(reference ? { reference } : {}) });

  it('reduces the invoice it names; the invoice is settled on time and the credit is never late', () => {
    const s = settleLedger([inv, credit('R-1')], asOf);
    expect(s.invoices[0]).toMatchObject({ credited: 1000, paid: 9000, open: 0 });
    expect(s.creditNotes[0]!.appliedTo).toBe('R-1');
    const f = computeLedgerFeatures([inv, credit('R-1')], asOf);
    expect(f).toMatchObject({ exposure: 0, shareLate: 0, paidOnTimeCount: 1, creditNoteCount: 1, oldestOverdueDays: 0 });
    expect(f.evidence.overdue).toEqual([]);
  });

  it('without a reference is netted against the oldest open invoice', () => {
    const f = computeLedgerFeatures([inv, credit()], asOf);
    expect(f.exposure).toBe(0);
    expect(f.paidOnTimeCount).toBe(1);
  });

  it('nets first, then judges a remaining discount shortfall', () => {
    const skonto = invoice('R-2', '2024-10-01', '2024-10-31', 10_000, { date: '2024-10-08', amount: 8_820 }); // (10 000 − 1 000) × 0.98
    const f = computeLedgerFeatures([skonto, { ...credit(), invoiceId: 'GS-2', issueDate: '2024-10-05', dueDate: '2024-10-05' }], asOf);
    expect(f.exposure).toBe(0);
    expect(f.discountCount).toBe(1);
  });

  it('an unapplied credit balance lowers the exposure and customers with credit notes stay A or B', () => {
    const rows = [...history(8, 5000, 20, (a) => a), invoice('R-open', '2024-11-10', '2024-12-10', 3000), { ...credit(), invoiceId: 'GS-9', amount: -500 }];
    const f = computeLedgerFeatures(rows, asOf);
    expect(f.exposure).toBe(2500);
    expect(['A', 'B']).toContain(assess(rows).grade);
  });
});

describe('partial payments', () => {
  it('weights each payment by its amount and date', () => {
    const row = invoice('R-1', '2024-08-01', '2024-09-01', 1000, undefined, {
      paidAmount: 1000,
      paidDate: '2024-10-31',
      payments: [
        { date: '2024-09-01', amount: 300 },
        { date: '2024-10-31', amount: 700 },
      ],
    });
    const f = computeLedgerFeatures([row], asOf);
    expect(f.daysBeyondTerms).toBeCloseTo((700 * 60) / 1000, 6);
    expect(f.worstDelayDays).toBe(60);
    expect(f.exposure).toBe(0);
  });

  it("takes the bank's booking date over the ledger's date for the same money", () => {
    const row = invoice('R-1', '2024-08-01', '2024-09-01', 1000, undefined, {
      paidAmount: 1000,
      paidDate: '2024-09-30',
      payments: [
        { date: '2024-09-30', amount: 1000 },
        { date: '2024-09-02', amount: 1000, source: 'bank', reference: 'ACSR-1' },
      ],
    });
    const f = computeLedgerFeatures([row], asOf);
    expect(f.worstDelayDays).toBe(1);
    expect(f.paidOnTimeCount).toBe(1);
  });

  it('ignores payments after asOf', () => {
    const row = invoice('R-1', '2024-10-01', '2024-10-31', 1000, undefined, { paidAmount: 1000, payments: [{ date: '2024-12-15', amount: 1000 }] });
    expect(computeLedgerFeatures([row], asOf).exposure).toBe(1000);
  });

  it('caps an overpayment at the invoice', () => {
    const f = computeLedgerFeatures([invoice('R-1', '2024-10-01', '2024-10-31', 1000, { date: '2024-10-20', amount: 5000 })], asOf);
    expect(f.exposure).toBe(0);
    expect(f.daysBeyondTerms).toBe(0);
  });
});

describe('write-offs and disputes', () => {
  it('a write-off is a loss and the strongest ledger signal, stronger than a collection case', () => {
    const base = history(10, 2000, 25, (a) => a);
    const writtenOff = [...base, invoice('R-bad', '2024-03-01', '2024-03-31', 2000, undefined, { writtenOff: 2000, writtenOffDate: '2024-09-30' })];
    const collection = [...base, invoice('R-bad', '2024-03-01', '2024-03-31', 2000, undefined, { collection: true })];
    const f = computeLedgerFeatures(writtenOff, asOf);
    expect(f).toMatchObject({ writeOffCount: 1, writtenOffAmount: 2000, exposure: 0 });
    expect(f.evidence.writtenOff).toEqual(['R-bad']);
    const a = assess(writtenOff);
    expect(a.factors.find((x) => x.name === 'written_off')?.descriptionDe).toContain('abgeschrieben');
    const wo = a.factors.find((x) => x.name === 'written_off')!.contribution;
    const coll = assess(collection).factors.find((x) => x.name === 'collection_cases')!.contribution;
    expect(wo).toBeGreaterThan(coll);
  });

  it('a disputed invoice stays in the exposure but is not late payment', () => {
    const disputed = invoice('R-d', '2024-05-01', '2024-05-31', 4000, undefined, { disputed: true });
    const f = computeLedgerFeatures([...history(6, 1000, 20, (a) => a), disputed], asOf);
    expect(f.exposure).toBe(4000);
    expect(f.disputedAmount).toBe(4000);
    expect(f.openOverdueAmount).toBe(0);
    expect(f.oldestOverdueDays).toBe(0);
    expect(f.shareLate).toBe(0);
  });

  it('a weights file written before write-offs existed keeps the default weight for them', () => {
    const old = structuredClone(DEFAULT_WEIGHTS) as { coefficients: Record<string, number> };
    delete old.coefficients.written_off;
    expect(parseWeights(old).coefficients.written_off).toBe(DEFAULT_WEIGHTS.coefficients.written_off);
  });
});

describe('outcomes derived from the ledger use the same meaning', () => {
  const start = new Date('2024-01-01T00:00:00Z');
  it('Skonto payers and credit-note customers did not default; write-offs and 90-day arrears did', () => {
    const skonto = history(10, 1000, 9, (a) => a * 0.98).map((r) => ({ ...r, customerId: 'skonto' }));
    const credit = [
      { ...invoice('R-1', '2024-02-01', '2024-03-02', 1000, { date: '2024-02-20', amount: 900 }), customerId: 'credit' },
      { ...invoice('GS-1', '2024-02-10', '2024-02-10', -100), customerId: 'credit' },
    ];
    const writtenOff = [{ ...invoice('W', '2024-02-01', '2024-03-02', 1000, undefined, { writtenOff: 1000, writtenOffDate: '2024-06-01' }), customerId: 'wo' }];
    const late = [{ ...invoice('L', '2024-02-01', '2024-03-02', 1000, { date: '2024-07-01' }), customerId: 'late' }];
    const disputed = [{ ...invoice('D', '2024-02-01', '2024-03-02', 1000, undefined, { disputed: true }), customerId: 'disputed' }];
    const out = deriveOutcomes([...skonto, ...credit, ...writtenOff, ...late, ...disputed], start);
    expect(Object.fromEntries(out)).toEqual({ skonto: false, credit: false, wo: true, late: true, disputed: false });
  });
});
