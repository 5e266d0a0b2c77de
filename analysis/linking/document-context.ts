import { CURRENCY_SIGNS } from './cue-words.js';
import type { TokenStream } from './scan-text.js';

/** What the features of every mention in one document share: tokens, language, country cues. */
export interface DocumentContext {
  text: string;
  tokens: TokenStream;
  /** Character offset where the title ends (0 without a title). */
  titleEnd: number;
  lang: string;
  /** Country → how many cue words of it the document has (places, institutions, currencies). */
  countries: Map<string, number>;
  /** Customers found by a register id or web domain in this document. */
  identified: Set<string>;
  /** Customer → how many name spans of it the document has. */
  mentionCounts: Map<string, number>;
  /** Filled on first use by the feature functions. */
  cache: {
    lowerCaseWords?: Set<string>;
    titleCaseLines?: Map<number, boolean>;
  };
}

/** One pass over the tokens: country cues and language votes. */
export function createDocumentContext(
  text: string,
  tokens: TokenStream,
  titleEnd: number,
  lang: string | undefined,
  identified: Set<string>,
  mentionCounts: Map<string, number>,
): DocumentContext {
  const countries = new Map<string, number>();
  const langVotes = new Map<string, number>();
  const { norms, words } = tokens;
  for (let k = 0; k < norms.length; k++) {
    const cue = words[k]!.cue;
    if (!cue) continue;
    if (cue.countries) for (const c of cue.countries) countries.set(c, (countries.get(c) ?? 0) + 1);
    if (!lang && cue.lang) langVotes.set(cue.lang, (langVotes.get(cue.lang) ?? 0) + 1);
  }
  for (const [sign, cs] of CURRENCY_SIGNS) if (text.includes(sign)) for (const c of cs) countries.set(c, (countries.get(c) ?? 0) + 1);
  // "Fr. 12.50", "CHF 3 Mio.": the Swiss franc is written before the amount.
  if (text.includes('Fr') && /\b(?:Fr|sFr)\.\s?\d/.test(text)) countries.set('CH', (countries.get('CH') ?? 0) + 1);
  let detected = lang ?? '';
  if (!lang) {
    let best = 0;
    for (const [l, n] of langVotes) if (n > best) [detected, best] = [l, n];
  }
  return { text, tokens, titleEnd, lang: detected, countries, identified, mentionCounts, cache: {} };
}

/** The word-cue flags (BUSINESS, SPORTS, ACADEMIC, HISTORIC) of the tokens in [from, to) outside [skipFrom, skipTo), ORed. */
export function flagsAround(ctx: DocumentContext, from: number, to: number, skipFrom: number, skipTo: number): number {
  const { words } = ctx.tokens;
  let flags = 0;
  for (let k = from; k < to; k++) if (k < skipFrom || k >= skipTo) flags |= words[k]!.cue?.flags ?? 0;
  return flags;
}

/** The characters between token i-1 and token i ("" before the first). */
export function gapBefore(ctx: DocumentContext, i: number): string {
  if (i <= 0) return '';
  return ctx.text.slice(ctx.tokens.ends[i - 1], ctx.tokens.starts[i]);
}

/** The raw token as written. */
export function rawToken(ctx: DocumentContext, i: number): string {
  return ctx.text.slice(ctx.tokens.starts[i], ctx.tokens.ends[i]);
}

export function isCapitalised(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(raw);
}

/** Token i begins a sentence, a line or the text: its capital says nothing. */
export function startsSentence(ctx: DocumentContext, i: number, abbreviations: ReadonlySet<string>): boolean {
  if (i === 0) return true;
  const gap = gapBefore(ctx, i);
  if (gap.includes('\n')) return true;
  if (!/[.!?:;]/.test(gap)) return false;
  // "Dr. Meier", "St. Gallen": a dot after an abbreviation does not end the sentence.
  return !(/^\.\s*$/.test(gap) && abbreviations.has(ctx.tokens.norms[i - 1]!));
}

/** Folded words that appear somewhere with a lower-case first letter. */
export function lowerCaseWords(ctx: DocumentContext): Set<string> {
  if (ctx.cache.lowerCaseWords) return ctx.cache.lowerCaseWords;
  const out = new Set<string>();
  const { norms, starts } = ctx.tokens;
  for (let k = 0; k < norms.length; k++) {
    const c = ctx.text.charCodeAt(starts[k]!);
    if (c >= 97 && c <= 122) out.add(norms[k]!);
  }
  return (ctx.cache.lowerCaseWords = out);
}

