import type { Policy } from '../../platform/config/policy.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { assessLedger, inferAsOf } from './assess-ledger.js';
import { deriveOutcomes, runBacktest, type BacktestReport } from './backtest.js';
import { toDay } from './ledger-features.js';
import type { Weights } from './weights.js';

export interface EvaluationSet {
  asOf: Date;
  outcomes: Map<string, boolean>;
  /** True when outcomes came from the ledger (90+ days overdue within 12 months after asOf). */
  derived: boolean;
}

/**
 * Who is evaluated, as of when, against which outcome. With an outcomes file: every customer
 * in it, as of the ledger's date unless given. Without: outcomes are read from the ledger's
 * following 12 months, so asOf defaults to a year before the ledger's latest date and only
 * customers already known on asOf count.
 */
export function prepareEvaluation(rows: readonly LedgerRow[], outcomes: Map<string, boolean> | undefined, asOf: Date | undefined): EvaluationSet {
  if (outcomes) {
    const at = asOf ?? inferAsOf(rows);
    if (!at) throw new Error('the ledger has no rows, so there is no date to evaluate as of (give --as-of)');
    return { asOf: at, outcomes, derived: false };
  }
  const latest = inferAsOf(rows);
  if (!latest) throw new Error('the ledger has no rows to derive outcomes from');
  const at = asOf ?? new Date(latest.getTime() - 366 * 86_400_000);
  const day = Math.floor(at.getTime() / 86_400_000);
  const known = new Set(rows.filter((r) => toDay(r.issueDate) <= day).map((r) => r.customerId));
  const derived = deriveOutcomes(rows, at);
  for (const id of [...derived.keys()]) if (!known.has(id)) derived.delete(id);
  return { asOf: at, outcomes: derived, derived: true };
}

export interface LedgerBacktest extends BacktestReport {
  asOf: string;
  modelVersion: string;
  /** linear or monotone; `untrained` for the shipped scorecard. */
  model: string;
  derivedOutcomes: boolean;
}

/**
 * The models a backtest compares: the shipped untrained scorecard, and with a weights file from
 * `train` the model it chose and the alternative it fitted (linear and monotone).
 */
export function modelsToCompare(weights: Weights | undefined): Array<Weights | undefined> {
  if (!weights) return [undefined];
  return [undefined, weights, ...(weights.alternative ? [{ ...weights.alternative }] : [])];
}

/** Scores every evaluated customer from the ledger as of asOf (no later information) and compares with outcomes. */
export function backtestLedger(rows: readonly LedgerRow[], set: EvaluationSet, policy: Policy, weights?: Weights, bands = 10): LedgerBacktest {
  const ids = [...set.outcomes.keys()];
  const assessments = assessLedger({ rows, asOf: set.asOf, policy, weights, extraCustomerIds: ids, texts: false });
  const scored = assessments
    .filter((a) => set.outcomes.has(a.customerId))
    .map((a) => ({ customerId: a.customerId, pd: a.pd, grade: a.grade, defaulted: set.outcomes.get(a.customerId)! }));
  return {
    asOf: set.asOf.toISOString().slice(0, 10),
    modelVersion: assessments[0]?.modelVersion ?? weights?.version ?? 'none',
    model: weights ? `${weights.trainedOn ? 'trained ' : ''}${weights.kind}` : 'untrained',
    derivedOutcomes: set.derived,
    ...runBacktest(scored, bands),
  };
}
