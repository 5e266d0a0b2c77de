import { sigmoid } from './scorecard.js';

/** A design matrix: `rows` × `cols`, row-major; column 0 is the intercept (all ones). */
export interface Design {
  rows: number;
  cols: number;
  x: Float64Array;
  y: Uint8Array;
}

export interface FitSpec {
  /** The coefficients to start from and shrink towards. */
  prior: readonly number[];
  /** Ridge penalty per column, λ/2·(β − prior)²; 0 for the intercept. */
  penalty: readonly number[];
  /** +1: the coefficient must be ≥ 0, −1: ≤ 0, 0: free. */
  direction: readonly (-1 | 0 | 1)[];
  maxIter?: number;
}

/**
 * Penalised logistic regression with sign constraints: damped Newton–Raphson on the free
 * coefficients, an active set for the bounds. A coefficient that wants to cross its bound is held
 * at 0 and the rest refitted; a held one is let go again when the gradient pulls it back into its
 * side. Deterministic, no randomness.
 */
export function fitConstrained(d: Design, spec: FitSpec, start?: readonly number[]): number[] {
  const n = spec.prior.length;
  const held = new Set<number>();
  let beta = [...(start ?? spec.prior)].map((b, i) => (spec.direction[i]! * b < 0 ? 0 : b));
  for (let round = 0; round < 20; round++) {
    beta = newton(d, spec, beta, held);
    const wrong = beta.map((_, i) => i).filter((i) => !held.has(i) && spec.direction[i]! * beta[i]! < -1e-12);
    if (wrong.length > 0) {
      for (const i of wrong) {
        held.add(i);
        beta[i] = 0;
      }
      continue;
    }
    // KKT: a held coefficient whose descent direction points into its allowed side is released.
    const g = gradient(d, spec, beta);
    const release = [...held].filter((i) => spec.direction[i]! * -g[i]! > 1e-9);
    if (release.length === 0) break;
    for (const i of release) held.delete(i);
  }
  return beta.map((b, i) => (held.has(i) ? 0 : b) + 0);
}

function newton(d: Design, spec: FitSpec, start: number[], held: ReadonlySet<number>): number[] {
  // A column no training row uses (a ramp beyond every customer's value) only feels its penalty: its
  // rows and columns of the Hessian are zero off the diagonal, so its Newton step is the penalty's
  // own, and solving for the other columns alone does the same arithmetic as solving the whole
  // system (a fit of the demo's customers leaves a third of the monotone columns unused).
  const free = start.map((_, i) => i).filter((i) => !held.has(i));
  const used = free.filter((col) => columnUsed(d, col));
  const unused = free.filter((col) => !columnUsed(d, col));
  const cols = [...used, ...unused];
  const beta = [...start];
  for (const i of held) beta[i] = 0;
  const maxIter = spec.maxIter ?? 50;
  const step = new Float64Array(cols.length);
  for (let iter = 0; iter < maxIter; iter++) {
    const { g, h } = derivatives(d, spec, beta, used);
    step.set(solve(h, g));
    unused.forEach((col, k) => (step[used.length + k] = (spec.penalty[col]! * (beta[col]! - spec.prior[col]!)) / (spec.penalty[col]! + 1e-9)));
    // At the optimum the full step is below the tolerance: take it and stop. Line-searching it
    // would compare two losses equal up to rounding and halve twenty times, each halving a pass
    // over every example.
    if (step.every((s) => Math.abs(s) < 1e-8)) {
      cols.forEach((col, k) => (beta[col] = beta[col]! - step[k]!));
      break;
    }
    const before = loss(d, spec, beta);
    let t = 1;
    let candidate = beta.slice();
    for (;;) {
      candidate = beta.slice();
      cols.forEach((col, k) => (candidate[col] = beta[col]! - t * step[k]!));
      if (loss(d, spec, candidate) <= before || t < 1e-6) break;
      t /= 2;
    }
    let maxStep = 0;
    for (const col of cols) maxStep = Math.max(maxStep, Math.abs(candidate[col]! - beta[col]!));
    for (const col of cols) beta[col] = candidate[col]!;
    if (maxStep < 1e-8) break;
  }
  return beta;
}

function columnUsed(d: Design, col: number): boolean {
  for (let r = 0; r < d.rows; r++) if (d.x[r * d.cols + col] !== 0) return true;
  return false;
}

function linear(d: Design, beta: readonly number[], r: number): number {
  let z = 0;
  const off = r * d.cols;
  for (let j = 0; j < d.cols; j++) z += beta[j]! * d.x[off + j]!;
  return z;
}

/** Gradient and Hessian of the penalised loss over the free columns. */
function derivatives(d: Design, spec: FitSpec, beta: readonly number[], free: readonly number[]) {
  const m = free.length;
  const g = new Array<number>(m).fill(0);
  const h = Array.from({ length: m }, () => new Float64Array(m));
  const row = new Float64Array(m);
  for (let r = 0; r < d.rows; r++) {
    const p = sigmoid(linear(d, beta, r));
    const w = Math.max(p * (1 - p), 1e-10);
    const res = p - d.y[r]!;
    const off = r * d.cols;
    for (let k = 0; k < m; k++) row[k] = d.x[off + free[k]!]!;
    for (let a = 0; a < m; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      g[a]! += res * ra;
      const ha = h[a]!;
      const wa = w * ra;
      for (let b = a; b < m; b++) ha[b]! += wa * row[b]!;
    }
  }
  free.forEach((col, a) => {
    for (let b = 0; b < a; b++) h[a]![b] = h[b]![a]!;
    g[a]! += spec.penalty[col]! * (beta[col]! - spec.prior[col]!);
    h[a]![a]! += spec.penalty[col]! + 1e-9;
  });
  return { g, h };
}

function gradient(d: Design, spec: FitSpec, beta: readonly number[]): number[] {
  const g = new Array<number>(d.cols).fill(0);
  for (let r = 0; r < d.rows; r++) {
    const res = sigmoid(linear(d, beta, r)) - d.y[r]!;
    const off = r * d.cols;
    for (let j = 0; j < d.cols; j++) g[j]! += res * d.x[off + j]!;
  }
  return g.map((v, j) => v + spec.penalty[j]! * (beta[j]! - spec.prior[j]!));
}

function loss(d: Design, spec: FitSpec, beta: readonly number[]): number {
  let total = 0;
  for (let r = 0; r < d.rows; r++) {
    const z = linear(d, beta, r);
    // log(1 + e^z) − y·z without overflow
    total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (d.y[r]! ? z : 0);
  }
  for (let j = 0; j < beta.length; j++) total += (spec.penalty[j]! / 2) * (beta[j]! - spec.prior[j]!) ** 2;
  return total;
}

/** Predicted probability per row. */
export function predictAll(d: Design, beta: readonly number[]): number[] {
  const out = new Array<number>(d.rows);
  for (let r = 0; r < d.rows; r++) out[r] = sigmoid(linear(d, beta, r));
  return out;
}

/**
 * Gaussian elimination with partial pivoting; the matrix is small (one row per coefficient). One
 * flat augmented matrix and a row order instead of row arrays copied and swapped: the same
 * arithmetic in the same order, without allocating per row.
 */
function solve(a: readonly Float64Array[], b: readonly number[]): Float64Array {
  const n = b.length;
  const w = n + 1;
  const m = new Float64Array(n * w);
  const row = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    m.set(a[i]!, i * w);
    m[i * w + n] = b[i]!;
    row[i] = i * w;
  }
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[row[r]! + c]!) > Math.abs(m[row[p]! + c]!)) p = r;
    const swap = row[c]!;
    row[c] = row[p]!;
    row[p] = swap;
    const pc = row[c]!;
    const pivot = m[pc + c]!;
    for (let r = c + 1; r < n; r++) {
      const rr = row[r]!;
      const f = m[rr + c]! / pivot;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[rr + j]! -= f * m[pc + j]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const rr = row[r]!;
    let s = m[rr + n]!;
    for (let j = r + 1; j < n; j++) s -= m[rr + j]! * x[j]!;
    x[r] = s / m[rr + r]!;
  }
  return x;
}
