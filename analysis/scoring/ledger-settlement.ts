import type { LedgerRow } from '../../platform/schemas/ledger.js';

/**
 * What a receivables ledger means, as an accountant reads it (pure; documented in the README
 * under "What the ledger means"):
 *
 * - cash discount: an invoice paid within its discount period (discount_days after issue, or
 *   the due date when the export does not say) with a shortfall of at most the discount share
 *   (discount_percent, or `maxDiscountShare`, default 3 %) is settled in full;
 * - credit notes (negative amounts) reduce the invoice named in `reference`; without one they
 *   are netted against the customer's oldest open invoices; they are never late;
 * - partial payments each count with their own date (the delay is weighted by amount), and a
 *   bank payment's booking date replaces the date the ledger gives for the same money;
 * - write-offs settle the written-off part, but as a loss (the strongest negative signal);
 * - disputed invoices stay open but are not late payment.
 */
export interface SettlementOptions {
  /** Shortfall share of an invoice that counts as a cash discount when paid in its discount period. */
  maxDiscountShare: number;
  /** Remainders up to this share of an invoice (rounding, bank fees) do not keep it open. */
  roundingShare: number;
}

export const DEFAULT_SETTLEMENT_OPTIONS: SettlementOptions = { maxDiscountShare: 0.03, roundingShare: 0.005 };

const DAY_MS = 86_400_000;
/** Allowance on top of a stated discount percent: discounts are rounded to the cent or franc. */
const STATED_DISCOUNT_SLACK = 0.005;

/** Days since the Unix epoch of an ISO date (YYYY-MM-DD is UTC by definition). */
export function toDay(isoDate: string): number {
  // Hot: called for every date of every row; Date.parse is several times slower.
  if (isoDate.length === 10 && isoDate.charCodeAt(4) === 45 && isoDate.charCodeAt(7) === 45) {
    const y = digits(isoDate, 0, 4);
    const m = digits(isoDate, 5, 7);
    const d = digits(isoDate, 8, 10);
    if (y > 0 && m >= 1 && m <= 12 && d >= 1) return daysFromCivil(y, m, d);
  }
  return Math.floor(Date.parse(isoDate) / DAY_MS);
}

function digits(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** One payment part that says when money arrived (undated amounts count as paid but not as behaviour). */
export interface PaymentPart {
  day: number;
  amount: number;
}

export interface SettledInvoice {
  row: LedgerRow;
  issueDay: number;
  dueDay: number;
  /** Credit notes applied to it (by reference or netted) up to asOf. */
  credited: number;
  /**
   * The part of `credited` dated after the due date: credit that settled what was owed instead of
   * money (a concession on an overdue bill, a balance carried forward), not a correction of the bill.
   */
  creditedAfterDue: number;
  /** Paid up to asOf, never more than the invoice less its credits. */
  paid: number;
  /** Dated payments up to asOf, oldest first (capped like `paid`). */
  parts: PaymentPart[];
  /** Cash discount recognised (stated by the export or inferred). */
  discount: number;
  writtenOff: number;
  /** What is still owed on asOf (0 when settled). */
  open: number;
  /** The day the invoice became settled, when it is. */
  settledDay?: number;
  disputed: boolean;
}

export interface SettledCreditNote {
  row: LedgerRow;
  day: number;
  amount: number;
  /** The invoice it was applied to by reference, if any. */
  appliedTo?: string;
}

export interface LedgerSettlement {
  invoices: SettledInvoice[];
  creditNotes: SettledCreditNote[];
  /** Credit left after netting: the customer's credit balance, which reduces exposure. */
  unappliedCredit: number;
}

/**
 * Pure: one customer's rows as they stood on `asOf` (later payments, credits and write-offs
 * are not yet known). Rows issued after asOf are left out. Invoices come back in input order.
 */
export function settleLedger(
  rows: readonly LedgerRow[],
  asOf: Date,
  options: SettlementOptions = DEFAULT_SETTLEMENT_OPTIONS,
): LedgerSettlement {
  const today = Math.floor(asOf.getTime() / DAY_MS);
  const invoices: SettledInvoice[] = [];
  const creditNotes: SettledCreditNote[] = [];
  let byId: Map<string, SettledInvoice> | undefined;
  for (const row of rows) {
    const issueDay = toDay(row.issueDate);
    if (issueDay > today || row.amount === 0) continue;
    if (row.amount < 0) {
      creditNotes.push({ row, day: issueDay, amount: -row.amount });
      continue;
    }
    invoices.push(settlePayments(row, issueDay, today));
  }

  // Credit notes: first to the invoice they name, then netted against the oldest open invoices.
  let unapplied = 0;
  const netted: SettledCreditNote[] = [];
  for (const c of creditNotes) {
    const ref = c.row.reference;
    if (ref !== undefined) {
      byId ??= new Map(invoices.map((i) => [i.row.invoiceId, i]));
      const target = byId.get(ref);
      if (target) {
        const take = Math.min(c.amount, Math.max(0, target.row.amount - target.credited - target.paid));
        target.credited += take;
        if (c.day > target.dueDay) target.creditedAfterDue += take;
        c.appliedTo = ref;
        if (c.amount - take > 0) unapplied += c.amount - take;
        target.settledDay = Math.max(target.settledDay ?? -Infinity, c.day);
        continue;
      }
    }
    netted.push(c);
  }
  for (const inv of invoices) settleRest(inv, today, options);
  if (netted.length > 0) {
    let credit = netted.reduce((s, c) => s + c.amount, 0);
    const lastCreditDay = Math.max(...netted.map((c) => c.day));
    const open = invoices.filter((i) => i.open > 0).sort((a, b) => a.dueDay - b.dueDay || cmp(a.row.invoiceId, b.row.invoiceId));
    for (const inv of open) {
      if (credit <= 0) break;
      const take = Math.min(credit, inv.open);
      inv.credited += take;
      if (lastCreditDay > inv.dueDay) inv.creditedAfterDue += take;
      credit -= take;
      inv.settledDay = Math.max(inv.settledDay ?? -Infinity, lastCreditDay);
      // The netted credit may leave exactly a discount's shortfall: judge the rest again.
      inv.discount = 0;
      settleRest(inv, today, options);
    }
    unapplied += credit;
  }
  return { invoices, creditNotes, unappliedCredit: round2(unapplied) };
}

/** Payments known on `today`, bank dates first: the bank's booking date is the truth for the same money. */
function settlePayments(row: LedgerRow, issueDay: number, today: number): SettledInvoice {
  const inv: SettledInvoice = {
    row,
    issueDay,
    dueDay: toDay(row.dueDate),
    credited: 0,
    creditedAfterDue: 0,
    paid: 0,
    parts: [],
    discount: 0,
    writtenOff: 0,
    open: 0,
    disputed: row.disputed === true,
  };
  if (row.payments && row.payments.length > 0) {
    let bankTotal = 0;
    for (const p of row.payments) if (p.source === 'bank') bankTotal += p.amount;
    // Ledger payments up to the bank's total are the same money, booked later by the accountant.
    let replaced = bankTotal;
    const ledgerPayments = row.payments.filter((p) => p.source !== 'bank').sort((a, b) => cmp(a.date, b.date));
    for (const p of row.payments) {
      if (p.source === 'bank') addPart(inv, toDay(p.date), p.amount, today);
    }
    for (const p of ledgerPayments) {
      const same = Math.min(replaced, p.amount);
      replaced -= same;
      if (p.amount - same > 0) addPart(inv, toDay(p.date), p.amount - same, today);
    }
  } else if (row.paidAmount > 0) {
    if (row.paidDate !== undefined) addPart(inv, toDay(row.paidDate), row.paidAmount, today);
    else inv.paid += row.paidAmount; // an amount without a date: paid, but says nothing about timing
  }
  if (inv.parts.length > 1) inv.parts.sort((a, b) => a.day - b.day);
  return inv;
}

function addPart(inv: SettledInvoice, day: number, amount: number, today: number): void {
  if (day > today || !(amount > 0)) return;
  inv.paid += amount;
  inv.parts.push({ day, amount });
}

/** Caps payments at what is owed, then recognises a discount, a write-off and rounding remainders. */
function settleRest(inv: SettledInvoice, today: number, options: SettlementOptions): void {
  const row = inv.row;
  const owed = Math.max(0, row.amount - inv.credited);
  if (inv.paid > owed) capParts(inv, owed);
  let rest = owed - inv.paid;
  const lastPayment = inv.parts.length > 0 ? inv.parts[inv.parts.length - 1]!.day : undefined;
  if (rest > 0 && row.discountAmount !== undefined && row.discountAmount > 0) {
    inv.discount = Math.min(rest, row.discountAmount);
    rest -= inv.discount;
  } else if (rest > owed * options.roundingShare && lastPayment !== undefined) {
    const share = row.discountPercent !== undefined ? row.discountPercent / 100 + STATED_DISCOUNT_SLACK : options.maxDiscountShare;
    const deadline = row.discountDays !== undefined ? inv.issueDay + row.discountDays : inv.dueDay;
    if (rest <= owed * share && lastPayment <= deadline) {
      inv.discount = rest;
      rest = 0;
    }
  }
  if (rest > 0 && row.writtenOff !== undefined && row.writtenOff > 0) {
    const writtenOffDay = row.writtenOffDate !== undefined ? toDay(row.writtenOffDate) : today;
    if (writtenOffDay <= today) {
      inv.writtenOff = Math.min(rest, row.writtenOff);
      rest -= inv.writtenOff;
    }
  }
  if (rest <= owed * options.roundingShare) rest = 0;
  inv.open = round2(rest);
  if (inv.open === 0) {
    const days = [inv.settledDay ?? -Infinity, lastPayment ?? -Infinity];
    if (inv.writtenOff > 0) days.push(row.writtenOffDate !== undefined ? toDay(row.writtenOffDate) : today);
    const day = Math.max(...days);
    // Settled by an undated payment only: when is unknown; the due date is the neutral guess.
    inv.settledDay = Number.isFinite(day) ? day : inv.dueDay;
  } else inv.settledDay = undefined;
}

/** Overpaid (or paid more than the credited invoice): keep the earliest payments up to what was owed. */
function capParts(inv: SettledInvoice, owed: number): void {
  const undated = inv.paid - inv.parts.reduce((s, p) => s + p.amount, 0);
  let room = Math.max(0, owed - undated);
  const kept: PaymentPart[] = [];
  for (const p of inv.parts) {
    if (room <= 0) break;
    const amount = Math.min(room, p.amount);
    kept.push({ day: p.day, amount });
    room -= amount;
  }
  inv.parts = kept;
  inv.paid = owed;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
