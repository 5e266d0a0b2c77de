import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDictionaryWords, COMMON_WORD_LANGUAGES, readWordList, type CommonWords } from '../analysis/linking/common-words.js';
import { parseLinkModel, type LinkModel } from '../analysis/linking/link-model.js';
import { UserError } from '../platform/errors.js';

/** The linking weights shipped with Bonitor, fitted by scripts/fit-link-model.ts on the labelled development corpus. */
export const SHIPPED_LINK_MODEL = fileURLToPath(new URL('../analysis/linking/link-model.json', import.meta.url));

let commonWords: CommonWords | undefined;

/**
 * Where the build wrote the folded word list (scripts/build.ts, esbuild `define`), relative to
 * this source file as the compiled CLI sees it; undefined when the sources run as they are.
 */
declare const BONITOR_COMMON_WORDS: string | undefined;

/**
 * Ordinary words of German, English, French and Italian from the Hunspell dictionaries the
 * `dictionary-de`, `-en`, `-fr`, `-it` packages ship. The compiled CLI reads the list the build
 * derived from them (a few ms, looked up in place); the sources derive it (about 0.2 s of CPU).
 */
export function loadCommonWords(): CommonWords {
  if (commonWords) return commonWords;
  if (typeof BONITOR_COMMON_WORDS !== 'undefined') {
    const built = new URL(BONITOR_COMMON_WORDS, import.meta.url);
    if (existsSync(built)) return (commonWords = readWordList(readFileSync(built, 'utf8')));
  }
  return (commonWords = deriveCommonWords());
}

/** The words as the dictionaries give them, folded (what the build writes with writeWordList). */
export function deriveCommonWords(): Map<string, number> {
  const words = new Map<string, number>();
  for (const lang of COMMON_WORD_LANGUAGES) {
    const dir = dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`)));
    addDictionaryWords(words, lang, readFileSync(join(dir, 'index.dic'), 'utf8'));
  }
  return words;
}

/** Reads and validates a linking weights file (the shipped one by default), with the vocabulary its features read. */
export function loadLinkModel(file: string = SHIPPED_LINK_MODEL): LinkModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the linking weights ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
  let model: LinkModel;
  try {
    model = parseLinkModel(json);
  } catch (err) {
    throw new UserError(`${file} is not a linking weights file: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
  return { ...model, commonWords: loadCommonWords() };
}
