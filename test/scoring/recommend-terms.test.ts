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
  gradeReasons: { against: [], inFavour: [] },
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
    expect(a.reasons!.de.join(' ')).toMatch(/Lieferung auf Rechnung, 30 Tage netto/);
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
    const t = terms({ grade: 'E', hardEvent: { code: 'decline_hard_event', params: { type: 'insolvency' } } });
    expect(t.kind).toBe('decline');
    expect(t.reasons!.de[0]).toMatch(/Insolvenz/);
    const lenient = policySchema.parse({ declineOnHardEvent: false });
    expect(terms({ grade: 'E', hardEvent: { code: 'decline_hard_event', params: { type: 'insolvency' } }, policy: lenient }).kind).toBe('prepayment');
  });

  it('asks for the share of the order beyond the limit, not for all of it, while the limit has room', () => {
    // Issue 15: order 250,000 against a limit of 47,000 with 22,130 open. 90.05 % of the order lies beyond
    // the limit; rounding that up to 100 % and saying the limit "is used up" was wrong: 24,870 are still free.
    const t = terms({ grade: 'B', currency: 'CHF', exposure: 22130, orderAmount: 250000, approvedLimit: 47000 });
    expect(t).toMatchObject({ kind: 'partial_prepayment', advancePercent: 95, creditLimit: 47000 });
    expect(22130 + 250000 * (1 - t.advancePercent! / 100)).toBeLessThanOrEqual(47000);
    expect(t.reasons!.en.join(' ')).not.toMatch(/used up/);
    expect(t.reasons!.en.join(' ')).toMatch(/95% in advance.*open CHF\s22,130 \+ order CHF\s250,000 against the approved limit of CHF\s47,000/);
    // Only when the open amount alone reaches the limit is it "used up".
    const usedUp = terms({ grade: 'B', currency: 'CHF', exposure: 47000, orderAmount: 1000, approvedLimit: 47000 });
    expect(usedUp.kind).toBe('prepayment');
    expect(usedUp.reasonCodes!.find((r) => r.stance === 'decision')!.code).toBe('limit_used_up');
    // An order that leaves less than 5 % of itself within the limit is prepaid in full, and says why.
    const tiny = terms({ grade: 'B', currency: 'CHF', exposure: 46500, orderAmount: 250000, approvedLimit: 47000 });
    expect(tiny).toMatchObject({ kind: 'prepayment', advancePercent: 100 });
    expect(tiny.reasonCodes!.find((r) => r.stance === 'decision')!.code).toBe('order_beyond_headroom');
  });

  it('keeps reasons against and in favour apart: a good payment history is never a reason to decline', () => {
    const history = { code: 'payment_track_record', params: { count: 7 } };
    const risk = { code: 'days_beyond_terms', params: { days: 40 } };
    const declined = terms({ grade: 'E', hardEvent: { code: 'decline_hard_event', params: { type: 'insolvency' } }, gradeReasons: { against: [risk], inFavour: [history] } });
    expect(declined.reasons!.en.join(' ')).not.toMatch(/Good payment history/);
    expect(declined.reasonCodes!.filter((r) => r.stance === 'for').map((r) => r.code)).toEqual(['payment_track_record']);
    expect(declined.reasonCodes!.filter((r) => r.stance === 'against').map((r) => r.code)).toEqual(['days_beyond_terms']);
    const granted = terms({ grade: 'A', gradeReasons: { against: [], inFavour: [history] } });
    expect(granted.reasons!.en.join(' ')).toMatch(/Good payment history: 7 invoices paid on time/);
    expect(granted.reasons!.de.join(' ')).toMatch(/7 Rechnungen pünktlich bezahlt/);
  });

  it('decides against the approved limit when there is one, and says which limit it was', () => {
    const t = terms({ grade: 'A', exposure: 0, orderAmount: 30000, approvedLimit: 40000 });
    expect(t).toMatchObject({ kind: 'open_account', creditLimit: 40000 });
    expect(t.reasons!.en.join(' ')).toMatch(/approved limit EUR\s40,000/);
    expect(terms({ grade: 'A', exposure: 0, orderAmount: 30000 }).kind).toBe('partial_prepayment'); // suggested limit 18,000
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
