import type { RegisterIds } from '../../platform/schemas/document.js';
import { legalFormLengthAt, scanTokens, type TokenStream } from './normalize-name.js';
import { normalizeDomain, normalizeRegisterId, type NameVariant, type TrieNode, type WatchlistIndex } from './watchlist-index.js';

/** Character offsets into the linked text: `title + "\n" + text` when there is a title, else `text`. */
export interface TextSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

/** One piece of evidence behind a link, with what it contributed to the decision. */
export interface LinkReason {
  feature: string;
  weight: number;
}

export interface LinkMatch {
  customerId: string;
  /** 0..1; register ids 1.0, a full name followed by its legal form ~0.97, a single-word name ~0.8. */
  confidence: number;
  /** The text that matched: the name as written (with legal form if present), a register id or domain. */
  text: string;
  /** Two candidate customers, or a common-word name without support: kept, but alerts must not fire. */
  ambiguous: boolean;
  /** Every place in the linked text where the customer was found (empty for ids given by the source or the document URL). */
  spans: TextSpan[];
  /** The features that decided, each with its weight. */
  reasons: LinkReason[];
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
  span?: TextSpan;
  reasons: LinkReason[];
}

// Swiss UIDs are printed in notices and articles ("CHE-114.723.217"); they are unique, so exact.
const UID_RE = /\bCHE[-\s.]?\d{3}[.\s]?\d{3}[.\s]?\d{3}\b/g;

export function linkEntities(index: WatchlistIndex, doc: LinkableDocument): LinkMatch[] {
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const mentions = [...findRegisterIdMentions(index, doc, full), ...findDomainMentions(index, doc, full), ...findNameMentions(index, full)];
  return mergeMentions(mentions);
}

function findRegisterIdMentions(index: WatchlistIndex, doc: LinkableDocument, full: string): Mention[] {
  const ids: Array<{ id: string; span?: TextSpan }> = [];
  for (const list of Object.values(doc.registerIds ?? {})) for (const id of list ?? []) ids.push({ id });
  // indexOf first: most texts carry no UID, and a plain search is much cheaper than the regex.
  if (index.byRegisterId.size > 0 && full.includes('CHE')) {
    for (const m of full.matchAll(UID_RE)) ids.push({ id: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  const out: Mention[] = [];
  for (const { id, span } of ids) {
    const owners = index.byRegisterId.get(normalizeRegisterId(id)) ?? [];
    for (const customerId of owners) {
      const shared = owners.length > 1;
      const reasons = [{ feature: span ? 'register_id_in_text' : 'register_id_of_document', weight: 1 }];
      if (shared) reasons.push({ feature: 'register_id_shared', weight: -0.5 });
      out.push({ customerId, confidence: shared ? 0.5 : 1, text: id, ambiguous: shared, weak: false, ...(span ? { span } : {}), reasons });
    }
  }
  return out;
}

// Host names written in the text ("migros.ch", "www.post.ch/de"): the same exact lookup as the URL.
const DOMAIN_RE = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ch|li|de|at|fr|it|uk|com|net|org|eu|io|biz|info|swiss)\b/gi;

function findDomainMentions(index: WatchlistIndex, doc: LinkableDocument, full: string): Mention[] {
  if (index.byDomain.size === 0) return [];
  const hosts: Array<{ host: string; confidence: number; span?: TextSpan }> = [];
  if (doc.url) hosts.push({ host: normalizeDomain(doc.url), confidence: 0.95 });
  for (const m of full.matchAll(DOMAIN_RE)) {
    hosts.push({ host: normalizeDomain(m[0]), confidence: 0.9, span: { start: m.index, end: m.index + m[0].length } });
  }
  const out: Mention[] = [];
  for (const { host: first, confidence, span } of hosts) {
    // Walk up the host: news.example.ch → example.ch.
    for (let host = first; host.includes('.'); host = host.slice(host.indexOf('.') + 1)) {
      const owners = index.byDomain.get(host) ?? [];
      for (const customerId of owners) {
        const shared = owners.length > 1;
        const reasons = [{ feature: span ? 'domain_in_text' : 'domain_of_document_url', weight: confidence }];
        if (shared) reasons.push({ feature: 'domain_shared', weight: -0.5 });
        out.push({ customerId, confidence: shared ? 0.5 : confidence, text: host, ambiguous: shared, weak: false, ...(span ? { span } : {}), reasons });
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

/**
 * One pass over the tokens; at each token the trie is walked as far as the text continues a name.
 * Every name that ends on the way is offered to `accept`, longest first, which returns the variants
 * that fit the text there (case); the longest name with a fitting variant wins the position, so a
 * longer alias written in the wrong case ("the Helix group") still leaves the shorter name ("Helix").
 */
export function findNameSpans(
  root: Map<string, TrieNode>,
  norms: readonly string[],
  capitalised?: (i: number) => boolean,
  accept: (start: number, end: number, variants: NameVariant[]) => NameVariant[] = (_s, _e, v) => v,
): Span[] {
  const spans: Span[] = [];
  const found: Array<{ end: number; variants: NameVariant[] }> = [];
  for (let i = 0; i < norms.length; i++) {
    let level: Map<string, TrieNode> | undefined = root;
    if (capitalised && !root.has(norms[i]!) && capitalised(i)) {
      const compound = findCompound(root, norms[i]!);
      if (compound) {
        spans.push({ start: i, end: i + 1, variants: compound, compound: true });
        continue;
      }
    }
    found.length = 0;
    for (let j = i; j < norms.length && level; j++) {
      const norm = norms[j]!;
      const node: TrieNode | undefined = level.get(norm);
      if (!node) {
        // German/English genitive and plural-like endings: "Holcims Gewinn", "Nestlés Aktie".
        if (norm.length > 3 && norm.charCodeAt(norm.length - 1) === 115 /* s */) {
          const bare = level.get(norm.slice(0, -1));
          if (bare?.ends) found.push({ end: j + 1, variants: bare.ends });
        }
        break;
      }
      if (node.ends) found.push({ end: j + 1, variants: node.ends });
      level = node.next;
    }
    for (let k = found.length - 1; k >= 0; k--) {
      const variants = accept(i, found[k]!.end, found[k]!.variants);
      if (variants.length > 0) {
        spans.push({ start: i, end: found[k]!.end, variants });
        break;
      }
    }
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
  const fitting = (start: number, _end: number, variants: NameVariant[]) => variants.filter((v) => caseFits(v, full, tokens, start));
  for (const span of findNameSpans(index.root, tokens.norms, capitalised, fitting)) {
    // The most telling variant per customer at this span: a strong one before a weak one, the name before an alias.
    const best = new Map<string, NameVariant>();
    for (const v of span.variants) {
      const prev = best.get(v.customerId);
      if (!prev || Number(v.common) - Number(prev.common) < 0 || (v.common === prev.common && Number(v.isAlias) < Number(prev.isAlias))) {
        best.set(v.customerId, v);
      }
    }
    // A name shared by many customers identifies none of them; listing them all would only be noise.
    if (best.size === 0 || best.size > MAX_CANDIDATES) continue;
    const formLen = legalFormLengthAt(tokens.norms, span.end);
    const where = { start: tokens.starts[span.start]!, end: tokens.ends[span.end - 1 + formLen]! };
    const text = full.slice(where.start, where.end);
    const ambiguous = best.size > 1;
    for (const [customerId, v] of best) {
      const reasons: LinkReason[] = [];
      const base = span.compound ? 0.75 : v.tokens.length >= 2 ? 0.9 : v.tokens[0]!.length >= 5 ? 0.85 : 0.78;
      reasons.push({ feature: span.compound ? 'name_in_compound' : v.tokens.length >= 2 ? 'multi_word_name' : 'single_word_name', weight: base });
      let confidence = base;
      if (formLen > 0) {
        const bonus = Math.min(0.97, confidence + 0.07) - confidence;
        confidence += bonus;
        reasons.push({ feature: 'legal_form', weight: round(bonus) });
      }
      if (v.isAlias) {
        confidence -= 0.05;
        reasons.push({ feature: 'alias', weight: -0.05 });
      }
      const weak = v.common && formLen === 0;
      if (weak) reasons.push({ feature: 'common_word_name', weight: -0.4 });
      if (ambiguous) reasons.push({ feature: 'competing_customers', weight: round(Math.min(confidence, 0.5) - confidence) });
      out.push({ customerId, confidence: ambiguous ? Math.min(confidence, 0.5) : confidence, text, ambiguous, weak, span: where, reasons });
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

/** One match per customer: its best mention, with the places of all its mentions; ambiguous only if no mention of it is clear. */
function mergeMentions(mentions: Mention[]): LinkMatch[] {
  const byCustomer = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byCustomer.get(m.customerId);
    if (list) list.push(m);
    else byCustomer.set(m.customerId, [m]);
  }
  const out: LinkMatch[] = [];
  for (const [customerId, list] of byCustomer) {
    const spans = mergeSpans(list);
    const strong = list.filter((m) => !m.weak && !m.ambiguous);
    if (strong.length > 0) {
      const best = strong.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      out.push({ customerId, confidence: round(best.confidence), text: best.text, ambiguous: false, spans, reasons: best.reasons });
      continue;
    }
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    out.push({ customerId, confidence: round(Math.min(best.confidence, best.weak ? 0.4 : 0.5)), text: best.text, ambiguous: true, spans, reasons: best.reasons });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.customerId.localeCompare(b.customerId));
}

function mergeSpans(list: Mention[]): TextSpan[] {
  const spans = list.flatMap((m) => (m.span ? [m.span] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
