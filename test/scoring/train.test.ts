import { describe, expect, it } from 'vitest';
import { computeAuc } from '../../analysis/scoring/backtest.js';
import { sigmoid, type FeatureVector } from '../../analysis/scoring/scorecard.js';
import { trainWeights, type TrainingExample } from '../../analysis/scoring/train.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, weightsSchema } from '../../analysis/scoring/weights.js';

/** Deterministic PRNG (mulberry32), so the synthetic set is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zero = () => Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as FeatureVector;

/** Known answer: logit = −2 + 2·share_paid_late + 0.5·oldest_overdue − 1·payment_track_record. */
function synthetic(n: number, seed = 7): TrainingExample[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = zero();
    x.share_paid_late = r();
    x.oldest_overdue = r() * 4;
    x.payment_track_record = r();
    const p = sigmoid(-2 + 2 * x.share_paid_late + 0.5 * x.oldest_overdue - 1 * x.payment_track_record);
    return { customerId: `s${i}`, x, defaulted: r() < p };
  });
}

describe('trainWeights', () => {
  const examples = synthetic(6000);
  const result = trainWeights(examples, { version: 'test-1', trainedAt: '2025-01-01T00:00:00.000Z', lambdas: [0.01, 1, 100], folds: 5 });

  it('recovers the coefficients that generated the data', () => {
    const w = result.weights;
    expect(w.intercept).toBeCloseTo(-2, 0);
    expect(Math.abs(w.coefficients.share_paid_late - 2)).toBeLessThan(0.35);
    expect(Math.abs(w.coefficients.oldest_overdue - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(w.coefficients.payment_track_record + 1)).toBeLessThan(0.35);
  });

  it('keeps the prior for features the data says nothing about', () => {
    expect(result.weights.coefficients.collection_cases).toBe(DEFAULT_WEIGHTS.coefficients.collection_cases);
    expect(result.weights.coefficients.industry_risk).toBe(DEFAULT_WEIGHTS.coefficients.industry_risk);
  });

  it('reports cross-validated AUC close to the true model and what changed', () => {
    const truth = computeAuc(
      examples.map((e) => ({ customerId: e.customerId, pd: 2 * e.x.share_paid_late + 0.5 * e.x.oldest_overdue - e.x.payment_track_record, defaulted: e.defaulted })),
    );
    expect(result.cvAuc).toBeGreaterThan(truth - 0.01);
    expect(result.cvAuc).toBeLessThanOrEqual(truth + 0.005);
    expect(result.cv).toHaveLength(3);
    const change = result.changes.find((c) => c.name === 'share_paid_late')!;
    expect(change.before).toBe(1);
    expect(change.after).toBe(result.weights.coefficients.share_paid_late);
    expect(weightsSchema.safeParse(result.weights).success).toBe(true);
    expect(result.weights.trainedOn).toMatchObject({ customers: 6000, at: '2025-01-01T00:00:00.000Z' });
  });

  it('never lets a risk feature lower the risk (sign constraint)', () => {
    // days_beyond_terms is an exact copy of share_paid_late minus noise: collinear, tempted to go negative.
    const r = rng(3);
    const collinear = synthetic(3000, 11).map((e) => ({ ...e, x: { ...e.x, days_beyond_terms: e.x.share_paid_late * 2 + r() * 0.01, overdue_share: -e.x.share_paid_late + 1 } }));
    const t = trainWeights(collinear, { version: 't', trainedAt: 'x', lambdas: [0.001] });
    for (const n of FEATURE_NAMES) {
      const prior = DEFAULT_WEIGHTS.coefficients[n];
      if (prior > 0) expect(t.weights.coefficients[n]).toBeGreaterThanOrEqual(0);
      if (prior < 0) expect(t.weights.coefficients[n]).toBeLessThanOrEqual(0);
    }
  });

  it('is deterministic', () => {
    const again = trainWeights(examples, { version: 'test-1', trainedAt: '2025-01-01T00:00:00.000Z', lambdas: [0.01, 1, 100], folds: 5 });
    expect(again).toEqual(result);
  });

  it('refuses data without both outcomes', () => {
    const none = synthetic(50).map((e) => ({ ...e, defaulted: false }));
    expect(() => trainWeights(none, { version: 'x', trainedAt: 'x' })).toThrow(/defaulted and non-defaulted/);
  });
});
