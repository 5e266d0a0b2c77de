import { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, summarizeOpenItems, type SettlementOptions } from '../../analysis/scoring/index.js';
import { GRADES, type Assessment, type Grade, type LedgerRow } from '../../platform/schemas/index.js';
import type { PortfolioEntry, PortfolioSort, PortfolioTotals } from '../../platform/store/port.js';

/** Money per currency: a portfolio may invoice in CHF, EUR and GBP at once, never summed across. */
export type Amounts = Record<string, number>;

export interface LedgerSummary {
  invoices: number;
  /** Open receivables (unpaid part of every open invoice). */
  open: Amounts;
  /** The open part that is past its due date. */
  overdue: Amounts;
  paidLate: number;
  paid: number;
}

export interface PortfolioRow {
  id: string;
  name: string;
  industry: string;
  tags: string[];
  grade: Grade | null;
  score: number | null;
  pd: number | null;
  termsKind: Assessment['terms']['kind'] | null;
  asOf: string | null;
  open: Amounts;
  overdue: Amounts;
  /** Score change against the previous stored assessment (positive = riskier). */
  delta: number;
  previousGrade: Grade | null;
  /** The approved limit and its use (open ÷ limit), from the latest assessment. */
  approvedLimit: number | null;
  utilisation: number | null;
  currency: string | null;
  /** What to do next, as a catalogue code. */
  nextStep: { code: string; params: Record<string, string | number> } | null;
  /** A credit manager's override is in force. */
  overridden: boolean;
  /** Open and overdue in the reporting currency; null when a currency has no configured rate. */
  openReporting: number | null;
  overdueReporting: number | null;
}

export interface Portfolio {
  /** One page of customers (all of them for an export). */
  rows: PortfolioRow[];
  /** Customers matching the page's filters, on every page. */
  total: number;
  page: { limit: number; offset: number; sort: PortfolioSort; order: 'asc' | 'desc'; grade?: string; tag?: string; industry?: string };
  grades: Record<Grade, { count: number; open: Amounts }>;
  unassessed: number;
  open: Amounts;
  /** Open receivables of customers graded D or E. */
  atRisk: Amounts;
  movers: PortfolioRow[];
  /** The totals in one currency at the configured rates, and what could not be converted. */
  reporting: ReportingTotals;
}

export interface ReportingTotals {
  currency: string;
  open: number;
  overdue: number;
  atRisk: number;
  /** Amounts in currencies without a configured rate: shown apart, not in the totals. */
  unconverted: Amounts;
  ratesAsOf?: string;
}

export interface ReportingConfig {
  currency: string;
  /** Value of one unit of each other currency in `currency`. */
  rates: Readonly<Record<string, number>>;
  ratesAsOf?: string;
}

/** Amounts per currency in the reporting currency: the sum of what has a rate, and the rest apart. */
export function convertAmounts(amounts: Amounts, r: ReportingConfig): { total: number; unconverted: Amounts } {
  let total = 0;
  const unconverted: Amounts = {};
  for (const [cur, v] of Object.entries(amounts)) {
    const rate = cur === r.currency ? 1 : r.rates[cur];
    if (rate === undefined) unconverted[cur] = (unconverted[cur] ?? 0) + v;
    else total += v * rate;
  }
  return { total: Math.round(total * 100) / 100, unconverted };
}

/** Rows per portfolio page unless asked otherwise; an export takes them all (up to EXPORT_LIMIT). */
export const PORTFOLIO_PAGE = 100;
export const EXPORT_LIMIT = 1_000_000;

/** Which way each sort runs unless told: the riskiest, largest, most changed first; names A to Z. */
export const DEFAULT_DESCENDING: Record<PortfolioSort, boolean> = {
  risk: true, name: false, pd: true, open: true, overdue: true, change: true, movement: true, limitUse: true,
};

/** One page of the portfolio and the totals over all of it, as the store reads them (set-based). */
export interface PortfolioInput {
  page: { total: number; rows: PortfolioEntry[] };
  totals: PortfolioTotals;
  /** The customers whose score moved most, biggest move first. */
  movers: PortfolioEntry[];
  /** How the page was asked for. */
  query: PortfolioPageQuery;
  /** Totals in one currency (config `reporting:`); without it, CHF and no rates. */
  reporting?: ReportingConfig;
  /** How the ledger is read (config `ledger.maxDiscountShare`); the default 3 % otherwise. */
  settlement?: SettlementOptions;
}

export interface PortfolioPageQuery {
  sort: PortfolioSort;
  descending: boolean;
  limit: number;
  offset: number;
  grade?: string;
  tag?: string;
  industry?: string;
}

const add = (into: Amounts, currency: string, amount: number) => {
  if (amount > 0) into[currency] = Math.round(((into[currency] ?? 0) + amount) * 100) / 100;
};

/**
 * One customer's invoices as the portfolio shows them, with the ledger's meaning (a cash discount
 * taken in time is not open, credit notes reduce what is owed, write-offs are no longer open):
 * the same figures as the assessment's exposure.
 */
export function summarizeLedger(rows: readonly LedgerRow[], asOf: Date, settlement: SettlementOptions = DEFAULT_SETTLEMENT_OPTIONS): LedgerSummary {
  const s = summarizeOpenItems(rows, asOf, settlement);
  return { invoices: s.invoices, open: s.open, overdue: s.overdue, paidLate: s.paidLate, paid: s.paid };
}

/** A store entry as the portfolio shows it: the score change rounded, amounts also in the reporting currency. */
export function toPortfolioRow(e: PortfolioEntry, reporting: ReportingConfig): PortfolioRow {
  const open = convertAmounts(e.open, reporting);
  const overdue = convertAmounts(e.overdue, reporting);
  return {
    id: e.id,
    name: e.name,
    industry: e.industry,
    tags: e.tags,
    grade: e.grade,
    score: e.score,
    pd: e.pd,
    termsKind: e.termsKind,
    asOf: e.asOf,
    open: e.open,
    overdue: e.overdue,
    delta: e.score !== null && e.previousScore !== null ? round1(e.score - e.previousScore) : 0,
    previousGrade: e.previousGrade,
    approvedLimit: e.approvedLimit,
    utilisation: e.utilisation,
    currency: e.currency ?? Object.keys(e.open)[0] ?? null,
    nextStep: e.nextStep ?? null,
    overridden: e.overridden,
    openReporting: Object.keys(open.unconverted).length === 0 ? open.total : null,
    overdueReporting: Object.keys(overdue.unconverted).length === 0 ? overdue.total : null,
  };
}

/** The portfolio's page, grade distribution, exposure at risk and biggest score moves (pure). */
export function buildPortfolio(input: PortfolioInput): Portfolio {
  const reporting = input.reporting ?? { currency: 'CHF', rates: {} };
  const grades = Object.fromEntries(GRADES.map((g) => [g, { count: 0, open: {} as Amounts }])) as Portfolio['grades'];
  let unassessed = 0;
  for (const g of input.totals.grades) {
    if (g.grade) grades[g.grade].count += g.customers;
    else unassessed += g.customers;
  }
  const open: Amounts = {};
  const overdue: Amounts = {};
  const atRisk: Amounts = {};
  for (const a of input.totals.amounts) {
    add(open, a.currency, a.open);
    add(overdue, a.currency, a.overdue);
    if (a.grade) add(grades[a.grade].open, a.currency, a.open);
    if (a.grade === 'D' || a.grade === 'E') add(atRisk, a.currency, a.open);
  }
  const openTotal = convertAmounts(open, reporting);
  const q = input.query;
  return {
    rows: input.page.rows.map((e) => toPortfolioRow(e, reporting)),
    total: input.page.total,
    page: { limit: q.limit, offset: q.offset, sort: q.sort, order: q.descending ? 'desc' : 'asc', ...(q.grade ? { grade: q.grade } : {}), ...(q.tag ? { tag: q.tag } : {}), ...(q.industry ? { industry: q.industry } : {}) },
    grades,
    unassessed,
    open,
    atRisk,
    movers: input.movers.map((e) => toPortfolioRow(e, reporting)),
    reporting: {
      currency: reporting.currency,
      open: openTotal.total,
      overdue: convertAmounts(overdue, reporting).total,
      atRisk: convertAmounts(atRisk, reporting).total,
      unconverted: openTotal.unconverted,
      ...(reporting.ratesAsOf ? { ratesAsOf: reporting.ratesAsOf } : {}),
    },
  };
}

export interface MonthBucket {
  month: string; // YYYY-MM of the invoice date
  onTime: number;
  late: number;
  openNotDue: number;
  overdue: number;
  /** Amount-weighted days paid after the due date (paid invoices only). */
  avgDaysLate: number | null;
}

const dayMs = 86_400_000;

/**
 * Invoiced amounts per month by how they were paid: the payment-behaviour chart's data. A payment
 * within `graceDays` after the due date is on time, as the score counts it (ledger toleranceDays).
 * Read with the ledger's meaning: each payment counts with its own date, a cash discount taken
 * counts with the payment it came with, credit notes reduce the invoice (they are not sales), an
 * amount written off counts as late (it was never paid), and only what is still owed is open.
 */
export function paymentBehaviour(rows: readonly LedgerRow[], asOf: Date, options: { months?: number; graceDays?: number; settlement?: SettlementOptions } = {}): MonthBucket[] {
  const months = options.months ?? 12;
  const grace = options.graceDays ?? 0;
  const end = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1));
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) keys.push(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  const buckets = new Map(keys.map((k) => [k, { month: k, onTime: 0, late: 0, openNotDue: 0, overdue: 0, avgDaysLate: null as number | null, w: 0, d: 0 }]));
  const today = Math.floor(asOf.getTime() / dayMs);
  for (const inv of settleLedger(rows, asOf, options.settlement ?? DEFAULT_SETTLEMENT_OPTIONS).invoices) {
    const b = buckets.get(inv.row.issueDate.slice(0, 7));
    if (!b) continue;
    const dated = inv.parts.reduce((sum, p) => sum + p.amount, 0);
    // Undated payments say nothing about timing: on time, outside the average delay.
    b.onTime += inv.paid - dated;
    inv.parts.forEach((p, i) => {
      const amount = p.amount + (i === inv.parts.length - 1 ? inv.discount : 0);
      const late = Math.max(0, p.day - inv.dueDay);
      if (late > grace) b.late += amount;
      else b.onTime += amount;
      b.w += amount;
      b.d += late * amount;
    });
    if (inv.parts.length === 0) b.onTime += inv.discount;
    b.late += inv.writtenOff;
    if (inv.open > 0) {
      if (inv.dueDay < today && !inv.disputed) b.overdue += inv.open;
      else b.openNotDue += inv.open;
    }
  }
  return [...buckets.values()].map(({ w, d, ...b }) => ({ ...b, onTime: round2(b.onTime), late: round2(b.late), openNotDue: round2(b.openNotDue), overdue: round2(b.overdue), avgDaysLate: w > 0 ? round1(d / w) : null }));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
