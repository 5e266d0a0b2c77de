import { stableId } from '../platform/ids.js';
import { findClaimDeadline } from './scoring/next-step.js';
import type { Document, Signal } from '../platform/schemas/index.js';
import { linkEntities, pairEventsWithCustomers, type WatchlistIndex } from './linking/index.js';
import { classifyDocument, languageOf, mayReportEvents, sectorWideEvents, type EventModel } from './classify/index.js';
import { findIndustryEvents } from './industry/index.js';

/**
 * Pure: one document against the watchlist → the signals it carries. An event counts fully for
 * the customer its sentence (or the title) names; other customers in the same article get it
 * as ambiguous, so they are shown for review but never alerted. A document that names no
 * customer but an industry yields industry signals (NACE section) for the industry risk index.
 */
export interface AnalyzeOptions {
  /** The trained event layer (event-model.json), passed in by the composition root; without it the extractor's rules decide alone. */
  eventModel?: EventModel;
}

export function analyzeDocument(doc: Document, index: WatchlistIndex, detectedAt: Date, options: AnalyzeOptions = {}): Signal[] {
  const occurredAt = doc.publishedAt ?? doc.fetchedAt;
  const classifiable = { title: doc.title, text: doc.text, lang: doc.language, rubric: doc.rubric, publishedAt: occurredAt, parties: doc.parties };
  const lang = languageOf(classifiable);
  if (!mayReportEvents(classifiable, lang)) return [];
  const linkable = { title: doc.title, text: doc.text, url: doc.url, registerIds: doc.registerIds, rubric: doc.rubric };
  const matches = linkEntities(index, linkable);
  // Linked customers are mentions too: the event's subject binds to them by their spans.
  const classification = classifyDocument({ ...classifiable, lang, linked: matches }, { model: options.eventModel });
  const sector = matches.length === 0 ? sectorWideEvents(classification) : [];
  if (classification.events.length === 0 && sector.length === 0) return [];
  const base = {
    polarity: classification.polarity,
    documentIds: [doc.id],
    sourceId: doc.sourceId,
    title: doc.title,
    url: doc.url,
    occurredAt,
    detectedAt: detectedAt.toISOString(),
    ...claimDeadlineOf(doc, classification.events),
  };
  if (matches.length > 0) {
    return onePerId(pairEventsWithCustomers(index, linkable, classification.events, matches).map((e) => ({
      ...base,
      id: stableId('signal', doc.id, e.customerId, e.type),
      type: e.type,
      severity: e.severity,
      confidence: round(e.confidence),
      customerId: e.customerId,
      ambiguous: e.ambiguous,
      evidence: e.evidence,
      subject: e.subject ?? e.matchedText,
      role: e.role,
      ...(e.modality ? { modality: e.modality } : {}),
    })));
  }
  return onePerId(findIndustryEvents(doc, [...classification.events, ...sector]).map((e) => ({
    ...base,
    id: stableId('signal', doc.id, `industry:${e.section}`, e.type),
    type: e.type,
    severity: e.severity,
    confidence: round(e.confidence),
    industry: e.section,
    ambiguous: false,
    evidence: e.evidence,
  })));
}

/**
 * One fact, one signal: a document tells a customer's (or an industry's) event of one type once,
 * however many sentences or references ("Thomas Cook Group plc" … "the tour operator") report it.
 * Of signals with one id — (document, customer or industry, type) — the one kept is the one that
 * may alert (not ambiguous), then the most confident, then the first; its evidence goes with it.
 */
export function onePerId(signals: Signal[]): Signal[] {
  const kept = new Map<string, Signal>();
  for (const s of signals) {
    const o = kept.get(s.id);
    if (!o || (o.ambiguous && !s.ambiguous) || (o.ambiguous === s.ambiguous && s.confidence > o.confidence)) kept.set(s.id, s);
  }
  return kept.size === signals.length ? signals : [...kept.values()];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A notice about proceedings that calls for claims by a date carries that date (the credit manager's next step). */
function claimDeadlineOf(doc: Document, events: ReadonlyArray<{ type: string }>): { claimDeadline?: string } {
  if (!events.some((e) => e.type === 'insolvency' || e.type === 'debt_restructuring' || e.type === 'liquidation')) return {};
  const deadline = findClaimDeadline(`${doc.title}\n${doc.text}`);
  return deadline ? { claimDeadline: deadline } : {};
}
