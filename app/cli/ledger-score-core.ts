import { assessCustomer } from '../../analysis/scoring/assess-customer.js';
import type { LedgerFeatureOptions } from '../../analysis/scoring/ledger-features.js';
import type { Weights } from '../../analysis/scoring/weights.js';
import type { LineRow } from '../../collectors/ledger/group-customers.js';
import { mergeRepeatedRows } from '../../collectors/ledger/merge-rows.js';
import type { LedgerIssue } from '../../collectors/ledger/read-ledger-file.js';
import type { Policy } from '../../platform/config/policy.js';
import type { Assessment, LedgerRow } from '../../platform/schemas/index.js';

export type ScoreFormat = 'jsonl' | 'text';

/** Everything that decides a customer's output line; plain data, so that a worker thread gets the same. */
export interface ScoreSettings {
  asOf: string;
  policy: Policy;
  weights?: Weights;
  order?: number;
  ledgerOptions: LedgerFeatureOptions;
  format: ScoreFormat;
}

/** One customer's rows (already merged) → its output line. */
export function lineScorer(settings: ScoreSettings): (customerId: string, rows: LedgerRow[]) => string {
  const asOf = new Date(settings.asOf);
  const format = settings.format === 'jsonl' ? (a: Assessment) => JSON.stringify(a) : formatText;
  const { policy, weights, order, ledgerOptions } = settings;
  return (customerId, rows) => {
    const name = rows.find((r) => r.customerName)?.customerName ?? customerId;
    return format(assessCustomer({ customer: { id: customerId, name }, ledger: rows, signals: [], asOf, policy, weights, orderAmount: order, ledgerOptions }));
  };
}

/**
 * One customer's rows as read (repeated rows of an invoice not yet merged) → its output line and
 * the merge's issues, as readLedgerFileGroups reports them.
 */
export function groupScorer(settings: ScoreSettings): (items: LineRow[]) => { line: string; issues: LedgerIssue[] } {
  const score = lineScorer(settings);
  return (items) => {
    const merged = mergeRepeatedRows(items);
    const issues: LedgerIssue[] = merged.errors.length + merged.warnings.length === 0 ? [] : [...merged.errors, ...merged.warnings.map((w) => ({ ...w, warning: true }))];
    return { line: score(items[0]!.row.customerId, merged.rows), issues };
  };
}

export function formatText(a: Assessment): string {
  const t = a.terms;
  const terms = `${t.kind}${t.netDays ? ` ${t.netDays}d` : ''}${t.advancePercent && t.advancePercent < 100 ? ` ${t.advancePercent}%` : ''}${t.creditLimit ? ` limit ${t.currency} ${t.creditLimit}` : ''}`;
  return `${a.grade}  ${a.score.toFixed(1).padStart(5)}  ${(a.pd * 100).toFixed(1).padStart(5)} %  ${a.customerId}  ${a.name}  ${terms}`;
}
