import type { Logger } from '../platform/log.js';
import type { Subscription } from '../platform/config/subscriptions.js';
import type { Assessment, Delivery } from '../platform/schemas/index.js';
import type { Acknowledgement } from '../platform/store/credit-state.js';
import type { Language } from '../platform/i18n/index.js';
import type { Store } from '../platform/store/port.js';

/** The store roles the alerts stage reads and writes; `Store` (SQLite, ClickHouse) satisfies it. */
export type AlertStore = Pick<
  Store,
  'listCustomers' | 'signalsSince' | 'assessmentsSince' | 'assessmentHistory' | 'outbox' | 'digestStates' | 'instantLog'
>;

/** Where the current subscriptions come from (config plus those added by CLI / API). */
export interface SubscriptionReader {
  listSubscriptions(): Promise<Subscription[]>;
}

/** One rendered RFC 822 message handed to SMTP or written to the outbox folder. */
export interface OutgoingMail {
  key: string;
  recipient: string;
  message: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Envelope sender used for every message. */
  readonly from: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/** A source's health as the collectors record it (input to the health section and health alerts). */
export interface SourceHealth {
  sourceId: string;
  consecutiveFailures: number;
  lastSuccessAt?: string;
  lastError?: string;
}

export interface RetryPolicy {
  /** First retry after this many ms; doubles per attempt up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts the entry is marked failed for good. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 12 };

export interface DigestDeps {
  store: AlertStore;
  subscriptions: SubscriptionReader;
  mailer: Mailer;
  logger: Logger;
  /** HMAC secret for unsubscribe tokens. */
  unsubscribeSecret: string;
  /** Made once per installation: part of every Message-ID. */
  installationId: string;
  /** Public base URL of the web app; without it mails carry no links to the check page. */
  publicUrl?: string;
  /** The latest assessment of every customer: open, overdue, limit use and the next step in each item. */
  latestAssessments?: () => Promise<Assessment[]>;
  /** What has been acknowledged among these item keys: it leaves the "new" items of a digest. */
  acknowledgements?: (itemKeys: string[]) => Promise<Map<string, Acknowledgement>>;
  /** Titles of the configured sources by id, to name sources in mails. */
  sourceTitles?: Readonly<Record<string, string>>;
  /** Configured locale per language (config `locales:`). */
  locales?: Partial<Record<Language, string>>;
  /** Identifies this alerter when claiming outbox entries (two alerters must differ). */
  owner?: string;
  retry?: RetryPolicy;
  /** How long a claim holds an entry; must exceed the SMTP timeout. */
  leaseMs?: number;
  /**
   * A mail whose attempt was recorded but never confirmed (the process died while the server
   * held DATA, or before) is sent again after this long, with an X-Bonitor-Retry header
   * (default 10 minutes).
   */
  resendUnconfirmedAfterMs?: number;
  /** Parallel sends while delivering. */
  concurrency?: number;
  /** Health of the sources, shown to admin subscribers. */
  sourceHealth?: () => Promise<SourceHealth[]>;
  /** Every delivery outcome (sent, failed with reason): the app publishes them on the deliveries topic. */
  onDelivery?: (delivery: Delivery) => void | Promise<void>;
}

export interface PlannedMail {
  key: string;
  subscriptionId: string;
  recipient: string;
  period: string;
  subject: string;
  itemCount: number;
  /** True when the outbox already held this key (another alerter or an earlier run was first). */
  existed: boolean;
  /** The plain-text part, in dry runs only. */
  preview?: string;
}

export interface DigestRoundResult {
  frequency: 'daily' | 'weekly' | 'monthly';
  at: string;
  /** Subscriptions of this frequency considered. */
  considered: number;
  /** Mails enqueued in this round (or, with dryRun, that would be). */
  planned: PlannedMail[];
  /** Subscriptions whose due slot had nothing new (and no all-quiet mail). */
  quiet: string[];
  /** Subscriptions whose due slot was already handled earlier. */
  alreadyDone: string[];
  delivered: DeliverResult;
  dryRun: boolean;
}

export interface DeliverResult {
  sent: string[];
  failed: Array<{ key: string; reason: string; final: boolean }>;
  /** Entries skipped because another alerter holds them or their retry time has not come. */
  skipped: number;
}
