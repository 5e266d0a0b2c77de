import FIRST_NAME_LIST from './first-names.json' with { type: 'json' };
import {
  BUSINESS_AFTER, CLUB_AFTER, CLUB_BEFORE, COUNTRY_LANGUAGES, COUNTRY_NAMES, COUNTRY_PLACES, PERSON_PRONOUNS, PERSON_VERBS, ROLES,
  TITLES, VENUE_AFTER,
} from './cue-words.js';
import { flagsAround, gapBefore, isCapitalised, lowerCaseWords, rawToken, startsSentence, type DocumentContext } from './document-context.js';
import type { CaseFit, NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import { isGroupWord, isLegalFormToken, isStructuralToken, legalFormAt, legalFormCountries } from './normalize-name.js';
import type { CustomerProfile, NameVariant } from './watchlist-index.js';
import { ACADEMIC, BUSINESS, DESCRIPTOR, HISTORIC, SPORTS } from './word-cues.js';

/**
 * Every feature the linking model knows, with what it means. The weights live in link-model.json;
 * `bonitor link` shows the ones that fired for each match.
 */
export const FEATURE_DOCS = {
  name: "the customer's own name (legal form aside)",
  alias: 'one of its aliases',
  reduced: 'its name without a group word ("Helix" for "Helix Group")',
  multi_word: 'two or more telling words',
  acronym: 'an acronym in its own spelling ("UBS")',
  acronym_title_case: 'an acronym written like a word ("Tim" for TIM)',
  short_single: 'one short word of four letters or fewer',
  compound: 'the first part of a German compound ("Migroschef")',
  inflected: 'with a genitive or plural s ("Holcims")',
  generic_name: 'only places and sector words ("Zurich Insurance")',
  upper_text: 'written in capitals (a headline)',
  legal_form: 'a legal form follows ("AG", "S.p.A.", "Ltd")',
  legal_form_foreign: "the legal form that follows is not one of the customer's country",
  legal_form_other: 'a foundation, association or cooperative form follows that the customer does not have ("Robert Bosch Stiftung")',
  sentence_start: 'at the start of a sentence, where every word has a capital',
  lowercase_elsewhere: 'the same word appears in lower case in the text: an ordinary word',
  name_is_first_name: 'the name is also a first name ("Tim")',
  person_name: 'the name is a first name and a surname ("Thomas Cook", "Hugo Boss")',
  first_name_before: 'a first name right before ("Thomas Meier")',
  initial_before: 'an initial right before ("T. Meier")',
  title_before: 'a title right before ("Herr", "Dr.", "Mr")',
  role_before: 'a role right before ("CEO", "Präsident", "coach")',
  person_verb_near: 'a verb of speaking or feeling right after or before ("sagte", "said")',
  person_pronoun_near: 'he/she/his/her/er/elle… shortly after',
  age_after: 'an age or life dates after the name ("Meier, 54,", "Bosch (1861 - 1942)")',
  person_relative_after: 'a relative pronoun for a person after a comma ("Meier, who", "Schindler, der")',
  hyphen_prefix: 'glued behind another word with a hyphen ("Klima-Allianz")',
  hyphen_suffix_lower: 'glued to a lower-case word with a hyphen ("Bury-based")',
  number_after: 'a number right after the name, as clubs have ("Bayer 04", "Hannover 96")',
  club_before: 'a club prefix before ("FC", "SC", "Olympique")',
  club_after: 'a team word after ("Basket", "Volley", "United")',
  venue_after: 'a venue or place word after ("Arena", "Stadion", "Park")',
  business_after: 'a word about the company after ("CEO", "Aktie", "Konzern")',
  business_before: 'a noun describing a company right before ("Schuhhändler Reno", "retailer Wilko", "le groupe Carrefour")',
  article_before: 'a single-word name right after an article ("der Salamander", "le Match", "the Quiz"): as common nouns are written',
  listed: 'in an enumeration with another watchlist name ("Kaufland/Real", "Görtz, Klauser und Salamander")',
  hyphen_suffix_upper: 'glued to a capitalised word with a hyphen ("Bosch-Horn", "Red Bull-Kollegen")',
  extension_legal_form: 'capitalised words after it, then a legal form: another registered entity ("Signa Retail Selection AG")',
  extension_after: 'a capitalised word after that is not part of its names ("Siemens Energy")',
  extension_after_de: 'as extension_after, in German text (where nouns have capitals)',
  extension_after_titlecase: 'as extension_after, in a headline with every word capitalised',
  country_suffix_other: 'another country after the name ("Nestlé Deutschland")',
  place_after: 'a town or region right after the name ("Red Bull Salzburg")',
  extension_before: 'a capitalised word before that is not part of its names ("Deutsche Post")',
  extension_before_de: 'as extension_before, in German text',
  country_prefix_other: 'another country before the name ("Deutsche Post" for a Swiss customer)',
  acronym_expanded_other: 'the text spells the acronym out as something else',
  acronym_expanded_same: "the text spells the acronym out as the customer's name",
  business_near: 'business words nearby ("Umsatz", "shares", "société")',
  sports_near: 'sports words nearby ("Tor", "match", "campionato")',
  academic_near: 'research or education words nearby ("research", "Studie", "université"): a school or an institute',
  historic_year_near: 'a year before 1950 nearby ("1841"): history and biographies, where names are people',
  particle_after: 'a particle and a capitalised word after the name ("Leonardo da Vinci"): a person',
  industry_near: "words of the customer's industry nearby",
  country_match: "places, institutions or currency of the customer's country in the text",
  country_other: "only other countries' places, institutions or currency in the text",
  language_match: "the text is in a language of the customer's country",
  language_other: "the text is in a language not spoken in the customer's country",
  id_in_document: "the customer's register id or web domain is in the document",
  repeated: 'named more than once in the document',
  in_title: 'named in the title',
  competing: "another customer's name is written the same way",
} as const;
export type Feature = keyof typeof FEATURE_DOCS;
export const FEATURES = Object.keys(FEATURE_DOCS) as Feature[];

const FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAME_LIST as string[]);
const ABBREVIATIONS = new Set([...TITLES, 'st', 'nr', 'art', 'co', 'inc', 'ltd', 'corp', 'bzw', 'vgl', 'ca']);
const COUNTRY_OF_NAME = new Map<string, string[]>();
for (const [country, words] of Object.entries(COUNTRY_NAMES)) for (const w of words) COUNTRY_OF_NAME.set(w, [...(COUNTRY_OF_NAME.get(w) ?? []), country]);
const PLACES = new Set(Object.values(COUNTRY_PLACES).flatMap((s) => [...s]));
const WINDOW = 15;
const NON_PROFIT_FORMS = new Set(['stiftung', 'ev', 'e', 'genossenschaft']);
// "Meier, who", "Schindler, der", "Bosch, dessen": a relative pronoun for a person.
const PERSON_RELATIVE = new Set(['who', 'whom', 'whose', 'der', 'dessen']);
// "(1861 - 1942)", "(54)", ", 54,": life dates and ages.
const LIFE_DATES = /^\s*(?:,\s*\d{2}\s*,|\(\s*\d{2}\s*\)|\(\s*(?:\*\s*)?\d{4}\s*[-–]\s*(?:\d{4})?\s*\))/;
const SPACE_ONLY = /^[ \t\u00a0]+$/;
// Articles before a noun; "&" is what "und"/"and"/"et" fold to, not an article.
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'le', 'la', 'les', 'un', 'une', 'il', 'lo', 'gli', 'uno', 'una', 'the', 'a', 'an']);
// Lower-case particles of family names ("de Vinci", "von der Leyen", "da Silva"), as written.
const PARTICLES = new Set(['de', 'von', 'van', 'da', 'di', 'du', 'del', 'della', 'der', 'zu', 'dos', 'das']);
const SPACE_OR_HYPHEN = /^[ \t\u00a0]*[-–]?[ \t\u00a0]*$/;

export interface Candidate {
  span: NameSpan;
  variant: NameVariant;
  fit: CaseFit;
  /** Other customers found on the same words. */
  competitors: number;
  /** In an enumeration with another candidate name. */
  listed: boolean;
}

export function mentionFeatures(ctx: DocumentContext, profile: CustomerProfile, c: Candidate): FeatureValues {
  const f: FeatureValues = new Map();
  const { span, variant: v } = c;
  const { norms } = ctx.tokens;
  put(f, v.kind);
  if (v.telling >= 2) put(f, 'multi_word');
  if (v.acronym) put(f, c.fit === 'acronym_title' ? 'acronym_title_case' : 'acronym');
  const single = v.tokens.length === 1 ? v.tokens[0]! : undefined;
  if (single !== undefined && v.exactCase[0] == null && single.length <= 4) put(f, 'short_single');
  if (span.compound) put(f, 'compound');
  if (span.inflected) put(f, 'inflected');
  if (v.generic) put(f, 'generic_name');
  if (c.fit === 'upper') put(f, 'upper_text');
  const form = legalFormAt(norms, span.end);
  if (form) {
    put(f, 'legal_form');
    const countries = legalFormCountries(form.key);
    if (countries && profile.country !== '' && !countries.includes(profile.country)) put(f, 'legal_form_foreign');
    const first = norms[span.end]!;
    if (NON_PROFIT_FORMS.has(first) && !profile.formTokens.has(first)) put(f, 'legal_form_other');
  }
  const atStart = startsSentence(ctx, span.start, ABBREVIATIONS);
  if (atStart) put(f, 'sentence_start');
  if (single !== undefined && lowerCaseWords(ctx).has(single)) put(f, 'lowercase_elsewhere');
  if (single !== undefined && FIRST_NAMES.has(single)) put(f, 'name_is_first_name');
  if (single === undefined && v.tokens.length <= 3 && FIRST_NAMES.has(v.tokens[0]!) && !v.acronym) put(f, 'person_name');

  addPersonCues(ctx, span, profile, f);
  if (describedBefore(ctx, span, profile)) put(f, 'business_before');
  if (c.listed) put(f, 'listed');
  if (single !== undefined && span.start > 0 && ARTICLES.has(norms[span.start - 1]!) && SPACE_ONLY.test(gapBefore(ctx, span.start))) put(f, 'article_before');
  if (!form) addExtensionCues(ctx, span, profile, f);
  addBeforeCues(ctx, span, profile, atStart, f);
  if (v.acronym) addAcronymCues(ctx, v, profile, f);

  const from = Math.max(0, span.start - WINDOW);
  const to = Math.min(norms.length, span.end + WINDOW);
  let industry = false;
  if (profile.industryWords) {
    for (let k = from; k < to && !industry; k++) if ((k < span.start || k >= span.end) && profile.industryWords.has(norms[k]!)) industry = true;
  }
  const flags = flagsAround(ctx, from, to, span.start, span.end);
  if (flags & BUSINESS) put(f, 'business_near');
  if (!profile.sports && flags & SPORTS) put(f, 'sports_near');
  if (flags & ACADEMIC) put(f, 'academic_near');
  if (flags & HISTORIC) put(f, 'historic_year_near');
  if (industry) put(f, 'industry_near');

  if (profile.country !== '') {
    const own = ctx.countries.get(profile.country) ?? 0;
    let others = 0;
    for (const [country, n] of ctx.countries) if (country !== profile.country) others += n;
    if (own > 0) put(f, 'country_match');
    else if (others > 0) put(f, 'country_other');
    const langs = COUNTRY_LANGUAGES[profile.country];
    if (langs && ctx.lang !== '') put(f, langs.includes(ctx.lang) ? 'language_match' : 'language_other');
  }
  if (ctx.identified.has(v.customerId)) put(f, 'id_in_document');
  if ((ctx.mentionCounts.get(v.customerId) ?? 0) >= 2) put(f, 'repeated');
  if (ctx.tokens.starts[span.start]! < ctx.titleEnd) put(f, 'in_title');
  if (c.competitors > 0) put(f, 'competing');
  return f;
}

function addPersonCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  const prev = span.start - 1;
  if (prev >= 0) {
    const gap = gapBefore(ctx, span.start);
    const prevRaw = rawToken(ctx, prev);
    const prevNorm = norms[prev]!;
    if (TITLES.has(prevNorm) && /^\.?\s+$/.test(gap)) put(f, 'title_before');
    else if (ROLES.has(prevNorm) && SPACE_ONLY.test(gap)) put(f, 'role_before');
    else if (SPACE_ONLY.test(gap) && isCapitalised(prevRaw) && FIRST_NAMES.has(prevNorm) && !profile.nameTokens.has(prevNorm)) put(f, 'first_name_before');
    else if (/^\.\s*$/.test(gap) && /^\p{Lu}$/u.test(prevRaw)) put(f, 'initial_before');
    else if (PARTICLES.has(prevRaw) && SPACE_ONLY.test(gap) && prev > 0 && SPACE_ONLY.test(gapBefore(ctx, prev))) {
      // "Léonard de Vinci", "Ursula von der Leyen": a first name, then a particle of a family name.
      const first = norms[prev - 1]!;
      if (isCapitalised(rawToken(ctx, prev - 1)) && FIRST_NAMES.has(first) && !profile.nameTokens.has(first)) put(f, 'first_name_before');
    }
  }
  for (let k = Math.max(0, span.start - 2); k < Math.min(norms.length, span.end + 3); k++) {
    if (k >= span.start && k < span.end) continue;
    if (PERSON_VERBS.has(norms[k]!)) {
      put(f, 'person_verb_near');
      break;
    }
  }
  for (let k = span.end; k < Math.min(norms.length, span.end + 8); k++) {
    if (PERSON_PRONOUNS.has(norms[k]!)) {
      put(f, 'person_pronoun_near');
      break;
    }
  }
  const after = ctx.text.slice(ctx.tokens.ends[span.end - 1], ctx.tokens.ends[span.end - 1]! + 16);
  if (LIFE_DATES.test(after)) put(f, 'age_after');
  if (span.end < norms.length && /^\s*,\s*$/.test(gapBefore(ctx, span.end)) && PERSON_RELATIVE.has(norms[span.end]!)) put(f, 'person_relative_after');
}

function addExtensionCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const next = span.end;
  if (next >= ctx.tokens.norms.length) return;
  const gap = gapBefore(ctx, next);
  if (!SPACE_OR_HYPHEN.test(gap)) return;
  const norm = ctx.tokens.norms[next]!;
  const raw = rawToken(ctx, next);
  if (/^-$/.test(gap.trim()) && /^\p{Ll}/u.test(raw) && !BUSINESS_AFTER.has(norm)) return put(f, 'hyphen_suffix_lower');
  if (/^\d{2,4}$/.test(raw) && SPACE_ONLY.test(gap)) return put(f, 'number_after');
  // Plurals count as their noun: "Telekom Baskets", "Deutsche-Bank-Chefs".
  const base = norm.length > 3 && norm.endsWith('s') ? norm.slice(0, -1) : norm;
  if ((CLUB_AFTER.has(norm) || CLUB_AFTER.has(base)) && isCapitalised(raw)) return put(f, 'club_after');
  if ((VENUE_AFTER.has(norm) || VENUE_AFTER.has(base)) && isCapitalised(raw)) return put(f, 'venue_after');
  if (BUSINESS_AFTER.has(norm) || BUSINESS_AFTER.has(base)) return put(f, 'business_after');
  if (profile.nameTokens.has(norm) || isGroupWord(norm) || isLegalFormToken(norm)) return;
  if (!SPACE_ONLY.test(gap)) {
    if ((gap === '-' || gap === '\u2011') && isCapitalised(raw)) put(f, 'hyphen_suffix_upper');
    return;
  }
  if (!isCapitalised(raw)) {
    if (PARTICLES.has(raw) && next + 1 < ctx.tokens.norms.length && SPACE_ONLY.test(gapBefore(ctx, next + 1)) && isCapitalised(rawToken(ctx, next + 1))) put(f, 'particle_after');
    return;
  }
  const countries = COUNTRY_OF_NAME.get(norm);
  if (countries) {
    if (!countries.includes(profile.country)) put(f, 'country_suffix_other');
    return;
  }
  if (PLACES.has(norm) || (norm.endsWith('s') && PLACES.has(norm.slice(0, -1)))) return put(f, 'place_after');
  if (extendsToLegalForm(ctx, next)) put(f, 'extension_legal_form');
  if (isTitleCaseLine(ctx, span.start)) put(f, 'extension_after_titlecase');
  else put(f, ctx.lang === 'de' ? 'extension_after_de' : 'extension_after');
}

function addBeforeCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, atStart: boolean, f: FeatureValues): void {
  const prev = span.start - 1;
  if (prev < 0 || atStart) return;
  const gap = gapBefore(ctx, span.start);
  if (gap === '-' && /\p{L}/u.test(rawToken(ctx, prev)) && !profile.nameTokens.has(ctx.tokens.norms[prev]!)) return put(f, 'hyphen_prefix');
  const norm = ctx.tokens.norms[prev]!;
  const raw = rawToken(ctx, prev);
  if (CLUB_BEFORE.has(norm) && SPACE_OR_HYPHEN.test(gap) && isCapitalised(raw)) return put(f, 'club_before');
  if (!SPACE_ONLY.test(gap) || !isCapitalised(raw) || profile.nameTokens.has(norm) || isStructuralToken(norm)) return;
  if (TITLES.has(norm) || ROLES.has(norm) || FIRST_NAMES.has(norm)) return;
  const countries = COUNTRY_OF_NAME.get(norm);
  if (countries) {
    if (!countries.includes(profile.country)) put(f, 'country_prefix_other');
    return;
  }
  // A capitalised word that only starts its sentence ("Bei Migros") says nothing.
  if (startsSentence(ctx, prev, ABBREVIATIONS) && !isNameLike(raw)) return;
  put(f, ctx.lang === 'de' ? 'extension_before_de' : 'extension_before');
}

/** "Schuhhändler Reno", "retailer Wilko", "le groupe (belge) Louis Delhaize": a company noun right before, or before one lower-case adjective. */
function describedBefore(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile): boolean {
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
    if (k + 1 < norms.length && SPACE_ONLY.test(gapBefore(ctx, k + 1)) && legalFormAt(norms, k + 1)) return true;
    if (!SPACE_ONLY.test(gapBefore(ctx, k + 1))) return false;
  }
  return false;
}

function put(f: FeatureValues, name: Feature): void {
  f.set(name, 1);
}

/** A word that keeps its capital mid-sentence elsewhere, or is written in capitals: a name part rather than a sentence opener. */
function isNameLike(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase();
}

function isTitleCaseLine(ctx: DocumentContext, at: number): boolean {
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

function addAcronymCues(ctx: DocumentContext, v: NameVariant, profile: CustomerProfile, f: FeatureValues): void {
  const acronym = v.exactCase.find((e) => e != null)!;
  const at = ctx.text.indexOf(`(${acronym})`);
  if (at < 0) return;
  // The capitalised words right before "(TIM)" whose initials spell it: "Tarif Intégré Mobilité (TIM)".
  const { starts, norms } = ctx.tokens;
  let k = 0;
  while (k < starts.length && starts[k]! < at) k++;
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  const words: string[] = [];
  for (let j = k - 1; j >= 0 && words.length < letters.length && k - j <= letters.length + 3; j--) {
    const raw = rawToken(ctx, j);
    if (isCapitalised(raw)) words.unshift(norms[j]!);
  }
  if (words.length !== letters.length || words.map((w) => w[0]).join('') !== letters) return;
  put(f, words.some((w) => profile.nameTokens.has(w)) ? 'acronym_expanded_same' : 'acronym_expanded_other');
}
