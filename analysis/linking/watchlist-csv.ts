import { parseCsv } from '../../platform/csv.js';
import { customerSchema, type Customer } from '../../platform/schemas/customer.js';
import { countryCode } from './country-codes.js';

export interface WatchlistCsvError {
  line: number;
  reason: string;
}

const REQUIRED = ['customer_id', 'name'] as const;
export const WATCHLIST_COLUMNS = ['customer_id', 'name', 'aliases', 'register_ids', 'country', 'industry', 'tags', 'domains', 'credit_limit', 'currency'] as const;
export type WatchlistColumn = (typeof WATCHLIST_COLUMNS)[number];

/** Header names in German, French, Italian and English (folded: lower case, umlauts spelled out, `_` for the rest). */
const SYNONYMS: Record<WatchlistColumn, string[]> = {
  customer_id: ['customer_id', 'customerid', 'customer_no', 'customer_number', 'kundennummer', 'kundennr', 'kunden_nr', 'debitor', 'debitornummer', 'n_client', 'no_client', 'numero_client', 'n_cliente', 'numero_cliente', 'codice_cliente'],
  name: ['name', 'company', 'company_name', 'customer_name', 'firma', 'firmenname', 'kunde', 'kundenname', 'raison_sociale', 'nom', 'societe', 'ragione_sociale', 'nome', 'ditta'],
  aliases: ['aliases', 'alias', 'aka', 'also_known_as', 'aliase', 'auch_bekannt_als', 'kurzname', 'autres_noms', 'altri_nomi'],
  register_ids: ['register_ids', 'register_id', 'uid', 'che_uid', 'uid_nummer', 'company_number', 'registration_number', 'handelsregisternummer', 'hr_nummer', 'registernummer', 'hrb', 'lei', 'n_ide', 'ide', 'numero_ide', 'numero_idi', 'idi'],
  country: ['country', 'country_code', 'land', 'laendercode', 'staat', 'pays', 'paese', 'nazione'],
  industry: ['industry', 'branche', 'noga', 'nace', 'noga_code', 'nace_code', 'industrie', 'secteur', 'settore', 'branca'],
  tags: ['tags', 'tag', 'labels', 'gruppe', 'gruppen', 'schlagworte', 'etiketten', 'etiquettes', 'groupe', 'etichette', 'gruppo'],
  domains: ['domains', 'domain', 'website', 'web', 'webseite', 'homepage', 'site_web', 'sito_web'],
  credit_limit: ['credit_limit', 'creditlimit', 'approved_limit', 'kreditlimite', 'kreditlimit', 'limite', 'limite_de_credit', 'limite_credit', 'limite_di_credito', 'fido'],
  currency: ['currency', 'waehrung', 'devise', 'monnaie', 'valuta', 'divisa'],
};

function fold(h: string): string {
  return h
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/n°|nº/g, 'n_')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LOOKUP = new Map<string, WatchlistColumn>();
for (const c of WATCHLIST_COLUMNS) for (const s of SYNONYMS[c]) LOOKUP.set(fold(s), c);

/** A parsed customer and which of its fields the file actually gave (for merging with what is stored). */
export interface WatchlistEntry {
  customer: Customer;
  given: Set<WatchlistColumn>;
  line: number;
}

/**
 * Swiss enterprise identification number: CHE-123.456.789 with a modulo-11 check digit (weights
 * 5 4 3 2 7 6 5 4 over the first eight digits). True for a valid number in any spacing or with
 * a MWST / TVA / IVA suffix; false for a wrong check digit.
 */
export function isValidCheUid(id: string): boolean {
  const m = /^CHE[-\s]?(\d{3})\.?(\d{3})\.?(\d{3})(\s*(MWST|TVA|IVA|VAT|HR|RC|RI))?$/i.exec(id.trim());
  if (!m) return false;
  const digits = (m[1]! + m[2]! + m[3]!).split('').map(Number);
  const weights = [5, 4, 3, 2, 7, 6, 5, 4];
  const sum = weights.reduce((s, w, i) => s + w * digits[i]!, 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits[8];
}

/**
 * Parses the watchlist CSV: `customer_id,name,aliases,register_ids,country,industry,tags`
 * (optional `domains`, `credit_limit` — the approved limit, in the customer's currency — and
 * `currency`) or the same columns under German, French, Italian or English names; list
 * cells `|`-separated; `,`, `;` or tab delimited. Country names (Schweiz, Suisse, Germany …)
 * become ISO codes; a CHE-UID with a wrong check digit is reported and left out. Bad rows are
 * reported with their line number and skipped; good rows are kept, so one typo does not empty
 * the watchlist.
 */
export function parseWatchlistCsv(text: string): { customers: Customer[]; entries: WatchlistEntry[]; errors: WatchlistCsvError[] } {
  const { header, rows, errors: structural } = parseCsv(text);
  const errors: WatchlistCsvError[] = [...structural];
  const index = new Map<WatchlistColumn, number>();
  header.forEach((h, i) => {
    const key = LOOKUP.get(fold(h));
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (header.length === 0) return { customers: [], entries: [], errors: [{ line: 1, reason: 'empty file: expected a header line customer_id,name,aliases,register_ids,country,industry,tags' }] };
  if (missing.length > 0) {
    return { customers: [], entries: [], errors: [{ line: 1, reason: `header lacks column(s) ${missing.join(', ')}; found: ${header.join(', ')}` }] };
  }
  const entries: WatchlistEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length > header.length) {
      errors.push({ line: row.line, reason: `${row.cells.length} cells but the header has ${header.length} (unquoted delimiter inside a value?)` });
      continue;
    }
    const cell = (c: WatchlistColumn): string => {
      const i = index.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const list = (c: WatchlistColumn): string[] =>
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
    const registerIds: string[] = [];
    for (const rid of list('register_ids')) {
      if (/^CHE/i.test(rid) && !isValidCheUid(rid)) errors.push({ line: row.line, reason: `customer ${id}: ${rid} is not a valid CHE-UID (wrong check digit or format); left out` });
      else registerIds.push(rid);
    }
    const countryText = cell('country');
    const country = countryText === '' ? '' : countryCode(countryText);
    if (country === undefined) {
      errors.push({ line: row.line, reason: `customer ${id}: country "${countryText}" is not a country name or ISO code; left out` });
    }
    const limitCell = cell('credit_limit');
    const creditLimit = limitCell === '' ? undefined : parseLimit(limitCell);
    if (Number.isNaN(creditLimit)) {
      errors.push({ line: row.line, reason: `customer ${id}: credit_limit "${limitCell}" is not an amount (e.g. 50000, 50'000 or 50.000,00)` });
      continue;
    }
    const currencyCell = cell('currency').toUpperCase();
    const parsed = customerSchema.safeParse({
      ...(creditLimit !== undefined ? { creditLimit } : {}),
      ...(currencyCell !== '' ? { currency: currencyCell } : {}),
      id,
      name,
      aliases: list('aliases'),
      registerIds,
      domains: list('domains').map((d) => d.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')),
      country: country ?? '',
      industry: cell('industry'),
      tags: list('tags'),
    });
    if (!parsed.success) {
      errors.push({ line: row.line, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const given = new Set<WatchlistColumn>(['customer_id', 'name']);
    for (const c of WATCHLIST_COLUMNS) if (index.has(c) && cell(c) !== '') given.add(c);
    entries.push({ customer: parsed.data, given, line: row.line });
  }
  return { customers: entries.map((e) => e.customer), entries, errors };
}

const FIELD: Record<WatchlistColumn, keyof Customer> = {
  customer_id: 'id',
  name: 'name',
  aliases: 'aliases',
  register_ids: 'registerIds',
  country: 'country',
  industry: 'industry',
  tags: 'tags',
  domains: 'domains',
  credit_limit: 'creditLimit',
  currency: 'currency',
};

/** An approved limit as people write it: 50000, 50'000, 50 000, 50.000,00, 50,000.00; NaN when it is not one. */
function parseLimit(text: string): number {
  let t = text.replace(/[\s'’]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * A re-imported entry merged with the stored customer: what the file gives replaces what is
 * stored, what it leaves out (a missing column, an empty cell) stays, so a partial watchlist
 * never wipes register ids or aliases found earlier.
 */
export function mergeWatchlistEntry(stored: Customer | undefined, entry: WatchlistEntry): Customer {
  if (!stored) return entry.customer;
  const merged: Customer = { ...stored };
  for (const c of entry.given) (merged as Record<string, unknown>)[FIELD[c]] = entry.customer[FIELD[c]];
  return merged;
}
