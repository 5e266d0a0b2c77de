import { EVENT_TYPES, HARD_EVENT_TYPES, type EventType } from '../../platform/schemas/common.js';
import type { Customer } from '../../platform/schemas/customer.js';
import type { EventExample } from './data/types.js';
import type { LinkExample } from './data/linking.js';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EventReport {
  byType: Record<EventType, Score>;
  /** Macro averages over the four hard events (insolvency, debt_restructuring, liquidation, debt_enforcement). */
  hard: { precision: number; recall: number; f1: number };
  micro: Score;
  errors: Array<{ text: string; expected: EventType[]; predicted: EventType[] }>;
}

export const HARD_EVENTS: readonly EventType[] = HARD_EVENT_TYPES;

export function scoreOf(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Per-type precision/recall/F1 of a classifier over labelled sentences (multi-label). */
export function evaluateEvents(examples: EventExample[], predict: (ex: EventExample) => EventType[]): EventReport {
  const counts = Object.fromEntries(EVENT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EventType, { tp: number; fp: number; fn: number }>;
  const errors: EventReport['errors'] = [];
  for (const ex of examples) {
    const predicted = [...new Set(predict(ex))];
    for (const t of EVENT_TYPES) {
      const p = predicted.includes(t);
      const l = ex.labels.includes(t);
      if (p && l) counts[t].tp++;
      else if (p) counts[t].fp++;
      else if (l) counts[t].fn++;
    }
    const same = predicted.length === ex.labels.length && predicted.every((t) => ex.labels.includes(t));
    if (!same) errors.push({ text: ex.text, expected: ex.labels, predicted });
  }
  const byType = Object.fromEntries(EVENT_TYPES.map((t) => [t, scoreOf(counts[t].tp, counts[t].fp, counts[t].fn)])) as Record<EventType, Score>;
  const mean = (f: (s: Score) => number) => HARD_EVENTS.reduce((a, t) => a + f(byType[t]), 0) / HARD_EVENTS.length;
  const sum = (k: 'tp' | 'fp' | 'fn') => EVENT_TYPES.reduce((a, t) => a + counts[t][k], 0);
  return {
    byType,
    hard: { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) },
    micro: scoreOf(sum('tp'), sum('fp'), sum('fn')),
    errors,
  };
}

export interface LinkReport extends Score {
  /** Mentions a reader could not attribute that were nevertheless linked clearly (not ambiguous). */
  errors: Array<{ text: string; expected: string[]; predicted: string[] }>;
}

/**
 * Linking precision/recall over clear (non-ambiguous) matches: an ambiguous match is held back
 * from alerts, so it counts neither as a hit nor as a false alarm.
 */
export function evaluateLinking(
  examples: LinkExample[],
  link: (ex: LinkExample) => Array<{ customerId: string; ambiguous: boolean }>,
): LinkReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: LinkReport['errors'] = [];
  for (const ex of examples) {
    const predicted = link(ex)
      .filter((m) => !m.ambiguous)
      .map((m) => m.customerId);
    for (const p of predicted) if (ex.expect.includes(p)) tp++;
    else fp++;
    for (const e of ex.expect) if (!predicted.includes(e)) fn++;
    const same = predicted.length === ex.expect.length && predicted.every((p) => ex.expect.includes(p));
    if (!same) errors.push({ text: ex.text, expected: ex.expect, predicted });
  }
  return { ...scoreOf(tp, fp, fn), errors };
}

export type { Customer };
