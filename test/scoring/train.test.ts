import { describe, expect, it } from 'vitest';
import { computeAuc } from '../../analysis/scoring/backtest.js';
import { sigmoid, type FeatureVector } from '../../analysis/scoring/scorecard.js';
import { trainWeights, type TrainingExample } from '../../analysis/scoring/train.js';
import { DEFAULT_WEIGHTS, evaluateShape, FEATURE_DIRECTION, FEATURE_NAMES, weightsSchema } from '../../analysis/scoring/weights.js';
import { mulberry32 } from '../../bench/rng.js';

/** Deterministic PRNG, so the synthetic set is the same on every run. */
const rng = mulberry32;

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
  const linear = result.fits.find((f) => f.kind === 'linear')!;
  const monotone = result.fits.find((f) => f.kind === 'monotone')!;

  it('recovers the coefficients that generated the data (linear fit)', () => {
    const w = linear.weights;
    expect(w.kind).toBe('linear');
    expect(w.intercept).toBeCloseTo(-2, 0);
    expect(Math.abs(w.coefficients.share_paid_late - 2)).toBeLessThan(0.35);
    expect(Math.abs(w.coefficients.oldest_overdue - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(w.coefficients.payment_track_record + 1)).toBeLessThan(0.35);
  });

  it('keeps the linear model when the monotone one does not beat it out of fold, and stores both', () => {
    // The truth is linear: bends buy nothing, so the simpler model is chosen.
    expect(result.selected).toBe('linear');
    expect(result.weights.kind).toBe('linear');
    expect(result.weights.alternative?.kind).toBe('monotone');
    expect(result.weights.trainedOn).toMatchObject({ customers: 6000, at: '2025-01-01T00:00:00.000Z', linearCvAuc: linear.cvAuc, monotoneCvAuc: monotone.cvAuc });
    expect(weightsSchema.safeParse(result.weights).success).toBe(true);
  });

  it('keeps the prior for features the data says nothing about', () => {
    expect(linear.weights.coefficients.collection_cases).toBe(DEFAULT_WEIGHTS.coefficients.collection_cases);
    expect(linear.weights.coefficients.industry_risk).toBe(DEFAULT_WEIGHTS.coefficients.industry_risk);
    expect(monotone.weights.shapes?.collection_cases).toEqual(DEFAULT_WEIGHTS.shapes?.collection_cases);
  });

  it('reports cross-validated AUC close to the true model', () => {
    const truth = computeAuc(
      examples.map((e) => ({ customerId: e.customerId, pd: 2 * e.x.share_paid_late + 0.5 * e.x.oldest_overdue - e.x.payment_track_record, defaulted: e.defaulted })),
    );
    expect(result.cvAuc).toBeGreaterThan(truth - 0.01);
    expect(result.cvAuc).toBeLessThanOrEqual(truth + 0.005);
    expect(linear.cv).toHaveLength(3);
  });

  it('fits a step the linear model cannot and chooses the monotone model for it', () => {
    // Risk rises only while the oldest invoice goes from 30 to 60 days overdue (1 to 2 months).
    const r = rng(5);
    const step = Array.from({ length: 6000 }, (_, i) => {
      const x = zero();
      x.oldest_overdue = r() * 3;
      x.share_paid_late = r();
      const p = sigmoid(-2.5 + 2.5 * Math.min(1, Math.max(0, x.oldest_overdue - 1)) + 0.5 * x.share_paid_late);
      return { customerId: `t${i}`, x, defaulted: r() < p };
    });
    const t = trainWeights(step, { version: 's', trainedAt: 'x', lambdas: [0.1, 10] });
    expect(t.selected).toBe('monotone');
    const fits = Object.fromEntries(t.fits.map((f) => [f.kind, f.cvAuc]));
    expect(fits.monotone!).toBeGreaterThan(fits.linear! + 0.004);
    const shape = t.weights.shapes!.oldest_overdue!;
    // Flat, then the rise between 1 and 2 months, then flat again.
    expect(evaluateShape(shape, 1) - evaluateShape(shape, 0)).toBeLessThan(0.4);
    expect(evaluateShape(shape, 2) - evaluateShape(shape, 1)).toBeGreaterThan(1.9);
    expect(evaluateShape(shape, 3) - evaluateShape(shape, 2)).toBeLessThan(0.4);
  });

  it('never lets a risk feature lower the risk (sign and shape constraints)', () => {
    // days_beyond_terms is an exact copy of share_paid_late minus noise: collinear, tempted to go negative.
    const r = rng(3);
    const collinear = synthetic(3000, 11).map((e) => ({ ...e, x: { ...e.x, days_beyond_terms: e.x.share_paid_late * 2 + r() * 0.01, overdue_share: -e.x.share_paid_late + 1 } }));
    const t = trainWeights(collinear, { version: 't', trainedAt: 'x', lambdas: [0.001] });
    for (const fit of t.fits) {
      for (const n of FEATURE_NAMES) {
        const shape = fit.weights.shapes?.[n];
        if (shape) {
          for (let i = 1; i < shape.points.length; i++) expect(FEATURE_DIRECTION[n] * (shape.points[i]! - shape.points[i - 1]!)).toBeGreaterThanOrEqual(0);
        } else expect(FEATURE_DIRECTION[n] * fit.weights.coefficients[n]).toBeGreaterThanOrEqual(0);
      }
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
