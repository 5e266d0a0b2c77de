import type { LedgerRow } from '../../platform/schemas/index.js';
import type { LedgerPosition } from '../../platform/store/port.js';
import { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, type SettlementOptions } from './ledger-settlement.js';

/**
 * Pure: a customer's open items as they stood on `asOf`, settled the way scoring and
 * summarizeOpenItems read the ledger (a cash discount settles, a credit note reduces the invoice
 * it names or the oldest open ones, a write-off is no longer owed). A disputed invoice is open but
 * never overdue: it has no due date here. A credit left over after netting comes back as a negative
 * position without a due date, in the currency of the customer's credit notes (the first one's).
 */
export function ledgerPositions(rows: readonly LedgerRow[], asOf: Date, options: SettlementOptions = DEFAULT_SETTLEMENT_OPTIONS): LedgerPosition[] {
  const s = settleLedger(rows, asOf, options);
  const out: LedgerPosition[] = [];
  for (const inv of s.invoices) {
    if (inv.open > 0) out.push({ invoiceId: inv.row.invoiceId, currency: inv.row.currency, dueDate: inv.disputed ? null : inv.row.dueDate, open: inv.open });
  }
  if (s.unappliedCredit > 0) out.push({ invoiceId: '', currency: s.creditNotes[0]!.row.currency, dueDate: null, open: -s.unappliedCredit });
  return out;
}

/** Open and overdue per currency from positions (the same arithmetic the stores do in SQL). */
export function summarizePositions(positions: readonly LedgerPosition[], today: string): { open: Record<string, number>; overdue: Record<string, number> } {
  const sum = new Map<string, { open: number; overdue: number }>();
  for (const p of positions) {
    const s = sum.get(p.currency) ?? { open: 0, overdue: 0 };
    s.open += p.open;
    if (p.open > 0 && p.dueDate !== null && p.dueDate < today) s.overdue += p.open;
    sum.set(p.currency, s);
  }
  const open: Record<string, number> = {};
  const overdue: Record<string, number> = {};
  for (const [cur, s] of sum) {
    const o = round2(Math.max(0, s.open));
    if (o > 0) open[cur] = o;
    const d = round2(Math.min(o, s.overdue));
    if (d > 0) overdue[cur] = d;
  }
  return { open, overdue };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
