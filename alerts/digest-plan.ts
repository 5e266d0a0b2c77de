import type { Subscription } from '../platform/config/subscriptions.js';
import type { AlertCursor, DigestState } from '../platform/store/alert-state.js';
import type { Customer, Signal } from '../platform/schemas/index.js';
import { digestKey, lastDueSlot, type DigestFrequency } from './periods.js';
import { coversCustomer } from './scope.js';
import type { LogRow } from './read-logs.js';

/**
 * Digest planning, pure: which subscriptions have a due period not yet handled, from where each
 * one's digest starts (its one DigestState), and the state each outcome leaves behind.
 */

export interface DueDigest {
  sub: Subscription;
  key: string;
  periodKey: string;
  slotAt: Date;
}

export interface DigestTodo extends DueDigest {
  from: AlertCursor;
  state?: DigestState;
}

const ZERO: AlertCursor = { signals: 0, assessments: 0 };

/** The most recent due slot of every subscription; time-zone arithmetic once per distinct schedule. */
export function dueDigests(subs: Subscription[], frequency: DigestFrequency, at: Date): DueDigest[] {
  const slots = new Map<string, ReturnType<typeof lastDueSlot>>();
  return subs.map((sub) => {
    const scheduleKey = `${sub.timeZone}|${sub.hour}|${sub.weekday}|${sub.dayOfMonth}`;
    let slot = slots.get(scheduleKey);
    if (!slot) slots.set(scheduleKey, (slot = lastDueSlot(sub, frequency, at)));
    return { sub, key: digestKey(sub.id, slot.periodKey), periodKey: slot.periodKey, slotAt: slot.at };
  });
}

/**
 * Splits due digests into those to build and those already handled. A period is handled when
 * the state says so or the outbox holds its key; the latter without the former means a crash
 * between enqueue and saving the state: `repair` lists those, so the job can catch the state up.
 */
export function pickDigestsToBuild(
  due: DueDigest[],
  states: Map<string, DigestState>,
  enqueued: Set<string>,
): { todo: DigestTodo[]; alreadyDone: DueDigest[]; repair: DueDigest[] } {
  const out = { todo: [] as DigestTodo[], alreadyDone: [] as DueDigest[], repair: [] as DueDigest[] };
  for (const d of due) {
    const state = states.get(d.sub.id);
    if (state?.lastPeriod === d.periodKey) out.alreadyDone.push(d);
    else if (enqueued.has(d.key)) {
      out.alreadyDone.push(d);
      out.repair.push(d);
    } else out.todo.push({ ...d, from: state?.cursor ?? ZERO, ...(state ? { state } : {}) });
  }
  return out;
}

/** The state after a digest period: the cursor covers everything read; quiet periods are counted. */
export function nextDigestState(t: DigestTodo, head: AlertCursor, quiet: boolean, at: Date): DigestState {
  return {
    subscriptionId: t.sub.id,
    cursor: { signals: Math.max(head.signals, t.from.signals), assessments: Math.max(head.assessments, t.from.assessments) },
    lastPeriod: t.periodKey,
    quietSlots: quiet ? (t.state?.quietSlots ?? 0) + 1 : 0,
    updatedAt: at.toISOString(),
  };
}

/** What an outbox entry records of the cursor: where the mail's items start and end (a given-up mail rewinds to `from`). */
export function entryCursor(from: AlertCursor, covered: AlertCursor): Record<string, number> {
  return { signals: covered.signals, assessments: covered.assessments, fromSignals: from.signals, fromAssessments: from.assessments };
}

/** The start of an outbox entry's items, when it is a digest that recorded it. */
export function entryFrom(cursor: Record<string, number>): AlertCursor | undefined {
  const { fromSignals, fromAssessments } = cursor;
  return fromSignals === undefined || fromAssessments === undefined ? undefined : { signals: fromSignals, assessments: fromAssessments };
}

export interface SubjectIndex {
  byCustomer: Map<string, Array<LogRow<Signal>>>;
  industry: Array<LogRow<Signal>>;
}

export function indexBySubject(rows: Array<LogRow<Signal>>): SubjectIndex {
  const byCustomer = new Map<string, Array<LogRow<Signal>>>();
  const industry: Array<LogRow<Signal>> = [];
  for (const r of rows) {
    const id = r.item.customerId;
    if (id === undefined) industry.push(r);
    else {
      const list = byCustomer.get(id);
      if (list) list.push(r);
      else byCustomer.set(id, [r]);
    }
  }
  return { byCustomer, industry };
}

/**
 * The signals a subscription could possibly see: with thousands of subscriptions to a few
 * customers each, scanning every new signal for every subscription would dominate the round.
 * buildDigest still applies the scope exactly.
 */
export function candidateSignals(sub: Subscription, index: SubjectIndex, customers: Customer[], all: Array<LogRow<Signal>>): Array<LogRow<Signal>> {
  const s = sub.scope;
  if (s.all) return all;
  const ids = new Set(s.customers);
  if (s.tags.length > 0 || s.industries.length > 0) {
    for (const c of customers) if (coversCustomer(sub, c, c.id)) ids.add(c.id);
  }
  const out: Array<LogRow<Signal>> = [...index.industry];
  for (const id of ids) out.push(...(index.byCustomer.get(id) ?? []));
  return out;
}
