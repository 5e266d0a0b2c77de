import type { RegisterIds } from '../../platform/schemas/document.js';
import { createDocumentContext } from './document-context.js';
import { findEnumerations, findNameSpans } from './find-candidates.js';
import { findDomainMentions, findRegisterIdMentions, type IdentifierMention, type TextSpan } from './find-identifiers.js';
import { explainFeatures, logitOf, sigmoid, type FeatureValues, type LinkModel } from './link-model.js';
import { markPersonElsewhere, mentionFeatures } from './mention-features.js';
import { legalFormInText } from './normalize-name.js';
import { scanTokens } from './scan-text.js';
import type { NameVariant, WatchlistIndex } from './watchlist-index.js';

export type { TextSpan } from './find-identifiers.js';

/** One piece of evidence behind a link: a feature and what it added to the log-odds (ids: their confidence). */
export interface LinkReason {
  feature: string;
  weight: number;
}

export interface LinkMatch {
  customerId: string;
  /** 0..1: the model's probability that the text is about this customer (register id 1.0, domain 0.9–0.95). */
  confidence: number;
  /** The text that matched: the name as written (with legal form if present), a register id or domain. */
  text: string;
  /** Two customers compete for the same words, or the evidence is split: kept, but alerts must not fire. */
  ambiguous: boolean;
  /** Every place in the linked text where the customer was found (empty for ids given by the source or the document URL). */
  spans: TextSpan[];
  /** The features that decided, each with its weight, largest effect first. */
  reasons: LinkReason[];
}

export interface LinkableDocument {
  title?: string;
  text: string;
  url?: string;
  registerIds?: RegisterIds;
  /** ISO 639-1 language when the source states it; guessed from marker words otherwise. */
  lang?: string;
}

export interface NameMention {
  customerId: string;
  probability: number;
  logit: number;
  text: string;
  span: TextSpan;
  /** The folded words matched, to find the customer's other mentions written the same way. */
  key: string;
  features: FeatureValues;
  /** Lost to, or tied with, another customer on the same words. */
  contested: boolean;
  /**
   * Whether the mention is kept at all (clear or ambiguous): from `ambiguousFrom` on, judged without
   * the penalty for a rival on the same words, so two customers of one name stay as ambiguous
   * matches instead of both disappearing.
   */
  kept: boolean;
}

/**
 * Links a document to the watchlist: register ids and web domains exactly, names in one pass over
 * the text (the trie), each name mention scored by the linking model from its features. A match
 * is clear from the model's threshold on, ambiguous (kept, never alerted) between `ambiguousFrom`
 * and the threshold or when two customers compete for the same words without a clear winner.
 */
export function linkEntities(index: WatchlistIndex, doc: LinkableDocument): LinkMatch[] {
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const ids = [...findRegisterIdMentions(index, doc.registerIds, full), ...findDomainMentions(index, doc.url, full)];
  return merge(index, ids, findNameMentions(index, full, doc.title ? doc.title.length + 1 : 0, doc.lang, ids));
}

/** The name mentions of a document with the features of each candidate customer, before any decision. */
export interface SpanCandidates {
  span: TextSpan;
  text: string;
  key: string;
  candidates: Array<{ customerId: string; features: FeatureValues }>;
  /** Per candidate: found by a short form of its name. */
  short: boolean[];
}

/** Candidate generation and features without the model: what scripts/fit-link-model.ts fits the weights on. */
export function findLinkCandidates(index: WatchlistIndex, doc: LinkableDocument): SpanCandidates[] {
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const ids = [...findRegisterIdMentions(index, doc.registerIds, full), ...findDomainMentions(index, doc.url, full)];
  return collectCandidates(index, full, doc.title ? doc.title.length + 1 : 0, doc.lang, ids);
}

function collectCandidates(index: WatchlistIndex, full: string, titleEnd: number, lang: string | undefined, ids: IdentifierMention[]): SpanCandidates[] {
  const tokens = scanTokens(full);
  const spans = findNameSpans(index.root, full, tokens);
  if (spans.length === 0) return [];
  const counts = new Map<string, number>();
  for (const s of spans) for (const { variant } of s.variants) counts.set(variant.customerId, (counts.get(variant.customerId) ?? 0) + 1);
  const identified = new Set(ids.filter((m) => !m.shared).map((m) => m.customerId));
  // Customers written with more than a short form somewhere in the document ("Thames Water … Thames").
  const fullNamed = new Set<string>();
  for (const s of spans) for (const { variant } of s.variants) if (variant.kind !== 'short') fullNamed.add(variant.customerId);
  const ctx = createDocumentContext(full, tokens, titleEnd, lang, identified, counts);
  const ends = spans.map((s) => (s.compound ? s.end : s.end + (legalFormInText(tokens.norms, full, tokens.starts, tokens.ends, s.end)?.length ?? 0)));
  const listed = findEnumerations(full, tokens, spans, ends);
  const out: SpanCandidates[] = [];
  spans.forEach((span, i) => {
    // A name shared by many customers identifies none of them; listing them all would only be noise.
    if (span.variants.length > 10) return;
    const where = { start: tokens.starts[span.start]!, end: tokens.ends[ends[i]! - 1]! };
    const candidates = span.variants.map((c) => ({
      customerId: c.variant.customerId,
      features: mentionFeatures(ctx, index.profiles.get(c.variant.customerId)!, { span, variant: c.variant, fit: c.fit, competitors: rivals(span.variants, c.variant), listed: listed[i] === 1, fullElsewhere: c.variant.kind === 'short' && fullNamed.has(c.variant.customerId) }),
    }));
    const key = span.end - span.start === 1 ? tokens.norms[span.start]! : tokens.norms.slice(span.start, span.end).join(' ');
    out.push({ span: where, text: full.slice(where.start, where.end), key, candidates, short: span.variants.map((c) => c.variant.kind === 'short') });
  });
  markPersonElsewhere(out.flatMap((s) => s.candidates.map((c, j) => ({ customerId: c.customerId, features: c.features, short: s.short[j]! }))));
  return out;
}

// How strongly a kind of variant claims its words: a name or alias, then a name without its group word, then a short form.
const CLAIM = { name: 2, alias: 2, reduced: 1, short: 0 } as const;

/**
 * Other customers on the same words with as strong a variant: an alias is not contested by another's
 * name without its group word ("Esprit" for Esprit Holdings), nor a name by another's short form.
 */
function rivals(variants: ReadonlyArray<{ variant: NameVariant }>, own: NameVariant): number {
  if (variants.length === 1) return 0;
  let n = 0;
  for (const { variant } of variants) if (variant !== own && CLAIM[variant.kind] >= CLAIM[own.kind]) n++;
  return n;
}

function findNameMentions(index: WatchlistIndex, full: string, titleEnd: number, lang: string | undefined, ids: IdentifierMention[]): NameMention[] {
  return decideSpans(index.model, collectCandidates(index, full, titleEnd, lang, ids));
}

/** Scores every candidate; on shared words the clear favourite keeps them, a close second makes both contested, a distant one drops out. */
export function decideSpans(model: LinkModel, spans: SpanCandidates[]): NameMention[] {
  const out: NameMention[] = [];
  for (const { span, text, key, candidates } of spans) {
    const scored = candidates.map((c) => ({ customerId: c.customerId, features: c.features, logit: logitOf(model, c.features) })).sort((a, b) => b.logit - a.logit);
    const top = scored[0]!;
    for (const s of scored) {
      if (s !== top && top.logit - s.logit >= model.competitionMargin) continue;
      const contested = scored.length > 1 && (s !== top || top.logit - scored[1]!.logit < model.competitionMargin);
      const probability = sigmoid(s.logit);
      const alone = contested ? sigmoid(s.logit - (model.weights.competing ?? 0) * (s.features.get('competing') ?? 0)) : probability;
      out.push({ customerId: s.customerId, probability, logit: s.logit, text, span, key, features: s.features, contested, kept: Math.max(probability, alone) >= model.ambiguousFrom });
    }
  }
  return out;
}

/** One match per customer: exact ids first, else its best name mention; spans of all its mentions. */
function merge(index: WatchlistIndex, ids: IdentifierMention[], names: NameMention[]): LinkMatch[] {
  const { model } = index;
  const byCustomer = new Map<string, { own: IdentifierMention[]; named: NameMention[] }>();
  const entry = (id: string) => {
    let e = byCustomer.get(id);
    if (!e) byCustomer.set(id, (e = { own: [], named: [] }));
    return e;
  };
  for (const m of ids) entry(m.customerId).own.push(m);
  for (const m of names) entry(m.customerId).named.push(m);
  const out: LinkMatch[] = [];
  for (const [customerId, { own, named }] of byCustomer) {
    const exact = own.filter((m) => !m.shared).sort((a, b) => b.confidence - a.confidence)[0];
    let best: NameMention | undefined;
    for (const m of named) if (!best || m.logit > best.logit) best = m;
    let match: LinkMatch | undefined;
    if (exact) {
      match = { customerId, confidence: exact.confidence, text: exact.text, ambiguous: false, spans: [], reasons: [{ feature: exact.feature, weight: exact.confidence }] };
    } else if (best && best.kept) {
      const clear = best.probability >= model.threshold && !best.contested;
      match = { customerId, confidence: round2(best.probability), text: best.text, ambiguous: !clear, spans: [], reasons: [...explainFeatures(model, best.features), { feature: 'bias', weight: round2(model.bias) }] };
    } else if (own.length > 0) {
      const shared = own[0]!;
      match = { customerId, confidence: 0.5, text: shared.text, ambiguous: true, spans: [], reasons: [{ feature: `${shared.feature}_shared`, weight: 0.5 }] };
    }
    if (!match) continue;
    // Where the customer is: its ids in the text, and every name mention that counts or is written like one that does.
    const spans: TextSpan[] = [];
    for (const m of own) if (m.span) spans.push(m.span);
    if (named.length === 1) {
      if (exact || named[0]!.kept) spans.push(named[0]!.span);
    } else if (named.length > 1) {
      const keys = new Set(named.filter((m) => exact || m.kept).map((m) => m.key));
      for (const m of named) if (keys.has(m.key)) spans.push(m.span);
    }
    match.spans = spans.length > 1 ? dedupe(spans) : spans;
    out.push(match);
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.customerId < b.customerId ? -1 : 1));
}

function dedupe(spans: TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((s, i) => i === 0 || s.start !== sorted[i - 1]!.start || s.end !== sorted[i - 1]!.end);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
