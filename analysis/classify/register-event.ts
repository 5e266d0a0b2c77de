import { DEFAULT_SEVERITY } from '../../platform/schemas/common.js';
import type { DocumentParty } from '../../platform/schemas/document.js';
import { bearsEvent, type EventRole } from '../../platform/schemas/event-role.js';
import type { ClassifiableDocument, ClassifiedEvent } from './event-types.js';
import type { RubricEvent } from './map-rubric.js';

/**
 * A register notice is the event itself: its rubric decides the type, and the parties the
 * register names in structured fields decide who bears it (SHAB <debtor>, the Gazette's
 * "In the Matter of" company) and who does not (the petitioning creditor). Without parties
 * the notice is about the registered entity: every organisation it names is its subject.
 */
export function registerEvent(rubric: RubricEvent, doc: ClassifiableDocument, lang: string, evidence: string): ClassifiedEvent {
  const parties = doc.parties ?? [];
  const bearer = parties.find((p) => bearsEvent(p.role));
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const spanOf = (p: DocumentParty) => {
    const at = full.indexOf(p.name);
    return at >= 0 ? { span: { start: at, end: at + p.name.length } } : {};
  };
  const role: EventRole = bearer ? roleOf(bearer.role, rubric.type) : 'subject';
  return {
    type: rubric.type,
    severity: DEFAULT_SEVERITY[rubric.type],
    confidence: 0.99,
    evidence,
    ...(bearer ? { subject: bearer.name, subjectKind: 'register' as const, ...(spanOf(bearer).span ? { subjectSpan: spanOf(bearer).span } : {}) } : {}),
    role,
    modality: 'factual',
    trigger: `rubric ${rubric.reason}`,
    cues: [`register ${lang}`],
    parties: parties.filter((p) => p !== bearer).map((p) => ({ text: p.name, role: p.role, ...spanOf(p) })),
  };
}

const DEBT = new Set<RubricEvent['type']>(['insolvency', 'debt_restructuring', 'liquidation', 'debt_enforcement', 'payment_delay']);

function roleOf(role: EventRole, type: RubricEvent['type']): EventRole {
  if (!bearsEvent(role)) return role;
  if (!DEBT.has(type)) return 'subject';
  return type === 'debt_enforcement' && role === 'respondent' ? 'respondent' : 'debtor';
}
