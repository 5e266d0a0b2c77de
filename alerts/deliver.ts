import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { errorMessage, isProgrammingError } from '../platform/errors.js';
import { backoffMs, keyedRandom } from '../platform/backoff.js';
import type { Outbox, OutboxEntry } from '../platform/store/port.js';
import { entryFrom } from './digest-plan.js';
import { DEFAULT_RETRY, type DeliverResult, type DigestDeps, type RetryPolicy } from './types.js';

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_RESEND_UNCONFIRMED_MS = 10 * 60_000;
const PENDING_BATCH = 50_000;
/** Entries claimed in one write, just before they are sent. */
const CLAIM_BATCH = 16;

/** The wait before retrying an entry: the one backoff, with a jitter derived from the key (the same entry always waits the same). */
export function retryDelayMs(attempts: number, policy: RetryPolicy, key: string): number {
  return backoffMs(attempts, policy, keyedRandom(key));
}

let defaultOwner: string | undefined;
function ownerOf(deps: DigestDeps): string {
  defaultOwner ??= `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return deps.owner ?? defaultOwner;
}

/**
 * Sends every pending outbox entry whose retry time has come: claim (so a second alerter skips it)
 * → send → markSent; a failure is recorded with its reason and retried later with backoff, until
 * the policy's last attempt marks it failed for good.
 */
export async function deliverPending(deps: DigestDeps, at: Date, result?: DeliverResult): Promise<DeliverResult> {
  const queue = createDeliveryQueue(deps, at, result);
  const unconfirmedBefore = new Date(at.getTime() - resendAfterMs(deps));
  for (const entry of await deps.store.outbox.pending(PENDING_BATCH, { unconfirmedBefore })) queue.push(entry);
  return queue.drain();
}

const resendAfterMs = (deps: DigestDeps) => deps.resendUnconfirmedAfterMs ?? DEFAULT_RESEND_UNCONFIRMED_MS;
/** A claim must not outlive the wait before an unconfirmed mail is sent again. */
const leaseMsOf = (deps: DigestDeps) => Math.min(deps.leaseMs ?? DEFAULT_LEASE_MS, resendAfterMs(deps));

/**
 * The stored message with a header telling that an earlier attempt may have reached the
 * recipient: SMTP cannot confirm across a crash during DATA. The Message-ID stays the same, so
 * mail clients that see both keep one.
 */
export function withRetryHeader(entry: Pick<OutboxEntry, 'message' | 'attempts' | 'attemptStartedAt'>): string {
  const header = `X-Bonitor-Retry: ${entry.attempts + 1}; unconfirmed-attempt=${entry.attemptStartedAt ?? 'unknown'}`;
  return `${header}\r\n${entry.message}`;
}

export interface DeliveryQueue {
  /** Starts sending `entry` as soon as a worker is free (the caller may keep building meanwhile). */
  push(entry: OutboxEntry): void;
  /** Waits for everything pushed so far. */
  drain(): Promise<DeliverResult>;
}

/**
 * A bounded pool of senders. A digest round pushes each entry right after enqueuing it, so the
 * SMTP round trips of one mail overlap with rendering the next.
 *
 * Store writes are batched without widening any window: entries are claimed a few at a time just
 * before they are sent (one transaction instead of one each; a claimed entry waits for at most
 * CLAIM_BATCH / concurrency sends, far below the lease), and the "sent" marks of mails accepted
 * within one turn of the event loop are committed together before any of them counts as sent.
 */
export function createDeliveryQueue(deps: DigestDeps, at: Date, result: DeliverResult = { sent: [], failed: [], skipped: 0 }): DeliveryQueue {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const owner = ownerOf(deps);
  const limit = Math.max(1, deps.concurrency ?? 8);
  const claimBatch = Math.max(CLAIM_BATCH, limit);
  const markSent = createGroupCommit((keys) => deps.store.outbox.markSentMany(keys, at));
  // Each attempt is recorded (status sending) before its message goes to the server.
  const markSending = createGroupCommit((keys) => deps.store.outbox.markSendingMany(keys, at));
  const waiting: OutboxEntry[] = [];
  const claimed: OutboxEntry[] = [];
  const seen = new Set<string>();
  let running = 0; // mails being handed to SMTP (bounded by `limit`)
  let settling = 0; // mails whose outcome is still being recorded
  let claiming = false;
  let idle: (() => void) | undefined;
  const checkIdle = (): void => {
    if (running === 0 && settling === 0 && waiting.length === 0 && claimed.length === 0 && !claiming) idle?.();
  };
  const pump = (): void => {
    while (running < limit && claimed.length > 0) {
      const entry = claimed.shift()!;
      running++;
      settling++;
      // The SMTP slot frees as soon as the server has answered; recording the outcome needs none.
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        running--;
        pump();
      };
      void sendClaimed(deps, entry, at, policy, result, { markSending, markSent }, release)
        .catch((err) => deps.logger.error({ outbox_key: entry.key, reason: errorMessage(err) }, 'mail_delivery_crashed'))
        .finally(() => {
          release();
          settling--;
          checkIdle();
        });
    }
    if (running < limit && claimed.length === 0 && waiting.length > 0 && !claiming) {
      claiming = true;
      const batch = waiting.splice(0, claimBatch);
      void claimDue(deps, batch, at, owner, result)
        .then((entries) => claimed.push(...entries))
        .catch((err) => deps.logger.error({ outbox_keys: batch.map((e) => e.key), reason: errorMessage(err) }, 'mail_claim_failed'))
        .finally(() => {
          claiming = false;
          pump();
          checkIdle();
        });
    }
  };
  return {
    push(entry) {
      if (seen.has(entry.key)) return;
      seen.add(entry.key);
      waiting.push(entry);
      pump();
    },
    drain() {
      if (running === 0 && settling === 0 && waiting.length === 0 && claimed.length === 0 && !claiming) return Promise.resolve(result);
      return new Promise((resolve) => {
        idle = () => resolve(result);
      });
    },
  };
}

/** The entries of `batch` whose retry time has come and that this owner could claim (one write for all). */
async function claimDue(deps: DigestDeps, batch: OutboxEntry[], at: Date, owner: string, result: DeliverResult): Promise<OutboxEntry[]> {
  // An entry stuck in "sending" is due now: its resend delay has passed (pending() said so).
  const due = batch.filter((e) => e.status === 'sending' || !e.retryAt || Date.parse(e.retryAt) <= at.getTime());
  result.skipped += batch.length - due.length;
  if (due.length === 0) return [];
  const held = new Set(await deps.store.outbox.claimMany(due.map((e) => e.key), owner, at, leaseMsOf(deps)));
  result.skipped += due.length - held.size;
  return due.filter((e) => held.has(e.key));
}

/**
 * Collects calls made within one turn of the event loop and writes them in one go; each caller's
 * promise settles only once its key is committed.
 */
function createGroupCommit(write: (keys: string[]) => Promise<void>): (key: string) => Promise<void> {
  let batch: Array<{ key: string; resolve: () => void; reject: (err: unknown) => void }> = [];
  const flush = (): void => {
    const current = batch;
    batch = [];
    write(current.map((c) => c.key)).then(
      () => current.forEach((c) => c.resolve()),
      (err: unknown) => current.forEach((c) => c.reject(err)),
    );
  };
  return (key) =>
    new Promise<void>((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ key, resolve, reject });
    });
}

async function sendClaimed(
  deps: DigestDeps,
  entry: OutboxEntry,
  at: Date,
  policy: RetryPolicy,
  result: DeliverResult,
  marks: { markSending: (key: string) => Promise<void>; markSent: (key: string) => Promise<void> },
  answered: () => void,
): Promise<void> {
  const { outbox } = deps.store;
  const { markSent } = marks;
  const log = deps.logger.child({ outbox_key: entry.key, recipient: entry.recipient });
  const unconfirmed = entry.status === 'sending';
  if (unconfirmed) log.warn({ attempts: entry.attempts, attempt_started_at: entry.attemptStartedAt }, 'mail_resent_unconfirmed');
  // Recorded first: a crash from here on leaves the entry "sending", resent only after the delay.
  await marks.markSending(entry.key);
  try {
    await deps.mailer.send({ key: entry.key, recipient: entry.recipient, message: unconfirmed ? withRetryHeader(entry) : entry.message });
    answered();
  } catch (err) {
    answered();
    const attempts = entry.attempts + 1;
    const reason = errorMessage(err);
    const final = attempts >= policy.maxAttempts || isProgrammingError(err);
    const wait = retryDelayMs(attempts, policy, entry.key);
    await outbox.markFailed(entry.key, reason, at, final, final ? undefined : new Date(at.getTime() + wait));
    if (!final) {
      log.warn({ attempts, retry_in_ms: wait, reason }, 'mail_send_failed');
    } else {
      log.error({ attempts, reason }, 'mail_send_failed_final');
      // A digest given up on: its items go into the subscriber's next digest instead of being lost.
      const from = entry.kind === 'digest' ? entryFrom(entry.cursor) : undefined;
      if (from) await deps.store.digestStates.rewindDigestCursor(entry.subscriptionId, from, at);
    }
    result.failed.push({ key: entry.key, reason, final });
    await record(deps, entry, 'failed', at, reason);
    return;
  }
  await markSent(entry.key);
  result.sent.push(entry.key);
  log.info({ kind: entry.kind, period: entry.period, items: entry.itemCount, via: deps.mailer.kind }, 'mail_sent');
  await record(deps, entry, 'sent', at);
}

async function record(deps: DigestDeps, e: OutboxEntry, status: 'sent' | 'failed', at: Date, reason?: string) {
  if (!deps.onDelivery) return;
  try {
    await deps.onDelivery({
      key: e.key,
      subscriptionId: e.subscriptionId,
      recipient: e.recipient,
      kind: e.kind,
      period: e.period,
      status,
      reason,
      itemCount: e.itemCount,
      at: at.toISOString(),
    });
  } catch (err) {
    // The outbox already holds the truth; a lost delivery record must not resend the mail.
    deps.logger.warn({ outbox_key: e.key, reason: errorMessage(err) }, 'delivery_record_failed');
  }
}

export interface DeliveryHealth {
  /** False while mails are waiting for a retry or some were given up: /health shows it. */
  ok: boolean;
  pending: number;
  /** Pending entries that failed at least once (SMTP down?). */
  retrying: number;
  /** Entries given up after the last attempt, among the most recent `limit`. */
  failed: number;
  oldestPendingSince?: string;
  lastError?: string;
}

/** What the health endpoint reports about mail delivery. */
export async function summarizeDeliveries(outbox: Outbox, limit = 1000): Promise<DeliveryHealth> {
  const pending = await outbox.pending(limit);
  const recent = await outbox.list(limit);
  const retrying = pending.filter((e) => e.attempts > 0);
  const failed = recent.filter((e) => e.status === 'failed');
  const lastError = [...retrying, ...failed].find((e) => e.lastError)?.lastError;
  return {
    ok: retrying.length === 0 && failed.length === 0,
    pending: pending.length,
    retrying: retrying.length,
    failed: failed.length,
    oldestPendingSince: pending[0]?.createdAt,
    lastError,
  };
}
