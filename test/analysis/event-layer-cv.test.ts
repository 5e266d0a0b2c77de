/**
 * The cross-validation the event layer is chosen by (scripts/event-layer-cv.ts, scripts/event-figures.ts): the fast
 * figures are the evaluator's own, and the nested estimate never lets a fold's labels reach the choice scored on it.
 * Sentences are real development lines (events.dev.jsonl); the candidates are built from their labels with a feature
 * that carries the label only in part, as a trained layer's do.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEvents, goldTypes } from '../../analysis/eval/evaluate.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import type { EventLine } from '../../analysis/eval/corpus-schema.js';
import type { EventType } from '../../platform/schemas/common.js';
import { foldsByDomain } from '../../scripts/domain-folds.js';
import { eventFigureScorer } from '../../scripts/event-figures.js';
import { layerCv, type LayerRow } from '../../scripts/event-layer-cv.js';
import type { SelectionRule } from '../../scripts/event-setting-selection.js';

const dev = loadCorpus().events.dev;

/** Every gold event of a sentence a candidate, and a false insolvency on every third hard negative. */
function rowsOf(lines: readonly EventLine[], labelOf = (line: EventLine, type: EventType) => goldTypes(line).has(type)): LayerRow[] {
  return lines.flatMap((line, lineIndex) => {
    const types: EventType[] = [...goldTypes(line)];
    if (line.negativeClass !== null && lineIndex % 3 === 0) types.push('insolvency');
    return types.map((type) => {
      const label = labelOf(line, type);
      // A feature right on three candidates in four, and the type: enough signal for a threshold to matter.
      const hint = (lineIndex % 4 === 0) !== label;
      return { line, lineIndex, type, accepted: true, locked: false, hard: type === 'insolvency' || type === 'liquidation' || type === 'debt_restructuring' || type === 'debt_enforcement', features: new Map([[`looks_right:${hint}`, 1], [`type:${type}`, 1]]), label };
    });
  });
}

describe('event figures', () => {
  it('count as evaluateEvents does, over all sentences and over some folds', () => {
    const rows = rowsOf(dev);
    const { foldOf } = foldsByDomain(dev, 5);
    const foldOfLine = dev.map((l) => foldOf.get(l.domain)!);
    const figures = eventFigureScorer(dev, foldOfLine, rows.map((r) => ({ line: r.lineIndex, type: r.type })));
    const keep = (i: number) => i % 5 !== 0;
    for (const folds of [undefined, new Set([1, 3])]) {
      const some = dev.filter((_, l) => !folds || folds.has(foldOfLine[l]!));
      const predicted = new Map<string, EventType[]>();
      rows.forEach((r, i) => {
        if (keep(i)) predicted.set(r.line.id, [...(predicted.get(r.line.id) ?? []), r.type]);
      });
      const want = evaluateEvents(some, (l) => predicted.get(l.id) ?? []);
      const got = figures(keep, folds);
      expect(got.hard.precision).toBeCloseTo(want.hard.precision, 12);
      expect(got.hard.recall).toBeCloseTo(want.hard.recall, 12);
      expect(got.hard.macroF1).toBeCloseTo(want.hard.macroF1, 12);
      expect(got.allMacroF1).toBeCloseTo(want.allMacroF1, 12);
      expect(got.hardNegatives.share).toBeCloseTo(want.hardNegatives.share, 12);
      expect(want.hard.precision).toBeLessThan(1);
    }
  });
});

describe('nested cross-validation', () => {
  const lines = dev.slice(0, 400);
  const { foldOf } = foldsByDomain(lines, 5);
  const cell = { families: ['rule'], lambda: 0.01 };

  it('predicts the other folds with models that never saw the outer fold: its labels change nothing there', () => {
    const outer = 2;
    const flipped = (line: EventLine, type: EventType) => (foldOf.get(line.domain) === outer) !== goldTypes(line).has(type);
    const a = layerCv(lines, rowsOf(lines), foldOf, 5).outOfFold(cell, outer);
    const b = layerCv(lines, rowsOf(lines, flipped), foldOf, 5).outOfFold(cell, outer);
    const rows = rowsOf(lines);
    rows.forEach((r, i) => {
      if (foldOf.get(r.line.domain) === outer) expect(Number.isNaN(a[i]!)).toBe(true);
      else expect(a[i]).toBe(b[i]);
    });
    // The plain out-of-fold predictions of the same rows do see the outer fold's labels.
    const plainA = layerCv(lines, rowsOf(lines), foldOf, 5).outOfFold(cell);
    const plainB = layerCv(lines, rowsOf(lines, flipped), foldOf, 5).outOfFold(cell);
    expect(rows.some((r, i) => foldOf.get(r.line.domain) !== outer && plainA[i] !== plainB[i])).toBe(true);
  });

  it('chooses on four folds for each fifth and keeps rows by that choice', () => {
    const rows = rowsOf(lines);
    const cv = layerCv(lines, rows, foldOf, 5);
    const grid = { hard: [0.3, 0.5, 0.7, 0.9], soft: [0.5], recover: [undefined] };
    // The outer folds choose differently or alike; either way each fold's rows follow its own fold's choice.
    const rule: SelectionRule = { floor: { hardPrecision: 0.9, hardNegativeShare: 0.05 }, flat: 0, richerMargin: 0.02 };
    const plain = [cv.outOfFold(cell)];
    const nest = cv.nested([cell], plain, grid, rule);
    expect(nest.choices).toHaveLength(5);
    rows.forEach((r, i) => {
      const ch = nest.choices[foldOf.get(r.line.domain)!]!;
      expect(nest.kept[i]).toBe(plain[0]![i]! >= (r.hard ? ch.setting.hard : ch.setting.soft));
    });
    // Each fold's choice is what the rule picks on the other folds' inner predictions.
    const again = cv.choose([cell], [cv.outOfFold(cell, 0)], grid, rule, cv.othersThan(0));
    expect(again.setting).toEqual(nest.choices[0]!.setting);
  });
});
