import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, toDay, type SettlementOptions } from './ledger-settlement.js';

const DAY_MS = 86_400_000;

/** Windows and tolerances of the ledger features; defaults suit monthly-invoicing B2B ledgers. */
export interface LedgerFeatureOptions extends SettlementOptions {
  /** Paid invoices due longer ago than this are ignored (open ones always count). */
  lookbackDays: number;
  /** Invoices due within this many days before asOf form the "recent" half of the trend. */
  recentDays: number;
  /** A payment this many days after the due date still counts as on time. */
  toleranceDays: number;
}

export const DEFAULT_LEDGER_OPTIONS: LedgerFeatureOptions = {
  lookbackDays: 730,
  recentDays: 90,
  toleranceDays: 5,
  ...DEFAULT_SETTLEMENT_OPTIONS,
};

/** Payment behaviour of one customer as of one date, with the invoice ids behind each figure. */
export interface LedgerFeatures {
  invoiceCount: number;
  /** Invoices whose due date has passed or that are paid: the ones that say something about behaviour. */
  maturedCount: number;
  /** Open amount as of asOf, including invoices not yet due, less unapplied credit notes. */
  exposure: number;
  openOverdueAmount: number;
  /** Open amount the customer disputes (in the exposure, never counted as late). */
  disputedAmount: number;
  /** Share of the exposure more than 30 days overdue (the terms policy's "seriously overdue"). */
  overdue30Share: number;
  /**
   * Share of the exposure overdue, each amount counted from 0 at the tolerance to fully at
   * 30 days beyond it; 0 without exposure.
   */
  overdueShare: number;
  /** Amount-weighted days beyond terms over matured invoices; open ones count with their current delay. */
  daysBeyondTerms: number;
  recentDaysBeyondTerms: number | null;
  olderDaysBeyondTerms: number | null;
  /** recent − older days beyond terms; 0 unless both halves exist. */
  trendDays: number;
  /** Share of matured invoices paid late or still open past the tolerance. */
  shareLate: number;
  /**
   * How much of what fell due was not paid, amount-weighted over the matured invoices: still open,
   * written off, or settled by a credit note dated after the due date (a concession or a balance
   * carried forward instead of money). Credit notes up to the due date correct the bill; cash
   * discounts count as paid; disputed invoices are left out.
   */
  unpaidShare: number;
  worstDelayDays: number;
  /** Days the oldest materially open invoice is past due (the aging list's top line); 0 when nothing is overdue. */
  oldestOverdueDays: number;
  maxDunningLevel: number;
  collectionCases: number;
  /** Invoices written off as uncollectable, and the amount lost. */
  writeOffCount: number;
  writtenOffAmount: number;
  /** Invoices settled in full within the tolerance: the track record that earns leniency. */
  paidOnTimeCount: number;
  /** Invoices settled with a cash discount, and credit notes considered: what the ledger's meaning changed. */
  discountCount: number;
  creditNoteCount: number;
  /** Average amount invoiced per month over the last 12 months, net of credit notes (for the credit limit). */
  monthlyVolume: number;
  /** Most frequent currency in the ledger, if any. */
  currency?: string;
  evidence: {
    late: string[];
    overdue: string[];
    worst: string[];
    dunning: string[];
    collection: string[];
    writtenOff: string[];
    discount: string[];
    disputed: string[];
    unpaid: string[];
  };
}

export { toDay };

interface Part {
  id: string;
  amount: number; // weight
  delay: number; // days beyond terms (current delay for open amounts)
  dueDay: number;
}

/** Newest first, ties by id: evidence lists and float sums then never depend on input order. */
function byDueDesc(a: LedgerRow, b: LedgerRow): number {
  return a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0;
}

/**
 * A copy in byDueDesc order. Exports usually list invoices by date, so a ledger already in that
 * order or in its exact reverse is copied or reversed instead of sorted; the order is total
 * (due date, then invoice id) unless a pair repeats, so the three give the same rows in the same order.
 */
function sortedByDueDesc(ledger: readonly LedgerRow[]): LedgerRow[] {
  let down = true;
  let up = true;
  for (let i = 1; i < ledger.length && (down || up); i++) {
    const c = byDueDesc(ledger[i - 1]!, ledger[i]!);
    if (c >= 0) down = false;
    if (c <= 0) up = false;
  }
  if (down) return ledger.slice();
  if (up) return ledger.slice().reverse();
  return [...ledger].sort(byDueDesc);
}

/** Pure: the ledger as it looked on asOf (payments, credits and write-offs after asOf are not yet known). */
export function computeLedgerFeatures(
  ledger: readonly LedgerRow[],
  asOf: Date,
  options: LedgerFeatureOptions = DEFAULT_LEDGER_OPTIONS,
): LedgerFeatures {
  const today = Math.floor(asOf.getTime() / DAY_MS);
  const settlement = settleLedger(sortedByDueDesc(ledger), asOf, options);
  const parts: Part[] = [];
  const currencies = new Map<string, number>();
  const ev: LedgerFeatures['evidence'] = { late: [], overdue: [], worst: [], dunning: [], collection: [], writtenOff: [], discount: [], disputed: [], unpaid: [] };
  let invoiceCount = 0;
  let exposure = 0;
  let openOverdue = 0;
  let disputedAmount = 0;
  let overdueBeyondTolerance = 0;
  let overdue30 = 0;
  let oldestOverdue = 0;
  let maxDunning = 0;
  let collectionCases = 0;
  let writeOffCount = 0;
  let writtenOffAmount = 0;
  let paidOnTime = 0;
  let discountCount = 0;
  let volume12m = 0;
  let firstIssue = Infinity;
  let maturedOwed = 0;
  let maturedUnpaid = 0;

  for (const inv of settlement.invoices) {
    const row = inv.row;
    const { issueDay, dueDay } = inv;
    const isOpen = inv.open > 0;
    if (!isOpen && today - dueDay > options.lookbackDays) continue;

    invoiceCount += 1;
    currencies.set(row.currency, (currencies.get(row.currency) ?? 0) + 1);
    if (today - issueDay < 365) {
      volume12m += row.amount;
      firstIssue = Math.min(firstIssue, issueDay);
    }
    if (row.dunningLevel > 0) {
      if (row.dunningLevel > maxDunning) {
        maxDunning = row.dunningLevel;
        ev.dunning = [];
      }
      if (row.dunningLevel === maxDunning) ev.dunning.push(row.invoiceId);
    }
    if (row.collection) {
      collectionCases += 1;
      ev.collection.push(row.invoiceId);
    }
    if (inv.discount > 0) {
      discountCount += 1;
      ev.discount.push(row.invoiceId);
    }
    if (inv.writtenOff > 0) {
      writeOffCount += 1;
      writtenOffAmount += inv.writtenOff;
      ev.writtenOff.push(row.invoiceId);
    }
    if (isOpen) exposure += inv.open;
    if (inv.disputed) {
      // Disputed: what is open is exposure, but neither the payments nor the wait are behaviour.
      if (isOpen) {
        disputedAmount += inv.open;
        ev.disputed.push(row.invoiceId);
      }
      continue;
    }

    for (const p of inv.parts) parts.push({ id: row.invoiceId, amount: p.amount, delay: Math.max(0, p.day - dueDay), dueDay });
    if (inv.writtenOff > 0) {
      // Never paid: the written-off part waited from the due date until it was given up.
      const day = row.writtenOffDate !== undefined ? Math.min(today, toDay(row.writtenOffDate)) : today;
      parts.push({ id: row.invoiceId, amount: inv.writtenOff, delay: Math.max(0, day - dueDay), dueDay });
    }
    // On time: the money came within the tolerance. A credit note is never late, so its date does
    // not make the invoice late (only an invoice settled by credit alone is judged by that date).
    const settledBy = inv.parts.length > 0 ? inv.parts[inv.parts.length - 1]!.day : inv.settledDay;
    if (!isOpen && inv.writtenOff === 0 && settledBy !== undefined && settledBy - dueDay <= options.toleranceDays) paidOnTime += 1;
    if (today - dueDay > options.toleranceDays) {
      const owed = row.amount - (inv.credited - inv.creditedAfterDue);
      const unpaid = Math.min(owed, inv.open + inv.creditedAfterDue + inv.writtenOff);
      if (owed > 0) {
        maturedOwed += owed;
        maturedUnpaid += Math.max(0, unpaid);
        if (unpaid > owed * options.roundingShare) ev.unpaid.push(row.invoiceId);
      }
    }
    if (isOpen && dueDay < today) {
      openOverdue += inv.open;
      // Phased in over the month after the tolerance: a few days late is not yet a problem.
      overdueBeyondTolerance += inv.open * Math.min(1, Math.max(0, today - dueDay - options.toleranceDays) / 30);
      if (today - dueDay > 30) overdue30 += inv.open;
      // A short payment's small rest (an unjustified discount) is owed, but does not age the customer.
      if (inv.open > row.amount * options.maxDiscountShare) oldestOverdue = Math.max(oldestOverdue, today - dueDay);
      ev.overdue.push(row.invoiceId);
      // Open and due: counts with its current delay, exactly as much as a paid invoice would.
      parts.push({ id: row.invoiceId, amount: inv.open, delay: today - dueDay, dueDay });
    }
  }
  for (const c of settlement.creditNotes) {
    if (today - c.day < 365) volume12m -= c.amount;
  }
  exposure = Math.max(0, exposure - settlement.unappliedCredit);

  const late = new Map<string, number>(); // invoice id → its largest delay
  const matured = new Set<string>();
  let worst = 0;
  let sumW = 0;
  let sumWD = 0;
  const recent = { w: 0, wd: 0 };
  const older = { w: 0, wd: 0 };
  for (const p of parts) {
    matured.add(p.id);
    sumW += p.amount;
    sumWD += p.amount * p.delay;
    const half = today - p.dueDay <= options.recentDays ? recent : older;
    half.w += p.amount;
    half.wd += p.amount * p.delay;
    if (p.delay > options.toleranceDays) late.set(p.id, Math.max(p.delay, late.get(p.id) ?? 0));
    if (p.delay > worst) {
      worst = p.delay;
      ev.worst = [p.id];
    } else if (p.delay === worst && worst > 0 && !ev.worst.includes(p.id)) ev.worst.push(p.id);
  }
  // Evidence leads with what matters most: the longest delays, the oldest overdue invoices.
  ev.late = [...late].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  ev.overdue.reverse();
  const recentDbt = recent.w > 0 ? recent.wd / recent.w : null;
  const olderDbt = older.w > 0 ? older.wd / older.w : null;
  const months = firstIssue === Infinity ? 12 : Math.min(12, Math.max(1, (today - firstIssue) / 30.44));

  return {
    invoiceCount,
    maturedCount: matured.size,
    exposure: round2(exposure),
    openOverdueAmount: round2(openOverdue),
    disputedAmount: round2(disputedAmount),
    overdueShare: exposure > 0 ? Math.min(1, overdueBeyondTolerance / exposure) : 0,
    overdue30Share: exposure > 0 ? Math.min(1, overdue30 / exposure) : 0,
    daysBeyondTerms: sumW > 0 ? sumWD / sumW : 0,
    recentDaysBeyondTerms: recentDbt,
    olderDaysBeyondTerms: olderDbt,
    trendDays: recentDbt !== null && olderDbt !== null ? recentDbt - olderDbt : 0,
    shareLate: matured.size > 0 ? late.size / matured.size : 0,
    unpaidShare: maturedOwed > 0 ? Math.min(1, maturedUnpaid / maturedOwed) : 0,
    worstDelayDays: worst,
    oldestOverdueDays: oldestOverdue,
    maxDunningLevel: maxDunning,
    collectionCases,
    writeOffCount,
    writtenOffAmount: round2(writtenOffAmount),
    paidOnTimeCount: paidOnTime,
    discountCount,
    creditNoteCount: settlement.creditNotes.length,
    monthlyVolume: round2(Math.max(0, volume12m) / months),
    currency: dominant(currencies),
    evidence: ev,
  };
}

function dominant(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, v] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return best;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
