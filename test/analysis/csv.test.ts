import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../platform/csv.js';

describe('parseCsv', () => {
  it('detects the semicolon delimiter of German/French Excel exports and strips the BOM', () => {
    const { header, rows, delimiter } = parseCsv('\uFEFFcustomer_id;name;aliases\r\nc1;Müller AG;Müller\r\n');
    expect(delimiter).toBe(';');
    expect(header).toEqual(['customer_id', 'name', 'aliases']);
    expect(rows).toEqual([{ line: 2, cells: ['c1', 'Müller AG', 'Müller'] }]);
  });

  it('keeps commas, semicolons, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'id,name,note\n1,"Procter & Gamble, Inc.","says ""hi""; ok"\n2,"Two\r\nLines",x\n3,plain,y';
    const { rows } = parseCsv(text);
    expect(rows[0]).toEqual({ line: 2, cells: ['1', 'Procter & Gamble, Inc.', 'says "hi"; ok'] });
    expect(rows[1]).toEqual({ line: 3, cells: ['2', 'Two\nLines', 'x'] });
    // the row after a quoted line break starts on line 5, so errors point at the right line
    expect(rows[2]).toEqual({ line: 5, cells: ['3', 'plain', 'y'] });
  });

  it('does not let a semicolon inside a quoted header pick the delimiter', () => {
    expect(parseCsv('"a;b;c",d\n1,2').delimiter).toBe(',');
  });

  it('skips blank lines and handles a missing final newline and empty input', () => {
    expect(parseCsv('a,b\n\n1,2\n\n').rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
    expect(parseCsv('')).toEqual({ header: [], rows: [], delimiter: ',', errors: [] });
    expect(parseCsv('a,b\n1,').rows[0]!.cells).toEqual(['1', '']);
  });

  it('reports a quote that is never closed instead of swallowing the rest silently', () => {
    const { rows, errors } = parseCsv('id,name\n1,Alpha\n2,"Beta\n3,Gamma\n');
    expect(rows).toEqual([{ line: 2, cells: ['1', 'Alpha'] }]);
    expect(errors).toEqual([{ line: 3, reason: expect.stringContaining('never closed') }]);
  });
});
