import { describe, expect, it } from 'vitest';
import { assessCustomer, type AssessInput } from '../../analysis/scoring/index.js';
import { DEFAULT_POLICY } from '../../platform/config/policy.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { monthlyHistory } from './helpers.js';

/**
 * The untrained PDs against the published rates they are anchored to (README, "Where the
 * untrained PDs come from"): Creditreform's one-year default probabilities per Bonitätsindex
 * class and the payment-behaviour classes behind them. Each profile must land in the grade whose
 * band holds its class's rate.
 */
function pdOf(ledger: LedgerRow[], asOf: string, extra: Partial<AssessInput> = {}) {
  const a = assessCustomer({ customer: { id: 'c1', name: 'Profil AG' }, ledger, signals: [], asOf: new Date(`${asOf}T00:00:00Z`), policy: DEFAULT_POLICY, ...extra });
  return { pd: a.pd, grade: a.grade, factors: a.factors };
}

describe('untrained PDs against published default rates', () => {
  it('nothing known yet: the middle class (1.46 %), grade B, and the reasons say why', () => {
    const r = pdOf([], '2025-01-15');
    expect(r.pd).toBeGreaterThan(0.012);
    expect(r.pd).toBeLessThan(0.018);
    expect(r.grade).toBe('B');
    expect(r.factors.map((f) => f.name)).toContain('no_payment_history');
  });

  it('two years paid on time: the good classes (0.32–0.73 %), grade A', () => {
    const r = pdOf(monthlyHistory(24, () => -2), '2026-01-15');
    expect(r.pd).toBeLessThan(0.0075);
    expect(r.grade).toBe('A');
  });

  it('an average payer (about ten days late half of the time): still the middle class, grade B', () => {
    const r = pdOf(monthlyHistory(12, (i) => (i % 2 === 0 ? 12 : -1)), '2025-03-15');
    expect(r.pd).toBeGreaterThan(0.01);
    expect(r.pd).toBeLessThan(0.03);
    expect(r.grade).toBe('B');
  });

  it('habitually 30+ days beyond terms, nothing open: strained (6.04 %), grade C', () => {
    const r = pdOf(monthlyHistory(12, () => 35), '2025-03-15');
    expect(r.pd).toBeGreaterThan(0.04);
    expect(r.pd).toBeLessThan(0.12);
    expect(r.grade).toBe('C');
  });

  it('dunning level 3 with the oldest invoice 60–90 days overdue: very weak (15.46 %) or worse, grade D or E', () => {
    const ledger = monthlyHistory(12, (i) => (i >= 10 ? null : 20)).map((r, i) => (i >= 10 ? { ...r, dunningLevel: 3 } : r));
    const r = pdOf(ledger, '2025-02-15');
    expect(r.pd).toBeGreaterThan(0.12);
    expect(['D', 'E']).toContain(r.grade);
  });

  it('dunning level 3 on an otherwise clean customer, its invoice only 20 days overdue: the last reminder before collection, very weak (15.46 %), grade D', () => {
    const ledger = monthlyHistory(12, (i) => (i === 11 ? null : -1)).map((r, i) => (i === 11 ? { ...r, dunningLevel: 3 } : r));
    const r = pdOf(ledger, '2025-01-20');
    expect(r.pd).toBeGreaterThan(0.12);
    expect(r.pd).toBeLessThan(0.35);
    expect(r.grade).toBe('D');
  });

  it('one invoice 60 days overdue, no reminder sent, otherwise clean: grade D or E', () => {
    const r = pdOf(monthlyHistory(12, (i) => (i === 11 ? null : -1)), '2025-03-01');
    expect(['D', 'E']).toContain(r.grade);
  });

  it('a collection case on an otherwise clean customer: very weak (15.46 %), grade D', () => {
    const ledger = monthlyHistory(12, () => -1).map((r, i) => (i === 3 ? { ...r, collection: true } : r));
    const r = pdOf(ledger, '2025-03-15');
    expect(r.grade).toBe('D');
  });

  it('an invoice 90+ days overdue (the Basel default itself) or a write-off: grade E', () => {
    const overdue = pdOf(monthlyHistory(12, (i) => (i === 9 ? null : 0)), '2025-03-15');
    expect(overdue.grade).toBe('E');
    const writtenOff = monthlyHistory(12, () => 0).map((r, i) => (i === 11 ? { ...r, paidDate: undefined, paidAmount: 0, writtenOff: r.amount, writtenOffDate: '2025-02-15' } : r));
    expect(pdOf(writtenOff, '2025-03-15').grade).toBe('E');
  });

  it('industries that fail more often start higher (published insolvency rates per 10,000 companies)', () => {
    const plain = pdOf([], '2025-01-15');
    const construction = pdOf([], '2025-01-15', { customer: { id: 'c1', name: 'Bau AG', industry: '41.20' } });
    const transport = pdOf([], '2025-01-15', { customer: { id: 'c1', name: 'Trans AG', industry: '49.41' } });
    const retail = pdOf([], '2025-01-15', { customer: { id: 'c1', name: 'Laden AG', industry: '47.11' } });
    expect(construction.pd / plain.pd).toBeCloseTo(72 / 47, 1);
    expect(transport.pd).toBeGreaterThan(construction.pd);
    expect(retail.pd).toBe(plain.pd);
    const factor = construction.factors.find((f) => f.name === 'industry_base_rate')!;
    expect(factor.evidence).toEqual(['NACE F']);
    expect(factor.description).toMatch(/1\.53 times/);
  });
});
