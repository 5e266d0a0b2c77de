import type { ListedSubscription } from '../../http/context.js';
import { SEVERITIES } from '../../../platform/schemas/index.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, type Lang, type Strings } from '../i18n.js';

export interface SubscriptionsView {
  t: Strings;
  lang: Lang;
  listed: ListedSubscription[];
  /** Editing is plugged in and the signed-in token is an admin. */
  canEdit: boolean;
  editReason?: string;
  problems?: string[];
  message?: string;
}

function scopeText(s: ListedSubscription['subscription'], t: Strings): string {
  const parts = [...s.scope.customers, ...s.scope.tags.map((x) => `#${x}`), ...s.scope.industries.map((x) => `NOGA ${x}`)];
  return s.scope.all || parts.length === 0 ? t.all : parts.join(', ');
}

export function renderSubscriptionsBody(v: SubscriptionsView): SafeHtml {
  const { t, lang } = v;
  const rows = v.listed.map(
    (l) => html`<tr>
<td>${l.subscription.name || l.subscription.id}<span class="muted block">${l.subscription.email}</span></td>
<td>${scopeText(l.subscription, t)}</td>
<td>${t.frequencies[l.subscription.frequency] ?? l.subscription.frequency}${l.subscription.frequency === 'instant' ? '' : `, ${String(l.subscription.hour).padStart(2, '0')}:00 ${l.subscription.timeZone}`}</td>
<td>${t.severities[l.subscription.minSeverity]}</td>
<td>${l.subscription.language.toUpperCase()}</td>
<td>${l.unsubscribedAt ? html`<span class="muted">${t.unsubscribed} ${formatDate(l.unsubscribedAt, lang)}</span>` : html`<span class="ok">${t.active}</span>`}</td>
${v.canEdit ? html`<td><form method="post" action="/subscriptions/${encodeURIComponent(l.subscription.id)}/delete?lang=${lang}" class="inline"><button type="submit" class="secondary" aria-label="${t.remove}: ${l.subscription.id}">${t.remove}</button></form></td>` : ''}
</tr>`,
  );
  const form = v.canEdit
    ? html`<section class="card" aria-labelledby="add-h"><h2 id="add-h">${t.add}</h2>
${v.problems && v.problems.length > 0 ? html`<div class="notice error" role="alert"><ul>${v.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form method="post" action="/subscriptions?lang=${lang}" class="form-grid">
  <div class="field"><label for="s-id">${t.id}</label><input id="s-id" name="id" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*" maxlength="100"></div>
  <div class="field"><label for="s-email">${t.email}</label><input id="s-email" name="email" type="email" required maxlength="200"></div>
  <div class="field"><label for="s-name">${t.recipient}</label><input id="s-name" name="name" maxlength="200"></div>
  <div class="field"><label for="s-freq">${t.frequency}</label><select id="s-freq" name="frequency">${['daily', 'weekly', 'monthly', 'instant'].map((f) => html`<option value="${f}">${t.frequencies[f]}</option>`)}</select></div>
  <div class="field"><label for="s-sev">${t.minSeverity}</label><select id="s-sev" name="minSeverity">${SEVERITIES.map((s) => html`<option value="${s}"${s === 'medium' ? html` selected` : ''}>${t.severities[s]}</option>`)}</select></div>
  <div class="field"><label for="s-lang">${t.language}</label><select id="s-lang" name="language"><option value="de"${lang === 'de' ? html` selected` : ''}>Deutsch</option><option value="en"${lang === 'en' ? html` selected` : ''}>English</option><option value="fr">Français</option></select></div>
  <div class="field"><label for="s-tags">${t.scope} (tags)</label><input id="s-tags" name="tags" placeholder="uk, ch"></div>
  <div class="field actions"><button type="submit">${t.save}</button></div>
</form></section>`
    : html`<p class="muted">${v.editReason ?? t.editDisabled}</p>`;
  return html`<h1>${t.subscriptions}</h1>
${v.message ? html`<p class="notice" role="status">${v.message}</p>` : ''}
<section class="card" aria-labelledby="subs-h"><h2 id="subs-h" class="visually-hidden">${t.subscriptions}</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">${t.recipient}</th><th scope="col">${t.scope}</th><th scope="col">${t.frequency}</th><th scope="col">${t.minSeverity}</th><th scope="col">${t.language}</th><th scope="col">${t.status}</th>${v.canEdit ? html`<th scope="col"><span class="visually-hidden">${t.remove}</span></th>` : ''}</tr></thead>
<tbody>${rows}</tbody></table></div></section>
${form}`;
}
