import { foldName } from '../text/fold.js';

/**
 * Ordinary words of the four news languages, from Hunspell spelling dictionaries: a watchlist name
 * that is also a word ("Puma", "Quiz", "Match", "Continental") needs more evidence than a coined
 * one ("Wirecard", "Orpea"). Only entries written in lower case count: the dictionaries also list
 * proper names (cities, "Siemens", "Renault") with their capital, and those are not ordinary words.
 * A feature weighed by the fitted model, never a list that decides.
 */
export const COMMON_WORD_LANGUAGES = ['de', 'en', 'fr', 'it'] as const;
export type CommonWordLanguage = (typeof COMMON_WORD_LANGUAGES)[number];

/** Folded word → one bit per language whose dictionary lists it in lower case. */
export type CommonWords = ReadonlyMap<string, number>;

export function languageBit(lang: string): number {
  const i = (COMMON_WORD_LANGUAGES as readonly string[]).indexOf(lang);
  return i < 0 ? 0 : 1 << i;
}

/**
 * Reads the words of one Hunspell `.dic` file (a count line, then `word/FLAGS` per line) into
 * `into`, folded as the watchlist index folds names. Entries that open with a capital are proper
 * names and skipped, so are abbreviations ("z.B.").
 */
export function addDictionaryWords(into: Map<string, number>, lang: CommonWordLanguage, dic: string): Map<string, number> {
  const bit = languageBit(lang);
  let from = dic.indexOf('\n') + 1;
  while (from > 0 && from < dic.length) {
    let to = dic.indexOf('\n', from);
    if (to < 0) to = dic.length;
    const first = dic.charCodeAt(from);
    if ((first >= 97 && first <= 122) || (first > 127 && isLowerCase(dic[from]!))) {
      let end = dic.indexOf('/', from);
      if (end < 0 || end > to) end = to;
      while (end > from && dic.charCodeAt(end - 1) <= 32) end--;
      const word = end - from >= 2 ? dic.slice(from, end) : '';
      if (word !== '' && !word.includes('.')) {
        // Most entries are plain ASCII without ae/oe/ue, which fold to themselves: no fold call for them.
        const key = PLAIN.test(word) && !TRANSCRIBED.test(word) ? word : foldName(word);
        into.set(key, (into.get(key) ?? 0) | bit);
      }
    }
    from = to + 1;
  }
  return into;
}

const PLAIN = /^[a-z]+$/;
const TRANSCRIBED = /[aou]e/;
const isLowerCase = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

/** The language bits of a folded single-word name (0 when it is no ordinary word of any of them). */
export function commonWordBits(words: CommonWords | undefined, folded: string): number {
  return words?.get(folded) ?? 0;
}
