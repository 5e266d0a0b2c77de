import { foldName } from '../text/fold.js';

/**
 * Name normalisation shared by the watchlist index and the text scanner. Both sides go through
 * the same `foldToken`, so "Müller", "Mueller" and "MULLER" meet as "muller" and "Nestlé" as "nestle".
 */

export interface TextToken {
  /** Folded form used for lookups. */
  norm: string;
  /** The token as written, for case checks and evidence. */
  raw: string;
  start: number;
  end: number;
}

const CONJUNCTIONS = new Set(['und', 'and', 'et']);

/**
 * Folds a name token (analysis/text/fold.ts: case, diacritics, and the German transcriptions
 * ue/ae/oe → u/a/o so that "Zürich" and "Zuerich" agree); "und", "and", "et" become "&".
 */
export function foldToken(raw: string): string {
  const t = foldName(raw);
  return CONJUNCTIONS.has(t) ? '&' : t;
}

// Letters and digits; "&" is its own token so "Procter & Gamble" equals "Procter and Gamble".
// "P&G", "AT&T", "S&P", "M&S" stay one token: split, their letters would be meaningless.
const TOKEN_RE = /\p{Lu}{1,2}&\p{Lu}{1,2}(?![\p{L}\p{N}])|[\p{L}\p{N}]+|&/gu;

/** Splits text into word tokens with offsets. Hyphens, dots and apostrophes separate tokens ("Migros-Chef"). */
export function tokenizeText(text: string): TextToken[] {
  const out: TextToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    out.push({ norm: foldToken(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Legal forms for CH, DE, AT, FR, IT, UK, US and a few neighbours, as folded token sequences. */
const LEGAL_FORMS: string[][] = [
  'ag', 'gmbh', 'gmbh & co kg', 'gmbh & co kgaa', 'gmbh & co', '& co kg', 'co kg', 'kg', 'kgaa', 'ohg', 'e k', 'ek', 'ev', 'e v', 'gbr',
  'ug', 'ug haftungsbeschrankt', 'mbh', 'se', 'aktiengesellschaft', 'genossenschaft', 'stiftung', 'kollektivgesellschaft',
  'kommanditgesellschaft', 'gesellschaft mit beschrankter haftung', 'sa', 's a', 'sarl', 's a r l', 's a rl', 'sagl', 'sas', 's a s',
  'sasu', 'eurl', 'snc', 'sca', 'societe anonyme', 'sc', 'scrl', 'spa', 's p a', 'srl', 's r l', 'srls', 'sapa', 'sas', 'scarl', 'societa per azioni',
  'ltd', 'limited', 'plc', 'p l c', 'llp', 'lp', 'llc', 'l l c', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', '& co',
  'nv', 'n v', 'bv', 'b v', 'ab', 'asa', 'oy', 'oyj', 'a s', 'aps', 'as', 'kft', 'sp z o o',
  'in liquidation', 'in liq', 'en liquidation', 'in liquidazione', 'in liquidazione', 'in konkurs', 'en faillite',
].map((f) => f.split(' '));

const MAX_FORM_LEN = Math.max(...LEGAL_FORMS.map((f) => f.length));
const LEGAL_FORM_KEYS = new Set(LEGAL_FORMS.map((f) => f.join(' ')));
const FORM_FIRST_TOKENS = new Set(LEGAL_FORMS.map((f) => f[0]!));

/** Length of the legal form that starts at `tokens[i]` (0 when none); longest form wins. */
export function legalFormLengthAt(tokens: readonly string[], i: number): number {
  return legalFormAt(tokens, i)?.length ?? 0;
}

// Legal forms that are also words written in lower case: "JM as Chief Executive", "Renault se retire", "sa filiale",
// "the Porsche company" (a company noun), "Ford limited production", "Ford incorporated the …" (verbs).
const WORD_FORMS = new Set(['as', 'se', 'sa', 'company', 'corporation', 'incorporated', 'limited']);

/**
 * The legal form after a name in a text: as legalFormAt, except a form that is also an ordinary
 * word ("as", "se", "sa", "company", "limited") counts only where it is not written in lower case ("Norsk AS", "Atos SE",
 * "Ford Motor Company"; "the Volkswagen company" is a company noun after the name, not its legal form).
 */
export function legalFormInText(tokens: readonly string[], text: string, starts: readonly number[], ends: readonly number[], i: number): { key: string; length: number } | undefined {
  const form = legalFormAt(tokens, i);
  if (form && form.length === 1 && WORD_FORMS.has(tokens[i]!) && text.slice(starts[i], ends[i]) === tokens[i]) return undefined;
  return form;
}

/** The legal form that starts at `tokens[i]` as its folded key and token count; longest form wins. */
export function legalFormAt(tokens: readonly string[], i: number): { key: string; length: number } | undefined {
  // Cheap first test: every form starts with one of a few dozen first tokens.
  if (i >= tokens.length || !FORM_FIRST_TOKENS.has(tokens[i]!)) return undefined;
  for (let len = Math.min(MAX_FORM_LEN, tokens.length - i); len > 0; len--) {
    const key = len === 1 ? tokens[i]! : tokens.slice(i, i + len).join(' ');
    if (LEGAL_FORM_KEYS.has(key)) return { key, length: len };
  }
  return undefined;
}

// Spellings of one legal form: "Aktiengesellschaft" is "AG", "Limited" is "Ltd", "S.p.A." is "SpA".
const FORM_CANON = new Map<string, string>([
  ['aktiengesellschaft', 'ag'], ['gesellschaft mit beschrankter haftung', 'gmbh'], ['mbh', 'gmbh'], ['kommanditgesellschaft', 'kg'], ['co kg', 'kg'],
  ['& co kg', 'kg'], ['e v', 'ev'], ['e k', 'ek'], ['ug haftungsbeschrankt', 'ug'], ['s a', 'sa'], ['societe anonyme', 'sa'], ['s a r l', 'sarl'],
  ['s a rl', 'sarl'], ['s a s', 'sas'], ['s p a', 'spa'], ['societa per azioni', 'spa'], ['s r l', 'srl'], ['limited', 'ltd'], ['p l c', 'plc'],
  ['l l c', 'llc'], ['incorporated', 'inc'], ['corporation', 'corp'], ['company', 'co'], ['& co', 'co'], ['n v', 'nv'], ['b v', 'bv'],
]);

/** One key per legal form, whatever its spelling ("aktiengesellschaft" → "ag"). */
export function canonicalLegalForm(formKey: string): string {
  return FORM_CANON.get(formKey) ?? formKey;
}

// Countries with several official languages register one company under a form per language:
// "Holcim AG" is "Holcim SA" in Romandy and Ticino, a GmbH a Sàrl or a Sagl.
const SAME_FORM_ABROAD: Record<string, string[][]> = {
  CH: [['ag', 'sa'], ['gmbh', 'sarl', 'sagl']],
  LI: [['ag', 'sa'], ['gmbh', 'sarl', 'sagl']],
  LU: [['sa', 'ag'], ['sarl', 'gmbh']],
  BE: [['sa', 'nv', 'ag'], ['srl', 'bv']],
};

/** The canonical legal forms that are the same form in another official language of `country` ("ag" in CH: "sa"). */
export function sameFormKeys(formKey: string, country: string): readonly string[] {
  for (const group of SAME_FORM_ABROAD[country] ?? []) if (group.includes(formKey)) return group;
  return [formKey];
}

/** A liquidation or bankruptcy suffix ("in Liquidation"), not a form of company. */
export function isStatusForm(formKey: string): boolean {
  return formKey.startsWith('in ') || formKey.startsWith('en ');
}

/** Countries whose companies use a legal form (folded key, e.g. "gmbh", "s p a"); undefined for forms used everywhere. */
export function legalFormCountries(formKey: string): readonly string[] | undefined {
  return FORM_COUNTRIES.get(formKey);
}

const FORM_COUNTRIES = new Map<string, string[]>();
for (const [countries, forms] of [
  [['CH', 'DE', 'AT', 'LI'], 'ag|gmbh|gmbh & co kg|gmbh & co kgaa|gmbh & co|& co kg|co kg|kg|kgaa|ohg|e k|ek|gbr|ug|ug haftungsbeschrankt|mbh|aktiengesellschaft|genossenschaft|stiftung|kollektivgesellschaft|kommanditgesellschaft|gesellschaft mit beschrankter haftung|in konkurs'],
  [['CH', 'FR', 'BE', 'LU'], 'sa|s a|sarl|s a r l|s a rl|sas|s a s|sasu|eurl|snc|sca|societe anonyme|sc|scrl|en liquidation|en faillite'],
  [['CH', 'IT'], 'sagl|spa|s p a|srl|s r l|srls|sapa|scarl|societa per azioni|in liquidazione'],
  [['GB', 'UK', 'IE'], 'ltd|limited|plc|p l c|llp'],
  [['US'], 'inc|incorporated|corp|corporation|llc|l l c|lp'],
] as Array<[string[], string]>) {
  for (const f of forms.split('|')) FORM_COUNTRIES.set(f, countries);
}

/**
 * Removes trailing legal forms ("GmbH & Co. KG", "S.p.A.", "AG in Liquidation"), repeatedly, and
 * leading articles ("The", "Die", "L'"). Returns the core and where it lies in `tokens`.
 */
export function stripLegalForms(tokens: string[]): { core: string[]; start: number; hadLegalForm: boolean } {
  let start = 0;
  let end = tokens.length;
  let hadLegalForm = false;
  for (let changed = true; changed && end - start > 1; ) {
    changed = false;
    for (let len = Math.min(MAX_FORM_LEN, end - start - 1); len > 0; len--) {
      if (LEGAL_FORM_KEYS.has(tokens.slice(end - len, end).join(' '))) {
        end -= len;
        hadLegalForm = changed = true;
        break;
      }
    }
  }
  // A leading "SA"/"AG" as in "AG für Werbung" is rare; leading articles are common.
  while (end - start > 1 && LEADING_ARTICLES.has(tokens[start]!)) start++;
  return { core: tokens.slice(start, end), start, hadLegalForm };
}

const LEADING_ARTICLES = new Set(['the', 'die', 'der', 'das', 'la', 'le', 'les', 'l', 'il', 'lo', 'gli']);

/**
 * Words that never identify a company on their own: sector words, places, and fillers.
 * A name needs at least one token outside this set ("Swiss Holding AG" never matches by name).
 */
const GENERIC_WORDS = [
  'holding', 'holdings', 'group', 'gruppe', 'groupe', 'gruppo', 'international', 'intl', 'internationale', 'swiss', 'schweiz', 'schweizer',
  'schweizerische', 'suisse', 'svizzera', 'svizzero', 'switzerland', 'helvetic', 'deutschland', 'deutsche', 'deutscher', 'german', 'germany',
  'austria', 'osterreich', 'osterreichische', 'france', 'francaise', 'italia', 'italiana', 'uk', 'british', 'britain', 'europe', 'europa',
  'european', 'euro', 'global', 'world', 'america', 'american', 'usa', 'us', 'national', 'services', 'service', 'dienstleistungen', 'solutions',
  'systems', 'system', 'systeme', 'technologies', 'technology', 'technik', 'tech', 'consulting', 'beratung', 'management', 'partners', 'partner',
  'bau', 'bauunternehmung', 'immobilien', 'immobilier', 'immobiliare', 'real', 'estate', 'property', 'properties', 'invest', 'investment',
  'investments', 'capital', 'finance', 'financial', 'finanz', 'trading', 'trade', 'handel', 'industries', 'industrie', 'industry', 'industriale',
  'bank', 'banque', 'banca', 'versicherung', 'versicherungen', 'insurance', 'assurance', 'assurances', 'assicurazioni', 'logistics', 'logistik',
  'transport', 'transporte', 'energy', 'energie', 'media', 'software', 'digital', 'medical', 'pharma', 'food', 'foods', 'retail', 'products',
  'produkte', 'produktion', 'manufacturing', 'engineering', 'garage', 'auto', 'automobile', 'electric', 'elektro', 'gastro', 'hotel', 'hotels',
  'restaurant', 'verwaltung', 'verwaltungs', 'administration', 'administrateurs', 'verlag', 'druck', 'reinigung', 'sanitar', 'immo', 'ventures',
  'networks', 'network', 'net', 'online', 'web', 'data', 'it', 'lab', 'labs', 'studio', 'design', 'home', 'house', 'haus', 'center', 'centre',
  'zentrum', 'new', 'neue', 'general', 'allgemeine', 'united', 'first', 'premium', 'top', 'best', 'one', 'plus', 'pro', 'smart',
  'zurich', 'geneve', 'genf', 'basel', 'bern', 'lausanne', 'luzern', 'lugano', 'st', 'gallen', 'winterthur', 'berlin', 'munchen', 'hamburg',
  'koln', 'frankfurt', 'wien', 'paris', 'lyon', 'milano', 'roma', 'london', 'new', 'york',
  '&', 'of', 'for', 'fur', 'von', 'und', 'and', 'et', 'de', 'du', 'des', 'di', 'del', 'della', 'da', 'im', 'am', 'an', 'in', 'en', 'a', 'the',
];
const GENERIC = new Set(GENERIC_WORDS.map(foldToken));

/** Words that only structure a name ("Holding", "Group", "of"): they never count towards distinctiveness. */
const STRUCTURAL = new Set(
  [
    'holding', 'holdings', 'group', 'gruppe', 'groupe', 'gruppo', 'international', 'intl', 'internationale', 'services', 'service', 'solutions',
    'systems', 'partners', 'partner', 'management', 'consulting', 'company', 'new', 'neue', 'general', 'united', 'first', 'one', 'plus', 'pro',
    '&', 'of', 'for', 'fur', 'von', 'de', 'du', 'des', 'di', 'del', 'della', 'da', 'im', 'am', 'an', 'in', 'en', 'a', 'the', 'st',
  ].map(foldToken),
);

/** "Group", "Holding" and their kin: a name may be written with or without them ("Helix Group", "Groupe Helix"). */
const GROUP_WORDS = new Set(['holding', 'holdings', 'group', 'gruppe', 'groupe', 'gruppo', 'grupo', 'konzern'].map(foldToken));

export function isGroupWord(norm: string): boolean {
  return GROUP_WORDS.has(norm);
}

export function isLegalFormToken(norm: string): boolean {
  return LEGAL_FORM_KEYS.has(norm);
}

export function isStructuralToken(norm: string): boolean {
  return STRUCTURAL.has(norm) || LEGAL_FORM_KEYS.has(norm) || norm.length < 2;
}

export function isGenericToken(norm: string): boolean {
  return GENERIC.has(norm) || LEGAL_FORM_KEYS.has(norm) || norm.length < 2 || /^\d+$/.test(norm);
}

/** Upper-case letters only (optionally digits), e.g. "UBS", "ABB", "3M": matched only in the same case. */
export function isAcronym(raw: string): boolean {
  return raw.length <= 4 && /^[\p{Lu}\p{N}&]+$/u.test(raw) && /\p{Lu}/u.test(raw);
}
