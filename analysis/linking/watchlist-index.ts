import type { Customer } from '../../platform/schemas/customer.js';
import { industrySectionOf, industryWordsOf, isSportsIndustry } from './industry-words.js';
import { commonWordBits, languageBit, type CommonWordLanguage, type CommonWords } from './common-words.js';
import { CALENDAR_WORDS, CLUB_BEFORE, ROLES } from './cue-words.js';
import { COUNTRY_OF_NAME, FIRST_NAMES, PLACES } from './feature-words.js';
import type { LinkModel } from './link-model.js';
import { canonicalLegalForm, foldToken, sameFormKeys, isAcronym, isGenericToken, isGroupWord, isStatusForm, isStructuralToken, legalFormAt, stripLegalForms, tokenizeText } from './normalize-name.js';

/** How a variant came from the watchlist entry. */
export type VariantKind = 'name' | 'alias' | 'reduced' | 'short';

/** One way a customer's name can appear in text, after legal forms and leading articles are removed. */
export interface NameVariant {
  customerId: string;
  tokens: string[];
  /** For acronym tokens ("UBS") the spelling the text should use; null where any case is fine. */
  exactCase: Array<string | null>;
  /** Per token: written with a capital in the name, so lower-case "orange" or "Swiss steel" in text is not the company. */
  capitals: boolean[];
  kind: VariantKind;
  /** Some token is an acronym with its own spelling ("UBS", "TIM"). */
  acronym: boolean;
  /** Tokens that are not structure ("Holding", "of", legal forms). */
  telling: number;
  /** No token outside places, sectors and fillers ("Zurich Insurance"): a weak name by itself. */
  generic: boolean;
  /**
   * A single-word, non-acronym name: the languages (common-words.ts bits) in which it is an ordinary
   * word, 0 for a coined word; undefined for longer names or when the model came without the vocabulary.
   */
  commonIn?: number;
  /** Another spelling of a name (split at inner capitals, an abbreviation, a number): no short form of it ("Thyssen" of ThyssenKrupp). */
  respelled?: boolean;
  /** Its first word is joined to the next by a hyphen ("Mercedes-Benz"): one brand of two names, not a first name and a surname. */
  hyphenLead?: boolean;
  /** A short form that is the first syllables of a single-word name ("Conti" of Continental). */
  clipped?: boolean;
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  ends?: NameVariant[];
}

/** What the features need to know about a customer beyond its names. */
export interface CustomerProfile {
  /** Every folded token of the name and the aliases: a word after a mention that is not here extends it to another entity. */
  nameTokens: Set<string>;
  country: string;
  industryWords: ReadonlySet<string> | undefined;
  /** Its NACE section when the industry cue lists know it ("H" for a postal company). */
  industrySection: string | undefined;
  /** A sports club or venue: sports words around it are its business. */
  sports: boolean;
  /** The folded tokens of the legal forms its names carry ("ag", "stiftung", "s", "p", "a"…). */
  formTokens: Set<string>;
  /** Words of its names written as capitals with a plural s ("MPs"): usually none. */
  pluralSpellings: readonly string[];
  /** Some name of it is written with accents ("Nestlé"). */
  accented: boolean;
  /** The canonical legal forms its names carry ("ag", "kgaa", "plc"): another form after its name is another company. */
  formKeys: readonly string[];
  /** Surnames of a founder its names carry ("bosch" of Robert Bosch GmbH, "porsche" of Dr. Ing. h.c. F. Porsche AG): usually none. */
  founderSurnames: ReadonlySet<string>;
}

/**
 * The watchlist as a token trie (names), plus exact maps for register ids and web domains, and
 * the linking model that decides. Scanning a document walks the trie once from each token, so
 * the cost depends on the document length and the name length, not on the number of customers.
 */
export interface WatchlistIndex {
  /** Built once by buildWatchlistIndex and never changed (scanned words remember their entries in it). */
  root: Map<string, TrieNode>;
  byRegisterId: Map<string, string[]>;
  byDomain: Map<string, string[]>;
  customers: Map<string, Customer>;
  profiles: Map<string, CustomerProfile>;
  /** Customers whose every name reduces to generic words: linkable by register id or domain only. */
  unnamed: string[];
  model: LinkModel;
}

// Shared by the many customers without plural spellings or legal forms: 100,000 empty arrays cost heap.
const NONE: readonly string[] = [];

function shared(sets: Map<string, readonly string[]>, keys: string[]): readonly string[] {
  if (keys.length === 0) return NONE;
  const id = keys.join('|');
  let known = sets.get(id);
  if (!known) sets.set(id, (known = keys));
  return known;
}

/** Upper case, letters and digits only: "CHE-114.723.217" and "che114723217" agree. */
export function normalizeRegisterId(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/:].*$/, '');
}

export function buildWatchlistIndex(customers: Customer[], model: LinkModel): WatchlistIndex {
  const index: WatchlistIndex = { root: new Map(), byRegisterId: new Map(), byDomain: new Map(), customers: new Map(), profiles: new Map(), unnamed: [], model };
  // Most customers carry the same one or two legal forms: one array per combination, not per customer.
  const formSets = new Map<string, readonly string[]>();
  for (const c of customers) {
    index.customers.set(c.id, c);
    for (const r of c.registerIds) addTo(index.byRegisterId, normalizeRegisterId(r), c.id);
    for (const d of c.domains) addTo(index.byDomain, normalizeDomain(d), c.id);
    const seen = new Set<string>();
    const nameTokens = new Set<string>();
    const formTokens = new Set<string>();
    const formKeys: string[] = [];
    const pluralSpellings: string[] = [];
    let accented = false;
    let founderSurnames: Set<string> | undefined;
    for (const name of [c.name, ...c.aliases]) {
      const toks = tokenizeText(name);
      for (const t of toks) if (/^\p{Lu}{2,}s$/u.test(t.raw)) pluralSpellings.push(t.raw);
      if (/[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/.test(name)) accented = true;
      const norms = toks.map((t) => t.norm);
      const { core, start } = stripLegalForms(norms);
      const surname = founderSurnameOf(core);
      if (surname) (founderSurnames ??= new Set()).add(surname);
      for (const t of norms.slice(start + core.length)) formTokens.add(t);
      for (let k = start + core.length; k < norms.length; ) {
        const form = legalFormAt(norms, k);
        if (!form) break;
        if (!isStatusForm(form.key)) for (const key of sameFormKeys(canonicalLegalForm(form.key), c.country.toUpperCase())) if (!formKeys.includes(key)) formKeys.push(key);
        k += form.length;
      }
    }
    let named = false;
    // Names and aliases first, then the names without group words, so a variant that is both keeps the stronger kind.
    const variants = [c.name, ...c.aliases].flatMap((name, i) => makeVariants(c.id, name, i === 0 ? 'name' : 'alias'));
    variants.sort((a, b) => Number(a.kind === 'reduced') - Number(b.kind === 'reduced'));
    for (const v of variants) {
      named = true;
      for (const t of v.tokens) nameTokens.add(t);
      const key = variantKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      if (model.commonWords && v.tokens.length === 1 && !v.acronym) v.commonIn = commonWordBits(model.commonWords, v.tokens[0]!);
      insertVariant(index.root, v);
    }
    // The leading word of a longer name ("Thames" for Thames Water, "JD" for JD Sports): last, so a
    // customer's own single-word name or alias of the same word keeps its stronger kind.
    for (const v of variants) {
      const short = shortFormOf(v, model) ?? clippedFormOf(v, model);
      if (!short) continue;
      const key = variantKey(short);
      if (seen.has(key)) continue;
      seen.add(key);
      if (model.commonWords && !short.acronym) short.commonIn = commonWordBits(model.commonWords, short.tokens[0]!);
      insertVariant(index.root, short);
    }
    if (!named) index.unnamed.push(c.id);
    index.profiles.set(c.id, { nameTokens, country: c.country.toUpperCase(), industryWords: industryWordsOf(c.industry), industrySection: industrySectionOf(c.industry), sports: isSportsIndustry(c.industry), formTokens, formKeys: shared(formSets, formKeys), pluralSpellings: pluralSpellings.length > 0 ? pluralSpellings : NONE, accented, founderSurnames: founderSurnames ?? NO_SURNAMES });
  }
  return index;
}

const NO_SURNAMES: ReadonlySet<string> = new Set();

/**
 * "Robert Bosch GmbH", "Dr. Ing. h.c. F. Porsche AG", "Thomas Cook": a name that is a founder's first
 * name or initial and surname (legal form aside). Its surname alone may be the company or the person.
 */
function founderSurnameOf(core: readonly string[]): string | undefined {
  if (core.length < 2) return undefined;
  const surname = core[core.length - 1]!;
  const before = core[core.length - 2]!;
  if (surname.length < 3 || FIRST_NAMES.has(surname)) return undefined;
  return FIRST_NAMES.has(before) || /^\p{L}$/u.test(before) ? surname : undefined;
}

function variantKey(v: NameVariant): string {
  return `${v.tokens.join(' ')}|${v.exactCase.join(',')}|${v.capitals.join(',')}`;
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/**
 * The variant of a name as written, and where it begins or ends with a group word ("Helix Group",
 * "Groupe PSA"), also the name without it ("Helix", "PSA") — news writes both, in either order.
 */
export function makeVariants(customerId: string, name: string, kind: Exclude<VariantKind, 'reduced'>): NameVariant[] {
  const out: NameVariant[] = [];
  for (const spelling of respellings(name)) {
    const v = makeVariant(customerId, spelling, kind);
    if (v) out.push({ ...v, respelled: true });
  }
  const full = makeVariant(customerId, name, kind);
  if (!full) return out;
  out.unshift(full);
  const t = full.tokens;
  let from = 0;
  let to = t.length;
  while (to - from > 1 && isGroupWord(t[to - 1]!)) to--;
  while (to - from > 1 && isGroupWord(t[from]!)) from++;
  if (from > 0 || to < t.length) {
    const reduced = sliceVariant(full, from, to);
    if (!reduced.generic && !(reduced.tokens.length === 1 && reduced.tokens[0]!.length < 3)) out.push(reduced);
  }
  return out;
}

// "ThyssenKrupp" is also written "Thyssen Krupp" or "Thyssen-Krupp", "JPMorgan" "JP Morgan": each part at least two letters.
const INNER_CAPITAL = /(?<=\p{Ll}{2})(?=\p{Lu}\p{L})|(?<=\b\p{Lu}{2,})(?=\p{Lu}\p{Ll}{2})/gu;
// Abbreviations news uses for words of company names, both ways ("Gebr. Heinemann", "Gebrüder Heinemann").
const ABBREVIATED: Array<[RegExp, string]> = [
  [/\bGebrüder\b/gu, 'Gebr.'], [/\bGebr\.(?=\s)/gu, 'Gebrüder'],
  [/\bCompagnie\b/gu, 'Cie'], [/\bCie\b\.?/gu, 'Compagnie'],
  [/\bBrothers\b/gu, 'Bros.'], [/\bBros\b\.?/gu, 'Brothers'],
  [/\bSankt\b/gu, 'St.'], [/\bSaint\b/gu, 'St.'],
];

// A number inside a name, in figures or in English words, both ways ("Pier 1 Imports", "Pier One Imports"); not a leading one ("3M").
const NUMBER_WORDS = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
for (const [i, word] of NUMBER_WORDS.entries()) {
  ABBREVIATED.push([new RegExp(`(?<=\\s)${i + 1}(?=\\s|$)`, 'gu'), word], [new RegExp(`(?<=\\s)${word}(?=\\s|$)`, 'gu'), String(i + 1)]);
}

// One cheap test before the patterns: most names have no inner capital, abbreviation or number.
const RESPELLABLE = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}|Gebr|Cie|Compagnie|Bros|Brothers|Sankt|Saint|\s(?:\d\d?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)(?:\s|$)/u;

/** Other ways news spells the same name: split at inner capitals, and common abbreviations written out or shortened. */
export function respellings(name: string): string[] {
  if (!RESPELLABLE.test(name)) return [];
  const out = new Set<string>();
  const split = name.replace(INNER_CAPITAL, ' ');
  if (split !== name) out.add(split);
  for (const [pattern, other] of ABBREVIATED) {
    pattern.lastIndex = 0;
    if (pattern.test(name)) out.add(name.replace(pattern, other));
  }
  out.delete(name);
  return [...out];
}

function sliceVariant(v: NameVariant, from: number, to: number): NameVariant {
  const tokens = v.tokens.slice(from, to);
  return {
    ...v,
    tokens,
    exactCase: v.exactCase.slice(from, to),
    capitals: v.capitals.slice(from, to),
    kind: 'reduced',
    acronym: v.exactCase.slice(from, to).some((e) => e != null),
    telling: tokens.filter((x) => !isStructuralToken(x)).length,
    generic: tokens.every((x) => isGenericToken(x) || isStructuralToken(x)),
  };
}

export function makeVariant(customerId: string, name: string, kind: VariantKind): NameVariant | undefined {
  const toks = tokenizeText(name);
  if (toks.length === 0) return undefined;
  const { core, start } = stripLegalForms(toks.map((t) => t.norm));
  const raws = toks.slice(start, start + core.length).map((t) => t.raw);
  // One generic word plus structure ("Swiss Holding", "Bau Gruppe") never matches by name; two
  // generic words ("Zurich Insurance") match as a generic name, which the features weigh.
  const descriptive = core.filter((t) => !isStructuralToken(t));
  const distinctive = descriptive.filter((t) => !isGenericToken(t));
  if (distinctive.length === 0 && descriptive.length < 2) return undefined;
  // A single short token that is not an acronym ("Ab", "Xy") matches too much text to be useful.
  if (core.length === 1 && core[0]!.length < 3 && !isAcronym(raws[0] ?? '')) return undefined;
  const lead = toks[start];
  const second = toks[start + 1];
  const hyphenLead = core.length > 1 && lead !== undefined && second !== undefined && name.slice(lead.end, second.start) === '-' && /^\p{Lu}/u.test(second.raw) && !FIRST_NAMES.has(second.norm);
  return {
    customerId,
    tokens: core,
    exactCase: raws.map((r) => (isAcronym(r) ? r : null)),
    capitals: raws.map((r) => /^\p{Lu}/u.test(r)),
    kind,
    acronym: raws.some(isAcronym),
    telling: descriptive.length,
    generic: distinctive.length === 0,
    ...(hyphenLead ? { hyphenLead } : {}),
  };
}

// Words of names that say nothing alone: "Gebr. Heinemann", "St. James's Place", "Saint-Gobain".
const NAME_ABBREVIATIONS = new Set(['gebr', 'gebruder', 'gebrueder', 'bros', 'brothers', 'cie', 'compagnie', 'st', 'sankt', 'saint', 'sainte', 'san', 'santa', 'the']);

/**
 * The leading word of a name of two or more telling words as a name by itself, as news shortens a
 * name it has given or its readers know ("Thames" for Thames Water, "JD" for JD Sports, "Hanjin" for
 * Hanjin Shipping): only a distinctive word — not generic, a group word, a first name ("Ted Baker"),
 * a country or place ("Bolton Wanderers"), a club prefix ("FC Messina"), a day or month ("Tuesday
 * Morning"), nor an ordinary word of German, English, French or Italian ("Credit Suisse", "Pier 1")
 * — and at least four letters unless it is an acronym (not "Uni" of UniCredit). Where any customer's own name or alias is
 * written, short forms give way (find-candidates.ts). The
 * features weigh it (`short`, and the longer name elsewhere in the document).
 */
export function shortFormOf(v: NameVariant, model: LinkModel): NameVariant | undefined {
  if (v.kind === 'short' || v.respelled || v.tokens.length < 2 || v.telling < 2 || v.generic) return undefined;
  const t = v.tokens[0]!;
  const acronym = v.exactCase[0] != null;
  if (!acronym && (t.length < 4 || !v.capitals[0])) return undefined;
  // A first name joined to the next word by a hyphen is a brand's first part ("Mercedes" of Mercedes-Benz), not a person's name.
  if (isGenericToken(t) || isStructuralToken(t) || isGroupWord(t) || (FIRST_NAMES.has(t) && !v.hyphenLead) || PLACES.has(t) || COUNTRY_OF_NAME.has(t)) return undefined;
  // A role's abbreviation is no company's short form ("DG" of DG Resources is the French directeur général: "nouveau DG").
  if (/^\d/.test(t) || NAME_ABBREVIATIONS.has(t) || CLUB_BEFORE.has(t) || CALENDAR_WORDS.has(t) || ROLES.has(t)) return undefined;
  // An ordinary word, also inflected as the dictionaries do not list it ("Sports Direct", "Financière Immobilière Bordelaise").
  if (!acronym && model.commonWords && isOrdinaryWord(model.commonWords, t)) return undefined;
  const short = sliceVariant(v, 0, 1);
  return { ...short, kind: 'short' };
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * The first syllables of a long single-word name as news clips it ("Conti" of Continental, "Juve" of
 * Juventus): four or five letters with two vowels, ending in a vowel before a consonant of the name —
 * of a name of eight letters or more, written with a capital. Only a word that is no ordinary word of
 * German, English, French or Italian, first name, place, club prefix, day, month or role ("Leona" of
 * Leonardo, "Comme" of Commerzbank are not). Weighed as a short form (`clipped` instead of `short`).
 */
export function clippedFormOf(v: NameVariant, model: LinkModel): NameVariant | undefined {
  if (v.kind === 'short' || v.respelled || v.tokens.length !== 1 || v.acronym || !v.capitals[0] || v.generic) return undefined;
  const t = v.tokens[0]!;
  if (t.length < 8 || !/^[a-z]+$/.test(t)) return undefined;
  let cut = 0;
  for (const k of [4, 5]) {
    const vowels = [...t.slice(0, k)].filter((ch) => VOWELS.has(ch)).length;
    if (vowels >= 2 && VOWELS.has(t[k - 1]!) && !VOWELS.has(t[k]!)) {
      cut = k;
      break;
    }
  }
  if (cut === 0) return undefined;
  const clip = t.slice(0, cut);
  if (isGenericToken(clip) || isStructuralToken(clip) || isGroupWord(clip) || FIRST_NAMES.has(clip) || PLACES.has(clip) || COUNTRY_OF_NAME.has(clip)) return undefined;
  if (NAME_ABBREVIATIONS.has(clip) || CLUB_BEFORE.has(clip) || CALENDAR_WORDS.has(clip) || ROLES.has(clip)) return undefined;
  if (model.commonWords && commonWordBits(model.commonWords, clip) !== 0) return undefined;
  return { ...v, tokens: [clip], kind: 'short', clipped: true, telling: 1 };
}

// Hunspell lists stems: plurals and feminine or declined forms are found by their stem in their own language's dictionary.
const INFLECTIONS: ReadonlyArray<readonly [ending: string, stem: string, lang: CommonWordLanguage]> = [
  ['s', '', 'en'], ['s', '', 'fr'], ['x', '', 'fr'], ['e', '', 'fr'], ['es', '', 'fr'], ['iere', 'ier', 'fr'], ['ere', 'er', 'fr'], ['euse', 'eur', 'fr'],
  ['elle', 'el', 'fr'], ['enne', 'en', 'fr'], ['ive', 'if', 'fr'], ['a', 'o', 'it'], ['e', 'o', 'it'], ['i', 'o', 'it'], ['e', 'a', 'it'], ['i', 'e', 'it'],
  ['e', '', 'de'], ['en', '', 'de'], ['er', '', 'de'], ['es', '', 'de'],
];

/** An ordinary word of one of the four languages, or an inflected form of one ("financiere" → French "financier"). */
function isOrdinaryWord(words: CommonWords, word: string): boolean {
  if (commonWordBits(words, word) !== 0) return true;
  for (const [ending, stem, lang] of INFLECTIONS) {
    if (word.length - ending.length < 4 || !word.endsWith(ending)) continue;
    if ((commonWordBits(words, word.slice(0, -ending.length) + stem) & languageBit(lang)) !== 0) return true;
  }
  return false;
}

// German adjectives in names decline: "Deutsche Bank" → "der Deutschen Bank", "Schweizerische Post" → "der Schweizerischen Post".
const ADJECTIVE_ENDINGS = ['n', 'r', 's', 'm'];

function insertVariant(root: Map<string, TrieNode>, v: NameVariant): void {
  let level = root;
  const last = v.tokens.length - 1;
  v.tokens.forEach((t, k) => {
    let node = level.get(t);
    if (!node) {
      node = {};
      level.set(t, node);
    }
    if (k < last && t.length >= 5 && t.endsWith('e')) {
      for (const e of ADJECTIVE_ENDINGS) if (!level.has(t + e)) level.set(t + e, node);
    }
    if (k === last) (node.ends ??= []).push(v);
    else level = node.next ??= new Map();
  });
}

/** Folds a single word the way the index does; exported for tests and the industry keyword lists. */
export const foldWord = foldToken;
