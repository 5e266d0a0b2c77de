import { stableId } from '../../platform/ids.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { groupByCustomer } from './assess-ledger.js';
import { computeAuc } from './backtest.js';
import { computeLedgerFeatures } from './ledger-features.js';
import { sigmoid, toFeatureVector, type FeatureVector } from './scorecard.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, type FeatureName, type Weights } from './weights.js';

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

export interface TrainOptions {
  /** The weights to start from and shrink towards (the expert scorecard by default). */
  prior?: Weights;
  folds?: number;
  /** Candidate penalty strengths; the one with the best cross-validated log-loss wins. */
  lambdas?: number[];
  version: string;
  /** ISO time written into the weights (passed in: pure code has no clock). */
  trainedAt: string;
}

export interface CvResult {
  lambda: number;
  auc: number;
  logLoss: number;
}

export interface TrainResult {
  weights: Weights;
  lambda: number;
  cv: CvResult[];
  /** Cross-validated AUC of the prior weights and of the chosen fit (out-of-fold predictions). */
  priorAuc: number;
  cvAuc: number;
  changes: Array<{ name: FeatureName | 'intercept'; before: number; after: number }>;
}

/**
 * Regularised logistic regression (Newton–Raphson) whose penalty λ/2·‖β − β₀‖² pulls the
 * coefficients towards the prior scorecard rather than towards zero: a feature the user's
 * history says nothing about (say, register facts absent from a ledger) keeps its expert
 * weight instead of silently dropping out. λ is chosen by k-fold cross-validation.
 */
export function trainWeights(examples: readonly TrainingExample[], options: TrainOptions): TrainResult {
  const prior = options.prior ?? DEFAULT_WEIGHTS;
  const k = options.folds ?? 5;
  const lambdas = options.lambdas ?? [0.1, 1, 10, 100, 1000];
  const positives = examples.filter((e) => e.defaulted).length;
  if (positives < 2 || examples.length - positives < 2) {
    throw new Error(`training needs defaulted and non-defaulted customers (have ${positives} of ${examples.length} defaulted)`);
  }
  const fold = examples.map((e) => parseInt(stableId('fold', e.customerId).slice(0, 8), 16) % k);
  const beta0 = toBeta(prior);

  const cv: CvResult[] = lambdas.map((lambda) => {
    const predicted = new Array<number>(examples.length);
    for (let f = 0; f < k; f++) {
      const train = examples.filter((_, i) => fold[i] !== f);
      const beta = fitLogistic(train, beta0, lambda);
      examples.forEach((e, i) => {
        if (fold[i] === f) predicted[i] = predict(beta, e.x);
      });
    }
    return { lambda, ...evaluate(examples, predicted) };
  });
  const best = cv.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
  const beta = fitLogistic(examples, beta0, best.lambda);
  const weights = fromBeta(beta, options.version);
  weights.trainedOn = { customers: examples.length, defaults: positives, auc: best.auc, at: options.trainedAt };
  const priorAuc = evaluate(examples, examples.map((e) => predict(beta0, e.x))).auc;

  const changes: TrainResult['changes'] = [{ name: 'intercept', before: prior.intercept, after: weights.intercept }];
  for (const n of FEATURE_NAMES) changes.push({ name: n, before: prior.coefficients[n], after: weights.coefficients[n] });
  return { weights, lambda: best.lambda, cv, priorAuc, cvAuc: best.auc, changes };
}

/** β = [intercept, coefficients in FEATURE_NAMES order]. */
function toBeta(w: Weights): number[] {
  return [w.intercept, ...FEATURE_NAMES.map((n) => w.coefficients[n])];
}

function fromBeta(beta: number[], version: string): Weights {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  const coefficients = {} as Weights['coefficients'];
  FEATURE_NAMES.forEach((n, i) => (coefficients[n] = r(beta[i + 1]!)));
  return { version, intercept: r(beta[0]!), coefficients };
}

function predict(beta: readonly number[], x: FeatureVector): number {
  let z = beta[0]!;
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += beta[i + 1]! * x[FEATURE_NAMES[i]!];
  return sigmoid(z);
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

/** Newton–Raphson on the penalised log-likelihood; the intercept is not penalised. */
export function fitLogistic(examples: readonly TrainingExample[], beta0: readonly number[], lambda: number, maxIter = 50): number[] {
  return fitSignConstrained(toDesign(examples), beta0, lambda, maxIter);
}

/** The examples as a row-major matrix (column 0 the intercept) and 0/1 outcomes, read once per fit. */
interface Design {
  n: number;
  d: number;
  x: Float64Array;
  y: Float64Array;
}

function toDesign(examples: readonly TrainingExample[]): Design {
  const d = FEATURE_NAMES.length + 1;
  const x = new Float64Array(examples.length * d);
  const y = new Float64Array(examples.length);
  examples.forEach((e, r) => {
    x[r * d] = 1;
    for (let i = 0; i < FEATURE_NAMES.length; i++) x[r * d + i + 1] = e.x[FEATURE_NAMES[i]!];
    y[r] = e.defaulted ? 1 : 0;
  });
  return { n: examples.length, d, x, y };
}

/**
 * A scorecard must read sensibly: late payment may never lower the risk. Coefficients that
 * come out with the opposite sign of their prior (collinear features trading off) are pinned
 * at 0 and the rest refitted, until every sign agrees.
 */
function fitSignConstrained(design: Design, beta0: readonly number[], lambda: number, maxIter: number): number[] {
  const pinned = new Set<number>();
  for (;;) {
    const target = beta0.map((b, i) => (pinned.has(i) ? 0 : b));
    const beta = fitPenalised(design, target, beta0.map((_, i) => (i === 0 ? 1e-6 : pinned.has(i) ? 1e9 : lambda)), maxIter);
    const wrong = beta.map((_, i) => i).filter((i) => i > 0 && !pinned.has(i) && beta0[i]! !== 0 && Math.sign(beta[i]!) === -Math.sign(beta0[i]!));
    if (wrong.length === 0) return beta.map((b, i) => (pinned.has(i) ? 0 : b));
    for (const i of wrong) pinned.add(i);
  }
}

const CONVERGED = 1e-9;

function fitPenalised(design: Design, beta0: readonly number[], penalties: readonly number[], maxIter: number): number[] {
  const { n, d, x, y } = design;
  const beta = [...beta0];
  for (let iter = 0; iter < maxIter; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let r = 0; r < n; r++) {
      const off = r * d;
      let z = 0;
      for (let i = 0; i < d; i++) z += beta[i]! * x[off + i]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-10);
      const res = p - y[r]!;
      for (let i = 0; i < d; i++) {
        const ri = x[off + i]!;
        if (ri === 0) continue;
        g[i]! += res * ri;
        const hi = h[i]!;
        const wri = w * ri;
        for (let j = i; j < d; j++) hi[j]! += wri * x[off + j]!;
      }
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) h[i]![j] = h[j]![i]!;
      const penalty = penalties[i]!;
      g[i]! += penalty * (beta[i]! - beta0[i]!);
      h[i]![i]! += penalty;
    }
    const step = solve(h, g);
    // At the optimum the full step is below the tolerance: take it and stop. Line-searching it
    // would compare two losses equal up to rounding and halve twenty times for nothing (each
    // halving is a pass over every example: that was most of the time `train` took).
    if (step.every((s) => Math.abs(s) < CONVERGED)) {
      for (let i = 0; i < d; i++) beta[i] = beta[i]! - step[i]!;
      break;
    }
    // Damped Newton: halve the step until the penalised loss does not grow (plain Newton
    // can overshoot from a prior far from the data, e.g. a 3 % intercept on a 22 % sample).
    const before = penalisedLoss(design, beta, beta0, penalties);
    let t = 1;
    let candidate = beta.map((b, i) => b - step[i]!);
    while (t > 1e-6 && !(penalisedLoss(design, candidate, beta0, penalties) <= before)) {
      t /= 2;
      candidate = beta.map((b, i) => b - t * step[i]!);
    }
    let maxStep = 0;
    for (let i = 0; i < d; i++) {
      maxStep = Math.max(maxStep, Math.abs(candidate[i]! - beta[i]!));
      beta[i] = candidate[i]!;
    }
    if (maxStep < CONVERGED) break;
  }
  return beta;
}

function penalisedLoss(design: Design, beta: readonly number[], beta0: readonly number[], penalties: readonly number[]): number {
  const { n, d, x, y } = design;
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const off = r * d;
    let z = 0;
    for (let i = 0; i < d; i++) z += beta[i]! * x[off + i]!;
    // log(1 + e^z) − y·z, computed without overflow
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[r]! * z;
  }
  for (let i = 0; i < beta.length; i++) loss += (penalties[i]! / 2) * (beta[i]! - beta0[i]!) ** 2;
  return loss;
}

/** Gaussian elimination with partial pivoting; the matrix is small (features + 1). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let j = r + 1; j < n; j++) s -= m[r]![j]! * x[j]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
