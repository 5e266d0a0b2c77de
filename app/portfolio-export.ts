import { describeStep, type Speaker } from '../platform/i18n/index.js';
import type { Portfolio, PortfolioRow } from './web/portfolio.js';

/**
 * The portfolio as a spreadsheet: one row per customer, one column per figure, headings in the
 * reader's language. Amounts stay numbers (in the customer's currency, and converted to the
 * reporting currency where a rate is configured), so Excel can sum and sort them.
 */
type Cell = string | number | null;

function columns(p: Portfolio, s: Speaker): Array<{ header: string; value: (r: PortfolioRow) => Cell; width: number; money?: boolean; percent?: boolean }> {
  const w = s.t.web;
  const st = s.t.stake;
  const cur = (r: PortfolioRow) => r.currency ?? Object.keys(r.open)[0] ?? null;
  const inOwn = (a: Record<string, number>, r: PortfolioRow) => a[cur(r) ?? ''] ?? 0;
  return [
    { header: w.id.replace(/ \(.*\)$/, ''), value: (r) => r.id, width: 12 },
    { header: w.name, value: (r) => r.name, width: 34 },
    { header: w.grade, value: (r) => r.grade, width: 7 },
    { header: w.score, value: (r) => r.score, width: 8 },
    { header: w.pd, value: (r) => r.pd, width: 10, percent: true },
    { header: w.terms, value: (r) => (r.termsKind ? s.t.terms[r.termsKind] : null), width: 26 },
    { header: 'ISO', value: cur, width: 6 },
    { header: st.open, value: (r) => inOwn(r.open, r), width: 14, money: true },
    { header: st.overdue, value: (r) => inOwn(r.overdue, r), width: 14, money: true },
    { header: st.approvedLimit, value: (r) => r.approvedLimit, width: 14, money: true },
    { header: st.limitUse, value: (r) => r.utilisation, width: 10, percent: true },
    { header: `${st.open} (${p.reporting.currency})`, value: (r) => r.openReporting, width: 16, money: true },
    { header: `${st.overdue} (${p.reporting.currency})`, value: (r) => r.overdueReporting, width: 16, money: true },
    { header: w.change, value: (r) => r.delta, width: 9 },
    { header: st.nextStep, value: (r) => (r.nextStep ? describeStep(r.nextStep, s) : null), width: 60 },
    { header: s.t.override.title, value: (r) => (r.overridden ? '✓' : null), width: 10 },
  ];
}

/** CSV for any spreadsheet: comma-separated, quoted where needed, UTF-8 with a byte-order mark (Excel reads umlauts then). */
export function portfolioCsv(p: Portfolio, s: Speaker): string {
  const cols = columns(p, s);
  const q = (v: Cell) => {
    if (v === null) return '';
    const text = String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [cols.map((c) => q(c.header)).join(','), ...p.rows.map((r) => cols.map((c) => q(c.value(r))).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** An .xlsx workbook (exceljs): numbers as numbers, money and percentage formats, a frozen heading row and filters. */
export async function portfolioXlsx(p: Portfolio, s: Speaker): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is large, and every CLI command would pay for it at start.
  const { default: ExcelJS } = await import('exceljs');
  const cols = columns(p, s);
  const book = new ExcelJS.Workbook();
  book.creator = 'Bonitor';
  const sheet = book.addWorksheet(s.t.web.portfolio, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: c.header, width: c.width, style: c.money ? { numFmt: '#,##0' } : c.percent ? { numFmt: '0.0%' } : {} }));
  for (const r of p.rows) sheet.addRow(cols.map((c) => c.value(r)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
