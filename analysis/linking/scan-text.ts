import { foldLowerName } from '../text/fold.js';
import { foldToken } from './normalize-name.js';
import type { TrieNode } from './watchlist-index.js';
import { compoundPrefixes, wordCue, type WordCue } from './word-cues.js';

/** Folded tokens, their offsets and what each word tells as parallel arrays: the document scanner's hot path. */
export interface TokenStream {
  norms: string[];
  starts: number[];
  ends: number[];
  /** Per token, the facts of its word (cue, endings), found in the same lookup as its fold. */
  words: WordInfo[];
}

/** What the linker needs to know about one distinct word, worked out once and remembered. */
export interface WordInfo {
  norm: string;
  /** Business, sports, country, language, research words: what it tells the features. */
  cue: WordCue | undefined;
  /** The word without a final "s" ("Holcims" → "holcim"), for genitives and plurals; undefined when it has none. */
  bare: string | undefined;
  /** Where the word is a German compound with a known head ("Migroschef"), its possible first parts. */
  compoundPrefixes: readonly string[] | undefined;
  /** The id of the watchlist trie last looked in and the word's entries there (find-candidates.ts fills them). */
  rootId?: number;
  rootNode?: TrieNode;
  rootBare?: TrieNode;
}

// News repeats its words: one map lookup per token gives the fold and the facts of the word.
const WORDS = new Map<string, WordInfo>();
const WORDS_LIMIT = 200_000;
const AMPERSAND: WordInfo = { norm: '&', cue: undefined, bare: undefined, compoundPrefixes: undefined };
const CONJUNCTIONS = new Set(['und', 'and', 'et']);

function infoOf(norm: string): WordInfo {
  return {
    norm,
    cue: wordCue(norm),
    bare: norm.length > 3 && norm.charCodeAt(norm.length - 1) === 115 /* s */ ? norm.slice(0, -1) : undefined,
    compoundPrefixes: compoundPrefixes(norm),
  };
}

function infoOfLower(w: string): WordInfo {
  let info = WORDS.get(w);
  if (info === undefined) {
    const f = foldLowerName(w);
    info = infoOf(CONJUNCTIONS.has(f) ? '&' : f);
    if (WORDS.size >= WORDS_LIMIT) WORDS.clear();
    WORDS.set(w, info);
  }
  return info;
}

// Per UTF-16 unit: 1 = letter or digit, 2 = lower-case letter (of the lower-cased text), 128 = classified.
const WORD = 1;
const LOWER = 2;
const CLASS = new Uint8Array(65_536);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const LOWER_CHAR = /^\p{Ll}$/u;

function classOf(code: number): number {
  let c = CLASS[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = 128 | (WORD_CHAR.test(ch) ? WORD : 0) | (LOWER_CHAR.test(ch) ? LOWER : 0);
    CLASS[code] = c;
  }
  return c;
}

/** UTF-16 units of the letter or digit at `i`, 0 when there is none (astral letters take two). */
function wordWidth(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return classOf(code) & WORD ? 1 : 0;
  const cp = s.codePointAt(i)!;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
}

const UPPER_CHAR = /^\p{Lu}$/u;

/** An upper-case letter at `i` of the original text. */
function upperAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_CHAR.test(s[i]!);
}

/**
 * "P&G", "AT&T": one or two capitals, "&", one or two more and then no letter or digit (the end of
 * such a token), else -1; read in the original text, as the watchlist's tokenizer reads it ("B&Bs" is three tokens).
 * Split, their letters would be meaningless.
 */
function ampersandWordEnd(text: string, lower: string, start: number): number {
  let k = 0;
  if (!upperAt(text, start)) return -1;
  if (lower.charCodeAt(start + 1) === 38) k = 1;
  else if (upperAt(text, start + 1) && lower.charCodeAt(start + 2) === 38) k = 2;
  else return -1;
  const q = start + k + 1;
  for (let m = 2; m >= 1; m--) {
    let ok = true;
    for (let j = 0; j < m && ok; j++) ok = upperAt(text, q + j);
    if (ok && (q + m >= lower.length || wordWidth(lower, q + m) === 0)) return q + m;
  }
  return -1;
}

// The original-case pattern, for the rare text whose length changes when lower-cased ("İ").
const TOKEN_RE = /\p{Lu}{1,2}&\p{Lu}{1,2}(?![\p{L}\p{N}])|[\p{L}\p{N}]+|&/gu;

/**
 * Splits a text into word tokens (runs of letters and digits; "&" alone; "P&G", "AT&T" whole) with
 * their folds and word facts. Hyphens, dots and apostrophes separate tokens ("Migros-Chef"). The text
 * is lower-cased once and walked by character code, which is several times cheaper than a regular
 * expression plus a fold per word.
 */
export function scanTokens(text: string): TokenStream {
  const lower = text.toLowerCase();
  const out: TokenStream = { norms: [], starts: [], ends: [], words: [] };
  if (lower.length !== text.length) return scanByPattern(text, out);
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (code === 38) {
      push(out, AMPERSAND, i, i + 1);
      i++;
      continue;
    }
    let w = wordWidth(lower, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    if (w === 1 && (lower.charCodeAt(i + 1) === 38 || lower.charCodeAt(i + 2) === 38) && classOf(code) & LOWER) {
      const end = ampersandWordEnd(text, lower, start);
      if (end > 0) {
        push(out, infoOfLower(lower.slice(start, end)), start, end);
        i = end;
        continue;
      }
    }
    i += w;
    while (i < n && (w = wordWidth(lower, i)) > 0) i += w;
    push(out, infoOfLower(lower.slice(start, i)), start, i);
  }
  return out;
}

function scanByPattern(text: string, out: TokenStream): TokenStream {
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    push(out, infoOf(foldToken(m[0])), m.index, m.index + m[0].length);
  }
  return out;
}

function push(out: TokenStream, info: WordInfo, start: number, end: number): void {
  out.norms.push(info.norm);
  out.starts.push(start);
  out.ends.push(end);
  out.words.push(info);
}
