import { GRADES, type Grade } from '../../platform/schemas/common.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { settleLedger, toDay } from './ledger-settlement.js';

/** One scored customer with its observed outcome. */
export interface ScoredOutcome {
  customerId: string;
  pd: number;
  defaulted: boolean;
  /** The grade the customer was given (hard events can lift it above what the PD says). */
  grade?: Grade;
}

/** The PD range each grade stands for (scorecard.ts GRADE_FLOORS in probabilities). */
export const GRADE_BANDS: Record<Grade, [number, number]> = { A: [0, 0.01], B: [0.01, 0.04], C: [0.04, 0.12], D: [0.12, 0.35], E: [0.35, 1] };

export interface GradeRow {
  grade: Grade;
  customers: number;
  defaults: number;
  meanPd: number;
  observedRate: number;
  /** 95 % Wilson interval of the observed rate. */
  low: number;
  high: number;
  /** The observed rate's interval overlaps the grade's band: the grade means what it says here. */
  holds: boolean;
}

export interface CalibrationRow {
  /** Band label: grade, or pd range of the decile. */
  band: string;
  customers: number;
  defaults: number;
  meanPd: number;
  observedRate: number;
}

export interface BacktestReport {
  customers: number;
  defaults: number;
  auc: number;
  gini: number;
  ks: number;
  /** Mean predicted pd against the observed default rate, by pd decile. */
  calibration: CalibrationRow[];
  /** Observed default rate per grade against the grade's PD band. */
  grades: GradeRow[];
}

/**
 * AUC as the Mann–Whitney statistic with ties counted half: the probability that a
 * random defaulter has a higher pd than a random non-defaulter.
 */
export function computeAuc(items: readonly ScoredOutcome[]): number {
  const sorted = [...items].sort((a, b) => a.pd - b.pd);
  const pos = sorted.filter((x) => x.defaulted).length;
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.pd === sorted[i]!.pd) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k]!.defaulted) rankSumPos += avgRank;
    i = j;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Kolmogorov–Smirnov: the largest gap between the cumulative pd distributions of defaulters and the rest. */
export function computeKs(items: readonly ScoredOutcome[]): number {
  const sorted = [...items].sort((a, b) => b.pd - a.pd);
  const pos = sorted.filter((x) => x.defaulted).length;
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  let cp = 0;
  let cn = 0;
  let ks = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.pd === sorted[i]!.pd) {
      if (sorted[j]!.defaulted) cp++;
      else cn++;
      j++;
    }
    ks = Math.max(ks, Math.abs(cp / pos - cn / neg));
    i = j;
  }
  return ks;
}

/** Customers sorted by pd, cut into `bands` groups of (nearly) equal size; equal pds stay together. */
export function calibrationTable(items: readonly ScoredOutcome[], bands = 10): CalibrationRow[] {
  const sorted = [...items].sort((a, b) => a.pd - b.pd || (a.customerId < b.customerId ? -1 : 1));
  const rows: CalibrationRow[] = [];
  const size = sorted.length / bands;
  let start = 0;
  for (let b = 1; b <= bands && start < sorted.length; b++) {
    let end = Math.min(sorted.length, Math.round(size * b));
    while (end < sorted.length && end > start && sorted[end]!.pd === sorted[end - 1]!.pd) end++;
    if (end <= start) continue;
    const group = sorted.slice(start, end);
    const defaults = group.filter((x) => x.defaulted).length;
    const meanPd = group.reduce((s, x) => s + x.pd, 0) / group.length;
    rows.push({
      band: `${fmtPd(group[0]!.pd)}–${fmtPd(group[group.length - 1]!.pd)}`,
      customers: group.length,
      defaults,
      meanPd,
      observedRate: defaults / group.length,
    });
    start = end;
  }
  return rows;
}

export function runBacktest(items: readonly ScoredOutcome[], bands = 10): BacktestReport {
  const auc = computeAuc(items);
  return {
    customers: items.length,
    defaults: items.filter((x) => x.defaulted).length,
    auc,
    gini: 2 * auc - 1,
    ks: computeKs(items),
    calibration: calibrationTable(items, bands),
    grades: gradeTable(items),
  };
}

/** Per grade: how many customers, how many defaulted, and whether that rate fits the grade's band. */
export function gradeTable(items: readonly ScoredOutcome[]): GradeRow[] {
  const rows: GradeRow[] = [];
  for (const grade of GRADES) {
    const group = items.filter((x) => (x.grade ?? gradeOfPd(x.pd)) === grade);
    if (group.length === 0) continue;
    const defaults = group.filter((x) => x.defaulted).length;
    const [low, high] = wilson(defaults, group.length);
    const [from, to] = GRADE_BANDS[grade];
    rows.push({
      grade,
      customers: group.length,
      defaults,
      meanPd: group.reduce((s, x) => s + x.pd, 0) / group.length,
      observedRate: defaults / group.length,
      low,
      high,
      holds: high >= from && low <= to,
    });
  }
  return rows;
}

function gradeOfPd(pd: number): Grade {
  return GRADES.find((g) => pd < GRADE_BANDS[g][1]) ?? 'E';
}

/** Wilson score interval for k of n at 95 %. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Outcomes from the ledger itself when the user has no outcomes file: a customer defaulted
 * if any invoice was 90 or more days overdue at some point in the 12 months after asOf, or was
 * written off in them. Overdue means what the ledger means (ledger-settlement.ts): an invoice
 * settled with a cash discount or by a credit note is not overdue, a disputed one never is.
 */
export function deriveOutcomes(ledger: readonly LedgerRow[], asOf: Date, horizonDays = 365, thresholdDays = 90): Map<string, boolean> {
  const start = Math.floor(asOf.getTime() / 86_400_000);
  const end = start + horizonDays;
  const byCustomer = new Map<string, LedgerRow[]>();
  for (const r of ledger) {
    const list = byCustomer.get(r.customerId);
    if (list) list.push(r);
    else byCustomer.set(r.customerId, [r]);
  }
  const out = new Map<string, boolean>();
  const endDate = new Date(end * 86_400_000);
  for (const [id, rows] of byCustomer) {
    let defaulted = false;
    for (const inv of settleLedger(rows, endDate).invoices) {
      if (inv.disputed) continue;
      const writtenOffDay = inv.writtenOff > 0 ? (inv.row.writtenOffDate !== undefined ? toDay(inv.row.writtenOffDate) : end) : undefined;
      if (writtenOffDay !== undefined && writtenOffDay >= start) {
        defaulted = true;
        break;
      }
      const t90 = inv.dueDay + thresholdDays;
      if (t90 > end) continue;
      const settled = inv.open > 0 ? Infinity : (inv.settledDay ?? Infinity);
      if (settled > Math.max(t90, start)) {
        defaulted = true;
        break;
      }
    }
    out.set(id, defaulted);
  }
  return out;
}

function fmtPd(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
