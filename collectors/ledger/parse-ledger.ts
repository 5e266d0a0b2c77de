import { streamCsv } from '../../platform/csv.js';
import type { LedgerRow } from '../../platform/schemas/index.js';

export interface LedgerParseError {
  line: number;
  reason: string;
}

export interface LedgerParseResult {
  rows: LedgerRow[];
  errors: LedgerParseError[];
}

const REQUIRED = ['customer_id', 'invoice_id', 'issue_date', 'due_date', 'amount', 'currency'] as const;
const OPTIONAL = ['customer_name', 'paid_date', 'paid_amount', 'dunning_level', 'collection'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/**
 * Parses the ledger CSV export (comma or semicolon, BOM or not, ISO or dd.mm.yyyy dates,
 * `.` or `,` decimals). Good rows come back even when others are bad; each bad row is
 * reported with its line number and every reason.
 */
export function parseLedgerCsv(text: string): LedgerParseResult {
  const csv = streamCsv(text);
  const header = csv.header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { rows: [], errors: [{ line: 1, reason: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` }] };
  }
  const index = new Map<Column, number>();
  for (const c of [...REQUIRED, ...OPTIONAL]) if (header.includes(c)) index.set(c, header.indexOf(c));

  const rows: LedgerRow[] = [];
  const errors: LedgerParseError[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csv.rows) {
    const cell = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
    const problems: string[] = [];
    const issueDate = parseDate(cell('issue_date'), 'issue_date', problems);
    const dueDate = parseDate(cell('due_date'), 'due_date', problems);
    const paidDate = cell('paid_date') === '' ? undefined : parseDate(cell('paid_date'), 'paid_date', problems);
    const amount = parseAmount(cell('amount'), 'amount', problems);
    const paidAmountText = cell('paid_amount');
    const paidAmount = paidAmountText === '' ? (paidDate ? amount : 0) : parseAmount(paidAmountText, 'paid_amount', problems);
    const dunningText = cell('dunning_level');
    const dunningLevel = dunningText === '' ? 0 : Number(dunningText);
    const collection = parseBool(cell('collection'), problems);
    if (issueDate && dueDate && dueDate < issueDate) problems.push(`due_date ${dueDate} is before issue_date ${issueDate}`);

    const customerId = cell('customer_id');
    const invoiceId = cell('invoice_id');
    const currency = cell('currency').toUpperCase();
    if (customerId === '') problems.push('customer_id is empty');
    if (invoiceId === '') problems.push('invoice_id is empty');
    if (!/^[A-Z]{3}$/.test(currency)) problems.push(`currency "${cell('currency')}" is not a three-letter code such as CHF, EUR or GBP`);
    if (!Number.isInteger(dunningLevel) || dunningLevel < 0 || dunningLevel > 3) problems.push(`dunning_level "${dunningText}" must be 0, 1, 2 or 3`);
    if (problems.length === 0) {
      // Every field was checked above exactly as ledgerRowSchema would (a test keeps them in step);
      // zod per row would cost more than the rest of the parse on a two-million-row ledger.
      const row: LedgerRow = {
        customerId,
        ...(cell('customer_name') ? { customerName: cell('customer_name') } : {}),
        invoiceId,
        issueDate: issueDate!,
        dueDate: dueDate!,
        amount,
        currency,
        ...(paidDate ? { paidDate } : {}),
        paidAmount,
        dunningLevel,
        collection,
      };
      const key = `${customerId}\u0000${invoiceId}`;
      const dupOf = seen.get(key);
      if (dupOf !== undefined) problems.push(`invoice ${invoiceId} of customer ${customerId} already on line ${dupOf}`);
      else {
        seen.set(key, line);
        rows.push(row);
      }
    }
    if (problems.length > 0) errors.push({ line, reason: problems.join('; ') });
  }
  // Structural problems (an unclosed quote) are known once the rows have been read.
  errors.push(...csv.errors);
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseDate(text: string, column: string, problems: string[]): string | undefined {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    problems.push(text === '' ? `${column} is empty` : `${column} "${text}" is not a date (use YYYY-MM-DD or dd.mm.yyyy)`);
    return undefined;
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days) {
    problems.push(`${column} "${text}" is not a calendar date`);
    return undefined;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts 1234.50, 1234,50, 1'234.50, 1.234,50, 1,234.50 and 1 234,50. */
export function parseAmount(text: string, column: string, problems: string[]): number {
  const compact = text.replace(/[\s'\u00a0\u2019]/g, '');
  if (!/^-?[\d.,]+$/.test(compact) || !/\d/.test(compact)) {
    problems.push(text === '' ? `${column} is empty` : `${column} "${text}" is not a number`);
    return NaN;
  }
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const decimal = lastDot > lastComma ? '.' : lastComma > lastDot ? ',' : '';
  const thousands = decimal === '.' ? ',' : '.';
  let normalised = compact.split(thousands).join('');
  if (decimal === ',') normalised = normalised.replace(',', '.');
  if ((normalised.match(/\./g) ?? []).length > 1) {
    problems.push(`${column} "${text}" is not a number`);
    return NaN;
  }
  const n = Number(normalised);
  if (!Number.isFinite(n)) problems.push(`${column} "${text}" is not a number`);
  else if (n < 0) problems.push(`${column} must not be negative (credit notes are not supported yet)`);
  return n;
}

function parseBool(text: string, problems: string[]): boolean {
  const t = text.toLowerCase();
  if (t === '' || ['false', '0', 'no', 'nein', 'non'].includes(t)) return false;
  if (['true', '1', 'yes', 'ja', 'oui'].includes(t)) return true;
  problems.push(`collection "${text}" must be true or false`);
  return false;
}
