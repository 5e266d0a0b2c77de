import { stableId } from '../../platform/ids.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { groupByCustomer } from './assess-ledger.js';
import { computeAuc } from './backtest.js';
import { fitConstrained, predictAll, type Design } from './fit-logistic.js';
import { computeLedgerFeatures } from './ledger-features.js';
import { toFeatureVector, type FeatureVector } from './scorecard.js';
import { DEFAULT_WEIGHTS, evaluateShape, FEATURE_DIRECTION, FEATURE_NAMES, type FeatureName, type Shape, type Weights } from './weights.js';

export interface TrainingExample {
  customerId: string;
  x: FeatureVector;
  defaulted: boolean;
}

/** Ledger + outcomes → one feature vector per customer with an outcome (customers without rows score as new). */
export function buildExamples(rows: readonly LedgerRow[], outcomes: ReadonlyMap<string, boolean>, asOf: Date): TrainingExample[] {
  const groups = groupByCustomer(rows);
  return [...outcomes.keys()].sort().map((id) => ({
    customerId: id,
    x: toFeatureVector(computeLedgerFeatures(groups.get(id) ?? [], asOf), undefined, undefined),
    defaulted: outcomes.get(id)!,
  }));
}

export type ModelKind = 'linear' | 'monotone';

/**
 * Where a monotone model may bend, per feature, on the feature vector's scale (day features in
 * months, shares 0..1, the on-time record on its log scale: 1, 2, 3, 4, 5, 12 and 24 invoices).
 * Features not listed stay linear in both kinds.
 */
export const TRAIN_KNOTS: Partial<Record<FeatureName, number[]>> = {
  days_beyond_terms: [0, 1 / 6, 1 / 3, 1, 2, 3, 6],
  payment_trend: [-2, -1, 0, 1, 2],
  share_paid_late: [0, 0.25, 0.5, 0.75, 1],
  unpaid_share: [0, 0.1, 0.25, 0.5, 0.75, 1],
  worst_delay: [0, 1 / 6, 1, 2, 3, 6],
  oldest_overdue: [0, 1 / 6, 1, 2, 3, 6],
  overdue_share: [0, 0.1, 0.3, 0.6, 1],
  dunning_level: [0, 1 / 3, 2 / 3, 1],
  collection_cases: [0, 0.5, 1],
  written_off: [0, 0.5, 1],
  payment_track_record: [0, 1, 2, 3, 4, 5, 12, 24].map((n) => Math.log1p(n) / Math.log(25)),
  business_volume: [2, 3, 4, 5, 6],
};

/** One column of the design: a feature's value (linear) or its ramp between two knots (monotone). */
interface Column {
  feature: FeatureName;
  lo?: number;
  hi?: number;
}

function columnsFor(kind: ModelKind): Column[] {
  const cols: Column[] = [];
  for (const feature of FEATURE_NAMES) {
    const knots = kind === 'monotone' ? TRAIN_KNOTS[feature] : undefined;
    if (!knots) cols.push({ feature });
    else for (let i = 1; i < knots.length; i++) cols.push({ feature, lo: knots[i - 1]!, hi: knots[i]! });
  }
  return cols;
}

function valueOf(c: Column, x: FeatureVector): number {
  const v = x[c.feature];
  if (c.lo === undefined || c.hi === undefined) return v;
  return Math.min(1, Math.max(0, (v - c.lo) / (c.hi - c.lo)));
}

function designOf(examples: readonly TrainingExample[], cols: readonly Column[]): Design {
  const width = cols.length + 1;
  const x = new Float64Array(examples.length * width);
  const y = new Uint8Array(examples.length);
  examples.forEach((e, r) => {
    x[r * width] = 1;
    cols.forEach((c, j) => (x[r * width + j + 1] = valueOf(c, e.x)));
    y[r] = e.defaulted ? 1 : 0;
  });
  return { rows: examples.length, cols: width, x, y };
}

/** The prior's log-odds for one feature value, whatever kind the prior is. */
function priorValue(prior: Weights, feature: FeatureName, v: number): number {
  const shape = prior.kind === 'monotone' ? prior.shapes?.[feature] : undefined;
  return shape ? evaluateShape(shape, v) : prior.coefficients[feature] * v;
}

/** β of the prior in the columns of one kind: coefficients, or the prior's rise over each segment. */
function priorBeta(prior: Weights, cols: readonly Column[]): number[] {
  const beta = [prior.intercept];
  for (const c of cols) {
    if (c.lo === undefined || c.hi === undefined) {
      // A linear column of a monotone prior: the chord of its shape over [0, 1].
      const shape = prior.kind === 'monotone' ? prior.shapes?.[c.feature] : undefined;
      beta.push(shape ? evaluateShape(shape, 1) - evaluateShape(shape, 0) : prior.coefficients[c.feature]);
    } else beta.push(priorValue(prior, c.feature, c.hi) - priorValue(prior, c.feature, c.lo));
  }
  return beta;
}

/** Fitted β → weights: shapes anchored at 0 for the feature value 0 (no finding), the shift moved into the intercept. */
function toWeights(kind: ModelKind, cols: readonly Column[], beta: readonly number[], prior: Weights, version: string): Weights {
  const r = (x: number) => Math.round(x * 1e4) / 1e4 + 0;
  const coefficients = { ...prior.coefficients };
  const shapes: Partial<Record<FeatureName, Shape>> = {};
  let intercept = beta[0]!;
  for (const feature of FEATURE_NAMES) {
    const idx = cols.map((c, j) => (c.feature === feature ? j : -1)).filter((j) => j >= 0);
    const first = cols[idx[0]!]!;
    if (first.lo === undefined) {
      coefficients[feature] = r(beta[idx[0]! + 1]!);
      continue;
    }
    const knots = [first.lo, ...idx.map((j) => cols[j]!.hi!)];
    const rise = [0];
    idx.forEach((j, k) => rise.push(rise[k]! + beta[j + 1]!));
    const raw: Shape = { knots, points: rise };
    const at0 = evaluateShape(raw, 0);
    intercept += at0;
    shapes[feature] = { knots: knots.map(r), points: rise.map((p) => r(p - at0)) };
    coefficients[feature] = r((evaluateShape(raw, 1) - at0) / 1);
  }
  return { version, kind, intercept: r(intercept), coefficients, ...(kind === 'monotone' ? { shapes } : {}) };
}

export interface TrainOptions {
  /** The weights to start from and shrink towards (the untrained scorecard by default). */
  prior?: Weights;
  folds?: number;
  /** Candidate penalty strengths; the one with the best cross-validated log-loss wins. */
  lambdas?: number[];
  /** Which kinds to fit; both by default. */
  kinds?: ModelKind[];
  version: string;
  /** ISO time written into the weights (passed in: pure code has no clock). */
  trainedAt: string;
}

export interface CvResult {
  lambda: number;
  auc: number;
  logLoss: number;
}

export interface KindFit {
  kind: ModelKind;
  weights: Weights;
  lambda: number;
  cv: CvResult[];
  /** Out-of-fold AUC and log-loss at the chosen λ. */
  cvAuc: number;
  cvLogLoss: number;
  /** Each customer's out-of-fold PD at the chosen λ (examples' order): how the grades would have held. */
  outOfFold: number[];
}

export interface TrainResult {
  /** The chosen model, with the other kind as its `alternative`. */
  weights: Weights;
  selected: ModelKind;
  fits: KindFit[];
  /** AUC of the prior weights on the same customers. */
  priorAuc: number;
  cvAuc: number;
}

/**
 * Fits a linear scorecard and a monotone one (piecewise-linear shapes between fixed knots, every
 * segment on its feature's side), each by penalised logistic regression shrunk towards the prior
 * (a feature the user's history says nothing about keeps its prior shape), the penalty chosen by
 * k-fold cross-validation. The monotone model is chosen only when it beats the linear one out of
 * fold (see `beats`).
 */
export function trainWeights(examples: readonly TrainingExample[], options: TrainOptions): TrainResult {
  const prior = options.prior ?? DEFAULT_WEIGHTS;
  const k = options.folds ?? 5;
  const lambdas = options.lambdas ?? [0.3, 3, 30, 300];
  const positives = examples.filter((e) => e.defaulted).length;
  if (positives < 2 || examples.length - positives < 2) {
    throw new Error(`training needs defaulted and non-defaulted customers (have ${positives} of ${examples.length} defaulted)`);
  }
  const fold = examples.map((e) => parseInt(stableId('fold', e.customerId).slice(0, 8), 16) % k);
  const fits = (options.kinds ?? ['linear', 'monotone']).map((kind) => fitKind(kind, examples, fold, k, lambdas, prior, options));
  const linear = fits.find((f) => f.kind === 'linear');
  const monotone = fits.find((f) => f.kind === 'monotone');
  const chosen = monotone && (!linear || beats(monotone, linear)) ? monotone : (linear ?? monotone)!;
  const other = fits.find((f) => f !== chosen);
  const trainedOn = {
    customers: examples.length,
    defaults: positives,
    auc: chosen.cvAuc,
    at: options.trainedAt,
    ...(linear ? { linearCvAuc: linear.cvAuc } : {}),
    ...(monotone ? { monotoneCvAuc: monotone.cvAuc } : {}),
  };
  const weights: Weights = { ...chosen.weights, trainedOn, ...(other ? { alternative: { ...other.weights, trainedOn } } : {}) };
  const priorAuc = computeAuc(examples.map((e) => ({ customerId: e.customerId, pd: scoreLogit(prior, e.x), defaulted: e.defaulted })));
  return { weights, selected: chosen.kind, fits, priorAuc, cvAuc: chosen.cvAuc };
}

/**
 * The monotone model has more to fit, so it must win clearly out of fold: a log-loss lower by more
 * than what a few extra parameters gain by chance (0.001 per customer) and an AUC at least as high.
 */
const MIN_LOG_LOSS_GAIN = 0.001;
function beats(monotone: KindFit, linear: KindFit): boolean {
  return linear.cvLogLoss - monotone.cvLogLoss > MIN_LOG_LOSS_GAIN && monotone.cvAuc >= linear.cvAuc;
}

function fitKind(
  kind: ModelKind,
  examples: readonly TrainingExample[],
  fold: readonly number[],
  k: number,
  lambdas: readonly number[],
  prior: Weights,
  options: TrainOptions,
): KindFit {
  const cols = columnsFor(kind);
  const beta0 = priorBeta(prior, cols);
  const direction = [0 as const, ...cols.map((c) => FEATURE_DIRECTION[c.feature])];
  const spec = (lambda: number) => ({ prior: beta0, penalty: beta0.map((_, i) => (i === 0 ? 0 : lambda)), direction });
  const all = designOf(examples, cols);
  const predictions = new Map<number, number[]>();
  const folds = Array.from({ length: k }, (_, f) => ({
    train: designOf(examples.filter((_, i) => fold[i] !== f), cols),
    test: examples.map((_, i) => i).filter((i) => fold[i] === f),
  }));
  const tests = folds.map(({ test }) => designOf(test.map((i) => examples[i]!), cols));
  // Each fold follows the penalty path from the strongest penalty (whose optimum lies next to the
  // prior) to the weakest, each fit starting from the last one's optimum: the optimum of each
  // strictly convex fit is the same, reached in fewer Newton steps than from the prior.
  const path = [...lambdas].sort((a, b) => b - a);
  const fitted = new Map<number, number[][]>();
  const last: Array<number[] | undefined> = folds.map(() => undefined);
  for (const lambda of path) {
    fitted.set(
      lambda,
      folds.map(({ train }, f) => (last[f] = fitConstrained(train, spec(lambda), last[f]))),
    );
  }
  const cv: CvResult[] = lambdas.map((lambda) => {
    const predicted = new Array<number>(examples.length);
    folds.forEach(({ test }, f) => {
      const p = predictAll(tests[f]!, fitted.get(lambda)![f]!);
      test.forEach((i, j) => (predicted[i] = p[j]!));
    });
    predictions.set(lambda, predicted);
    return { lambda, ...evaluate(examples, predicted) };
  });
  const best = cv.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
  const beta = fitConstrained(all, spec(best.lambda), fitted.get(best.lambda)![0]);
  const version = `${options.version}${kind === 'monotone' ? '-monotone' : '-linear'}`;
  const outOfFold = predictions.get(best.lambda)!;
  return { kind, weights: toWeights(kind, cols, beta, prior, version), lambda: best.lambda, cv, cvAuc: best.auc, cvLogLoss: best.logLoss, outOfFold };
}

/** Log-odds of a feature vector under any weights (the ranking is all AUC needs). */
function scoreLogit(w: Weights, x: FeatureVector): number {
  let z = w.intercept;
  for (const n of FEATURE_NAMES) z += priorValue(w, n, x[n]);
  return z;
}

function evaluate(examples: readonly TrainingExample[], predicted: readonly number[]): { auc: number; logLoss: number } {
  let loss = 0;
  examples.forEach((e, i) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predicted[i]!));
    loss -= e.defaulted ? Math.log(p) : Math.log(1 - p);
  });
  const auc = computeAuc(examples.map((e, i) => ({ customerId: e.customerId, pd: predicted[i]!, defaulted: e.defaulted })));
  return { auc, logLoss: loss / examples.length };
}
