import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, type SettlementOptions } from './ledger-settlement.js';

/** Money per currency: a portfolio may invoice in CHF, EUR and GBP at once, never summed across. */
export type Amounts = Record<string, number>;

/**
 * One customer's receivables as they stood on a day, with the ledger's meaning (settleLedger): a
 * cash discount taken in time is not open, credit notes reduce what is owed, write-offs are no
 * longer receivable, disputed invoices are open but not overdue.
 */
export interface OpenItemsSummary {
  /** Invoices issued up to the day (credit notes are not invoices). */
  invoices: number;
  /** What is still owed, per currency, less the customer's unused credit. */
  open: Amounts;
  /** The open part past its due date (disputed invoices excluded). */
  overdue: Amounts;
  /** Invoices settled by payment, and those whose last payment came after the due date. */
  paid: number;
  paidLate: number;
  /** Credit notes not used up by an invoice: the customer's credit balance. */
  credit: Amounts;
}

const DAY_MS = 86_400_000;

/** Pure: open and overdue receivables of one customer's rows on `asOf` (the portfolio's and exposure's figures). */
export function summarizeOpenItems(rows: readonly LedgerRow[], asOf: Date, options: SettlementOptions = DEFAULT_SETTLEMENT_OPTIONS): OpenItemsSummary {
  const today = Math.floor(asOf.getTime() / DAY_MS);
  const settled = settleLedger(rows, asOf, options);
  const s: OpenItemsSummary = { invoices: settled.invoices.length, open: {}, overdue: {}, paid: 0, paidLate: 0, credit: {} };
  for (const inv of settled.invoices) {
    const cur = inv.row.currency;
    if (inv.open > 0) {
      add(s.open, cur, inv.open);
      if (!inv.disputed && inv.dueDay < today) add(s.overdue, cur, inv.open);
    } else if (inv.paid > 0) {
      s.paid++;
      const last = inv.parts[inv.parts.length - 1];
      if (last !== undefined && last.day > inv.dueDay) s.paidLate++;
    }
  }
  if (settled.unappliedCredit > 0) {
    // The credit is in the currency of the customer's credit notes (the first one's when mixed).
    const cur = settled.creditNotes[0]!.row.currency;
    const open = s.open[cur] ?? 0;
    const used = Math.min(open, settled.unappliedCredit);
    if (used > 0) {
      setRounded(s.open, cur, open - used);
      if (s.overdue[cur] !== undefined) setRounded(s.overdue, cur, Math.min(s.overdue[cur]!, s.open[cur] ?? 0));
    }
    if (settled.unappliedCredit - used > 0) add(s.credit, cur, settled.unappliedCredit - used);
  }
  for (const a of [s.open, s.overdue, s.credit]) for (const k of Object.keys(a)) a[k] = round2(a[k]!);
  return s;
}

function add(into: Amounts, currency: string, amount: number): void {
  if (amount > 0) into[currency] = (into[currency] ?? 0) + amount;
}

function setRounded(into: Amounts, currency: string, amount: number): void {
  if (amount > 0.005) into[currency] = amount;
  else delete into[currency];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
