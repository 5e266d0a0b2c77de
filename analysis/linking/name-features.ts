import { PLURAL_AUXILIARIES } from './cue-words.js';
import { gapBefore, isCapitalised, lowerCaseWords, rawToken, startsSentence, type DocumentContext } from './document-context.js';
import { languageBit } from './common-words.js';
import { put } from './feature-catalogue.js';
import { ABBREVIATIONS, FIRST_NAMES, SPACE_ONLY } from './feature-words.js';
import type { CaseFit, NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import { canonicalLegalForm, isStatusForm, legalFormCountries, legalFormInText } from './normalize-name.js';
import type { CustomerProfile, NameVariant } from './watchlist-index.js';

// "MPs", "CEOs": capitals and a plural s.
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;
const ACCENTED = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
const HYPHEN = /^[-\u2010\u2011]$/;
const NON_PROFIT_FORMS = new Set(['stiftung', 'ev', 'e', 'genossenschaft']);
// Articles before a noun; "&" is what "und"/"and"/"et" fold to, not an article.
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'le', 'la', 'les', 'un', 'une', 'il', 'lo', 'gli', 'uno', 'una', 'the', 'a', 'an']);

/** What the words matched are and how they are written: which name, its shape and case, a legal form after it. */
export interface NameCues {
  /** A legal form follows the name. */
  form: boolean;
  /** The mention opens a sentence, where its capital says nothing. */
  atStart: boolean;
}

export function addNameCues(ctx: DocumentContext, profile: CustomerProfile, span: NameSpan, v: NameVariant, fit: CaseFit, f: FeatureValues): NameCues {
  const { norms } = ctx.tokens;
  put(f, v.kind);
  if (v.telling >= 2) put(f, 'multi_word');
  if (v.acronym) put(f, fit === 'acronym_title' ? 'acronym_title_case' : 'acronym');
  const single = v.tokens.length === 1 ? v.tokens[0]! : undefined;
  if (single !== undefined && v.exactCase[0] == null && single.length <= 4) put(f, 'short_single');
  if (span.compound) put(f, 'compound');
  if (span.inflected) put(f, 'inflected');
  if (v.generic) put(f, 'generic_name');
  if (fit === 'upper') put(f, 'upper_text');
  const written = ctx.text.slice(ctx.tokens.starts[span.start], ctx.tokens.ends[span.end - 1]);
  if (single !== undefined && ACRONYM_PLURAL.test(written) && !profile.pluralSpellings.includes(written)) put(f, 'acronym_plural');
  if (!profile.accented && ACCENTED.test(written)) put(f, 'diacritics_added');
  const form = legalFormInText(norms, ctx.text, ctx.tokens.starts, ctx.tokens.ends, span.end);
  if (form) {
    put(f, 'legal_form');
    const countries = legalFormCountries(form.key);
    if (countries && profile.country !== '' && !countries.includes(profile.country)) put(f, 'legal_form_foreign');
    if (profile.formKeys.length > 0 && !isStatusForm(form.key) && !profile.formKeys.includes(canonicalLegalForm(form.key))) put(f, 'legal_form_mismatch');
    const first = norms[span.end]!;
    if (NON_PROFIT_FORMS.has(first) && !profile.formTokens.has(first)) put(f, 'legal_form_other');
  }
  const atStart = startsSentence(ctx, span.start, ABBREVIATIONS);
  if (atStart) put(f, 'sentence_start');
  if (atStart && span.end < norms.length && PLURAL_AUXILIARIES.has(norms[span.end]!) && SPACE_ONLY.test(gapBefore(ctx, span.end))) put(f, 'plural_verb_after');
  if (single !== undefined && lowerCaseWords(ctx).has(single)) put(f, 'lowercase_elsewhere');
  if (single !== undefined && FIRST_NAMES.has(single)) put(f, 'name_is_first_name');
  if (v.commonIn !== undefined) put(f, v.commonIn === 0 ? 'coined_name' : (v.commonIn & languageBit(ctx.lang)) !== 0 ? 'common_word' : 'common_word_abroad');
  // "Thomas Cook", not "Mercedes-Benz": a first name and a surname are apart, not joined by a hyphen.
  if (single === undefined && v.tokens.length <= 3 && FIRST_NAMES.has(v.tokens[0]!) && !v.acronym && !HYPHEN.test(gapBefore(ctx, span.start + 1))) put(f, 'person_name');
  // "die Signa-Pleite", "die Nestléaktie": the article belongs to the compound, not to the name.
  const glued = span.compound || (span.end < norms.length && HYPHEN.test(gapBefore(ctx, span.end)));
  // French and Italian put the article before company names as a rule ("la Juventus", "le groupe … la SNCF"): its own cue there.
  if (single !== undefined && !glued && span.start > 0 && ARTICLES.has(norms[span.start - 1]!) && SPACE_ONLY.test(gapBefore(ctx, span.start))) put(f, ctx.lang === 'fr' || ctx.lang === 'it' ? 'article_before_romance' : 'article_before');
  if (v.acronym) addAcronymCues(ctx, v, profile, f);
  return { form: form !== undefined, atStart };
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
