import type { Subscription } from '../platform/config/subscriptions.js';
import type { AlertCursor } from '../platform/store/alert-state.js';
import { bearsEvent, gradeRank, HARD_EVENT_TYPES, severityRank, type Assessment, type Customer, type EventType, type Signal } from '../platform/schemas/index.js';
import type { AssessmentChange } from './build-digest.js';
import { limitAlerts } from './limit-alerts.js';
import { precedingAssessment, type LogRow } from './read-logs.js';
import { coversCustomer } from './scope.js';

/** Events that cannot wait for the digest. */
export const INSTANT_TYPES: readonly EventType[] = HARD_EVENT_TYPES;

export interface InstantRules {
  /** Reports about one customer are collected this long after the first before the mail goes out. */
  windowMs: number;
  /** At most this many instant mails per recipient and hour; the rest wait and go out together. */
  maxPerHour: number;
  /** The same event (customer + type, or customer + new grade) is not alerted again within this time. */
  repeatAfterMs: number;
}

export const DEFAULT_INSTANT_RULES: InstantRules = { windowMs: 5 * 60_000, maxPerHour: 6, repeatAfterMs: 30 * 86_400_000 };
export const RATE_WINDOW_MS = 3_600_000;

export interface InstantCandidate {
  seq: number;
  customerId: string;
  /** What repeat suppression compares: customer + event type, or customer + new grade. */
  event: string;
  firstSeen: number;
  signal?: Signal;
  change?: AssessmentChange;
}

export function isInstantSignal(sub: Subscription, s: Signal, byId: Map<string, Customer>): boolean {
  // A creditor, petitioner, liquidator or acquirer is only a party to the event: no alert about them.
  if (s.ambiguous || s.customerId === undefined || !bearsEvent(s.role)) return false;
  if (!INSTANT_TYPES.includes(s.type) && s.severity !== 'critical') return false;
  if (severityRank(s.severity) < severityRank(sub.minSeverity)) return false;
  return coversCustomer(sub, byId.get(s.customerId), s.customerId);
}

/** Critical events, grade drops and approved limits crossed, after the subscription's cursor, that it covers. */
export function instantCandidates(
  sub: Subscription,
  cursor: AlertCursor,
  signals: Array<LogRow<Signal>>,
  changes: Array<LogRow<Assessment>>,
  byId: Map<string, Customer>,
  histories: Map<string, Assessment[]>,
): InstantCandidate[] {
  const out: InstantCandidate[] = [];
  for (const r of signals) {
    if (r.seq <= cursor.signals || !isInstantSignal(sub, r.item, byId)) continue;
    const s = r.item;
    out.push({ seq: r.seq, customerId: s.customerId!, event: `${s.customerId}:${s.type}`, firstSeen: Date.parse(s.detectedAt), signal: s });
  }
  for (const r of changes) {
    const a = r.item;
    if (r.seq <= cursor.assessments || !coversCustomer(sub, byId.get(a.customerId), a.customerId)) continue;
    const previous = precedingAssessment(histories.get(a.customerId) ?? [], a);
    const change = { seq: r.seq, assessment: a, previous };
    if (previous && gradeRank(a.grade) > gradeRank(previous.grade)) {
      out.push({ seq: r.seq, customerId: a.customerId, event: `${a.customerId}:grade-${a.grade}`, firstSeen: Date.parse(a.asOf), change });
    }
    // The approved limit: a threshold crossed, or the suggested limit newly below it.
    for (const l of limitAlerts(change)) {
      const event = `${a.customerId}:${l.kind === 'crossed' ? `limit-${l.level}` : `limit-above-${l.recommended}`}`;
      out.push({ seq: r.seq, customerId: a.customerId, event, firstSeen: Date.parse(a.asOf), change });
    }
  }
  return out;
}

export interface InstantPlan {
  /** Candidates that go out in one mail now (empty when none is ready or the rate limit holds them). */
  ready: InstantCandidate[];
  /** Customer groups still inside their grouping window. */
  waitingGroups: number;
  rateLimited: boolean;
  /** The cursor after this round: never past a candidate that still waits. */
  next: AlertCursor;
}

/**
 * Grouping window, repeat suppression and rate limit, pure: `lastAlerted` says when each event
 * was last alerted, `recentMails` the instant mails to this recipient within the last hour.
 */
export function planInstant(
  candidates: InstantCandidate[],
  cursor: AlertCursor,
  head: AlertCursor,
  lastAlerted: Map<string, string>,
  recentMails: string[],
  at: Date,
  rules: InstantRules,
): InstantPlan {
  const now = at.getTime();
  const fresh = candidates.filter((c) => {
    const last = lastAlerted.get(c.event);
    return !last || now - Date.parse(last) >= rules.repeatAfterMs;
  });
  const groups = new Map<string, InstantCandidate[]>();
  for (const c of fresh) groups.set(c.customerId, [...(groups.get(c.customerId) ?? []), c]);
  const next: AlertCursor = { ...head };
  const holdBefore = (c: InstantCandidate) => {
    if (c.signal) next.signals = Math.min(next.signals, c.seq - 1);
    else next.assessments = Math.min(next.assessments, c.seq - 1);
  };
  let ready: InstantCandidate[] = [];
  let waitingGroups = 0;
  for (const group of groups.values()) {
    const first = Math.min(...group.map((c) => (Number.isNaN(c.firstSeen) ? now : c.firstSeen)));
    if (now - first >= rules.windowMs) ready.push(...group);
    else {
      waitingGroups++;
      group.forEach(holdBefore);
    }
  }
  const rateLimited = ready.length > 0 && recentMails.filter((t) => now - Date.parse(t) < RATE_WINDOW_MS).length >= rules.maxPerHour;
  if (rateLimited) {
    ready.forEach(holdBefore);
    ready = [];
  }
  next.signals = Math.max(next.signals, cursor.signals);
  next.assessments = Math.max(next.assessments, cursor.assessments);
  return { ready, waitingGroups, rateLimited, next };
}
