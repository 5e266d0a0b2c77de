import type { LedgerPayment, LedgerRow } from '../../platform/schemas/index.js';
/** A problem with one line of the file (same shape as parse-ledger's LedgerParseError). */
interface LedgerParseError {
  line: number;
  reason: string;
}

export interface MergedRows {
  rows: LedgerRow[];
  errors: LedgerParseError[];
  warnings: LedgerParseError[];
  /** Invoices whose repeated rows were read as several payments. */
  partialPayments: number;
}

/**
 * One invoice on several rows (one row per payment, as many open-item exports write partial
 * payments) → one row with every payment and its date. An exact repeat is reported and ignored;
 * a repeat with a different amount or dates is an error (which one is right cannot be told).
 */
export function mergeRepeatedRows(parsed: ReadonlyArray<{ line: number; row: LedgerRow }>): MergedRows {
  if (allDistinct(parsed)) return { rows: parsed.map((p) => p.row), errors: [], warnings: [], partialPayments: 0 };
  const byKey = new Map<string, { line: number; row: LedgerRow; payments?: LedgerPayment[]; undated: number; lines: LedgerRow[] }>();
  const out: MergedRows = { rows: [], errors: [], warnings: [], partialPayments: 0 };
  const order: string[] = [];
  for (const { line, row } of parsed) {
    const key = `${row.customerId}\u0000${row.invoiceId}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, { line, row, undated: 0, lines: [row] });
      order.push(key);
      continue;
    }
    const a = first.row;
    if (a.amount !== row.amount || a.issueDate !== row.issueDate || a.dueDate !== row.dueDate || a.currency !== row.currency) {
      out.errors.push({ line, reason: `invoice ${row.invoiceId} of customer ${row.customerId} already on line ${first.line} with other amount or dates` });
      continue;
    }
    if (first.lines.some((r) => sameRow(r, row))) {
      out.warnings.push({ line, reason: `repeats line ${first.line} exactly (ignored)` });
      continue;
    }
    first.lines.push(row);
  }
  for (const key of order) {
    const entry = byKey.get(key)!;
    if (entry.lines.length === 1) {
      out.rows.push(entry.row);
      continue;
    }
    out.partialPayments++;
    const payments: LedgerPayment[] = [];
    let undated = 0;
    let dunningLevel = 0;
    let collection = false;
    let disputed = false;
    let writtenOff = 0;
    for (const r of entry.lines) {
      if (r.paidAmount > 0) {
        if (r.paidDate) payments.push({ date: r.paidDate, amount: r.paidAmount });
        else undated += r.paidAmount;
      }
      dunningLevel = Math.max(dunningLevel, r.dunningLevel);
      collection ||= r.collection;
      disputed ||= r.disputed === true;
      writtenOff = Math.max(writtenOff, r.writtenOff ?? 0);
    }
    payments.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const paidAmount = Math.round((payments.reduce((s, p) => s + p.amount, 0) + undated) * 100) / 100;
    const { paidDate: _d, writtenOff: _w, disputed: _x, payments: _p, ...rest } = entry.row;
    out.rows.push({
      ...rest,
      ...(payments.length > 0 ? { paidDate: payments[payments.length - 1]!.date } : {}),
      paidAmount,
      dunningLevel,
      collection,
      ...(payments.length > 0 && undated === 0 ? { payments } : {}),
      ...(writtenOff > 0 ? { writtenOff } : {}),
      ...(disputed ? { disputed } : {}),
    });
  }
  return out;
}

function sameRow(a: LedgerRow, b: LedgerRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The usual case, checked cheaply: one customer's rows, each invoice once. */
function allDistinct(parsed: ReadonlyArray<{ line: number; row: LedgerRow }>): boolean {
  if (parsed.length < 2) return true;
  const customer = parsed[0]!.row.customerId;
  const ids = new Set<string>();
  for (const { row } of parsed) {
    if (row.customerId !== customer || ids.has(row.invoiceId)) return false;
    ids.add(row.invoiceId);
  }
  return true;
}
