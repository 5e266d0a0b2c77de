import { CsvTokenizer, detectDelimiter, isBlankRow, type CsvDelimiter, type CsvRow } from '../../platform/csv.js';
import type { LedgerRow } from '../../platform/schemas/index.js';
import { headerScore, mapColumns, type ColumnMapping, type LedgerField } from './ledger-columns.js';
import { mergeRepeatedRows } from './merge-rows.js';
import { decimalHint, parseAmount, plainAmount, parseBool, parseDate, parseStatus, type DecimalMark } from './ledger-values.js';

export interface LedgerParseError {
  line: number;
  reason: string;
}

export interface LedgerReadOptions {
  /** Header name → field, from `--map` and `ledger.columns`. */
  columns?: Readonly<Record<string, string>>;
  /** The decimal mark when the file does not show it. */
  decimal?: DecimalMark;
  /** Currency of files without a currency column. */
  defaultCurrency?: string;
  /** Net days of files with neither a due date nor a terms column. */
  defaultNetDays?: number;
}

/** What was read and every adjustment made to it: the import summary. */
export interface LedgerReadSummary {
  delimiter?: CsvDelimiter;
  headerLine?: number;
  titleRowsSkipped: number;
  mapped: ColumnMapping['mapped'];
  unknownColumns: string[];
  decimal?: DecimalMark;
  decimalFrom: 'file' | 'option' | 'none';
  /** Data rows, good and bad (blank lines excluded). */
  rows: number;
  accepted: number;
  rejected: number;
  /** Drafts and cancelled invoices: no receivables. */
  skipped: number;
  creditNotes: number;
  dueDatesFromTerms: number;
  currencyAssumed?: string;
  statusMapped: number;
  warnings: number;
}

/** What a reader learned from the head of a file: enough to read any later piece of it on its own. */
export interface LedgerReaderState {
  mapping: ColumnMapping;
  decimal?: DecimalMark;
}

const REQUIRED: LedgerField[] = ['invoice_id', 'issue_date', 'amount'];
const HEADER_SEARCH_ROWS = 30;
/** Rows read before converting any: long enough for the file to show its decimal mark. */
const SNIFF_ROWS = 2000;
const CURRENCY_WORDS: Record<string, string> = { FR: 'CHF', 'FR.': 'CHF', SFR: 'CHF', 'SFR.': 'CHF', '€': 'EUR', '£': 'GBP', $: 'USD' };

export function emptySummary(): LedgerReadSummary {
  return { titleRowsSkipped: 0, mapped: [], unknownColumns: [], decimalFrom: 'none', rows: 0, accepted: 0, rejected: 0, skipped: 0, creditNotes: 0, dueDatesFromTerms: 0, statusMapped: 0, warnings: 0 };
}

/**
 * CSV records of a receivables export → ledger rows. Finds the header below any title rows,
 * maps its columns, learns the decimal mark from the first rows, then converts row by row.
 * Good rows go to `onRow`; bad rows and plausibility warnings go to `onIssue` with their line.
 */
export class LedgerRecordReader {
  readonly summary = emptySummary();
  private phase: 'header' | 'sniff' | 'rows' = 'header';
  private pending: CsvRow[] = [];
  private mapping?: ColumnMapping;
  private decimal?: DecimalMark;
  private fatal?: LedgerParseError;
  private readonly problems: string[] = [];
  private readonly warnings: string[] = [];

  constructor(
    private readonly options: LedgerReadOptions,
    private readonly onRow: (line: number, row: LedgerRow) => void,
    private readonly onIssue: (issue: LedgerParseError & { warning?: boolean }) => void,
  ) {
    if (options.decimal) {
      this.decimal = options.decimal;
      this.summary.decimal = options.decimal;
      this.summary.decimalFrom = 'option';
    }
  }

  /**
   * A reader of the rows that follow the head of a file whose header and decimal mark `state`
   * says (`state` from another reader that read the head): reads a later piece of the file exactly
   * as the reader of the whole file would, unless the decimal mark is only learned in the piece.
   */
  static resume(options: LedgerReadOptions, state: LedgerReaderState, onRow: (line: number, row: LedgerRow) => void, onIssue: (issue: LedgerParseError & { warning?: boolean }) => void): LedgerRecordReader {
    const reader = new LedgerRecordReader(options, onRow, onIssue);
    reader.mapping = state.mapping;
    reader.decimal = state.decimal;
    reader.phase = 'rows';
    return reader;
  }

  /** Header and decimal mark once the rows are being converted (undefined before, or after a fatal error). */
  get state(): LedgerReaderState | undefined {
    if (this.phase !== 'rows' || this.fatal || !this.mapping) return undefined;
    return { mapping: this.mapping, ...(this.decimal ? { decimal: this.decimal } : {}) };
  }

  /** The header could not be found or lacks required columns: nothing was read. */
  get headerError(): LedgerParseError | undefined {
    return this.fatal;
  }

  push(record: CsvRow): void {
    if (this.fatal) return;
    if (this.phase === 'rows') return this.convert(record);
    if (isBlankRow(record.cells)) return;
    this.pending.push(record);
    if (this.phase === 'header') {
      const score = headerScore(record.cells, this.options.columns);
      if (score >= 4 || this.pending.length >= HEADER_SEARCH_ROWS) this.pickHeader();
    } else if (this.pending.length >= SNIFF_ROWS) this.startRows();
  }

  end(): void {
    if (this.fatal) return;
    if (this.phase === 'header') this.pickHeader();
    if (this.phase === 'sniff') this.startRows();
    if (!this.mapping && !this.fatal) this.fail(1, 'empty file: expected a header row naming the columns (customer, invoice, date, amount …)');
  }

  private pickHeader(): void {
    let best = -1;
    let bestScore = 0;
    this.pending.forEach((r, i) => {
      const s = headerScore(r.cells, this.options.columns);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best < 0) return this.fail(this.pending[0]?.line ?? 1, `no header row found in the first ${this.pending.length} rows: name the columns or map them with --map column=field`);
    const header = this.pending[best]!;
    const mapping = mapColumns(header.cells, this.options.columns);
    const missing = REQUIRED.filter((f) => mapping.index[f] === undefined);
    if (mapping.index.customer_id === undefined && mapping.index.customer_name === undefined) missing.unshift('customer_id');
    if (missing.length > 0) {
      return this.fail(header.line, `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (found: ${header.cells.map((c) => c.trim()).join(', ')}; map others with --map column=field)`);
    }
    this.mapping = mapping;
    this.summary.headerLine = header.line;
    this.summary.titleRowsSkipped = best;
    this.summary.mapped = mapping.mapped;
    this.summary.unknownColumns = mapping.unknown;
    if (mapping.index.currency === undefined) this.summary.currencyAssumed = this.options.defaultCurrency ?? 'CHF';
    this.pending = this.pending.slice(best + 1);
    this.phase = 'sniff';
    if (this.pending.length >= SNIFF_ROWS) this.startRows();
  }

  private startRows(): void {
    if (!this.decimal) this.learnDecimal(this.pending);
    this.phase = 'rows';
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.convert(r);
  }

  private learnDecimal(records: readonly CsvRow[]): void {
    const m = this.mapping!.index;
    const cols = [m.amount, m.paid_amount, m.discount_amount, m.written_off].filter((i): i is number => i !== undefined);
    for (const r of records) {
      for (const i of cols) {
        const hint = decimalHint(r.cells[i] ?? '');
        if (hint) {
          this.decimal = hint;
          this.summary.decimal = hint;
          this.summary.decimalFrom = 'file';
          return;
        }
      }
    }
  }

  private fail(line: number, reason: string): void {
    this.fatal = { line, reason };
    this.onIssue(this.fatal);
  }

  private convert(record: CsvRow): void {
    if (isBlankRow(record.cells)) return;
    const m = this.mapping!.index;
    const cells = record.cells;
    this.summary.rows++;
    // One pair of lists for every row (two million rows made four million short-lived arrays).
    const problems = this.problems;
    const warnings = this.warnings;
    if (problems.length > 0) problems.length = 0;
    if (warnings.length > 0) warnings.length = 0;
    const statusText = cellAt(cells, m.status);
    const status = statusText !== '' ? parseStatus(statusText) : undefined;
    if (status === 'skip') {
      this.summary.skipped++;
      return;
    }
    if (statusText !== '' && status === undefined) warnings.push(`status "${statusText}" not understood (ignored)`);
    if (status !== undefined) this.summary.statusMapped++;

    const customerName = cellAt(cells, m.customer_name);
    const customerId = cellAt(cells, m.customer_id) || customerName;
    const invoiceId = cellAt(cells, m.invoice_id);
    if (customerId === '') problems.push('customer_id is empty');
    if (invoiceId === '') problems.push('invoice_id is empty');
    const issueDate = this.date(cellAt(cells, m.issue_date), 'issue_date', problems);
    const dueText = cellAt(cells, m.due_date);
    let dueDate: string | undefined;
    if (dueText !== '') dueDate = this.date(dueText, 'due_date', problems);
    else if (issueDate) {
      const termsText = cellAt(cells, m.terms_days);
      const terms = termsText === '' ? (this.options.defaultNetDays ?? 30) : Number(termsText.replace(/\s*(tage|days|jours|giorni|t|d)\.?$/i, ''));
      if (!Number.isInteger(terms) || terms < 0 || terms > 366) problems.push(`terms_days "${termsText}" is not a number of days`);
      else {
        dueDate = addDays(issueDate, terms);
        this.summary.dueDatesFromTerms++;
      }
    }
    const amount = this.amount(cellAt(cells, m.amount), 'amount', problems);
    let currency: string;
    if (m.currency === undefined) currency = this.options.defaultCurrency ?? 'CHF';
    else {
      const raw = cellAt(cells, m.currency);
      if (isCurrencyCode(raw)) currency = raw;
      else {
        currency = raw.length === 3 && raw === raw.toUpperCase() ? raw : (CURRENCY_WORDS[raw.toUpperCase()] ?? raw.toUpperCase());
        if (!/^[A-Z]{3}$/.test(currency)) problems.push(`currency "${raw}" is not a three-letter code such as CHF, EUR or GBP`);
      }
    }
    const paidText0 = cellAt(cells, m.paid_date);
    const paidDate = paidText0 === '' ? undefined : this.date(paidText0, 'paid_date', problems);
    const paidText = cellAt(cells, m.paid_amount);
    let paidAmount = paidText === '' ? (paidDate || status === 'paid' ? Math.max(0, amount) : 0) : this.amount(paidText, 'paid_amount', problems);
    if (paidAmount < 0) {
      problems.push(`paid_amount ${paidText} must not be negative`);
      paidAmount = 0;
    }

    const dunningText = cellAt(cells, m.dunning_level);
    let dunningLevel = dunningText === '' ? 0 : dunningText.length === 1 ? dunningText.charCodeAt(0) - 48 : Number(/\d+/.exec(dunningText)?.[0] ?? NaN);
    if (!Number.isInteger(dunningLevel) || dunningLevel < 0 || dunningLevel > 9 && dunningText.length === 1) problems.push(`dunning_level "${dunningText}" must be 0, 1, 2 or 3`);
    else if (dunningLevel > 3) {
      warnings.push(`dunning_level ${dunningLevel} counted as 3 (the highest level)`);
      dunningLevel = 3;
    }
    const collection = this.bool(cellAt(cells, m.collection), 'collection', problems) || status === 'collection';
    const disputed = this.bool(cellAt(cells, m.disputed), 'disputed', problems) || status === 'disputed';

    let writtenOff: number | undefined;
    const woText = cellAt(cells, m.written_off);
    if (woText !== '') {
      const asBool = parseBool(woText);
      if (asBool !== undefined) writtenOff = asBool ? Math.max(0, amount - paidAmount) : undefined;
      else writtenOff = this.amount(woText, 'written_off', problems);
    } else if (status === 'written_off') writtenOff = Math.max(0, amount - paidAmount);

    const pctText = cellAt(cells, m.discount_percent);
    const discountPercent = pctText === '' ? undefined : this.amount(pctText.replace(/\s*%$/, ''), 'discount_percent', problems);
    const discountDaysText = cellAt(cells, m.discount_days);
    const discountDays = discountDaysText === '' ? undefined : Number(discountDaysText);
    if (discountDays !== undefined && !(Number.isInteger(discountDays) && discountDays >= 0 && discountDays <= 366)) problems.push(`discount_days "${discountDaysText}" is not a number of days`);
    const discountText = cellAt(cells, m.discount_amount);
    const discountAmount = discountText === '' ? undefined : Math.abs(this.amount(discountText, 'discount_amount', problems));
    const reference = cellAt(cells, m.reference);
    const paymentReferenceText = cellAt(cells, m.payment_reference);
    const paymentReference = paymentReferenceText === '' ? '' : paymentReferenceText.replace(/\s+/g, '');

    if (problems.length > 0) {
      this.summary.rejected++;
      this.onIssue({ line: record.line, reason: problems.join('; ') });
      return;
    }
    // Plausible? Kept either way: a prepayment is paid before the invoice, a due date may be a typo.
    if (dueDate! < issueDate!) warnings.push(`due_date ${dueDate} is before issue_date ${issueDate}`);
    if (paidDate && paidDate < issueDate!) warnings.push(`paid_date ${paidDate} is before issue_date ${issueDate} (a prepayment?)`);
    if (amount > 0 && paidAmount > amount * 1.5 + 1) warnings.push(`paid ${paidAmount} is far more than the invoiced ${amount}`);
    if (amount < 0) this.summary.creditNotes++;
    for (const w of warnings) {
      this.summary.warnings++;
      this.onIssue({ line: record.line, reason: w, warning: true });
    }
    const row: LedgerRow =
      customerName !== '' && m.customer_id !== undefined
        ? { customerId, customerName, invoiceId, issueDate: issueDate!, dueDate: dueDate!, amount, currency, paidAmount, dunningLevel, collection }
        : { customerId, invoiceId, issueDate: issueDate!, dueDate: dueDate!, amount, currency, paidAmount, dunningLevel, collection };
    if (paidDate) row.paidDate = paidDate;
    if (reference !== '' && reference !== invoiceId) row.reference = reference;
    if (paymentReference !== '') row.paymentReference = paymentReference;
    if (discountPercent !== undefined) row.discountPercent = discountPercent;
    if (discountDays !== undefined) row.discountDays = discountDays;
    if (discountAmount !== undefined && discountAmount > 0) row.discountAmount = discountAmount;
    if (writtenOff !== undefined && writtenOff > 0) row.writtenOff = writtenOff;
    if (disputed) row.disputed = true;
    this.summary.accepted++;
    this.onRow(record.line, row);
  }

  private date(text: string, column: string, problems: string[]): string | undefined {
    const r = parseDate(text);
    if ('value' in r) return r.value;
    problems.push(`${column} ${r.error}`);
    return undefined;
  }

  private amount(text: string, column: string, problems: string[]): number {
    const fast = plainAmount(text, this.decimal);
    if (fast !== undefined && (this.decimal || (text.indexOf('.') < 0 && text.indexOf(',') < 0))) return fast;
    const r = parseAmount(text, this.decimal);
    if ('value' in r) {
      if (!this.decimal) {
        const hint = decimalHint(text);
        if (hint) {
          this.decimal = hint;
          this.summary.decimal = hint;
          this.summary.decimalFrom = 'file';
        }
      }
      return r.value;
    }
    problems.push(`${column} ${r.error}`);
    return NaN;
  }

  private bool(text: string, column: string, problems: string[]): boolean {
    const b = parseBool(text);
    if (b === undefined) problems.push(`${column} "${text}" must be yes or no (true/false, ja/nein, oui/non)`);
    return b === true;
  }
}

function cellAt(cells: string[], i: number | undefined): string {
  if (i === undefined) return '';
  const c = cells[i];
  if (c === undefined || c === '') return '';
  const first = c.charCodeAt(0);
  const last = c.charCodeAt(c.length - 1);
  return first > 32 && last > 32 ? c : c.trim();
}

/** Three capitals A–Z (what nearly every row holds), checked without a regular expression. */
function isCurrencyCode(s: string): boolean {
  if (s.length !== 3) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  const c = s.charCodeAt(2);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90 && c >= 65 && c <= 90;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface LedgerParseResult {
  rows: LedgerRow[];
  errors: LedgerParseError[];
  warnings: LedgerParseError[];
  summary: LedgerReadSummary;
}

/**
 * Whole text → rows (for small files, tests and scripts; files go through readLedgerFile).
 * Rows of one invoice repeated with different payments are merged; exact repeats are reported.
 */
export function parseLedgerCsv(text: string, options: LedgerReadOptions = {}): LedgerParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed: Array<{ line: number; row: LedgerRow }> = [];
  const errors: LedgerParseError[] = [];
  const warnings: LedgerParseError[] = [];
  const reader = new LedgerRecordReader(options, (line, row) => parsed.push({ line, row }), (i) => (i.warning ? warnings : errors).push({ line: i.line, reason: i.reason }));
  const tokenizer = new CsvTokenizer(detectDelimiter(src.slice(0, 65_536)), (r) => reader.push(r));
  tokenizer.push(src);
  tokenizer.end();
  reader.end();
  reader.summary.delimiter = tokenizer.delimiter;
  errors.push(...tokenizer.errors);
  const merged = mergeRepeatedRows(parsed);
  errors.push(...merged.errors);
  warnings.push(...merged.warnings);
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { rows: merged.rows, errors, warnings, summary: reader.summary };
}

