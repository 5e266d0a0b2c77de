import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLedgerFileGroups, type LedgerFileSummary, type LedgerIssue, type ReadLedgerFileOptions } from '../../collectors/ledger/read-ledger-file.js';
import { detectEncoding } from '../../collectors/ledger/decode-text.js';
import { parseLedgerCsv } from '../../collectors/ledger/parse-ledger.js';
import type { LedgerRow } from '../../platform/schemas/index.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('bonitor-ledger-read-');
afterAll(() => tmp.cleanup());
let n = 0;

async function read(bytes: Buffer | string, options: ReadLedgerFileOptions = {}) {
  const file = path.join(tmp.dir, `f${n++}.csv`);
  writeFileSync(file, bytes);
  const issues: LedgerIssue[] = [];
  const summary: Partial<LedgerFileSummary> = {};
  const rows: LedgerRow[] = [];
  let restarted = false;
  for await (const g of readLedgerFileGroups(file, { chunkBytes: 64, ...options }, (i) => issues.push(i), summary)) {
    if (g === 'restarted') {
      restarted = true;
      rows.length = 0;
    } else rows.push(...g.rows);
  }
  return { rows, issues, summary, restarted };
}

const DE = 'Kundennummer;Name;Rechnungsnummer;Rechnungsdatum;Fälligkeit;Betrag;Währung;Zahlungsdatum\r\n';

describe('reading exports as accounting packages write them', () => {
  it('detects UTF-8 with and without BOM, UTF-16 with and without BOM, and Windows-1252', () => {
    const text = 'Kunde;Müller\n';
    expect(detectEncoding(Buffer.from(`\ufeff${text}`)).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from(text)).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from(`\ufeff${text}`, 'utf16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from(text, 'utf16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from(text, 'latin1')).encoding).toBe('windows-1252');
  });

  it('reads a UTF-16 tab-separated file (Excel "Unicode text") and a Windows-1252 file with the umlauts intact', async () => {
    const body = `${DE}K1;Bäckerei Müller AG;R1;01.03.2026;31.03.2026;1.234,50;CHF;\r\n`;
    const utf16 = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.replaceAll(';', '\t'), 'utf16le')]));
    expect(utf16.summary).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(utf16.rows[0]).toMatchObject({ customerName: 'Bäckerei Müller AG', amount: 1234.5 });
    const cp1252 = await read(Buffer.from(body, 'latin1'));
    expect(cp1252.summary.encoding).toBe('windows-1252');
    expect(cp1252.rows[0]!.customerName).toBe('Bäckerei Müller AG');
  });

  it('falls back to Windows-1252 when the first non-ASCII byte comes late in an otherwise ASCII file', async () => {
    const filler = Array.from({ length: 50 }, (_, i) => `K${i};Plain AG;R${i};01.03.2026;31.03.2026;100.00;CHF;`).join('\r\n');
    const late = await read(Buffer.from(`${DE}${filler}\r\nK99;Zürcher Hof;R99;01.03.2026;31.03.2026;100.00;CHF;\r\n`, 'latin1'), { chunkBytes: 1024 });
    expect(late.rows.at(-1)!.customerName).toBe('Zürcher Hof');
  });

  it('reads numbers the way the file writes them: "12.500" is twelve thousand five hundred in a German export', async () => {
    const r = await read(`${DE}K1;A;R1;01.03.2026;31.03.2026;1.234,50;EUR;\r\nK1;A;R2;01.03.2026;31.03.2026;12.500;EUR;\r\n`);
    expect(r.rows.map((x) => x.amount)).toEqual([1234.5, 12500]);
    expect(r.summary.decimal).toBe(',');
    const swiss = await read(`${DE}K1;A;R1;01.03.2026;31.03.2026;12'500.00;CHF;\r\nK1;A;R2;01.03.2026;31.03.2026;1'500;CHF;\r\nK1;A;R3;01.03.2026;31.03.2026;12 500,00;CHF;\r\n`);
    expect(swiss.rows.map((x) => x.amount)).toEqual([12500, 1500, 12500]);
  });

  it('reports a value that is ambiguous in the file\'s own convention instead of guessing', async () => {
    const r = await read(`${DE}K1;A;R1;01.03.2026;31.03.2026;1.234;CHF;\r\nK1;A;R2;01.03.2026;31.03.2026;1,500;CHF;\r\n`);
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(r.issues[0]!.reason).toContain('ambiguous');
    const told = await read(`${DE}K1;A;R1;01.03.2026;31.03.2026;1.234;CHF;\r\n`, { decimal: ',' });
    expect(told.rows[0]!.amount).toBe(1234);
  });

  it('skips title rows above the header and maps unknown headers with --map', async () => {
    const csv = 'OP-Liste per 31.03.2026\r\nMandant 7\r\n\r\nKd;Name;Beleg;Datum;Netto fällig;Summe;Whg\r\nK1;A;R1;01.03.2026;31.03.2026;100.00;CHF\r\n';
    const guessed = await read(csv);
    // Without a mapping: the name stands in for the customer id, the due date comes from 30 days net.
    expect(guessed.rows[0]).toMatchObject({ customerId: 'A', dueDate: '2026-03-31' });
    expect(guessed.summary.dueDatesFromTerms).toBe(1);
    expect(guessed.summary.unknownColumns).toEqual(['Kd', 'Netto fällig']);
    const mapped = await read(csv, { columns: { Kd: 'customer_id', 'Netto fällig': 'due_date' } });
    expect(mapped.summary).toMatchObject({ headerLine: 4, titleRowsSkipped: 2 });
    expect(mapped.rows[0]).toMatchObject({ customerId: 'K1', customerName: 'A', dueDate: '2026-03-31', amount: 100 });
    expect(mapped.summary.dueDatesFromTerms).toBe(0);
  });

  it('warns about implausible rows with their line but keeps them', async () => {
    const r = await read(`${DE}K1;A;R1;10.03.2026;01.03.2026;100.00;CHF;05.03.2026\r\nK1;A;R2;01.03.2026;31.03.2026;100.00;CHF;02.03.2026\r\n`.replace('Zahlungsdatum', 'Zahlungsdatum;Bezahlt').replace(';05.03.2026\r', ';05.03.2026;100.00\r').replace(';02.03.2026\r', ';02.03.2026;500.00\r'));
    expect(r.rows).toHaveLength(2);
    expect(r.issues.filter((i) => i.warning).map((i) => `${i.line}: ${i.reason}`)).toEqual([
      '2: due_date 2026-03-01 is before issue_date 2026-03-10',
      '2: paid_date 2026-03-05 is before issue_date 2026-03-10 (a prepayment?)',
      '3: paid 500 is far more than the invoiced 100',
    ]);
  });

  it('sorts a file that is not sorted by customer on disk and gives the same rows', async () => {
    const lines = [];
    for (let i = 0; i < 60; i++) lines.push(`K${i % 7};Kunde ${i % 7};R${i};01.03.2026;31.03.2026;${100 + i}.00;CHF;`);
    const text = `${DE}${lines.join('\r\n')}\r\n`;
    const unsorted = await read(text, { sortRunSize: 10 });
    expect(unsorted.restarted).toBe(true);
    expect(unsorted.summary.sortedByCustomer).toBe(false);
    const inMemory = parseLedgerCsv(text).rows;
    const key = (r: LedgerRow) => `${r.customerId}/${r.invoiceId}`;
    expect(unsorted.rows.map(key).sort()).toEqual(inMemory.map(key).sort());
    expect(unsorted.rows.length).toBe(60);
    // one customer at a time, in id order
    const customers = unsorted.rows.map((r) => r.customerId);
    expect(customers).toEqual([...customers].sort());
  });

  it('reads invoices repeated once per payment as partial payments, and exact repeats as warnings', async () => {
    const head = DE.replace('Zahlungsdatum', 'Zahlungsdatum;Bezahlt');
    const r = await read(`${head}K1;A;R1;01.03.2026;31.03.2026;1000.00;CHF;20.03.2026;400.00\r\nK1;A;R1;01.03.2026;31.03.2026;1000.00;CHF;10.04.2026;600.00\r\nK1;A;R1;01.03.2026;31.03.2026;1000.00;CHF;10.04.2026;600.00\r\n`);
    expect(r.rows).toEqual([
      expect.objectContaining({ invoiceId: 'R1', paidAmount: 1000, paidDate: '2026-04-10', payments: [{ date: '2026-03-20', amount: 400 }, { date: '2026-04-10', amount: 600 }] }),
    ]);
    expect(r.issues).toEqual([{ line: 4, reason: 'repeats line 2 exactly (ignored)', warning: true }]);
  });

  it('reads status words, credit notes and write-offs in German, French and English', async () => {
    const head = 'N° client;Nom;N° facture;Date facture;Échéance;Montant;Devise;Statut;Référence facture\r\n';
    const r = await read(`${head}C1;Élan SA;F1;01.03.2026;31.03.2026;1000,00;CHF;payé;\r\nC1;Élan SA;F2;01.03.2026;31.03.2026;500,00;CHF;perte sur débiteur;\r\nC1;Élan SA;A1;05.03.2026;05.03.2026;-100,00;CHF;avoir;F1\r\nC1;Élan SA;F3;01.03.2026;31.03.2026;300,00;CHF;annulée;\r\nC1;Élan SA;F4;01.03.2026;31.03.2026;300,00;CHF;contesté;\r\n`);
    expect(r.issues).toEqual([]);
    expect(r.summary.skipped).toBe(1);
    expect(r.rows.map((x) => [x.invoiceId, x.paidAmount, x.writtenOff ?? 0, x.reference ?? '', x.disputed ?? false])).toEqual([
      ['F1', 1000, 0, '', false],
      ['F2', 0, 500, '', false],
      ['A1', 0, 0, 'F1', false],
      ['F4', 0, 0, '', true],
    ]);
  });

  it('reports a file without a usable header instead of reading garbage', async () => {
    const r = await read('just,some,words\nno,header,here\n');
    expect(r.rows).toEqual([]);
    expect(r.issues[0]!.reason).toMatch(/no header row found|missing column/);
  });
});
