import { readFile } from 'node:fs/promises';
import { parseCsv } from '../platform/csv.js';
import { decodeBytes } from '../collectors/ledger/decode-text.js';
import { parseColumnMap } from '../collectors/ledger/ledger-columns.js';
import { readLedgerFileGroups, type LedgerFileSummary, type LedgerGroup, type LedgerIssue, type ReadLedgerFileOptions } from '../collectors/ledger/read-ledger-file.js';
import type { DecimalMark } from '../collectors/ledger/ledger-values.js';
import type { AppConfig } from '../platform/config/schema.js';
import { UserError } from '../platform/errors.js';
import type { LedgerRow } from '../platform/schemas/index.js';
import type { CliIo } from './cli/command.js';

export { ledgerFeatureOptions } from './ledger-options.js';

/** The reading options of a ledger file: config `ledger:` first, command-line flags over it. */
export function ledgerReadOptions(config: AppConfig, flags: { map?: string[]; decimal?: string; currency?: string }): ReadLedgerFileOptions {
  let map: Record<string, string>;
  try {
    map = { ...parseColumnMap(Object.entries(config.ledger?.columns ?? {}).map(([k, v]) => `${k}=${v}`)), ...parseColumnMap(flags.map ?? []) };
  } catch (err) {
    throw new UserError((err as Error).message, 2);
  }
  const decimal = flags.decimal ?? config.ledger?.decimal;
  if (decimal !== undefined && decimal !== ',' && decimal !== '.') throw new UserError('--decimal must be , or .', 2);
  const currency = (flags.currency ?? config.ledger?.currency ?? config.policy.currency).toUpperCase();
  return {
    columns: map,
    ...(decimal ? { decimal: decimal as DecimalMark } : {}),
    defaultCurrency: currency,
    defaultNetDays: config.policy.standardNetDays,
  };
}

/** `file:line: reason` on stderr for errors, `file:line: warning: reason` for plausibility warnings. */
export function issuePrinter(file: string, io: CliIo): { onIssue: (i: LedgerIssue) => void; errors: () => number; warnings: () => number } {
  let errors = 0;
  let warnings = 0;
  return {
    onIssue: (i) => {
      if (i.warning) warnings++;
      else errors++;
      io.stderr.write(`${file}:${i.line}: ${i.warning ? 'warning: ' : ''}${i.reason}\n`);
    },
    errors: () => errors,
    warnings: () => warnings,
  };
}

/** Reads a whole ledger file into memory (train and backtest need every row at once). */
export async function readLedgerRows(file: string, options: ReadLedgerFileOptions, io: CliIo): Promise<{ rows: LedgerRow[]; rejected: number; summary: Partial<LedgerFileSummary> }> {
  await assertReadable(file);
  const printer = issuePrinter(file, io);
  const summary: Partial<LedgerFileSummary> = {};
  let rows: LedgerRow[] = [];
  for await (const g of readLedgerFileGroups(file, options, printer.onIssue, summary)) {
    if (g === 'restarted') rows = [];
    else for (const r of (g as LedgerGroup).rows) rows.push(r);
  }
  return { rows, rejected: printer.errors(), summary };
}

export async function assertReadable(file: string): Promise<void> {
  const { access } = await import('node:fs/promises');
  await access(file).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, 1);
  });
}

/** A payments file `customer_id,invoice_id,date,amount` → payments per invoice, applied to rows as they pass. */
export async function readPaymentsFile(file: string, io: CliIo): Promise<Map<string, Array<{ date: string; amount: number }>>> {
  const { parseDate, parseAmount } = await import('../collectors/ledger/ledger-values.js');
  const bytes = await readFile(file).catch(() => {
    throw new UserError(`cannot read ${file}`, 1);
  });
  // The same encodings as the ledger export itself (Excel on Windows writes Windows-1252).
  const { text } = decodeBytes(bytes);
  const { header, rows, errors } = parseCsv(text.replace(/^\uFEFF/, ''));
  const h = header.map((x) => x.toLowerCase().trim());
  const col = (names: string[]) => h.findIndex((x) => names.includes(x));
  const c = col(['customer_id', 'kundennummer', 'customer']);
  const inv = col(['invoice_id', 'rechnungsnummer', 'belegnummer', 'invoice']);
  const d = col(['date', 'paid_date', 'datum', 'zahlungsdatum']);
  const a = col(['amount', 'betrag', 'paid_amount']);
  if (c < 0 || inv < 0 || d < 0 || a < 0) throw new UserError(`${file}: a payments file needs the columns customer_id, invoice_id, date, amount`, 2);
  for (const e of errors) io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
  const out = new Map<string, Array<{ date: string; amount: number }>>();
  for (const r of rows) {
    const date = parseDate(r.cells[d] ?? '');
    const amount = parseAmount(r.cells[a] ?? '', undefined);
    if (!('value' in date) || !('value' in amount)) {
      io.stderr.write(`${file}:${r.line}: date or amount not readable\n`);
      continue;
    }
    const key = `${(r.cells[c] ?? '').trim()}\u0000${(r.cells[inv] ?? '').trim()}`;
    const list = out.get(key) ?? [];
    list.push({ date: date.value, amount: amount.value });
    out.set(key, list);
  }
  return out;
}

/** Rows with the payments of the payments file: each payment with its own date (`used` collects the invoices they went to). */
export function applyPayments(rows: LedgerRow[], payments: Map<string, Array<{ date: string; amount: number }>> | undefined, used?: Set<string>): LedgerRow[] {
  if (!payments || payments.size === 0) return rows;
  return rows.map((row) => {
    const key = `${row.customerId}\u0000${row.invoiceId}`;
    const list = payments.get(key);
    if (!list) return row;
    used?.add(key);
    const all = [...(row.payments ?? (row.paidDate && row.paidAmount > 0 ? [{ date: row.paidDate, amount: row.paidAmount }] : [])), ...list].sort((x, y) => (x.date < y.date ? -1 : 1));
    const seen = new Set<string>();
    const unique = all.filter((p) => !seen.has(`${p.date}|${p.amount}`) && seen.add(`${p.date}|${p.amount}`));
    const paidAmount = Math.round(unique.reduce((s, p) => s + p.amount, 0) * 100) / 100;
    return { ...row, payments: unique, paidAmount, paidDate: unique[unique.length - 1]!.date };
  });
}

/** The import summary's line about a payments file: what it held, and the payments no invoice of the export took. */
export function formatPaymentsLine(file: string, payments: Map<string, Array<{ date: string; amount: number }>>, used: ReadonlySet<string>, dryRun: boolean): string {
  let total = 0;
  let applied = 0;
  const left: string[] = [];
  for (const [key, list] of payments) {
    total += list.length;
    if (used.has(key)) applied += list.length;
    else left.push(key.replace('\u0000', '/'));
  }
  const head = `  payments file ${file}: ${total} payments read, ${applied} ${dryRun ? 'would go' : 'went'} to ${used.size} invoices as their partial payments`;
  if (left.length === 0) return `${head}\n`;
  const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? ` and ${left.length - 10} more` : '');
  return `${head}; ${total - applied} for invoices not in the export left out (customer/invoice): ${shown}\n`;
}
