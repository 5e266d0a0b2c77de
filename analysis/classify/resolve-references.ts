import { findMentions, type OrgMention } from './mentions.js';
import { documentSentences, type DocSentence } from './document-sentences.js';
import type { ClassifiableDocument, ClassifiedEvent, TextSpan } from './event-types.js';

/**
 * References across sentences: an event whose subject is a definite description or a pronoun ("Das
 * Unternehmen hatte … Insolvenz angemeldet", "L'entreprise a été déclarée en faillite", "the company")
 * gets the organisation it refers back to as its subject, with a cue saying where that was named.
 *
 * The antecedent is looked for in the two sentences before the event's sentence, then in the title:
 * - the named subject of an event read in that sentence (what the sentence before was about), else
 * - the one organisation that sentence names, leaving out the newspaper or agency it cites ("Wie die
 *   Mitteldeutsche Zeitung berichtet", "selon l'AFP") and courts and authorities;
 * - a sentence naming several organisations and no event subject decides nothing: the reference is
 *   left as it is (entity pairing then binds it to the document's company), never guessed.
 * Plural descriptions ("beide Firmen", "the companies") refer to more than one and are left alone.
 * Pure: the document and the events in, the events out.
 */
export function resolveReferences(
  events: readonly ClassifiedEvent[],
  read: readonly ClassifiedEvent[],
  doc: ClassifiableDocument,
  lang: string,
): ClassifiedEvent[] {
  if (!events.some(needsAntecedent)) return [...events];
  const sentences = documentSentences(doc);
  // Several events may look back at the same sentences: their names are read once.
  const names = new Map<number, OrgMention[]>();
  const namesOf = (sentence: DocSentence): OrgMention[] => {
    let found = names.get(sentence.start);
    if (!found) names.set(sentence.start, (found = namesIn(sentence, doc, lang)));
    return found;
  };
  return events.map((e) => {
    if (!needsAntecedent(e)) return e;
    const found = antecedentOf(e, sentences, read, namesOf);
    if (!found) return e;
    return {
      ...e,
      subject: found.text,
      subjectKind: 'name' as const,
      subjectSpan: found.span,
      cues: [...e.cues, `subject: "${e.subject}" refers to ${found.text}, ${found.where}`],
    };
  });
}

interface Antecedent {
  text: string;
  span: TextSpan;
  where: string;
}

/** How far back a definite description reaches before only the title is left. */
const SENTENCES_BACK = 2;

function needsAntecedent(e: ClassifiedEvent): boolean {
  return (e.subjectKind === 'reference' || e.subjectKind === 'pronoun') && e.subject !== undefined && e.sentenceSpan !== undefined && !PLURAL_REFERENCE.test(e.subject.trim());
}

function antecedentOf(e: ClassifiedEvent, sentences: readonly DocSentence[], read: readonly ClassifiedEvent[], namesOf: (s: DocSentence) => OrgMention[]): Antecedent | undefined {
  const at = sentences.findIndex((s) => s.start === e.sentenceSpan!.start);
  if (at <= 0) return undefined;
  const back: Array<{ s: DocSentence; where: string }> = [];
  for (let k = at - 1; k >= 0 && k >= at - SENTENCES_BACK; k--) {
    if (!sentences[k]!.isTitle) back.push({ s: sentences[k]!, where: k === at - 1 ? 'named in the sentence before' : 'named two sentences before' });
  }
  if (sentences[0]!.isTitle) back.push({ s: sentences[0]!, where: 'named in the title' });
  for (const { s, where } of back) {
    // What that sentence was about: the named subject of an event read there (accepted or not: a hedged or historic
    // event still says whom the sentence is about).
    const subjects = read
      .filter((r) => r.sentenceSpan?.start === s.start && r.subjectKind === 'name' && r.subjectSpan && r.subject)
      .sort((a, b) => a.subjectSpan!.start - b.subjectSpan!.start);
    if (subjects.length > 0) {
      const first = subjects[0]!;
      return { text: first.subject!, span: first.subjectSpan!, where: `${where}, the subject of its ${first.type}` };
    }
    const names = namesOf(s).filter((m) => !isCitedSource(s.text, m) && !AUTHORITY.test(m.text));
    const linked = names.filter((m) => m.customerId !== undefined);
    const pick = names.length === 1 ? names[0] : linked.length === 1 ? linked[0] : undefined;
    if (pick) return { text: pick.text, span: { start: s.start + pick.start, end: s.start + pick.end }, where };
    // Several organisations and nothing says which one: undecided, never the first by position.
    if (names.length > 1) return undefined;
  }
  return undefined;
}

/** Named organisations of a sentence: linked customers first, the extractor's own names where no customer overlaps. */
function namesIn(s: DocSentence, doc: ClassifiableDocument, lang: string): OrgMention[] {
  const to = s.start + s.text.length;
  const linked: OrgMention[] = [];
  for (const l of doc.linked ?? []) {
    for (const sp of l.spans) {
      if (sp.start < s.start || sp.end > to) continue;
      linked.push({ start: sp.start - s.start, end: sp.end - s.start, text: s.text.slice(sp.start - s.start, sp.end - s.start), kind: 'name', customerId: l.customerId });
    }
  }
  const own = findMentions(s.text, lang).filter((m) => m.kind === 'name' && !linked.some((l) => l.start < m.end && l.end > m.start));
  // One organisation named twice is one antecedent.
  const out: OrgMention[] = [];
  for (const m of [...linked, ...own].sort((a, b) => a.start - b.start)) {
    if (!out.some((o) => (o.customerId !== undefined && o.customerId === m.customerId) || o.text === m.text)) out.push(m);
  }
  return out;
}

/** The newspaper or agency a sentence cites ("Wie die Mitteldeutsche Zeitung berichtet", "according to Reuters", "so die MZ"). */
function isCitedSource(sentence: string, m: OrgMention): boolean {
  const before = sentence.slice(Math.max(0, m.start - 30), m.start).toLowerCase();
  const after = sentence.slice(m.end, m.end + 40).toLowerCase();
  return CITED_BEFORE.test(before) || CITED_AFTER.test(after);
}

const CITED_BEFORE = /(?:^|[\s,(])(?:laut|wie|so|zufolge|according to|told|reported by|selon|d'après|d’après|secondo|stando a|riferisce|scrive)\s+(?:(?:der|die|das|dem|den|the|le|la|l'|l’|il|lo)\s+)?$/;
const CITED_AFTER = /^\s*(?:\S+\s+){0,2}(?:berichtet|berichtete|berichten|meldet|meldete|schreibt|schrieb|reported|reports|writes|wrote|rapporte|révèle|revele|riporta|scrive)\b/;
/** Courts, offices and authorities act in a procedure; they are not what "the company" refers to. */
const AUTHORITY = /\b(?:gericht|amtsgericht|landesgericht|handelsgericht|konkursamt|betreibungsamt|court|tribunal|tribunale|office|ufficio|ministry|ministerium|ministero|hmrc|revenue|finanzamt|agency|agenzia|agence)\b/i;
/** Descriptions of more than one organisation. */
const PLURAL_REFERENCE = /^(?:both|beide|die beiden|les deux|leurs|entrambe|entrambi)\b|\b(?:companies|firms|businesses|groups|firmen|gesellschaften|sociétés|societes|entreprises|aziende|imprese)$/i;
