import { BUSINESS_WORDS, COUNTRY_WORDS, LANGUAGE_MARKERS, SPORTS_WORDS } from './cue-words.js';

/** What one folded word tells the linking features: bit flags, the countries it points to, the language it marks. */
export interface WordCue {
  flags: number;
  countries?: string[];
  lang?: string;
}

export const BUSINESS = 1;
export const SPORTS = 2;

const WORD_CUES = new Map<string, WordCue>();
const cueOf = (w: string): WordCue => {
  let c = WORD_CUES.get(w);
  if (!c) WORD_CUES.set(w, (c = { flags: 0 }));
  return c;
};
for (const w of BUSINESS_WORDS) cueOf(w).flags |= BUSINESS;
for (const w of SPORTS_WORDS) cueOf(w).flags |= SPORTS;
for (const [country, words] of Object.entries(COUNTRY_WORDS)) for (const w of words) (cueOf(w).countries ??= []).push(country);
for (const [lang, words] of Object.entries(LANGUAGE_MARKERS)) for (const w of words) cueOf(w).lang ??= lang;

/** The cue of a folded word, or undefined for the many words that tell nothing. */
export function wordCue(norm: string): WordCue | undefined {
  return WORD_CUES.get(norm);
}
