import type { Assessment } from '../schemas/index.js';
import type { PortfolioEntry, PortfolioQuery, PortfolioTotals } from './port.js';

/** The portfolio columns of `assessments_latest`, from the assessment they summarise (both adapters write these). */
export function latestColumns(a: Assessment) {
  return {
    name: a.name,
    grade: a.grade,
    score: a.score,
    pd: a.pd,
    terms_kind: a.terms.kind,
    as_of: a.asOf,
    approved_limit: a.exposure?.approvedLimit ?? null,
    utilisation: a.exposure?.utilisation ?? null,
    currency: a.exposure?.currency ?? null,
    next_step: a.nextStep ? JSON.stringify(a.nextStep) : null,
    overridden: a.override ? 1 : 0,
  };
}

/** One row of a portfolio page as both adapters select it; per-currency amounts as parallel arrays. */
export interface PortfolioSqlRow {
  id: string;
  name: string;
  industry: string | null;
  tags: string | string[] | null;
  grade: string | null;
  score: number | string | null;
  pd: number | string | null;
  terms_kind: string | null;
  as_of: string | null;
  prev_score: number | string | null;
  prev_grade: string | null;
  approved_limit: number | string | null;
  utilisation: number | string | null;
  currency: string | null;
  next_step: string | null;
  overridden: number | string | null;
  currencies: string | string[] | null;
  opens: string | Array<number | string> | null;
  overdues: string | Array<number | string> | null;
}

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const list = <T>(v: string | T[] | null): T[] => (v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const round2 = (x: number) => Math.round(x * 100) / 100;

export function toPortfolioEntry(r: PortfolioSqlRow): PortfolioEntry {
  const currencies = list<string>(r.currencies);
  const opens = list<number | string>(r.opens);
  const overdues = list<number | string>(r.overdues);
  const open: Record<string, number> = {};
  const overdue: Record<string, number> = {};
  currencies.forEach((cur, i) => {
    const o = round2(Number(opens[i] ?? 0));
    const d = round2(Number(overdues[i] ?? 0));
    if (o > 0) open[cur] = o;
    if (d > 0) overdue[cur] = d;
  });
  return {
    id: r.id,
    name: r.name,
    industry: r.industry ?? '',
    tags: list<string>(r.tags),
    grade: (r.grade || null) as PortfolioEntry['grade'],
    score: num(r.score),
    pd: num(r.pd),
    termsKind: (r.terms_kind || null) as PortfolioEntry['termsKind'],
    asOf: r.as_of || null,
    previousScore: num(r.prev_score),
    previousGrade: (r.prev_grade || null) as PortfolioEntry['previousGrade'],
    approvedLimit: num(r.approved_limit),
    utilisation: num(r.utilisation),
    currency: r.currency || null,
    nextStep: r.next_step ? (JSON.parse(r.next_step) as Assessment['nextStep']) : null,
    overridden: Number(r.overridden ?? 0) === 1,
    open,
    overdue,
  };
}

/**
 * The ORDER BY of a portfolio query: the sort key (unknown values last in either direction), then
 * name and id so that pages never overlap. `cols` names each key's SQL expression in the adapter.
 */
export function portfolioOrderBy(q: Pick<PortfolioQuery, 'sort' | 'descending'>, cols: Record<PortfolioQuery['sort'], string>, name: string): string {
  const key = cols[q.sort];
  const dir = q.descending ? 'DESC' : 'ASC';
  return q.sort === 'name' ? `${name} ${dir}, id ${dir}` : `(${key}) IS NULL, ${key} ${dir}, ${name} ASC, id ASC`;
}

/** Rates of the reporting currency itself first (1), then the configured ones. */
export function reportingRates(q: PortfolioQuery): Array<[string, number]> {
  const out: Array<[string, number]> = [[q.reporting.currency, 1]];
  for (const [cur, rate] of Object.entries(q.reporting.rates)) if (cur !== q.reporting.currency && Number.isFinite(rate)) out.push([cur, rate]);
  return out;
}

/** Shapes the totals query's rows (both adapters select the same columns). */
export function totalsFrom(rows: Array<{ kind: string; grade: string | null; currency: string | null; customers: number | string; open: number | string; overdue: number | string }>): PortfolioTotals {
  const grades = rows.filter((r) => r.kind === 'grade').map((r) => ({ grade: (r.grade || null) as PortfolioTotals['grades'][number]['grade'], customers: Number(r.customers) }));
  const amounts = rows
    .filter((r) => r.kind === 'amount')
    .map((r) => ({ grade: (r.grade || null) as PortfolioTotals['grades'][number]['grade'], currency: r.currency ?? '', open: Math.round(Number(r.open) * 100) / 100, overdue: Math.round(Number(r.overdue) * 100) / 100 }));
  return { customers: grades.reduce((n, g) => n + g.customers, 0), grades, amounts };
}
