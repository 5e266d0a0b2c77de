import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeLedgerFeatures } from '../../analysis/scoring/ledger-features.js';
import { datevDate, parseDatevBuchungsstapel } from '../../collectors/ledger/parse-datev.js';
import { readLedgerFileGroups, type LedgerFileSummary } from '../../collectors/ledger/read-ledger-file.js';
import type { LedgerRow } from '../../platform/schemas/index.js';
import { tempDir } from '../helpers.js';

const fixture = (name: string) => new URL(`../fixtures/ledger/${name}`, import.meta.url).pathname;
const tmp = tempDir('bonitor-datev-');
afterAll(() => tmp.cleanup());

const HEAD = '"EXTF";700;21;"Buchungsstapel";12;20260401120000000;;"RE";"";"";29098;55003;20260101;4;20260101;20260331;"Q1 2026";"";1;0;0;"EUR";;"";;;"03";;;"";""';
const COLS = 'Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Kurs;Basis-Umsatz;WKZ Basis-Umsatz;Konto;Gegenkonto (ohne BU-Schlüssel);BU-Schlüssel;Belegdatum;Belegfeld 1;Belegfeld 2;Skonto;Buchungstext';

describe('DATEV Buchungsstapel (EXTF) as open items', () => {
  it('reads the real DATEV example: the invoice on debtor 10000, the cost booking left aside', () => {
    const r = parseDatevBuchungsstapel(readFileSync(fixture('datev_extf_buchungsstapel_ledermann.csv'), 'utf8'));
    expect(r.issues).toEqual([]);
    expect(r.summary).toMatchObject({ postings: 2, receivables: 1, otherAccounts: 1, from: '2016-06-01', to: '2016-06-30' });
    expect(r.rows).toEqual([
      { customerId: '10000', invoiceId: 'RE201606-135', issueDate: '2016-06-22', dueDate: '2016-07-22', amount: 5950, currency: 'EUR', paidAmount: 0, dunningLevel: 0, collection: false },
    ]);
  });

  it('assembles invoices, payments with Skonto, credit notes and write-offs from postings in both orientations', async () => {
    const lines = [
      HEAD,
      COLS,
      '11900,00;S;EUR;;;;10010;8400;;0501;"RE-1";"040226";;"Rechnung Müller"',
      '11662,00;H;EUR;;;;10010;1200;;1301;"RE-1";;238,00;"Zahlung mit 2 % Skonto"',
      '5950,00;S;EUR;;;;10020;8400;;1001;"RE-2";;;"Rechnung Schär"',
      '595,00;H;EUR;;;;10020;8400;;2001;"RE-2";;;"Gutschrift Rücksendung"',
      '5355,00;S;EUR;;;;1200;10020;;2002;"RE-2";;;"Zahlung"',
      '2380,00;S;EUR;;;;10030;8400;;0201;"RE-3";;;"Rechnung Kälin"',
      '2380,00;H;EUR;;;;10030;2400;;3103;"RE-3";;;"Forderungsverlust"',
      '100,00;H;EUR;;;;10040;1200;;1503;"RE-OLD";;;"Zahlung für eine Rechnung aus 2025"',
      '300,00;S;EUR;;;;4930;1200;;1503;"";;;"Bürobedarf"',
    ];
    const file = path.join(tmp.dir, 'EXTF_Buchungsstapel.csv');
    writeFileSync(file, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    const summary: Partial<LedgerFileSummary> = {};
    const issues: string[] = [];
    const rows: LedgerRow[] = [];
    for await (const g of readLedgerFileGroups(file, { defaultNetDays: 30 }, (i) => issues.push(`${i.line}: ${i.reason}`), summary)) if (g !== 'restarted') rows.push(...g.rows);
    expect(summary).toMatchObject({ format: 'datev', encoding: 'windows-1252', customers: 3 });
    expect(summary.datev).toMatchObject({ postings: 9, receivables: 8, otherAccounts: 1, invoices: 3, payments: 3, creditNotes: 1, writeOffs: 1 });
    // Where each due date came from, for the import summary: RE-1's Belegfeld 2 (TTMMJJ), the others from the terms.
    expect(summary.datev).toMatchObject({ dueFromField: 0, dueFromBelegfeld2: 1, dueFromTerms: 2, yearFromPeriod: 9, currencyFromHeader: 0 });
    expect(summary.dueDatesFromTerms).toBe(2);
    expect(issues).toEqual(['10: payments or credits for RE-OLD of debtor 10040 without its invoice in this batch: left out']);
    const byId = Object.fromEntries(rows.map((r) => [r.invoiceId, r]));
    expect(byId['RE-1']).toMatchObject({ customerId: '10010', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 11900, paidAmount: 11662, discountAmount: 238, paidDate: '2026-01-13' });
    expect(byId['RE-2']).toMatchObject({ amount: 5950, paidAmount: 5355, paidDate: '2026-02-20', dueDate: '2026-02-09' });
    expect(byId['RE-2/GS1']).toMatchObject({ amount: -595, reference: 'RE-2' });
    expect(byId['RE-3']).toMatchObject({ writtenOff: 2380, writtenOffDate: '2026-03-31' });
    const asOf = new Date('2026-04-01T00:00:00Z');
    const f = (id: string) => computeLedgerFeatures(rows.filter((r) => r.customerId === id), asOf);
    expect(f('10010')).toMatchObject({ exposure: 0, discountCount: 1, paidOnTimeCount: 1 });
    expect(f('10020')).toMatchObject({ exposure: 0, creditNoteCount: 1 });
    expect(f('10030')).toMatchObject({ writeOffCount: 1 });
  });

  it('dates TTMM within the batch period, also across New Year', () => {
    expect(datevDate('2206', '2016-06-01', '2016-06-30')).toBe('2016-06-22');
    expect(datevDate('1501', '2025-10-01', '2026-09-30')).toBe('2026-01-15');
    expect(datevDate('1511', '2025-10-01', '2026-09-30')).toBe('2025-11-15');
    expect(datevDate('3102', '2026-01-01', '2026-12-31')).toBeUndefined();
  });

  it('refuses other DATEV categories and broken headings', () => {
    expect(parseDatevBuchungsstapel('"EXTF";700;16;"Debitoren/Kreditoren";5\nKonto;Name\n').issues[0]!.reason).toMatch(/only a Buchungsstapel/);
    expect(parseDatevBuchungsstapel(`${HEAD}\nUmsatz;Konto\n1,00;10000\n`).issues[0]!.reason).toMatch(/lack: side, contra, date, doc1/);
  });
});
