import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { errorMessage, isProgrammingError } from '../platform/errors.js';
import type { Outbox, OutboxEntry } from '../platform/store/port.js';
import { DEFAULT_RETRY, type DeliverResult, type DigestDeps, type RetryPolicy } from './types.js';

const DEFAULT_LEASE_MS = 5 * 60_000;
const PENDING_BATCH = 50_000;

/** MetaStore key holding the earliest time an entry may be tried again after a failure. */
export function retryAtKey(outboxKey: string): string {
  return `alerts:retry-at:${outboxKey}`;
}

/** Exponential backoff with a cap and a jitter derived from the key (deterministic, yet spread out). */
export function backoffMs(attempts: number, policy: RetryPolicy, key: string): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return Math.round(raw * (0.8 + 0.4 * ((h % 1000) / 1000)));
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
  for (const entry of await deps.store.outbox.pending(PENDING_BATCH)) queue.push(entry);
  return queue.drain();
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
 */
export function createDeliveryQueue(deps: DigestDeps, at: Date, result: DeliverResult = { sent: [], failed: [], skipped: 0 }): DeliveryQueue {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const owner = ownerOf(deps);
  const limit = Math.max(1, deps.concurrency ?? 8);
  const waiting: OutboxEntry[] = [];
  const seen = new Set<string>();
  let running = 0;
  let idle: (() => void) | undefined;
  const pump = (): void => {
    while (running < limit && waiting.length > 0) {
      const entry = waiting.shift()!;
      running++;
      void deliverOne(deps, entry, at, owner, policy, result)
        .catch((err) => deps.logger.error({ outbox_key: entry.key, reason: errorMessage(err) }, 'mail_delivery_crashed'))
        .finally(() => {
          running--;
          pump();
          if (running === 0 && waiting.length === 0) idle?.();
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
      if (running === 0 && waiting.length === 0) return Promise.resolve(result);
      return new Promise((resolve) => {
        idle = () => resolve(result);
      });
    },
  };
}

async function deliverOne(
  deps: DigestDeps,
  entry: OutboxEntry,
  at: Date,
  owner: string,
  policy: RetryPolicy,
  result: DeliverResult,
): Promise<void> {
  const { outbox } = deps.store;
  const retryAt = entry.attempts > 0 ? await deps.store.getMeta(retryAtKey(entry.key)) : undefined;
  if (retryAt && Date.parse(retryAt) > at.getTime()) {
    result.skipped++;
    return;
  }
  if (!(await outbox.claim(entry.key, owner, at, deps.leaseMs ?? DEFAULT_LEASE_MS))) {
    result.skipped++;
    return;
  }
  const log = deps.logger.child({ outbox_key: entry.key, recipient: entry.recipient });
  try {
    await deps.mailer.send({ key: entry.key, recipient: entry.recipient, message: entry.message });
  } catch (err) {
    const attempts = entry.attempts + 1;
    const reason = errorMessage(err);
    const final = attempts >= policy.maxAttempts || isProgrammingError(err);
    await outbox.markFailed(entry.key, reason, at, final);
    if (!final) {
      const wait = backoffMs(attempts, policy, entry.key);
      await deps.store.setMeta(retryAtKey(entry.key), new Date(at.getTime() + wait).toISOString());
      log.warn({ attempts, retry_in_ms: wait, reason }, 'mail_send_failed');
    } else {
      log.error({ attempts, reason }, 'mail_send_failed_final');
    }
    result.failed.push({ key: entry.key, reason, final });
    await record(deps, entry, 'failed', at, reason);
    return;
  }
  await outbox.markSent(entry.key, at);
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
