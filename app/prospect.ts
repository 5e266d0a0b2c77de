import { normalizeRegisterId } from '../analysis/linking/watchlist-index.js';
import type { LinkModel } from '../analysis/linking/link-model.js';
import { assessCustomer, registerFactsFrom } from '../analysis/scoring/index.js';
import type { RegisterEntry } from '../platform/registers/register-entry.js';
import type { Policy } from '../platform/config/policy.js';
import type { Clock } from '../platform/clock.js';
import type { EventModel } from '../analysis/classify/event-model.js';
import { stableId } from '../platform/ids.js';
import type { Assessment, Customer, Document } from '../platform/schemas/index.js';

/**
 * The one store read a prospect check needs beyond the Store port: stored documents whose
 * title or text contains `word` (case-insensitive), newest first. Linking then decides
 * which of them really name the prospect.
 */
export interface DocumentSearch {
  documentsMentioning(word: string, limit: number): Promise<Document[]>;
}

export interface ProspectDeps {
  documents: DocumentSearch;
  policy: Policy;
  clock: Clock;
  /** The same linking weights the analyzer uses: a prospect is named in a document exactly when the analyzer would link it. */
  linkModel: LinkModel;
  /** The trained event layer, as the analyzer uses it. */
  eventModel?: EventModel;
}

export interface ProspectDocument {
  title: string;
  url: string;
  sourceId: string;
  publishedAt?: string;
}

export interface ProspectResult {
  assessment: Assessment;
  prospect: Customer;
  /** The stored public documents that name the prospect (the basis of the assessment). */
  documents: ProspectDocument[];
}

const REGISTER_ID = /^(CHE[-\s.]?\d{3}[.\s]?\d{3}[.\s]?\d{3}|HR[AB]\s?\d+(\s?[A-Z]{1,2})?|[A-Z]{0,2}\d{6,8})$/i;
const MAX_DOCUMENTS = 500;

/**
 * The watchlist entry a prospect gets for this one check: its name, or its register id; with
 * register entries, the register's name and ids, so notices and articles link exactly.
 */
export function prospectCustomer(query: string, entries: readonly RegisterEntry[] = []): Customer {
  const q = query.trim().replace(/\s+/g, ' ');
  const isId = REGISTER_ID.test(q);
  const found = entries[0];
  const name = found?.name ?? q;
  return {
    id: `prospect-${stableId('prospect', isId ? normalizeRegisterId(q) : q.toLowerCase()).slice(0, 12)}`,
    name,
    aliases: !isId && found && q.toLowerCase() !== name.toLowerCase() ? [q] : [],
    registerIds: [...new Set([...(isId ? [q] : []), ...entries.map((e) => e.registerId)])],
    domains: [],
    country: found?.country ?? '',
    industry: '',
    tags: ['prospect'],
  };
}

/** What the registers said about a prospect: their entries and the notices as documents. */
export interface ProspectRegister {
  entries: RegisterEntry[];
  documents: Document[];
}

/** The word most likely to be written the same way in every article: the longest one. */
export function searchWord(query: string): string {
  const words = query.trim().split(/[\s,;()"]+/).filter((w) => w.length >= 3);
  return words.sort((a, b) => b.length - a.length)[0] ?? query.trim();
}

/**
 * A fresh assessment of a company that is not a customer, from the stored public documents
 * that name it: linked and classified exactly as the analyzer would, scored without a ledger.
 * Undefined when no stored document names it (nothing to base a judgment on).
 */
export async function checkProspect(deps: ProspectDeps, query: string, orderAmount?: number, register?: ProspectRegister): Promise<ProspectResult | undefined> {
  const entries = register?.entries ?? [];
  const prospect = prospectCustomer(query, entries);
  const stored = await deps.documents.documentsMentioning(searchWord(entries.length > 0 ? prospect.name : query), MAX_DOCUMENTS);
  const fromRegister = register?.documents ?? [];
  const known = new Set(fromRegister.map((d) => d.id));
  const candidates = [...fromRegister, ...stored.filter((d) => !known.has(d.id))];
  if (candidates.length === 0 && entries.length === 0) return undefined;
  const now = deps.clock.now();
  // Linking and classifying load the analysis modules (language detection, lexicons): only when there is something to read.
  const { named, signals } = candidates.length === 0 ? { named: [], signals: [] } : (await import('./prospect-signals.js')).prospectSignals(prospect, candidates, now, deps);
  if (named.length === 0 && entries.length === 0) return undefined;
  const facts = registerFactsFrom(entries);
  const assessment = assessCustomer({
    customer: { id: prospect.id, name: prospect.name },
    ledger: [],
    signals,
    asOf: now,
    policy: deps.policy,
    ...(facts ? { register: facts } : {}),
    ...(orderAmount !== undefined ? { orderAmount } : {}),
  });
  return {
    assessment,
    prospect,
    documents: named.map((d) => ({ title: d.title, url: d.url, sourceId: d.sourceId, ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}) })),
  };
}

/** For tests and small installs: search over documents held in memory. */
export function memoryDocumentSearch(docs: () => Iterable<Document>): DocumentSearch {
  return {
    async documentsMentioning(word, limit) {
      const w = word.toLowerCase();
      return [...docs()]
        .filter((d) => d.title.toLowerCase().includes(w) || d.text.toLowerCase().includes(w))
        .sort((a, b) => (b.publishedAt ?? b.fetchedAt).localeCompare(a.publishedAt ?? a.fetchedAt))
        .slice(0, limit);
    },
  };
}
