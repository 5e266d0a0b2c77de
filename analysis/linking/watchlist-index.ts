import type { Customer } from '../../platform/schemas/customer.js';
import { foldToken, isAcronym, isCommonWord, isGenericToken, isStructuralToken, stripLegalForms, tokenizeText } from './normalize-name.js';

/** One way a customer's name can appear in text, after legal forms and leading articles are removed. */
export interface NameVariant {
  customerId: string;
  tokens: string[];
  /** For acronym tokens ("UBS") the exact spelling the text must use; null where any case is fine. */
  exactCase: Array<string | null>;
  /** Per token: written with a capital in the name, so lower-case "orange" or "Swiss steel" in text is not the company. */
  capitals: boolean[];
  isAlias: boolean;
  /** Made only of ordinary words ("Post", "Die Mobiliar"): held back as ambiguous unless supported. */
  common: boolean;
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  ends?: NameVariant[];
}

/**
 * The watchlist as a token trie (names), plus exact maps for register ids and web domains.
 * Scanning a document walks the trie once from each token, so the cost depends on the document
 * length and the name length, not on the number of customers.
 */
export interface WatchlistIndex {
  root: Map<string, TrieNode>;
  byRegisterId: Map<string, string[]>;
  byDomain: Map<string, string[]>;
  customers: Map<string, Customer>;
  /** Customers whose every name reduces to generic words: linkable by register id or domain only. */
  unnamed: string[];
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

export function buildWatchlistIndex(customers: Customer[]): WatchlistIndex {
  const index: WatchlistIndex = { root: new Map(), byRegisterId: new Map(), byDomain: new Map(), customers: new Map(), unnamed: [] };
  for (const c of customers) {
    index.customers.set(c.id, c);
    for (const r of c.registerIds) addTo(index.byRegisterId, normalizeRegisterId(r), c.id);
    for (const d of c.domains) addTo(index.byDomain, normalizeDomain(d), c.id);
    const seen = new Set<string>();
    let named = false;
    [c.name, ...c.aliases].forEach((name, i) => {
      const v = makeVariant(c.id, name, i > 0);
      if (!v) return;
      named = true;
      const key = `${v.tokens.join(' ')}|${v.exactCase.join(',')}|${v.capitals.join(',')}`;
      if (seen.has(key)) return;
      seen.add(key);
      insertVariant(index.root, v);
    });
    if (!named) index.unnamed.push(c.id);
  }
  return index;
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

export function makeVariant(customerId: string, name: string, isAlias: boolean): NameVariant | undefined {
  const toks = tokenizeText(name);
  if (toks.length === 0) return undefined;
  const { core, start } = stripLegalForms(toks.map((t) => t.norm));
  const raws = toks.slice(start, start + core.length).map((t) => t.raw);
  // Distinctive: a token that is neither generic (places, sectors) nor an ordinary word.
  // Without one, the name is "weak" and matches only as ambiguous unless the text supports it:
  // one ordinary word ("Post"), only generic words ("Zurich Insurance"), or a short
  // mixed-case word ("Eni"). One generic word plus structure ("Swiss Holding", "Bau Gruppe")
  // never matches by name.
  const descriptive = core.filter((t) => !isStructuralToken(t));
  const distinctive = descriptive.filter((t) => !isGenericToken(t) && !isCommonWord(t));
  const ordinary = descriptive.filter((t) => !isGenericToken(t));
  if (distinctive.length === 0 && descriptive.length < 2 && ordinary.length === 0) return undefined;
  // A single short token that is not an acronym ("Ab", "Xy") matches too much text to be useful.
  if (core.length === 1 && core[0]!.length < 3 && !isAcronym(raws[0] ?? '')) return undefined;
  const weak =
    (distinctive.length === 0 && (core.length === 1 || ordinary.length === 0)) ||
    (core.length === 1 && core[0]!.length <= 3 && !isAcronym(raws[0] ?? ''));
  return {
    customerId,
    tokens: core,
    exactCase: raws.map((r) => (isAcronym(r) ? r : null)),
    capitals: raws.map((r) => /^\p{Lu}/u.test(r)),
    isAlias,
    common: weak,
  };
}

function insertVariant(root: Map<string, TrieNode>, v: NameVariant): void {
  let level = root;
  const last = v.tokens.length - 1;
  v.tokens.forEach((t, k) => {
    let node = level.get(t);
    if (!node) {
      node = {};
      level.set(t, node);
    }
    if (k === last) (node.ends ??= []).push(v);
    else level = node.next ??= new Map();
  });
}

/** Folds a single word the way the index does; exported for tests and the industry keyword lists. */
export const foldWord = foldToken;
