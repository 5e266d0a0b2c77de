import { z } from 'zod';
import { currency, isoDate } from './common.js';

/** One payment towards an invoice: a ledger export's payment rows, or the bank's notification (camt.054 / camt.053). */
export const ledgerPaymentSchema = z.object({
  /** The day the money arrived; for bank payments the booking date, the truth about when a customer paid. */
  date: isoDate,
  amount: z.number().finite(),
  /** Absent for the ledger export's own payments. */
  source: z.enum(['ledger', 'bank']).optional(),
  /** The bank's reference of the entry (AcctSvcrRef), so a bank file imported twice adds nothing. */
  reference: z.string().min(1).optional(),
});
export type LedgerPayment = z.infer<typeof ledgerPaymentSchema>;

/**
 * One invoice or credit note of the user's receivables ledger, as imported. What the fields
 * mean for scoring (cash discounts, credit notes, partial payments, write-offs, disputes) is
 * defined once in analysis/scoring/ledger-settlement.ts and documented in the README.
 */
export const ledgerRowSchema = z.object({
  customerId: z.string().min(1),
  customerName: z.string().optional(),
  invoiceId: z.string().min(1),
  issueDate: isoDate,
  dueDate: isoDate,
  /** Invoiced amount; negative for a credit note (Gutschrift). */
  amount: z.number().finite(),
  currency,
  /** Date of the last payment; with `payments` it is derived from them. */
  paidDate: isoDate.optional(),
  /** Total paid; with `payments` it is their sum. */
  paidAmount: z.number().finite().nonnegative(),
  dunningLevel: z.number().int().min(0).max(3).default(0),
  collection: z.boolean().default(false),
  /** The payment reference printed on the invoice (QR reference, ISR/ESR, RF creditor reference): how the bank's notification names it. */
  paymentReference: z.string().min(1).optional(),
  /** A credit note's invoice (the one it corrects); without it the credit is netted per customer. */
  reference: z.string().min(1).optional(),
  /** Cash discount terms of the invoice when the export states them (e.g. 2 % within 10 days). */
  discountPercent: z.number().min(0).max(100).optional(),
  discountDays: z.number().int().min(0).max(366).optional(),
  /** Cash discount the export booked against the invoice (a Skonto column). */
  discountAmount: z.number().finite().nonnegative().optional(),
  /** Every payment with its own date (partial payments, a payments file, the bank). */
  payments: z.array(ledgerPaymentSchema).optional(),
  /** Amount written off as uncollectable (Forderungsverlust), and when. */
  writtenOff: z.number().finite().nonnegative().optional(),
  writtenOffDate: isoDate.optional(),
  /** The customer disputes the invoice: open, but not late payment. */
  disputed: z.boolean().optional(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

/**
 * A ledger row arriving again from the accounting export, merged with what is stored: payments
 * the bank reported (camt) stay on the invoice, because the export does not know them and the
 * bank's booking date is the truth about when the customer paid.
 */
export function keepBankPayments(stored: LedgerRow | undefined, incoming: LedgerRow): LedgerRow {
  const bank = stored?.payments?.filter((p) => p.source === 'bank') ?? [];
  if (bank.length === 0 || incoming.payments?.some((p) => p.source === 'bank')) return incoming;
  const own = incoming.payments ?? (incoming.paidDate && incoming.paidAmount > 0 ? [{ date: incoming.paidDate, amount: incoming.paidAmount }] : []);
  const payments = [...own, ...bank].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sum = (list: LedgerPayment[]) => list.reduce((s, p) => s + p.amount, 0);
  const paidAmount = Math.round(Math.max(sum(own), sum(bank)) * 100) / 100;
  return { ...incoming, payments, paidAmount, paidDate: payments[payments.length - 1]!.date };
}
