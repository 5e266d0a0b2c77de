import { ledgerFeatureOptions } from './ledger-options.js';
import type { Assessment, Customer, Grade, LedgerRow } from '../platform/schemas/index.js';
import { indexCustomers, type SearchResult } from './customer-search.js';
import { checkProspect, type DocumentSearch, type ProspectDocument } from './prospect.js';
import { entryDocuments } from '../collectors/registers/lookup/notice-documents.js';
import { parseRegisterId } from '../platform/registers/register-id.js';
import type { RegisterCandidate, RegisterEntry, SourceReport } from '../platform/registers/register-entry.js';
import type { RegisterServices } from './registers.js';
import { scoreCustomer, type ScoreCustomerDeps } from '../analysis/scoring/score-customer.js';
import type { App } from './compose.js';
import type { FreshAssessments } from './fresh-assessment.js';

export { indexCustomers, type CustomerSearch, type SearchResult } from './customer-search.js';

/** Finds customers for a check query once; see CustomerSearch. */
export function findCustomers(customers: Customer[], query: string): Customer[] {
  return indexCustomers(customers).find(query);
}

/** Several customers match and none clearly: the caller lists them (a bare "AG" never opens one report). */
export interface CandidatesAnswer {
  kind: 'candidates';
  candidates: Array<{ id: string; name: string; grade: Grade | null }>;
}

export type CheckAnswer = ReportAnswer | CandidatesAnswer;

export interface ReportAnswer {
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
  search?: (q: string) => Promise<SearchResult>;
  /** Assessments for an order amount from kept inputs (see createFreshAssessments); without it the inputs are read per call. */
  fresh?: FreshAssessments;
  /** Registers to ask about a company that is not a customer; without it only stored documents count. */
  registers?: RegisterServices;
  /** Filled with the registers' report lines even when nothing is found (the caller says what was asked). */
  sourcesOut?: SourceReport[];
}

/** What a check scores a customer from: the store's reads, the policy, the weights, the ledger options. */
export function checkScoringDeps(app: Pick<App, 'store' | 'config' | 'weights'>): ScoreCustomerDeps {
  return { customers: app.store, ledger: app.store, signals: app.store, registers: app.store.registers, credit: app.store.credit, policy: app.config.policy, weights: app.weights, ledgerOptions: ledgerFeatureOptions(app.config) };
}

/**
 * The pre-contract check: a known customer's assessment (recomputed for the order amount when
 * one is given), else a fresh prospect assessment from stored public documents.
 */
export async function runCheck(app: Pick<App, 'store' | 'config' | 'clock' | 'weights' | 'linkModel'> & Partial<Pick<App, 'eventModel'>>, documents: DocumentSearch | undefined, q: string, options: CheckOptions = {}): Promise<CheckAnswer | undefined> {
  const { orderAmount, details = false } = options;
  const result = options.search ? await options.search(q) : indexCustomers(await app.store.listCustomers()).search(q);
  const matches = result.decided ? [result.decided, ...result.customers.filter((c) => c !== result.decided)] : result.customers;
  if (!result.decided && matches.length > 0) {
    const latest = await Promise.all(matches.map((c) => app.store.latestAssessment(c.id)));
    return { kind: 'candidates', candidates: matches.map((c, i) => ({ id: c.id, name: c.name, grade: latest[i]?.grade ?? null })) };
  }
  // Customers known only from the ledger (not on the watchlist) can be checked by id.
  const id = matches[0]?.id ?? (q.trim() !== '' && (await app.store.hasLedgerCustomer(q.trim())) ? q.trim() : undefined);
  if (id) {
    // The stored assessment is current (re-scored on every change); an order amount needs fresh terms.
    const deps = checkScoringDeps(app);
    const assessment =
      orderAmount === undefined
        ? ((await app.store.latestAssessment(id)) ?? (await scoreCustomer(deps, id, app.clock.now())))
        : options.fresh
          ? await options.fresh.assess(id, app.clock.now(), orderAmount)
          : await scoreCustomer(deps, id, app.clock.now(), { orderAmount });
    const ledger = details ? await app.store.ledgerForCustomer(id) : undefined;
    if (assessment) {
      const entries = await app.store.registers.entriesFor(id);
      const refresh = entries.length > 0 ? await app.store.registers.refreshFor(id) : undefined;
      return {
        kind: 'customer',
        assessment,
        customer: (await app.store.getCustomer(id)) ?? matches[0],
        alternatives: matches.slice(1, 6).map((c) => ({ id: c.id, name: c.name })),
        ...(details ? { ledger, history: await app.store.assessmentHistory(id) } : {}),
        ...(entries.length > 0 ? { register: { entries, sources: refresh?.sources ?? [], candidates: [] } } : {}),
      };
    }
  }
  if ((!documents && !options.registers) || result.generic) return undefined;
  const ids = parseRegisterId(q);
  const looked = options.registers ? await options.registers.lookup({ ids, ...(ids.length === 0 ? { name: q.trim() } : {}) }) : undefined;
  options.sourcesOut?.push(...(looked?.sources ?? []));
  const register = looked ? { entries: looked.entries, documents: entryDocuments(looked.entries, app.clock.now()) } : undefined;
  const search = documents ?? { documentsMentioning: async () => [] };
  const prospect = await checkProspect({ documents: search, policy: app.config.policy, clock: app.clock, linkModel: app.linkModel, eventModel: app.eventModel }, q, orderAmount, register);
  if (!prospect) return undefined;
  return {
    kind: 'prospect',
    assessment: prospect.assessment,
    alternatives: [],
    documents: prospect.documents,
    ...(looked ? { register: { entries: looked.entries, sources: looked.sources, candidates: looked.candidates } } : {}),
  };
}
