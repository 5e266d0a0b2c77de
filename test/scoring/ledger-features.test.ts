import { describe, expect, it } from 'vitest';
import { computeLedgerFeatures } from '../../analysis/scoring/ledger-features.js';
import { invoice, monthlyHistory } from './helpers.js';

const asOf = new Date('2024-07-01T00:00:00Z');

describe('computeLedgerFeatures', () => {
  it('weights days beyond terms by amount', () => {
    const f = computeLedgerFeatures(
      [
        invoice('i1', '2024-03-01', '2024-04-01', 3000, { date: '2024-04-01' }), // on time
        invoice('i2', '2024-03-01', '2024-04-01', 1000, { date: '2024-05-01' }), // 30 days late
      ],
      asOf,
    );
    expect(f.daysBeyondTerms).toBeCloseTo(7.5, 6); // (3000*0 + 1000*30) / 4000
    expect(f.shareLate).toBe(0.5);
    expect(f.worstDelayDays).toBe(30);
    expect(f.evidence.worst).toEqual(['i2']);
    expect(f.paidOnTimeCount).toBe(1);
  });

  it('counts open invoices with their current delay, as much as paid ones', () => {
    const f = computeLedgerFeatures([invoice('o1', '2024-04-01', '2024-05-02', 2000)], asOf);
    expect(f.daysBeyondTerms).toBe(60);
    expect(f.worstDelayDays).toBe(60);
    expect(f.exposure).toBe(2000);
    expect(f.openOverdueAmount).toBe(2000);
    expect(f.overdueShare).toBe(1);
    expect(f.shareLate).toBe(1);
    expect(f.evidence.overdue).toEqual(['o1']);
  });

  it('an all-unpaid customer has the worst behaviour figures, not an empty (clean) record', () => {
    const unpaid = computeLedgerFeatures(monthlyHistory(6, () => null), asOf);
    expect(unpaid.maturedCount).toBe(5); // the June invoice is not yet due on 1 July
    expect(unpaid.shareLate).toBe(1);
    expect(unpaid.daysBeyondTerms).toBeGreaterThan(60);
    expect(unpaid.paidOnTimeCount).toBe(0);
    expect(unpaid.exposure).toBe(6000);
    expect(unpaid.openOverdueAmount).toBe(5000);
  });

  it('ignores payments made after asOf (the ledger as it was)', () => {
    const rows = [invoice('i1', '2024-05-01', '2024-05-31', 1000, { date: '2024-08-15' })];
    const before = computeLedgerFeatures(rows, asOf);
    expect(before.exposure).toBe(1000);
    expect(before.daysBeyondTerms).toBe(31);
    const after = computeLedgerFeatures(rows, new Date('2024-09-01T00:00:00Z'));
    expect(after.exposure).toBe(0);
    expect(after.daysBeyondTerms).toBe(76);
  });

  it('treats the unpaid rest of a partial payment as open', () => {
    const f = computeLedgerFeatures([invoice('p1', '2024-04-01', '2024-05-01', 1000, { date: '2024-05-01', amount: 600 })], asOf);
    expect(f.exposure).toBe(400);
    expect(f.openOverdueAmount).toBe(400);
    expect(f.paidOnTimeCount).toBe(0);
    // 600 paid on time, 400 open for 61 days
    expect(f.daysBeyondTerms).toBeCloseTo((400 * 61) / 1000, 6);
  });

  it('measures the trend as recent minus older delay', () => {
    const rows = monthlyHistory(6, (i) => (i < 5 ? 0 : 40)); // only the invoice due 1 July (within 90 days) is late
    const f = computeLedgerFeatures(rows, new Date('2024-09-01T00:00:00Z'));
    expect(f.olderDaysBeyondTerms).toBe(0);
    expect(f.recentDaysBeyondTerms).toBe(40);
    expect(f.trendDays).toBe(40);
  });

  it('takes the highest dunning level and counts collection cases with their invoice ids', () => {
    const f = computeLedgerFeatures(
      [
        invoice('a', '2024-01-01', '2024-02-01', 100, { date: '2024-03-01' }, { dunningLevel: 1 }),
        invoice('b', '2024-02-01', '2024-03-01', 100, undefined, { dunningLevel: 3, collection: true }),
        invoice('c', '2024-02-01', '2024-03-01', 100, undefined, { dunningLevel: 3 }),
      ],
      asOf,
    );
    expect(f.maxDunningLevel).toBe(3);
    expect(f.evidence.dunning).toEqual(['b', 'c']);
    expect(f.collectionCases).toBe(1);
    expect(f.evidence.collection).toEqual(['b']);
  });

  it('ignores invoices issued after asOf and paid invoices beyond the lookback', () => {
    const f = computeLedgerFeatures(
      [
        invoice('future', '2024-08-01', '2024-09-01', 5000),
        invoice('ancient', '2020-01-01', '2020-02-01', 5000, { date: '2020-09-01' }),
        invoice('ancient-open', '2020-01-01', '2020-02-01', 100),
      ],
      asOf,
    );
    expect(f.invoiceCount).toBe(1);
    expect(f.exposure).toBe(100);
  });

  it('reads how much of what fell due was paid, amount-weighted: open, written off and credit after the due date are unpaid', () => {
    const f = computeLedgerFeatures(
      [
        invoice('p1', '2024-03-01', '2024-04-01', 1000, { date: '2024-03-25' }), // paid in full
        // 400 paid on time, the rest carried forward by a credit note after the due date
        invoice('p2', '2024-04-01', '2024-05-01', 1000, { date: '2024-04-25', amount: 400 }),
        invoice('p2-cf', '2024-05-31', '2024-05-31', -600, undefined, { reference: 'p2' }),
        // a correction before the due date lowers what was owed: not unpaid
        invoice('p3', '2024-04-01', '2024-05-01', 1000, { date: '2024-04-28', amount: 900 }),
        invoice('p3-gs', '2024-04-10', '2024-04-10', -100, undefined, { reference: 'p3' }),
        invoice('p4', '2024-05-01', '2024-06-01', 500), // open and overdue
        invoice('p5', '2024-06-20', '2024-07-20', 5000), // not yet due: says nothing yet
        invoice('p6', '2024-03-01', '2024-04-01', 800, undefined, { disputed: true }), // disputed: left out
      ],
      asOf,
    );
    // owed 1000 + 1000 + 900 + 500; unpaid 600 + 500
    expect(f.unpaidShare).toBeCloseTo(1100 / 3400, 6);
    expect(f.evidence.unpaid).toEqual(['p4', 'p2']);
    // Credit notes are never late: p2's money came on time, so it counts in the track record.
    expect(f.paidOnTimeCount).toBe(3);
    expect(computeLedgerFeatures([invoice('q1', '2024-03-01', '2024-04-01', 1000, { date: '2024-03-25' })], asOf).unpaidShare).toBe(0);
  });

  it('counts a cash discount as paid and a write-off as unpaid', () => {
    const f = computeLedgerFeatures(
      [
        invoice('s1', '2024-03-01', '2024-04-01', 1000, { date: '2024-03-10', amount: 980 }), // 2 % Skonto
        invoice('w1', '2024-03-01', '2024-04-01', 1000, undefined, { writtenOff: 1000, writtenOffDate: '2024-06-01' }),
      ],
      asOf,
    );
    expect(f.discountCount).toBe(1);
    expect(f.unpaidShare).toBeCloseTo(0.5, 6);
  });
});
