import { describe, expect, it } from 'vitest';
import { computeLedgerFeatures, ledgerPositions, summarizeOpenItems, summarizePositions } from '../../analysis/scoring/index.js';
import { paymentBehaviour, summarizeLedger } from '../../app/web/portfolio.js';
import { invoice } from './helpers.js';

const asOf = new Date('2026-03-31T00:00:00Z');

/** A Skonto payer, a credit note, a write-off, a partial payment and a dispute: what an accountant calls open. */
const ledger = [
  // Paid within ten days less 2 %: settled in full, nothing open.
  invoice('skonto', '2026-01-05', '2026-02-04', 10_000, { date: '2026-01-14', amount: 9_800 }),
  // 1,000 invoiced, credited 200 by a credit note that names it, 800 paid late.
  invoice('credited', '2026-01-10', '2026-02-09', 1_000, { date: '2026-02-20', amount: 800 }),
  invoice('gs-1', '2026-01-20', '2026-01-20', -200, undefined, { reference: 'credited' }),
  // Written off: no longer receivable.
  invoice('lost', '2025-10-01', '2025-10-31', 3_000, undefined, { writtenOff: 3_000, writtenOffDate: '2026-02-01' }),
  // Half paid, the rest overdue.
  invoice('partial', '2026-02-01', '2026-03-03', 4_000, undefined, { payments: [{ date: '2026-03-01', amount: 2_000 }], paidAmount: 2_000, paidDate: '2026-03-01' }),
  // Disputed and past due: open, but not overdue.
  invoice('disputed', '2026-02-01', '2026-03-03', 1_500, undefined, { disputed: true }),
  // Not yet due.
  invoice('new', '2026-03-20', '2026-04-19', 2_500),
];

describe('open items with the ledger\'s meaning (settleLedger)', () => {
  it('a Skonto shortfall, a credited part and a write-off are not open; a partial payment leaves its rest; a dispute is open, not overdue', () => {
    const s = summarizeOpenItems(ledger, asOf);
    expect(s).toEqual({ invoices: 6, open: { CHF: 2_000 + 1_500 + 2_500 }, overdue: { CHF: 2_000 }, paid: 2, paidLate: 1, credit: {} });
  });

  it('is the same open amount the score reads as exposure', () => {
    expect(summarizeOpenItems(ledger, asOf).open.CHF).toBe(computeLedgerFeatures(ledger, asOf).exposure);
  });

  it('an unreferenced credit note larger than what is open leaves a credit balance', () => {
    const rows = [invoice('a', '2026-03-01', '2026-03-31', 500), invoice('gs', '2026-03-05', '2026-03-05', -800)];
    expect(summarizeOpenItems(rows, asOf)).toMatchObject({ open: {}, overdue: {}, credit: { CHF: 300 } });
  });

  it('the portfolio and the customer API show these figures, not amount minus paid', () => {
    expect(summarizeLedger(ledger, asOf)).toEqual({ invoices: 6, open: { CHF: 6_000 }, overdue: { CHF: 2_000 }, paid: 2, paidLate: 1 });
    // The portfolio lists the open items the scorer stores (ledgerPositions), summed in SQL the way summarizePositions does.
    expect(summarizePositions(ledgerPositions(ledger, asOf), '2026-03-31')).toEqual({ open: { CHF: 6_000 }, overdue: { CHF: 2_000 } });
    const credit = [invoice('a', '2026-03-01', '2026-03-31', 500), invoice('gs', '2026-03-05', '2026-03-05', -800)];
    expect(summarizePositions(ledgerPositions(credit, asOf), '2026-03-31')).toEqual({ open: {}, overdue: {} });
    // A stricter cash-discount share from the config makes the 2 % shortfall owed again.
    expect(summarizeLedger(ledger, asOf, { maxDiscountShare: 0.01, roundingShare: 0.005 }).open).toEqual({ CHF: 6_200 });
  });

  it('the payment chart: the Skonto invoice is all on time, the write-off counts as late, the credit note is not a sale', () => {
    const months = Object.fromEntries(paymentBehaviour(ledger, asOf, { months: 7, graceDays: 5 }).map((b) => [b.month, b]));
    expect(months['2026-01']).toMatchObject({ onTime: 0 + 10_000, late: 800, openNotDue: 0, overdue: 0 });
    expect(months['2025-10']).toMatchObject({ late: 3_000, overdue: 0, avgDaysLate: null });
    expect(months['2026-02']).toMatchObject({ onTime: 2_000, overdue: 2_000, openNotDue: 1_500 });
    expect(months['2026-03']).toMatchObject({ openNotDue: 2_500, late: 0, onTime: 0 });
  });
});
