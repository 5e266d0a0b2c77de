import { ACADEMIC_WORDS, BUSINESS_HEADS, BUSINESS_WORDS, COUNTRY_WORDS, DESCRIPTOR_HEADS, DESCRIPTORS, LANGUAGE_MARKERS, PERSON_WORDS, SPORTS_WORDS } from './cue-words.js';

/** What one folded word tells the linking features: bit flags, the countries it points to, the language it marks. */
export interface WordCue {
  flags: number;
  countries?: string[];
  lang?: string;
}

/** Business vocabulary ("Umsatz", "shares", "société", "Schuhhändler"). */
export const BUSINESS = 1;
/** Sports vocabulary ("Tor", "match", "campionato"). */
export const SPORTS = 2;
/** A noun that describes a company and stands before its name ("Konzern", "retailer", "groupe", "Autobauer"). */
export const DESCRIPTOR = 4;
/** Research and education ("research", "Studie", "université"). */
export const ACADEMIC = 8;
/** A year from 1000 to 1949 ("1841"): history and biographies, where names are people. */
export const HISTORIC = 16;
/** A person's life and work ("Biografie", "pioneer", "artista"). */
export const PERSON = 32;

const WORD_CUES = new Map<string, WordCue>();
const cueOf = (w: string): WordCue => {
  let c = WORD_CUES.get(w);
  if (!c) WORD_CUES.set(w, (c = { flags: 0 }));
  return c;
};
for (const w of BUSINESS_WORDS) cueOf(w).flags |= BUSINESS;
for (const w of SPORTS_WORDS) cueOf(w).flags |= SPORTS;
for (const w of DESCRIPTORS) cueOf(w).flags |= DESCRIPTOR;
for (const w of ACADEMIC_WORDS) cueOf(w).flags |= ACADEMIC;
for (const w of PERSON_WORDS) cueOf(w).flags |= PERSON;
for (const [country, words] of Object.entries(COUNTRY_WORDS)) for (const w of words) (cueOf(w).countries ??= []).push(country);
for (const [lang, words] of Object.entries(LANGUAGE_MARKERS)) for (const w of words) cueOf(w).lang ??= lang;

const HEADS = new Map<string, WordCue>();
for (const h of BUSINESS_HEADS) HEADS.set(h, { flags: BUSINESS });
for (const h of DESCRIPTOR_HEADS) HEADS.set(h, { flags: BUSINESS | DESCRIPTOR });
const HEAD_LENGTHS = [...new Set([...HEADS.keys()].map((h) => h.length))].sort((a, b) => b - a);
// A compound needs a real first part: "Schuhhändler" (4 + 7), not "Bauer" or "Handler" alone.
const MIN_FIRST_PART = 3;
const MIN_COMPOUND = Math.min(...HEAD_LENGTHS) + MIN_FIRST_PART;

/**
 * The cue of a folded word, or undefined for the many words that tell nothing. A German compound
 * the lists do not have takes the cue of its head ("Schuhhändler" → "händler"). Callers that see a
 * word often cache the answer (scan-text.ts), so the head search runs once per distinct word.
 */
export function wordCue(norm: string): WordCue | undefined {
  if (isHistoricYear(norm)) return HISTORIC_CUE;
  const exact = WORD_CUES.get(norm);
  if (exact !== undefined) return exact;
  // English and French plurals take their noun's cue ("marques", "brands", "artists").
  if (norm.length >= 5 && norm.charCodeAt(norm.length - 1) === 115 /* s */) {
    const singular = WORD_CUES.get(norm.slice(0, -1));
    if (singular !== undefined) return singular;
  }
  if (norm.length < MIN_COMPOUND) return undefined;
  // German genitives ("des Mutterkonzerns", "des Schuhhändlers") carry the head's cue too.
  return headCue(norm) ?? (norm.charCodeAt(norm.length - 1) === 115 /* s */ ? headCue(norm.slice(0, -1)) : undefined);
}


function headCue(word: string): WordCue | undefined {
  for (const len of HEAD_LENGTHS) {
    if (word.length - len < MIN_FIRST_PART) continue;
    const cue = HEADS.get(word.slice(word.length - len));
    if (cue) return cue;
  }
  return undefined;
}

/**
 * Heads of German compounds that news glues to company names without a hyphen ("Migroschef",
 * "Siemensaktie"): the first part is then tried as a single-word name.
 */
const COMPOUND_HEADS = new Set([
  'chef', 'chefin', 'konzern', 'aktie', 'aktien', 'gruppe', 'tochter', 'filiale', 'filialen', 'werk', 'werke', 'sprecher', 'sprecherin',
  'mitarbeiter', 'mitarbeitende', 'boss', 'zentrale', 'umsatz', 'gewinn', 'pleite', 'konkurs', 'ubernahme', 'kunden', 'fabrik', 'standort',
  'manager', 'grunder', 'prasident', 'prasidentin', 'verwaltungsrat', 'angestellte', 'lieferant', 'lieferanten',
]);
const COMPOUND_HEAD_LENGTHS = [...new Set([...COMPOUND_HEADS].map((h) => h.length))];

/**
 * The possible first parts of a German compound with a known head, in the order to try them
 * ("siemensaktie" → "siemens", "siemen"): a linking "s" may or may not belong to the name.
 * Undefined for the many words that are no such compound.
 */
export function compoundPrefixes(norm: string): string[] | undefined {
  if (norm.length < 8) return undefined;
  let out: string[] | undefined;
  for (const len of COMPOUND_HEAD_LENGTHS) {
    if (norm.length - len < 4 || !COMPOUND_HEADS.has(norm.slice(norm.length - len))) continue;
    const prefix = norm.slice(0, norm.length - len);
    (out ??= []).push(prefix);
    if (prefix.endsWith('s')) out.push(prefix.slice(0, -1));
  }
  return out;
}

const HISTORIC_CUE: WordCue = { flags: HISTORIC };

// Biographies of founders and the history of firms: 1800 to 1949. Earlier four-digit numbers in news are mostly counts ("1100 Mitarbeiter").
function isHistoricYear(norm: string): boolean {
  return norm.length === 4 && /^1[89]\d\d$/.test(norm) && norm < '1950';
}
