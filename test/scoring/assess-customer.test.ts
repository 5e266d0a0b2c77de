import { describe, expect, it } from 'vitest';
import { assessCustomer, DEFAULT_WEIGHTS, type AssessInput } from '../../analysis/scoring/index.js';
import { DEFAULT_POLICY } from '../../platform/config/policy.js';
import { assessmentSchema } from '../../platform/schemas/assessment.js';
import { invoice, monthlyHistory, signal } from './helpers.js';

const asOf = new Date('2025-01-15T00:00:00Z');
const customer = { id: 'c1', name: 'Muster AG', industry: '4711' };

function assess(extra: Partial<AssessInput> = {}) {
  const a = assessCustomer({ customer, ledger: [], signals: [], asOf, policy: DEFAULT_POLICY, ...extra });
  expect(assessmentSchema.safeParse(a).success).toBe(true);
  return a;
}

const punctual = monthlyHistory(12, () => -2); // 12 invoices of 1000, all paid 2 days early
const unpaid = monthlyHistory(12, () => null);

describe('assessCustomer', () => {
  it('gives a punctual long-standing customer grade A with an open account and a limit', () => {
    const a = assess({ ledger: punctual });
    expect(a.grade).toBe('A');
    expect(a.terms.kind).toBe('open_account');
    expect(a.terms.netDays).toBe(30);
    expect(a.terms.creditLimit).toBeGreaterThanOrEqual(1000);
    const record = a.factors.find((f) => f.name === 'payment_track_record');
    expect(record!.contribution).toBeLessThan(0);
    expect(a.modelVersion).toBe(DEFAULT_WEIGHTS.version);
  });

  it('does not rate an all-unpaid customer well: worse than new, worse than punctual', () => {
    const bad = assess({ ledger: unpaid });
    const fresh = assess();
    const good = assess({ ledger: punctual });
    expect(bad.score).toBeGreaterThan(fresh.score);
    expect(bad.score).toBeGreaterThan(good.score);
    expect(['D', 'E']).toContain(bad.grade);
    expect(['prepayment', 'card_only', 'decline']).toContain(bad.terms.kind);
    const overdue = bad.factors.find((f) => f.name === 'overdue_share')!;
    expect(overdue.evidence).toContain('c1-1');
  });

  it('gives a new customer without findings grade B with the new-customer limit', () => {
    const a = assess();
    expect(a.grade).toBe('B');
    expect(a.terms).toMatchObject({ kind: 'open_account', creditLimit: 10000, currency: 'CHF' });
  });

  it('forces E on a confident insolvency and declines, naming the notice', () => {
    const s = signal('insolvency', '2025-01-10', { confidence: 0.8 });
    const a = assess({ ledger: punctual, signals: [s] });
    expect(a.grade).toBe('E');
    expect(a.score).toBeGreaterThanOrEqual(64);
    expect(a.terms.kind).toBe('decline');
    expect(a.factors.some((f) => f.evidence.includes(s.url))).toBe(true);
    expect(a.signals).toEqual([{ type: 'insolvency', severity: 'critical', occurredAt: s.occurredAt, title: s.title, url: s.url, evidence: 'snippet' }]);
    expect(a.terms.reasons!.de.join(' ')).toMatch(/Insolvenz/);
  });

  it('forces E on a composition moratorium and a liquidation', () => {
    for (const type of ['debt_restructuring', 'liquidation'] as const) {
      expect(assess({ ledger: punctual, signals: [signal(type, '2025-01-01')] }).grade).toBe('E');
    }
  });

  it('does not override on ambiguous or low-confidence signals', () => {
    const amb = assess({ ledger: punctual, signals: [signal('insolvency', '2025-01-10', { ambiguous: true })] });
    expect(amb.grade).toBe('A');
    expect(amb.signals).toEqual([]);
    const weak = assess({ ledger: punctual, signals: [signal('insolvency', '2025-01-10', { confidence: 0.3 })] });
    expect(weak.grade).not.toBe('E');
    expect(weak.factors.some((f) => f.name.startsWith('override_'))).toBe(false);
  });

  it('forces at least D on a debt enforcement', () => {
    const a = assess({ ledger: punctual, signals: [signal('debt_enforcement', '2024-12-01')] });
    expect(a.grade).toBe('D');
    expect(a.factors.map((f) => f.name)).toContain('override_debt_enforcement');
    expect(a.terms.kind).toBe('prepayment');
  });

  it('ignores signals about other customers and from the future', () => {
    const other = signal('insolvency', '2025-01-10', { customerId: 'c2' });
    const future = signal('insolvency', '2025-02-10');
    expect(assess({ ledger: punctual, signals: [other, future] }).grade).toBe('A');
  });

  it('lets a layoff rumour fade while a bankruptcy notice stays', () => {
    const layoff = (at: string) => assess({ signals: [signal('layoffs', at, { severity: 'medium' })] }).score;
    const bankruptcy = (at: string) =>
      assessCustomer({ customer, ledger: [], signals: [signal('insolvency', at)], asOf, policy: DEFAULT_POLICY, signalModel: undefined })
        .factors.find((f) => f.name === 'signal_insolvency')!.contribution;
    const base = assess().score;
    expect(layoff('2025-01-10') - base).toBeGreaterThan(3);
    expect(layoff('2024-01-15') - base).toBeLessThan(0.5); // a year = four half-lives
    expect(bankruptcy('2024-01-15') / bankruptcy('2025-01-10')).toBeGreaterThan(0.8);
  });

  it('weighs a signal by confidence, severity and source credibility', () => {
    const delta = (extra: Parameters<typeof signal>[2], credibility?: Record<string, number>) =>
      assess({ signals: [signal('financial_distress', '2025-01-10', extra)], sourceCredibility: credibility }).score - assess().score;
    const full = delta({ severity: 'medium', confidence: 1 });
    expect(delta({ severity: 'medium', confidence: 0.5 })).toBeCloseTo(full / 2, 0);
    expect(delta({ severity: 'high', confidence: 1 })).toBeGreaterThan(full);
    expect(delta({ severity: 'medium', confidence: 1 }, { shab: 0.2 })).toBeCloseTo(full * 0.2, 0);
    expect(assess({ signals: [signal('positive', '2025-01-10')] }).score).toBeLessThan(assess().score);
  });

  it('does not add up many reports of the same event', () => {
    const one = assess({ signals: [signal('layoffs', '2025-01-10')] }).score;
    const ten = assess({ signals: Array.from({ length: 10 }, (_, i) => signal('layoffs', `2025-01-0${1 + (i % 9)}`)) }).score;
    expect(ten).toBe(one);
    // Two layoffs half a year apart are two facts: they do add up.
    const two = assess({ signals: [signal('layoffs', '2025-01-10'), signal('layoffs', '2024-07-01')] }).score;
    expect(two).toBeGreaterThan(one);
  });

  it('counts one fact once: the consequences of an insolvency and a liquidation in the same article add nothing', () => {
    const insolvency = signal('insolvency', '2025-01-10');
    const base = assess({ signals: [insolvency] }).score;
    const wages = signal('payment_delay', '2025-01-10', { documentIds: insolvency.documentIds });
    const laterLayoffs = signal('layoffs', '2025-01-20');
    const liquidation = signal('liquidation', '2025-01-10', { documentIds: insolvency.documentIds });
    expect(assess({ signals: [insolvency, wages, laterLayoffs, liquidation] }).score).toBe(base);
    // A payment delay without any hard event still counts.
    expect(assess({ signals: [wages] }).score).toBeGreaterThan(assess().score);
  });

  it('never gives a creditor, petitioner, liquidator or acquirer the event it is only a party to', () => {
    for (const role of ['creditor', 'petitioner', 'liquidator', 'acquirer'] as const) {
      const a = assess({ ledger: punctual, signals: [signal('debt_enforcement', '2025-01-10', { role })] });
      expect(a.grade).toBe('A');
      expect(a.signals).toEqual([]);
    }
    expect(assess({ ledger: punctual, signals: [signal('debt_enforcement', '2025-01-10', { role: 'debtor' })] }).grade).toBe('D');
  });

  it('is deterministic and independent of input order', () => {
    const signals = [signal('layoffs', '2024-12-01'), signal('legal_dispute', '2024-11-01'), signal('positive', '2024-12-20')];
    const ledger = [...monthlyHistory(12, (i) => (i % 3 === 0 ? 20 : 0)), invoice('x', '2024-11-01', '2024-12-01', 5000)];
    const a = assess({ ledger, signals });
    const b = assess({ ledger: [...ledger].reverse(), signals: [...signals].reverse() });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('explains every factor in words and sums contributions to the score', () => {
    const ledger = monthlyHistory(12, (i) => (i >= 9 ? null : 25));
    const a = assess({ ledger });
    for (const f of a.factors) expect(f.description!.length).toBeGreaterThan(10);
    const sum = a.factors.reduce((s, f) => s + f.contribution, 0);
    expect(a.score).toBeCloseTo(10 * (DEFAULT_WEIGHTS.intercept + 7) + sum, 0); // the intercept's points plus every factor's
    expect(a.terms.reasons!.en.length).toBeGreaterThan(0);
    expect(a.terms.reasons!.de.length).toBe(a.terms.reasons!.en.length);
  });
});
