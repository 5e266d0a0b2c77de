import { addDocumentCues, addWindowCues } from './context-features.js';
import type { DocumentContext } from './document-context.js';
import { put, type Feature } from './feature-catalogue.js';
import type { CaseFit, NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import { addNameCues } from './name-features.js';
import { addBeforeCues, addExtensionCues, addListingCues, addObjectCues, describedBefore } from './neighbour-features.js';
import { addPersonCues } from './person-features.js';
import type { CustomerProfile, NameVariant } from './watchlist-index.js';

export { FEATURE_DOCS, FEATURES, type Feature } from './feature-catalogue.js';

// Cues that the words right around the mention name another entity: a person, a club, a venue, a subsidiary, another company.
const OTHER_ENTITY: readonly Feature[] = [
  'legal_form_mismatch', 'legal_form_other', 'extension_legal_form', 'extension_long', 'extension_after', 'extension_after_de', 'hyphen_suffix_upper',
  'country_suffix_other', 'place_after', 'club_before', 'club_after', 'venue_after', 'first_name_before', 'title_before', 'role_before',
  'initial_before', 'number_after', 'exchange_ticker', 'listed_abroad', 'role_after', 'owner_after', 'object_near', 'age_before', 'life_verb_near',
];

export interface Candidate {
  span: NameSpan;
  variant: NameVariant;
  fit: CaseFit;
  /** Other customers found on the same words. */
  competitors: number;
  /** In an enumeration with another candidate name. */
  listed: boolean;
  /** A short form whose customer is written with a longer name elsewhere in the document. */
  fullElsewhere?: boolean;
}

/**
 * The features of one candidate mention, by family: the name as written (name-features.ts), person
 * cues (person-features.ts), the words right before and after (neighbour-features.ts), the window
 * and the document against what the watchlist entry knows (context-features.ts).
 */
export function mentionFeatures(ctx: DocumentContext, profile: CustomerProfile, c: Candidate): FeatureValues {
  const f: FeatureValues = new Map();
  const { span } = c;
  const name = addNameCues(ctx, profile, span, c.variant, c.fit, f);
  addPersonCues(ctx, span, profile, f);
  if (describedBefore(ctx, span, profile)) put(f, 'business_before');
  if (c.listed) put(f, 'listed');
  if (c.fullElsewhere) put(f, 'short_full_in_document');
  if (!name.form) addExtensionCues(ctx, span, profile, f);
  addListingCues(ctx, span, profile, f);
  addBeforeCues(ctx, span, profile, name.atStart, f);
  addObjectCues(ctx, span, f);
  let otherEntity = false;
  for (const cue of OTHER_ENTITY) if (f.has(cue)) otherEntity = true;
  addWindowCues(ctx, span, profile, otherEntity, f);
  // Only a bare acronym is a namesake risk abroad; "HM Revenue & Customs" is spelled out.
  addDocumentCues(ctx, span, profile, c.variant.acronym && c.variant.tokens.length === 1, c.variant.customerId, c.competitors, f);
  if ((f.has('common_word') || f.has('common_word_abroad')) && (f.has('business_near') || f.has('business_before') || f.has('legal_form'))) put(f, 'word_in_business');
  if (c.variant.tokens.length === 1 && profile.founderSurnames.has(c.variant.tokens[0]!) && !FOUNDER_BUSINESS.some((x) => f.has(x))) put(f, 'founder_surname');
  return c.variant.kind === 'short' ? shortFormFeatures(f, otherEntity, c.variant.clipped === true) : f;
}

// Words that make a founder's surname alone the company ("Bosch-Konzern", "Porsche AG", "Bosch said in a statement"); industry words do not (a designer's life is full of cars).
const FOUNDER_BUSINESS: readonly Feature[] = ['business_near', 'business_before', 'business_after', 'legal_form', 'id_in_document', 'short_full_in_document'];
const SHORT_BUSINESS: readonly Feature[] = ['business_near', 'business_before', 'business_after', 'legal_form', 'industry_near', 'id_in_document'];
const SHORT_PERSON: readonly Feature[] = [
  'first_name_before', 'initial_before', 'title_before', 'role_before', 'role_after', 'owner_after', 'age_after', 'person_relative_after', 'particle_after', 'person_word_near',
  'historic_year_near', 'person_elsewhere', 'age_before', 'life_verb_near',
];
// "the BBC" (of BBC Worldwide), "the Thames" (of Thames Water): a short form after an article is the institution or the place.
const SHORT_NAMESAKE: readonly Feature[] = [
  'article_before', 'hyphen_prefix', 'hyphen_suffix_lower', 'place_based', 'object_near', 'sports_near', 'academic_near', 'country_other', 'country_near_other', 'lowercase_elsewhere', 'legal_form_foreign',
];

/**
 * A short form ("Thames" for Thames Water) is weighed by its own few features, so the many weak
 * candidates it brings do not move the weights of full names: the longer name elsewhere in the
 * document, business or industry wording around it, person cues, or cues of another entity.
 */
function shortFormFeatures(f: FeatureValues, otherEntity: boolean, clipped: boolean): FeatureValues {
  const g: FeatureValues = new Map();
  put(g, clipped ? 'clipped' : 'short');
  if (f.has('short_full_in_document')) put(g, 'short_full_in_document');
  if (f.has('competing')) g.set('competing', f.get('competing')!);
  if (f.has('acronym')) put(g, 'short_acronym');
  if (SHORT_BUSINESS.some((x) => f.has(x))) put(g, 'short_business');
  if (SHORT_PERSON.some((x) => f.has(x))) put(g, 'short_person');
  if (otherEntity || SHORT_NAMESAKE.some((x) => f.has(x))) put(g, 'short_namesake');
  return g;
}

// Cues that a mention is written as a person: a first name, title or role with it, life dates, "X, who".
const PERSON_FORM: readonly Feature[] = [
  'first_name_before', 'initial_before', 'title_before', 'role_before', 'role_after', 'owner_after', 'age_after', 'age_before', 'person_relative_after', 'particle_after',
];

/**
 * "Robert Bosch … Bosch": where one mention of a customer's name is written as a person, its other
 * mentions in the document that are not are likely that person too (a biography names him once in
 * full). Marks them `person_elsewhere` (a short form: `short_person`).
 */
export function markPersonElsewhere(mentions: ReadonlyArray<{ customerId: string; short: boolean; features: FeatureValues }>): void {
  if (mentions.length < 2) return;
  const asPerson = (f: FeatureValues) => PERSON_FORM.some((x) => f.has(x)) || (f.has('person_name') && !f.has('legal_form'));
  const people = new Set<string>();
  for (const m of mentions) if (!m.short && asPerson(m.features)) people.add(m.customerId);
  if (people.size === 0) return;
  for (const m of mentions) {
    if (!people.has(m.customerId) || (!m.short && asPerson(m.features))) continue;
    put(m.features, m.short ? 'short_person' : 'person_elsewhere');
  }
}
