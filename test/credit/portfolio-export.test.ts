import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAmounts } from '../../app/web/portfolio.js';
import { openDemoApp, startServer, type DemoApp } from '../http/support/demo-app.js';

describe('portfolio in one reporting currency, exported as CSV and Excel', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    demo = await openDemoApp();
    ({ server, base } = await startServer(demo));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });

  it('converts at the configured rates and keeps amounts without a rate apart', () => {
    const r = { currency: 'CHF', rates: { EUR: 0.94, GBP: 1.12 } };
    expect(convertAmounts({ CHF: 1000, EUR: 1000, GBP: 1000 }, r)).toEqual({ total: 3060, unconverted: {} });
    expect(convertAmounts({ CHF: 1000, USD: 500 }, r)).toEqual({ total: 1000, unconverted: { USD: 500 } });
  });

  it('totals the demo in CHF and sorts by converted amounts', async () => {
    const p = await (await fetch(`${base}/api/portfolio`)).json();
    const expected = Object.entries(p.open as Record<string, number>).reduce((n, [c, v]) => n + v * ({ CHF: 1, EUR: 0.94, GBP: 1.12 } as Record<string, number>)[c]!, 0);
    expect(p.reporting.currency).toBe('CHF');
    expect(p.reporting.open).toBeCloseTo(expected, 0);
    expect(p.reporting.unconverted).toEqual({});
    const html = await (await fetch(`${base}/portfolio?lang=de`)).text();
    // GBP 68,830 (Pennine) sorts above CHF 36,590 (Glacier) because 68,830 × 1.12 > 36,590.
    const keys = [...html.matchAll(/data-label="Offen" data-sort="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(keys.length).toBe(21);
    expect(keys).toContain(Math.round(68830.5 * 1.12 * 100) / 100);
  });

  it('exports every customer as CSV with headings in the reader\'s language and numbers as numbers', async () => {
    const res = await fetch(`${base}/portfolio.csv?lang=de`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="bonitor-portfolio-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toMatch(/^Kennung,Name,Note,Risiko-Score,Ausfallwahrscheinlichkeit,Empfohlene Konditionen,ISO,Offen,Überfällig,Bewilligte Limite,Limitenauslastung,Offen \(CHF\)/);
    const lindenhof = lines.find((l) => l.startsWith('DE-2004,'))!;
    expect(lindenhof).toMatch(/,EUR,10360,0,9000,1\.1511,9738\.4,0,/);
    expect(lindenhof).toContain('Keine Lieferungen mehr auf Rechnung');
  });

  it('exports an Excel workbook that Excel (here: exceljs) reads back with typed cells', async () => {
    const res = await fetch(`${base}/api/portfolio/export?format=xlsx&lang=fr`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Portefeuille');
    expect(sheet.rowCount).toBe(22);
    expect(sheet.getRow(1).getCell(2).value).toBe('Nom');
    const row = sheet.getRows(2, 21)!.find((r) => r.getCell(1).value === 'DE-2004')!;
    expect(row.getCell(8).value).toBe(10360);
    expect(row.getCell(11).numFmt).toBe('0.0%');
  });
});
