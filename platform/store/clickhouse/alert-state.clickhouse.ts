import type { Subscription } from '../../config/subscriptions.js';
import {
  alertCursorSchema,
  digestStateSchema,
  storedSubscriptionSchema,
  type AlertCursor,
  type DigestState,
  type DigestStateStore,
  type InstantAlertLog,
  type StoredSubscription,
  type SubscriptionStore,
} from '../alert-state.js';
import type { ClickHouseDb } from './clickhouse-db.js';

type SubRow = { id: string; json: string; unsubscribed_at: string };
type CursorRow = { subscription_id: string; signals_cursor: string | number; assessments_cursor: string | number };
type DigestRow = CursorRow & { last_period: string; quiet_slots: string | number; updated_at: string };

/** Subscriptions added by CLI / API: one row each (ReplacingMergeTree by id; deleted = tombstone). */
export class ClickHouseSubscriptionStore implements SubscriptionStore {
  constructor(private readonly ch: ClickHouseDb) {}

  private async row(id: string): Promise<SubRow | undefined> {
    return this.ch.first<SubRow>(`SELECT id, json, unsubscribed_at FROM ${this.ch.table('subscriptions')} FINAL WHERE id = {id:String}`, { id });
  }

  private async write(r: SubRow, deleted = 0): Promise<void> {
    await this.ch.insert('subscriptions', [{ ...r, deleted, version: this.ch.nextVersion() }]);
  }

  async listStoredSubscriptions(): Promise<StoredSubscription[]> {
    const rows = await this.ch.rows<SubRow>(`SELECT id, json, unsubscribed_at FROM ${this.ch.table('subscriptions')} FINAL ORDER BY id`);
    return rows.map((r) =>
      storedSubscriptionSchema.parse({
        id: r.id,
        ...(r.json ? { subscription: JSON.parse(r.json) } : {}),
        ...(r.unsubscribed_at ? { unsubscribedAt: r.unsubscribed_at } : {}),
      }),
    );
  }

  async putSubscription(sub: Subscription): Promise<void> {
    await this.write({ id: sub.id, json: JSON.stringify(sub), unsubscribed_at: '' });
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const r = await this.row(id);
    if (!r?.json) return false;
    if (r.unsubscribed_at) await this.write({ ...r, json: '' });
    else await this.write(r, 1);
    return true;
  }

  async markUnsubscribed(id: string, at: Date): Promise<void> {
    const r = await this.row(id);
    await this.write({ id, json: r?.json ?? '', unsubscribed_at: at.toISOString() });
  }
}

function toDigestState(r: DigestRow): DigestState {
  return digestStateSchema.parse({
    subscriptionId: r.subscription_id,
    cursor: { signals: r.signals_cursor, assessments: r.assessments_cursor },
    ...(r.last_period ? { lastPeriod: r.last_period } : {}),
    quietSlots: r.quiet_slots,
    updatedAt: r.updated_at,
  });
}

export class ClickHouseDigestStateStore implements DigestStateStore {
  constructor(private readonly ch: ClickHouseDb) {}

  async digestStates(subscriptionIds: string[]): Promise<Map<string, DigestState>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await this.ch.rows<DigestRow>(
      `SELECT * FROM ${this.ch.table('digest_state')} FINAL WHERE has({ids:Array(String)}, subscription_id)`,
      { ids: subscriptionIds },
    );
    return new Map(rows.map((r) => [r.subscription_id, toDigestState(r)]));
  }

  private async write(states: DigestState[]): Promise<void> {
    const version = this.ch.nextVersion();
    await this.ch.insert(
      'digest_state',
      states.map((s) => ({
        subscription_id: s.subscriptionId,
        signals_cursor: s.cursor.signals,
        assessments_cursor: s.cursor.assessments,
        last_period: s.lastPeriod ?? '',
        quiet_slots: s.quietSlots,
        updated_at: s.updatedAt,
        version,
      })),
    );
  }

  async saveDigestStates(states: DigestState[]): Promise<void> {
    const existing = await this.digestStates(states.map((s) => s.subscriptionId));
    await this.write(
      states.map((s) => {
        const was = existing.get(s.subscriptionId)?.cursor ?? { signals: 0, assessments: 0 };
        return { ...s, cursor: { signals: Math.max(was.signals, s.cursor.signals), assessments: Math.max(was.assessments, s.cursor.assessments) } };
      }),
    );
  }

  async rewindDigestCursor(subscriptionId: string, to: AlertCursor, at: Date): Promise<void> {
    const s = (await this.digestStates([subscriptionId])).get(subscriptionId);
    if (!s) return;
    const cursor = { signals: Math.min(s.cursor.signals, to.signals), assessments: Math.min(s.cursor.assessments, to.assessments) };
    await this.write([{ ...s, cursor, updatedAt: at.toISOString() }]);
  }
}

export class ClickHouseInstantAlertLog implements InstantAlertLog {
  constructor(private readonly ch: ClickHouseDb) {}

  async instantCursors(subscriptionIds: string[]): Promise<Map<string, AlertCursor>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await this.ch.rows<CursorRow>(
      `SELECT subscription_id, signals_cursor, assessments_cursor FROM ${this.ch.table('instant_state')} FINAL
       WHERE has({ids:Array(String)}, subscription_id)`,
      { ids: subscriptionIds },
    );
    return new Map(rows.map((r) => [r.subscription_id, alertCursorSchema.parse({ signals: r.signals_cursor, assessments: r.assessments_cursor })]));
  }

  async saveInstantCursor(subscriptionId: string, cursor: AlertCursor, at: Date): Promise<void> {
    await this.ch.insert('instant_state', [
      { subscription_id: subscriptionId, signals_cursor: cursor.signals, assessments_cursor: cursor.assessments, updated_at: at.toISOString(), version: this.ch.nextVersion() },
    ]);
  }

  async lastAlerted(subscriptionId: string, events: string[]): Promise<Map<string, string>> {
    if (events.length === 0) return new Map();
    const rows = await this.ch.rows<{ event: string; at: string }>(
      `SELECT event, at FROM ${this.ch.table('instant_marks')} FINAL WHERE subscription_id = {s:String} AND has({events:Array(String)}, event)`,
      { s: subscriptionId, events },
    );
    return new Map(rows.map((r) => [r.event, r.at]));
  }

  async recordInstantMail(subscriptionId: string, recipient: string, events: string[], at: Date): Promise<void> {
    const version = this.ch.nextVersion();
    const when = at.toISOString();
    await this.ch.insert('instant_marks', events.map((event) => ({ subscription_id: subscriptionId, event, at: when, version })));
    await this.ch.insert('instant_mails', [{ recipient: recipient.toLowerCase(), at: when, subscription_id: subscriptionId }]);
  }

  async instantMailsSince(recipient: string, since: Date): Promise<string[]> {
    const rows = await this.ch.rows<{ at: string }>(
      `SELECT at FROM ${this.ch.table('instant_mails')} FINAL WHERE recipient = {r:String} AND at >= {since:String} ORDER BY at`,
      { r: recipient.toLowerCase(), since: since.toISOString() },
    );
    return rows.map((r) => r.at);
  }
}
