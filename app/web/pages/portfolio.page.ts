import { GRADES } from '../../../platform/schemas/index.js';
import { gradeDistributionChart } from '../charts.js';
import { html, type SafeHtml } from '../html.js';
import { formatAmounts, type Speaker } from '../i18n.js';
import { hrefWith } from '../layout.js';
import type { Portfolio, PortfolioRow } from '../portfolio.js';
import type { PortfolioSort } from '../../../platform/store/port.js';
import { DEFAULT_DESCENDING } from '../portfolio.js';

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

type Column = { label: string; sort?: PortfolioSort; num?: boolean };

/**
 * A column heading that sorts the whole portfolio (in the store, not just this page): a link to
 * the first page sorted by it, the other way round when it is the current sort.
 */
function heading(c: Column, p: Portfolio, lang: string): SafeHtml {
  if (!c.sort) return html`<th scope="col"${c.num ? html` class="num"` : ''}>${c.label}</th>`;
  const current = p.page.sort === c.sort;
  const order = current ? (p.page.order === 'asc' ? 'desc' : 'asc') : DEFAULT_DESCENDING[c.sort] ? 'desc' : 'asc';
  const href = hrefWith('/portfolio', { ...filters(p), sort: c.sort, order, lang });
  const aria = current ? (p.page.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`<th scope="col" class="sort${c.num ? ' num' : ''}"${aria ? html` aria-sort="${aria}"` : ''}><a href="${href}">${c.label}${current ? html` <span aria-hidden="true">${p.page.order === 'asc' ? '▲' : '▼'}</span>` : ''}</a></th>`;
}

const filters = (p: Portfolio) => ({ grade: p.page.grade, tag: p.page.tag, industry: p.page.industry });

function pager(p: Portfolio, s: Speaker, lang: string): SafeHtml {
  const { limit, offset } = p.page;
  if (p.total <= limit && offset === 0) return html``;
  const at = (o: number) => hrefWith('/portfolio', { ...filters(p), sort: p.page.sort, order: p.page.order, offset: o > 0 ? String(o) : undefined, lang });
  const t = s.t.web;
  const range = t.pageRange(s.f.number(Math.min(p.total, offset + 1)), s.f.number(Math.min(p.total, offset + p.rows.length)), s.f.number(p.total));
  return html`<nav class="pager" aria-label="${t.pages}"><span>${range}</span>
${offset > 0 ? html` <a class="button secondary" rel="prev" href="${at(Math.max(0, offset - limit))}">← ${t.previousPage}</a>` : ''}
${offset + limit < p.total ? html` <a class="button secondary" rel="next" href="${at(offset + limit)}">${t.nextPage} →</a>` : ''}</nav>`;
}

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
  const columns: Column[] = [
    { label: t.grade, sort: 'risk' },
    { label: t.name, sort: 'name' },
    { label: t.score, sort: 'risk', num: true },
    { label: t.pd, sort: 'pd', num: true },
    { label: t.terms },
    { label: t.open, sort: 'open', num: true },
    { label: t.overdueCol, sort: 'overdue', num: true },
    { label: t.limitUseCol, sort: 'limitUse', num: true },
    { label: t.change, sort: 'change', num: true },
  ];
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
<div class="table-wrap"><table class="stack" data-testid="portfolio-table"><thead><tr>
${columns.map((c) => heading(c, p, lang))}
</tr></thead><tbody>${rows}</tbody></table></div>${pager(p, s, lang)}</section>`;
}
