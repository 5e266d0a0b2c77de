import { composeMessage } from './compose-message.js';
import { deliverPending } from './deliver.js';
import { formatDate, STRINGS } from './i18n.js';
import { escapeHtml, footerHtml, footerText, wrapHtml, type RenderedMail } from './render-digest.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { Subscription } from '../platform/config/subscriptions.js';
import type { DeliverResult, DigestDeps, PlannedMail, SourceHealth } from './types.js';

export interface HealthEvent {
  sourceId: string;
  kind: 'failing' | 'recovered';
  consecutiveFailures: number;
  lastError?: string;
  lastSuccessAt?: string;
  /** Identifies the failure streak (the last success before it), so each streak alerts once. */
  streak: string;
}

interface HealthState {
  state: 'ok' | 'failing';
  streak: string;
}

const stateKey = (sourceId: string) => `alerts:health-state:${sourceId}`;

/**
 * Turns the sources' current health into transitions: failing after `threshold` consecutive
 * failures, recovered at the first success after that. Pure: the previous states are passed in.
 */
export function detectHealthEvents(
  health: SourceHealth[],
  previous: Map<string, HealthState>,
  threshold: number,
): HealthEvent[] {
  const events: HealthEvent[] = [];
  for (const h of health) {
    const was = previous.get(h.sourceId)?.state ?? 'ok';
    const streak = h.lastSuccessAt ?? 'never';
    if (was === 'ok' && h.consecutiveFailures >= threshold) {
      events.push({ sourceId: h.sourceId, kind: 'failing', consecutiveFailures: h.consecutiveFailures, lastError: h.lastError, lastSuccessAt: h.lastSuccessAt, streak });
    } else if (was === 'failing' && h.consecutiveFailures === 0) {
      events.push({ sourceId: h.sourceId, kind: 'recovered', consecutiveFailures: 0, lastSuccessAt: h.lastSuccessAt, streak: previous.get(h.sourceId)!.streak });
    }
  }
  return events;
}

export interface HealthRoundResult {
  events: HealthEvent[];
  planned: PlannedMail[];
  delivered: DeliverResult;
}

/** Source-health alerts to admin subscribers: one mail when a source starts failing, one when it recovers. */
export async function runHealthAlerts(
  deps: DigestDeps,
  health: SourceHealth[],
  at: Date,
  opts: { threshold?: number; deliver?: boolean } = {},
): Promise<HealthRoundResult> {
  const { store } = deps;
  const previous = new Map<string, HealthState>();
  for (const h of health) {
    const raw = await store.getMeta(stateKey(h.sourceId));
    if (raw) previous.set(h.sourceId, JSON.parse(raw) as HealthState);
  }
  const events = detectHealthEvents(health, previous, opts.threshold ?? 3);
  const admins = (await deps.subscriptions.listSubscriptions()).filter((s) => s.admin);
  const planned: PlannedMail[] = [];
  for (const e of events) {
    for (const sub of admins) planned.push(await enqueueHealthMail(deps, sub, e, at));
    // After the mails are enqueued: a crash in between re-detects the event and finds the same keys.
    const next: HealthState = { state: e.kind === 'failing' ? 'failing' : 'ok', streak: e.streak };
    await store.setMeta(stateKey(e.sourceId), JSON.stringify(next));
  }
  const delivered = opts.deliver === false ? { sent: [], failed: [], skipped: 0 } : await deliverPending(deps, at);
  return { events, planned, delivered };
}

async function enqueueHealthMail(deps: DigestDeps, sub: Subscription, e: HealthEvent, at: Date): Promise<PlannedMail> {
  const key = `health:${sub.id}:${e.sourceId}:${e.kind}:${e.streak}`;
  const unsub = unsubscribeUrl(deps.publicUrl, sub.id, deps.unsubscribeSecret);
  const mail = renderHealthMail(sub, e, { unsubscribeUrl: unsub });
  const message = composeMessage({ key, installationId: deps.installationId, from: deps.mailer.from, to: { name: sub.name, address: sub.email }, mail, date: at, unsubscribeUrl: unsub });
  const planned = { key, subscriptionId: sub.id, recipient: sub.email, period: at.toISOString(), subject: mail.subject, itemCount: 1 };
  const inserted = await deps.store.outbox.enqueue({ ...planned, kind: 'health', message, cursor: {} }, at);
  return { ...planned, existed: !inserted };
}

export function renderHealthMail(sub: Subscription, e: HealthEvent, opts: { unsubscribeUrl?: string }): RenderedMail {
  const s = STRINGS[sub.language];
  const recovered = e.kind === 'recovered';
  const line = recovered ? s.healthRecovered(e.sourceId) : s.healthFailing(e.sourceId, e.consecutiveFailures);
  const details = recovered
    ? ''
    : s.healthLine(e.consecutiveFailures, e.lastSuccessAt ? formatDate(e.lastSuccessAt, s, sub.timeZone) : '–') +
      (e.lastError ? ` — ${e.lastError.replace(/\s+/g, ' ').slice(0, 300)}` : '');
  const html = wrapHtml(
    sub.language,
    [
      `<tr><td colspan="2" style="padding:16px 8px 8px">${escapeHtml(s.greeting(sub.name))}</td></tr>`,
      `<tr><td colspan="2" style="padding:8px"><strong>${escapeHtml(line)}</strong>${details ? `<br><span style="font-size:13px;color:#555555">${escapeHtml(details)}</span>` : ''}</td></tr>`,
      footerHtml(s, sub.id, opts),
    ].join('\n'),
  );
  const text = [s.greeting(sub.name), '', line, details, '', '--', footerText(s, sub.id, opts), ''].join('\n');
  return { subject: s.subjectHealth(e.sourceId, recovered), html, text };
}
