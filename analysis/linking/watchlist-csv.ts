import { parseCsv } from '../../platform/csv.js';
import { customerSchema, type Customer } from '../../platform/schemas/customer.js';

export interface WatchlistCsvError {
  line: number;
  reason: string;
}

const REQUIRED = ['customer_id', 'name'] as const;
const KNOWN = ['customer_id', 'name', 'aliases', 'register_ids', 'country', 'industry', 'tags', 'domains'] as const;
type Column = (typeof KNOWN)[number];

/**
 * Parses the watchlist CSV: `customer_id,name,aliases,register_ids,country,industry,tags`
 * (optional `domains`), list cells `|`-separated, `,` or `;` delimited. Bad rows are reported with
 * their line number and skipped; good rows are kept, so one typo does not empty the watchlist.
 */
export function parseWatchlistCsv(text: string): { customers: Customer[]; errors: WatchlistCsvError[] } {
  const { header, rows, errors: structural } = parseCsv(text);
  const errors: WatchlistCsvError[] = [...structural];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const key = h.toLowerCase().replace(/[\s-]+/g, '_') as Column;
    if ((KNOWN as readonly string[]).includes(key) && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (header.length === 0) return { customers: [], errors: [{ line: 1, reason: 'empty file: expected a header line customer_id,name,aliases,register_ids,country,industry,tags' }] };
  if (missing.length > 0) {
    return { customers: [], errors: [{ line: 1, reason: `header lacks column(s) ${missing.join(', ')}; found: ${header.join(', ')}` }] };
  }
  const customers: Customer[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length > header.length) {
      errors.push({ line: row.line, reason: `${row.cells.length} cells but the header has ${header.length} (unquoted delimiter inside a value?)` });
      continue;
    }
    const cell = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const list = (c: Column): string[] =>
      cell(c)
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const id = cell('customer_id');
    const name = cell('name');
    if (id === '') {
      errors.push({ line: row.line, reason: 'customer_id is empty' });
      continue;
    }
    if (name === '') {
      errors.push({ line: row.line, reason: `customer ${id}: name is empty` });
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ line: row.line, reason: `customer_id ${id} already defined on line ${first}` });
      continue;
    }
    seen.set(id, row.line);
    const parsed = customerSchema.safeParse({
      id,
      name,
      aliases: list('aliases'),
      registerIds: list('register_ids'),
      domains: list('domains').map((d) => d.toLowerCase()),
      country: cell('country').toUpperCase(),
      industry: cell('industry'),
      tags: list('tags'),
    });
    if (!parsed.success) {
      errors.push({ line: row.line, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    customers.push(parsed.data);
  }
  return { customers, errors };
}
