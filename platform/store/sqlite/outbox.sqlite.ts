import type { Db } from '../../sqlite/open-database.js';
import type { Outbox, OutboxEntry } from '../port.js';
import { outboxEntryFromRow as toEntry, type OutboxRow } from '../outbox-row.js';


const SELECT = `SELECT o.key, o.subscription_id, o.recipient, o.kind, o.period, o.subject, m.message, o.item_count, o.cursor,
  o.status, o.attempts, o.last_error, o.retry_at, o.attempt_started_at, o.created_at, o.sent_at FROM outbox o JOIN outbox_messages m ON m.key = o.key`;

/**
 * The outbox: one row per idempotency key, so two alerters can never both enqueue a period.
 * The rendered message lives in its own table: claims and status changes stay small writes.
 */
export class SqliteOutbox implements Outbox {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      insert: db.prepare(
        `INSERT OR IGNORE INTO outbox (key, subscription_id, recipient, kind, period, subject, message, item_count, cursor, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, 'pending', ?)`,
      ),
      insertMessage: db.prepare('INSERT INTO outbox_messages (key, message) VALUES (?, ?)'),
      get: db.prepare(`${SELECT} WHERE o.key = ?`),
      pending: db.prepare(
        `${SELECT} WHERE o.status = 'pending' OR (o.status = 'sending' AND o.attempt_started_at < ?) ORDER BY o.created_at, o.key LIMIT ?`,
      ),
      claim: db.prepare(
        `UPDATE outbox SET lease_owner = ?, lease_until = ?
         WHERE key = ? AND status IN ('pending', 'sending') AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)`,
      ),
      sending: db.prepare(`UPDATE outbox SET status = 'sending', attempts = attempts + 1, attempt_started_at = ? WHERE key = ? AND status IN ('pending', 'sending')`),
      // An attempt recorded by markSending is not counted twice.
      sent: db.prepare(
        `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + (status <> 'sending'), attempt_started_at = NULL, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE key = ?`,
      ),
      failed: db.prepare(
        `UPDATE outbox SET status = ?, attempts = attempts + (status <> 'sending'), last_error = ?, retry_at = ?, attempt_started_at = NULL, lease_owner = NULL, lease_until = NULL WHERE key = ?`,
      ),
      existing: db.prepare('SELECT key FROM outbox WHERE key IN (SELECT value FROM json_each(?))'),
      list: db.prepare(`${SELECT} ORDER BY o.created_at DESC, o.key LIMIT ?`),
    };
  }

  async enqueue(e: Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>, at: Date): Promise<boolean> {
    return this.db.transaction(() => {
      const r = this.stmts.insert.run(e.key, e.subscriptionId, e.recipient, e.kind, e.period, e.subject, e.itemCount, JSON.stringify(e.cursor), at.toISOString());
      if (r.changes === 1) this.stmts.insertMessage.run(e.key, e.message);
      return r.changes === 1;
    }).immediate();
  }

  async enqueueMany(entries: Array<Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>>, at: Date): Promise<boolean[]> {
    const createdAt = at.toISOString();
    return this.db.transaction(() =>
      entries.map((e) => {
        const r = this.stmts.insert.run(e.key, e.subscriptionId, e.recipient, e.kind, e.period, e.subject, e.itemCount, JSON.stringify(e.cursor), createdAt);
        if (r.changes === 1) this.stmts.insertMessage.run(e.key, e.message);
        return r.changes === 1;
      }),
    ).immediate();
  }

  async claimMany(keys: string[], owner: string, at: Date, leaseMs: number): Promise<string[]> {
    const now = at.getTime();
    return this.db.transaction(() => keys.filter((key) => this.stmts.claim.run(owner, now + leaseMs, key, now, owner).changes === 1)).immediate();
  }

  async markSentMany(keys: string[], at: Date): Promise<void> {
    const sentAt = at.toISOString();
    this.db.transaction(() => keys.forEach((key) => this.stmts.sent.run(sentAt, key))).immediate();
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return new Set((this.stmts.existing.all(JSON.stringify(keys)) as Array<{ key: string }>).map((r) => r.key));
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    const r = this.stmts.get.get(key) as OutboxRow | undefined;
    return r && toEntry(r);
  }

  async pending(limit: number, options: { unconfirmedBefore?: Date } = {}): Promise<OutboxEntry[]> {
    // Without a cut-off no "sending" entry qualifies ('' sorts before every timestamp).
    return (this.stmts.pending.all(options.unconfirmedBefore?.toISOString() ?? '', limit) as OutboxRow[]).map(toEntry);
  }

  async markSendingMany(keys: string[], at: Date): Promise<void> {
    const startedAt = at.toISOString();
    this.db.transaction(() => keys.forEach((key) => this.stmts.sending.run(startedAt, key))).immediate();
  }

  async claim(key: string, owner: string, at: Date, leaseMs: number): Promise<boolean> {
    const now = at.getTime();
    return this.stmts.claim.run(owner, now + leaseMs, key, now, owner).changes === 1;
  }

  async markSent(key: string, at: Date): Promise<void> {
    this.stmts.sent.run(at.toISOString(), key);
  }

  async markFailed(key: string, reason: string, _at: Date, final: boolean, retryAt?: Date): Promise<void> {
    this.stmts.failed.run(final ? 'failed' : 'pending', reason.slice(0, 2000), final ? null : (retryAt?.toISOString() ?? null), key);
  }

  async list(limit: number): Promise<OutboxEntry[]> {
    return (this.stmts.list.all(limit) as OutboxRow[]).map(toEntry);
  }
}
