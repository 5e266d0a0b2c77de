import type { Assessment, Customer, LedgerRow } from '../platform/schemas/index.js';
import { checkProspect, type DocumentSearch, type ProspectDocument } from './prospect.js';
import { entryDocuments } from '../collectors/registers/lookup/notice-documents.js';
import { parseRegisterId } from '../platform/registers/register-id.js';
import type { RegisterCandidate, RegisterEntry, SourceReport } from '../platform/registers/register-entry.js';
import type { RegisterServices } from './registers.js';
import { scoreCustomer } from '../analysis/scoring/score-customer.js';
import type { App } from './compose.js';
import { foldSearchKey } from '../analysis/text/fold.js';

// Folded like the linker folds names, so "Mueller" finds "Müller" and "Zuerich" finds "Zürich".
const fold = foldSearchKey;
const compactId = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

export interface CustomerSearch {
  /** Id or register id exactly; else names and aliases (diacritics and punctuation folded), best first. */
  find(query: string): Customer[];
}

/** The watchlist folded once, for searching it many times (the HTTP server caches one per watchlist version). */
export function indexCustomers(customers: Customer[]): CustomerSearch {
  const entries = customers.map((customer) => ({ customer, names: [customer.name, ...customer.aliases].map(fold) }));
  const byId = new Map(customers.map((c) => [c.id, c]));
  const byRegisterId = new Map<string, Customer[]>();
  for (const c of customers) {
    for (const key of new Set(c.registerIds.map(compactId))) byRegisterId.set(key, [...(byRegisterId.get(key) ?? []), c]);
  }
  return {
    find(query) {
      const q = query.trim();
      if (q === '') return [];
      const own = byId.get(q);
      const exact = [...(own ? [own] : []), ...(byRegisterId.get(compactId(q)) ?? []).filter((c) => c !== own)];
      if (exact.length > 0) return exact;
      const fq = fold(q);
      if (fq.length < 2) return [];
      const ranked: Array<{ c: Customer; rank: number }> = [];
      for (const { customer, names } of entries) {
        const rank = names.some((n) => n === fq) ? 0 : names.some((n) => n.startsWith(fq)) ? 1 : names.some((n) => ` ${n} `.includes(` ${fq} `)) ? 2 : names.some((n) => n.includes(fq)) ? 3 : -1;
        if (rank >= 0) ranked.push({ c: customer, rank });
      }
      return ranked.sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name)).map((x) => x.c);
    },
  };
}

/** Finds customers for a check query once; see CustomerSearch. */
export function findCustomers(customers: Customer[], query: string): Customer[] {
  return indexCustomers(customers).find(query);
}

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
  /** What the registers say: entries found, one line per register asked (or not), and candidates of a name search. */
  register?: CheckRegister;
}

export interface CheckRegister {
  entries: RegisterEntry[];
  sources: SourceReport[];
  candidates: RegisterCandidate[];
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
  /** Registers to ask about a company that is not a customer; without it only stored documents count. */
  registers?: RegisterServices;
  /** Filled with the registers' report lines even when nothing is found (the caller says what was asked). */
  sourcesOut?: SourceReport[];
}

/**
 * The pre-contract check: a known customer's assessment (recomputed for the order amount when
 * one is given), else a fresh prospect assessment from stored public documents.
 */
export async function runCheck(app: Pick<App, 'store' | 'config' | 'clock' | 'weights'>, documents: DocumentSearch | undefined, q: string, options: CheckOptions = {}): Promise<CheckAnswer | undefined> {
  const { orderAmount, details = false } = options;
  const matches = options.find ? await options.find(q) : findCustomers(await app.store.listCustomers(), q);
  // Customers known only from the ledger (not on the watchlist) can be checked by id.
  const id = matches[0]?.id ?? ((await app.store.ledgerCustomerIds()).includes(q.trim()) ? q.trim() : undefined);
  if (id) {
    // The stored assessment is current (re-scored on every change); an order amount needs fresh terms.
    const assessment =
      (orderAmount === undefined ? await app.store.latestAssessment(id) : undefined) ??
      (await scoreCustomer(
        { customers: app.store, ledger: app.store, signals: app.store, registers: app.store.registers, policy: app.config.policy, weights: app.weights },
        id,
        app.clock.now(),
        { orderAmount },
      ));
    const ledger = details ? await app.store.ledgerForCustomer(id) : undefined;
    if (assessment) {
      const entries = await app.store.registers.entriesFor(id);
      const refresh = entries.length > 0 ? (await app.store.registers.refreshes()).find((r) => r.customerId === id) : undefined;
      return {
        kind: 'customer',
        assessment,
        customer: matches[0],
        alternatives: matches.slice(1, 6).map((c) => ({ id: c.id, name: c.name })),
        ...(details ? { ledger, history: await app.store.assessmentHistory(id) } : {}),
        ...(entries.length > 0 ? { register: { entries, sources: refresh?.sources ?? [], candidates: [] } } : {}),
      };
    }
  }
  if (!documents && !options.registers) return undefined;
  const ids = parseRegisterId(q);
  const looked = options.registers ? await options.registers.lookup({ ids, ...(ids.length === 0 ? { name: q.trim() } : {}) }) : undefined;
  options.sourcesOut?.push(...(looked?.sources ?? []));
  const register = looked ? { entries: looked.entries, documents: entryDocuments(looked.entries, app.clock.now()) } : undefined;
  const search = documents ?? { documentsMentioning: async () => [] };
  const prospect = await checkProspect({ documents: search, policy: app.config.policy, clock: app.clock }, q, orderAmount, register);
  if (!prospect) return undefined;
  return {
    kind: 'prospect',
    assessment: prospect.assessment,
    alternatives: [],
    documents: prospect.documents,
    ...(looked ? { register: { entries: looked.entries, sources: looked.sources, candidates: looked.candidates } } : {}),
  };
}
