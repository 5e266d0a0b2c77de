import type { Subscription } from '../platform/config/subscriptions.js';
import type { Customer } from '../platform/schemas/index.js';
import { buildDigest } from './build-digest.js';
import { composeMessage } from './compose-message.js';
import { deliverPending } from './deliver.js';
import { DEFAULT_INSTANT_RULES, instantCandidates, planInstant, RATE_WINDOW_MS, type InstantCandidate, type InstantRules } from './instant-plan.js';
import { loadHistories, readAll } from './read-logs.js';
import { renderDigest } from './render-digest.js';
import { acknowledgementsOf, renderOptions } from './digest.job.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { DeliverResult, DigestDeps, PlannedMail } from './types.js';

export interface InstantOptions extends Partial<InstantRules> {
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

/**
 * Instant alerts for critical events and grade drops (rules in instant-plan.ts), over the
 * InstantAlertLog: cursors per subscription, event marks, rate windows per recipient.
 * A new subscription starts from now, not from history.
 */
export async function runInstantRound(deps: DigestDeps, at: Date, opts: InstantOptions = {}): Promise<InstantRoundResult> {
  const rules: InstantRules = { ...DEFAULT_INSTANT_RULES, ...definedRules(opts) };
  const { store } = deps;
  const log = store.instantLog;
  const result: InstantRoundResult = { planned: [], rateLimited: [], waiting: 0, delivered: { sent: [], failed: [], skipped: 0 } };
  const subs = (await deps.subscriptions.listSubscriptions()).filter((s) => s.frequency === 'instant');
  if (subs.length > 0) {
    const cursors = await log.instantCursors(subs.map((s) => s.id));
    const known = [...cursors.values()];
    const everyone = known.length === subs.length;
    const signals = await readAll((c, n) => store.signalsSince(c, n), everyone ? Math.min(...known.map((c) => c.signals)) : 0, (r) => r.signal);
    const changes = await readAll((c, n) => store.assessmentsSince(c, n), everyone ? Math.min(...known.map((c) => c.assessments)) : 0, (r) => r.assessment);
    const head = { signals: signals.head, assessments: changes.head };
    const customers = await store.listCustomers();
    const byId = new Map(customers.map((c) => [c.id, c]));
    const histories = await loadHistories(store, changes.rows);

    for (const sub of subs) {
      const cursor = cursors.get(sub.id);
      if (!cursor) {
        await log.saveInstantCursor(sub.id, head, at);
        continue;
      }
      const candidates = instantCandidates(sub, cursor, signals.rows, changes.rows, byId, histories);
      const lastAlerted = await log.lastAlerted(sub.id, [...new Set(candidates.map((c) => c.event))]);
      const recent = candidates.length > 0 ? await log.instantMailsSince(sub.email, new Date(at.getTime() - RATE_WINDOW_MS)) : [];
      const plan = planInstant(candidates, cursor, head, lastAlerted, recent, at, rules);
      result.waiting += plan.waitingGroups;
      if (plan.rateLimited) result.rateLimited.push(sub.id);
      if (plan.ready.length > 0) {
        result.planned.push(await enqueueInstant(deps, sub, plan.ready, customers, at));
        await log.recordInstantMail(sub.id, sub.email, [...new Set(plan.ready.map((c) => c.event))], at);
      }
      await log.saveInstantCursor(sub.id, plan.next, at);
    }
  }
  if (opts.deliver !== false) result.delivered = await deliverPending(deps, at);
  return result;
}

function definedRules(opts: InstantOptions): Partial<InstantRules> {
  const out: Partial<InstantRules> = {};
  if (opts.windowMs !== undefined) out.windowMs = opts.windowMs;
  if (opts.maxPerHour !== undefined) out.maxPerHour = opts.maxPerHour;
  if (opts.repeatAfterMs !== undefined) out.repeatAfterMs = opts.repeatAfterMs;
  return out;
}

async function enqueueInstant(deps: DigestDeps, sub: Subscription, ready: InstantCandidate[], customers: Customer[], at: Date): Promise<PlannedMail> {
  const signalSeqs = ready.filter((c) => c.signal).map((c) => c.seq);
  const changeSeqs = ready.filter((c) => c.change).map((c) => c.seq);
  // The first event's position names the mail: a rerun after a crash finds the same key.
  const key = `instant:${sub.id}:${signalSeqs.length ? Math.min(...signalSeqs) : 0}-${changeSeqs.length ? Math.min(...changeSeqs) : 0}`;
  const signals = ready.flatMap((c) => (c.signal ? [c.signal] : []));
  const changes = ready.flatMap((c) => (c.change ? [c.change] : []));
  const acknowledged = await acknowledgementsOf(deps, signals, changes.map((c) => c.assessment));
  const digest = buildDigest({
    ...(acknowledged ? { acknowledged } : {}),
    subscription: sub,
    frequency: 'instant',
    periodKey: at.toISOString(),
    slotAt: at,
    customers,
    signals: ready.flatMap((c) => (c.signal ? [c.signal] : [])),
    changes: ready.flatMap((c) => (c.change ? [c.change] : [])),
    latest: new Map(ready.flatMap((c) => (c.change ? [[c.customerId, c.change.assessment] as const] : []))),
  });
  const unsub = unsubscribeUrl(deps.publicUrl, sub.id, deps.unsubscribeSecret);
  const mail = renderDigest(digest, renderOptions(deps, sub.id, unsub));
  const message = composeMessage({ key, installationId: deps.installationId, from: deps.mailer.from, to: { name: sub.name, address: sub.email }, mail, date: at, unsubscribeUrl: unsub });
  const planned = { key, subscriptionId: sub.id, recipient: sub.email, period: at.toISOString(), subject: mail.subject, itemCount: digest.itemCount };
  const inserted = await deps.store.outbox.enqueue({ ...planned, kind: 'instant', message, cursor: {} }, at);
  return { ...planned, existed: !inserted };
}
