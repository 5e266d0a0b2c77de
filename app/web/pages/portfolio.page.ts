import { GRADES } from '../../../platform/schemas/index.js';
import { gradeDistributionChart } from '../charts.js';
import { html, type SafeHtml } from '../html.js';
import { formatAmounts, type Speaker } from '../i18n.js';
import { hrefWith } from '../layout.js';
import type { Portfolio, PortfolioRow } from '../portfolio.js';

function delta(r: PortfolioRow, s: Speaker): SafeHtml {
  const t = s.t.web;
  if (r.delta === 0) return html`<span class="muted">–</span>`;
  const up = r.delta > 0;
  return html`<span class="${up ? 'up' : 'down'}"><span aria-hidden="true">${up ? '▲' : '▼'}</span> ${up ? '+' : '−'}${s.f.number(Math.abs(r.delta), 1)} <span class="visually-hidden">${up ? t.riskier : t.safer}</span></span>`;
}

function nameLink(r: PortfolioRow, lang: string): SafeHtml {
  return html`<a href="${hrefWith('/check', { q: r.id, lang })}">${r.name}</a>`;
}

/** Sorting compares converted amounts (data-sort), never CHF 1'000 against EUR 900 as plain numbers. */
const sortKey = (v: number | null) => (v === null ? '' : String(v));

export function renderPortfolioBody(p: Portfolio, s: Speaker, lang: string): SafeHtml {
  const t = s.t.web;
  const rep = p.reporting;
  const money = (v: number) => s.f.money(v, rep.currency);
  const unconverted = Object.keys(rep.unconverted);
  const rows = p.rows.map(
    (r) => html`<tr>
<td data-label="${t.grade}">${r.grade ? html`<span class="grade small grade-${r.grade}">${r.grade}</span>${r.overridden ? html` <span class="muted" title="${s.t.override.title}">✎</span>` : ''}` : '–'}</td>
<td data-label="${t.name}">${nameLink(r, lang)}<span class="muted block">${r.id}${r.tags.length > 0 ? ` · ${r.tags.join(', ')}` : ''}</span></td>
<td class="num" data-label="${t.score}">${r.score === null ? '–' : s.f.number(r.score)}</td>
<td class="num" data-label="${t.pd}" data-sort="${sortKey(r.pd)}">${r.pd === null ? '–' : s.f.percent(r.pd, 1)}</td>
<td data-label="${t.terms}">${r.termsKind ? s.t.terms[r.termsKind] : '–'}</td>
<td class="num nowrap" data-label="${t.open}" data-sort="${sortKey(r.openReporting)}">${formatAmounts(r.open, s)}</td>
<td class="num nowrap" data-label="${t.overdueCol}" data-sort="${sortKey(r.overdueReporting)}">${formatAmounts(r.overdue, s)}</td>
<td class="num nowrap" data-label="${t.limitUseCol}" data-sort="${sortKey(r.utilisation)}">${r.utilisation === null ? '–' : html`<span class="${r.utilisation >= 1 ? 'up' : ''}">${s.f.percent(r.utilisation)}</span>`}</td>
<td class="num nowrap" data-label="${t.change}" data-sort="${r.delta}">${delta(r, s)}</td>
</tr>`,
  );
  const movers = p.movers.map(
    (r) => html`<li><span>${nameLink(r, lang)}${r.previousGrade && r.grade && r.previousGrade !== r.grade ? html` <span class="muted nowrap">${r.previousGrade} → ${r.grade}</span>` : ''}</span><span class="nowrap">${delta(r, s)}</span></li>`,
  );
  const total = GRADES.reduce((n, g) => n + p.grades[g].count, 0);
  return html`<h1>${t.portfolio}</h1>
<div class="grid-3">
  <section class="card" aria-labelledby="dist-h"><h2 id="dist-h">${t.gradeDistribution}</h2>${gradeDistributionChart(p.grades, s)}<p class="muted">${total} ${t.count}</p></section>
  <section class="card" aria-labelledby="exp-h"><h2 id="exp-h">${t.atRisk}</h2>
    <p class="big" data-testid="at-risk">${money(rep.atRisk)}</p><p class="muted">${t.atRiskNote}</p>
    <h3>${t.exposure}</h3><p data-testid="open-total">${money(rep.open)} <span class="muted">· ${s.t.stake.overdue} ${money(rep.overdue)}</span></p>
    <p class="muted small">${t.converted(rep.currency)}${rep.ratesAsOf ? ` (${s.f.date(rep.ratesAsOf)})` : ''}</p>
    ${unconverted.length > 0 ? html`<p class="notice small">${t.noRate(unconverted.join(', '))} ${formatAmounts(rep.unconverted, s)}</p>` : ''}
    <table class="data compact"><thead><tr><th scope="col">${t.grade}</th><th scope="col" class="num">${t.count}</th><th scope="col" class="num">${t.open}</th></tr></thead>
    <tbody>${GRADES.map((g) => html`<tr><th scope="row"><span class="grade small grade-${g}">${g}</span></th><td class="num">${p.grades[g].count}</td><td class="num">${formatAmounts(p.grades[g].open, s)}</td></tr>`)}</tbody></table>
  </section>
  <section class="card" aria-labelledby="movers-h"><h2 id="movers-h">${t.movers}</h2>${movers.length > 0 ? html`<ol class="movers">${movers}</ol>` : html`<p class="muted">${t.noMovers}</p>`}</section>
</div>
<section class="card" aria-labelledby="cust-h"><div class="card-head"><h2 id="cust-h">${t.customers}</h2>
<p class="export">${t.export}: <a class="button secondary" href="/portfolio.csv?lang=${lang}" download>${t.exportCsv}</a> <a class="button secondary" href="/portfolio.xlsx?lang=${lang}" download>${t.exportXlsx}</a></p></div>
<div class="table-wrap"><table class="sortable stack" data-testid="portfolio-table"><thead><tr>
<th scope="col">${t.grade}</th><th scope="col">${t.name}</th><th scope="col" class="num">${t.score}</th><th scope="col" class="num">${t.pd}</th><th scope="col">${t.terms}</th><th scope="col" class="num">${t.open}</th><th scope="col" class="num">${t.overdueCol}</th><th scope="col" class="num">${t.limitUseCol}</th><th scope="col" class="num">${t.change}</th>
</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
