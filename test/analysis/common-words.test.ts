import { describe, expect, it } from 'vitest';
import { addDictionaryWords, commonWordBits, languageBit, readWordList, writeWordList } from '../../analysis/linking/common-words.js';
import { deriveCommonWords, loadCommonWords } from '../../app/link-model.js';

describe('common words from Hunspell dictionaries', () => {
  it('reads lower-case entries of a .dic file, folded, and skips proper names, abbreviations and the count line', () => {
    const dic = '6\nsalamander/Sm\nSiemens/S\nMüller\nquelle/N\ne.V.\nzurück\n';
    const words = addDictionaryWords(new Map(), 'de', dic);
    expect([...words.keys()].sort()).toEqual(['qulle', 'salamander', 'zuruck']);
    expect(commonWordBits(words, 'salamander')).toBe(languageBit('de'));
    expect(commonWordBits(words, 'siemens')).toBe(0);
    addDictionaryWords(words, 'en', '1\nsalamander/MS\n');
    expect(commonWordBits(words, 'salamander')).toBe(languageBit('de') | languageBit('en'));
  });

  it('loads the four shipped dictionaries: ordinary words in, coined company names out', () => {
    const words = loadCommonWords();
    expect(words.size).toBeGreaterThan(150_000);
    expect(commonWordBits(words, 'quiz') & languageBit('en')).not.toBe(0);
    expect(commonWordBits(words, 'match') & languageBit('fr')).not.toBe(0);
    expect(commonWordBits(words, 'puma') & languageBit('de')).not.toBe(0);
    for (const coined of ['wirecard', 'orpea', 'hanjin', 'stadler', 'deichmann']) expect(commonWordBits(words, coined)).toBe(0);
    for (const proper of ['renault', 'beiersdorf', 'commerzbank']) expect(commonWordBits(words, proper)).toBe(0);
  });

  it('the word list the build writes reads back as the very words the dictionaries give, each with its language bits', () => {
    const derived = deriveCommonWords();
    const list = readWordList(writeWordList(derived));
    expect(list.size).toBe(derived.size);
    for (const [word, bits] of derived) if (list.get(word) !== bits) expect(list.get(word), word).toBe(bits);
    for (const absent of ['wirecard', '', 'a', 'zzzzzz', '\u00ff', 'quiz ']) expect(list.get(absent)).toBe(derived.get(absent));
    expect(commonWordBits(list, 'puma') & languageBit('de')).not.toBe(0);
  });

  it('looks a word up in a small list at its first line, its last line and between lines', () => {
    const list = readWordList(writeWordList(new Map([['match', 3], ['ab', 1], ['zug', 8], ['quiz', 2]])));
    expect(['ab', 'match', 'quiz', 'zug', 'aa', 'mat', 'zz', 'zu'].map((w) => list.get(w))).toEqual([1, 3, 2, 8, undefined, undefined, undefined, undefined]);
    expect(readWordList('').get('ab')).toBeUndefined();
  });
});
