import type { Grade } from '../../platform/schemas/common.js';
import type { LedgerFeatures } from './ledger-features.js';
import type { RegisterFeatures } from './register-features.js';
import { evaluateShape, FEATURE_NAMES, type FeatureName, type Weights } from './weights.js';

/** Score points per unit of log-odds: score = 10 × (logit + 7), so pd 0.1 % ≈ 0 and pd 95 % ≈ 100. */
export const POINTS_PER_LOGIT = 10;
const LOGIT_OFFSET = 7;

/** Lowest score of each grade (equivalently pd ≈ 1 %, 4 %, 12 %, 35 %). */
export const GRADE_FLOORS: Record<Grade, number> = { A: 0, B: 24, C: 38, D: 50, E: 64 };

export type FeatureVector = Record<FeatureName, number>;

/**
 * Bounded transforms, so that no single extreme value (a 900-day-old invoice) dominates
 * and fitted weights stay comparable: day counts in months capped at 6, shares in 0..1.
 */
export function toFeatureVector(
  ledger: LedgerFeatures,
  register: RegisterFeatures | undefined,
  industryRisk: number | undefined,
): FeatureVector {
  const hasHistory = ledger.maturedCount > 0;
  return {
    days_beyond_terms: Math.min(ledger.daysBeyondTerms, 180) / 30,
    payment_trend: Math.max(-2, Math.min(2, ledger.trendDays / 30)),
    share_paid_late: ledger.shareLate,
    unpaid_share: ledger.unpaidShare,
    worst_delay: Math.min(ledger.worstDelayDays, 180) / 30,
    oldest_overdue: Math.min(ledger.oldestOverdueDays, 180) / 30,
    overdue_share: ledger.overdueShare,
    dunning_level: ledger.maxDunningLevel / 3,
    collection_cases: Math.min(ledger.collectionCases, 2) / 2,
    written_off: Math.min(ledger.writeOffCount, 2) / 2,
    // log scale: the first on-time invoices teach the most; ~24 of them earn the full credit.
    payment_track_record: Math.min(1, Math.log1p(ledger.paidOnTimeCount) / Math.log(25)),
    no_payment_history: hasHistory ? 0 : 1,
    // Orders of magnitude of monthly business; the fitted intercept absorbs the currency's scale.
    business_volume: Math.log10(1 + ledger.monthlyVolume),
    company_age: register?.companyAge ?? 0,
    legal_form: register?.legalForm ?? 0,
    low_capital: register?.lowCapital ?? 0,
    register_changes: register?.recentChanges ?? 0,
    industry_risk: Math.max(0, Math.min(1, industryRisk ?? 0)),
  };
}

/**
 * Log-odds contribution of each feature: its shape's value where the model has a shape
 * (monotone models), weight × value otherwise.
 */
export function contributionsOf(vector: FeatureVector, weights: Weights): Record<FeatureName, number> {
  const out = {} as Record<FeatureName, number>;
  const shapes = weights.kind === 'monotone' ? weights.shapes : undefined;
  for (const name of FEATURE_NAMES) {
    const shape = shapes?.[name];
    out[name] = shape ? evaluateShape(shape, vector[name]) : weights.coefficients[name] * vector[name];
  }
  return out;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logitToScore(logit: number): number {
  return Math.max(0, Math.min(100, POINTS_PER_LOGIT * (logit + LOGIT_OFFSET)));
}

export function scoreToLogit(score: number): number {
  return score / POINTS_PER_LOGIT - LOGIT_OFFSET;
}

export function gradeForScore(score: number): Grade {
  if (score >= GRADE_FLOORS.E) return 'E';
  if (score >= GRADE_FLOORS.D) return 'D';
  if (score >= GRADE_FLOORS.C) return 'C';
  if (score >= GRADE_FLOORS.B) return 'B';
  return 'A';
}

export function gradeRank(g: Grade): number {
  return 'ABCDE'.indexOf(g);
}
