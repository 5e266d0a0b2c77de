import { DEFAULT_SEVERITY, type EventType, type Severity } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import { splitSentences } from '../text/sentences.js';
import { NACE_SECTIONS } from './nace-sections.js';

export interface IndustryMatch {
  /** NOGA / NACE section letter, A–U. */
  section: string;
  name: string;
  confidence: number;
  /** The keyword as written in the document. */
  text: string;
}

const SECTION_RES = NACE_SECTIONS.map((s) => ({
  section: s,
  re: new RegExp(`\\b(?:${s.keywords.map((k) => foldText(k)).join('|')})\\b`, 'g'),
}));

/** Sections a document is about, by branch keywords; more mentions and a mention in the title raise confidence. */
export function linkIndustries(doc: { title?: string; text: string }): IndustryMatch[] {
  const title = foldText(doc.title ?? '');
  const body = foldText(doc.text);
  const out: IndustryMatch[] = [];
  for (const { section, re } of SECTION_RES) {
    const inBody = body.match(re) ?? [];
    const inTitle = title.match(re) ?? [];
    const hits = inBody.length + inTitle.length;
    if (hits === 0) continue;
    const confidence = Math.min(0.95, 0.5 + 0.15 * hits + (inTitle.length > 0 ? 0.15 : 0));
    out.push({ section: section.code, name: section.name, confidence: Math.round(confidence * 100) / 100, text: inTitle[0] ?? inBody[0]! });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

export interface IndustryTrend {
  type: EventType;
  severity: Severity;
  confidence: number;
  evidence: string;
}

// Counts of failures rising in a branch are an industry signal even though no single company is named.
const FAILURES = /(?:pleiten|konkurse|insolvenzen|firmenkonkurse|firmenpleiten|faillites|insolvencies|bankruptcies|fallimenti|insolvenze)\b/;
const RISING = /\b(?:nehmen (?:\w+ ){0,5}zu|zunehmen|steigen|steigt|gestiegen|anstieg|hochststand|rekord\w*|rise|rose|rising|surge[sd]?|jump(?:ed|s)?|soar(?:ed|s)?|record|hit a|highest|hausse|augmentent|augmente|ont augmente|explosent|en aumento|aumentano|aumentati|crescono|record)\b/;
const FALLING = /\b(?:sinken|sinkt|gesunken|abnehmen|nehmen (?:\w+ ){0,5}ab|ruckgang|fell|fall(?:ing|s)?|declined?|baisse|reculent|recule|a recule|calano|in calo|diminuiscono)\b/;
const DOWNTURN = /\b(?:krise|flaute|auftragsruckgang|auftragseinbruch|nachfrageeinbruch|downturn|slump|crisis|crise|marasme|crisi|calo degli ordini)\b/;
const UPTURN = /\b(?:boom|auftragsboom|aufschwung|rekordjahr|upswing|recovery|reprise|embellie|ripresa)\b/;

/**
 * Sentences about a branch as a whole: rising or falling numbers of failures, a crisis or a boom.
 * The company classifier ignores these on purpose ("Firmenpleiten nehmen zu" is no company's
 * insolvency); here they become industry events.
 */
export function detectIndustryTrends(text: string): IndustryTrend[] {
  const out: IndustryTrend[] = [];
  for (const s of splitSentences(text)) {
    const f = foldText(s.text);
    const evidence = s.text.length > 300 ? `${s.text.slice(0, 299)}…` : s.text;
    if (FAILURES.test(f) && RISING.test(f)) out.push({ type: 'financial_distress', severity: DEFAULT_SEVERITY.financial_distress, confidence: 0.8, evidence });
    else if (FAILURES.test(f) && FALLING.test(f)) out.push({ type: 'positive', severity: 'positive', confidence: 0.6, evidence });
    else if (DOWNTURN.test(f)) out.push({ type: 'financial_distress', severity: DEFAULT_SEVERITY.financial_distress, confidence: 0.6, evidence });
    else if (UPTURN.test(f)) out.push({ type: 'positive', severity: 'positive', confidence: 0.6, evidence });
  }
  return out;
}
