import { z } from 'zod';
import type { LedgerPayment, LedgerRow } from '../../platform/schemas/index.js';

/**
 * bexio's invoices as its API v2 returns them (GET /2.0/kb_invoice, and per invoice
 * GET /2.0/kb_invoice/{id}/payment), saved as JSON: one array of invoices, optionally followed
 * by their payments. Status ids: 7 draft and 19 cancelled are no receivables; 8 pending, 9 paid,
 * 16 partially paid, 31 unpaid. A payment flagged `is_cash_discount` is the Skonto booked on the
 * invoice; credit vouchers (total_credit_vouchers) are credit notes on it.
 */
const money = z.union([z.string(), z.number()]).transform((v) => Number(v)).pipe(z.number().finite());

export const bexioInvoiceSchema = z.object({
  id: z.number().int(),
  document_nr: z.string().min(1),
  contact_id: z.number().int().nullable(),
  currency_id: z.number().int().nullable().optional(),
  total: money,
  total_received_payments: money.optional(),
  total_credit_vouchers: money.optional(),
  total_remaining_payments: money.optional(),
  is_valid_from: z.iso.date(),
  is_valid_to: z.iso.date(),
  contact_address: z.string().nullable().optional(),
  kb_item_status_id: z.number().int(),
});

export const bexioPaymentSchema = z.object({
  id: z.number().int(),
  date: z.iso.date(),
  value: money,
  is_cash_discount: z.boolean().optional(),
  kb_invoice_id: z.number().int().nullable(),
});

export type BexioInvoice = z.infer<typeof bexioInvoiceSchema>;
export type BexioPayment = z.infer<typeof bexioPaymentSchema>;

export interface BexioResult {
  rows: LedgerRow[];
  issues: Array<{ line: number; reason: string; warning?: boolean }>;
  summary: { invoices: number; skipped: number; withPayments: number; paidWithoutDates: number; columns?: string[] };
}

/** How bexio's fields become ledger fields (the import summary lists them). */
const BEXIO_COLUMNS = [
  'contact_id → customer_id',
  'contact_address (first line) → customer_name',
  'document_nr → invoice_id',
  'is_valid_from → issue_date',
  'is_valid_to → due_date',
  'total → amount',
  'kb_item_status_id → drafts (7) and cancelled (19) left out',
  'payments: date, value → payments; is_cash_discount → discount',
  'total_credit_vouchers → credit note on the invoice',
];

/** True when the JSON looks like bexio invoices (an array of objects with document_nr and kb_item_status_id). */
export function isBexioJson(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('[') && /"kb_item_status_id"\s*:/.test(t.slice(0, 4000)) && /"document_nr"\s*:/.test(t.slice(0, 4000));
}

export function parseBexioInvoices(
  invoicesJson: unknown,
  paymentsJson: unknown,
  options: { currencies?: Record<number, string>; defaultCurrency?: string } = {},
): BexioResult {
  const issues: BexioResult['issues'] = [];
  const summary: BexioResult['summary'] = { invoices: 0, skipped: 0, withPayments: 0, paidWithoutDates: 0, columns: BEXIO_COLUMNS };
  if (!Array.isArray(invoicesJson)) return { rows: [], issues: [{ line: 1, reason: 'expected a JSON array of bexio invoices (GET /2.0/kb_invoice)' }], summary };
  const payments = new Map<number, BexioPayment[]>();
  for (const [i, p] of (Array.isArray(paymentsJson) ? paymentsJson : paymentsJson ? [paymentsJson] : []).entries()) {
    const parsed = bexioPaymentSchema.safeParse(p);
    if (!parsed.success || parsed.data.kb_invoice_id === null) {
      issues.push({ line: i + 1, reason: `payment ${i + 1}: not a bexio invoice payment (${parsed.success ? 'no kb_invoice_id' : parsed.error.issues[0]?.message})` });
      continue;
    }
    payments.set(parsed.data.kb_invoice_id, [...(payments.get(parsed.data.kb_invoice_id) ?? []), parsed.data]);
  }
  const rows: LedgerRow[] = [];
  invoicesJson.forEach((raw, i) => {
    const parsed = bexioInvoiceSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push({ line: i + 1, reason: `invoice ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}` });
      return;
    }
    const inv = parsed.data;
    if (inv.kb_item_status_id === 7 || inv.kb_item_status_id === 19) {
      summary.skipped++;
      return;
    }
    summary.invoices++;
    const currency = (inv.currency_id != null ? options.currencies?.[inv.currency_id] : undefined) ?? options.defaultCurrency ?? 'CHF';
    const own = payments.get(inv.id) ?? [];
    const cash = own.filter((p) => !p.is_cash_discount);
    const discount = own.filter((p) => p.is_cash_discount).reduce((s, p) => s + p.value, 0);
    const list: LedgerPayment[] = cash.map((p) => ({ date: p.date, amount: p.value })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const received = inv.total_received_payments ?? list.reduce((s, p) => s + p.amount, 0);
    const paidAmount = Math.round(Math.max(received - discount, list.reduce((s, p) => s + p.amount, 0)) * 100) / 100;
    if (list.length > 0) summary.withPayments++;
    else if (paidAmount > 0) summary.paidWithoutDates++;
    const customerId = inv.contact_id != null ? String(inv.contact_id) : `bexio-${inv.id}`;
    const name = (inv.contact_address ?? '').split('\n')[0]?.trim();
    rows.push({
      customerId,
      ...(name ? { customerName: name } : {}),
      invoiceId: inv.document_nr,
      issueDate: inv.is_valid_from,
      dueDate: inv.is_valid_to,
      amount: inv.total,
      currency,
      paidAmount,
      dunningLevel: 0,
      collection: false,
      ...(list.length > 0 ? { paidDate: list[list.length - 1]!.date, payments: list } : {}),
      ...(discount > 0 ? { discountAmount: Math.round(discount * 100) / 100 } : {}),
    });
    const credits = inv.total_credit_vouchers ?? 0;
    if (credits > 0) {
      rows.push({ customerId, invoiceId: `${inv.document_nr}/GS`, issueDate: inv.is_valid_from, dueDate: inv.is_valid_from, amount: -credits, currency, paidAmount: 0, dunningLevel: 0, collection: false, reference: inv.document_nr });
    }
  });
  return { rows, issues, summary };
}
