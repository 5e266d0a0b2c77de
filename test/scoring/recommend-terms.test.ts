import { describe, expect, it } from 'vitest';
import { recommendTerms, suggestCreditLimit, type TermsInput } from '../../analysis/scoring/recommend-terms.js';
import { DEFAULT_POLICY, policySchema } from '../../platform/config/policy.js';
import { termsSchema } from '../../platform/schemas/assessment.js';

const base: TermsInput = {
  grade: 'A',
  policy: DEFAULT_POLICY,
  currency: 'EUR',
  monthlyVolume: 6000,
  hasHistory: true,
  exposure: 0,
  seriouslyOverdueShare: 0,
  openOverdueAmount: 0,
  gradeReasons: { en: [], de: [] },
};

function terms(extra: Partial<TermsInput>) {
  const t = recommendTerms({ ...base, ...extra });
  expect(termsSchema.safeParse(t).success).toBe(true);
  expect(t.reasons!.en.length).toBeGreaterThan(0);
  expect(t.reasons!.de.length).toBe(t.reasons!.en.length);
  return t;
}

describe('recommendTerms', () => {
  it('A and B: open account with standard net days; A gets the bigger limit', () => {
    const a = terms({ grade: 'A' });
    const b = terms({ grade: 'B' });
    expect(a).toMatchObject({ kind: 'open_account', netDays: 30, currency: 'EUR' });
    expect(b).toMatchObject({ kind: 'open_account', netDays: 30 });
    expect(a.creditLimit).toBe(18000); // 6000 × (30+30)/30 × 1.5
    expect(b.creditLimit).toBe(12000);
    expect(a.reasons!.de.join(' ')).toMatch(/offene Rechnung, 30 Tage netto/);
  });

  it('A over the limit: partial prepayment of the excess, prepayment when the limit is used up', () => {
    const part = terms({ grade: 'A', exposure: 10000, orderAmount: 10000 }); // 2000 of 10000 beyond 18000
    expect(part).toMatchObject({ kind: 'partial_prepayment', advancePercent: 20, netDays: 30 });
    const full = terms({ grade: 'A', exposure: 20000, orderAmount: 1000 });
    expect(full.kind).toBe('prepayment');
  });

  it('without an order gives the standing terms and warns when the exposure exceeds the limit', () => {
    const t = terms({ grade: 'B', exposure: 20000 });
    expect(t.kind).toBe('open_account');
    expect(t.reasons!.en[0]).toMatch(/already exceeds the suggested limit/);
    expect(t.reasons!.de[0]).toMatch(/übersteigen die empfohlene Limite/);
  });

  it('A/B with most of the exposure overdue gets C terms', () => {
    const t = terms({ grade: 'B', exposure: 5000, seriouslyOverdueShare: 0.8, openOverdueAmount: 4000 });
    expect(t.kind).toBe('partial_prepayment');
    expect(t.advancePercent).toBe(50);
  });

  it('C: short terms within the limit, Akonto beyond it', () => {
    expect(terms({ grade: 'C', orderAmount: 1000 })).toMatchObject({ kind: 'short_terms', netDays: 10, creditLimit: 6000 });
    const t = terms({ grade: 'C', orderAmount: 9000 });
    expect(t).toMatchObject({ kind: 'partial_prepayment', advancePercent: 50 });
    expect(t.reasons!.de.join(' ')).toMatch(/Teil-Vorauszahlung/);
  });

  it('D: prepayment, card only for small orders', () => {
    expect(terms({ grade: 'D', orderAmount: 5000 })).toMatchObject({ kind: 'prepayment', advancePercent: 100, creditLimit: 0 });
    expect(terms({ grade: 'D', orderAmount: 500 }).kind).toBe('card_only');
    expect(terms({ grade: 'D' }).kind).toBe('prepayment');
  });

  it('E: prepayment, decline on a hard event', () => {
    expect(terms({ grade: 'E' }).kind).toBe('prepayment');
    const t = terms({ grade: 'E', hardEvent: { en: 'Insolvency', de: 'Insolvenz' } });
    expect(t.kind).toBe('decline');
    expect(t.reasons!.de[0]).toMatch(/Insolvenz/);
    const lenient = policySchema.parse({ declineOnHardEvent: false });
    expect(terms({ grade: 'E', hardEvent: { en: 'Insolvency', de: 'Insolvenz' }, policy: lenient }).kind).toBe('prepayment');
  });

  it('suggests limits within the policy bounds', () => {
    expect(suggestCreditLimit({ ...base, monthlyVolume: 1e9 })).toBe(250000);
    expect(suggestCreditLimit({ ...base, monthlyVolume: 1 })).toBe(1000);
    expect(suggestCreditLimit({ ...base, hasHistory: false, grade: 'B' })).toBe(10000);
    expect(suggestCreditLimit({ ...base, grade: 'D' })).toBe(0);
  });
});

describe('policySchema', () => {
  it('has documented defaults and accepts partial overrides', () => {
    expect(DEFAULT_POLICY.standardNetDays).toBe(30);
    const p = policySchema.parse({ creditLimitFactor: { A: 2 }, currency: 'EUR' });
    expect(p.creditLimitFactor).toEqual({ A: 2, B: 1, C: 0.5, D: 0, E: 0 });
    expect(p.currency).toBe('EUR');
  });

  it('rejects nonsense with a path', () => {
    const r = policySchema.safeParse({ minCreditLimit: 5000, maxCreditLimit: 100, creditLimitFactor: { C: -1 } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('creditLimitFactor.C');
  });
});
