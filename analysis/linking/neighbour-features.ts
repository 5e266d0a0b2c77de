import { BUSINESS_AFTER, CLUB_AFTER, CLUB_BEFORE, OBJECT_WORDS, ROLES, TITLES, VENUE_AFTER } from './cue-words.js';
import { gapBefore, isCapitalised, rawToken, startsSentence, type DocumentContext } from './document-context.js';
import { put } from './feature-catalogue.js';
import { ABBREVIATIONS, COUNTRY_OF_NAME, FIRST_NAMES, PARTICLES, PLACES, SPACE_ONLY, SPACE_OR_HYPHEN } from './feature-words.js';
import type { NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import { isGroupWord, isLegalFormToken, isStructuralToken, legalFormInText } from './normalize-name.js';
import type { CustomerProfile } from './watchlist-index.js';
import { BUSINESS, DESCRIPTOR } from './word-cues.js';

const GERMAN_ARTICLE_PARTICLES = new Set(['der', 'das']);

// "Bury-based", "Zürich-basierte": the name is a place.
const BASED = new Set(['based', 'basierte', 'basierten', 'basiertes', 'basierter']);

/**
 * The words right before and after a mention: a different entity that extends the name ("Siemens
 * Energy", "FC X", "X Arena", "Deutsche Post" for a Swiss customer), or a company noun that
 * describes it ("Schuhhändler Reno").
 */

/** After the name: a club or venue word, a number, another country or town, or capitalised words that are not its names. */
export function addExtensionCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const next = span.end;
  if (next >= ctx.tokens.norms.length) return;
  const gap = gapBefore(ctx, next);
  if (isExchangeTicker(ctx, span, gap)) return put(f, 'exchange_ticker');
  if (!SPACE_OR_HYPHEN.test(gap)) return;
  const norm = ctx.tokens.norms[next]!;
  const raw = rawToken(ctx, next);
  if (/^-$/.test(gap.trim()) && /^\p{Ll}/u.test(raw) && !BUSINESS_AFTER.has(norm)) return put(f, BASED.has(norm) ? 'place_based' : 'hyphen_suffix_lower');
  if (/^\d{2,4}$/.test(raw) && SPACE_ONLY.test(gap)) return put(f, 'number_after');
  // Plurals count as their noun: "Telekom Baskets", "Deutsche-Bank-Chefs".
  const base = norm.length > 3 && norm.endsWith('s') ? norm.slice(0, -1) : norm;
  if ((CLUB_AFTER.has(norm) || CLUB_AFTER.has(base)) && isCapitalised(raw)) return put(f, 'club_after');
  if ((VENUE_AFTER.has(norm) || VENUE_AFTER.has(base)) && isCapitalised(raw)) return put(f, 'venue_after');
  if (BUSINESS_AFTER.has(norm) || BUSINESS_AFTER.has(base)) return put(f, 'business_after');
  if (profile.nameTokens.has(norm) || isGroupWord(norm) || isLegalFormToken(norm)) return;
  if (!SPACE_ONLY.test(gap)) {
    if ((gap === '-' || gap === '\u2011') && isCapitalised(raw)) {
      // "Signa-Pleite", "Siemens-Manager", "Signa-Muttergesellschaft": the company's own business or people.
      if (((ctx.tokens.words[next]!.cue?.flags ?? 0) & BUSINESS) !== 0 || ROLES.has(norm)) return put(f, 'business_after');
      put(f, 'hyphen_suffix_upper');
    }
    return;
  }
  if (!isCapitalised(raw)) {
    // Not "verdirbt Continental das Reifengeschäft" (a German article) nor "Camaïeu de France" (a place).
    const article = ctx.lang === 'de' && GERMAN_ARTICLE_PARTICLES.has(raw);
    if (PARTICLES.has(raw) && !article && next + 1 < ctx.tokens.norms.length && SPACE_ONLY.test(gapBefore(ctx, next + 1)) && isCapitalised(rawToken(ctx, next + 1)) && !ctx.tokens.words[next + 1]!.cue?.countries) put(f, 'particle_after');
    return;
  }
  const countries = COUNTRY_OF_NAME.get(norm);
  if (countries) {
    if (!countries.includes(profile.country)) put(f, 'country_suffix_other');
    return;
  }
  if (PLACES.has(norm) || (norm.endsWith('s') && PLACES.has(norm.slice(0, -1)))) return put(f, 'place_after');
  if (extendsToLegalForm(ctx, next)) put(f, 'extension_legal_form');
  if (extendsFurther(ctx, next, profile)) put(f, 'extension_long');
  if (isTitleCaseLine(ctx, span.start)) put(f, 'extension_after_titlecase');
  else put(f, ctx.lang === 'de' ? 'extension_after_de' : 'extension_after');
}

export function addBeforeCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, atStart: boolean, f: FeatureValues): void {
  const prev = span.start - 1;
  if (prev < 0 || atStart) return;
  const gap = gapBefore(ctx, span.start);
  if (gap === '-' && /\p{L}/u.test(rawToken(ctx, prev)) && !profile.nameTokens.has(ctx.tokens.norms[prev]!)) return put(f, 'hyphen_prefix');
  const norm = ctx.tokens.norms[prev]!;
  const raw = rawToken(ctx, prev);
  if (CLUB_BEFORE.has(norm) && SPACE_OR_HYPHEN.test(gap) && isCapitalised(raw)) return put(f, 'club_before');
  if (!SPACE_ONLY.test(gap) || !isCapitalised(raw) || profile.nameTokens.has(norm) || isStructuralToken(norm)) return;
  if (TITLES.has(norm) || ROLES.has(norm) || FIRST_NAMES.has(norm)) return;
  // "René Benkos Signa Holding", "Elon Musks Tesla": a person's possessive, not a longer name.
  if (prev > 0 && norm.endsWith('s') && SPACE_ONLY.test(gapBefore(ctx, prev)) && FIRST_NAMES.has(ctx.tokens.norms[prev - 1]!) && isCapitalised(rawToken(ctx, prev - 1))) return;
  const countries = COUNTRY_OF_NAME.get(norm);
  if (countries) {
    if (!countries.includes(profile.country)) put(f, 'country_prefix_other');
    return;
  }
  // A capitalised word that only starts its sentence ("Bei Migros") says nothing.
  if (startsSentence(ctx, prev, ABBREVIATIONS) && !isNameLike(raw)) return;
  put(f, ctx.lang === 'de' ? 'extension_before_de' : 'extension_before');
}

// English object words that are verbs too ("Citgo signs a deal", "Continental guides investors"):
// a noun only after a determiner, a number or a possessive before the name ("the Citgo sign", "two Michelin stars", "Boston's Citgo sign").
const VERB_TOO = new Set(['sign', 'signs', 'star', 'stars', 'guide', 'guides']);
const NOUN_LANGS = new Set(['de', 'fr', 'it']);
const VERB_BEFORE = new Set(['sign', 'signs', 'star', 'stars', 'guides']);
// Up to two adjectives may stand between: "the original Citgo sign", "a bright, conspicuous CITGO gas sign".
const DETERMINED = /(?:^|[\s(“"])(?:the|a|an|this|its|their|his|her|our|one|two|three|\d+|\p{L}+['’]s)\s+(?:\p{Ll}+,?\s+){0,2}$/iu;

/**
 * "Michelin stars", "étoile Michelin", "the Citgo (gas) sign", "Continental breakfast", "Bosch-Horn":
 * a product, an award or a landmark word right beside the name — the brand as a thing, not the company.
 */
export function addObjectCues(ctx: DocumentContext, span: NameSpan, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  const prev = span.start - 1;
  // Before the name, only nouns: "étoile Michelin", "Guide Michelin" — "Ford signs Continental" is a verb.
  if (prev >= 0 && SPACE_ONLY.test(gapBefore(ctx, span.start)) && OBJECT_WORDS.has(norms[prev]!) && !VERB_BEFORE.has(norms[prev]!)) return put(f, 'object_near');
  let at = span.end;
  if (at >= norms.length || !SPACE_OR_HYPHEN.test(gapBefore(ctx, at))) return;
  // One lower-case word may stand between: "CITGO gas sign".
  if (!OBJECT_WORDS.has(norms[at]!) && at + 1 < norms.length && SPACE_ONLY.test(gapBefore(ctx, at)) && SPACE_ONLY.test(gapBefore(ctx, at + 1)) && /^\p{Ll}/u.test(rawToken(ctx, at))) at++;
  const norm = norms[at]!;
  if (!OBJECT_WORDS.has(norm)) return;
  // German, French and Italian nouns are nouns ("das legendäre Bosch-Horn"); a text too short to tell its language is read as English.
  if (!NOUN_LANGS.has(ctx.lang) && VERB_TOO.has(norm) && !DETERMINED.test(ctx.text.slice(Math.max(0, ctx.tokens.starts[span.start]! - 40), ctx.tokens.starts[span.start]))) return;
  put(f, 'object_near');
}

/** "Schuhhändler Reno", "retailer Wilko", "le groupe (belge) Louis Delhaize": a company noun right before, or before one lower-case adjective. */
export function describedBefore(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile): boolean {
  const { words, norms } = ctx.tokens;
  for (let k = span.start - 1, hops = 0; k >= 0 && hops < 2; k--, hops++) {
    if (!SPACE_ONLY.test(gapBefore(ctx, k + 1)) || profile.nameTokens.has(norms[k]!)) return false;
    if (((words[k]!.cue?.flags ?? 0) & DESCRIPTOR) !== 0) return true;
    if (isCapitalised(rawToken(ctx, k))) return false;
  }
  return false;
}

/** Up to three capitalised words from token `from` on, then a legal form: "Signa [Retail Selection] AG". */
function extendsToLegalForm(ctx: DocumentContext, from: number): boolean {
  const { norms } = ctx.tokens;
  for (let k = from; k < Math.min(norms.length, from + 3); k++) {
    if (!isCapitalised(rawToken(ctx, k))) return false;
    if (k + 1 < norms.length && SPACE_ONLY.test(gapBefore(ctx, k + 1)) && legalFormInText(norms, ctx.text, ctx.tokens.starts, ctx.tokens.ends, k + 1)) return true;
    if (!SPACE_ONLY.test(gapBefore(ctx, k + 1))) return false;
  }
  return false;
}

/** The capitalised word at `at` is followed by another capitalised word that is not one of the customer's: "Rolls-Royce Motor Cars". */
function extendsFurther(ctx: DocumentContext, at: number, profile: CustomerProfile): boolean {
  const k = at + 1;
  if (k >= ctx.tokens.norms.length || !SPACE_ONLY.test(gapBefore(ctx, k))) return false;
  const norm = ctx.tokens.norms[k]!;
  return isCapitalised(rawToken(ctx, k)) && !profile.nameTokens.has(norm) && !isLegalFormToken(norm) && !BUSINESS_AFTER.has(norm);
}

/** A word that keeps its capital mid-sentence elsewhere, or is written in capitals: a name part rather than a sentence opener. */
function isNameLike(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase();
}

function isTitleCaseLine(ctx: DocumentContext, at: number): boolean {
  // German writes every noun with a capital: a line of capitals is no headline style there ("Einwechslung bei Bayer Leverkusen").
  if (ctx.lang === 'de') return false;
  const { text, tokens } = ctx;
  const lineStart = text.lastIndexOf('\n', tokens.starts[at]!) + 1;
  const lines = (ctx.cache.titleCaseLines ??= new Map());
  const known = lines.get(lineStart);
  if (known !== undefined) return known;
  const nl = text.indexOf('\n', lineStart);
  const lineEnd = nl < 0 ? text.length : nl;
  let words = 0;
  let caps = 0;
  for (let k = at; k >= 0 && tokens.starts[k]! >= lineStart; k--) {
    if (tokens.ends[k]! - tokens.starts[k]! < 4) continue;
    words++;
    if (isCapitalised(rawToken(ctx, k))) caps++;
  }
  for (let k = at + 1; k < tokens.starts.length && tokens.starts[k]! < lineEnd; k++) {
    if (tokens.ends[k]! - tokens.starts[k]! < 4) continue;
    words++;
    if (isCapitalised(rawToken(ctx, k))) caps++;
  }
  const titleCase = words >= 3 && caps / words >= 0.7;
  lines.set(lineStart, titleCase);
  return titleCase;
}

const TICKER = /^\p{Lu}{1,5}$/u;

// Stock exchanges as news codes them before a ticker, by country: "Merck (NYSE: MRK)" is listed in New York.
const EXCHANGE_COUNTRY = new Map<string, string>([
  ...['nyse', 'nasdaq', 'amex', 'otc', 'otcqx', 'nysearca'].map((x): [string, string] => [x, 'US']),
  ...['lse', 'lon', 'aim'].map((x): [string, string] => [x, 'GB']),
  ...['six', 'swx', 'vtx'].map((x): [string, string] => [x, 'CH']),
  ...['xetra', 'etr', 'fra', 'fwb'].map((x): [string, string] => [x, 'DE']),
  ...['epa', 'par'].map((x): [string, string] => [x, 'FR']),
  ...['bit', 'mil'].map((x): [string, string] => [x, 'IT']),
  ...['vie', 'wbag'].map((x): [string, string] => [x, 'AT']),
]);

/**
 * Where the name (with its legal form) is followed by "(EXCHANGE: TICKER)": the company listed on an
 * exchange of its own country (`listed_home`) or of another (`listed_abroad`: "Merck (NYSE: MRK)" is
 * Merck & Co of New Jersey, not Merck KGaA of Darmstadt).
 */
export function addListingCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  // The word after the name is looked up first: most are no exchange, and nothing is sliced for them.
  let at = span.end;
  let country = EXCHANGE_COUNTRY.get(norms[at] ?? '');
  if (!country) {
    const form = legalFormInText(norms, ctx.text, ctx.tokens.starts, ctx.tokens.ends, at);
    if (!form) return;
    at += form.length;
    country = EXCHANGE_COUNTRY.get(norms[at] ?? '');
  }
  if (!country || at + 1 >= norms.length || !/^\s*\($/.test(gapBefore(ctx, at))) return;
  if (!/^:\s?$/.test(gapBefore(ctx, at + 1)) || !TICKER.test(rawToken(ctx, at + 1))) return;
  if (profile.country !== '') put(f, country === profile.country ? 'listed_home' : 'listed_abroad');
}

/** "(LSE: EZJ)", "(NYSE:F)": an exchange code before a ticker in parentheses is where a company's shares trade. */
function isExchangeTicker(ctx: DocumentContext, span: NameSpan, gap: string): boolean {
  if (!/^:\s?$/.test(gap) || !TICKER.test(rawToken(ctx, span.end))) return false;
  const before = gapBefore(ctx, span.start);
  if (span.start === 0 ? !ctx.text.startsWith('(') : !before.endsWith('(')) return false;
  const after = ctx.text.slice(ctx.tokens.ends[span.end], ctx.tokens.ends[span.end]! + 1);
  return after === ')' || after === '.';
}
