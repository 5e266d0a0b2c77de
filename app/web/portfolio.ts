import { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, summarizeOpenItems, type SettlementOptions } from '../../analysis/scoring/index.js';
import { GRADES, type Assessment, type Customer, type Grade, type LedgerRow } from '../../platform/schemas/index.js';

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
  rows: PortfolioRow[];
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

export interface PortfolioInput {
  customers: Customer[];
  latest: Assessment[];
  history: Map<string, Assessment[]>;
  ledger: Map<string, LedgerRow[]>;
  asOf: Date;
  /** Totals in one currency (config `reporting:`); without it, the policy currency and no rates. */
  reporting?: ReportingConfig;
  /** How the ledger is read (config `ledger.maxDiscountShare`); the default 3 % otherwise. */
  settlement?: SettlementOptions;
}

const add = (into: Amounts, currency: string, amount: number) => {
  if (amount > 0) into[currency] = (into[currency] ?? 0) + amount;
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

/** Customers by risk, grade distribution, exposure at risk and the biggest score moves. */
export function buildPortfolio(input: PortfolioInput): Portfolio {
  const latest = new Map(input.latest.map((a) => [a.customerId, a]));
  const customers = new Map(input.customers.map((c) => [c.id, c]));
  const ids = new Set([...customers.keys(), ...latest.keys()]);
  const rows: PortfolioRow[] = [];
  for (const id of ids) {
    const c = customers.get(id);
    const a = latest.get(id);
    const ledger = summarizeLedger(input.ledger.get(id) ?? [], input.asOf, input.settlement);
    const history = input.history.get(id) ?? [];
    const previous = history.length >= 2 ? history[history.length - 2] : undefined;
    rows.push({
      id,
      name: c?.name ?? a?.name ?? id,
      industry: c?.industry ?? '',
      tags: c?.tags ?? [],
      grade: a?.grade ?? null,
      score: a?.score ?? null,
      pd: a?.pd ?? null,
      termsKind: a?.terms.kind ?? null,
      asOf: a?.asOf ?? null,
      open: ledger.open,
      overdue: ledger.overdue,
      delta: a && previous ? round1(a.score - previous.score) : 0,
      previousGrade: previous?.grade ?? null,
      approvedLimit: a?.exposure?.approvedLimit ?? null,
      utilisation: a?.exposure?.utilisation ?? null,
      currency: a?.exposure?.currency ?? Object.keys(ledger.open)[0] ?? null,
      nextStep: a?.nextStep ?? null,
      overridden: a?.override !== undefined,
      openReporting: null,
      overdueReporting: null,
    });
  }
  rows.sort((x, y) => (y.score ?? -1) - (x.score ?? -1) || x.name.localeCompare(y.name));
  const grades = Object.fromEntries(GRADES.map((g) => [g, { count: 0, open: {} as Amounts }])) as Portfolio['grades'];
  const open: Amounts = {};
  const atRisk: Amounts = {};
  let unassessed = 0;
  for (const r of rows) {
    for (const [cur, v] of Object.entries(r.open)) {
      add(open, cur, v);
      if (r.grade) add(grades[r.grade].open, cur, v);
      if (r.grade === 'D' || r.grade === 'E') add(atRisk, cur, v);
    }
    if (r.grade) grades[r.grade].count++;
    else unassessed++;
  }
  const reporting = input.reporting ?? { currency: 'CHF', rates: {} };
  for (const r of rows) {
    const open = convertAmounts(r.open, reporting);
    const overdue = convertAmounts(r.overdue, reporting);
    r.openReporting = Object.keys(open.unconverted).length === 0 ? open.total : null;
    r.overdueReporting = Object.keys(overdue.unconverted).length === 0 ? overdue.total : null;
  }
  const openTotal = convertAmounts(open, reporting);
  const overdueTotal = convertAmounts(sumAmounts(rows.map((r) => r.overdue)), reporting);
  const atRiskTotal = convertAmounts(atRisk, reporting);
  const movers = rows
    .filter((r) => r.delta !== 0)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.name.localeCompare(y.name))
    .slice(0, 8);
  return {
    rows,
    grades,
    unassessed,
    open,
    atRisk,
    movers,
    reporting: {
      currency: reporting.currency,
      open: openTotal.total,
      overdue: overdueTotal.total,
      atRisk: atRiskTotal.total,
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

function sumAmounts(list: Amounts[]): Amounts {
  const out: Amounts = {};
  for (const a of list) for (const [c, v] of Object.entries(a)) add(out, c, v);
  return out;
}
