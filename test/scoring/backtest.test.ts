import { describe, expect, it } from 'vitest';
import { calibrationTable, computeAuc, computeKs, deriveOutcomes, runBacktest } from '../../analysis/scoring/backtest.js';
import { parseOutcomesCsv } from '../../analysis/scoring/outcomes.js';
import { prepareEvaluation } from '../../analysis/scoring/evaluate-ledger.js';
import { invoice } from './helpers.js';

const items = (pds: number[], ys: number[]) => pds.map((pd, i) => ({ customerId: `c${i}`, pd, defaulted: ys[i] === 1 }));

describe('AUC, Gini, KS', () => {
  it('is 1 for perfect ranking, 0 for reversed, 0.5 for all ties', () => {
    expect(computeAuc(items([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]))).toBe(1);
    expect(computeAuc(items([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]))).toBe(0);
    expect(computeAuc(items([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]))).toBe(0.5);
  });

  it('matches a hand count with ties', () => {
    // pairs (pos, neg): pos 0.4 vs negs 0.1, 0.4, 0.6 → 1 + 0.5 + 0; pos 0.7 → 1 + 1 + 1 ⇒ 4.5 / 6
    expect(computeAuc(items([0.1, 0.4, 0.6, 0.4, 0.7], [0, 0, 0, 1, 1]))).toBeCloseTo(0.75, 12);
  });

  it('KS is the largest gap between the cumulative distributions', () => {
    expect(computeKs(items([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]))).toBe(1);
    // descending pd: 0.9(1) 0.7(0) 0.6(1) 0.2(0): cum pos 0.5,0.5,1,1 / neg 0,0.5,0.5,1 → 0.5
    expect(computeKs(items([0.9, 0.7, 0.6, 0.2], [1, 0, 1, 0]))).toBe(0.5);
  });

  it('reports Gini = 2·AUC − 1 and NaN without both outcomes', () => {
    const r = runBacktest(items([0.1, 0.4, 0.6, 0.4, 0.7], [0, 0, 0, 1, 1]));
    expect(r.gini).toBeCloseTo(0.5, 12);
    expect(r.defaults).toBe(2);
    expect(Number.isNaN(computeAuc(items([0.1, 0.2], [0, 0])))).toBe(true);
  });

  it('builds calibration bands of equal size without splitting equal pds', () => {
    const pds = Array.from({ length: 100 }, (_, i) => (i < 30 ? 0.01 : i / 100));
    const ys = pds.map((_, i) => (i % 4 === 0 ? 1 : 0));
    const rows = calibrationTable(items(pds, ys), 10);
    expect(rows[0]!.customers).toBe(30); // the tie block stays together
    expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(100);
    expect(rows.reduce((s, r) => s + r.defaults, 0)).toBe(25);
    expect(rows[0]!.meanPd).toBeCloseTo(0.01, 12);
    expect(rows.at(-1)!.observedRate).toBeCloseTo(rows.at(-1)!.defaults / rows.at(-1)!.customers, 12);
  });
});

describe('deriveOutcomes', () => {
  const asOf = new Date('2024-01-01T00:00:00Z');
  it('marks a customer whose invoice goes 90+ days overdue within 12 months', () => {
    const rows = [
      { ...invoice('a', '2024-02-01', '2024-03-01', 100, { date: '2024-07-01' }), customerId: 'late' }, // paid 122 days late
      { ...invoice('b', '2024-02-01', '2024-03-01', 100, { date: '2024-04-01' }), customerId: 'ok' }, // 31 days late
      { ...invoice('c', '2024-11-01', '2024-12-01', 100), customerId: 'tooLate' }, // 90 days after due is past the window
      { ...invoice('d', '2023-06-01', '2023-07-01', 100, { date: '2024-01-10' }), customerId: 'already' }, // 90+ overdue on asOf
      { ...invoice('e', '2024-02-01', '2024-03-01', 100, { date: '2024-05-01', amount: 50 }), customerId: 'partial' },
    ];
    const o = deriveOutcomes(rows, asOf);
    expect(Object.fromEntries(o)).toEqual({ late: true, ok: false, tooLate: false, already: true, partial: true });
  });

  it('without an outcomes file evaluates a year before the ledger ends, only customers known then', () => {
    const rows = [
      { ...invoice('a', '2023-01-01', '2023-02-01', 100, { date: '2023-02-01' }), customerId: 'old' },
      { ...invoice('b', '2024-03-01', '2024-04-01', 100, { date: '2024-12-31' }), customerId: 'new' },
    ];
    const set = prepareEvaluation(rows, undefined, undefined);
    expect(set.asOf.toISOString().slice(0, 10)).toBe('2024-01-01');
    expect([...set.outcomes.keys()]).toEqual(['old']);
    expect(set.derived).toBe(true);
  });
});

describe('parseOutcomesCsv', () => {
  it('reads 0/1 with either separator and reports bad lines', () => {
    const r = parseOutcomesCsv('\uFEFFcustomer_id;defaulted\nA;1\nB;0\nC;maybe\n;1\nA;0\n');
    expect(Object.fromEntries(r.outcomes)).toEqual({ A: true, B: false });
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(r.errors[0]!.reason).toMatch(/0 or 1/);
  });

  it('rejects a file without the right header', () => {
    expect(parseOutcomesCsv('id,default\n1,0\n').errors[0]).toEqual({ line: 1, reason: expect.stringMatching(/customer_id and defaulted/) });
  });
});
