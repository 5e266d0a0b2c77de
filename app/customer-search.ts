import { distance } from 'fastest-levenshtein';
import { foldToken, isGenericToken } from '../analysis/linking/normalize-name.js';
import type { Customer } from '../platform/schemas/index.js';

/**
 * Finding a customer the way a credit manager types: by id or register id exactly; by name or
 * alias with diacritics, punctuation and legal forms folded; with small typos ("Alpenblik",
 * "Calandra Logistk"). A generic query ("AG", "Holding", "Logistik") names no company: it lists
 * candidates and never opens one report.
 */
export interface SearchResult {
  /** Best first. */
  customers: Customer[];
  /** The one customer the query clearly means, if any (open its report); else show `customers` as candidates. */
  decided?: Customer;
  /** The query is only legal forms and generic words: it names no company, not even a prospect. */
  generic?: boolean;
}

export interface CustomerSearch {
  search(query: string): SearchResult;
  /** search(query).customers. */
  find(query: string): Customer[];
}

const MAX_CANDIDATES = 25;
const tokensOf = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldToken).filter((t) => t !== '');
const compactId = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Edits allowed for a token of this length: none below 4 letters, one up to 7, two beyond. */
const allowedEdits = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2);

/** Match quality of one query token against a name token: 0 (no match) … 3 (same). */
function tokenQuality(q: string, n: string): number {
  if (q === n) return 3;
  if (q.length >= 3 && n.startsWith(q)) return 2;
  if (q.length >= 4 && n.includes(q)) return 1;
  const edits = allowedEdits(Math.min(q.length, n.length));
  if (edits > 0 && Math.abs(q.length - n.length) <= edits && distance(q, n) <= edits) return 1;
  return 0;
}

interface Entry {
  customer: Customer;
  /** Folded tokens of each name and alias. */
  names: string[][];
}

/** The watchlist folded once, for searching it many times (the HTTP server caches one per watchlist version). */
export function indexCustomers(customers: Customer[]): CustomerSearch {
  const entries: Entry[] = customers.map((customer) => ({ customer, names: [customer.name, ...customer.aliases].map(tokensOf) }));
  const byId = new Map(customers.map((c) => [c.id, c]));
  const byRegisterId = new Map<string, Customer[]>();
  for (const c of customers) for (const key of new Set(c.registerIds.map(compactId))) byRegisterId.set(key, [...(byRegisterId.get(key) ?? []), c]);
  // Each distinct name token once, so a typo is compared with every spelling once, not per customer.
  const byToken = new Map<string, Set<Entry>>();
  for (const e of entries) for (const name of e.names) for (const t of name) (byToken.get(t) ?? byToken.set(t, new Set()).get(t)!).add(e);

  const search = (query: string): SearchResult => {
    const q = query.trim();
    if (q === '') return { customers: [] };
    const own = byId.get(q);
    const exact = [...(own ? [own] : []), ...(byRegisterId.get(compactId(q)) ?? []).filter((c) => c !== own)];
    if (exact.length > 0) return { customers: exact, decided: exact.length === 1 ? exact[0] : own };
    const qTokens = tokensOf(q);
    if (qTokens.length === 0) return { customers: [] };
    // Numbers are never generic here: a bare number is a register id (a UK company number) to look up.
    const distinctive = qTokens.filter((t) => !isGenericToken(t) || /\d/.test(t));
    if (distinctive.length === 0) return { customers: genericMatches(entries, qTokens), generic: true };

    // Per customer: the weakest of its best matches for each distinctive query token.
    const quality = new Map<Entry, number>();
    distinctive.forEach((qt, i) => {
      const best = new Map<Entry, number>();
      for (const [token, holders] of byToken) {
        const qual = tokenQuality(qt, token);
        if (qual === 0) continue;
        for (const e of holders) best.set(e, Math.max(best.get(e) ?? 0, qual));
      }
      for (const e of i === 0 ? best.keys() : [...quality.keys()]) {
        const b = best.get(e) ?? 0;
        if (b === 0) quality.delete(e);
        else quality.set(e, Math.min(quality.get(e) ?? 3, b));
      }
    });
    const folded = qTokens.join(' ');
    const ranked = [...quality.entries()]
      .map(([e, qual]) => ({ e, rank: qual + nameBonus(e.names, qTokens, folded) }))
      .sort((a, b) => b.rank - a.rank || a.e.customer.name.localeCompare(b.e.customer.name));
    const customers = ranked.slice(0, MAX_CANDIDATES).map((r) => r.e.customer);
    // One clear winner: the only match, or the only one with the best kind of match (same name beats prefix beats typo).
    const decided = ranked.length === 1 || (ranked.length > 1 && ranked[0]!.rank > ranked[1]!.rank) ? ranked[0]!.e.customer : undefined;
    return { customers, decided };
  };
  return { search, find: (q) => search(q).customers };
}

/**
 * Same full name (legal form included) beats the same distinctive name, which beats a token match:
 * "Alpenblick Metallbau AG" decides between the AG and a GmbH of the same name; "Alpenblick Metallbau" does not.
 */
function nameBonus(names: string[][], qTokens: string[], folded: string): number {
  if (names.some((n) => n.join(' ') === folded)) return 2;
  return names.some((n) => coreOf(n) === coreOf(qTokens)) ? 1 : 0;
}

/** The distinctive part of a name: without legal forms and generic words. */
function coreOf(tokens: string[]): string {
  return tokens.filter((t) => !isGenericToken(t)).join(' ');
}

/** A query of generic words only: every customer whose name has all of them, as candidates. */
function genericMatches(entries: Entry[], qTokens: string[]): Customer[] {
  return entries
    .filter((e) => e.names.some((n) => qTokens.every((q) => n.includes(q))))
    .map((e) => e.customer)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_CANDIDATES);
}
