import { z } from 'zod';
import { subscriptionSchema, type Subscription } from '../config/subscriptions.js';
import type { AlertCursor, DigestState } from './alert-state.js';

/**
 * Upgrading in place (store migration 6): the alerts state that older versions kept as JSON
 * under meta keys moves into its typed tables. Pure: both adapters apply the same plan.
 */
export interface LegacyMetaRow {
  key: string;
  value: string;
}

/** A digest outbox row of an older version: its cursor and period said how far the subscriber was told. */
export interface LegacyDigestRow {
  subscriptionId: string;
  period: string;
  cursor: string;
}

export interface LegacyUpgrade {
  subscriptions: Array<{ id: string; subscription?: Subscription; unsubscribedAt?: string }>;
  digestStates: DigestState[];
  instantCursors: Array<{ subscriptionId: string; cursor: AlertCursor }>;
  eventMarks: Array<{ subscriptionId: string; event: string; at: string }>;
  instantMails: Array<{ recipient: string; at: string }>;
  retryAt: Array<{ key: string; at: string }>;
  /** Meta keys that moved (or, like the alerter's own source-health state, are no longer used). */
  deleteKeys: string[];
}

const PREFIX = {
  added: 'alerts.subscriptions',
  unsubscribed: 'alerts.unsubscribed.',
  digestCursor: 'alerts:digest-cursor:',
  digestQuiet: 'alerts:digest-quiet:digest:',
  instantCursor: 'alerts:instant-cursor:',
  instantEvent: 'alerts:instant-event:',
  instantRate: 'alerts:instant-rate:',
  retryAt: 'alerts:retry-at:',
} as const;

const cursorJson = z.object({ signals: z.coerce.number().int().min(0).catch(0), assessments: z.coerce.number().int().min(0).catch(0) });

function json(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Splits `<subscription>:<rest>`: subscription ids have no colon. */
function splitId(rest: string): [string, string] | undefined {
  const i = rest.indexOf(':');
  return i > 0 ? [rest.slice(0, i), rest.slice(i + 1)] : undefined;
}

export function planLegacyUpgrade(meta: LegacyMetaRow[], digestRows: LegacyDigestRow[], now: Date): LegacyUpgrade {
  const at = now.toISOString();
  const out: LegacyUpgrade = { subscriptions: [], digestStates: [], instantCursors: [], eventMarks: [], instantMails: [], retryAt: [], deleteKeys: [] };
  const subs = new Map<string, { id: string; subscription?: Subscription; unsubscribedAt?: string }>();
  const sub = (id: string) => subs.get(id) ?? subs.set(id, { id }).get(id)!;
  const digests = new Map<string, DigestState>();
  const digest = (id: string) =>
    digests.get(id) ?? digests.set(id, { subscriptionId: id, cursor: { signals: 0, assessments: 0 }, quietSlots: 0, updatedAt: at }).get(id)!;
  const advance = (id: string, cursor: AlertCursor, period?: string) => {
    const d = digest(id);
    d.cursor = { signals: Math.max(d.cursor.signals, cursor.signals), assessments: Math.max(d.cursor.assessments, cursor.assessments) };
    if (period !== undefined && (d.lastPeriod === undefined || period > d.lastPeriod)) d.lastPeriod = period;
  };

  for (const { key, value } of meta) {
    if (key === PREFIX.added) {
      const list = z.array(z.unknown()).safeParse(json(value));
      for (const raw of list.success ? list.data : []) {
        const parsed = subscriptionSchema.safeParse(raw);
        if (parsed.success) sub(parsed.data.id).subscription = parsed.data;
      }
    } else if (key.startsWith(PREFIX.unsubscribed)) {
      if (value) sub(key.slice(PREFIX.unsubscribed.length)).unsubscribedAt = value;
    } else if (key.startsWith(PREFIX.digestCursor)) {
      const c = cursorJson.safeParse(json(value));
      if (c.success) advance(key.slice(PREFIX.digestCursor.length), c.data);
    } else if (key.startsWith(PREFIX.digestQuiet)) {
      const parts = splitId(key.slice(PREFIX.digestQuiet.length));
      if (parts) advance(parts[0], { signals: 0, assessments: 0 }, parts[1]);
    } else if (key.startsWith(PREFIX.instantCursor)) {
      const c = cursorJson.safeParse(json(value));
      if (c.success) out.instantCursors.push({ subscriptionId: key.slice(PREFIX.instantCursor.length), cursor: c.data });
    } else if (key.startsWith(PREFIX.instantEvent)) {
      const parts = splitId(key.slice(PREFIX.instantEvent.length));
      if (parts && value) out.eventMarks.push({ subscriptionId: parts[0], event: parts[1], at: value });
    } else if (key.startsWith(PREFIX.instantRate)) {
      const list = z.array(z.string()).safeParse(json(value));
      const recipient = key.slice(PREFIX.instantRate.length);
      for (const t of list.success ? list.data : []) out.instantMails.push({ recipient, at: t });
    } else if (key.startsWith(PREFIX.retryAt)) {
      if (value) out.retryAt.push({ key: key.slice(PREFIX.retryAt.length), at: value });
    } else if (!key.startsWith('alerts:')) {
      continue; // a singleton that stays (versions, secret, demo marker)
    }
    out.deleteKeys.push(key);
  }
  for (const r of digestRows) {
    const c = cursorJson.safeParse(json(r.cursor));
    if (c.success) advance(r.subscriptionId, c.data, r.period);
  }
  out.subscriptions = [...subs.values()].filter((s) => s.subscription || s.unsubscribedAt);
  out.digestStates = [...digests.values()];
  return out;
}
