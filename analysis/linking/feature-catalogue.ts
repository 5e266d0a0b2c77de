import type { FeatureValues } from './link-model.js';

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

/** Sets a binary feature. */
export function put(f: FeatureValues, name: Feature): void {
  f.set(name, 1);
}
