import type { LedgerRow } from '../../platform/schemas/index.js';
import type { BankCredit } from './parse-camt.js';

export type MatchRule = 'reference' | 'invoice_number' | 'amount_and_customer';

export interface BankMatch {
  credit: BankCredit;
  invoice: LedgerRow;
  rule: MatchRule;
  /**
   * What the invoice is still short after this payment: a cash discount when the customer paid
   * within the discount period and the shortfall is at most the discount share (the ledger then
   * reads the invoice as settled in full), otherwise a short payment whose rest stays open.
   */
  shortfall?: { amount: number; share: number; discount: boolean };
}

export interface BankMatchOptions {
  /** Shortfall share that counts as an unstated cash discount when paid in time (config ledger.maxDiscountShare). */
  maxDiscountShare: number;
}

/** The same allowances the ledger's settlement uses (analysis/scoring/ledger-settlement.ts). */
const ROUNDING_SHARE = 0.005;
const STATED_DISCOUNT_SLACK = 0.005;

export interface BankMatchResult {
  matches: BankMatch[];
  unmatched: BankCredit[];
  /** Invoices with the bank payments added (each once, even when several credits paid it). */
  updated: LedgerRow[];
}

/** QR and ISR references are numeric with leading zeros; RF references are compared as written. */
export function normaliseReference(ref: string): string {
  const compact = ref.replace(/\s+/g, '').toUpperCase();
  return /^\d+$/.test(compact) ? compact.replace(/^0+/, '') : compact;
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(ag|sa|gmbh|sarl|ltd|plc|kg|co|inc)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Bank credits → the invoices they pay, by the strongest evidence first: the payment reference
 * printed on the invoice (QR reference, ISR, RF), then the invoice number in the remittance text,
 * then the amount together with the customer's name (only when exactly one open invoice of that
 * customer has that amount open — less the credit notes that name it, or less its stated cash
 * discount when paid within the discount period: `payableAmounts`). A credit that matches nothing is reported, never guessed. Each
 * match adds a bank payment dated with the booking date; a credit already on the invoice (same
 * bank reference) is not added twice.
 */
export function matchBankPayments(credits: readonly BankCredit[], invoices: readonly LedgerRow[], options: BankMatchOptions = { maxDiscountShare: 0.03 }): BankMatchResult {
  const byReference = new Map<string, LedgerRow>();
  const byNumber = new Map<string, LedgerRow>();
  for (const inv of invoices) {
    if (inv.amount <= 0) continue;
    if (inv.paymentReference) byReference.set(normaliseReference(inv.paymentReference), inv);
    byNumber.set(inv.invoiceId.toLowerCase(), inv);
  }
  // Credit notes that name their invoice: the customer pays the invoice less them.
  const credited = new Map<string, number>();
  for (const row of invoices) {
    if (row.amount < 0 && row.reference) {
      const key = `${row.customerId}\u0000${row.reference}`;
      credited.set(key, (credited.get(key) ?? 0) - row.amount);
    }
  }
  const numberPattern = invoices.length > 0 ? tokenPattern(invoices.map((i) => i.invoiceId)) : undefined;
  const updated = new Map<string, LedgerRow>();
  const current = (inv: LedgerRow) => updated.get(`${inv.customerId}\u0000${inv.invoiceId}`) ?? inv;
  const matches: BankMatch[] = [];
  const unmatched: BankCredit[] = [];
  for (const credit of credits) {
    let invoice: LedgerRow | undefined;
    let rule: MatchRule | undefined;
    if (credit.reference) {
      invoice = byReference.get(normaliseReference(credit.reference));
      if (invoice) rule = 'reference';
    }
    if (!invoice && numberPattern) {
      const hay = `${credit.text} ${credit.reference ?? ''}`;
      for (const m of hay.matchAll(numberPattern)) {
        const hit = byNumber.get(m[1]!.toLowerCase());
        if (hit) {
          invoice = hit;
          rule = 'invoice_number';
          break;
        }
      }
    }
    if (!invoice && credit.debtorName) {
      const name = fold(credit.debtorName);
      const candidates = invoices.filter((inv) => {
        if (inv.amount <= 0 || inv.currency !== credit.currency) return false;
        return payableAmounts(current(inv), credited.get(`${inv.customerId}\u0000${inv.invoiceId}`) ?? 0, credit.bookingDate).some((a) => Math.abs(a - credit.amount) < 0.005) && name !== '' && fold(inv.customerName ?? inv.customerId).includes(name);
      });
      if (candidates.length === 1) {
        invoice = candidates[0];
        rule = 'amount_and_customer';
      }
    }
    if (!invoice || !rule) {
      unmatched.push(credit);
      continue;
    }
    const before = current(invoice);
    const payments = [...(before.payments ?? (before.paidDate && before.paidAmount > 0 ? [{ date: before.paidDate, amount: before.paidAmount }] : []))];
    if (!payments.some((p) => p.source === 'bank' && p.reference === credit.entryRef)) {
      payments.push({ date: credit.bookingDate, amount: credit.amount, source: 'bank', reference: credit.entryRef });
      payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    const ledgerPaid = payments.filter((p) => p.source !== 'bank').reduce((s, p) => s + p.amount, 0);
    const bankPaid = payments.filter((p) => p.source === 'bank').reduce((s, p) => s + p.amount, 0);
    // The ledger's own payments and the bank's are the same money: paid is the larger of the two.
    const paidAmount = Math.round(Math.max(ledgerPaid, bankPaid) * 100) / 100;
    const lastBank = payments.filter((p) => p.source === 'bank').at(-1)!.date;
    const after: LedgerRow = { ...before, payments, paidAmount, paidDate: lastBank };
    updated.set(`${invoice.customerId}\u0000${invoice.invoiceId}`, after);
    const shortfall = shortfallAfter(after, credited.get(`${invoice.customerId}\u0000${invoice.invoiceId}`) ?? 0, options.maxDiscountShare);
    matches.push({ credit, invoice, rule, ...(shortfall ? { shortfall } : {}) });
  }
  return { matches, unmatched, updated: [...updated.values()] };
}

/**
 * What a customer may transfer to settle an invoice, as an accountant reads it: the open amount
 * after payments and the credit notes that name it, and — paid within the discount period the
 * invoice states (discount_days after issue, else the due date) — that amount less the stated
 * cash discount (discount_amount, or discount_percent rounded to the cent or to 5 Rappen).
 */
export function payableAmounts(inv: LedgerRow, credited: number, bookingDate: string): number[] {
  const open = Math.round((inv.amount - credited - inv.paidAmount) * 100) / 100;
  if (!(open > 0)) return [];
  const out = [open];
  const deadline = inv.discountDays !== undefined ? addDays(inv.issueDate, inv.discountDays) : inv.dueDate;
  if (bookingDate <= deadline) {
    if (inv.discountAmount !== undefined && inv.discountAmount > 0) out.push(Math.round((open - inv.discountAmount) * 100) / 100);
    if (inv.discountPercent !== undefined && inv.discountPercent > 0) {
      const net = open * (1 - inv.discountPercent / 100);
      out.push(Math.round(net * 100) / 100, Math.round(net * 20) / 20);
    }
  }
  return out;
}

/**
 * Pure: what an invoice still lacks once paid as far as `row` says, read as the ledger's settlement
 * reads it — a shortfall of at most the discount share (the stated discount_percent plus half a
 * percent for rounding, else `maxDiscountShare`) with the last payment inside the discount period
 * (discount_days after issue, else the due date) is a cash discount; undefined when nothing is
 * missing beyond rounding.
 */
export function shortfallAfter(row: LedgerRow, credited: number, maxDiscountShare: number): BankMatch['shortfall'] {
  const owed = row.amount - credited;
  const rest = Math.round((owed - row.paidAmount) * 100) / 100;
  if (!(owed > 0) || rest <= owed * ROUNDING_SHARE) return undefined;
  const share = row.discountPercent !== undefined ? row.discountPercent / 100 + STATED_DISCOUNT_SLACK : maxDiscountShare;
  const deadline = row.discountDays !== undefined ? addDays(row.issueDate, row.discountDays) : row.dueDate;
  const lastPayment = row.payments?.at(-1)?.date ?? row.paidDate;
  const booked = row.discountAmount !== undefined && row.discountAmount > 0 && rest <= row.discountAmount + 0.005;
  const discount = booked || (rest <= owed * share && lastPayment !== undefined && lastPayment <= deadline);
  return { amount: rest, share: rest / owed, discount };
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function tokenPattern(ids: readonly string[]): RegExp {
  const escaped = [...new Set(ids)].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
