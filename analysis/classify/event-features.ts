import { HARD_EVENT_TYPES, type EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import { genericCuesOf } from './generic-cues.js';
import { wordsOf } from './sentence-reading.js';

/**
 * Features of one candidate event for the trained event model (event-model.ts). Families:
 * - `rule`: what the extractor decided and why — type, trigger word, modality and its cue kinds,
 *   subject kind, role and the rule that chose it, whether the rules made it a signal, and whether a
 *   soft candidate stands beside an accepted hard event (one fact, one event);
 * - `cue`: genericity and specificity cues of the sentence (generic-cues.ts), also crossed with
 *   the type's group (hard / soft), because "a company can…" means more beside "bankruptcy";
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
}

/** What is computed once per sentence and shared by its candidates. */
export interface SentenceView {
  features: Map<string, number>;
  lang: string;
}

/** `folded`: the sentence as foldText(sentence, lang) folds it, when the caller has it already. */
export function sentenceView(sentence: string, lang: string, isTitle: boolean, names: number, families: ReadonlySet<string>, folded = foldText(sentence, lang)): SentenceView {
  const f = new Map<string, number>();
  if (families.has('cue')) for (const c of genericCuesOf(folded, lang)) f.set(`cue:${c}`, 1);
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
  for (const [k, v] of s.features) {
    f.set(k, v);
    // Genericity weighs differently on hard events and on soft ones.
    if (k.startsWith('cue:')) f.set(`${group}&${k}`, v);
  }
  if (families.has('shape') && families.has('rule')) f.set(`${group}&subject:${c.subjectKind ?? 'none'}`, 1);
  return f;
}
