import { assessCustomer } from '../../analysis/scoring/index.js';
import type { Assessment, Customer, LedgerRow } from '../../platform/schemas/index.js';
import type { App } from '../compose.js';
import { findCustomers } from '../lookup.js';
import { checkProspect, type DocumentSearch, type ProspectDocument } from '../prospect.js';
import { buildPortfolio, type Portfolio } from '../web/portfolio.js';

export type QueryApp = Pick<App, 'store' | 'config' | 'clock'>;

export interface CheckAnswer {
  kind: 'customer' | 'prospect';
  assessment: Assessment;
  customer?: Customer;
  /** Other customers the query also matched. */
  alternatives: Array<{ id: string; name: string }>;
  /** Prospects: the public documents the assessment rests on. */
  documents?: ProspectDocument[];
  /** Customers: their invoices and assessment history (for charts). */
  ledger?: LedgerRow[];
  history?: Assessment[];
}

/**
 * The pre-contract check: a known customer's assessment (recomputed for the order amount when
 * one is given), else a fresh prospect assessment from stored public documents.
 */
export interface CheckOptions {
  orderAmount?: number;
  /** Also load the ledger and the assessment history (the web report's charts). */
  details?: boolean;
  /** A cached watchlist search; without it the watchlist is read and searched per call. */
  find?: (q: string) => Promise<Customer[]>;
}

/**
 * The pre-contract check: a known customer's assessment (recomputed for the order amount when
 * one is given), else a fresh prospect assessment from stored public documents.
 */
export async function runCheck(app: QueryApp, documents: DocumentSearch | undefined, q: string, options: CheckOptions = {}): Promise<CheckAnswer | undefined> {
  const { orderAmount, details = false } = options;
  const matches = options.find ? await options.find(q) : findCustomers(await app.store.listCustomers(), q);
  // Customers known only from the ledger (not on the watchlist) can be checked by id.
  const id = matches[0]?.id ?? ((await app.store.ledgerCustomerIds()).includes(q.trim()) ? q.trim() : undefined);
  if (id) {
    let assessment = orderAmount === undefined ? await app.store.latestAssessment(id) : undefined;
    const ledger = details || orderAmount !== undefined ? await app.store.ledgerForCustomer(id) : undefined;
    if (!assessment) {
      const [customer, signals] = await Promise.all([matches[0] ? Promise.resolve(matches[0]) : app.store.getCustomer(id), app.store.signalsForCustomer(id)]);
      const rows = ledger ?? (await app.store.ledgerForCustomer(id));
      if (customer || rows.length > 0 || signals.length > 0) {
        const name = customer?.name ?? rows.find((r) => r.customerName)?.customerName ?? id;
        assessment = assessCustomer({ customer: { id, name, industry: customer?.industry }, ledger: rows, signals, asOf: app.clock.now(), policy: app.config.policy, ...(orderAmount !== undefined ? { orderAmount } : {}) });
      }
    }
    if (assessment) {
      return {
        kind: 'customer',
        assessment,
        customer: matches[0],
        alternatives: matches.slice(1, 6).map((c) => ({ id: c.id, name: c.name })),
        ...(details ? { ledger, history: await app.store.assessmentHistory(id) } : {}),
      };
    }
  }
  if (!documents) return undefined;
  const prospect = await checkProspect({ documents, policy: app.config.policy, clock: app.clock }, q, orderAmount);
  if (!prospect) return undefined;
  return { kind: 'prospect', assessment: prospect.assessment, alternatives: [], documents: prospect.documents };
}

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
  return buildPortfolio({ customers, latest, history, ledger, asOf: app.clock.now() });
}

/** Suggestions for a search box: customers whose name or register id matches. */
export async function suggestCustomers(app: QueryApp, q: string, limit = 8): Promise<Array<{ id: string; name: string }>> {
  return findCustomers(await app.store.listCustomers(), q)
    .slice(0, limit)
    .map((c) => ({ id: c.id, name: c.name }));
}
