import { GRADE_FLOORS } from '../../analysis/scoring/index.js';
import { GRADES, type Assessment, type Grade } from '../../platform/schemas/index.js';
import { html, type SafeHtml } from './html.js';
import type { Speaker } from './i18n.js';
import type { MonthBucket } from './portfolio.js';

/**
 * Inline SVG charts: no script, no external library, readable without colour (every series
 * has a text legend and a <title> per mark) and each comes with a data table for screen readers.
 * Each chart is drawn twice, for wide and for narrow screens (CSS shows one): an SVG scaled down
 * to a phone's width would shrink its labels to a few pixels.
 */

export const GRADE_COLOURS: Record<Grade, string> = { A: '#1a7f37', B: '#3f7a1a', C: '#9a6700', D: '#bc4c00', E: '#c0222c' };
const SERIES = [
  { key: 'onTime', colour: '#2da44e' },
  { key: 'late', colour: '#d4a72c' },
  { key: 'openNotDue', colour: '#8c959f' },
  { key: 'overdue', colour: '#c0222c' },
] as const;

/** Wide: 720 units for a desktop card; narrow: 360 units for a 390 px phone, so text stays at its size. */
const LAYOUTS = { wide: { W: 720, font: 11, months: 12 }, narrow: { W: 360, font: 12, months: 6 } } as const;
type Layout = keyof typeof LAYOUTS;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Axis labels: 12'000 → 12k so they fit a phone. */
function compact(v: number, s: Speaker): string {
  return v >= 10_000 ? `${s.f.number(v / 1000)}k` : s.f.number(v);
}

function paymentSvg(buckets: MonthBucket[], currency: string, s: Speaker, layout: Layout): SafeHtml {
  const { W, font } = LAYOUTS[layout];
  const H = 260, L = layout === 'wide' ? 64 : 44, R = 8, T = 16, B = 34;
  const w = s.t.web;
  const totals = buckets.map((b) => b.onTime + b.late + b.openNotDue + b.overdue);
  const max = niceMax(Math.max(...totals, 0));
  const bw = (W - L - R) / buckets.length;
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => html`<line x1="${L}" x2="${W - R}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/><text x="${L - 6}" y="${(y(max * f) + 4).toFixed(1)}" text-anchor="end" font-size="${font}" fill="#57606a">${compact(Math.round(max * f), s)}</text>`);
  const bars = buckets.map((b, i) => {
    let base = 0;
    const x = L + i * bw + bw * 0.18;
    const segs = SERIES.map((series) => {
      const v = b[series.key];
      if (v <= 0) return html``;
      const y0 = y(base), y1 = y(base + v);
      base += v;
      return html`<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${(bw * 0.64).toFixed(1)}" height="${Math.max(0.5, y0 - y1).toFixed(1)}" fill="${series.colour}"><title>${s.f.month(b.month)} ${b.month.slice(0, 4)}: ${w[series.key]} ${s.f.money(v, currency)}</title></rect>`;
    });
    return html`${segs}<text x="${(L + i * bw + bw / 2).toFixed(1)}" y="${H - B + 16}" text-anchor="middle" font-size="${font}" fill="#57606a">${s.f.month(b.month)}</text>`;
  });
  const id = `pay-${layout}-${currency}`;
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title" class="chart-svg chart-${layout}"><title id="${id}-title">${w.payment} (${currency})</title>${grid}${bars}</svg>`;
}

export function paymentChart(buckets: MonthBucket[], currency: string, s: Speaker, graceDays: number): SafeHtml {
  const w = s.t.web;
  const legend = SERIES.map((series) => html`<li><span class="swatch" data-series="${series.key}"></span>${w[series.key]}</li>`);
  const rows = buckets.map(
    (b) => html`<tr><th scope="row">${s.f.month(b.month)} ${b.month.slice(0, 4)}</th><td class="num">${s.f.money(b.onTime, currency)}</td><td class="num">${s.f.money(b.late, currency)}</td><td class="num">${s.f.money(b.openNotDue, currency)}</td><td class="num">${s.f.money(b.overdue, currency)}</td><td class="num">${b.avgDaysLate === null ? '–' : s.f.number(b.avgDaysLate, 1)}</td></tr>`,
  );
  return html`<figure class="chart">
<figcaption class="muted">${w.paymentNote(graceDays)} (${currency})</figcaption>
${paymentSvg(buckets, currency, s, 'wide')}${paymentSvg(buckets.slice(-LAYOUTS.narrow.months), currency, s, 'narrow')}
<ul class="legend">${legend}</ul>
<details><summary>${w.payment}: ${w.month} / ${currency}</summary><div class="table-wrap"><table class="data"><thead><tr><th scope="col">${w.month}</th><th scope="col" class="num">${w.onTime}</th><th scope="col" class="num">${w.late}</th><th scope="col" class="num">${w.openNotDue}</th><th scope="col" class="num">${w.overdue}</th><th scope="col" class="num">${w.avgDaysLate}</th></tr></thead><tbody>${rows}</tbody></table></div></details>
</figure>`;
}

/** The last assessment of each calendar day: a day with several re-scores is one point, as it is one day. */
export function oneAssessmentPerDay(history: Assessment[]): Assessment[] {
  const byDay = new Map<string, Assessment>();
  for (const a of [...history].sort((x, y) => x.asOf.localeCompare(y.asOf))) byDay.set(a.asOf.slice(0, 10), a);
  return [...byDay.values()];
}

function historySvg(points: Assessment[], s: Speaker, layout: Layout): SafeHtml {
  const { W, font } = LAYOUTS[layout];
  const H = 220, L = 36, R = 16, T = 12, B = 30;
  const y = (v: number) => T + (H - T - B) * (1 - v / 100);
  const bands = GRADES.map((g, i) => {
    const lo = GRADE_FLOORS[g];
    const hi = i + 1 < GRADES.length ? GRADE_FLOORS[GRADES[i + 1]!] : 100;
    return html`<rect x="${L}" y="${y(hi).toFixed(1)}" width="${W - L - R}" height="${(y(lo) - y(hi)).toFixed(1)}" fill="${GRADE_COLOURS[g]}" fill-opacity="0.08"/><text x="${W - R - 4}" y="${(y(hi) + 13).toFixed(1)}" text-anchor="end" font-size="${font}" fill="${GRADE_COLOURS[g]}">${g}</text>`;
  });
  const n = points.length;
  const x = (i: number) => (n <= 1 ? (L + W - R) / 2 : L + ((W - L - R - 30) * i) / (n - 1));
  const line = points.map((a, i) => `${x(i).toFixed(1)},${y(a.score).toFixed(1)}`).join(' ');
  const dots = points.map((a, i) => html`<circle cx="${x(i).toFixed(1)}" cy="${y(a.score).toFixed(1)}" r="4" fill="${GRADE_COLOURS[a.grade]}"><title>${s.f.date(a.asOf)}: ${s.t.web.grade} ${a.grade}, ${s.t.web.score} ${s.f.number(a.score)}</title></circle>`);
  const ticks = [0, 25, 50, 75, 100].map((v) => html`<text x="${L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="${font}" fill="#57606a">${v}</text>`);
  const labels = n > 0 ? html`<text x="${x(0).toFixed(1)}" y="${H - 10}" font-size="${font}" fill="#57606a">${s.f.date(points[0]!.asOf)}</text>${n > 1 ? html`<text x="${x(n - 1).toFixed(1)}" y="${H - 10}" text-anchor="end" font-size="${font}" fill="#57606a">${s.f.date(points[n - 1]!.asOf)}</text>` : ''}` : '';
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="hist-${layout}-title" class="chart-svg chart-${layout}"><title id="hist-${layout}-title">${s.t.web.history}</title>${bands}${ticks}<polyline points="${line}" fill="none" stroke="#24292f" stroke-width="2"/>${dots}${labels}</svg>`;
}

export function scoreHistoryChart(history: Assessment[], s: Speaker): SafeHtml {
  const w = s.t.web;
  const points = oneAssessmentPerDay(history);
  const rows = points.map((a) => html`<tr><th scope="row">${s.f.date(a.asOf)}</th><td>${a.grade}</td><td class="num">${s.f.number(a.score, 1)}</td><td class="num">${s.f.percent(a.pd, 1)}</td><td>${s.t.terms[a.terms.kind]}</td></tr>`);
  return html`<figure class="chart">
${historySvg(points, s, 'wide')}${historySvg(points, s, 'narrow')}
<details><summary>${w.history}</summary><div class="table-wrap"><table class="data"><thead><tr><th scope="col">${w.date}</th><th scope="col">${w.grade}</th><th scope="col" class="num">${w.score}</th><th scope="col" class="num">${w.pd}</th><th scope="col">${w.terms}</th></tr></thead><tbody>${rows}</tbody></table></div></details>
</figure>`;
}

export function gradeDistributionChart(grades: Record<Grade, { count: number }>, s: Speaker): SafeHtml {
  const W = 300, row = 38, L = 30, R = 36;
  const max = Math.max(1, ...GRADES.map((g) => grades[g].count));
  const bars = GRADES.map((g, i) => {
    const w = ((W - L - R) * grades[g].count) / max;
    const yy = 6 + i * row;
    return html`<text x="6" y="${yy + 22}" font-size="17" font-weight="700" fill="${GRADE_COLOURS[g]}">${g}</text><rect x="${L}" y="${yy + 4}" width="${Math.max(2, w).toFixed(1)}" height="26" rx="4" fill="${GRADE_COLOURS[g]}"><title>${s.t.web.grade} ${g} (${s.t.grades[g]}): ${grades[g].count}</title></rect><text x="${(L + Math.max(2, w) + 6).toFixed(1)}" y="${yy + 23}" font-size="16" fill="#24292f">${grades[g].count}</text>`;
  });
  return html`<svg viewBox="0 0 ${W} ${GRADES.length * row + 10}" role="img" aria-labelledby="dist-title" class="chart-svg small"><title id="dist-title">${s.t.web.gradeDistribution}: ${GRADES.map((g) => `${g} ${grades[g].count}`).join(', ')}</title>${bars}</svg>`;
}
