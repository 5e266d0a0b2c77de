import type { CreditStore } from './credit-state.js';
import type { Assessment, Customer, Delivery, Document, LedgerRow, Signal, SourceHealth } from '../schemas/index.js';
import type { DigestStateStore, InstantAlertLog, SubscriptionStore } from './alert-state.js';
import type { MetaKey } from './meta-keys.js';
import type { RegisterEntry, SourceReport } from '../registers/register-entry.js';
import type { ProcessHealthStore } from './process-health.js';

/**
 * Narrow store ports, one per role. Every write is an idempotent upsert keyed by a
 * stable id or natural key, so replaying a topic changes nothing.
 * Adapters: SQLite (embedded default); ClickHouse (distributed).
 */

export interface CustomerRepo {
  upsertCustomers(customers: Customer[]): Promise<void>;
  listCustomers(): Promise<Customer[]>;
  getCustomer(id: string): Promise<Customer | undefined>;
}

/** Removing customers for good (the bundled demo once real data arrives). */
export interface CustomerRemoval {
  /**
   * Deletes the customers and everything stored about them: watchlist entry, ledger rows,
   * signals about them, assessments, register entries and re-scoring marks. Returns how many customers were known.
   */
  removeCustomers(ids: string[]): Promise<number>;
  /** Deletes watchlist entries only (`watchlist import --replace`); their ledger and history stay. */
  removeWatchlistEntries(ids: string[]): Promise<void>;
}

export interface DocumentStore {
  /** Returns true when the document was new. */
  upsertDocument(doc: Document): Promise<boolean>;
  /** upsertDocument for each, in one write (one transaction on SQLite): a consumer's batch. */
  upsertDocuments(docs: Document[]): Promise<boolean[]>;
  getDocument(id: string): Promise<Document | undefined>;
  countDocuments(): Promise<number>;
  /** Newest documents whose title or text contains `word` (case-insensitive), for prospect checks. */
  documentsMentioning(word: string, limit: number): Promise<Document[]>;
}

/** The collector's memory of what it already published per source. */
export interface SeenItems {
  /** Returns the subset of `ids` not yet marked as seen for `sourceId`. */
  filterUnseen(sourceId: string, ids: string[]): Promise<string[]>;
  markSeen(sourceId: string, ids: string[]): Promise<void>;
}

export interface LedgerStore {
  /** Returns the rows that were new or changed (unchanged rows are ignored). */
  upsertLedgerRows(rows: LedgerRow[]): Promise<LedgerRow[]>;
  ledgerForCustomer(customerId: string): Promise<LedgerRow[]>;
  ledgerCustomerIds(): Promise<string[]>;
  /** Whether the ledger holds any invoice of this customer (one indexed lookup, not the id list). */
  hasLedgerCustomer(customerId: string): Promise<boolean>;
}

export interface SignalStore {
  /** Returns true when the signal was new. */
  upsertSignal(signal: Signal): Promise<boolean>;
  /** upsertSignal for each, in one write (one transaction on SQLite): a consumer's batch. */
  upsertSignals(signals: Signal[]): Promise<boolean[]>;
  signalsForCustomer(customerId: string): Promise<Signal[]>;
  /**
   * One customer's signals stored after `afterSeq`, in sequence order, and how many that customer
   * has in all: a reader that keeps what it read before (the scorer) appends these when
   * kept + new = total, and reads again from 0 when signals were removed or replaced.
   */
  signalsForCustomerAfter(customerId: string, afterSeq: number): Promise<{ total: number; rows: Array<{ seq: number; signal: Signal }> }>;
  signalsForIndustry(industry: string): Promise<Signal[]>;
  /** Signals stored after `afterSeq` (an ingestion cursor), with their sequence numbers. */
  signalsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; signal: Signal }>>;
}

export interface AssessmentStore {
  /**
   * Stores an assessment; returns 'new' when grade, score or terms differ from the latest
   * one (history grows), 'unchanged' otherwise (only asOf is refreshed).
   */
  saveAssessment(a: Assessment): Promise<'new' | 'unchanged'>;
  latestAssessment(customerId: string): Promise<Assessment | undefined>;
  /**
   * A token that changes whenever the customer's latest assessment is written (a new one, or the
   * same one refreshed with a later asOf), read by key without the assessment: what a kept answer
   * built from it is checked against. Undefined when the customer has none.
   */
  latestAssessmentVersion(customerId: string): Promise<string | undefined>;
  latestAssessments(): Promise<Assessment[]>;
  assessmentHistory(customerId: string): Promise<Assessment[]>;
  /** Assessments that became new after `afterSeq`, with their sequence numbers. */
  assessmentsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; assessment: Assessment }>>;
}

/**
 * One open item of a customer's settled ledger (analysis/scoring/ledger-settlement.ts: cash
 * discounts, credit notes, partial payments and write-offs already applied), as the scorer last
 * settled it. `dueDate` null: never overdue (a disputed invoice); `open` < 0 with `dueDate` null is
 * the customer's unapplied credit in that currency.
 */
export interface LedgerPosition {
  invoiceId: string;
  currency: string;
  dueDate: string | null;
  open: number;
}

export const PORTFOLIO_SORTS = ['risk', 'name', 'pd', 'open', 'overdue', 'change', 'movement', 'limitUse'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioQuery {
  /** Today (YYYY-MM-DD): open items due before it are overdue. */
  today: string;
  grade?: string;
  tag?: string;
  /** NACE code prefix. */
  industry?: string;
  /** Only customers whose score moved since their previous assessment. */
  moved?: boolean;
  /** risk: score, riskiest first; movement: the size of the last score change. Ties by name, then id. */
  sort: PortfolioSort;
  descending: boolean;
  limit: number;
  offset: number;
  /** Sorting by open or overdue compares amounts in this currency at these rates (1 unit of a currency in it). */
  reporting: { currency: string; rates: Readonly<Record<string, number>> };
}

/** A customer as the portfolio lists it: watchlist entry, latest assessment and settled open items. */
export interface PortfolioEntry {
  id: string;
  name: string;
  industry: string;
  tags: string[];
  grade: Assessment['grade'] | null;
  score: number | null;
  pd: number | null;
  termsKind: Assessment['terms']['kind'] | null;
  asOf: string | null;
  previousScore: number | null;
  previousGrade: Assessment['grade'] | null;
  approvedLimit: number | null;
  utilisation: number | null;
  currency: string | null;
  nextStep: Assessment['nextStep'] | null;
  overridden: boolean;
  /** Open and overdue per currency (only currencies with something open). */
  open: Record<string, number>;
  overdue: Record<string, number>;
}

/** Counts and amounts over every customer of the portfolio. */
export interface PortfolioTotals {
  customers: number;
  /** Customers per grade of their latest assessment; null: not assessed. */
  grades: Array<{ grade: Assessment['grade'] | null; customers: number }>;
  /** Open and overdue per grade and currency. */
  amounts: Array<{ grade: Assessment['grade'] | null; currency: string; open: number; overdue: number }>;
}

/**
 * The portfolio's read side, set-based: a page of customers or the totals over all of them in one
 * query each, whatever the portfolio's size; the scorer keeps the settled open items current.
 */
export interface PortfolioStore {
  /** Replaces the customer's open items. */
  saveLedgerPositions(customerId: string, positions: LedgerPosition[]): Promise<void>;
  portfolioPage(query: PortfolioQuery): Promise<{ total: number; rows: PortfolioEntry[] }>;
  portfolioTotals(today: string): Promise<PortfolioTotals>;
}

export interface OutboxEntry {
  key: string; // idempotency key: subscription + period, or alert id
  subscriptionId: string;
  recipient: string;
  kind: Delivery['kind'];
  period: string;
  subject: string;
  /** RFC 822 message, rendered once so that a retry sends exactly the same bytes. */
  message: string;
  itemCount: number;
  /** Cursor positions this mail covers; they advance only once it is sent. */
  cursor: Record<string, number>;
  /**
   * pending: waiting to be sent; sending: an attempt was recorded just before the message was handed
   * to the mail server, and its outcome is not known yet (a crash during DATA leaves it so);
   * sent: the server accepted it; failed: given up.
   */
  status: 'pending' | 'sending' | 'sent' | 'failed';
  /** Attempts recorded (each one before the message went to the server). */
  attempts: number;
  /** When the attempt now in flight (status sending) began. */
  attemptStartedAt?: string;
  lastError?: string;
  /** After a failed attempt: not to be tried again before this time. */
  retryAt?: string;
  createdAt: string;
  sentAt?: string;
}

export interface Outbox {
  /** Inserts the entry unless its key exists; returns false when another writer was first. */
  enqueue(entry: Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>, at: Date): Promise<boolean>;
  get(key: string): Promise<OutboxEntry | undefined>;
  /**
   * Entries waiting to be sent, oldest first; with `unconfirmedBefore`, also those stuck in
   * "sending" since before that time (their process died while the server held DATA, or before).
   */
  pending(limit: number, options?: { unconfirmedBefore?: Date }): Promise<OutboxEntry[]>;
  /** Claims a pending or sending entry for `leaseMs`; false when someone else holds it. */
  claim(key: string, owner: string, at: Date, leaseMs: number): Promise<boolean>;
  /** Records an attempt before the message goes to the server: status sending, attempts + 1, attemptStartedAt. */
  markSendingMany(keys: string[], at: Date): Promise<void>;
  markSent(key: string, at: Date): Promise<void>;
  /** Records a failed attempt; unless `final`, the entry stays pending and waits until `retryAt`. */
  markFailed(key: string, reason: string, at: Date, final: boolean, retryAt?: Date): Promise<void>;
  /**
   * Batch forms of enqueue / claim / markSent with the same semantics per key, each in one write
   * (one transaction on SQLite): a digest round writes thousands of entries.
   */
  /** enqueue for each entry; returns, in order, whether each one was inserted. */
  enqueueMany(entries: Array<Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>>, at: Date): Promise<boolean[]>;
  /** claim for each key; returns the keys `owner` now holds (others are leased elsewhere or not pending). */
  claimMany(keys: string[], owner: string, at: Date, leaseMs: number): Promise<string[]>;
  markSentMany(keys: string[], at: Date): Promise<void>;
  /** The subset of `keys` that have an entry, whatever its status. */
  existingKeys(keys: string[]): Promise<Set<string>>;
  list(limit: number): Promise<OutboxEntry[]>;
}

/** Customers whose inputs changed and who must be re-scored; survives a crash. */
export interface ScoringQueue {
  markDirty(customerIds: string[], at: Date): Promise<void>;
  /** Up to `limit` dirty customers, oldest first; they stay queued until cleared. */
  dirtyCustomers(limit: number): Promise<string[]>;
  /** Clears customers marked at or before `markedBefore` (a mark made meanwhile survives). */
  clearDirty(customerIds: string[], markedBefore: Date): Promise<void>;
}

/** Per-source collector state (health, conditional-GET validators, resume cursor), read through its schema. */
export interface SourceHealthStore {
  getSourceHealth(sourceId: string): Promise<SourceHealth | undefined>;
  saveSourceHealth(health: SourceHealth): Promise<void>;
  listSourceHealth(): Promise<SourceHealth[]>;
}

/** Installation-wide singletons only (meta-keys.ts): versions, the unsubscribe secret, the demo marker. */
export interface MetaStore {
  getMeta(key: MetaKey): Promise<string | undefined>;
  setMeta(key: MetaKey, value: string): Promise<void>;
}

/**
 * Register answers: a cache of raw lookups (so a repeated check or refresh within the TTL asks
 * no register again) and, per customer, the entries found with the report of the last refresh.
 */
export interface RegisterStore {
  getCached(key: string): Promise<{ value: string; storedAt: string } | undefined>;
  putCached(key: string, value: string, at: Date): Promise<void>;
  /** Replaces the customer's entries (one per register) and records the refresh and its report. */
  saveEntries(customerId: string, entries: RegisterEntry[], sources: SourceReport[], at: Date): Promise<void>;
  entriesFor(customerId: string): Promise<RegisterEntry[]>;
  /** When each customer was last refreshed, with that refresh's report. */
  refreshes(): Promise<Array<{ customerId: string; refreshedAt: string; sources: SourceReport[] }>>;
  /** The last refresh of one customer (what a check shows), read by its key. */
  refreshFor(customerId: string): Promise<{ customerId: string; refreshedAt: string; sources: SourceReport[] } | undefined>;
}

/**
 * What a kept answer about one customer rests on, read in one statement (a check's most frequent
 * read): the watchlist version, the latest assessment's version (latestAssessmentVersion) and a
 * token that changes with every register refresh of the customer (saveEntries). Undefined where
 * there is none.
 */
export interface CustomerVersions {
  watchlist: string | undefined;
  assessment: string | undefined;
  registers: string | undefined;
}

export interface CustomerVersionReader {
  customerVersions(customerId: string): Promise<CustomerVersions>;
  /**
   * The same for several customers at one moment, in the order asked (one read transaction or one
   * query): the kept check answers waiting in one turn of the event loop are checked together.
   */
  customersVersions(customerIds: readonly string[]): Promise<CustomerVersions[]>;
}

export interface Store
  extends CustomerRepo,
    CustomerRemoval,
    DocumentStore,
    SeenItems,
    LedgerStore,
    SignalStore,
    AssessmentStore,
    ScoringQueue,
    SourceHealthStore,
    MetaStore,
    PortfolioStore,
    CustomerVersionReader {
  outbox: Outbox;
  subscriptions: SubscriptionStore;
  /** Heartbeats of the running processes (for /health across processes). */
  processHealth: ProcessHealthStore;
  digestStates: DigestStateStore;
  instantLog: InstantAlertLog;
  registers: RegisterStore;
  /** Overrides, notes and acknowledgements (platform/store/credit-state.ts). */
  credit: CreditStore;
  close(): Promise<void>;
}
