import { describe, expect, it } from 'vitest';
import { assessCustomer } from '../../analysis/scoring/index.js';
import { computeIndustryRisk, industryMatches } from '../../analysis/scoring/industry-risk.js';
import { computeRegisterFeatures } from '../../analysis/scoring/register-features.js';
import { DEFAULT_POLICY } from '../../platform/config/policy.js';
import type { Signal } from '../../platform/schemas/signal.js';
import { monthlyHistory, signal } from './helpers.js';

const asOf = new Date('2025-01-15T00:00:00Z');

describe('computeRegisterFeatures', () => {
  it('scores a young minimal-capital company with recent changes as risky', () => {
    const f = computeRegisterFeatures(
      {
        foundedOn: '2024-06-01',
        legalForm: 'UG (haftungsbeschränkt)',
        capital: 1,
        signatoryChanges: ['2024-11-02'],
        addressChanges: ['2024-12-01', '2021-01-01'],
        sourceUrl: 'https://www.handelsregister.de/x',
      },
      asOf,
    )!;
    expect(f).toMatchObject({ companyAge: 1, legalForm: 1, lowCapital: 1, recentChanges: 1, changesLast12Months: 2 });
    expect(f.ageYears).toBeCloseTo(0.62, 1);
    expect(f.evidence).toEqual(['https://www.handelsregister.de/x']);
  });

  it('scores an old AG with solid capital as neutral', () => {
    const f = computeRegisterFeatures({ foundedOn: '1990-01-01', legalForm: 'AG', capital: 500000 }, asOf)!;
    expect(f).toMatchObject({ companyAge: 0, legalForm: 0, lowCapital: 0, recentChanges: 0 });
  });

  it('grades legal forms between the extremes and ignores unknown ones', () => {
    const form = (legalForm: string) => computeRegisterFeatures({ legalForm }, asOf)!.legalForm;
    expect(form('GmbH')).toBe(0.25);
    expect(form('Sàrl')).toBe(0.25);
    expect(form('Ltd')).toBe(0.5);
    expect(form('Einzelunternehmen')).toBe(0.5);
    expect(form('Stiftung')).toBe(0);
  });

  it('ignores changes after asOf and returns undefined without facts', () => {
    expect(computeRegisterFeatures({ signatoryChanges: ['2025-03-01'] }, asOf)!.recentChanges).toBe(0);
    expect(computeRegisterFeatures(undefined, asOf)).toBeUndefined();
  });
});

describe('register facts and industry risk in the assessment', () => {
  const base = { customer: { id: 'c1', name: 'Neu UG', industry: '4120' }, ledger: monthlyHistory(3, () => 0), signals: [], asOf, policy: DEFAULT_POLICY };
  it('raise the score with their own factors and evidence', () => {
    const plain = assessCustomer(base);
    const young = assessCustomer({ ...base, register: { foundedOn: '2024-06-01', legalForm: 'UG', capital: 500, sourceUrl: 'https://reg/1' } });
    const stressed = assessCustomer({ ...base, industryRisk: 0.8 });
    expect(young.score).toBeGreaterThan(plain.score + 10);
    expect(young.factors.find((f) => f.name === 'company_age')!.evidence).toEqual(['https://reg/1']);
    expect(stressed.score - plain.score).toBeCloseTo(8, 0);
    expect(stressed.factors.find((f) => f.name === 'industry_risk')!.description).toMatch(/4120/);
  });
});

describe('computeIndustryRisk', () => {
  const industrySignal = (type: Signal['type'], at: string, industry = '47', extra: Partial<Signal> = {}) =>
    signal(type, at, { customerId: undefined, industry, ...extra });

  it('matches NOGA/NACE codes by prefix and ignores other industries', () => {
    expect(industryMatches('47.11', '47')).toBe(true);
    expect(industryMatches('4711', '47.1')).toBe(true);
    expect(industryMatches('4711', '41')).toBe(false);
    expect(computeIndustryRisk('4711', [industrySignal('insolvency', '2025-01-01', '41')], asOf).index).toBe(0);
  });

  it('adds up different events of a sector, with decay, and saturates below 1', () => {
    const one = computeIndustryRisk('4711', [industrySignal('insolvency', '2025-01-01')], asOf);
    const wave = computeIndustryRisk('4711', Array.from({ length: 5 }, (_, i) => industrySignal('insolvency', `2025-01-0${i + 1}`)), asOf);
    const old = computeIndustryRisk('4711', [industrySignal('layoffs', '2023-01-01')], asOf);
    expect(one.index).toBeGreaterThan(0.4);
    expect(wave.index).toBeGreaterThan(one.index);
    expect(wave.index).toBeLessThan(1);
    expect(old.index).toBeLessThan(0.01);
    expect(one.evidence).toHaveLength(1);
    expect(computeIndustryRisk('4711', [industrySignal('insolvency', '2025-01-01', '47', { ambiguous: true })], asOf).index).toBe(0);
  });

  it('feeds the industry_risk factor of member customers, with the articles as evidence', () => {
    const s = industrySignal('insolvency', '2025-01-01');
    const a = assessCustomer({ customer: { id: 'c1', name: 'Laden AG', industry: '4711' }, ledger: [], signals: [], industrySignals: [s], asOf, policy: DEFAULT_POLICY });
    const f = a.factors.find((x) => x.name === 'industry_risk')!;
    expect(f.contribution).toBeGreaterThan(3);
    expect(f.evidence).toContain(s.url);
  });
});
