import { ACADEMIC_WORDS, BUSINESS_HEADS, BUSINESS_WORDS, COUNTRY_WORDS, DESCRIPTOR_HEADS, DESCRIPTORS, LANGUAGE_MARKERS, SPORTS_WORDS } from './cue-words.js';

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
  const exact = WORD_CUES.get(norm);
  if (exact !== undefined || norm.length < MIN_COMPOUND) return exact;
  for (const len of HEAD_LENGTHS) {
    if (norm.length - len < MIN_FIRST_PART) continue;
    const cue = HEADS.get(norm.slice(norm.length - len));
    if (cue) return cue;
  }
  return undefined;
}
