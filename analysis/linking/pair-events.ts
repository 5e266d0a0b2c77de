import type { EventType, Severity } from '../../platform/schemas/common.js';
import { linkEntities, type LinkableDocument, type LinkMatch } from './link-entities.js';
import type { WatchlistIndex } from './watchlist-index.js';

export interface DocumentEvent {
  type: EventType;
  severity: Severity;
  confidence: number;
  evidence: string;
}

export interface CustomerEvent extends DocumentEvent {
  customerId: string;
  /** Held back from alerts: an ambiguous name, or the event's sentence is about someone else. */
  ambiguous: boolean;
  /** The customer's name or id as it appears in the document. */
  matchedText: string;
}

/**
 * Which linked customer an event is about. "Die Müller AG, Lieferantin der konkursiten Meier AG, …"
 * names two companies; only one is bankrupt. An event counts fully for the customers named in
 * its evidence sentence, and for the customers the document is about as a whole (named in the
 * title, or the only customer named); for any other customer in the document it is kept but
 * marked ambiguous, so it shows up for review without triggering an alert. Register notices
 * (`rubric` set) are about the registered entity, so every linked customer counts fully.
 */
export function pairEventsWithCustomers(
  index: WatchlistIndex,
  doc: LinkableDocument & { rubric?: string },
  events: DocumentEvent[],
  matches: LinkMatch[] = linkEntities(index, doc),
): CustomerEvent[] {
  if (events.length === 0 || matches.length === 0) return [];
  const inTitle = new Set(doc.title ? linkEntities(index, { text: doc.title }).map((m) => m.customerId) : []);
  const clear = matches.filter((m) => !m.ambiguous);
  const out: CustomerEvent[] = [];
  for (const event of events) {
    const inSentence = new Set(linkEntities(index, { text: event.evidence }).map((m) => m.customerId));
    for (const m of matches) {
      const about = doc.rubric !== undefined || inSentence.has(m.customerId) || inTitle.has(m.customerId) || (clear.length === 1 && clear[0] === m);
      out.push({
        ...event,
        customerId: m.customerId,
        confidence: Math.round(event.confidence * m.confidence * (about ? 1 : 0.5) * 1000) / 1000,
        ambiguous: m.ambiguous || !about,
        matchedText: m.text,
      });
    }
  }
  return out;
}
