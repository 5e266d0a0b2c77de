/**
 * How the fit script chooses the event layer's setting (scripts/event-setting-selection.ts): precision first. Reports are
 * the evaluator's own, over real development sentences (events.dev.jsonl) with the gold events kept or dropped and false
 * hard events added to hard negatives, so the figures are what `npm run eval` would print for such a layer.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEvents, goldTypes } from '../../analysis/eval/evaluate.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import type { EventType } from '../../platform/schemas/common.js';
import { chooseLayer, flatScores, GOAL_FLOOR, meetsFloor, selectionScore, spreadOf, typeThresholds, type SelectionRule, type Setting, type SettingGrid } from '../../scripts/event-setting-selection.js';

const lines = loadCorpus().events.dev;
const withEvents = lines.filter((l) => goldTypes(l).size > 0);
const negatives = lines.filter((l) => l.negativeClass !== null);
/** A layer that finds the gold events of the first `found` share of sentences and puts an insolvency on `falseOn` hard negatives. */
function layer(found: number, falseOn: number) {
  const keep = new Set(withEvents.slice(0, Math.round(withEvents.length * found)).map((l) => l.id));
  const wrong = new Set(negatives.slice(0, falseOn).map((l) => l.id));
  return evaluateEvents(lines, (l) => [...(keep.has(l.id) ? goldTypes(l) : []), ...(wrong.has(l.id) ? (['insolvency'] as EventType[]) : [])]);
}

describe('precision-first selection', () => {
  it('a setting that meets the floor wins over one with more recall and F1 that does not', () => {
    const careful = layer(0.6, 2);
    const eager = layer(0.95, 60);
    expect(eager.hard.macroF1).toBeGreaterThan(careful.hard.macroF1);
    expect(meetsFloor(careful, GOAL_FLOOR)).toBe(true);
    expect(meetsFloor(eager, GOAL_FLOOR)).toBe(false);
    expect(selectionScore(careful, GOAL_FLOOR)).toBeGreaterThan(selectionScore(eager, GOAL_FLOOR));
  });

  it('among settings that meet the floor, more recall wins; below the floor, the one nearer to it', () => {
    expect(selectionScore(layer(0.8, 2), GOAL_FLOOR)).toBeGreaterThan(selectionScore(layer(0.6, 2), GOAL_FLOOR));
    // 35 false insolvencies: below the 0.95 floor for any corpus size near today's (25 stopped doing so at 1,687 dev lines).
    const near = layer(0.9, 35);
    const far = layer(0.9, 80);
    expect(meetsFloor(near, GOAL_FLOOR) || meetsFloor(far, GOAL_FLOOR)).toBe(false);
    expect(selectionScore(near, GOAL_FLOOR)).toBeGreaterThan(selectionScore(far, GOAL_FLOOR));
  });

  it('the hard-negative ceiling binds on its own', () => {
    const r = layer(0.9, 40);
    expect(meetsFloor(r, { hardPrecision: 0, hardNegativeShare: 0.05 })).toBe(r.hardNegatives.share <= 0.05);
    expect(meetsFloor(r, { hardPrecision: 0, hardNegativeShare: 1 })).toBe(true);
  });

  it('prints the spread over folds as mean, sample standard deviation and range', () => {
    const s = spreadOf([0.9, 0.95, 1]);
    expect(s.mean).toBeCloseTo(0.95, 10);
    expect(s.sd).toBeCloseTo(0.05, 10);
    expect([s.min, s.max]).toEqual([0.9, 1]);
  });

  it('a hard type gets its own threshold only where that scores better, the others keep the one threshold', () => {
    // A toy layer: the insolvency events are right only from 0.8 on, every other type from 0.5 on.
    const evaluate = (s: Setting) => {
      const t = (type: EventType) => s.byType?.[type] ?? s.hard;
      const falseInsolvency = t('insolvency') < 0.8 ? 60 : 0;
      return layer(0.9 - Math.max(0, t('insolvency') - 0.8) - Math.max(0, t('liquidation') - 0.5), falseInsolvency);
    };
    const chosen = typeThresholds({ hard: 0.5, soft: 0.5, recover: undefined }, [0.5, 0.6, 0.7, 0.8, 0.9], evaluate, GOAL_FLOOR);
    expect(chosen.byType?.insolvency).toBe(0.8);
    expect(chosen.byType?.liquidation ?? chosen.hard).toBe(0.5);
  });
});

describe('a threshold off the edge (flat selection)', () => {
  // A toy layer over the real sentences: each hard threshold finds fewer events and puts fewer false insolvencies.
  // 0.6 meets the goal floor, but 0.5 next to it does not: 0.6 sits on the edge where candidates crowd.
  const byThreshold: Record<number, ReturnType<typeof layer>> = { 0.4: layer(0.95, 80), 0.5: layer(0.9, 60), 0.6: layer(0.85, 3), 0.7: layer(0.8, 2), 0.8: layer(0.7, 1), 0.9: layer(0.5, 0) };
  const grid: SettingGrid = { hard: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9], soft: [0.5], recover: [undefined] };
  const rule = (flat: number): SelectionRule => ({ floor: GOAL_FLOOR, flat, richerMargin: 0.02 });

  it('the worst of a position and its neighbours', () => {
    expect(flatScores([3, 1, 4, 1, 5, 9], 1)).toEqual([1, 1, 1, 1, 1, 5]);
    expect(flatScores([3, 1, 4], 0)).toEqual([3, 1, 4]);
  });

  it('on the edge without it, one step inside with it', () => {
    expect(meetsFloor(byThreshold[0.6]!, GOAL_FLOOR) && !meetsFloor(byThreshold[0.5]!, GOAL_FLOOR)).toBe(true);
    const figuresOf = (_: number, s: Setting) => byThreshold[s.hard]!;
    expect(chooseLayer([{ families: ['rule'] }], grid, figuresOf, rule(0)).setting.hard).toBe(0.6);
    const flat = chooseLayer([{ families: ['rule'] }], grid, figuresOf, rule(1));
    expect(flat.setting.hard).toBe(0.7);
    // It reports the chosen threshold's own figures, not its neighbours'.
    expect(flat.figures).toBe(byThreshold[0.7]);
  });

  it('a richer feature set wins only by the margin', () => {
    const simple = (_: number, s: Setting) => byThreshold[s.hard]!;
    const cells = [{ families: ['rule'] }, { families: ['rule', 'word'] }];
    // The richer cell is the same layer with a little more recall at every threshold: less than the margin.
    const slightlyBetter = (c: number, s: Setting) => (c === 0 ? simple(c, s) : { ...byThreshold[s.hard]!, hard: { ...byThreshold[s.hard]!.hard, macroF1: byThreshold[s.hard]!.hard.macroF1 + 0.01 } });
    expect(chooseLayer(cells, grid, slightlyBetter, rule(0)).cell).toBe(0);
    const clearlyBetter = (c: number, s: Setting) => (c === 0 ? simple(c, s) : { ...byThreshold[s.hard]!, hard: { ...byThreshold[s.hard]!.hard, macroF1: byThreshold[s.hard]!.hard.macroF1 + 0.05 } });
    expect(chooseLayer(cells, grid, clearlyBetter, rule(0)).cell).toBe(1);
  });
});
