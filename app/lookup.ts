import type { Assessment, Customer } from '../platform/schemas/index.js';
import type { Store } from '../platform/store/port.js';
import { scoreCustomer } from '../analysis/scorer.consumer.js';
import type { App } from './compose.js';

const fold = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const compactId = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Finds customers for a check query: id or register id exactly, else names and aliases
 * (diacritics and punctuation folded); best matches first.
 */
export function findCustomers(customers: Customer[], query: string): Customer[] {
  const q = query.trim();
  if (q === '') return [];
  const byId = customers.filter((c) => c.id === q || c.registerIds.some((r) => compactId(r) === compactId(q)));
  if (byId.length > 0) return byId;
  const fq = fold(q);
  if (fq.length < 2) return [];
  const scored = customers
    .map((c) => {
      const names = [c.name, ...c.aliases].map(fold);
      const rank = names.some((n) => n === fq) ? 0 : names.some((n) => n.startsWith(fq)) ? 1 : names.some((n) => ` ${n} `.includes(` ${fq} `)) ? 2 : names.some((n) => n.includes(fq)) ? 3 : -1;
      return { c, rank };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name));
  return scored.map((x) => x.c);
}

export interface CheckResult {
  assessment: Assessment;
  customer: Customer | undefined;
  /** Other customers that also matched the query. */
  alternatives: Customer[];
}

/** The pre-contract check: the best match's latest assessment, computed now if none is stored yet. */
export async function checkCompany(app: Pick<App, 'store' | 'config' | 'clock' | 'weights'>, query: string): Promise<CheckResult | undefined> {
  const store: Store = app.store;
  const customers = await store.listCustomers();
  let matches = findCustomers(customers, query);
  let customerId = matches[0]?.id;
  if (!customerId) {
    // Customers known only from the ledger (not on the watchlist) can be checked by id.
    const ledgerIds = await store.ledgerCustomerIds();
    customerId = ledgerIds.find((id) => id === query.trim());
    matches = [];
  }
  if (!customerId) return undefined;
  const assessment =
    (await store.latestAssessment(customerId)) ??
    (await scoreCustomer({ customers: store, ledger: store, signals: store, policy: app.config.policy, weights: app.weights }, customerId, app.clock.now()));
  if (!assessment) return undefined;
  return { assessment, customer: matches[0], alternatives: matches.slice(1, 6) };
}
