import type { ListedSubscription } from '../../http/context.js';
import { LANGUAGES, SEVERITIES } from '../../../platform/schemas/index.js';
import { CATALOGUES } from '../../../platform/i18n/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Speaker } from '../i18n.js';

export interface SubscriptionsView {
  s: Speaker;
  lang: string;
  listed: ListedSubscription[];
  /** Editing is plugged in and the signed-in token is an admin. */
  canEdit: boolean;
  editReason?: string;
  problems?: string[];
  message?: string;
  /** What the form had when it was rejected, to fill it in again. */
  values?: Record<string, string>;
  /** Tags of the watchlist, offered in the form. */
  knownTags: string[];
  customers: Array<{ id: string; name: string }>;
}

const FREQUENCIES = ['daily', 'weekly', 'monthly', 'instant'] as const;
/** The time zones of the product's markets first; any other IANA zone can be typed. */
const ZONES = ['Europe/Zurich', 'Europe/Berlin', 'Europe/Vienna', 'Europe/London', 'Europe/Paris', 'Europe/Rome', 'UTC'];

function scopeText(sub: ListedSubscription['subscription'], s: Speaker): string {
  const parts = [...sub.scope.customers, ...sub.scope.tags.map((x) => `#${x}`), ...sub.scope.industries.map((x) => `NOGA ${x}`)];
  return sub.scope.all || parts.length === 0 ? s.t.web.all : parts.join(', ');
}

/** "daily, 07:00 Europe/Zurich", "weekly, Monday 07:00 …", "monthly, day 1 07:00 …". */
export function scheduleText(sub: ListedSubscription['subscription'], s: Speaker): string {
  const freq = s.t.frequencies[sub.frequency] ?? sub.frequency;
  if (sub.frequency === 'instant') return freq;
  const hour = `${String(sub.hour).padStart(2, '0')}:00 ${sub.timeZone}`;
  const day = sub.frequency === 'weekly' ? `${s.t.weekdays[sub.weekday]} ` : sub.frequency === 'monthly' ? `${sub.dayOfMonth}. ` : '';
  return `${freq}, ${day}${hour}`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

function addForm(v: SubscriptionsView): SafeHtml {
  const { s } = v;
  const w = s.t.web;
  const val = (k: string, d = '') => v.values?.[k] ?? d;
  return html`<section class="card" aria-labelledby="add-h"><h2 id="add-h">${w.add}</h2>
${v.problems && v.problems.length > 0 ? html`<div class="notice error" role="alert"><ul>${v.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form method="post" action="/subscriptions?lang=${v.lang}" class="form-grid">
  <div class="field"><label for="s-email">${w.email}</label><input id="s-email" name="email" type="email" required maxlength="200" value="${val('email')}"></div>
  <div class="field"><label for="s-name">${w.recipient}</label><input id="s-name" name="name" maxlength="200" value="${val('name')}"></div>
  <div class="field"><label for="s-id">${w.id}</label><input id="s-id" name="id" pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*" maxlength="100" value="${val('id')}" aria-describedby="s-id-hint"><p id="s-id-hint" class="hint">${w.idHint}</p></div>
  <div class="field"><label for="s-freq">${w.frequency}</label><select id="s-freq" name="frequency">${FREQUENCIES.map((f) => option(f, s.t.frequencies[f]!, val('frequency', 'daily') === f))}</select></div>
  <div class="field"><label for="s-hour">${w.hour}</label><select id="s-hour" name="hour">${Array.from({ length: 24 }, (_, h) => option(String(h), `${String(h).padStart(2, '0')}:00`, val('hour', '7') === String(h)))}</select></div>
  <div class="field"><label for="s-tz">${w.timeZone}</label><input id="s-tz" name="timeZone" list="s-tz-list" maxlength="60" value="${val('timeZone', 'Europe/Zurich')}" required><datalist id="s-tz-list">${ZONES.map((z) => html`<option value="${z}"></option>`)}</datalist></div>
  <div class="field"><label for="s-weekday">${w.weekday}</label><select id="s-weekday" name="weekday">${s.t.weekdays.map((d, i) => option(String(i), d, val('weekday', '1') === String(i)))}</select></div>
  <div class="field"><label for="s-dom">${w.dayOfMonth}</label><input id="s-dom" name="dayOfMonth" type="number" min="1" max="31" value="${val('dayOfMonth', '1')}" aria-describedby="s-dom-hint"><p id="s-dom-hint" class="hint">${w.dayOfMonthHint}</p></div>
  <div class="field"><label for="s-sev">${w.minSeverity}</label><select id="s-sev" name="minSeverity">${SEVERITIES.map((x) => option(x, s.t.severities[x], val('minSeverity', 'medium') === x))}</select></div>
  <div class="field"><label for="s-lang">${w.language}</label><select id="s-lang" name="language">${LANGUAGES.map((l) => option(l, CATALOGUES[l].languageName, val('language', s.lang) === l))}</select></div>
  <div class="field"><label for="s-customers">${w.customersField}</label><input id="s-customers" name="customers" list="s-customer-list" maxlength="500" value="${val('customers')}" aria-describedby="s-scope-hint"><datalist id="s-customer-list">${v.customers.map((c) => html`<option value="${c.id}">${c.name}</option>`)}</datalist></div>
  <div class="field"><label for="s-tags">${w.tagsField}</label><input id="s-tags" name="tags" maxlength="500" value="${val('tags')}" placeholder="${v.knownTags.slice(0, 3).join(', ')}" aria-describedby="s-scope-hint"><p id="s-scope-hint" class="hint">${w.scopeHint}</p></div>
  <div class="field actions"><button type="submit">${w.save}</button></div>
</form></section>`;
}

export function renderSubscriptionsBody(v: SubscriptionsView): SafeHtml {
  const { s } = v;
  const w = s.t.web;
  const rows = v.listed.map(
    (l) => html`<tr>
<td data-label="${w.recipient}">${l.subscription.name || l.subscription.id}<span class="muted block">${l.subscription.email}</span><span class="muted block">${l.subscription.id}</span></td>
<td data-label="${w.scope}">${scopeText(l.subscription, s)}</td>
<td data-label="${w.schedule}">${scheduleText(l.subscription, s)}</td>
<td data-label="${w.minSeverity}">${s.t.severities[l.subscription.minSeverity]}</td>
<td data-label="${w.language}">${l.subscription.language.toUpperCase()}</td>
<td data-label="${w.status}">${l.unsubscribedAt ? html`<span class="muted">${w.unsubscribed} ${s.f.date(l.unsubscribedAt)}</span>` : html`<span class="ok">${w.active}</span>`}</td>
${v.canEdit ? html`<td><a class="button secondary" href="/subscriptions/${encodeURIComponent(l.subscription.id)}/delete?lang=${v.lang}" aria-label="${w.remove}: ${l.subscription.id}">${w.remove}</a></td>` : ''}
</tr>`,
  );
  return html`<h1>${w.subscriptions}</h1>
${v.message ? html`<p class="notice" role="status">${v.message}</p>` : ''}
<section class="card" aria-labelledby="subs-h"><h2 id="subs-h" class="visually-hidden">${w.subscriptions}</h2>
<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${w.recipient}</th><th scope="col">${w.scope}</th><th scope="col">${w.schedule}</th><th scope="col">${w.minSeverity}</th><th scope="col">${w.language}</th><th scope="col">${w.status}</th>${v.canEdit ? html`<th scope="col"><span class="visually-hidden">${w.remove}</span></th>` : ''}</tr></thead>
<tbody>${rows}</tbody></table></div></section>
${v.canEdit ? addForm(v) : html`<p class="muted">${v.editReason ?? w.editDisabled}</p>`}`;
}

/** The confirmation asked before a subscription is removed. */
export function renderRemoveConfirmation(s: Speaker, lang: string, sub: ListedSubscription['subscription']): SafeHtml {
  const w = s.t.web;
  return html`<h1>${w.remove}</h1><section class="card narrow" role="alertdialog" aria-labelledby="confirm-q"><p id="confirm-q">${w.removeConfirm(sub.id, sub.email)}</p>
<div class="button-row"><form method="post" action="/subscriptions/${encodeURIComponent(sub.id)}/delete?lang=${lang}" class="inline"><button type="submit" class="danger">${w.remove}</button></form>
<a class="button secondary" href="/subscriptions?lang=${lang}">${w.cancel}</a></div></section>`;
}
