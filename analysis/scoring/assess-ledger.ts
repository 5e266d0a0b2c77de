import type { Policy } from '../../platform/config/policy.js';
import type { Assessment } from '../../platform/schemas/assessment.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { assessCustomer } from './assess-customer.js';
import type { Weights } from './weights.js';

/** Rows grouped by customer id, in first-seen order. */
export function groupByCustomer(rows: readonly LedgerRow[]): Map<string, LedgerRow[]> {
  const byCustomer = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    const list = byCustomer.get(r.customerId);
    if (list) list.push(r);
    else byCustomer.set(r.customerId, [r]);
  }
  return byCustomer;
}

/** The day after the latest issue or payment date: the date the ledger export evidently describes. */
export function inferAsOf(rows: readonly LedgerRow[]): Date | undefined {
  let latest = '';
  for (const r of rows) {
    if (r.issueDate > latest) latest = r.issueDate;
    if (r.paidDate && r.paidDate > latest) latest = r.paidDate;
  }
  return latest ? new Date(Date.parse(latest) + 86_400_000) : undefined;
}

export interface AssessLedgerInput {
  rows: readonly LedgerRow[];
  asOf: Date;
  policy: Policy;
  weights?: Weights;
  /** The order being decided on, applied to every customer (what-if). */
  orderAmount?: number;
  /** Customers to assess even without rows (scored as new customers). */
  extraCustomerIds?: readonly string[];
  /** Write the English and German texts of factors and reasons (default true); a backtest needs only the numbers. */
  texts?: boolean;
}

/** Ledger alone → one assessment per customer, sorted by customer id. */
export function assessLedger(input: AssessLedgerInput): Assessment[] {
  return [...iterateLedgerAssessments(input)];
}

/** The same, one at a time, so that a caller writing them out never holds them all. */
export function* iterateLedgerAssessments(input: AssessLedgerInput): Generator<Assessment> {
  const groups = groupByCustomer(input.rows);
  for (const id of input.extraCustomerIds ?? []) if (!groups.has(id)) groups.set(id, []);
  const ids = [...groups.keys()].sort();
  for (const id of ids) {
    const ledger = groups.get(id)!;
    const name = ledger.find((r) => r.customerName)?.customerName ?? id;
    yield assessCustomer({
      customer: { id, name },
      ledger,
      signals: [],
      asOf: input.asOf,
      policy: input.policy,
      weights: input.weights,
      orderAmount: input.orderAmount,
      texts: input.texts,
    });
  }
}
