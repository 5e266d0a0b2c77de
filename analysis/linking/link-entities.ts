import type { RegisterIds } from '../../platform/schemas/document.js';
import { legalFormLengthAt, scanTokens, type TokenStream } from './normalize-name.js';
import { normalizeDomain, normalizeRegisterId, type NameVariant, type TrieNode, type WatchlistIndex } from './watchlist-index.js';

export interface LinkMatch {
  customerId: string;
  /** 0..1; register ids 1.0, a full name followed by its legal form ~0.97, a single-word name ~0.8. */
  confidence: number;
  /** The text that matched: the name as written (with legal form if present), a register id or domain. */
  text: string;
  /** Two candidate customers, or a common-word name without support: kept, but alerts must not fire. */
  ambiguous: boolean;
}

export interface LinkableDocument {
  title?: string;
  text: string;
  url?: string;
  registerIds?: RegisterIds;
}

interface Mention {
  customerId: string;
  confidence: number;
  text: string;
  ambiguous: boolean;
  /** Needs support from another identifier of the same customer to count (common-word names). */
  weak: boolean;
}

// Swiss UIDs are printed in notices and articles ("CHE-114.723.217"); they are unique, so exact.
const UID_RE = /\bCHE[-\s.]?\d{3}[.\s]?\d{3}[.\s]?\d{3}\b/g;

export function linkEntities(index: WatchlistIndex, doc: LinkableDocument): LinkMatch[] {
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const mentions = [...findRegisterIdMentions(index, doc, full), ...findDomainMentions(index, doc, full), ...findNameMentions(index, full)];
  return mergeMentions(mentions);
}

function findRegisterIdMentions(index: WatchlistIndex, doc: LinkableDocument, full: string): Mention[] {
  const ids = new Set<string>();
  for (const list of Object.values(doc.registerIds ?? {})) for (const id of list ?? []) ids.add(id);
  // indexOf first: most texts carry no UID, and a plain search is much cheaper than the regex.
  if (index.byRegisterId.size > 0 && full.includes('CHE')) for (const m of full.matchAll(UID_RE)) ids.add(m[0]);
  const out: Mention[] = [];
  if (ids.size === 0) return out;
  for (const id of ids) {
    const owners = index.byRegisterId.get(normalizeRegisterId(id)) ?? [];
    for (const customerId of owners) {
      out.push({ customerId, confidence: owners.length > 1 ? 0.5 : 1, text: id, ambiguous: owners.length > 1, weak: false });
    }
  }
  return out;
}

// Host names written in the text ("migros.ch", "www.post.ch/de"): the same exact lookup as the URL.
const DOMAIN_RE = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ch|li|de|at|fr|it|uk|com|net|org|eu|io|biz|info|swiss)\b/gi;

function findDomainMentions(index: WatchlistIndex, doc: LinkableDocument, full: string): Mention[] {
  if (index.byDomain.size === 0) return [];
  const hosts = new Map<string, number>(); // host → confidence
  if (doc.url) hosts.set(normalizeDomain(doc.url), 0.95);
  for (const m of full.matchAll(DOMAIN_RE)) {
    const host = normalizeDomain(m[0]);
    if (!hosts.has(host)) hosts.set(host, 0.9);
  }
  const out: Mention[] = [];
  for (const [start, confidence] of hosts) {
    // Walk up the host: news.example.ch → example.ch.
    for (let host = start; host.includes('.'); host = host.slice(host.indexOf('.') + 1)) {
      const owners = index.byDomain.get(host) ?? [];
      for (const customerId of owners) {
        out.push({ customerId, confidence: owners.length > 1 ? 0.5 : confidence, text: host, ambiguous: owners.length > 1, weak: false });
      }
    }
  }
  return out;
}

const MAX_CANDIDATES = 10;

interface Span {
  start: number;
  end: number; // exclusive token index
  variants: NameVariant[];
  /** Found as the first part of a German compound ("Migroschef", "Swisscomaktie"). */
  compound?: boolean;
}

/**
 * Heads of German compounds that news glues to company names without a hyphen ("Migroschef",
 * "Siemensaktie"). Only capitalised tokens are tried, and only single-word names of four letters
 * or more that are distinctive, so "Postchef" does not become "Post".
 */
const COMPOUND_HEADS = [
  'chef', 'chefin', 'konzern', 'aktie', 'aktien', 'gruppe', 'tochter', 'filiale', 'filialen', 'werk', 'werke', 'sprecher', 'sprecherin',
  'mitarbeiter', 'mitarbeitende', 'boss', 'zentrale', 'umsatz', 'gewinn', 'pleite', 'konkurs', 'ubernahme', 'kunden', 'fabrik', 'standort',
  'manager', 'grunder', 'prasident', 'prasidentin', 'verwaltungsrat', 'angestellte', 'lieferant', 'lieferanten',
];
const HEADS = new Set(COMPOUND_HEADS);
const HEAD_LENGTHS = [...new Set(COMPOUND_HEADS.map((h) => h.length))];

function findCompound(root: Map<string, TrieNode>, norm: string): NameVariant[] | undefined {
  if (norm.length < 8) return undefined;
  for (const len of HEAD_LENGTHS) {
    if (norm.length - len < 4 || !HEADS.has(norm.slice(norm.length - len))) continue;
    let prefix = norm.slice(0, norm.length - len);
    let node = root.get(prefix);
    // Linking "s" as in "Siemensaktie" is part of the name; in "Swisscomsaktie" it is not.
    if (!node?.ends && prefix.endsWith('s')) node = root.get((prefix = prefix.slice(0, -1)));
    const ends = node?.ends?.filter((v) => v.tokens.length === 1 && !v.common && v.exactCase[0] == null);
    if (ends && ends.length > 0) return ends;
  }
  return undefined;
}

/** One pass over the tokens; at each token the trie is walked as far as the text continues a name. */
export function findNameSpans(root: Map<string, TrieNode>, norms: readonly string[], capitalised?: (i: number) => boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < norms.length; i++) {
    let level: Map<string, TrieNode> | undefined = root;
    if (capitalised && !root.has(norms[i]!) && capitalised(i)) {
      const compound = findCompound(root, norms[i]!);
      if (compound) {
        spans.push({ start: i, end: i + 1, variants: compound, compound: true });
        continue;
      }
    }
    let best: Span | undefined;
    for (let j = i; j < norms.length && level; j++) {
      const norm = norms[j]!;
      const node: TrieNode | undefined = level.get(norm);
      if (!node) {
        // German/English genitive and plural-like endings: "Holcims Gewinn", "Nestlés Aktie".
        if (norm.length > 3 && norm.charCodeAt(norm.length - 1) === 115 /* s */) {
          const bare = level.get(norm.slice(0, -1));
          if (bare?.ends) best = { start: i, end: j + 1, variants: bare.ends };
        }
        break;
      }
      if (node.ends) best = { start: i, end: j + 1, variants: node.ends };
      level = node.next;
    }
    if (best) spans.push(best);
  }
  if (spans.length < 2) return spans;
  // Longest span wins where spans overlap ("Credit Suisse" over a customer called "Suisse Re"…).
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(norms.length);
  const kept: Span[] = [];
  for (const s of spans) {
    let free = true;
    for (let k = s.start; k < s.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = s.start; k < s.end; k++) taken[k] = 1;
    kept.push(s);
  }
  return kept;
}

function findNameMentions(index: WatchlistIndex, full: string): Mention[] {
  const tokens = scanTokens(full);
  const out: Mention[] = [];
  const capitalised = (i: number) => {
    const c = full.charCodeAt(tokens.starts[i]!);
    return (c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(full[tokens.starts[i]!]!));
  };
  for (const span of findNameSpans(index.root, tokens.norms, capitalised)) {
    // The most telling variant per customer at this span: a strong one before a weak one, the name before an alias.
    const best = new Map<string, NameVariant>();
    for (const v of span.variants) {
      if (!span.compound && !caseFits(v, full, tokens, span.start)) continue;
      const prev = best.get(v.customerId);
      if (!prev || Number(v.common) - Number(prev.common) < 0 || (v.common === prev.common && Number(v.isAlias) < Number(prev.isAlias))) {
        best.set(v.customerId, v);
      }
    }
    // A name shared by many customers identifies none of them; listing them all would only be noise.
    if (best.size === 0 || best.size > MAX_CANDIDATES) continue;
    const formLen = legalFormLengthAt(tokens.norms, span.end);
    const text = full.slice(tokens.starts[span.start], tokens.ends[span.end - 1 + formLen]);
    const ambiguous = best.size > 1;
    for (const [customerId, v] of best) {
      let confidence = span.compound ? 0.75 : v.tokens.length >= 2 ? 0.9 : v.tokens[0]!.length >= 5 ? 0.85 : 0.78;
      if (formLen > 0) confidence = Math.min(0.97, confidence + 0.07);
      if (v.isAlias) confidence -= 0.05;
      const weak = v.common && formLen === 0;
      out.push({ customerId, confidence: ambiguous ? Math.min(confidence, 0.5) : confidence, text, ambiguous, weak });
    }
  }
  return out;
}

function caseFits(v: NameVariant, full: string, tokens: TokenStream, start: number): boolean {
  for (let k = 0; k < v.tokens.length; k++) {
    const raw = full.slice(tokens.starts[start + k], tokens.ends[start + k]);
    const want = v.exactCase[k];
    if (want != null) {
      if (raw !== want && raw !== `${want}s`) return false;
    } else if (v.capitals[k] && !/^[\p{Lu}\p{N}]/u.test(raw)) return false;
  }
  return true;
}

/** One match per customer: its best mention; ambiguous only if no mention of it is clear. */
function mergeMentions(mentions: Mention[]): LinkMatch[] {
  const byCustomer = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byCustomer.get(m.customerId);
    if (list) list.push(m);
    else byCustomer.set(m.customerId, [m]);
  }
  const out: LinkMatch[] = [];
  for (const [customerId, list] of byCustomer) {
    const strong = list.filter((m) => !m.weak && !m.ambiguous);
    if (strong.length > 0) {
      const best = strong.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      out.push({ customerId, confidence: round(best.confidence), text: best.text, ambiguous: false });
      continue;
    }
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    out.push({ customerId, confidence: round(Math.min(best.confidence, best.weak ? 0.4 : 0.5)), text: best.text, ambiguous: true });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.customerId.localeCompare(b.customerId));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
