/**
 * The figures the event layer's setting is chosen on (hard precision, recall and macro-F1, all-types macro-F1, share of
 * hard negatives with a hard event), counted as analysis/eval/evaluate.ts counts them but without building a report:
 * the nested selection of scripts/fit-event-model.ts scores about a hundred thousand settings. Pure; the test checks it
 * against evaluateEvents on the development sentences.
 */
import type { EventLine } from '../analysis/eval/corpus-schema.js';
import { scoreOf } from '../analysis/eval/evaluate.js';
import { EVENT_TYPES, isHardEvent, type EventType } from '../platform/schemas/common.js';

/** What the selection reads of a report; an EventReport is one. */
export interface SelectionFigures {
  hard: { precision: number; recall: number; macroF1: number };
  allMacroF1: number;
  hardNegatives: { share: number };
}

/** One candidate event: the sentence (index into the lines) and its type. */
export interface FigureRow {
  line: number;
  type: EventType;
}

const TYPE_BIT = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, 1 << i]));
const HARD_BITS = EVENT_TYPES.map((t) => isHardEvent(t));

/**
 * A scorer over fixed sentences and candidates: `figures(keep, folds)` counts the sentences whose fold (`foldOfLine`) is
 * in `folds` (all without it), each predicted with the types of its candidates `keep` accepts.
 */
export function eventFigureScorer(lines: readonly EventLine[], foldOfLine: readonly number[], rows: readonly FigureRow[]) {
  const gold = Uint16Array.from(lines, (l) => l.events.reduce((m, e) => m | TYPE_BIT.get(e.type)!, 0));
  const negative = Uint8Array.from(lines, (l) => (l.negativeClass !== null ? 1 : 0));
  const rowBit = rows.map((r) => TYPE_BIT.get(r.type)!);
  const predicted = new Uint16Array(lines.length);
  return function figures(keep: (row: number) => boolean, folds?: ReadonlySet<number>): SelectionFigures {
    predicted.fill(0);
    rows.forEach((r, i) => {
      if (folds && !folds.has(foldOfLine[r.line]!)) return;
      if (keep(i)) predicted[r.line]! |= rowBit[i]!;
    });
    const tp = new Array<number>(EVENT_TYPES.length).fill(0);
    const fp = new Array<number>(EVENT_TYPES.length).fill(0);
    const fn = new Array<number>(EVENT_TYPES.length).fill(0);
    let negatives = 0;
    let negativesWithHard = 0;
    let hardMask = 0;
    EVENT_TYPES.forEach((t, i) => (hardMask |= HARD_BITS[i] ? 1 << i : 0));
    for (let l = 0; l < lines.length; l++) {
      if (folds && !folds.has(foldOfLine[l]!)) continue;
      const p = predicted[l]!;
      const g = gold[l]!;
      if (negative[l]) {
        negatives++;
        if (p & hardMask) negativesWithHard++;
      }
      const differ = p | g;
      if (differ === 0) continue;
      for (let i = 0; i < EVENT_TYPES.length; i++) {
        const b = 1 << i;
        if (!(differ & b)) continue;
        if (p & b && g & b) tp[i]!++;
        else if (p & b) fp[i]!++;
        else fn[i]!++;
      }
    }
    const scores = EVENT_TYPES.map((_, i) => scoreOf(tp[i]!, fp[i]!, fn[i]!));
    const hardIdx = EVENT_TYPES.map((_, i) => i).filter((i) => HARD_BITS[i]);
    const sum = (a: number[]) => hardIdx.reduce((s, i) => s + a[i]!, 0);
    const pooled = scoreOf(sum(tp), sum(fp), sum(fn));
    return {
      hard: { precision: pooled.precision, recall: pooled.recall, macroF1: hardIdx.reduce((s, i) => s + scores[i]!.f1, 0) / hardIdx.length },
      allMacroF1: scores.reduce((s, x) => s + x.f1, 0) / scores.length,
      hardNegatives: { share: negatives === 0 ? 0 : negativesWithHard / negatives },
    };
  };
}
