import type { Assessment, LedgerRow } from '../../../platform/schemas/index.js';
import type { CheckAnswer } from '../../http/queries.js';
import { describeTerms } from '../../report.js';
import { paymentChart, scoreHistoryChart } from '../charts.js';
import { html, link, safeUrl, type SafeHtml } from '../html.js';
import { formatDate, type Lang, type Strings } from '../i18n.js';
import { hrefWith } from '../layout.js';
import { paymentBehaviour } from '../portfolio.js';
import { registerCard, sourcesCard } from './register.card.js';
import type { SourceReport } from '../../../platform/registers/register-entry.js';

export interface CheckView {
  t: Strings;
  lang: Lang;
  q: string;
  amount: string;
  answer: CheckAnswer | undefined;
  asOf: Date;
  /** The riskiest customers, as shortcuts on the empty search page. */
  riskiest?: Array<{ id: string; name: string; grade: string | null }>;
  /** What each register answered (also shown when nothing was found). */
  sources?: SourceReport[];
}

export function searchForm(t: Strings, lang: Lang, q: string, amount: string): SafeHtml {
  return html`<form class="search" method="get" action="/check" role="search">
  <input type="hidden" name="lang" value="${lang}">
  <div class="field grow">
    <label for="q">${t.searchLabel}</label>
    <input id="q" name="q" type="search" value="${q}" required maxlength="200" autocomplete="off" aria-describedby="q-hint" ${q ? '' : html`autofocus`}>
    <p id="q-hint" class="hint">${t.searchHint}</p>
  </div>
  <div class="field">
    <label for="amount">${t.amountLabel}</label>
    <input id="amount" name="amount" type="number" min="1" step="any" inputmode="decimal" value="${amount}" aria-describedby="amount-hint">
    <p id="amount-hint" class="hint">${t.amountHint}</p>
  </div>
  <div class="field actions"><button type="submit">${t.check}</button></div>
</form>`;
}

function evidenceItem(e: string): SafeHtml {
  return safeUrl(e) ? link(e, e.replace(/^https?:\/\//, '').slice(0, 80)) : html`${e}`;
}

function summary(a: Assessment, answer: CheckAnswer, t: Strings, lang: Lang): SafeHtml {
  const badge = answer.kind === 'prospect' ? html`<span class="pill prospect">${t.prospect}</span>` : html`<span class="pill">${t.customer} · ${a.customerId}</span>`;
  return html`<section class="card summary" aria-labelledby="result-name">
  <div class="summary-head">
    <h2 id="result-name">${a.name}</h2>
    <p>${badge} <span class="muted">${t.asOf} ${formatDate(a.asOf, lang)}</span></p>
    ${answer.kind === 'prospect' ? html`<p class="note">${t.prospectNote(answer.documents?.length ?? 0)}</p>` : ''}
  </div>
  <dl class="kpis">
    <div class="kpi grade-kpi"><dt>${t.grade}</dt><dd><span class="grade grade-${a.grade}" data-testid="grade">${a.grade}</span><span class="kpi-note">${t.gradeWords[a.grade]}</span></dd></div>
    <div class="kpi"><dt>${t.score}</dt><dd><span class="num" data-testid="score">${a.score.toFixed(0)}</span><span class="unit">/100</span><span class="kpi-note">${t.scoreNote}</span></dd></div>
    <div class="kpi"><dt>${t.pd}</dt><dd><span class="num">${(a.pd * 100).toFixed(1)}</span><span class="unit">%</span><span class="kpi-note">${t.pdNote}</span></dd></div>
  </dl>
</section>`;
}

function termsCard(a: Assessment, t: Strings, lang: Lang): SafeHtml {
  const reasons = a.terms.reasons?.[lang] ?? a.terms.reasons?.en ?? [];
  // describeTerms starts with the kind, which the heading already shows.
  const detail = describeTerms(a.terms, lang).split(', ').slice(1).join(', ');
  return html`<section class="card terms terms-${a.terms.kind}" aria-labelledby="terms-h">
  <h2 id="terms-h">${t.terms}</h2>
  <p class="terms-kind" data-testid="terms">${t.kinds[a.terms.kind]}</p>
  ${detail ? html`<p class="terms-detail">${detail}</p>` : ''}
  ${reasons.length > 0 ? html`<h3>${t.reasons}</h3><ul class="reasons">${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
</section>`;
}

function factorsCard(a: Assessment, t: Strings): SafeHtml {
  const rows = a.factors.map(
    (f) => html`<tr><td>${f.description ?? f.name}</td><td class="num ${f.contribution > 0 ? 'up' : 'down'}">${f.contribution > 0 ? '+' : '−'}${Math.abs(f.contribution).toFixed(1)}</td><td class="evidence">${f.evidence.slice(0, 4).map((e) => html`<span>${evidenceItem(e)}</span>`)}${f.evidence.length > 4 ? html`<span class="muted">+${f.evidence.length - 4}</span>` : ''}</td></tr>`,
  );
  return html`<section class="card" aria-labelledby="factors-h"><h2 id="factors-h">${t.factors}</h2>
${a.factors.length === 0 ? html`<p class="muted">${t.none}</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t.factor}</th><th scope="col" class="num">${t.points}</th><th scope="col">${t.evidence}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

function signalsCard(a: Assessment, t: Strings, lang: Lang): SafeHtml {
  const rows = [...a.signals]
    .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt))
    .map((s) => html`<tr><td class="nowrap">${formatDate(s.occurredAt, lang)}</td><td><span class="sev sev-${s.severity}">${t.severities[s.severity]}</span></td><td>${t.events[s.type]}</td><td>${link(s.url, s.title)}</td></tr>`);
  return html`<section class="card" aria-labelledby="signals-h"><h2 id="signals-h">${t.signals}</h2>
${rows.length === 0 ? html`<p class="muted">${t.noSignals}</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t.date}</th><th scope="col">${t.severity}</th><th scope="col">${t.type}</th><th scope="col">${t.report}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

function ledgerCard(ledger: LedgerRow[], asOf: Date, t: Strings, lang: Lang): SafeHtml {
  if (ledger.length === 0) return html`<section class="card" aria-labelledby="pay-h"><h2 id="pay-h">${t.payment}</h2><p class="muted">${t.noLedger}</p></section>`;
  const currencies = [...new Set(ledger.map((r) => r.currency))];
  return html`<section class="card" aria-labelledby="pay-h"><h2 id="pay-h">${t.payment}</h2>
${currencies.map((c) => paymentChart(paymentBehaviour(ledger.filter((r) => r.currency === c), asOf), c, t, lang))}</section>`;
}

export function renderCheckBody(v: CheckView): SafeHtml {
  const { t, lang, answer } = v;
  const form = searchForm(t, lang, v.q, v.amount);
  if (!v.q) {
    const shortcuts = (v.riskiest ?? []).map((c) => html`<li><a href="${hrefWith('/check', { q: c.id, lang })}">${c.grade ? html`<span class="grade small grade-${c.grade}">${c.grade}</span> ` : ''}${c.name}</a></li>`);
    return html`<h1>${t.navCheck}</h1>${form}${shortcuts.length > 0 ? html`<section class="card" aria-labelledby="riskiest-h"><h2 id="riskiest-h">${t.riskiest}</h2><ul class="shortcuts">${shortcuts}</ul></section>` : ''}`;
  }
  if (!answer) return html`<h1>${t.navCheck}</h1>${form}<p class="card notice" role="status">${t.noMatch(v.q)}</p>${sourcesCard(v.sources ?? [], lang)}`;
  const a = answer.assessment;
  const alternatives = answer.alternatives.length > 0
    ? html`<p class="alternatives">${t.didYouMean}: ${answer.alternatives.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="${hrefWith('/check', { q: c.id, lang, amount: v.amount })}">${c.name}</a>`)}</p>`
    : '';
  const docs = answer.documents && answer.documents.length > 0
    ? html`<section class="card" aria-labelledby="docs-h"><h2 id="docs-h">${t.documents}</h2><ul class="docs">${answer.documents.map((d) => html`<li>${d.publishedAt ? html`<span class="muted nowrap">${formatDate(d.publishedAt, lang)}</span> ` : ''}${link(d.url, d.title)}</li>`)}</ul></section>`
    : '';
  const history = answer.history && answer.history.length > 1
    ? html`<section class="card" aria-labelledby="hist-h"><h2 id="hist-h">${t.history}</h2>${scoreHistoryChart(answer.history, t, lang)}</section>`
    : answer.kind === 'customer' ? html`<section class="card" aria-labelledby="hist-h"><h2 id="hist-h">${t.history}</h2><p class="muted">${t.noHistory}</p></section>` : '';
  return html`<h1 class="visually-hidden">${t.navCheck}: ${a.name}</h1>${form}${alternatives}
<div class="grid-2">${summary(a, answer, t, lang)}${termsCard(a, t, lang)}</div>
${factorsCard(a, t)}
${signalsCard(a, t, lang)}
${answer.kind === 'customer' ? ledgerCard(answer.ledger ?? [], v.asOf, t, lang) : ''}
${history}
${docs}
${answer.register ? registerCard(answer.register.entries, answer.register.sources, lang) : ''}`;
}
