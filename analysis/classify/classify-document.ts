import { DEFAULT_SEVERITY, HARD_EVENT_TYPES, type EventType, type Severity } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import { guessLanguage } from './detect-language.js';
import { extractSentence, type SentenceEvent } from './extract-sentence.js';
import { compileLexicon, findTriggers, type CompiledLexicon } from './lexicon.js';
import { mapRubric } from './map-rubric.js';
import type { OrgMention } from './mentions.js';
import { NOT_AN_ORGANISATION } from './roles.js';
import type { Classification, ClassifiableDocument, ClassifiedEvent, TextSpan } from './event-types.js';
import { registerEvent } from './register-event.js';
import { documentSentences } from './document-sentences.js';
import { resolveReferences } from './resolve-references.js';
import { SentenceReading } from './sentence-reading.js';
import { candidateFeatures, sentenceView, triggerClause } from './event-features.js';
import { decide, explainDecision, type EventModel } from './event-model.js';

export type { Classification, ClassifiableDocument, ClassifiedEvent, EventParty, TextSpan } from './event-types.js';

export interface ClassifyOptions {
  /** The trained event model (event-model.json, loaded by the composition root); without it the rules decide alone. */
  model?: EventModel;
}

/** One trigger read by the rules, with the rules' decision and, when asked for, the model's features. */
export interface Candidate {
  event: ClassifiedEvent;
  /** The extractor's rules make it a signal. */
  accepted: boolean;
  /** Rejected for a reason the trained layer may not overrule (a party whose part no marker names). */
  locked?: boolean;
  features?: Map<string, number>;
}

const SUPPORTED = new Set(['de', 'en', 'fr', 'it']);
const HARD: ReadonlySet<EventType> = new Set(HARD_EVENT_TYPES);
const EVIDENCE_MAX = 300;

const lexicons = new Map<string, CompiledLexicon>();
export function lexiconFor(lang: string): CompiledLexicon {
  let lex = lexicons.get(lang);
  if (!lex) lexicons.set(lang, (lex = compileLexicon(lang)));
  return lex;
}

/**
 * The document's language: the source's when it names a supported one, else detected. A short
 * text the detector is unsure about is read in the runner-up language when only that
 * language's lexicons find an event word in it.
 */
export function languageOf(doc: ClassifiableDocument): string {
  const given = doc.lang?.toLowerCase().slice(0, 2);
  if (given && SUPPORTED.has(given)) return given;
  const guess = guessLanguage(doc.title ? `${doc.title}\n${doc.text}` : doc.text);
  if (guess.alternative && !doc.rubric && !mayReportEvents(doc, guess.lang) && mayReportEvents(doc, guess.alternative)) return guess.alternative;
  return guess.lang;
}

// The analyzer asks before linking and the extractor asks again: the last answer is kept (same document object).
let lastAsked: { doc: ClassifiableDocument; lang: string; found: boolean } | undefined;

/**
 * Cheap test before linking: a register notice, or a lexicon match in the text. The lexicon
 * regex only runs on the sentences around a literal anchor of a trigger (most news has none).
 */
export function mayReportEvents(doc: ClassifiableDocument, lang: string = languageOf(doc)): boolean {
  if (doc.rubric) return true;
  if (lastAsked && lastAsked.doc.text === doc.text && lastAsked.doc.title === doc.title && lastAsked.lang === lang) return lastAsked.found;
  const found = findTriggers(foldText(doc.title ? `${doc.title}\n${doc.text}` : doc.text, lang), lexiconFor(lang), true).length > 0;
  lastAsked = { doc, lang, found };
  return found;
}


export function classifyDocument(doc: ClassifiableDocument, options: ClassifyOptions = {}): Classification {
  const { model } = options;
  const lang = languageOf(doc);
  if (doc.rubric) {
    const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
    const rubric = mapRubric(doc.rubric, full, lang);
    const events = rubric ? [registerEvent(rubric, doc, lang, evidenceOf(doc.title || doc.text))] : [];
    return { lang, events, rejected: [], polarity: polarityOf(events) };
  }
  const candidates = candidatesOf(doc, lang, model ? new Set(model.families) : undefined);
  const events: ClassifiedEvent[] = [];
  const rejected: ClassifiedEvent[] = [];
  for (const c of candidates) {
    if (!model || !c.features || c.locked) {
      (c.accepted ? events : rejected).push(c.event);
      continue;
    }
    const threshold = c.accepted ? (HARD.has(c.event.type) ? (model.typeThresholds?.[c.event.type] ?? model.hardThreshold) : model.softThreshold) : model.recoverFrom;
    if (threshold === undefined) {
      rejected.push(c.event);
      continue;
    }
    const d = decide(model, c.features);
    const e = { ...c.event, cues: [...c.event.cues, explainDecision(d, threshold)] };
    (d.probability >= threshold ? events : rejected).push(e);
  }
  // "Das Unternehmen", "la société", "it": the organisation a sentence before or the title named (resolve-references.ts).
  const kept = onePerSubjectAndType(resolveReferences(events, [...events, ...rejected], doc, lang));
  return { lang, events: kept, rejected, polarity: polarityOf(kept) };
}

/**
 * Every trigger of a (non-register) document read by the rules: its event, whether the rules
 * make it a signal, and with `families` the features of the trained model. The runtime and the
 * fit script (scripts/fit-event-model.ts) share it.
 */
export function candidatesOf(doc: ClassifiableDocument, lang: string = languageOf(doc), families?: ReadonlySet<string>): Candidate[] {
  // Most news has no event word at all: one scan of the whole folded text settles that first.
  if (!mayReportEvents(doc, lang)) return [];
  const lex = lexiconFor(lang);
  const refYear = doc.publishedAt ? Number(doc.publishedAt.slice(0, 4)) : undefined;
  const out: Candidate[] = [];
  for (const s of documentSentences(doc)) {
    // A sentence worth reading: one of the lexicon's literal anchors occurs in it. Folded and scanned once for this
    // test and the extractor's triggers (the mapped fold differs from foldText only where no anchor can lie: a
    // backtick kept, a final sigma; so it passes every sentence foldText passed that has a trigger).
    const reading = new SentenceReading(s.text, lang);
    const anchors = new Set<number>();
    lex.anchors.collect(reading.folded, anchors);
    if (anchors.size === 0) continue;
    const linked = linkedIn(doc.linked, s);
    const { isTitle } = s;
    const found = extractSentence(s.text, { lang, lex, refYear, linked, reading, anchors });
    if (found.length === 0) continue;
    const view = families ? sentenceView(s.text, lang, isTitle, found[0]!.names, families, reading.plainFolded(), refYear) : undefined;
    const evidence = evidenceOf(s.text);
    const events = found.map((e) => toEvent(e, s, isTitle, evidence));
    // Two organisations and only their order to say which one is bought or sued: a buyer or a plaintiff must
    // never get the other's event, so the rules keep none rather than guess.
    // A clause the rules read as being about something that is no organisation ("a chain of restaurants, that had fallen
    // into insolvency") is no organisation's event, whatever another name in the sentence.
    const locked = events.map(
      (ev, i) =>
        (PARTY_TYPES.has(ev.type) && found[i]!.names >= 2 && ev.subjectKind === 'name' && POSITIONAL.test(ev.cues.find((q) => q.startsWith('role: ')) ?? '')) ||
        ev.cues.includes(`role: ${NOT_AN_ORGANISATION}`),
    );
    locked.forEach((l, i) => l && !events[i]!.cues.includes(`role: ${NOT_AN_ORGANISATION}`) && events[i]!.cues.push(UNCERTAIN_PARTY));
    // A softer event without a subject stands for the document's company: only where the document has one (a linked
    // customer, or an organisation the sentence names or refers to). Law, advice and statistics pages about late wages or
    // short-time work name none ("Il mancato pagamento dello stipendio rappresenta…").
    const companyless = !(doc.linked && doc.linked.length > 0) && found[0]!.companies === 0;
    events.forEach((ev) => companyless && ev.subject === undefined && !HARD.has(ev.type) && ev.type !== 'financial_distress' && ev.cues.push(NO_COMPANY_IN_DOCUMENT));
    const accepted = events.map((ev, i) => !locked[i] && isSignal(ev));
    // The consequences of an insolvency told beside it (jobs at risk, unpaid wages) are part of that one fact.
    const withHard = events.some((ev, i) => accepted[i] && HARD.has(ev.type));
    // "4500 jobs at risk as HMV goes into administration": jobs and wages of the company whose insolvency the same
    // sentence tells are that one fact (issue 11, one fact one event), whatever the trained layer would say.
    events.forEach((ev, i) => {
      if (!accepted[i] || !CONSEQUENCE_TYPES.has(ev.type)) return;
      const hard = events.find((h, k) => accepted[k] && HARD.has(h.type) && h.subject !== undefined && h.subject === ev.subject);
      if (!hard) return;
      accepted[i] = false;
      locked[i] = true;
      ev.cues.push(`part of the ${hard.type} told in the same sentence`);
    });
    found.forEach((e, i) => {
      const event = events[i]!;
      const features =
        view && families
          ? candidateFeatures(
              {
                type: event.type,
                triggerType: e.triggerType,
                trigger: event.trigger,
                modality: event.modality,
                cues: event.cues,
                subjectKind: event.subjectKind,
                linked: e.subject?.customerId !== undefined,
                role: event.role,
                accepted: accepted[i]!,
                besideHard: withHard && !HARD.has(event.type),
                clause: triggerClause(reading.folded, reading.toFolded(e.triggerStart), reading.toFolded(e.triggerEnd)),
              },
              view,
              families,
            )
          : undefined;
      out.push({ event, accepted: accepted[i]!, ...(locked[i] ? { locked: true } : {}), ...(features ? { features } : {}) });
    });
  }
  return out;
}

/**
 * Events about a branch rather than one company: statistics ("Viele Baufirmen melden Kurzarbeit
 * an") and factual statements that name no organisation. They feed industry signals, never a
 * company's.
 */
export function sectorWideEvents(c: Classification): ClassifiedEvent[] {
  return c.rejected.filter((e) => e.cues.some((q) => q.startsWith('statistic:')) || (e.subject === undefined && e.cues.includes(NO_ORGANISATION)));
}

const NO_ORGANISATION = 'no organisation named or referred to';
const NO_COMPANY_IN_DOCUMENT = 'no company in the document it could be about';
const UNCERTAIN_PARTY = 'two organisations named, no marker says which one the event is about';
/** Events with two sides (buyer and bought, plaintiff and defendant): the side must come from a marker, not from word order. */
const PARTY_TYPES: ReadonlySet<EventType> = new Set(['ownership_change', 'legal_dispute']);
const POSITIONAL = /^role: (?:before|after) trigger/;
/** What an insolvency brings with it when the same sentence tells both: not a second event about that company. */
const CONSEQUENCE_TYPES: ReadonlySet<EventType> = new Set(['layoffs', 'payment_delay']);

/** A factual event about an organisation, or a hedged hard event reported as financial_distress. */
function isSignal(e: ClassifiedEvent): boolean {
  // A hard event or distress needs its organisation in the sentence (the "no specific company" class);
  // a softer event without one ("the chief executive stepped down") is about the document's company.
  if (e.subject === undefined && (HARD.has(e.type) || e.type === 'financial_distress' || !e.cues.includes(NO_ORGANISATION) || e.cues.includes(NO_COMPANY_IN_DOCUMENT))) return false;
  if (e.modality === 'factual') return true;
  return e.modality === 'hedged' && e.type === 'financial_distress' && e.cues.length > 0;
}

function toEvent(e: SentenceEvent, s: { text: string; start: number }, isTitle: boolean, evidence: string): ClassifiedEvent {
  const at = (m: OrgMention): TextSpan => ({ start: s.start + m.start, end: s.start + m.end });
  const confidence = confidenceOf(e, isTitle);
  return {
    type: e.type,
    severity: DEFAULT_SEVERITY[e.type],
    confidence,
    evidence,
    ...(e.subject ? { subject: e.subject.text, subjectKind: e.subject.kind, subjectSpan: at(e.subject) } : {}),
    role: e.role,
    modality: e.subject || e.modality !== 'factual' || !HARD.has(e.type) ? e.modality : 'generic',
    trigger: e.trigger,
    cues: e.subject ? e.cues : [...e.cues, NO_ORGANISATION],
    parties: e.parties.map((p) => ({ text: p.mention.text, span: at(p.mention), role: p.role })),
    sentenceSpan: { start: s.start, end: s.start + s.text.length },
  };
}

function confidenceOf(e: SentenceEvent, isTitle: boolean): number {
  let c = HARD.has(e.type) ? 0.85 : e.modality === 'hedged' ? 0.55 : 0.75;
  if (e.subject?.kind === 'name' || e.subject?.customerId) c += 0.05;
  else if (e.subject?.kind === 'pronoun') c -= 0.05;
  if (isTitle) c += 0.03;
  return Math.round(Math.min(0.97, c) * 100) / 100;
}

/** At most one event per (subject, type) in a document: the most confident; agreeing sentences raise it a little. */
function onePerSubjectAndType(events: ClassifiedEvent[]): ClassifiedEvent[] {
  const groups = new Map<string, ClassifiedEvent[]>();
  for (const e of events) {
    const who = e.subjectKind === 'name' ? foldText(e.subject ?? '') : '(document)';
    const key = `${who}\u0000${e.type}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: ClassifiedEvent[] = [];
  for (const list of groups.values()) {
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    out.push({ ...best, confidence: Math.round(Math.min(0.99, best.confidence + 0.03 * (list.length - 1)) * 100) / 100 });
  }
  return out.sort((a, b) => POLARITY_WEIGHT[b.severity] * b.confidence - POLARITY_WEIGHT[a.severity] * a.confidence);
}

/** Linked customers found in a sentence, as mentions in sentence offsets. */
function linkedIn(linked: ClassifiableDocument['linked'], s: { text: string; start: number }): OrgMention[] {
  const out: OrgMention[] = [];
  const to = s.start + s.text.length;
  for (const l of linked ?? []) {
    for (const sp of l.spans) {
      if (sp.start < s.start || sp.end > to) continue;
      const start = sp.start - s.start;
      const end = sp.end - s.start;
      out.push({ start, end, text: s.text.slice(start, end), kind: 'name', customerId: l.customerId });
    }
  }
  return out;
}

export function evidenceOf(sentence: string): string {
  // Most sentences have single plain spaces only: then collapsing changes nothing and is not run.
  const s = (ODD_SPACE.test(sentence) ? sentence.replace(/\s+/g, ' ') : sentence).trim();
  return s.length <= EVIDENCE_MAX ? s : `${s.slice(0, EVIDENCE_MAX - 1)}…`;
}

/** Whitespace that /\s+/ → ' ' would change: any but a plain space, or two in a row. */
const ODD_SPACE = /[^\S ]| {2}/;

const POLARITY_WEIGHT: Record<Severity, number> = { critical: 1, high: 0.8, medium: 0.5, low: 0.2, positive: 0.6 };

/** Adverse and positive evidence each combine like independent probabilities; polarity is their difference. */
export function polarityOf(events: ReadonlyArray<{ severity: Severity; confidence: number }>): number {
  let adverse = 1;
  let positive = 1;
  for (const e of events) {
    const w = POLARITY_WEIGHT[e.severity] * e.confidence;
    if (e.severity === 'positive') positive *= 1 - w;
    else adverse *= 1 - w;
  }
  return Math.round((1 - positive - (1 - adverse)) * 100) / 100;
}
