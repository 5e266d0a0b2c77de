import type { EventType, Severity } from '../../platform/schemas/common.js';
import { detectIndustryTrends, linkIndustries } from './link-industries.js';

export interface IndustryEvent {
  /** NOGA / NACE section letter: the Signal's `industry`. */
  section: string;
  type: EventType;
  severity: Severity;
  confidence: number;
  evidence: string;
}

/**
 * Industry events of a document that names no customer: the sections it is about times the
 * events it reports (the company classifier's events plus branch-wide trends such as rising
 * failure counts). Confidence is the product of section and event confidence. Pure.
 */
export function findIndustryEvents(
  doc: { title?: string; text: string },
  events: Array<{ type: EventType; severity: Severity; confidence: number; evidence: string }>,
): IndustryEvent[] {
  const sections = linkIndustries(doc);
  if (sections.length === 0) return [];
  const all = [...events];
  for (const t of detectIndustryTrends(doc.title ? `${doc.title}\n${doc.text}` : doc.text)) {
    if (!all.some((e) => e.type === t.type)) all.push(t);
  }
  const out: IndustryEvent[] = [];
  for (const s of sections) {
    for (const e of all) {
      out.push({ section: s.section, type: e.type, severity: e.severity, confidence: Math.round(s.confidence * e.confidence * 100) / 100, evidence: e.evidence });
    }
  }
  return out;
}
