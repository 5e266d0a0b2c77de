import type { FeatureValues } from './link-model.js';

/** One labelled mention: its features and whether the customer is really meant. */
export interface TrainingMention {
  features: FeatureValues;
  label: boolean;
}

export interface LogisticFit {
  bias: number;
  weights: Record<string, number>;
  /** Mean negative log-likelihood on the training mentions. */
  logLoss: number;
  iterations: number;
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS): deterministic, a few dozen
 * features, converges in a handful of steps. The penalty pulls every weight towards its prior
 * (0 without one) with strength `lambda` — a Gaussian prior, so a feature the data rarely shows
 * keeps its prior weight and a frequent one follows the data. The bias is not penalised.
 */
export function fitLogistic(
  mentions: TrainingMention[],
  features: readonly string[],
  lambda: number,
  prior: Readonly<Record<string, number>> = {},
  maxIterations = 50,
): LogisticFit {
  const d = features.length + 1; // last column: bias
  const col = new Map(features.map((f, i) => [f, i]));
  const rows = mentions.map((m) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of m.features) {
      const i = col.get(f);
      if (i !== undefined && v !== 0) {
        idx.push(i);
        val.push(v);
      }
    }
    idx.push(d - 1);
    val.push(1);
    return { idx, val, y: m.label ? 1 : 0 };
  });
  const w0 = new Float64Array(d);
  features.forEach((f, i) => (w0[i] = prior[f] ?? 0));
  const w = Float64Array.from(w0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    for (const r of rows) {
      const p = sigmoid(dot(w, r.idx, r.val));
      const s = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < r.idx.length; a++) {
        g[r.idx[a]!]! += (p - r.y) * r.val[a]!;
        for (let b = 0; b < r.idx.length; b++) h[r.idx[a]!]![r.idx[b]!]! += s * r.val[a]! * r.val[b]!;
      }
    }
    for (let j = 0; j < d - 1; j++) {
      g[j]! += lambda * (w[j]! - w0[j]!);
      h[j]![j]! += lambda;
    }
    h[d - 1]![d - 1]! += 1e-6;
    const step = solve(h, g);
    let change = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-7) break;
  }
  let loss = 0;
  for (const r of rows) {
    const p = sigmoid(dot(w, r.idx, r.val));
    loss -= r.y ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
  }
  const weights: Record<string, number> = {};
  features.forEach((f, i) => (weights[f] = round4(w[i]!)));
  return { bias: round4(w[d - 1]!), weights, logLoss: rows.length ? loss / rows.length : 0, iterations };
}

function dot(w: Float64Array, idx: number[], val: number[]): number {
  let s = 0;
  for (let a = 0; a < idx.length; a++) s += w[idx[a]!]! * val[a]!;
  return s;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.abs(m[i]![i]!) < 1e-12 ? 0 : m[i]![n]! / m[i]![i]!;
  return x;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
