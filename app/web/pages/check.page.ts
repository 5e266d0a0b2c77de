import type { SettlementOptions } from '../../../analysis/scoring/index.js';
import type { Assessment } from '../../../platform/schemas/index.js';
import type { CheckAnswer } from '../../http/queries.js';
import { html, link, type SafeHtml } from '../html.js';
import type { Speaker } from '../i18n.js';
import { hrefWith } from '../layout.js';
import { registerCard, sourcesCard } from './register.card.js';
import type { SourceReport } from '../../../platform/registers/register-entry.js';
import { factorsCard, historyCard, ledgerCard, signalsCard, summaryCard, termsCard } from './check-cards.js';

export interface CheckView {
  s: Speaker;
  /** How the ledger is read (config `ledger.maxDiscountShare`). */
  settlement?: SettlementOptions;
  /** The ?lang= value for links. */
  lang: string;
  q: string;
  amount: string;
  answer: CheckAnswer | undefined;
  asOf: Date;
  /** The riskiest customers, as shortcuts on the empty search page. */
  riskiest?: Array<{ id: string; name: string; grade: string | null }>;
  /** What each register answered (also shown when nothing was found). */
  sources?: SourceReport[];
  /** A demo company to name in the search hint, only when the demo data is loaded. */
  example?: { name: string; registerId: string };
  /** Cards other parts of the app add below the report (override, notes, register facts …), in order. */
  extraCards?: SafeHtml[];
  /** Cards shown right below the summary (what is at stake). */
  topCards?: SafeHtml[];
  /** Shown after each signal's title (its acknowledgement, or the button to acknowledge it). */
  signalExtra?: (signal: Assessment['signals'][number]) => SafeHtml | '';
}

export function searchForm(s: Speaker, lang: string, q: string, amount: string, example?: CheckView['example']): SafeHtml {
  const w = s.t.web;
  return html`<form class="search" method="get" action="/check" role="search">
  <input type="hidden" name="lang" value="${lang}">
  <div class="field grow">
    <label for="q">${w.searchLabel}</label>
    <input id="q" name="q" type="search" value="${q}" required maxlength="200" autocomplete="off" aria-describedby="q-hint" ${q ? '' : html`autofocus`}>
    <p id="q-hint" class="hint">${example ? w.searchHintDemo(example.name, example.registerId) : w.searchHint}</p>
  </div>
  <div class="field">
    <label for="amount">${w.amountLabel}</label>
    <input id="amount" name="amount" type="number" min="1" step="any" inputmode="decimal" value="${amount}" aria-describedby="amount-hint">
    <p id="amount-hint" class="hint">${w.amountHint}</p>
  </div>
  <div class="field actions"><button type="submit">${w.check}</button></div>
</form>`;
}

function candidatesList(answer: Extract<CheckAnswer, { kind: 'candidates' }>, v: CheckView): SafeHtml {
  const w = v.s.t.web;
  const items = answer.candidates.map(
    (c) => html`<li><a href="${hrefWith('/check', { q: c.id, lang: v.lang, amount: v.amount })}">${c.grade ? html`<span class="grade small grade-${c.grade}">${c.grade}</span> ` : ''}${c.name}</a> <span class="muted">${c.id}</span></li>`,
  );
  return html`<section class="card" aria-labelledby="cand-h"><h2 id="cand-h">${w.candidates(v.q)}</h2><ul class="shortcuts" data-testid="candidates">${items}</ul></section>`;
}

export function renderCheckBody(v: CheckView): SafeHtml {
  const { s, answer } = v;
  const w = s.t.web;
  const form = searchForm(s, v.lang, v.q, v.amount, v.example);
  if (!v.q) {
    const shortcuts = (v.riskiest ?? []).map((c) => html`<li><a href="${hrefWith('/check', { q: c.id, lang: v.lang })}">${c.grade ? html`<span class="grade small grade-${c.grade}">${c.grade}</span> ` : ''}${c.name}</a></li>`);
    return html`<h1>${w.navCheck}</h1>${form}${shortcuts.length > 0 ? html`<section class="card" aria-labelledby="riskiest-h"><h2 id="riskiest-h">${w.riskiest}</h2><ul class="shortcuts">${shortcuts}</ul></section>` : ''}`;
  }
  if (!answer) return html`<h1>${w.navCheck}</h1>${form}<p class="card notice" role="status">${w.noMatch(v.q)}</p>${sourcesCard(v.sources ?? [], s)}`;
  if (answer.kind === 'candidates') return html`<h1>${w.navCheck}</h1>${form}${candidatesList(answer, v)}`;
  const a = answer.assessment;
  const alternatives = answer.alternatives.length > 0
    ? html`<p class="alternatives">${w.didYouMean}: ${answer.alternatives.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="${hrefWith('/check', { q: c.id, lang: v.lang, amount: v.amount })}">${c.name}</a>`)}</p>`
    : '';
  const docs = answer.documents && answer.documents.length > 0
    ? html`<section class="card" aria-labelledby="docs-h"><h2 id="docs-h">${w.documents}</h2><ul class="docs">${answer.documents.map((d) => html`<li>${d.publishedAt ? html`<span class="muted nowrap">${s.f.date(d.publishedAt)}</span> ` : ''}${link(d.url, d.title)}</li>`)}</ul></section>`
    : '';
  return html`<h1 class="visually-hidden">${w.navCheck}: ${a.name}</h1>${form}${alternatives}
<div class="grid-2">${summaryCard(a, answer, s)}${termsCard(a, s)}</div>
${v.topCards ?? ''}
${factorsCard(a, s)}
${signalsCard(a, s, v.signalExtra)}
${answer.kind === 'customer' ? ledgerCard(answer.ledger ?? [], v.asOf, s, v.settlement) : ''}
${historyCard(answer, s)}
${docs}
${answer.register ? registerCard(answer.register.entries, answer.register.sources, s) : ''}
${v.extraCards ?? ''}`;
}
