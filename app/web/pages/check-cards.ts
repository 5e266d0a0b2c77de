import { DEFAULT_LEDGER_OPTIONS, type SettlementOptions } from '../../../analysis/scoring/index.js';
import { describeFactor } from '../../../platform/i18n/index.js';
import type { Assessment, LedgerRow } from '../../../platform/schemas/index.js';
import type { ReportAnswer } from '../../http/queries.js';
import { describeTermsDetails, splitReasons } from '../../report.js';
import { paymentChart, scoreHistoryChart } from '../charts.js';
import { html, link, safeUrl, type SafeHtml } from '../html.js';
import type { Speaker } from '../i18n.js';
import { paymentBehaviour } from '../portfolio.js';

/** A link to a source: the host and the end of the path, so that a long URL wraps at its parts instead of letter by letter. */
export function evidenceItem(e: string): SafeHtml {
  if (!safeUrl(e)) return html`${e}`;
  const u = new URL(e);
  const path = u.pathname.length > 1 ? `/…${u.pathname.split('/').filter(Boolean).slice(-1)[0]?.slice(0, 40) ?? ''}` : '';
  return link(e, `${u.hostname.replace(/^www\./, '')}${path}`);
}

export function summaryCard(a: Assessment, answer: ReportAnswer, s: Speaker): SafeHtml {
  const w = s.t.web;
  const badge = answer.kind === 'prospect' ? html`<span class="pill prospect">${w.prospect}</span>` : html`<span class="pill">${w.customer} · ${a.customerId}</span>`;
  return html`<section class="card summary" aria-labelledby="result-name">
  <div class="summary-head">
    <h2 id="result-name">${a.name}</h2>
    <p>${badge} <span class="muted">${w.asOf} ${s.f.date(a.asOf)}</span></p>
    ${answer.kind === 'prospect' ? html`<p class="note">${w.prospectNote(answer.documents?.length ?? 0)}</p>` : ''}
  </div>
  <dl class="kpis">
    <div class="kpi grade-kpi"><dt>${w.grade}</dt><dd><span class="grade grade-${a.grade}" data-testid="grade">${a.grade}</span><span class="kpi-note">${s.t.grades[a.grade]}</span></dd></div>
    <div class="kpi"><dt>${w.score}</dt><dd><span class="num" data-testid="score">${s.f.number(a.score)}</span><span class="unit">/100</span><span class="kpi-note">${w.scoreNote}</span></dd></div>
    <div class="kpi"><dt>${w.pd}</dt><dd><span class="num">${s.f.number(a.pd * 100, 1)}</span><span class="unit">%</span><span class="kpi-note">${w.pdNote}</span></dd></div>
  </dl>
</section>`;
}

function reasonList(title: string, items: string[], cls: string): SafeHtml | '' {
  return items.length > 0 ? html`<h3>${title}</h3><ul class="reasons ${cls}">${items.map((r) => html`<li>${r}</li>`)}</ul>` : '';
}

export function termsCard(a: Assessment, s: Speaker): SafeHtml {
  const w = s.t.web;
  const detail = describeTermsDetails(a.terms, s).join(', ');
  const reasons = splitReasons(a.terms, s);
  return html`<section class="card terms terms-${a.terms.kind}" aria-labelledby="terms-h">
  <h2 id="terms-h">${w.terms}</h2>
  <p class="terms-kind" data-testid="terms">${s.t.terms[a.terms.kind]}</p>
  ${detail ? html`<p class="terms-detail">${detail}</p>` : ''}
  ${reasons.decision.length > 0 ? html`<p class="decision" data-testid="decision">${reasons.decision.join(' ')}</p>` : ''}
  ${reasonList(s.t.againstLabel, reasons.against, 'against')}
  ${reasonList(s.t.inFavourLabel, reasons.inFavour, 'in-favour')}
</section>`;
}

export function factorsCard(a: Assessment, s: Speaker): SafeHtml {
  const w = s.t.web;
  const rows = a.factors.map(
    (f) => html`<tr><td>${describeFactor(f, s)}</td><td class="num ${f.contribution > 0 ? 'up' : 'down'}">${f.contribution > 0 ? '+' : '−'}${s.f.number(Math.abs(f.contribution), 1)}</td><td class="evidence">${f.evidence.slice(0, 4).map((e) => html`<span>${evidenceItem(e)}</span>`)}${f.evidence.length > 4 ? html`<span class="muted">+${f.evidence.length - 4}</span>` : ''}</td></tr>`,
  );
  return html`<section class="card" aria-labelledby="factors-h"><h2 id="factors-h">${w.factors}</h2>
${a.factors.length === 0 ? html`<p class="muted">${w.none}</p>` : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${w.factor}</th><th scope="col" class="num">${w.points}</th><th scope="col">${w.evidence}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

export function signalsCard(a: Assessment, s: Speaker, extra?: (signal: Assessment['signals'][number]) => SafeHtml | ''): SafeHtml {
  const w = s.t.web;
  const rows = [...a.signals]
    .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt))
    .map((sig) => html`<tr><td class="nowrap">${s.f.date(sig.occurredAt)}</td><td><span class="sev sev-${sig.severity}">${s.t.severities[sig.severity]}</span></td><td>${s.t.events[sig.type]}</td><td>${link(sig.url, sig.title)}${extra ? extra(sig) : ''}</td></tr>`);
  return html`<section class="card" aria-labelledby="signals-h"><h2 id="signals-h">${w.signals}</h2>
${rows.length === 0 ? html`<p class="muted">${w.noSignals}</p>` : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${w.date}</th><th scope="col">${w.severity}</th><th scope="col">${w.type}</th><th scope="col">${w.report}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

export function ledgerCard(ledger: LedgerRow[], asOf: Date, s: Speaker, settlement: SettlementOptions = DEFAULT_LEDGER_OPTIONS): SafeHtml {
  const w = s.t.web;
  if (ledger.length === 0) return html`<section class="card" aria-labelledby="pay-h"><h2 id="pay-h">${w.payment}</h2><p class="muted">${w.noLedger}</p></section>`;
  const currencies = [...new Set(ledger.map((r) => r.currency))];
  const grace = DEFAULT_LEDGER_OPTIONS.toleranceDays;
  return html`<section class="card" aria-labelledby="pay-h"><h2 id="pay-h">${w.payment}</h2>
${currencies.map((c) => paymentChart(paymentBehaviour(ledger.filter((r) => r.currency === c), asOf, { graceDays: grace, settlement }), c, s, grace))}</section>`;
}

export function historyCard(answer: ReportAnswer, s: Speaker): SafeHtml | '' {
  const w = s.t.web;
  if (answer.history && answer.history.length > 1) return html`<section class="card" aria-labelledby="hist-h"><h2 id="hist-h">${w.history}</h2>${scoreHistoryChart(answer.history, s)}</section>`;
  return answer.kind === 'customer' ? html`<section class="card" aria-labelledby="hist-h"><h2 id="hist-h">${w.history}</h2><p class="muted">${w.noHistory}</p></section>` : '';
}
