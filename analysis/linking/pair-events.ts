import type { EventType, Severity } from '../../platform/schemas/common.js';
import { bearsEvent, type EventRole, type Modality } from '../../platform/schemas/event-role.js';
import { linkEntities, type LinkableDocument, type LinkMatch, type TextSpan } from './link-entities.js';
import type { WatchlistIndex } from './watchlist-index.js';
import { foldName } from '../text/fold.js';

export interface DocumentEvent {
  type: EventType;
  severity: Severity;
  confidence: number;
  evidence: string;
  subject?: string;
  /** How the subject is given: a name, a reference ("die Firma"), a pronoun, or a register field. */
  subjectKind?: 'name' | 'reference' | 'pronoun' | 'register';
  subjectSpan?: TextSpan;
  role?: EventRole;
  modality?: Modality;
  parties?: ReadonlyArray<{ text: string; span?: TextSpan; role: EventRole }>;
  sentenceSpan?: TextSpan;
}

export interface CustomerEvent extends DocumentEvent {
  customerId: string;
  /** Held back from alerts: an ambiguous name, or nothing binds the event to this customer. */
  ambiguous: boolean;
  /** The customer's name or id as it appears in the document. */
  matchedText: string;
  role: EventRole;
  /** Why the event was given to this customer. */
  binding: 'subject' | 'party' | 'document' | 'register' | 'sentence' | 'unbound';
}

/**
 * Which linked customer an event is about, from the event's subject and the linker's spans:
 *
 * - the customer found where the event's subject is written bears it, in the subject's role;
 * - a customer found where another party is written (the creditor, petitioner, liquidator,
 *   acquirer, plaintiff, seller) gets nothing: it never inherits the debtor's event;
 * - a subject given as a reference ("die Firma", "the retailer", "it") is the company the
 *   document is about: the customer named in the title, the only clear customer, or the one a
 *   register notice is filed under;
 * - a register notice's event goes to the customer it is filed under (register id, name),
 *   never to a customer named as a non-bearing party (the petitioning creditor);
 * - a customer named in the event's sentence without a part of its own, when the subject is
 *   not a name, is kept for review (ambiguous); elsewhere in the document it gets nothing.
 */
export function pairEventsWithCustomers(
  index: WatchlistIndex,
  doc: LinkableDocument & { rubric?: string },
  events: readonly DocumentEvent[],
  matches: LinkMatch[] = linkEntities(index, doc),
): CustomerEvent[] {
  if (events.length === 0 || matches.length === 0) return [];
  const titleEnd = doc.title ? doc.title.length : -1;
  const clear = matches.filter((m) => !m.ambiguous);
  const inTitle = new Set(matches.filter((m) => m.spans.some((s) => s.end <= titleEnd)).map((m) => m.customerId));
  const topic = (m: LinkMatch) => inTitle.has(m.customerId) || (clear.length === 1 && clear[0] === m) || (inTitle.size === 0 && clear.length > 0 && firstNamed(clear) === m);
  const out: CustomerEvent[] = [];
  for (const event of events) {
    const role = event.role ?? 'subject';
    for (const m of matches) {
      const bound = bind(event, m, doc.rubric !== undefined, topic(m));
      if (!bound) continue;
      const sure = bound.binding !== 'sentence' && bound.binding !== 'unbound';
      out.push({
        ...event,
        customerId: m.customerId,
        role: bound.role ?? role,
        confidence: Math.round(event.confidence * m.confidence * (sure ? 1 : 0.5) * 1000) / 1000,
        ambiguous: m.ambiguous || !sure,
        matchedText: m.text,
        binding: bound.binding,
      });
    }
  }
  return out;
}

function bind(
  event: DocumentEvent,
  m: LinkMatch,
  isRegister: boolean,
  isTopic: boolean,
): { binding: CustomerEvent['binding']; role?: EventRole } | undefined {
  const at = (span: TextSpan | undefined) => span !== undefined && m.spans.some((s) => s.start < span.end && s.end > span.start);
  if (at(event.subjectSpan)) return { binding: 'subject' };
  const party = event.parties?.find((p) => at(p.span));
  if (party) return bearsEvent(party.role) ? { binding: 'party', role: party.role } : undefined;
  // A register notice is filed under its entity: the customer found by the notice's register id, or
  // named where the notice names its subject; another organisation the notice mentions gets nothing.
  if (isRegister) {
    if (event.subject === undefined || m.reasons.some((r) => r.feature.startsWith('register_id')) || sameName(m.text, event.subject)) return { binding: 'register' };
    return undefined;
  }
  if (event.subjectKind === 'name') return undefined; // the event names its subject, and it is someone else
  // A customer named in the event's own sentence is not what "die Firma" or "its GmbH" refers to there.
  if (at(event.sentenceSpan) && event.subject !== undefined) return undefined;
  if (event.subject !== undefined && isTopic) return { binding: 'document' };
  if (at(event.sentenceSpan)) return { binding: 'sentence' };
  return event.sentenceSpan === undefined ? { binding: 'unbound' } : undefined;
}

function sameName(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  return fa.includes(fb) || fb.includes(fa);
}

function firstNamed(ms: readonly LinkMatch[]): LinkMatch | undefined {
  let best: LinkMatch | undefined;
  let at = Infinity;
  for (const m of ms) {
    const first = m.spans.reduce((a, s) => Math.min(a, s.start), Infinity);
    if (first < at) {
      at = first;
      best = m;
    }
  }
  return best;
}
