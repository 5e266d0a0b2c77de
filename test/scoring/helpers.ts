import type { LedgerRow } from '../../platform/schemas/ledger.js';
import type { Signal } from '../../platform/schemas/signal.js';

/** Builds one invoice row; dates are YYYY-MM-DD. */
export function invoice(
  id: string,
  issueDate: string,
  dueDate: string,
  amount: number,
  paid?: { date: string; amount?: number },
  extra: Partial<LedgerRow> = {},
): LedgerRow {
  return {
    customerId: 'c1',
    invoiceId: id,
    issueDate,
    dueDate,
    amount,
    currency: 'CHF',
    paidDate: paid?.date,
    paidAmount: paid ? (paid.amount ?? amount) : 0,
    dunningLevel: 0,
    collection: false,
    ...extra,
  };
}

/** Monthly invoices of 1000 from 2024-01 on, due 30 days after issue, paid `delay` days after due. */
export function monthlyHistory(months: number, delay: (i: number) => number | null, customerId = 'c1'): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (let i = 0; i < months; i++) {
    const issue = new Date(Date.UTC(2024, i, 1));
    const due = new Date(issue.getTime() + 30 * 86_400_000);
    const d = delay(i);
    const paid = d === null ? undefined : { date: iso(new Date(due.getTime() + d * 86_400_000)) };
    rows.push({ ...invoice(`${customerId}-${i + 1}`, iso(issue), iso(due), 1000, paid), customerId });
  }
  return rows;
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

let seq = 0;
export function signal(type: Signal['type'], occurredAt: string, extra: Partial<Signal> = {}): Signal {
  seq += 1;
  return {
    id: `s${seq}`,
    type,
    severity: extra.severity ?? (type === 'positive' ? 'positive' : type === 'insolvency' ? 'critical' : 'high'),
    confidence: 0.9,
    polarity: type === 'positive' ? 1 : -1,
    customerId: 'c1',
    ambiguous: false,
    evidence: 'snippet',
    documentIds: [`d${seq}`],
    sourceId: 'shab',
    title: `${type} notice`,
    url: `https://example.org/${type}/${seq}`,
    occurredAt: `${occurredAt}T08:00:00.000Z`,
    detectedAt: `${occurredAt}T09:00:00.000Z`,
    ...extra,
  };
}
