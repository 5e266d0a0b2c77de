import { z } from 'zod';
import type { EventType } from '../../platform/schemas/common.js';

/**
 * The scorecard's features, each already transformed to a small bounded number (see
 * toFeatureVector). Weights are in log-odds units: one unit is 10 score points.
 */
export const FEATURE_NAMES = [
  'days_beyond_terms',
  'payment_trend',
  'share_paid_late',
  'worst_delay',
  'oldest_overdue',
  'overdue_share',
  'dunning_level',
  'collection_cases',
  'written_off',
  'payment_track_record',
  'no_payment_history',
  'business_volume',
  'company_age',
  'legal_form',
  'low_capital',
  'register_changes',
  'industry_risk',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * Features added after weights files were first written: a file without them keeps the
 * default weight for them (a fit that never saw a feature says nothing against the prior).
 */
const ADDED_LATER: Partial<Record<FeatureName, number>> = { written_off: 3.0 };

const coefficients = z.object(
  Object.fromEntries(
    FEATURE_NAMES.map((n) => [n, ADDED_LATER[n] !== undefined ? z.number().finite().default(ADDED_LATER[n]!) : z.number().finite()]),
  ) as unknown as Record<FeatureName, z.ZodNumber>,
);

export const weightsSchema = z.object({
  /** Written into every assessment so that a score can be traced to the weights that made it. */
  version: z.string().min(1),
  /** Log-odds of default for a customer with every feature at 0 (a new customer without findings). */
  intercept: z.number().finite(),
  coefficients,
  /** Per-feature means/scales used when the weights were fitted; informational. */
  trainedOn: z
    .object({ customers: z.number().int(), defaults: z.number().int(), auc: z.number(), at: z.string() })
    .optional(),
});
export type Weights = z.infer<typeof weightsSchema>;

/**
 * Untrained defaults, set by judgment (not fitted): a new customer without findings has a
 * PD of about 3 % (grade B); two years of on-time invoices cut the odds fivefold (the seeds’ rule:
 * good payment history earns leniency); late payment, overdue exposure, dunning and
 * collection each push towards C–E. `bonitor train` replaces them with fitted values.
 */
export const DEFAULT_WEIGHTS: Weights = {
  version: 'scorecard-default-1',
  intercept: -3.5,
  coefficients: {
    days_beyond_terms: 0.6,
    payment_trend: 0.3,
    share_paid_late: 1.0,
    worst_delay: 0.2,
    oldest_overdue: 0.4,
    overdue_share: 0.8,
    dunning_level: 1.0,
    collection_cases: 2.0,
    // A loss already taken on this customer: the strongest ledger signal, stronger than collection.
    written_off: ADDED_LATER.written_off!,
    payment_track_record: -1.6,
    no_payment_history: 0.2,
    // Neutral until trained: what counts as a big customer depends on the user's currency and trade.
    business_volume: 0,
    company_age: 0.7,
    legal_form: 0.3,
    low_capital: 0.4,
    register_changes: 0.5,
    industry_risk: 1.0,
  },
};

/**
 * External signals: not fitted (a user's history rarely holds enough insolvencies), so
 * their log-odds weights and half-lives are fixed here. Hard events keep their weight for
 * years; rumours and soft news fade within months.
 */
export interface SignalModel {
  typeWeight: Record<EventType, number>;
  halfLifeDays: Record<EventType, number>;
  /** Signals older than this are ignored entirely. */
  maxAgeDays: number;
  /** Minimum confidence for a hard override (insolvency → E, enforcement → at least D). */
  overrideMinConfidence: number;
  /** Hard events older than this no longer force a grade (they still count with decay). */
  overrideMaxAgeDays: Partial<Record<EventType, number>>;
}

export const DEFAULT_SIGNAL_MODEL: SignalModel = {
  typeWeight: {
    insolvency: 4.0,
    debt_restructuring: 3.5,
    liquidation: 3.5,
    debt_enforcement: 2.0,
    payment_delay: 1.5,
    financial_distress: 1.0,
    layoffs: 0.6,
    legal_dispute: 0.5,
    management_change: 0.25,
    ownership_change: 0.15,
    positive: -0.5,
  },
  halfLifeDays: {
    insolvency: 1825,
    debt_restructuring: 1095,
    liquidation: 1825,
    debt_enforcement: 365,
    payment_delay: 180,
    financial_distress: 180,
    layoffs: 90,
    legal_dispute: 180,
    management_change: 90,
    ownership_change: 120,
    positive: 180,
  },
  maxAgeDays: 1825,
  overrideMinConfidence: 0.5,
  overrideMaxAgeDays: { insolvency: 1095, debt_restructuring: 730, liquidation: 1095, debt_enforcement: 365 },
};

/** Parses weights JSON written by `bonitor train`; throws a readable zod error when invalid. */
export function parseWeights(json: unknown): Weights {
  return weightsSchema.parse(json);
}
