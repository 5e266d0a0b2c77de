import { GRADE_FLOORS } from '../../analysis/scoring/index.js';
import { GRADES, type Assessment, type Grade } from '../../platform/schemas/index.js';
import { html, type SafeHtml } from './html.js';
import { formatDate, formatMoney, type Lang, type Strings } from './i18n.js';
import type { MonthBucket } from './portfolio.js';

/**
 * Inline SVG charts: no script, no external library, readable without colour (every series
 * has a text legend and a <title> per mark) and each comes with a data table for screen readers.
 */

export const GRADE_COLOURS: Record<Grade, string> = { A: '#1a7f37', B: '#3f7a1a', C: '#9a6700', D: '#bc4c00', E: '#c0222c' };
const SERIES = [
  { key: 'onTime', colour: '#2da44e' },
  { key: 'late', colour: '#d4a72c' },
  { key: 'openNotDue', colour: '#8c959f' },
  { key: 'overdue', colour: '#c0222c' },
] as const;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const monthLabel = (ym: string, lang: Lang) => new Date(`${ym}-01T00:00:00Z`).toLocaleDateString(lang === 'de' ? 'de-CH' : 'en-GB', { month: 'short', timeZone: 'UTC' });

export function paymentChart(buckets: MonthBucket[], currency: string, t: Strings, lang: Lang): SafeHtml {
  const W = 720, H = 260, L = 64, R = 12, T = 16, B = 34;
  const totals = buckets.map((b) => b.onTime + b.late + b.openNotDue + b.overdue);
  const max = niceMax(Math.max(...totals, 0));
  const bw = (W - L - R) / buckets.length;
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => html`<line x1="${L}" x2="${W - R}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/><text x="${L - 6}" y="${(y(max * f) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#57606a">${Math.round(max * f).toLocaleString(lang === 'de' ? 'de-CH' : 'en-GB')}</text>`);
  const bars = buckets.map((b, i) => {
    let base = 0;
    const x = L + i * bw + bw * 0.18;
    const segs = SERIES.map((s) => {
      const v = b[s.key];
      if (v <= 0) return html``;
      const y0 = y(base), y1 = y(base + v);
      base += v;
      return html`<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${(bw * 0.64).toFixed(1)}" height="${Math.max(0.5, y0 - y1).toFixed(1)}" fill="${s.colour}"><title>${monthLabel(b.month, lang)} ${b.month.slice(0, 4)}: ${t[s.key]} ${formatMoney(v, currency, lang)}</title></rect>`;
    });
    return html`${segs}<text x="${(L + i * bw + bw / 2).toFixed(1)}" y="${H - B + 16}" text-anchor="middle" font-size="11" fill="#57606a">${monthLabel(b.month, lang)}</text>`;
  });
  const legend = SERIES.map((s) => html`<li><span class="swatch" data-series="${s.key}"></span>${t[s.key]}</li>`);
  const rows = buckets.map(
    (b) => html`<tr><th scope="row">${b.month}</th><td>${formatMoney(b.onTime, currency, lang)}</td><td>${formatMoney(b.late, currency, lang)}</td><td>${formatMoney(b.openNotDue, currency, lang)}</td><td>${formatMoney(b.overdue, currency, lang)}</td><td>${b.avgDaysLate ?? '–'}</td></tr>`,
  );
  return html`<figure class="chart">
<figcaption class="muted">${t.paymentNote} (${currency})</figcaption>
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="pay-title-${currency} pay-desc-${currency}" class="chart-svg"><title id="pay-title-${currency}">${t.payment}</title><desc id="pay-desc-${currency}">${t.paymentNote}</desc>${grid}${bars}</svg>
<ul class="legend">${legend}</ul>
<details><summary>${t.payment}: ${t.month} / ${currency}</summary><table class="data"><thead><tr><th scope="col">${t.month}</th><th scope="col">${t.onTime}</th><th scope="col">${t.late}</th><th scope="col">${t.openNotDue}</th><th scope="col">${t.overdue}</th><th scope="col">${t.avgDaysLate}</th></tr></thead><tbody>${rows}</tbody></table></details>
</figure>`;
}

export function scoreHistoryChart(history: Assessment[], t: Strings, lang: Lang): SafeHtml {
  const W = 720, H = 220, L = 40, R = 16, T = 12, B = 30;
  const y = (v: number) => T + (H - T - B) * (1 - v / 100);
  const bands = GRADES.map((g, i) => {
    const lo = GRADE_FLOORS[g];
    const hi = i + 1 < GRADES.length ? GRADE_FLOORS[GRADES[i + 1]!] : 100;
    return html`<rect x="${L}" y="${y(hi).toFixed(1)}" width="${W - L - R}" height="${(y(lo) - y(hi)).toFixed(1)}" fill="${GRADE_COLOURS[g]}" fill-opacity="0.08"/><text x="${W - R - 4}" y="${(y(hi) + 13).toFixed(1)}" text-anchor="end" font-size="11" fill="${GRADE_COLOURS[g]}">${g}</text>`;
  });
  const n = history.length;
  const x = (i: number) => (n <= 1 ? (L + W - R) / 2 : L + ((W - L - R - 30) * i) / (n - 1));
  const points = history.map((a, i) => `${x(i).toFixed(1)},${y(a.score).toFixed(1)}`).join(' ');
  const dots = history.map((a, i) => html`<circle cx="${x(i).toFixed(1)}" cy="${y(a.score).toFixed(1)}" r="4" fill="${GRADE_COLOURS[a.grade]}"><title>${formatDate(a.asOf, lang)}: ${t.grade} ${a.grade}, ${t.score} ${a.score.toFixed(0)}</title></circle>`);
  const ticks = [0, 25, 50, 75, 100].map((v) => html`<text x="${L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#57606a">${v}</text>`);
  const labels = n > 0 ? html`<text x="${x(0).toFixed(1)}" y="${H - 10}" font-size="11" fill="#57606a">${formatDate(history[0]!.asOf, lang)}</text>${n > 1 ? html`<text x="${x(n - 1).toFixed(1)}" y="${H - 10}" text-anchor="end" font-size="11" fill="#57606a">${formatDate(history[n - 1]!.asOf, lang)}</text>` : ''}` : '';
  const rows = history.map((a) => html`<tr><th scope="row">${formatDate(a.asOf, lang)}</th><td>${a.grade}</td><td>${a.score.toFixed(1)}</td><td>${(a.pd * 100).toFixed(1)} %</td><td>${t.kinds[a.terms.kind]}</td></tr>`);
  return html`<figure class="chart">
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="hist-title" class="chart-svg"><title id="hist-title">${t.history}</title>${bands}${ticks}<polyline points="${points}" fill="none" stroke="#24292f" stroke-width="2"/>${dots}${labels}</svg>
<details><summary>${t.history}</summary><table class="data"><thead><tr><th scope="col">${t.date}</th><th scope="col">${t.grade}</th><th scope="col">${t.score}</th><th scope="col">${t.pd}</th><th scope="col">${t.terms}</th></tr></thead><tbody>${rows}</tbody></table></details>
</figure>`;
}

export function gradeDistributionChart(grades: Record<Grade, { count: number }>, t: Strings): SafeHtml {
  const W = 300, row = 38, L = 30, R = 36;
  const max = Math.max(1, ...GRADES.map((g) => grades[g].count));
  const bars = GRADES.map((g, i) => {
    const w = ((W - L - R) * grades[g].count) / max;
    const yy = 6 + i * row;
    return html`<text x="6" y="${yy + 22}" font-size="17" font-weight="700" fill="${GRADE_COLOURS[g]}">${g}</text><rect x="${L}" y="${yy + 4}" width="${Math.max(2, w).toFixed(1)}" height="26" rx="4" fill="${GRADE_COLOURS[g]}"><title>${t.grade} ${g} (${t.gradeWords[g]}): ${grades[g].count}</title></rect><text x="${(L + Math.max(2, w) + 6).toFixed(1)}" y="${yy + 23}" font-size="16" fill="#24292f">${grades[g].count}</text>`;
  });
  return html`<svg viewBox="0 0 ${W} ${GRADES.length * row + 10}" role="img" aria-labelledby="dist-title" class="chart-svg small"><title id="dist-title">${t.gradeDistribution}: ${GRADES.map((g) => `${g} ${grades[g].count}`).join(', ')}</title>${bars}</svg>`;
}
