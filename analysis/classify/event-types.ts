import type { EventType, Severity } from '../../platform/schemas/common.js';
import type { DocumentParty } from '../../platform/schemas/document.js';
import type { EventRole, Modality } from '../../platform/schemas/event-role.js';
import type { MentionKind } from './mentions.js';

/** Character offsets into `title + "\n" + text` (or `text` alone without a title), as entity linking gives them. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface EventParty {
  text: string;
  span?: TextSpan;
  role: EventRole;
}

export interface ClassifiedEvent {
  type: EventType;
  severity: Severity;
  confidence: number;
  /** The sentence that states the event. */
  evidence: string;
  /** The organisation the event is about, as written ("Müller AG", "the retailer"); absent when only the document names it. */
  subject?: string;
  subjectKind?: MentionKind | 'register';
  subjectSpan?: TextSpan;
  role: EventRole;
  modality: Modality;
  /** What fired: the trigger words as written, then the cues and the role rule. */
  trigger: string;
  cues: string[];
  /** Other organisations in the sentence and their parts (creditor, petitioner, liquidator, acquirer …). */
  parties: EventParty[];
  sentenceSpan?: TextSpan;
}

export interface Classification {
  lang: string;
  /** Events that become signals: factual, or hedged hard events as financial_distress. */
  events: ClassifiedEvent[];
  /** Triggers that were read as negated, denied, historic, generic, hypothetical or without a subject. */
  rejected: ClassifiedEvent[];
  /** -1 (clearly adverse) … 1 (clearly positive); 0 when nothing was found. */
  polarity: number;
}

export interface ClassifiableDocument {
  title?: string;
  text: string;
  lang?: string;
  rubric?: string;
  /** ISO date of publication; years two or more before it mark an event as historic. */
  publishedAt?: string;
  /** Register notice parties with their roles (SHAB debtor, Gazette respondent/petitioner). */
  parties?: DocumentParty[];
  /** Organisations entity linking found (customers), with their spans; they become mentions. */
  linked?: ReadonlyArray<{ customerId: string; text: string; spans: readonly TextSpan[] }>;
}
