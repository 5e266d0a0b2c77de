import type { Assessment, LedgerRow } from '../../platform/schemas/index.js';
import type { App } from '../compose.js';
import { buildPortfolio, type Portfolio, type ReportingConfig } from '../web/portfolio.js';
import { findCustomers } from '../lookup.js';
import { ledgerFeatureOptions } from '../ledger-file.js';

export type QueryApp = Pick<App, 'store' | 'config' | 'clock' | 'weights'>;
export { runCheck, type CheckAnswer, type CheckOptions, type ReportAnswer } from '../lookup.js';

/** Everything the portfolio page and /api/portfolio show. */
export async function loadPortfolio(app: QueryApp): Promise<Portfolio> {
  const [customers, latest] = await Promise.all([app.store.listCustomers(), app.store.latestAssessments()]);
  const ids = [...new Set([...customers.map((c) => c.id), ...latest.map((a) => a.customerId)])];
  const history = new Map<string, Assessment[]>();
  const ledger = new Map<string, LedgerRow[]>();
  await Promise.all(
    ids.map(async (id) => {
      const [h, l] = await Promise.all([app.store.assessmentHistory(id), app.store.ledgerForCustomer(id)]);
      history.set(id, h);
      ledger.set(id, l);
    }),
  );
  return buildPortfolio({ customers, latest, history, ledger, asOf: app.clock.now(), reporting: reportingOf(app.config), settlement: ledgerFeatureOptions(app.config) });
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
