import type { Db } from '../../sqlite/open-database.js';
import type { Outbox, OutboxEntry } from '../port.js';

interface OutboxRow {
  key: string;
  subscription_id: string;
  recipient: string;
  kind: OutboxEntry['kind'];
  period: string;
  subject: string;
  message: string;
  item_count: number;
  cursor: string;
  status: OutboxEntry['status'];
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

function toEntry(r: OutboxRow): OutboxEntry {
  return {
    key: r.key,
    subscriptionId: r.subscription_id,
    recipient: r.recipient,
    kind: r.kind,
    period: r.period,
    subject: r.subject,
    message: r.message,
    itemCount: r.item_count,
    cursor: JSON.parse(r.cursor) as Record<string, number>,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error ?? undefined,
    createdAt: r.created_at,
    sentAt: r.sent_at ?? undefined,
  };
}

/** The outbox: one row per idempotency key, so two alerters can never both enqueue a period. */
export class SqliteOutbox implements Outbox {
  constructor(private readonly db: Db) {}

  async enqueue(e: Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>, at: Date): Promise<boolean> {
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO outbox (key, subscription_id, recipient, kind, period, subject, message, item_count, cursor, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(e.key, e.subscriptionId, e.recipient, e.kind, e.period, e.subject, e.message, e.itemCount, JSON.stringify(e.cursor), at.toISOString());
    return r.changes === 1;
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    const r = this.db.prepare('SELECT * FROM outbox WHERE key = ?').get(key) as OutboxRow | undefined;
    return r && toEntry(r);
  }

  async pending(limit: number): Promise<OutboxEntry[]> {
    return (this.db.prepare(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY created_at, key LIMIT ?`).all(limit) as OutboxRow[]).map(toEntry);
  }

  async claim(key: string, owner: string, at: Date, leaseMs: number): Promise<boolean> {
    const now = at.getTime();
    const r = this.db
      .prepare(
        `UPDATE outbox SET lease_owner = ?, lease_until = ?
         WHERE key = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)`,
      )
      .run(owner, now + leaseMs, key, now, owner);
    return r.changes === 1;
  }

  async markSent(key: string, at: Date): Promise<void> {
    this.db
      .prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE key = ?`)
      .run(at.toISOString(), key);
  }

  async markFailed(key: string, reason: string, _at: Date, final: boolean): Promise<void> {
    this.db
      .prepare(`UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE key = ?`)
      .run(final ? 'failed' : 'pending', reason.slice(0, 2000), key);
  }

  async sentCursor(subscriptionId: string, name: string): Promise<number> {
    // Pending entries count too: their items are spoken for and must not go into a second mail.
    const rows = this.db
      .prepare(`SELECT cursor FROM outbox WHERE subscription_id = ? AND status IN ('sent', 'pending')`)
      .all(subscriptionId) as Array<{ cursor: string }>;
    return rows.reduce((max, r) => Math.max(max, (JSON.parse(r.cursor) as Record<string, number>)[name] ?? 0), 0);
  }

  async list(limit: number): Promise<OutboxEntry[]> {
    return (this.db.prepare('SELECT * FROM outbox ORDER BY created_at DESC, key LIMIT ?').all(limit) as OutboxRow[]).map(toEntry);
  }
}
