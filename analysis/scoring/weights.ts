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
  'unpaid_share',
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
const ADDED_LATER: Partial<Record<FeatureName, number>> = { written_off: 5.0, unpaid_share: 0 };

/**
 * Which way each feature may move the risk: +1 risk only, −1 leniency only. Training keeps every
 * coefficient and every segment of a shape on its side, so a scorecard always reads sensibly
 * (more days late never lowers the risk, a longer on-time record never raises it).
 */
export const FEATURE_DIRECTION: Record<FeatureName, 1 | -1> = Object.fromEntries(
  FEATURE_NAMES.map((n) => [n, n === 'payment_track_record' || n === 'business_volume' ? -1 : 1]),
) as Record<FeatureName, 1 | -1>;

const coefficients = z.object(
  Object.fromEntries(
    FEATURE_NAMES.map((n) => [n, ADDED_LATER[n] !== undefined ? z.number().finite().default(ADDED_LATER[n]!) : z.number().finite()]),
  ) as unknown as Record<FeatureName, z.ZodNumber>,
);

/**
 * A feature's log-odds as a function of its value: `points` at each of the strictly increasing
 * `knots`, straight lines between them, flat beyond the ends. Monotone when the points are.
 */
export const shapeSchema = z
  .object({ knots: z.array(z.number().finite()).min(2), points: z.array(z.number().finite()).min(2) })
  .refine((s) => s.knots.length === s.points.length, { message: 'knots and points must have the same length' })
  .refine((s) => s.knots.every((k, i) => i === 0 || k > s.knots[i - 1]!), { message: 'knots must increase' });
export type Shape = z.infer<typeof shapeSchema>;

const shapes = z.object(Object.fromEntries(FEATURE_NAMES.map((n) => [n, shapeSchema.optional()])) as unknown as Record<FeatureName, z.ZodOptional<typeof shapeSchema>>);

const modelSchema = z.object({
  /** Written into every assessment so that a score can be traced to the weights that made it. */
  version: z.string().min(1),
  /** `linear`: coefficient × value for every feature; `monotone`: the shapes where given, linear elsewhere. */
  kind: z.enum(['linear', 'monotone']).default('linear'),
  /** Log-odds of default for a customer with every feature at 0 (a customer without findings). */
  intercept: z.number().finite(),
  coefficients,
  shapes: shapes.optional(),
  /** What the weights were fitted on, and how both kinds of model did out-of-fold. */
  trainedOn: z
    .object({
      customers: z.number().int(),
      defaults: z.number().int(),
      auc: z.number(),
      at: z.string(),
      linearCvAuc: z.number().optional(),
      monotoneCvAuc: z.number().optional(),
    })
    .optional(),
});

export const weightsSchema = modelSchema.extend({
  /** The model `train` fitted but did not choose (linear or monotone): `backtest` reports both. */
  alternative: modelSchema.optional(),
});
export type Weights = z.infer<typeof weightsSchema>;

/** Log-odds of one feature value under a shape. */
export function evaluateShape(shape: Shape, x: number): number {
  const { knots, points } = shape;
  if (x <= knots[0]!) return points[0]!;
  for (let i = 1; i < knots.length; i++) {
    if (x <= knots[i]!) {
      const t = (x - knots[i - 1]!) / (knots[i]! - knots[i - 1]!);
      return points[i - 1]! + t * (points[i]! - points[i - 1]!);
    }
  }
  return points[points.length - 1]!;
}

const shape = (knots: number[], points: number[]): Shape => ({ knots, points });
const MONTH = 1; // day features are in months (days / 30) in the feature vector
const DAYS = (d: number) => (d / 30) * MONTH;

/**
 * Untrained defaults, set by judgment and anchored to published default rates (README, "Where the
 * untrained PDs come from"): Creditreform's Bonitätsindex classes give one-year default
 * probabilities (Basel II definition) of 0.07–0.73 % for good companies, 1.46 % for the middle
 * class, 6.04 % for strained and 15.46 % for very weak ones, and treat massive payment delays
 * (90+ days, the Basel default itself) as default. So: a customer about whom nothing is known yet
 * starts at 1.46 % (grade B); a long on-time record earns grade A (≈ 0.5 %); an average payer
 * (about ten days late, as Creditreform measures for Germany) stays near 1.5 %; a habitually slow
 * payer (30+ days beyond terms) lands near 6 % (C); dunning and collection near 15 % (D); an open
 * invoice 90+ days overdue or a write-off in E. The ageing steps (5, 30, 60, 90 days) are the
 * ageing list every credit manager reads. `bonitor train` refits all of it on the user's history.
 */
export const DEFAULT_WEIGHTS: Weights = {
  version: 'scorecard-default-4',
  kind: 'monotone',
  intercept: -4.31,
  // The linear reading of the shapes (their chords): what a linear `train` starts from.
  coefficients: {
    days_beyond_terms: 0.25,
    payment_trend: 0.3,
    share_paid_late: 0.8,
    // No published anchor sets it apart from the delays: 0 until `train` learns it from the user's history.
    unpaid_share: ADDED_LATER.unpaid_share!,
    worst_delay: 0.13,
    oldest_overdue: 0.57,
    overdue_share: 0.8,
    dunning_level: 2.1,
    collection_cases: 3.6,
    // A loss already taken on this customer: the strongest ledger signal, stronger than collection.
    written_off: ADDED_LATER.written_off!,
    payment_track_record: -1.0,
    no_payment_history: 0.1,
    business_volume: -0.1,
    company_age: 0.7,
    legal_form: 0.3,
    low_capital: 0.4,
    register_changes: 0.5,
    industry_risk: 1.0,
  },
  shapes: {
    days_beyond_terms: shape([0, DAYS(10), 1, 2, 6], [0, 0.15, 0.6, 1.0, 1.4]),
    payment_trend: shape([-2, 2], [-0.6, 0.6]),
    worst_delay: shape([0, 1, 3, 6], [0, 0.2, 0.5, 0.8]),
    oldest_overdue: shape([0, DAYS(5), 1, 2, 3, 6], [0, 0, 0.9, 1.9, 3.0, 3.4]),
    // Level 3 (the last reminder before collection) alone is Creditreform's very weak class (≈ 15 %, D).
    dunning_level: shape([0, 1 / 3, 2 / 3, 1], [0, 0.3, 0.8, 2.1]),
    collection_cases: shape([0, 0.5, 1], [0, 3.2, 3.6]),
    written_off: shape([0, 0.5, 1], [0, 4.5, 5.0]),
    payment_track_record: shape([0, 0.5, 1], [0, -0.4, -1.0]),
    // Orders of magnitude of monthly business (log10): bigger customers are bigger companies, which fail less.
    business_volume: shape([3, 6], [0, -0.4]),
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

/** The trained model of one kind from a weights file: the chosen one or its alternative. */
export function modelOfKind(weights: Weights, kind: 'linear' | 'monotone'): Weights | undefined {
  if (weights.kind === kind) return weights;
  return weights.alternative?.kind === kind ? { ...weights.alternative } : undefined;
}
