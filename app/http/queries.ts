import type { PortfolioSort } from '../../platform/store/port.js';
import type { App } from '../compose.js';
import { buildPortfolio, DEFAULT_DESCENDING, PORTFOLIO_PAGE, toPortfolioRow, type Portfolio, type PortfolioPageQuery, type PortfolioRow, type ReportingConfig } from '../web/portfolio.js';
export { DEFAULT_DESCENDING, EXPORT_LIMIT, PORTFOLIO_PAGE } from '../web/portfolio.js';
import { findCustomers } from '../lookup.js';

export type QueryApp = Pick<App, 'store' | 'config' | 'clock' | 'weights'>;
export { runCheck, type CheckAnswer, type CheckOptions, type ReportAnswer } from '../lookup.js';

export interface PortfolioOptions {
  sort?: PortfolioSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  grade?: string;
  tag?: string;
  industry?: string;
}

/**
 * Everything the portfolio page, /api/portfolio and /api/customers show: one page of customers,
 * the totals over all of them, and the biggest movers — three set-based store queries, however
 * many customers there are.
 */
export async function loadPortfolio(app: QueryApp, o: PortfolioOptions = {}): Promise<Portfolio> {
  const { today, reporting, query, base } = pageQuery(app, o);
  const [page, totals, movers] = await Promise.all([
    app.store.portfolioPage({ ...base, ...query }),
    app.store.portfolioTotals(today),
    app.store.portfolioPage({ ...base, sort: 'movement', descending: true, moved: true, limit: 8, offset: 0 }),
  ]);
  return buildPortfolio({ page, totals, movers: movers.rows, query, reporting });
}

/** One page of customers only (/api/customers): the page query, without the portfolio's totals. */
export async function loadCustomerPage(app: QueryApp, o: PortfolioOptions = {}): Promise<{ total: number; rows: PortfolioRow[] }> {
  const { reporting, query, base } = pageQuery(app, o);
  const page = await app.store.portfolioPage({ ...base, ...query });
  return { total: page.total, rows: page.rows.map((e) => toPortfolioRow(e, reporting)) };
}

function pageQuery(app: QueryApp, o: PortfolioOptions) {
  const today = app.clock.now().toISOString().slice(0, 10);
  const reporting = reportingOf(app.config);
  const sort = o.sort ?? 'risk';
  const query: PortfolioPageQuery = {
    sort,
    descending: o.order ? o.order === 'desc' : DEFAULT_DESCENDING[sort],
    limit: o.limit ?? PORTFOLIO_PAGE,
    offset: o.offset ?? 0,
    ...(o.grade ? { grade: o.grade } : {}),
    ...(o.tag ? { tag: o.tag } : {}),
    ...(o.industry ? { industry: o.industry } : {}),
  };
  return { today, reporting, query, base: { today, reporting: { currency: reporting.currency, rates: reporting.rates } } };
}

/** Suggestions for a search box: customers whose name or register id matches. */
export async function suggestCustomers(app: QueryApp, q: string, limit = 8): Promise<Array<{ id: string; name: string }>> {
  return findCustomers(await app.store.listCustomers(), q)
    .slice(0, limit)
    .map((c) => ({ id: c.id, name: c.name }));
}

/** The reporting currency and rates (config `reporting:`); the policy currency when none is set. */
export function reportingOf(config: App['config']): ReportingConfig {
  return { currency: config.reporting.currency ?? config.policy.currency, rates: config.reporting.rates, ...(config.reporting.ratesAsOf ? { ratesAsOf: config.reporting.ratesAsOf } : {}) };
}
