import { lookupKey } from '../../platform/text/lookup-key.js';
/**
 * Cell values as exports write them: amounts in Swiss, German, French and English notation,
 * dates in ISO and European orders, yes/no words and invoice states in four languages.
 */

/** The decimal separator of a file; `undefined` until the file shows it. */
export type DecimalMark = ',' | '.';

export type AmountResult = { value: number } | { error: string; ambiguous?: true };

/**
 * What a number tells about the file's decimal mark, if anything: "1.234,50" (comma), "12'500.00"
 * (dot), "1.234.567" (comma: dots group thousands), "12,5" (comma). "1.234" and "12,500" say nothing.
 */
export function decimalHint(text: string): DecimalMark | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/['\u2019]/.test(t)) return '.';
  const dot = t.lastIndexOf('.');
  const comma = t.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : undefined;
  if (!sep) return undefined;
  const parts = t.split(sep);
  if (parts.length > 2) return sep === '.' ? ',' : '.';
  const digitsAfter = parts[1]!.length;
  const before = parts[0]!.replace(/^-/, '');
  if (digitsAfter !== 3 || before === '' || /^0+$/.test(before)) return sep;
  return undefined;
}

/**
 * Reads an amount in the file's convention. Grouping by apostrophe, space or the other mark is
 * accepted; a value that could mean two things in this file ("1.234" when the file never showed
 * its decimal mark) is an error, never a guess. A trailing minus ("100.00-") and parentheses
 * ("(100.00)") are negative, as some packages write credit notes.
 */
export function parseAmount(text: string, decimal: DecimalMark | undefined): AmountResult {
  const fast = plainAmount(text, decimal);
  if (fast !== undefined) return { value: fast };
  let t = text.trim().replace(/^(CHF|EUR|GBP|USD|Fr\.|SFr\.|€|£|\$)\s*/i, '').replace(/\s*(CHF|EUR|GBP|USD|€|£)$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.endsWith('-')) {
    negative = true;
    t = t.slice(0, -1);
  }
  if (t.startsWith('-') || t.startsWith('\u2212')) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  t = t.replace(/[\s\u00a0\u202f'\u2019]/g, '');
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return { error: text.trim() === '' ? 'is empty' : `"${text}" is not a number` };
  const mark = decimalHint(t) ?? decimal;
  let normalised: string;
  if (!t.includes('.') && !t.includes(',')) normalised = t;
  else if (!mark) {
    return { error: `"${text}" is ambiguous: ${t.replace(/[.,]/g, '')} or ${t.replace(',', '.')}? The file shows no decimal mark elsewhere; say --decimal , or --decimal .`, ambiguous: true };
  } else {
    const group = mark === ',' ? '.' : ',';
    const [whole, frac, extra] = t.split(mark);
    if (extra !== undefined) return { error: `"${text}" is not a number` };
    const digits = whole!.split(group);
    // Thousands groups have three digits: "1.23,5" is a typo, not a number.
    if (digits.length > 1 && digits.slice(1).some((g) => g.length !== 3)) return { error: `"${text}" is not a number` };
    if (frac !== undefined && frac.includes(group)) return { error: `"${text}" is not a number` };
    normalised = digits.join('') + (frac !== undefined ? `.${frac}` : '');
  }
  const n = Number(normalised);
  if (!Number.isFinite(n)) return { error: `"${text}" is not a number` };
  return { value: negative ? -n : n };
}

/**
 * The common case without allocations: digits with at most one mark that cannot be a thousands
 * separator ("12500", "1234.50", "1234,50" in a decimal-comma file). Anything else → undefined.
 */
export function plainAmount(text: string, decimal: DecimalMark | undefined): number | undefined {
  const n = text.length;
  if (n === 0 || n > 15) return undefined;
  let start = 0;
  if (text.charCodeAt(0) === 45) start = 1;
  let mark = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && mark < 0 && i > start) {
      mark = i;
      continue;
    }
    return undefined;
  }
  if (mark < 0) return n > start ? Number(text) : undefined;
  const after = n - mark - 1;
  if (after === 0) return undefined;
  const c = text.charCodeAt(mark) === 46 ? '.' : ',';
  if (after === 3 && decimal !== c) return undefined; // "1.234": let the careful path decide
  if (c === ',' && decimal === '.') return undefined;
  if (c === '.' && decimal === ',') return undefined;
  return Number(c === '.' ? text : `${text.slice(0, mark)}.${text.slice(mark + 1)}`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD (optionally with a time), DD.MM.YYYY, D.M.YY, DD/MM/YYYY, DD-MM-YYYY and YYYYMMDD →
 * YYYY-MM-DD. Day before month: the order of every export in CH, DE, AT, FR, IT and the UK.
 */
export function parseDate(text: string): { value: string } | { error: string } {
  if (text.length === 10 && isIsoDate(text)) return { value: text };
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  if (t.length >= 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && (t.length === 10 || t[10] === 'T' || t[10] === ' ')) {
    y = num(t, 0, 4);
    m = num(t, 5, 7);
    d = num(t, 8, 10);
  } else {
    let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
    if (match) {
      d = Number(match[1]);
      m = Number(match[2]);
      y = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) {
      y = Number(match[1]);
      m = Number(match[2]);
      d = Number(match[3]);
    } else return { error: t === '' ? 'is empty' : `"${text}" is not a date (use YYYY-MM-DD or dd.mm.yyyy)` };
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (!(y >= 1900 && y < 2200) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= days)) return { error: `"${text}" is not a calendar date` };
  return { value: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` };
}

/** YYYY-MM-DD that is a real calendar date, checked without allocating. */
function isIsoDate(t: string): boolean {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return false;
  const y = num(t, 0, 4);
  const m = num(t, 5, 7);
  const d = num(t, 8, 10);
  if (!(y >= 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function num(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'x', 'ja', 'j', 'oui', 'o', 'si', 'sì', 'wahr', 'vrai', 'vero']);
const FALSE = new Set(['', 'false', '0', 'no', 'n', 'nein', 'non', 'falsch', 'faux', 'falso', '-']);

export function parseBool(text: string): boolean | undefined {
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

/** What an invoice status word says; `skip` for drafts and cancelled invoices, which are no receivables. */
export type StatusMeaning = 'open' | 'paid' | 'partial' | 'written_off' | 'disputed' | 'collection' | 'skip';

const STATUS: Array<[RegExp, StatusMeaning]> = [
  [/^(draft|entwurf|brouillon|bozza|cancel+ed|storniert|storno|annulliert|annule|annulee|annullat[ao]|void|geloescht|deleted)$/, 'skip'],
  [/(written.?off|abgeschrieben|ausgebucht|uneinbringlich|forderungsverlust|perte|irrecouvrable|perdita|stralciat)/, 'written_off'],
  [/(disput|bestritten|strittig|beanstandet|reklamation|contest|litige|litigio)/, 'disputed'],
  [/(collection|inkasso|betreibung|recouvrement|contentieux|poursuite|incasso|esecuzion)/, 'collection'],
  [/^(partial(ly)?.?paid|partial|teil.?bezahlt|teilweise.?bezahlt|teilzahlung|partiellement.?paye|paiement.?partiel|parzialmente.?pagat[ao])$/, 'partial'],
  [/^(paid|bezahlt|beglichen|ausgeglichen|erledigt|paye|payee|regle|reglee|pagat[ao]|saldat[ao]|settled|closed)$/, 'paid'],
  [/^(gutschrift|credit.?note|avoir|nota.?di.?credito)$/, 'open'],
  [/^(open|offen|pending|unpaid|overdue|ueberfaellig|faellig|ouvert|ouverte|impaye|impayee|en.?retard|apert[ao]|scadut[ao]|non.?pagat[ao]|due)$/, 'open'],
];

export function parseStatus(text: string): StatusMeaning | undefined {
  const t = lookupKey(text);
  if (t === '') return undefined;
  for (const [re, meaning] of STATUS) if (re.test(t)) return meaning;
  return undefined;
}
