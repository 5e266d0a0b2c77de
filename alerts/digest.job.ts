import type { Subscription } from '../platform/config/subscriptions.js';
import type { Assessment, Customer, Signal } from '../platform/schemas/index.js';
import { coversCustomer } from './scope.js';
import { buildDigest, type AssessmentChange } from './build-digest.js';
import { composeMessage } from './compose-message.js';
import { createDeliveryQueue, deliverPending } from './deliver.js';
import { digestKey, lastDueSlot, type DigestFrequency } from './periods.js';
import { renderDigest } from './render-digest.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { AlertStore, DigestDeps, DigestRoundResult } from './types.js';

const PAGE = 5_000;
/** Digests enqueued per outbox write. */
const ENQUEUE_BATCH = 32;

export interface DigestCursor {
  signals: number;
  assessments: number;
}

/** Where a subscription's digests stand when the last due slot had nothing to say. */
function quietCursorKey(subscriptionId: string): string {
  return `alerts:digest-cursor:${subscriptionId}`;
}
function quietSlotKey(outboxKey: string): string {
  return `alerts:digest-quiet:${outboxKey}`;
}

/**
 * One digest round as if it were `at`: for every subscription of `frequency` whose most recent
 * due slot has not been handled, build the digest of everything new since what it was last told,
 * enqueue it under `digest:<subscription>:<period>` with the cursor it covers, then deliver.
 * Running it twice, or in two processes at once, enqueues each period once (the outbox key wins).
 */
export async function runDigestRound(
  deps: DigestDeps,
  frequency: DigestFrequency,
  at: Date,
  options: { dryRun?: boolean } = {},
): Promise<DigestRoundResult> {
  const dryRun = options.dryRun ?? false;
  const { store } = deps;
  const log = deps.logger.child({ frequency, at: at.toISOString() });
  const subs = (await deps.subscriptions.listSubscriptions()).filter((s) => s.frequency === frequency);
  const result: DigestRoundResult = {
    frequency,
    at: at.toISOString(),
    considered: subs.length,
    planned: [],
    quiet: [],
    alreadyDone: [],
    delivered: { sent: [], failed: [], skipped: 0 },
    dryRun,
  };

  const todo: Array<{ sub: Subscription; key: string; periodKey: string; slotAt: Date; from: DigestCursor }> = [];
  const unsent = await unsentCursors(store);
  // Subscribers mostly share a few schedules; time-zone arithmetic is worth doing once per schedule.
  const slots = new Map<string, ReturnType<typeof lastDueSlot>>();
  const due = subs.map((sub) => {
    const scheduleKey = `${sub.timeZone}|${sub.hour}|${sub.weekday}|${sub.dayOfMonth}`;
    let slot = slots.get(scheduleKey);
    if (!slot) slots.set(scheduleKey, (slot = lastDueSlot(sub, frequency, at)));
    return { sub, slot, key: digestKey(sub.id, slot.periodKey) };
  });
  // One query for all keys instead of one read per subscription.
  const enqueued = await store.outbox.existingKeys(due.map((d) => d.key));
  for (const { sub, slot, key } of due) {
    if (enqueued.has(key) || (await store.getMeta(quietSlotKey(key)))) {
      result.alreadyDone.push(sub.id);
      continue;
    }
    todo.push({ sub, key, periodKey: slot.periodKey, slotAt: slot.at, from: await startCursor(store, sub.id, unsent) });
  }

  const queue = dryRun ? undefined : createDeliveryQueue(deps, at, result.delivered);
  if (todo.length > 0) {
    const minSignals = Math.min(...todo.map((t) => t.from.signals));
    const minAssessments = Math.min(...todo.map((t) => t.from.assessments));
    const signals = await readAll((c, n) => store.signalsSince(c, n), minSignals, (r) => r.signal);
    const changes = await readAll((c, n) => store.assessmentsSince(c, n), minAssessments, (r) => r.assessment);
    const head: DigestCursor = { signals: signals.head, assessments: changes.head };
    const histories = await loadHistories(store, changes.rows);
    const customers = await store.listCustomers();
    const customerIndex = new Map(customers.map((c) => [c.id, c]));
    const bySubject = indexBySubject(signals.rows);
    const health = deps.sourceHealth ? await deps.sourceHealth() : [];

    // Entries are written ENQUEUE_BATCH at a time (one transaction each) and handed to the
    // senders only once committed, so a crash before sending still leaves them in the outbox.
    type Entry = Parameters<typeof store.outbox.enqueue>[0];
    let batch: Array<{ entry: Entry; planned: DigestRoundResult['planned'][number] }> = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      const inserted = await store.outbox.enqueueMany(current.map((b) => b.entry), at);
      current.forEach(({ entry, planned }, i) => {
        if (inserted[i]) queue?.push({ ...entry, status: 'pending', attempts: 0, createdAt: at.toISOString() });
        planned.existed = !inserted[i];
        log.debug({ subscription_id: entry.subscriptionId, period: entry.period, items: entry.itemCount, inserted: inserted[i] }, 'digest_enqueued');
      });
    };
    let built = 0;
    for (const t of todo) {
      // Let the sockets of mails already handed over make progress while the next ones render.
      if (queue && ++built % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
      const digest = buildDigest({
        subscription: t.sub,
        frequency,
        periodKey: t.periodKey,
        slotAt: t.slotAt,
        customers,
        customerIndex,
        signals: candidateSignals(t.sub, bySubject, customers, signals.rows).filter((r) => r.seq > t.from.signals).map((r) => r.item),
        changes: withPrevious(changes.rows.filter((r) => r.seq > t.from.assessments), histories),
        health,
      });
      const covered = { signals: Math.max(head.signals, t.from.signals), assessments: Math.max(head.assessments, t.from.assessments) };
      if (digest.itemCount === 0 && !t.sub.allQuiet) {
        result.quiet.push(t.sub.id);
        if (!dryRun) {
          await store.setMeta(quietCursorKey(t.sub.id), JSON.stringify(covered));
          await store.setMeta(quietSlotKey(t.key), at.toISOString());
        }
        continue;
      }
      const unsub = unsubscribeUrl(deps.publicUrl, t.sub.id, deps.unsubscribeSecret);
      const mail = renderDigest(digest, { publicUrl: deps.publicUrl, unsubscribeUrl: unsub });
      const planned = {
        key: t.key,
        subscriptionId: t.sub.id,
        recipient: t.sub.email,
        period: t.periodKey,
        subject: mail.subject,
        itemCount: digest.itemCount,
      };
      if (dryRun) {
        result.planned.push({ ...planned, existed: false, preview: mail.text });
        continue;
      }
      const message = composeMessage({
        key: t.key,
        installationId: deps.installationId,
        from: deps.mailer.from,
        to: { name: t.sub.name, address: t.sub.email },
        mail,
        date: at,
        unsubscribeUrl: unsub,
      });
      const entry = { ...planned, kind: 'digest' as const, message, cursor: covered };
      const plannedResult = { ...planned, existed: false };
      result.planned.push(plannedResult);
      batch.push({ entry, planned: plannedResult });
      if (batch.length >= ENQUEUE_BATCH) await flush();
    }
    await flush();
  }

  if (queue) {
    await queue.drain();
    // Then whatever else is due: mails of earlier rounds waiting for a retry, or enqueued by another alerter.
    await deliverPending(deps, at, result.delivered);
  }
  return result;
}

type SignalRow = { seq: number; item: Signal };

interface SubjectIndex {
  byCustomer: Map<string, SignalRow[]>;
  industry: SignalRow[];
}

function indexBySubject(rows: SignalRow[]): SubjectIndex {
  const byCustomer = new Map<string, SignalRow[]>();
  const industry: SignalRow[] = [];
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
function candidateSignals(sub: Subscription, index: SubjectIndex, customers: Customer[], all: SignalRow[]): SignalRow[] {
  const s = sub.scope;
  if (s.all) return all;
  const ids = new Set(s.customers);
  if (s.tags.length > 0 || s.industries.length > 0) {
    for (const c of customers) if (coversCustomer(sub, c, c.id)) ids.add(c.id);
  }
  const out: SignalRow[] = [...index.industry];
  for (const id of ids) out.push(...(index.byCustomer.get(id) ?? []));
  return out;
}

/** Highest cursor of entries enqueued but not yet sent, per subscription: their items are spoken for. */
async function unsentCursors(store: AlertStore): Promise<Map<string, DigestCursor>> {
  const out = new Map<string, DigestCursor>();
  for (const e of await store.outbox.pending(50_000)) {
    if (e.kind !== 'digest') continue;
    const cur = out.get(e.subscriptionId) ?? { signals: 0, assessments: 0 };
    out.set(e.subscriptionId, {
      signals: Math.max(cur.signals, e.cursor.signals ?? 0),
      assessments: Math.max(cur.assessments, e.cursor.assessments ?? 0),
    });
  }
  return out;
}

async function startCursor(store: AlertStore, subId: string, unsent: Map<string, DigestCursor>): Promise<DigestCursor> {
  const quietRaw = await store.getMeta(quietCursorKey(subId));
  const quiet = quietRaw ? (JSON.parse(quietRaw) as DigestCursor) : { signals: 0, assessments: 0 };
  const pending = unsent.get(subId) ?? { signals: 0, assessments: 0 };
  return {
    signals: Math.max(await store.outbox.sentCursor(subId, 'signals'), pending.signals, quiet.signals),
    assessments: Math.max(await store.outbox.sentCursor(subId, 'assessments'), pending.assessments, quiet.assessments),
  };
}

/** Reads a sequence-numbered log from `from` to its end, page by page; `head` is the last seq seen. */
export async function readAll<R extends { seq: number }, T>(
  page: (after: number, limit: number) => Promise<R[]>,
  from: number,
  pick: (r: R) => T,
): Promise<{ rows: Array<{ seq: number; item: T }>; head: number }> {
  const rows: Array<{ seq: number; item: T }> = [];
  let cursor = from;
  for (;;) {
    const batch = await page(cursor, PAGE);
    for (const r of batch) rows.push({ seq: r.seq, item: pick(r) });
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.seq;
    if (batch.length < PAGE) break;
  }
  return { rows, head: cursor };
}

async function loadHistories(store: AlertStore, rows: Array<{ item: Assessment }>): Promise<Map<string, Assessment[]>> {
  const ids = [...new Set(rows.map((r) => r.item.customerId))];
  const out = new Map<string, Assessment[]>();
  for (const id of ids) out.set(id, await store.assessmentHistory(id));
  return out;
}

/** Attaches to each change the assessment that preceded it, so the mail can say "B → D". */
function withPrevious(rows: Array<{ seq: number; item: Assessment }>, histories: Map<string, Assessment[]>): AssessmentChange[] {
  return rows.map((r) => ({ seq: r.seq, assessment: r.item, previous: precedingAssessment(histories.get(r.item.customerId) ?? [], r.item) }));
}

export function precedingAssessment(history: Assessment[], a: Assessment): Assessment | undefined {
  const sorted = [...history].sort((x, y) => x.asOf.localeCompare(y.asOf));
  let idx = sorted.findIndex((h) => h.asOf === a.asOf && h.score === a.score && h.grade === a.grade);
  for (let i = sorted.length - 1; idx < 0 && i >= 0; i--) {
    if (sorted[i]!.score === a.score && sorted[i]!.grade === a.grade) idx = i;
  }
  if (idx < 0) return sorted.filter((h) => h.asOf < a.asOf).at(-1);
  return idx > 0 ? sorted[idx - 1] : undefined;
}

