import { COUNTRY_LANGUAGES, SPORTS_WORDS_FR } from './cue-words.js';
import { flagsAround, gapBefore, isCapitalised, rawToken, startsSentence, type DocumentContext } from './document-context.js';
import { ABBREVIATIONS } from './feature-words.js';
import { put } from './feature-catalogue.js';
import type { NameSpan } from './find-candidates.js';
import { industrySectionsOfWord } from './industry-words.js';
import type { FeatureValues } from './link-model.js';
import type { CustomerProfile } from './watchlist-index.js';
import { ACADEMIC, BUSINESS, HISTORIC, PERSON, SPORTS } from './word-cues.js';

const WINDOW = 15;
// "le groupe belge Louis Delhaize", "USA-based Merck & Co", "Nestlé (Schweiz)": a country this close describes the mention.
const NEAR_BEFORE = 4;
const NEAR_AFTER = 3;

/**
 * What the words around the mention are about: business, sports, research, history, a person's
 * life, the customer's industry or another one. `otherEntity`: the words right around the mention
 * already name another entity (an extension, a person, another legal form), so the business and
 * industry words nearby are about that one and count for nothing.
 */
export function addWindowCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, otherEntity: boolean, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  const from = Math.max(0, span.start - WINDOW);
  const to = Math.min(norms.length, span.end + WINDOW);
  const flags = flagsAround(ctx, from, to, span.start, span.end);
  if (flags & BUSINESS && !otherEntity) put(f, 'business_near');
  if (!profile.sports && (flags & SPORTS || (ctx.lang === 'fr' && frenchSportsWord(ctx, from, to, span)))) put(f, 'sports_near');
  if (flags & ACADEMIC && cueWordWritten(ctx, from, to, span, ACADEMIC)) put(f, 'academic_near');
  if (flags & HISTORIC && yearWritten(ctx, from, to, span)) put(f, 'historic_year_near');
  if (flags & PERSON && cueWordWritten(ctx, from, to, span, PERSON)) put(f, 'person_word_near');
  if (!profile.industryWords || otherEntity) return;
  let other = false;
  for (let k = from; k < to; k++) {
    if (k >= span.start && k < span.end) continue;
    const norm = norms[k]!;
    if (profile.industryWords.has(norm)) return put(f, 'industry_near');
    if (!other && profile.sports === false) {
      const sections = industrySectionsOfWord(norm);
      if (sections && !sections.includes(profile.industrySection!)) other = true;
    }
  }
  if (other) put(f, 'industry_other_near');
}

/**
 * A word of a person's life or of research in the window that is written as a word: outside German,
 * a capitalised one inside a sentence belongs to a name ("Gordon Brothers", "Drewry Maritime Research").
 */
function cueWordWritten(ctx: DocumentContext, from: number, to: number, span: NameSpan, flag: number): boolean {
  if (ctx.lang === 'de') return true;
  const { words } = ctx.tokens;
  for (let k = from; k < to; k++) {
    if ((k >= span.start && k < span.end) || !((words[k]!.cue?.flags ?? 0) & flag)) continue;
    if (!isCapitalised(rawToken(ctx, k)) || startsSentence(ctx, k, ABBREVIATIONS)) return true;
  }
  return false;
}

function frenchSportsWord(ctx: DocumentContext, from: number, to: number, span: NameSpan): boolean {
  const { norms } = ctx.tokens;
  for (let k = from; k < to; k++) if ((k < span.start || k >= span.end) && SPORTS_WORDS_FR.has(norms[k]!)) return true;
  return false;
}

/** A year in the window that is not a count: "1886 in Stuttgart", not "fast 1900 Mitarbeiter". */
function yearWritten(ctx: DocumentContext, from: number, to: number, span: NameSpan): boolean {
  const { words } = ctx.tokens;
  for (let k = from; k < to; k++) {
    if ((k >= span.start && k < span.end) || !((words[k]!.cue?.flags ?? 0) & HISTORIC)) continue;
    const next = k + 1 < words.length && /^\s+$/.test(gapBefore(ctx, k + 1)) ? words[k + 1]!.cue?.flags ?? 0 : 0;
    if ((next & BUSINESS) === 0) return true;
  }
  return false;
}

/** What the whole document says against what the watchlist entry knows: country, language, its ids, how often it is named. */
export function addDocumentCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, acronym: boolean, customerId: string, competitors: number, f: FeatureValues): void {
  if (profile.country !== '') {
    const own = ctx.countries.get(profile.country) ?? 0;
    let others = 0;
    for (const [country, n] of ctx.countries) if (country !== profile.country) others += n;
    if (own > 0) put(f, 'country_match');
    else if (others > 0) put(f, 'country_other');
    const langs = COUNTRY_LANGUAGES[profile.country];
    const foreignLanguage = langs !== undefined && ctx.lang !== '' && !langs.includes(ctx.lang);
    // English is the business press's common language: a German or French company in English news is usual, in Italian news less so.
    if (langs && ctx.lang !== '') put(f, !foreignLanguage ? 'language_match' : ctx.lang === 'en' ? 'language_english' : 'language_other');
    if (acronym && foreignLanguage && own === 0) put(f, 'acronym_foreign');
    addNearCountry(ctx, span, profile.country, f);
  }
  if (ctx.identified.has(customerId)) put(f, 'id_in_document');
  if ((ctx.mentionCounts.get(customerId) ?? 0) >= 2) put(f, 'repeated');
  if (ctx.tokens.starts[span.start]! < ctx.titleEnd) put(f, 'in_title');
  if (competitors > 0) put(f, 'competing');
}

function addNearCountry(ctx: DocumentContext, span: NameSpan, country: string, f: FeatureValues): void {
  const { words } = ctx.tokens;
  let other = false;
  for (let k = Math.max(0, span.start - NEAR_BEFORE); k < Math.min(words.length, span.end + NEAR_AFTER); k++) {
    if (k >= span.start && k < span.end) continue;
    const countries = words[k]!.cue?.countries;
    if (!countries) continue;
    if (countries.includes(country)) return put(f, 'country_near_match');
    other = true;
  }
  if (other) put(f, 'country_near_other');
}
