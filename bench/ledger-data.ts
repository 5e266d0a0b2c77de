/**
 * The benchmarks' synthetic receivables ledger (bench/ledger.bench.ts, bench/scoring.bench.ts):
 * deterministic customers with a mix of payment behaviour — 70 % punctual, 20 % late, 7 % very
 * late or unpaid, 3 % dunned / in collection. Each customer's rows come from a generator seeded
 * by its number, so the file sorted by customer and the one ordered by month hold the same rows.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { LedgerRow } from '../platform/schemas/ledger.js';
import { mulberry32 } from './rng.js';

export const BENCH_AS_OF = '2025-01-01';
const DAY = 86_400_000;

export const LEDGER_CSV_HEADER = 'customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount,dunning_level,collection';

const rng = mulberry32;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Customer number `c`'s invoices, oldest first. */
export function customerRows(c: number, perCustomer: number, asOf = BENCH_AS_OF): LedgerRow[] {
  const r = rng(42 + c * 7919);
  const asOfMs = Date.parse(asOf);
  const kind = r();
  const customerId = `K${String(c).padStart(6, '0')}`;
  const rows: LedgerRow[] = [];
  for (let i = 0; i < perCustomer; i++) {
    const issue = asOfMs - (perCustomer - i) * 30 * DAY - Math.floor(r() * 10) * DAY;
    const due = issue + 30 * DAY;
    const delay = kind < 0.7 ? Math.floor(r() * 4) - 2 : kind < 0.9 ? Math.floor(r() * 45) : kind < 0.97 ? Math.floor(r() * 200) : 120;
    const paid = due + delay * DAY;
    const open = paid >= asOfMs || (kind >= 0.97 && i > perCustomer - 4);
    const amount = Math.round(500 + r() * 20000);
    rows.push({
      customerId,
      customerName: `Bench Kunde ${c} AG`,
      invoiceId: `${customerId}-${i}`,
      issueDate: iso(issue),
      dueDate: iso(due),
      amount,
      currency: 'CHF',
      paidDate: open ? undefined : iso(paid),
      paidAmount: open ? 0 : amount,
      dunningLevel: kind >= 0.97 && open ? 2 : 0,
      collection: kind >= 0.99 && open,
    });
  }
  return rows;
}

/** Every row in memory, sorted by customer. */
export function generateLedger(customers: number, perCustomer: number, asOf = BENCH_AS_OF): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (let c = 0; c < customers; c++) for (const row of customerRows(c, perCustomer, asOf)) rows.push(row);
  return rows;
}

export function toCsvLine(x: LedgerRow): string {
  return `${x.customerId},${x.customerName ?? ''},${x.invoiceId},${x.issueDate},${x.dueDate},${x.amount},${x.currency},${x.paidDate ?? ''},${x.paidDate ? x.paidAmount : ''},${x.dunningLevel},${x.collection}\n`;
}

/** The whole export as one string (for measuring paths that start from text). */
export function toCsv(rows: LedgerRow[]): string {
  let text = `${LEDGER_CSV_HEADER}\n`;
  for (const x of rows) text += toCsvLine(x);
  return text;
}

/**
 * Writes the export to `file` without holding it in memory: sorted by customer, or month by
 * month with customers interleaved (how a journal export is ordered).
 */
export async function writeLedgerCsv(file: string, opts: { customers: number; perCustomer: number; sorted: boolean; asOf?: string }): Promise<void> {
  const { customers, perCustomer, sorted } = opts;
  const out = createWriteStream(file);
  let buf = `${LEDGER_CSV_HEADER}\n`;
  const write = async (line: string) => {
    buf += line;
    if (buf.length < 1 << 20) return;
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  if (sorted) {
    for (let c = 0; c < customers; c++) for (const row of customerRows(c, perCustomer, opts.asOf)) await write(toCsvLine(row));
  } else {
    const blocks = 10;
    for (let b = 0; b < blocks; b++) {
      const chunk: LedgerRow[][] = [];
      for (let c = b; c < customers; c += blocks) chunk.push(customerRows(c, perCustomer, opts.asOf));
      for (let i = 0; i < perCustomer; i++) for (const list of chunk) await write(toCsvLine(list[i]!));
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
