import { CsvTokenizer } from '../../platform/csv.js';
import type { LedgerPayment, LedgerRow } from '../../platform/schemas/index.js';
import { parseAmount } from './ledger-values.js';

/**
 * DATEV-Format "Buchungsstapel" (EXTF/DTVF, category 21) → open and paid items, the way DATEV's
 * OPOS (open items) reads a batch: postings on a debtor account (Debitor, the account range
 * above the G/L accounts: 10000–69999 for four-digit G/L accounts) keyed by Belegfeld 1 (the
 * invoice number). A debit on the debtor is the invoice; a credit against a bank or cash account
 * is a payment (its Skonto field the cash discount taken), against a revenue account a credit
 * note, against a bad-debt account (SKR03 2400–2409, SKR04 6930–6939) a write-off. Belegdatum is
 * TTMM within the header's period; the due date is "Zugeordnete Fälligkeit"/"Fälligkeit", or
 * Belegfeld 2 written as TTMMJJ (DATEV's OPOS convention), or the standard net days.
 */
export interface DatevResult {
  rows: LedgerRow[];
  issues: Array<{ line: number; reason: string; warning?: boolean }>;
  summary: {
    postings: number;
    receivables: number;
    otherAccounts: number;
    invoices: number;
    payments: number;
    creditNotes: number;
    writeOffs: number;
    from?: string;
    to?: string;
    advisor?: string;
    client?: string;
    /** How the batch's column headings became ledger fields, for the import summary. */
    columns?: string[];
    /** Belegdatum written TTMM: the year came from the batch's period. */
    yearFromPeriod?: number;
    /** Where the invoices' due dates came from. */
    dueFromField?: number;
    dueFromBelegfeld2?: number;
    dueFromTerms?: number;
    /** No WKZ Umsatz on the posting: the header's currency (or the default) was used. */
    currencyFromHeader?: number;
  };
}

export function isDatevExtf(firstLine: string): boolean {
  return /^\uFEFF?"?(EXTF|DTVF)"?;/.test(firstLine);
}

interface Item {
  customerId: string;
  invoiceId: string;
  line: number;
  amount: number;
  issueDate?: string;
  dueDate?: string;
  currency: string;
  payments: LedgerPayment[];
  discount: number;
  writtenOff: number;
  writtenOffDate?: string;
  credits: Array<{ date: string; amount: number; line: number }>;
}

export function parseDatevBuchungsstapel(text: string, options: { defaultNetDays?: number; defaultCurrency?: string } = {}): DatevResult {
  const records: Array<{ line: number; cells: string[] }> = [];
  const tokenizer = new CsvTokenizer(';', (r) => records.push(r));
  tokenizer.push(text.replace(/^\uFEFF/, ''));
  tokenizer.end();
  const issues: DatevResult['issues'] = [...tokenizer.errors];
  const summary: DatevResult['summary'] = { postings: 0, receivables: 0, otherAccounts: 0, invoices: 0, payments: 0, creditNotes: 0, writeOffs: 0 };
  const head = records[0]?.cells ?? [];
  if (!isDatevExtf(head.join(';'))) return { rows: [], issues: [{ line: 1, reason: 'not a DATEV-Format file (the first field is not EXTF or DTVF)' }], summary };
  if (head[2]?.trim() !== '21') return { rows: [], issues: [{ line: 1, reason: `DATEV category ${head[2]} (${head[3] ?? '?'}): only a Buchungsstapel (21) holds receivables` }], summary };
  const glLength = Number(head[13]) || 4;
  const from = yyyymmdd(head[14]);
  const to = yyyymmdd(head[15]);
  if (from) summary.from = from;
  if (to) summary.to = to;
  summary.advisor = head[10]?.trim() || undefined;
  summary.client = head[11]?.trim() || undefined;
  const headerCurrency = (head[21] ?? '').trim().toUpperCase() || options.defaultCurrency || 'EUR';
  const cols = (records[1]?.cells ?? []).map((c) => c.trim().toLowerCase());
  const col = (...names: string[]) => cols.findIndex((c) => names.includes(c));
  const c = {
    amount: col('umsatz (ohne soll/haben-kz)', 'umsatz'),
    side: col('soll/haben-kennzeichen'),
    currency: col('wkz umsatz'),
    account: col('konto', 'kontonummer'),
    contra: col('gegenkonto (ohne bu-schlüssel)', 'gegenkonto'),
    date: col('belegdatum'),
    doc1: col('belegfeld 1'),
    doc2: col('belegfeld 2'),
    discount: col('skonto'),
    due: col('zugeordnete fälligkeit', 'fälligkeit'),
  };
  const heading = (i: number) => (records[1]?.cells[i] ?? '').trim();
  summary.columns = [
    `${heading(c.account)} / ${heading(c.contra)} (the debtor account) → customer_id`,
    `${heading(c.doc1)} → invoice_id`,
    `${heading(c.date)} → issue_date and payment dates`,
    `${heading(c.amount)} + ${heading(c.side)} → amount (debit), payment, credit note or write-off (credit, by the contra account)`,
    ...(c.due >= 0 ? [`${heading(c.due)} → due_date`] : []),
    ...(c.doc2 >= 0 ? [`${heading(c.doc2)} (TTMMJJ) → due_date when no due date is given`] : []),
    ...(c.discount >= 0 ? [`${heading(c.discount)} → discount_amount`] : []),
    ...(c.currency >= 0 ? [`${heading(c.currency)} → currency`] : []),
  ];
  summary.yearFromPeriod = 0;
  summary.dueFromField = 0;
  summary.dueFromBelegfeld2 = 0;
  summary.dueFromTerms = 0;
  summary.currencyFromHeader = 0;
  const missing = Object.entries(c).filter(([k, i]) => i < 0 && ['amount', 'side', 'account', 'contra', 'date', 'doc1'].includes(k)).map(([k]) => k);
  if (missing.length > 0) return { rows: [], issues: [{ line: 2, reason: `DATEV column headings lack: ${missing.join(', ')}` }], summary };

  const lowDebtor = 10 ** glLength;
  const highDebtor = 7 * 10 ** glLength;
  const isDebtor = (a: number) => a >= lowDebtor && a < highDebtor;
  const items = new Map<string, Item>();
  for (const { line, cells } of records.slice(2)) {
    if (cells.every((x) => x.trim() === '')) continue;
    summary.postings++;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const amount = parseAmount(cell(c.amount), ',');
    const side = cell(c.side).toUpperCase();
    const account = Number(cell(c.account));
    const contra = Number(cell(c.contra));
    const date = datevDate(cell(c.date), from, to);
    if (date && /^\d{3,4}$/.test(cell(c.date))) summary.yearFromPeriod!++;
    if (!('value' in amount) || (side !== 'S' && side !== 'H') || !date) {
      issues.push({ line, reason: `posting not readable (amount "${cell(c.amount)}", side "${cell(c.side)}", Belegdatum "${cell(c.date)}")` });
      continue;
    }
    let debtor: number;
    let debit: boolean;
    if (isDebtor(account)) {
      debtor = account;
      debit = side === 'S';
    } else if (isDebtor(contra)) {
      debtor = contra;
      debit = side === 'H';
    } else {
      summary.otherAccounts++;
      continue;
    }
    summary.receivables++;
    const other = debtor === account ? contra : account;
    const invoiceId = cell(c.doc1);
    if (invoiceId === '') {
      issues.push({ line, reason: 'posting on a debtor without Belegfeld 1 (the invoice number OPOS keys on): left out', warning: true });
      continue;
    }
    const key = `${debtor}\u0000${invoiceId}`;
    let item = items.get(key);
    if (!item) {
      item = { customerId: String(debtor), invoiceId, line, amount: 0, currency: cell(c.currency).toUpperCase() || headerCurrency, payments: [], discount: 0, writtenOff: 0, credits: [] };
      if (!cell(c.currency)) summary.currencyFromHeader!++;
      items.set(key, item);
    }
    const value = Math.abs(amount.value);
    if (debit) {
      item.amount += value;
      item.issueDate ??= date;
      if (item.dueDate === undefined) {
        item.dueDate = datevDate(cell(c.due), from, to);
        if (item.dueDate !== undefined) summary.dueFromField!++;
        else if ((item.dueDate = belegfeld2Due(cell(c.doc2))) !== undefined) summary.dueFromBelegfeld2!++;
      }
      summary.invoices++;
    } else if (isBadDebtAccount(other)) {
      item.writtenOff += value;
      item.writtenOffDate = date;
      summary.writeOffs++;
    } else if (isRevenueAccount(other)) {
      item.credits.push({ date, amount: value, line });
      summary.creditNotes++;
    } else {
      item.payments.push({ date, amount: value });
      const skonto = parseAmount(cell(c.discount), ',');
      if ('value' in skonto) item.discount += Math.abs(skonto.value);
      summary.payments++;
    }
  }

  const rows: LedgerRow[] = [];
  for (const item of items.values()) {
    if (!item.issueDate) {
      issues.push({ line: item.line, reason: `payments or credits for ${item.invoiceId} of debtor ${item.customerId} without its invoice in this batch: left out`, warning: true });
      continue;
    }
    const net = options.defaultNetDays ?? 30;
    if (item.dueDate === undefined) summary.dueFromTerms!++;
    const dueDate = item.dueDate ?? new Date(Date.parse(item.issueDate) + net * 86_400_000).toISOString().slice(0, 10);
    const payments = item.payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const paidAmount = Math.round(payments.reduce((s, p) => s + p.amount, 0) * 100) / 100;
    rows.push({
      customerId: item.customerId,
      invoiceId: item.invoiceId,
      issueDate: item.issueDate,
      dueDate,
      amount: Math.round(item.amount * 100) / 100,
      currency: item.currency,
      paidAmount,
      dunningLevel: 0,
      collection: false,
      ...(payments.length > 0 ? { paidDate: payments[payments.length - 1]!.date, payments } : {}),
      ...(item.discount > 0 ? { discountAmount: Math.round(item.discount * 100) / 100 } : {}),
      ...(item.writtenOff > 0 ? { writtenOff: Math.round(item.writtenOff * 100) / 100, writtenOffDate: item.writtenOffDate! } : {}),
    });
    item.credits.forEach((cr, i) => {
      rows.push({ customerId: item.customerId, invoiceId: `${item.invoiceId}/GS${i + 1}`, issueDate: cr.date, dueDate: cr.date, amount: -cr.amount, currency: item.currency, paidAmount: 0, dunningLevel: 0, collection: false, reference: item.invoiceId });
    });
  }
  return { rows, issues, summary };
}

/** SKR03 2400–2409 (Forderungsverluste) and SKR04 6930–6939 (Forderungsverluste), in any account length. */
function isBadDebtAccount(a: number): boolean {
  const four = normaliseAccount(a);
  return (four >= 2400 && four <= 2409) || (four >= 6930 && four <= 6939);
}

/** SKR03 8000–8999 and SKR04 4000–4999: revenue (Erlöse), where credit notes are booked against. */
function isRevenueAccount(a: number): boolean {
  const four = normaliseAccount(a);
  return (four >= 8000 && four <= 8999) || (four >= 4000 && four <= 4999);
}

function normaliseAccount(a: number): number {
  let x = a;
  while (x >= 10_000) x = Math.floor(x / 10);
  return x;
}

function yyyymmdd(text: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec((text ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Belegdatum TTMM (year from the batch's period), TTMMJJ or TTMMJJJJ. */
export function datevDate(text: string, from?: string, to?: string): string | undefined {
  const t = text.trim();
  let d: number, m: number, y: number;
  if (/^\d{3,4}$/.test(t)) {
    const p = t.padStart(4, '0');
    d = Number(p.slice(0, 2));
    m = Number(p.slice(2, 4));
    const fromY = from ? Number(from.slice(0, 4)) : new Date().getUTCFullYear();
    const toY = to ? Number(to.slice(0, 4)) : fromY;
    y = fromY;
    // A period across New Year: January dates belong to the later year.
    if (toY > fromY && from && m < Number(from.slice(5, 7))) y = toY;
  } else if (/^\d{6}$/.test(t)) {
    [d, m, y] = [Number(t.slice(0, 2)), Number(t.slice(2, 4)), 2000 + Number(t.slice(4, 6))];
  } else if (/^\d{8}$/.test(t)) {
    [d, m, y] = [Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4, 8))];
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function belegfeld2Due(text: string): string | undefined {
  return /^\d{6}$/.test(text.trim()) ? datevDate(text) : undefined;
}
