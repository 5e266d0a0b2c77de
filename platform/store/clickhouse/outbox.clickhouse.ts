import type { Outbox, OutboxEntry } from '../port.js';
import { outboxEntryFromRow as toEntry, type OutboxRow as SharedOutboxRow } from '../outbox-row.js';
import type { ClickHouseDb } from './clickhouse-db.js';

interface OutboxRow extends SharedOutboxRow {
  last_error: string;
  retry_at: string;
  attempt_started_at: string;
  sent_at: string;
  lease_owner: string;
  lease_until: string | number;
}

/**
 * The outbox on ClickHouse: each change writes the whole row again with a newer version.
 * A lease is confirmed by reading it back after writing it, but ClickHouse is no lock
 * server: run one alerter per deployment (the compose file does) for exactly-once mail.
 */
export class ClickHouseOutbox implements Outbox {
  constructor(private readonly ch: ClickHouseDb) {}

  private async row(key: string): Promise<OutboxRow | undefined> {
    return this.ch.first<OutboxRow>(`SELECT * FROM ${this.ch.table('outbox')} FINAL WHERE key = {key:String}`, { key });
  }

  private async write(r: OutboxRow): Promise<void> {
    await this.ch.insert('outbox', [{ ...r, lease_until: Number(r.lease_until), version: this.ch.nextVersion() }]);
  }

  async enqueue(e: Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>, at: Date): Promise<boolean> {
    if (await this.row(e.key)) return false;
    await this.write({
      key: e.key,
      subscription_id: e.subscriptionId,
      recipient: e.recipient,
      kind: e.kind,
      period: e.period,
      subject: e.subject,
      message: e.message,
      item_count: e.itemCount,
      cursor: JSON.stringify(e.cursor),
      status: 'pending',
      attempts: 0,
      last_error: '',
      retry_at: '',
      attempt_started_at: '',
      lease_owner: '',
      lease_until: 0,
      created_at: at.toISOString(),
      sent_at: '',
    });
    return true;
  }

  // ClickHouse has no multi-row transaction to gain from: the batch forms keep the per-key semantics.
  async enqueueMany(entries: Array<Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>>, at: Date): Promise<boolean[]> {
    const out: boolean[] = [];
    for (const e of entries) out.push(await this.enqueue(e, at));
    return out;
  }

  async claimMany(keys: string[], owner: string, at: Date, leaseMs: number): Promise<string[]> {
    const out: string[] = [];
    for (const key of keys) if (await this.claim(key, owner, at, leaseMs)) out.push(key);
    return out;
  }

  async markSentMany(keys: string[], at: Date): Promise<void> {
    for (const key of keys) await this.markSent(key, at);
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.ch.rows<{ key: string }>(`SELECT DISTINCT key FROM ${this.ch.table('outbox')} WHERE key IN {keys:Array(String)}`, { keys });
    return new Set(rows.map((r) => r.key));
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    const r = await this.row(key);
    return r && toEntry(r);
  }

  async pending(limit: number, options: { unconfirmedBefore?: Date } = {}): Promise<OutboxEntry[]> {
    const rows = await this.ch.rows<OutboxRow>(
      `SELECT * FROM ${this.ch.table('outbox')} FINAL
       WHERE status = 'pending' OR (status = 'sending' AND attempt_started_at < {before:String})
       ORDER BY created_at, key LIMIT {limit:UInt32}`,
      { limit, before: options.unconfirmedBefore?.toISOString() ?? '' },
    );
    return rows.map(toEntry);
  }

  async markSendingMany(keys: string[], at: Date): Promise<void> {
    for (const key of keys) {
      const r = await this.row(key);
      if (!r || (r.status !== 'pending' && r.status !== 'sending')) continue;
      await this.write({ ...r, status: 'sending', attempts: Number(r.attempts) + 1, attempt_started_at: at.toISOString() });
    }
  }

  async claim(key: string, owner: string, at: Date, leaseMs: number): Promise<boolean> {
    const r = await this.row(key);
    const now = at.getTime();
    if (!r || (r.status !== 'pending' && r.status !== 'sending')) return false;
    const held = r.lease_owner !== '' && r.lease_owner !== owner && Number(r.lease_until) >= now;
    if (held) return false;
    await this.write({ ...r, lease_owner: owner, lease_until: now + leaseMs });
    return (await this.row(key))?.lease_owner === owner;
  }

  async markSent(key: string, at: Date): Promise<void> {
    const r = await this.row(key);
    if (!r) return;
    // An attempt recorded by markSendingMany is not counted twice.
    const attempts = Number(r.attempts) + (r.status === 'sending' ? 0 : 1);
    await this.write({ ...r, status: 'sent', sent_at: at.toISOString(), attempts, attempt_started_at: '', lease_owner: '', lease_until: 0, last_error: '' });
  }

  async markFailed(key: string, reason: string, _at: Date, final: boolean, retryAt?: Date): Promise<void> {
    const r = await this.row(key);
    if (!r) return;
    await this.write({
      ...r,
      status: final ? 'failed' : 'pending',
      attempts: Number(r.attempts) + (r.status === 'sending' ? 0 : 1),
      attempt_started_at: '',
      last_error: reason.slice(0, 2000),
      retry_at: final ? '' : (retryAt?.toISOString() ?? ''),
      lease_owner: '',
      lease_until: 0,
    });
  }

  async list(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.ch.rows<OutboxRow>(
      `SELECT * FROM ${this.ch.table('outbox')} FINAL ORDER BY created_at DESC, key LIMIT {limit:UInt32}`,
      { limit },
    );
    return rows.map(toEntry);
  }
}
