import { DEFAULT_SEVERITY, HARD_EVENT_TYPES, type EventType, type Severity } from '../../platform/schemas/common.js';
import { AVERTED, DENIAL, HEDGE, HEDGE_UNFOLDED_DE, HISTORIC, LAW_OR_GENERIC, NEGATION_AFTER, NEGATION_BEFORE, SPORT, yearsIn } from './cues.js';
import { detectLanguage } from './detect-language.js';
import { foldText } from '../text/fold.js';
import { splitSentences } from '../text/sentences.js';
import { compileLexicon, typeOfMatch, type CompiledLexicon } from './lexicon.js';
import { defaultEventModel } from './default-model.js';
import type { EventModel } from './event-model.js';
import { mapRubric } from './map-rubric.js';

export interface ClassifiedEvent {
  type: EventType;
  severity: Severity;
  confidence: number;
  evidence: string;
}

export interface Classification {
  lang: string;
  events: ClassifiedEvent[];
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
}

const SUPPORTED = new Set(['de', 'en', 'fr', 'it']);
const HARD: ReadonlySet<EventType> = new Set(HARD_EVENT_TYPES);
const EVIDENCE_MAX = 300;

const lexicons = new Map<string, CompiledLexicon>();
function lexiconFor(lang: string): CompiledLexicon {
  let lex = lexicons.get(lang);
  if (!lex) lexicons.set(lang, (lex = compileLexicon(lang)));
  return lex;
}

interface Hit {
  type: EventType;
  confidence: number;
  evidence: string;
}

export interface ClassifyOptions {
  /** The trained sentence model; `null` classifies with the lexicons alone. Default: trained on the labelled set. */
  model?: EventModel | null;
}

export function classifyDocument(doc: ClassifiableDocument, options: ClassifyOptions = {}): Classification {
  const model = options.model === undefined ? defaultEventModel() : options.model;
  const given = doc.lang?.toLowerCase().slice(0, 2);
  const lang = given && SUPPORTED.has(given) ? given : detectLanguage(`${doc.title ?? ''}\n${doc.text}`);
  const hits: Hit[] = [];
  if (doc.rubric) {
    const ev = mapRubric(doc.rubric, `${doc.title ?? ''}\n${doc.text}`, lang);
    // A register notice is the event itself: its rubric decides, the free text is not scanned.
    if (ev) hits.push({ type: ev.type, confidence: 0.99, evidence: evidenceOf(doc.title || doc.text) });
    return summarise(lang, hits);
  }
  const refYear = doc.publishedAt ? Number(doc.publishedAt.slice(0, 4)) : undefined;
  const lex = lexiconFor(lang);
  // Most news has no event word at all: one scan of the whole folded text settles that before
  // sentences are split, cues checked and the model consulted.
  lex.all.lastIndex = 0;
  const anyTrigger = lex.all.test(foldText(doc.title ? `${doc.title}\n${doc.text}` : doc.text, lang));
  lex.all.lastIndex = 0;
  if (!anyTrigger) return summarise(lang, []);
  if (doc.title) for (const h of scanSentence(doc.title, lang, lex, refYear, model)) hits.push({ ...h, confidence: Math.min(0.97, h.confidence + 0.05) });
  for (const s of splitSentences(doc.text)) hits.push(...scanSentence(s.text, lang, lex, refYear, model));
  return summarise(lang, hits);
}

/** All events one sentence supports after negation, denial, averted/historic and hedge cues. */
export function scanSentence(sentence: string, lang: string, lex: CompiledLexicon, refYear?: number, model?: EventModel | null): Hit[] {
  const folded = foldText(sentence, lang);
  const re = lex.all;
  re.lastIndex = 0;
  let m = re.exec(folded);
  if (!m) return [];
  const out: Hit[] = [];
  const done = new Set<EventType>();
  const denied = (DENIAL[lang] ?? DENIAL.en!).test(folded);
  const hedgedUnfolded = lang === 'de' && HEDGE_UNFOLDED_DE.test(sentence.toLowerCase());
  const sport = SPORT.test(folded);
  // Every trigger in the sentence, left to right; the first one of a type that survives the cues counts.
  for (; m; m = re.exec(folded)) {
    const type = typeOfMatch(lex, m);
    if (done.has(type)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const adverse = type !== 'positive';
    const serious = HARD.has(type) || type === 'financial_distress';
    const clause = clauseAround(folded, start, end);
    if ((NEGATION_BEFORE[lang] ?? NEGATION_BEFORE.en!).test(folded.slice(Math.max(0, start - 40), start))) continue;
    if ((NEGATION_AFTER[lang] ?? NEGATION_AFTER.en!).test(folded.slice(end, end + 40))) continue;
    if (denied && adverse) continue;
    if (adverse && (AVERTED[lang] ?? AVERTED.en!).test(clause)) continue;
    if (adverse && isHistoric(clause, lang, refYear)) continue;
    if (serious && (sport || (LAW_OR_GENERIC[lang] ?? LAW_OR_GENERIC.en!).test(clause))) continue;
    const hedged = hedgedUnfolded || (HEDGE[lang] ?? HEDGE.en!).test(clause);
    done.add(type);
    if (hedged && HARD.has(type)) {
      // "droht die Insolvenz" is a warning sign, not an insolvency: report it as distress.
      if (!done.has('financial_distress')) out.push({ type: 'financial_distress', confidence: 0.55, evidence: evidenceOf(sentence) });
      done.add('financial_distress');
      continue;
    }
    const confidence = (HARD.has(type) ? 0.85 : 0.75) * (hedged ? 0.7 : 1);
    out.push({ type, confidence, evidence: evidenceOf(sentence) });
  }
  // A sentence that reports an insolvency also sounds distressed; the harder event says it all.
  const kept = out.some((h) => HARD.has(h.type) && h.confidence >= 0.8) ? out.filter((h) => h.type !== 'financial_distress') : out;
  return model && kept.length > 0 ? calibrate(kept, model.probabilities(sentence, lang)) : kept;
}

/**
 * The model moves a lexicon hit's confidence by up to ±0.1 and vetoes a soft event it finds very
 * unlikely. It never adds an event and never removes a hard one: with a few hundred training
 * sentences it is a second opinion, not the judge.
 */
function calibrate(hits: Hit[], probs: Map<EventType | 'none', number>): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const p = probs.get(h.type) ?? 0;
    if (!HARD.has(h.type) && (probs.get('none') ?? 0) >= 0.9 && p < 0.02) continue;
    out.push({ ...h, confidence: Math.min(0.97, Math.max(0.3, h.confidence + 0.2 * (p - 0.5))) });
  }
  return out;
}

function clauseAround(folded: string, start: number, end: number): string {
  const from = Math.max(0, start - 80);
  const pre = folded.slice(from, start);
  const cut = Math.max(pre.lastIndexOf(';'), pre.lastIndexOf(':'));
  const post = folded.slice(end, end + 60);
  const stop = post.search(/[;:.]/);
  return pre.slice(cut + 1) + folded.slice(start, end) + (stop === -1 ? post : post.slice(0, stop));
}

function isHistoric(clause: string, lang: string, refYear?: number): boolean {
  if ((HISTORIC[lang] ?? HISTORIC.en!).test(clause)) return true;
  if (refYear === undefined) return false;
  const years = yearsIn(clause);
  return years.length > 0 && years.every((y) => y <= refYear - 2);
}

function evidenceOf(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length <= EVIDENCE_MAX ? s : `${s.slice(0, EVIDENCE_MAX - 1)}…`;
}

const POLARITY_WEIGHT: Record<Severity, number> = { critical: 1, high: 0.8, medium: 0.5, low: 0.2, positive: 0.6 };

/** One event per type (the most confident hit, raised a little when several sentences agree). */
function summarise(lang: string, hits: Hit[]): Classification {
  const byType = new Map<EventType, Hit[]>();
  for (const h of hits) byType.set(h.type, [...(byType.get(h.type) ?? []), h]);
  const events: ClassifiedEvent[] = [];
  for (const [type, list] of byType) {
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const confidence = Math.min(0.99, best.confidence + 0.04 * (list.length - 1));
    events.push({ type, severity: DEFAULT_SEVERITY[type], confidence: round(confidence), evidence: best.evidence });
  }
  events.sort((a, b) => POLARITY_WEIGHT[b.severity] * b.confidence - POLARITY_WEIGHT[a.severity] * a.confidence);
  return { lang, events, polarity: polarityOf(events) };
}

/** Adverse and positive evidence each combine like independent probabilities; polarity is their difference. */
export function polarityOf(events: ClassifiedEvent[]): number {
  let adverse = 1;
  let positive = 1;
  for (const e of events) {
    const w = POLARITY_WEIGHT[e.severity] * e.confidence;
    if (e.severity === 'positive') positive *= 1 - w;
    else adverse *= 1 - w;
  }
  return round(1 - positive - (1 - adverse));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
