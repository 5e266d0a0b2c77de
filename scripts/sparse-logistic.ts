/**
 * L2-regularised logistic regression on sparse binary features, fitted by full-batch gradient
 * descent with Adam steps: deterministic (zero start, fixed order), fast enough for a few thousand
 * examples and features, no dependency. Offline only (scripts/fit-event-model.ts); the runtime
 * only evaluates the weights (analysis/classify/event-model.ts).
 */
export interface Example {
  features: Map<string, number>;
  label: boolean;
  /** Weight of the example in the loss (1 by default). */
  weight?: number;
}

export interface Fit {
  bias: number;
  weights: Record<string, number>;
}

export function fitSparseLogistic(examples: readonly Example[], lambda: number, iterations = 400, rate = 0.05): Fit {
  const index = new Map<string, number>();
  for (const e of examples) for (const k of e.features.keys()) if (!index.has(k)) index.set(k, index.size);
  const d = index.size;
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of e.features) {
      if (v === 0) continue;
      idx.push(index.get(k)!);
      val.push(v);
    }
    return { idx, val, y: e.label ? 1 : 0, w: e.weight ?? 1 };
  });
  const total = rows.reduce((a, r) => a + r.w, 0) || 1;
  const w = new Float64Array(d);
  let b = 0;
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    for (const r of rows) {
      let z = b;
      for (let a = 0; a < r.idx.length; a++) z += w[r.idx[a]!]! * r.val[a]!;
      const err = (sigmoid(z) - r.y) * r.w;
      for (let a = 0; a < r.idx.length; a++) g[r.idx[a]!]! += err * r.val[a]!;
      g[d]! += err;
    }
    for (let j = 0; j < d; j++) g[j] = g[j]! / total + lambda * w[j]!;
    g[d] = g[d]! / total;
    for (let j = 0; j <= d; j++) {
      m[j] = beta1 * m[j]! + (1 - beta1) * g[j]!;
      v[j] = beta2 * v[j]! + (1 - beta2) * g[j]! * g[j]!;
      const step = (rate * (m[j]! / (1 - beta1 ** t))) / (Math.sqrt(v[j]! / (1 - beta2 ** t)) + 1e-8);
      if (j === d) b -= step;
      else w[j] = w[j]! - step;
    }
  }
  const weights: Record<string, number> = {};
  for (const [k, j] of index) if (Math.abs(w[j]!) >= 1e-3) weights[k] = Math.round(w[j]! * 1e4) / 1e4;
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

export function predict(fit: Fit, features: Map<string, number>): number {
  let z = fit.bias;
  for (const [k, v] of features) z += (fit.weights[k] ?? 0) * v;
  return sigmoid(z);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
