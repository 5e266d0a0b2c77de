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

/** Folded word → one bit per language whose dictionary lists it in lower case (a Map, or a sorted word list). */
export interface CommonWords {
  get(word: string): number | undefined;
  readonly size: number;
}

/** The words as a writeWordList text: what a worker thread is handed (a Map is cloned slowly, a read list not at all). */
export function wordListText(words: CommonWords): string {
  return words instanceof Map ? writeWordList(words) : (words as ReturnType<typeof readWordList>).text;
}

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

/**
 * The words as one text, a line `word<TAB>bits` each, sorted by word (JavaScript string order):
 * what the build writes beside the compiled CLI, so a command reads one file instead of folding
 * four dictionaries (4.2 MB, about half of `bonitor link`'s start-up).
 */
export function writeWordList(words: ReadonlyMap<string, number>): string {
  return [...words.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((w) => `${w}\t${words.get(w)!}\n`)
    .join('');
}

/**
 * A word list as writeWordList writes it, read in place: each lookup is a binary search over the
 * text (a line found from any offset by stepping back to its start), so opening it builds nothing.
 */
export function readWordList(text: string): CommonWords & { readonly text: string } {
  let size = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) size++;
  const lineAt = (offset: number): { start: number; end: number } => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', start);
    return { start, end: end < 0 ? text.length : end };
  };
  return {
    size,
    text,
    get(word: string): number | undefined {
      let lo = 0;
      let hi = text.length;
      // Invariant: a line holding `word` starts in [lo, hi).
      while (lo < hi) {
        const { start, end } = lineAt(lo + ((hi - lo) >> 1));
        const tab = text.indexOf('\t', start);
        const key = text.slice(start, tab);
        if (key === word) return Number(text.slice(tab + 1, end));
        if (key < word) lo = end + 1;
        else hi = start;
      }
      return undefined;
    },
  };
}
