import type { Subscription } from '../platform/config/subscriptions.js';
import { gradeRank, HARD_EVENT_TYPES, severityRank, type Assessment, type Customer, type EventType, type Signal } from '../platform/schemas/index.js';
import { buildDigest, type AssessmentChange } from './build-digest.js';
import { composeMessage } from './compose-message.js';
import { deliverPending } from './deliver.js';
import { precedingAssessment, readAll } from './digest.job.js';
import { renderDigest } from './render-digest.js';
import { coversCustomer } from './scope.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { DeliverResult, DigestDeps, PlannedMail } from './types.js';

/** Events that cannot wait for the digest. */
export const INSTANT_TYPES: readonly EventType[] = HARD_EVENT_TYPES;

export interface InstantOptions {
  /** Reports about one customer are collected this long after the first before the mail goes out. */
  windowMs?: number;
  /** At most this many instant mails per recipient and hour; the rest wait and go out together. */
  maxPerHour?: number;
  /** The same event (customer + type, or customer + new grade) is not alerted again within this time. */
  repeatAfterMs?: number;
  /** Deliver right after enqueuing (default true). */
  deliver?: boolean;
}

export interface InstantRoundResult {
  planned: PlannedMail[];
  /** Subscriptions whose ready alerts wait for the rate limit. */
  rateLimited: string[];
  /** Customer groups still inside their grouping window. */
  waiting: number;
  delivered: DeliverResult;
}

interface Cursor {
  signals: number;
  assessments: number;
}

const cursorKey = (subId: string) => `alerts:instant-cursor:${subId}`;
const eventKey = (subId: string, event: string) => `alerts:instant-event:${subId}:${event}`;
const rateKey = (recipient: string) => `alerts:instant-rate:${recipient.toLowerCase()}`;

interface Candidate {
  seq: number;
  customerId: string;
  event: string;
  firstSeen: number;
  signal?: Signal;
  change?: AssessmentChange;
}

/**
 * Instant alerts for critical events and grade drops. Reports about one customer are grouped for
 * `windowMs` so a burst of articles is one mail; each event is alerted once per subscription;
 * mails per recipient are rate-limited. A new subscription starts from now, not from history.
 */
export async function runInstantRound(deps: DigestDeps, at: Date, opts: InstantOptions = {}): Promise<InstantRoundResult> {
  const windowMs = opts.windowMs ?? 5 * 60_000;
  const maxPerHour = opts.maxPerHour ?? 6;
  const repeatAfterMs = opts.repeatAfterMs ?? 30 * 86_400_000;
  const { store } = deps;
  const result: InstantRoundResult = { planned: [], rateLimited: [], waiting: 0, delivered: { sent: [], failed: [], skipped: 0 } };
  const subs = (await deps.subscriptions.listSubscriptions()).filter((s) => s.frequency === 'instant');

  const cursors = new Map<string, Cursor | undefined>();
  for (const s of subs) {
    const raw = await store.getMeta(cursorKey(s.id));
    cursors.set(s.id, raw ? (JSON.parse(raw) as Cursor) : undefined);
  }
  const known = [...cursors.values()].filter((c): c is Cursor => c !== undefined);
  const fromS = known.length === subs.length && known.length > 0 ? Math.min(...known.map((c) => c.signals)) : 0;
  const fromA = known.length === subs.length && known.length > 0 ? Math.min(...known.map((c) => c.assessments)) : 0;
  const none = { rows: [], head: 0 };
  const signals = subs.length > 0 ? await readAll((c, n) => store.signalsSince(c, n), fromS, (r) => r.signal) : none;
  const changes = subs.length > 0 ? await readAll((c, n) => store.assessmentsSince(c, n), fromA, (r) => r.assessment) : none;
  const customers = subs.length > 0 ? await store.listCustomers() : [];
  const byId = new Map(customers.map((c) => [c.id, c]));
  const histories = new Map<string, Assessment[]>();

  for (const sub of subs) {
    const cursor = cursors.get(sub.id);
    if (!cursor) {
      await store.setMeta(cursorKey(sub.id), JSON.stringify({ signals: signals.head, assessments: changes.head }));
      continue;
    }
    const candidates: Candidate[] = [];
    for (const r of signals.rows) {
      if (r.seq <= cursor.signals) continue;
      const s = r.item;
      if (!isInstantSignal(sub, s, byId)) continue;
      const firstSeen = Date.parse(s.detectedAt);
      candidates.push({ seq: r.seq, customerId: s.customerId!, event: `${s.customerId}:${s.type}`, firstSeen, signal: s });
    }
    for (const r of changes.rows) {
      if (r.seq <= cursor.assessments) continue;
      const a = r.item;
      if (!coversCustomer(sub, byId.get(a.customerId), a.customerId)) continue;
      if (!histories.has(a.customerId)) histories.set(a.customerId, await store.assessmentHistory(a.customerId));
      const previous = precedingAssessment(histories.get(a.customerId)!, a);
      if (!previous || gradeRank(a.grade) <= gradeRank(previous.grade)) continue;
      const change = { seq: r.seq, assessment: a, previous };
      candidates.push({ seq: r.seq, customerId: a.customerId, event: `${a.customerId}:grade-${a.grade}`, firstSeen: Date.parse(a.asOf), change });
    }

    const fresh: Candidate[] = [];
    for (const c of candidates) {
      const last = await store.getMeta(eventKey(sub.id, c.event));
      if (!last || at.getTime() - Date.parse(last) >= repeatAfterMs) fresh.push(c);
    }
    const groups = new Map<string, Candidate[]>();
    for (const c of fresh) groups.set(c.customerId, [...(groups.get(c.customerId) ?? []), c]);
    const ready: Candidate[] = [];
    const next: Cursor = { signals: signals.head, assessments: changes.head };
    const holdBefore = (c: Candidate) => {
      if (c.signal) next.signals = Math.min(next.signals, c.seq - 1);
      else next.assessments = Math.min(next.assessments, c.seq - 1);
    };
    for (const group of groups.values()) {
      const first = Math.min(...group.map((c) => (Number.isNaN(c.firstSeen) ? at.getTime() : c.firstSeen)));
      if (at.getTime() - first >= windowMs) ready.push(...group);
      else {
        result.waiting++;
        group.forEach(holdBefore);
      }
    }

    if (ready.length > 0) {
      const sent = (JSON.parse((await store.getMeta(rateKey(sub.email))) ?? '[]') as string[]).filter(
        (t) => at.getTime() - Date.parse(t) < 3_600_000,
      );
      if (sent.length >= maxPerHour) {
        result.rateLimited.push(sub.id);
        ready.forEach(holdBefore);
      } else {
        result.planned.push(await enqueueInstant(deps, sub, ready, customers, at));
        for (const c of ready) await store.setMeta(eventKey(sub.id, c.event), at.toISOString());
        await store.setMeta(rateKey(sub.email), JSON.stringify([...sent, at.toISOString()]));
      }
    }
    next.signals = Math.max(next.signals, cursor.signals);
    next.assessments = Math.max(next.assessments, cursor.assessments);
    await store.setMeta(cursorKey(sub.id), JSON.stringify(next));
  }

  if (opts.deliver !== false) result.delivered = await deliverPending(deps, at);
  return result;
}

function isInstantSignal(sub: Subscription, s: Signal, byId: Map<string, Customer>): boolean {
  if (s.ambiguous || s.customerId === undefined) return false;
  if (!INSTANT_TYPES.includes(s.type) && s.severity !== 'critical') return false;
  if (severityRank(s.severity) < severityRank(sub.minSeverity)) return false;
  return coversCustomer(sub, byId.get(s.customerId), s.customerId);
}

async function enqueueInstant(
  deps: DigestDeps,
  sub: Subscription,
  ready: Candidate[],
  customers: Customer[],
  at: Date,
): Promise<PlannedMail> {
  const signalSeqs = ready.filter((c) => c.signal).map((c) => c.seq);
  const changeSeqs = ready.filter((c) => c.change).map((c) => c.seq);
  // The first event's position names the mail: a rerun after a crash finds the same key.
  const key = `instant:${sub.id}:${signalSeqs.length ? Math.min(...signalSeqs) : 0}-${changeSeqs.length ? Math.min(...changeSeqs) : 0}`;
  const digest = buildDigest({
    subscription: sub,
    frequency: 'instant',
    periodKey: at.toISOString(),
    slotAt: at,
    customers,
    signals: ready.flatMap((c) => (c.signal ? [c.signal] : [])),
    changes: ready.flatMap((c) => (c.change ? [c.change] : [])),
  });
  const unsub = unsubscribeUrl(deps.publicUrl, sub.id, deps.unsubscribeSecret);
  const mail = renderDigest(digest, { publicUrl: deps.publicUrl, unsubscribeUrl: unsub });
  const message = composeMessage({ key, installationId: deps.installationId, from: deps.mailer.from, to: { name: sub.name, address: sub.email }, mail, date: at, unsubscribeUrl: unsub });
  const planned = { key, subscriptionId: sub.id, recipient: sub.email, period: at.toISOString(), subject: mail.subject, itemCount: digest.itemCount };
  const inserted = await deps.store.outbox.enqueue({ ...planned, kind: 'instant', message, cursor: {} }, at);
  return { ...planned, existed: !inserted };
}
