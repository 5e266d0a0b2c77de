import { dlq, ok, type BatchHandler, type StepResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type SourceHealthEvent } from '../platform/schemas/index.js';
import { composeMessage } from './compose-message.js';
import { mailDate, mailSpeaker } from './i18n.js';
import { escapeHtml, footerHtml, footerText, wrapHtml, type RenderedMail } from './render-digest.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import type { Subscription } from '../platform/config/subscriptions.js';
import type { DigestDeps, PlannedMail } from './types.js';

/**
 * Source-health alerts to admin subscribers. The collector decides when a source is failing
 * (on its `parkAfterFailures`-th failure in a row) or recovered, and publishes that once on the
 * source-health topic; this step turns each event into one mail per admin. The mail key names
 * the failure streak (the last success before it), so a replayed event enqueues nothing new.
 */
export async function alertSourceHealth(deps: DigestDeps, events: SourceHealthEvent[], at: Date): Promise<PlannedMail[]> {
  const admins = (await deps.subscriptions.listSubscriptions()).filter((s) => s.admin);
  const planned: PlannedMail[] = [];
  for (const e of events) for (const sub of admins) planned.push(await enqueueHealthMail(deps, sub, e, at));
  return planned;
}

/** The batch step the alerter subscribes to the source-health topic: enqueue the mails, then commit. */
export function createHealthAlertStep(deps: DigestDeps, clock: { now(): Date }): BatchHandler {
  return async (messages) => {
    const results: StepResult[] = [];
    const events: SourceHealthEvent[] = [];
    for (const m of messages) {
      const parsed = parseEnvelope(TOPICS.sourceHealth, m.value);
      if (!parsed.ok) results.push(dlq(parsed.reason));
      else {
        events.push(parsed.value.payload);
        results.push(ok(undefined));
      }
    }
    if (events.length > 0) await alertSourceHealth(deps, events, clock.now());
    return results;
  };
}

async function enqueueHealthMail(deps: DigestDeps, sub: Subscription, e: SourceHealthEvent, at: Date): Promise<PlannedMail> {
  const kind = e.type === 'source_failing' ? 'failing' : 'recovered';
  const key = `health:${sub.id}:${e.sourceId}:${kind}:${e.lastSuccessAt ?? 'never'}`;
  const unsub = unsubscribeUrl(deps.publicUrl, sub.id, deps.unsubscribeSecret);
  const mail = renderHealthMail(sub, e, { unsubscribeUrl: unsub });
  const message = composeMessage({ key, installationId: deps.installationId, from: deps.mailer.from, to: { name: sub.name, address: sub.email }, mail, date: at, unsubscribeUrl: unsub });
  const planned = { key, subscriptionId: sub.id, recipient: sub.email, period: at.toISOString(), subject: mail.subject, itemCount: 1 };
  const inserted = await deps.store.outbox.enqueue({ ...planned, kind: 'health', message, cursor: {} }, at);
  return { ...planned, existed: !inserted };
}

export function renderHealthMail(sub: Subscription, e: SourceHealthEvent, opts: { unsubscribeUrl?: string }): RenderedMail {
  const s = mailSpeaker(sub);
  const m = s.t.mail;
  const recovered = e.type === 'source_recovered';
  const line = recovered ? m.healthRecovered(e.sourceId) : m.healthFailing(e.sourceId, e.consecutiveFailures);
  const details = recovered
    ? ''
    : m.healthLine(e.consecutiveFailures, e.lastSuccessAt ? mailDate(e.lastSuccessAt, s, sub.timeZone) : '–') +
      (e.error ? ` — ${e.error.message.replace(/\s+/g, ' ').slice(0, 300)}` : '');
  const html = wrapHtml(
    sub.language,
    [
      `<tr><td colspan="2" style="padding:16px 8px 8px">${escapeHtml(m.greeting(sub.name))}</td></tr>`,
      `<tr><td colspan="2" style="padding:8px"><strong>${escapeHtml(line)}</strong>${details ? `<br><span style="font-size:13px;color:#555555">${escapeHtml(details)}</span>` : ''}</td></tr>`,
      footerHtml(s, sub.id, opts),
    ].join('\n'),
  );
  const text = [m.greeting(sub.name), '', line, details, '', '--', footerText(s, sub.id, opts), ''].join('\n');
  return { subject: m.subjectHealth(e.sourceId, recovered), html, text };
}
