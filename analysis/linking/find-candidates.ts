import type { TokenStream, WordInfo } from './scan-text.js';
import type { NameVariant, TrieNode } from './watchlist-index.js';

/** How the text writes the name compared with the watchlist. */
export type CaseFit = 'same' | 'upper' | 'acronym_title';

/** A place in the text where one or more customers' names were found, before any decision. */
export interface NameSpan {
  /** Token indices; `end` is exclusive. */
  start: number;
  end: number;
  /** The fitting variants, at most the best per customer. */
  variants: Array<{ variant: NameVariant; fit: CaseFit }>;
  /** Found as the first part of a German compound ("Migroschef", "Siemensaktie"). */
  compound: boolean;
  /** The last token carried a genitive or plural "s" the name does not have ("Holcims"). */
  inflected: boolean;
}

/**
 * A German compound whose first part is a single-word name ("Migroschef", "Siemensaktie"). Only
 * single-word names that are not generic or acronyms, so "Postchef" stays unresolved unless a
 * feature says otherwise. The word's possible first parts come with its facts (word-cues.ts).
 */
function findCompound(root: Map<string, TrieNode>, prefixes: readonly string[]): NameVariant[] | undefined {
  for (const prefix of prefixes) {
    const ends = root.get(prefix)?.ends?.filter((v) => v.tokens.length === 1 && !v.generic && v.exactCase[0] == null);
    if (ends && ends.length > 0) return ends;
  }
  return undefined;
}

// An id per trie, so words remember their entries without holding on to an index that was replaced.
const ROOT_IDS = new WeakMap<Map<string, TrieNode>, number>();
let lastRootId = 0;
function idOf(root: Map<string, TrieNode>): number {
  let id = ROOT_IDS.get(root);
  if (id === undefined) ROOT_IDS.set(root, (id = ++lastRootId));
  return id;
}

/**
 * Looks the word up among the watchlist's first words once per index: news repeats its words, and
 * a hit in a map of tens of thousands of names costs more than reading the word itself.
 */
function rememberRoot(w: WordInfo, root: Map<string, TrieNode>, rootId: number): void {
  w.rootId = rootId;
  w.rootNode = root.get(w.norm);
  w.rootBare = w.bare === undefined ? undefined : root.get(w.bare);
}

/** Upper-case letter or digit at `at` (ASCII fast path). */
function upperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{Lu}\p{N}]/u.test(text[at]!);
}

/** Lower-case letter at `at` (ASCII fast path). */
function lowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  return /\p{Ll}/u.test(text[at]!);
}

/**
 * How `variant` is written at token `start`, or undefined when the case rules it out: an acronym
 * ("UBS") in its own spelling, or title case for a three-letter or longer one ("Tim" for TIM,
 * which the features then weigh); a capitalised name token never in lower case ("orange juice").
 */
export function caseFit(v: NameVariant, text: string, tokens: TokenStream, start: number): CaseFit | undefined {
  let fit: CaseFit = 'same';
  let allUpper = true;
  for (let k = 0; k < v.tokens.length; k++) {
    const from = tokens.starts[start + k]!;
    const to = tokens.ends[start + k]!;
    const want = v.exactCase[k];
    if (want != null) {
      const raw = text.slice(from, to);
      if (raw === want || raw === `${want}s`) continue;
      if (want.length >= 3 && raw.length === want.length && raw[0] === want[0] && raw.slice(1) === want.slice(1).toLowerCase()) {
        fit = 'acronym_title';
        continue;
      }
      return undefined;
    }
    if (v.capitals[k] && !upperAt(text, from)) return undefined;
    // Written in capitals: the first two letters are upper case ("MÜLLER"); one-letter tokens do not count.
    if (allUpper && (to - from < 2 || !upperAt(text, from) || lowerAt(text, from + 1))) allUpper = false;
  }
  if (fit === 'same' && allUpper && !v.acronym) fit = 'upper';
  return fit;
}

/**
 * One pass over the tokens; at each token the trie is walked as far as the text continues a name.
 * Every name that ends on the way is tried longest first; the longest name with a variant whose
 * case fits wins the position, so a longer alias written in the wrong case ("the Helix group")
 * still leaves the shorter name ("Helix"). Overlapping spans: the longest wins.
 */
export function findNameSpans(root: Map<string, TrieNode>, text: string, tokens: TokenStream): NameSpan[] {
  const { norms, words } = tokens;
  const rootId = idOf(root);
  const spans: NameSpan[] = [];
  const found: Array<{ end: number; variants: NameVariant[]; inflected: boolean }> = [];
  for (let i = 0; i < norms.length; i++) {
    const w = words[i]!;
    // The watchlist's first words are a large map; a word remembers its entry there (see rememberRoot).
    if (w.rootId !== rootId) rememberRoot(w, root, rootId);
    if (w.rootNode === undefined) {
      if (w.compoundPrefixes !== undefined && capitalised(text, tokens, i)) {
        const compound = findCompound(root, w.compoundPrefixes);
        if (compound) {
          spans.push({ start: i, end: i + 1, variants: bestPerCustomer(compound.map((variant) => ({ variant, fit: 'same' as const }))), compound: true, inflected: false });
          continue;
        }
      }
      if (w.rootBare?.ends === undefined) continue;
    }
    found.length = 0;
    let level: Map<string, TrieNode> | undefined = root;
    for (let j = i; j < norms.length && level; j++) {
      const node: TrieNode | undefined = j === i ? w.rootNode : level.get(norms[j]!);
      if (!node) {
        // German/English genitive and plural-like endings: "Holcims Gewinn", "Nestlés Aktie".
        const bare = words[j]!.bare;
        const bareNode = j === i ? w.rootBare : bare === undefined ? undefined : level.get(bare);
        if (bareNode?.ends) found.push({ end: j + 1, variants: bareNode.ends, inflected: true });
        break;
      }
      if (node.ends) found.push({ end: j + 1, variants: node.ends, inflected: false });
      level = node.next;
    }
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k]!;
      const fitting: Array<{ variant: NameVariant; fit: CaseFit }> = [];
      for (const variant of f.variants) {
        const fit = caseFit(variant, text, tokens, i);
        if (fit) fitting.push({ variant, fit });
      }
      if (fitting.length > 0) {
        // Where a customer's own name is written ("KTM", "Verizon"), another's short form of it ("KTM Components") is no candidate.
        if (fitting.length > 1 && fitting.some((x) => x.variant.kind === 'short') && fitting.some((x) => x.variant.kind !== 'short')) {
          for (let k = fitting.length - 1; k >= 0; k--) if (fitting[k]!.variant.kind === 'short') fitting.splice(k, 1);
        }
        spans.push({ start: i, end: f.end, variants: bestPerCustomer(fitting), compound: false, inflected: f.inflected });
        break;
      }
    }
  }
  if (spans.length < 2) return spans;
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(norms.length);
  const kept: NameSpan[] = [];
  for (const s of spans) {
    let free = true;
    for (let k = s.start; k < s.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = s.start; k < s.end; k++) taken[k] = 1;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const KIND_RANK = { name: 0, alias: 1, reduced: 2, short: 3 } as const;

/** The most telling variant per customer: its own name before an alias before a reduced name; exact case first. */
function bestPerCustomer(list: Array<{ variant: NameVariant; fit: CaseFit }>): Array<{ variant: NameVariant; fit: CaseFit }> {
  if (list.length === 1) return list;
  const best = new Map<string, { variant: NameVariant; fit: CaseFit }>();
  for (const x of list) {
    const prev = best.get(x.variant.customerId);
    if (!prev || variantRank(x) < variantRank(prev)) best.set(x.variant.customerId, x);
  }
  return [...best.values()];
}

function variantRank(y: { variant: NameVariant; fit: CaseFit }): number {
  return KIND_RANK[y.variant.kind] + (y.fit === 'acronym_title' ? 4 : 0);
}

export function capitalised(text: string, tokens: TokenStream, i: number): boolean {
  const c = text.charCodeAt(tokens.starts[i]!);
  return (c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(text[tokens.starts[i]!]!));
}

const LIST_WORDS = new Set(['&', 'e', 'o', 'or', 'oder', 'ou', 'sowie']);
const LIST_MARK = /^\s*[,/;]\s*$/;
const LIST_SPACE = /^\s*,?\s+$/;
const SPACES = /^\s+$/;

/**
 * Per span, 1 when it stands in an enumeration with its neighbour ("Kaufland/Real", "Görtz,
 * Klauser und Salamander", "Cora et Match"): only a comma, slash or conjunction between them.
 * `ends` are the spans' ends including a legal form that follows.
 */
export function findEnumerations(text: string, tokens: TokenStream, spans: NameSpan[], ends: number[]): Uint8Array {
  const listed = new Uint8Array(spans.length);
  for (let k = 1; k < spans.length; k++) {
    const from = ends[k - 1]!;
    const to = spans[k]!.start;
    const joined =
      to === from
        ? LIST_MARK.test(gapText(text, tokens, to))
        : to === from + 1 && LIST_WORDS.has(tokens.norms[from]!) && LIST_SPACE.test(gapText(text, tokens, from)) && SPACES.test(gapText(text, tokens, to));
    // "Puma oder Puma": one name written twice is no list of companies.
    if (joined && !sameNames(spans[k - 1]!, spans[k]!)) listed[k - 1] = listed[k] = 1;
  }
  return listed;
}

function sameNames(a: NameSpan, b: NameSpan): boolean {
  return a.variants.every((x) => b.variants.some((y) => y.variant.customerId === x.variant.customerId)) && b.variants.length === a.variants.length;
}

/** The characters between token i-1 and token i. */
function gapText(text: string, tokens: TokenStream, i: number): string {
  return text.slice(tokens.ends[i - 1], tokens.starts[i]);
}
