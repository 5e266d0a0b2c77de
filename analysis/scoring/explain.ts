import { factorCode, type Coded, type FactorCode } from '../../platform/i18n/index.js';
import type { LedgerFeatures } from './ledger-features.js';
import type { RegisterFeatures } from './register-features.js';
import type { FeatureName } from './weights.js';

/** A feature's evidence and what it means, as a catalogue code with parameters (rendered per language). */
export interface Explanation extends Coded<FactorCode> {
  evidence: string[];
}

const MAX_EVIDENCE = 10;

export interface ExplainContext {
  ledger: LedgerFeatures;
  register?: RegisterFeatures;
  industry?: string;
  industryRisk?: number;
  industryEvidence?: string[];
  currency: string;
}

const round = (x: number) => Math.round(x);
const share = (x: number) => Math.round(x * 100) / 100;

/**
 * Evidence (invoice ids, source links: data, never sentences, which would be in one language)
 * and the catalogue code for one scorecard
 * feature; platform/i18n renders it in the reader's language.
 */
export function explainFeature(name: FeatureName, c: ExplainContext): Explanation {
  const l = c.ledger;
  const ev = (ids: string[]) => ids.slice(0, MAX_EVIDENCE);
  const currency = c.currency;
  const with_ = (x: Coded<FactorCode>, evidence: string[]): Explanation => ({ code: x.code, params: x.params, evidence });
  switch (name) {
    case 'days_beyond_terms':
      return with_(factorCode('days_beyond_terms', { days: round(l.daysBeyondTerms) }), ev(l.evidence.late));
    case 'payment_trend':
      return with_(factorCode('payment_trend', { recent: round(l.recentDaysBeyondTerms ?? 0), older: round(l.olderDaysBeyondTerms ?? 0) }), []);
    case 'share_paid_late':
      return with_(factorCode('share_paid_late', { share: share(l.shareLate), count: l.maturedCount }), ev(l.evidence.late));
    case 'unpaid_share':
      return with_(factorCode('unpaid_share', { share: share(l.unpaidShare), count: l.evidence.unpaid.length }), ev(l.evidence.unpaid));
    case 'worst_delay':
      return with_(factorCode('worst_delay', { days: round(l.worstDelayDays) }), ev(l.evidence.worst));
    case 'oldest_overdue':
      return with_(factorCode('oldest_overdue', { days: round(l.oldestOverdueDays) }), ev(l.evidence.overdue));
    case 'overdue_share':
      return with_(factorCode('overdue_share', { overdue: round(l.openOverdueAmount), open: round(l.exposure), share: share(l.overdueShare), currency }), ev(l.evidence.overdue));
    case 'dunning_level':
      return with_(factorCode('dunning_level', { level: l.maxDunningLevel }), ev(l.evidence.dunning));
    case 'collection_cases':
      return with_(factorCode('collection_cases', { count: l.collectionCases }), ev(l.evidence.collection));
    case 'written_off':
      return with_(factorCode('written_off', { count: l.writeOffCount, amount: round(l.writtenOffAmount), currency }), ev(l.evidence.writtenOff));
    case 'payment_track_record':
      return with_(factorCode('payment_track_record', { count: l.paidOnTimeCount }), []);
    case 'no_payment_history':
      return with_(factorCode('no_payment_history', {}), []);
    case 'business_volume':
      return with_(factorCode('business_volume', { amount: round(l.monthlyVolume), currency }), []);
    case 'company_age':
      return with_(factorCode('company_age', { years: Math.round((c.register?.ageYears ?? 0) * 10) / 10 }), c.register?.evidence ?? []);
    case 'legal_form':
      return with_(factorCode('legal_form', {}), c.register?.evidence ?? []);
    case 'low_capital':
      return with_(factorCode('low_capital', {}), c.register?.evidence ?? []);
    case 'register_changes':
      return with_(factorCode('register_changes', { count: c.register?.changesLast12Months ?? 0 }), c.register?.evidence ?? []);
    case 'industry_risk':
      return with_(
        factorCode('industry_risk', { industry: c.industry ?? '', index: Math.round((c.industryRisk ?? 0) * 100) / 100 }),
        [...(c.industry ? [`NACE ${c.industry}`] : []), ...(c.industryEvidence ?? [])],
      );
  }
}
