import type { DigestState } from '../platform/store/alert-state.js';
import type { OutboxEntry } from '../platform/store/port.js';
import { buildDigest } from './build-digest.js';
import { composeMessage } from './compose-message.js';
import { createDeliveryQueue, deliverPending } from './deliver.js';
import { candidateSignals, dueDigests, entryCursor, indexBySubject, nextDigestState, pickDigestsToBuild, type DigestTodo } from './digest-plan.js';
import type { DigestFrequency } from './periods.js';
import { loadHistories, readAll, withPrevious } from './read-logs.js';
import { renderDigest, type RenderOptions } from './render-digest.js';
import { ackUrl } from './ack-token.js';
import { assessmentItemKey, signalItemKey, type Acknowledgement } from '../platform/store/credit-state.js';
import type { Assessment, Signal } from '../platform/schemas/index.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { DigestDeps, DigestRoundResult, PlannedMail } from './types.js';

/** Digests enqueued per outbox write. */
const ENQUEUE_BATCH = 32;

type NewEntry = Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>;

/**
 * One digest round as if it were `at`: for every subscription of `frequency` whose most recent
 * due period is not handled yet, build the digest of everything since its DigestState's cursor,
 * enqueue it under `digest:<subscription>:<period>`, then save the state and deliver. Running it
 * twice, or in two processes at once, enqueues each period once (the outbox key wins).
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
    frequency, at: at.toISOString(), considered: subs.length, planned: [], quiet: [], alreadyDone: [],
    delivered: { sent: [], failed: [], skipped: 0 }, dryRun,
  };

  const due = dueDigests(subs, frequency, at);
  const states = await store.digestStates.digestStates(subs.map((s) => s.id));
  const picked = pickDigestsToBuild(due, states, await store.outbox.existingKeys(due.map((d) => d.key)));
  result.alreadyDone = picked.alreadyDone.map((d) => d.sub.id);
  if (!dryRun) await repairStates(deps, picked.repair, at);

  const queue = dryRun ? undefined : createDeliveryQueue(deps, at, result.delivered);
  if (picked.todo.length > 0) await buildAndEnqueue(deps, picked.todo, frequency, at, result, queue, log);
  if (queue) {
    await queue.drain();
    // Then whatever else is due: mails of earlier rounds waiting for a retry, or enqueued by another alerter.
    await deliverPending(deps, at, result.delivered);
  }
  return result;
}

async function buildAndEnqueue(
  deps: DigestDeps,
  todo: DigestTodo[],
  frequency: DigestFrequency,
  at: Date,
  result: DigestRoundResult,
  queue: ReturnType<typeof createDeliveryQueue> | undefined,
  log: DigestDeps['logger'],
): Promise<void> {
  const { store } = deps;
  const dry = queue === undefined; // a dry run plans, and writes nothing
  const signals = await readAll((c, n) => store.signalsSince(c, n), Math.min(...todo.map((t) => t.from.signals)), (r) => r.signal);
  const changes = await readAll((c, n) => store.assessmentsSince(c, n), Math.min(...todo.map((t) => t.from.assessments)), (r) => r.assessment);
  const head = { signals: signals.head, assessments: changes.head };
  const histories = await loadHistories(store, changes.rows);
  const customers = await store.listCustomers();
  const customerIndex = new Map(customers.map((c) => [c.id, c]));
  const bySubject = indexBySubject(signals.rows);
  const health = deps.sourceHealth ? await deps.sourceHealth() : [];
  const latest = deps.latestAssessments ? new Map((await deps.latestAssessments()).map((a) => [a.customerId, a])) : undefined;
  const acknowledged = await acknowledgementsOf(deps, signals.rows.map((r) => r.item), changes.rows.map((r) => r.item));

  // Entries are written ENQUEUE_BATCH at a time (one transaction each) and handed to the senders
  // only once committed, so a crash before sending still leaves them in the outbox; the states
  // are saved after their entries, so a crash in between is repaired by the next round.
  let batch: Array<{ entry: NewEntry; planned: PlannedMail; state: DigestState }> = [];
  const quietStates: DigestState[] = [];
  const flush = async (): Promise<void> => {
    const current = batch;
    batch = [];
    const inserted = current.length > 0 ? await store.outbox.enqueueMany(current.map((b) => b.entry), at) : [];
    current.forEach(({ entry, planned }, i) => {
      if (inserted[i]) queue?.push({ ...entry, status: 'pending', attempts: 0, createdAt: at.toISOString() });
      planned.existed = !inserted[i];
      log.debug({ subscription_id: entry.subscriptionId, period: entry.period, items: entry.itemCount, inserted: inserted[i] }, 'digest_enqueued');
    });
    const states = [...current.filter((_, i) => inserted[i]).map((b) => b.state), ...quietStates.splice(0)];
    if (states.length > 0) await store.digestStates.saveDigestStates(states);
  };
  let built = 0;
  for (const t of todo) {
    // Let the sockets of mails already handed over make progress while the next ones render.
    if (queue && ++built % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
    const digest = buildDigest({
      subscription: t.sub, frequency, periodKey: t.periodKey, slotAt: t.slotAt, customers, customerIndex, health,
      signals: candidateSignals(t.sub, bySubject, customers, signals.rows).filter((r) => r.seq > t.from.signals).map((r) => r.item),
      changes: withPrevious(changes.rows.filter((r) => r.seq > t.from.assessments), histories),
      latest,
      acknowledged,
    });
    const quiet = digest.itemCount === 0 && !t.sub.allQuiet;
    const state = nextDigestState(t, head, quiet, at);
    if (quiet) {
      result.quiet.push(t.sub.id);
      if (!dry) quietStates.push(state);
      continue;
    }
    const unsub = unsubscribeUrl(deps.publicUrl, t.sub.id, deps.unsubscribeSecret);
    const mail = renderDigest(digest, renderOptions(deps, t.sub.id, unsub));
    const planned = { key: t.key, subscriptionId: t.sub.id, recipient: t.sub.email, period: t.periodKey, subject: mail.subject, itemCount: digest.itemCount };
    if (dry) {
      result.planned.push({ ...planned, existed: false, preview: mail.text });
      continue;
    }
    const message = composeMessage({ key: t.key, installationId: deps.installationId, from: deps.mailer.from, to: { name: t.sub.name, address: t.sub.email }, mail, date: at, unsubscribeUrl: unsub });
    const plannedResult = { ...planned, existed: false };
    result.planned.push(plannedResult);
    batch.push({ entry: { ...planned, kind: 'digest', message, cursor: entryCursor(t.from, state.cursor) }, planned: plannedResult, state });
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  if (!dry) await flush();
}

/** A period whose mail is in the outbox but whose state was not saved (a crash in between): the entry says where it ended. */
async function repairStates(deps: DigestDeps, repair: Array<{ sub: { id: string }; key: string; periodKey: string }>, at: Date): Promise<void> {
  const states: DigestState[] = [];
  for (const d of repair) {
    const entry = await deps.store.outbox.get(d.key);
    if (!entry) continue;
    const cursor = { signals: entry.cursor.signals ?? 0, assessments: entry.cursor.assessments ?? 0 };
    states.push({ subscriptionId: d.sub.id, cursor, lastPeriod: d.periodKey, quietSlots: 0, updatedAt: at.toISOString() });
  }
  if (states.length > 0) await deps.store.digestStates.saveDigestStates(states);
}

/** What someone already acknowledged among the items of this round. */
export async function acknowledgementsOf(deps: DigestDeps, signals: Signal[], changes: Assessment[]): Promise<Map<string, Acknowledgement> | undefined> {
  if (!deps.acknowledgements) return undefined;
  const keys = [...signals.map((s) => signalItemKey(s.id)), ...changes.map((a) => assessmentItemKey(a.customerId, a.asOf))];
  return keys.length > 0 ? deps.acknowledgements(keys) : new Map();
}

/** Links and names a rendered mail needs: check page, unsubscribe, acknowledge, source titles, locale. */
export function renderOptions(deps: DigestDeps, subscriptionId: string, unsubscribe: string | undefined): RenderOptions {
  return {
    publicUrl: deps.publicUrl,
    unsubscribeUrl: unsubscribe,
    ...(deps.sourceTitles ? { sourceTitles: deps.sourceTitles } : {}),
    ...(deps.locales ? { locales: deps.locales } : {}),
    ackUrl: (customerId, keys) => ackUrl(deps.publicUrl, { subscriptionId, customerId, keys }, deps.unsubscribeSecret),
  };
}
