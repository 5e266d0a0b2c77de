import { HARD_EVENT_TYPES, type EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import { genericCuesIn, genericCuesOf, type GenericCue } from './generic-cues.js';
import { wordsOf } from './sentence-reading.js';

/**
 * Features of one candidate event for the trained event model (event-model.ts). Families:
 * - `rule`: what the extractor decided and why — type, trigger word, modality and its cue kinds,
 *   subject kind, role and the rule that chose it, whether the rules made it a signal, and whether a
 *   soft candidate stands beside an accepted hard event (one fact, one event);
 * - `cue`: genericity and specificity cues of the sentence (generic-cues.ts), also crossed with
 *   the type's group (hard / soft), because "a company can…" means more beside "bankruptcy"; the same cues read in the
 *   trigger's own clause (`cue:near:*`: a "will" or "when" of another clause says nothing about this trigger), and a
 *   year or decade of the sentence two or more years before the page's date (`cue:time:*`);
 * - `shape`: headline, length, number of named organisations, question, quotation, colon;
 * - `word`: the sentence's folded words (first 7 letters), crossed with nothing.
 * The fit script and the runtime build features with this one function.
 */
export const FEATURE_FAMILIES = ['rule', 'cue', 'shape', 'word'] as const;
export type FeatureFamily = (typeof FEATURE_FAMILIES)[number];

const HARD: ReadonlySet<EventType> = new Set(HARD_EVENT_TYPES);

export interface CandidateView {
  type: EventType;
  /** The type the trigger named (a hedged hard event is financial_distress). */
  triggerType: EventType;
  trigger: string;
  modality: string;
  cues: readonly string[];
  subjectKind?: string;
  linked: boolean;
  role: string;
  /** The extractor's rules made it a signal. */
  accepted: boolean;
  /** A soft candidate in a sentence where the rules accepted a hard event (a consequence of the same fact?). */
  besideHard?: boolean;
  /** The trigger's clause (between the punctuation around it), folded as the sentence is: its cues are this trigger's. */
  clause?: string;
}

/** What is computed once per sentence and shared by its candidates. */
export interface SentenceView {
  features: Map<string, number>;
  lang: string;
}

/** `folded`: the sentence as foldText(sentence, lang) folds it, when the caller has it already. */
export function sentenceView(sentence: string, lang: string, isTitle: boolean, names: number, families: ReadonlySet<string>, folded = foldText(sentence, lang), refYear?: number): SentenceView {
  const f = new Map<string, number>();
  if (families.has('cue')) {
    for (const c of genericCuesOf(folded, lang)) f.set(`cue:${c}`, 1);
    const time = pastTimeOf(folded, refYear);
    if (time) f.set(`cue:time:${time}`, 1);
  }
  if (families.has('shape')) {
    if (isTitle) f.set('shape:headline', 1);
    const words = sentence.split(/\s+/).length;
    f.set(`shape:words_${words < 8 ? 'lt8' : words < 20 ? 'lt20' : words < 40 ? 'lt40' : 'ge40'}`, 1);
    f.set(`shape:names_${names === 0 ? '0' : names === 1 ? '1' : '2+'}`, 1);
    if (sentence.includes('?')) f.set('shape:question', 1);
    if (/["“”«»„]/.test(sentence)) f.set('shape:quote', 1);
    if (/^[^:]{2,60}:\s/.test(sentence)) f.set('shape:colon_head', 1);
    if (/\b(?:19|20)\d\d\b/.test(sentence)) f.set('shape:year', 1);
  }
  if (families.has('word')) for (const w of new Set(wordsOf(folded))) f.set(`w:${w.slice(0, 7)}`, 1);
  return { features: f, lang };
}

export function candidateFeatures(c: CandidateView, s: SentenceView, families: ReadonlySet<string>): Map<string, number> {
  const f = new Map<string, number>();
  const group = HARD.has(c.triggerType) ? 'hard' : 'soft';
  if (families.has('rule')) {
    f.set(`type:${c.type}`, 1);
    if (c.triggerType !== c.type) f.set(`trigger_type:${c.triggerType}`, 1);
    const word = foldText(c.trigger, s.lang).match(/[a-z0-9]+/)?.[0];
    if (word) f.set(`trigger:${c.triggerType}:${word.slice(0, 9)}`, 1);
    f.set(`modality:${c.modality}`, 1);
    for (const cue of c.cues) {
      const kind = /^([a-z]+)[ :]/.exec(cue)?.[1];
      if (!kind || kind === 'role' || kind === 'model') continue;
      f.set(`rule_cue:${kind}`, 1);
    }
    const rule = c.cues.find((q) => q.startsWith('role: '))?.slice(6).split(/[ ;\\(]/)[0];
    if (rule) f.set(`role_rule:${rule}`, 1);
    f.set(`subject:${c.subjectKind ?? 'none'}`, 1);
    if (c.linked) f.set('subject:linked', 1);
    f.set(`role:${c.role}`, 1);
    f.set(c.accepted ? 'rules:accepted' : 'rules:rejected', 1);
    f.set(`${group}&rules:${c.accepted ? 'accepted' : 'rejected'}`, 1);
    if (c.besideHard) {
      f.set('beside_hard', 1);
      f.set(`beside_hard&type:${c.type}`, 1);
    }
  }
  // A clause cue can occur only where the sentence has it: only the sentence's own clause-kind cues are tested on the clause.
  if (families.has('cue') && c.clause !== undefined) {
    const present = CLAUSE_CUES.filter((cue) => s.features.has(`cue:${cue}`));
    for (const cue of genericCuesIn(c.clause, s.lang, present)) f.set(`cue:near:${cue}`, 1);
  }
  for (const [k, v] of s.features) {
    f.set(k, v);
    // Genericity weighs differently on hard events and on soft ones.
    if (k.startsWith('cue:')) f.set(`${group}&${k}`, v);
  }
  if (families.has('shape') && families.has('rule')) f.set(`${group}&subject:${c.subjectKind ?? 'none'}`, 1);
  // The trigger's own clause weighs differently on hard events and on soft ones, as the sentence's cues do.
  for (const [k, v] of f) if (k.startsWith('cue:near:')) f.set(`${group}&${k}`, v);
  return f;
}

/** Cues that tell how the trigger's own clause states it: tense, mood, condition, a date, a kind of company. */
const CLAUSE_CUES: readonly GenericCue[] = ['modal', 'future_plan', 'general_condition', 'past_tense', 'specific_time', 'indefinite_company'];

/**
 * The trigger's clause in a folded sentence: from the punctuation before it (comma, semicolon, colon, dash; at most 90
 * characters back) to the punctuation after it (at most 70 on). Subordinate and main clauses are mostly cut at commas.
 */
export function triggerClause(folded: string, start: number, end: number): string {
  const from0 = Math.max(0, start - 90);
  const pre = folded.slice(from0, start);
  const cut = Math.max(pre.lastIndexOf(','), pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf(' - '));
  const post = folded.slice(end, end + 70);
  const stop = post.search(/[,;:]| - /);
  return folded.slice(from0 + cut + 1, stop === -1 ? end + post.length : end + stop);
}

const YEAR_OR_DECADE = /\b((?:19|20)\d\d)(s|er)?\b|\bannees (?:19|20)?(\d0)\b|\banni (?:'|’)?(\d0)\b/g;
/**
 * Whether the sentence dates something two or more years before the page: `old` when every year or decade it names
 * ends two or more years before the page's year ("in the 1990s" on a 2005 page), `mixed` when some do; nothing without
 * a page date or a year.
 */
export function pastTimeOf(folded: string, refYear: number | undefined): 'old' | 'mixed' | undefined {
  if (refYear === undefined) return undefined;
  let old = 0;
  let recent = 0;
  for (const m of folded.matchAll(YEAR_OR_DECADE)) {
    const last = m[1] ? Number(m[1]) + (m[2] ? 9 : 0) : decadeEnd(m[3] ?? m[4]!, refYear);
    if (last <= refYear - 2) old++;
    else recent++;
  }
  return old === 0 ? undefined : recent === 0 ? 'old' : 'mixed';
}

/** "années 90", "anni '90": the decade of the last century before the page's year. */
function decadeEnd(two: string, refYear: number): number {
  const d = Number(two);
  const century = 2000 + d <= refYear ? 2000 : 1900;
  return century + d + 9;
}
