import { describe, expect, it } from 'vitest';
import { parseLedgerCsv } from '../../collectors/ledger/parse-ledger.js';
import { parseAmount } from '../../collectors/ledger/ledger-values.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ledgerRowSchema } from '../../platform/schemas/index.js';

const HEADER = 'customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount,dunning_level,collection';

describe('parseLedgerCsv', () => {
  it('reads comma CSV with ISO dates, open and paid invoices', () => {
    const { rows, errors } = parseLedgerCsv(
      `${HEADER}\nC1,Alpha AG,INV-1,2026-01-10,2026-02-09,1200.50,CHF,2026-02-20,,1,false\nC1,Alpha AG,INV-2,2026-03-01,2026-03-31,800,chf,,,0,\n`,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { customerId: 'C1', customerName: 'Alpha AG', invoiceId: 'INV-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 1200.5, currency: 'CHF', paidDate: '2026-02-20', paidAmount: 1200.5, dunningLevel: 1, collection: false },
      { customerId: 'C1', customerName: 'Alpha AG', invoiceId: 'INV-2', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 800, currency: 'CHF', paidAmount: 0, dunningLevel: 0, collection: false },
    ]);
  });

  it('reads a semicolon export with BOM, dd.mm.yyyy dates, decimal commas, CRLF and partial payments', () => {
    const csv = '\ufeffcustomer_id;customer_name;invoice_id;issue_date;due_date;amount;currency;paid_date;paid_amount\r\n' +
      'D7;"Müller; Söhne GmbH";R-77;05.03.2026;04.04.2026;1.234,50;EUR;;500,25\r\n';
    const { rows, errors } = parseLedgerCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ customerName: 'Müller; Söhne GmbH', issueDate: '2026-03-05', amount: 1234.5, paidAmount: 500.25 });
    expect(rows[0]!.paidDate).toBeUndefined();
  });

  it('reports every bad row with its line and reasons while keeping the good rows', () => {
    const csv = [
      HEADER,
      'C1,A,INV-1,2026-01-10,2026-02-09,100,CHF,,,,',
      'C1,A,INV-2,2026-02-30,2026-03-09,100,CHF,,,,',
      'C1,A,INV-3,2026-01-10,2026-02-09,abc,CHF,,,,',
      'C1,A,INV-4,2026-03-10,2026-02-09,100,Swiss francs,,,,',
      'C1,A,INV-1,2026-01-10,2026-02-09,200,CHF,,,,',
      'C2,B,INV-5,2026-01-10,2026-02-09,100,CHF,,,x,maybe',
      'C3,C,INV-6,2026-01-10,2026-02-09,-5,CHF,,,,',
      'C3,C,INV-7,2026-03-10,2026-02-09,100,CHF,,,,',
    ].join('\n');
    const { rows, errors, warnings } = parseLedgerCsv(csv);
    expect(rows.map((r) => r.invoiceId)).toEqual(['INV-1', 'INV-6', 'INV-7']);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0]!.reason).toContain('issue_date "2026-02-30" is not a calendar date');
    expect(errors[1]!.reason).toContain('amount "abc" is not a number');
    expect(errors[2]!.reason).toContain('currency');
    expect(errors[3]!.reason).toContain('already on line 2');
    expect(errors[4]!.reason).toContain('collection "maybe"');
    expect(errors[4]!.reason).toContain('dunning_level "x" must be 0, 1, 2 or 3');
    // a negative amount is a credit note; a due date before the issue date is a warning, not a loss of the row
    expect(rows[1]!.amount).toBe(-5);
    expect(warnings).toEqual([{ line: 9, reason: 'due_date 2026-02-09 is before issue_date 2026-03-10' }]);
  });

  it('produces rows that satisfy the ledger schema exactly (it validates by hand for speed)', () => {
    const demo = readFileSync(path.join(import.meta.dirname, '..', '..', 'app', 'demo', 'ledger.csv'), 'utf8');
    const { rows, errors } = parseLedgerCsv(demo);
    expect(errors).toEqual([]);
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) expect(ledgerRowSchema.parse(row)).toEqual(row);
  });

  it('reports an unclosed quote instead of swallowing the rest of the file', () => {
    const { rows, errors } = parseLedgerCsv(`${HEADER}\nC1,"Alpha AG,INV-1,2026-01-10,2026-02-09,100,CHF,,,,\nC2,B,INV-2,2026-01-10,2026-02-09,100,CHF,,,,\n`);
    expect(rows).toEqual([]);
    expect(errors[0]).toMatchObject({ line: 2, reason: expect.stringContaining('never closed') });
  });

  it('names the missing columns', () => {
    expect(parseLedgerCsv('customer_id,amount,name\nC1,5,x\n').errors).toEqual([
      { line: 1, reason: 'missing columns: invoice_id, issue_date (found: customer_id, amount, name; map others with --map column=field)' },
    ]);
  });

  it('reads amounts in the formats accounting exports use', () => {
    const values = ['1234.5', "1'234.50", '1.234,50', '1,234.50', '1 234,50', '0,5', "12'500", '100.00-', '(250.00)'];
    expect(values.map((t) => (parseAmount(t, undefined) as { value: number }).value)).toEqual([1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 0.5, 12500, -100, -250]);
    expect(parseAmount('1.2.3', ',')).toHaveProperty('error');
  });
});
