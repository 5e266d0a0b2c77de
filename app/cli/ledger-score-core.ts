import { assessCustomer } from '../../analysis/scoring/assess-customer.js';
import type { LedgerFeatureOptions } from '../../analysis/scoring/ledger-features.js';
import type { Weights } from '../../analysis/scoring/weights.js';
import type { LineRow } from '../../collectors/ledger/group-customers.js';
import { mergeRepeatedRows } from '../../collectors/ledger/merge-rows.js';
import type { LedgerIssue } from '../../collectors/ledger/read-ledger-file.js';
import type { Policy } from '../../platform/config/policy.js';
import { describeReason, describeStep, speaker, type Language } from '../../platform/i18n/index.js';
import type { Assessment, LedgerRow } from '../../platform/schemas/index.js';

export const SCORE_FORMATS = ['jsonl', 'text', 'csv'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** Everything that decides a customer's output line; plain data, so that a worker thread gets the same. */
export interface ScoreSettings {
  asOf: string;
  policy: Policy;
  weights?: Weights;
  order?: number;
  ledgerOptions: LedgerFeatureOptions;
  format: ScoreFormat;
  /** The language and locale of the csv format's texts (decision, reasons, next step). */
  lang?: { lang: Language; locale: string };
}

/** The csv format's first line. */
export const CSV_HEADER = 'customer_id,name,grade,score,pd,terms,net_days,advance_percent,credit_limit,currency,open,overdue,decision,reasons,next_step';

/** One customer's rows (already merged) → its output line. */
export function lineScorer(settings: ScoreSettings): (customerId: string, rows: LedgerRow[]) => string {
  const asOf = new Date(settings.asOf);
  const format = settings.format === 'jsonl' ? (a: Assessment) => JSON.stringify(a) : settings.format === 'csv' ? csvFormatter(settings.lang) : formatText;
  // The English and German texts are part of the JSON lines only; the other formats render what they show.
  const texts = settings.format === 'jsonl';
  const { policy, weights, order, ledgerOptions } = settings;
  return (customerId, rows) => {
    const name = rows.find((r) => r.customerName)?.customerName ?? customerId;
    return format(assessCustomer({ customer: { id: customerId, name }, ledger: rows, signals: [], asOf, policy, weights, orderAmount: order, ledgerOptions, texts }));
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

/**
 * One row per customer for a spreadsheet: the figures, the terms, and the decision, its reasons
 * and the next step in one language. Reasons in favour are listed only when credit is granted
 * (as in the JSON's texts). Text cells that a spreadsheet would run as a formula get a leading '.
 */
function csvFormatter(lang: ScoreSettings['lang']): (a: Assessment) => string {
  const s = speaker(lang?.lang ?? 'en', lang?.locale);
  return (a) => {
    const t = a.terms;
    const grants = t.kind === 'open_account' || t.kind === 'short_terms';
    let decision = '';
    const reasons: string[] = [];
    for (const r of t.reasonCodes ?? []) {
      if (r.stance === 'decision') decision = describeReason(r, s);
      else if (r.stance === 'against' || grants) reasons.push(describeReason(r, s));
    }
    return [
      csvText(a.customerId),
      csvText(a.name),
      a.grade,
      a.score,
      a.pd,
      t.kind,
      t.netDays ?? '',
      t.advancePercent ?? '',
      t.creditLimit ?? '',
      t.currency,
      a.exposure?.open ?? '',
      a.exposure?.overdue ?? '',
      csvText(decision),
      csvText(reasons.join(' ')),
      csvText(a.nextStep ? describeStep(a.nextStep, s) : ''),
    ].join(',');
  };
}

function csvText(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
