import type { Subscription } from '../../config/subscriptions.js';
import type { Db } from '../../sqlite/open-database.js';
import {
  alertCursorSchema,
  digestStateSchema,
  RATE_WINDOW_RETENTION_MS,
  storedSubscriptionSchema,
  type AlertCursor,
  type DigestState,
  type DigestStateStore,
  type InstantAlertLog,
  type StoredSubscription,
  type SubscriptionStore,
} from '../alert-state.js';

type SubRow = { id: string; json: string | null; unsubscribed_at: string | null };
type CursorRow = { subscription_id: string; signals_cursor: number; assessments_cursor: number };
type DigestRow = CursorRow & { last_period: string | null; quiet_slots: number; updated_at: string };

/** Subscriptions added by CLI / API: one row each, upserted on its own. */
export class SqliteSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Db) {}

  async listStoredSubscriptions(): Promise<StoredSubscription[]> {
    const rows = this.db.prepare('SELECT id, json, unsubscribed_at FROM subscriptions ORDER BY id').all() as SubRow[];
    return rows.map((r) =>
      storedSubscriptionSchema.parse({
        id: r.id,
        ...(r.json !== null ? { subscription: JSON.parse(r.json) } : {}),
        ...(r.unsubscribed_at ? { unsubscribedAt: r.unsubscribed_at } : {}),
      }),
    );
  }

  async putSubscription(sub: Subscription, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO subscriptions (id, json, unsubscribed_at, updated_at) VALUES (?, ?, NULL, ?)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json, unsubscribed_at = NULL, updated_at = excluded.updated_at`,
      )
      .run(sub.id, JSON.stringify(sub), at.toISOString());
  }

  async deleteSubscription(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ? AND json IS NOT NULL').run(id).changes === 1;
  }

  async markUnsubscribed(id: string, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO subscriptions (id, json, unsubscribed_at, updated_at) VALUES (?, NULL, ?, ?)
         ON CONFLICT (id) DO UPDATE SET unsubscribed_at = excluded.unsubscribed_at, updated_at = excluded.updated_at`,
      )
      .run(id, at.toISOString(), at.toISOString());
  }
}

/** `IN` over a JSON array parameter: one statement whatever the list's length. */
const IN_JSON = '(SELECT value FROM json_each(?))';

/** One digest state per subscription. */
export class SqliteDigestStateStore implements DigestStateStore {
  constructor(private readonly db: Db) {}

  async digestStates(subscriptionIds: string[]): Promise<Map<string, DigestState>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT * FROM digest_state WHERE subscription_id IN ${IN_JSON}`)
      .all(JSON.stringify(subscriptionIds)) as DigestRow[];
    return new Map(
      rows.map((r) => [
        r.subscription_id,
        digestStateSchema.parse({
          subscriptionId: r.subscription_id,
          cursor: { signals: r.signals_cursor, assessments: r.assessments_cursor },
          ...(r.last_period !== null ? { lastPeriod: r.last_period } : {}),
          quietSlots: r.quiet_slots,
          updatedAt: r.updated_at,
        }),
      ]),
    );
  }

  async saveDigestStates(states: DigestState[]): Promise<void> {
    const stmt = this.db.prepare(
      `INSERT INTO digest_state (subscription_id, signals_cursor, assessments_cursor, last_period, quiet_slots, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (subscription_id) DO UPDATE SET
         signals_cursor = MAX(signals_cursor, excluded.signals_cursor),
         assessments_cursor = MAX(assessments_cursor, excluded.assessments_cursor),
         last_period = excluded.last_period, quiet_slots = excluded.quiet_slots, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const s of states) stmt.run(s.subscriptionId, s.cursor.signals, s.cursor.assessments, s.lastPeriod ?? null, s.quietSlots, s.updatedAt);
    }).immediate();
  }

  async rewindDigestCursor(subscriptionId: string, to: AlertCursor, at: Date): Promise<void> {
    this.db
      .prepare(
        `UPDATE digest_state SET signals_cursor = MIN(signals_cursor, ?), assessments_cursor = MIN(assessments_cursor, ?), updated_at = ?
         WHERE subscription_id = ?`,
      )
      .run(to.signals, to.assessments, at.toISOString(), subscriptionId);
  }
}

/** Instant-alert cursors, event marks and each recipient's rate window. */
export class SqliteInstantAlertLog implements InstantAlertLog {
  constructor(private readonly db: Db) {}

  async instantCursors(subscriptionIds: string[]): Promise<Map<string, AlertCursor>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT subscription_id, signals_cursor, assessments_cursor FROM instant_state WHERE subscription_id IN ${IN_JSON}`)
      .all(JSON.stringify(subscriptionIds)) as CursorRow[];
    return new Map(rows.map((r) => [r.subscription_id, alertCursorSchema.parse({ signals: r.signals_cursor, assessments: r.assessments_cursor })]));
  }

  async saveInstantCursor(subscriptionId: string, cursor: AlertCursor, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO instant_state (subscription_id, signals_cursor, assessments_cursor, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (subscription_id) DO UPDATE SET signals_cursor = excluded.signals_cursor,
           assessments_cursor = excluded.assessments_cursor, updated_at = excluded.updated_at`,
      )
      .run(subscriptionId, cursor.signals, cursor.assessments, at.toISOString());
  }

  async lastAlerted(subscriptionId: string, events: string[]): Promise<Map<string, string>> {
    if (events.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT event, at FROM instant_marks WHERE subscription_id = ? AND event IN ${IN_JSON}`)
      .all(subscriptionId, JSON.stringify(events)) as Array<{ event: string; at: string }>;
    return new Map(rows.map((r) => [r.event, r.at]));
  }

  async recordInstantMail(subscriptionId: string, recipient: string, events: string[], at: Date): Promise<void> {
    const when = at.toISOString();
    const mark = this.db.prepare(
      `INSERT INTO instant_marks (subscription_id, event, at) VALUES (?, ?, ?) ON CONFLICT (subscription_id, event) DO UPDATE SET at = excluded.at`,
    );
    this.db.transaction(() => {
      for (const e of events) mark.run(subscriptionId, e, when);
      this.db.prepare('INSERT OR IGNORE INTO instant_mails (recipient, at, subscription_id) VALUES (?, ?, ?)').run(recipient.toLowerCase(), when, subscriptionId);
      this.db.prepare('DELETE FROM instant_mails WHERE recipient = ? AND at < ?').run(recipient.toLowerCase(), new Date(at.getTime() - RATE_WINDOW_RETENTION_MS).toISOString());
    }).immediate();
  }

  async instantMailsSince(recipient: string, since: Date): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT at FROM instant_mails WHERE recipient = ? AND at >= ? ORDER BY at')
      .all(recipient.toLowerCase(), since.toISOString()) as Array<{ at: string }>;
    return rows.map((r) => r.at);
  }
}
