/**
 * Cross-validation of the trained event layer by source domain, plain and nested (scripts/fit-event-model.ts).
 * Plain: every row is predicted by the model fitted on the other folds, and the setting chosen on those predictions is
 * scored on the same ones — optimistic, since the choice saw every fold's labels. Nested: for each outer fold, the whole
 * choice (feature families, λ, thresholds) is made on the other folds alone, with predictions from models that never
 * saw the outer fold either (fitted on the folds other than the outer one and the row's own), and only then scored on
 * the outer fold by the model fitted on all other folds: the honest estimate of a layer chosen this way on domains it
 * has not seen. Pair fits are shared between the two outer folds they leave out.
 */
import type { EventLine } from '../analysis/eval/corpus-schema.js';
import type { EventType } from '../platform/schemas/common.js';
import { eventFigureScorer, type SelectionFigures } from './event-figures.js';
import { chooseLayer, type LayerChoice, type SelectionRule, type Setting, type SettingGrid } from './event-setting-selection.js';
import { fitSparseLogistic, predict } from './sparse-logistic.js';

export interface LayerRow {
  line: EventLine;
  /** Index of the line in the lines passed. */
  lineIndex: number;
  type: EventType;
  accepted: boolean;
  /** Rejected by a rule the model may not overrule (classifyDocument does not ask it). */
  locked: boolean;
  hard: boolean;
  features: Map<string, number>;
  label: boolean;
}

export interface Cell {
  families: string[];
  lambda: number;
}

export function familyOf(feature: string): string | undefined {
  if (feature.startsWith('w:')) return 'word';
  if (feature.startsWith('shape:')) return 'shape';
  if (feature.startsWith('cue:') || /^(?:hard|soft)&cue:/.test(feature)) return 'cue';
  if (/^(?:hard|soft)&subject:/.test(feature)) return 'shape';
  return 'rule';
}

export function restrictFeatures(f: ReadonlyMap<string, number>, families: readonly string[]): Map<string, number> {
  const keep = new Map<string, number>();
  for (const [k, v] of f) if (families.includes(familyOf(k) ?? '')) keep.set(k, v);
  return keep;
}

export const thresholdOf = (r: LayerRow, s: Setting) => (r.hard ? (s.byType?.[r.type] ?? s.hard) : s.soft);
/** What classifyDocument does with a candidate of probability p under a setting. */
export const decideRow = (r: LayerRow, p: number, s: Setting) => (r.locked ? false : r.accepted ? p >= thresholdOf(r, s) : s.recover !== undefined && p >= s.recover);

export interface NestedResult {
  /** The choice made on the other folds, per outer fold. */
  choices: LayerChoice[];
  /** Whether the nested layer keeps each row (decided by its outer fold's choice and the model that never saw it). */
  kept: boolean[];
}

/** A row's weight in the fit's loss: `hardWeight` for the candidates of a hard type, 1 for the others. */
export const rowWeight = (r: LayerRow, hardWeight: number) => (r.hard ? hardWeight : 1);

export function layerCv(lines: readonly EventLine[], rows: readonly LayerRow[], foldOf: ReadonlyMap<string, number>, folds: number, hardWeight = 1) {
  const foldOfLine = lines.map((l) => foldOf.get(l.domain)!);
  const rowFold = rows.map((r) => foldOfLine[r.lineIndex]!);
  const scorer = eventFigureScorer(lines, foldOfLine, rows.map((r) => ({ line: r.lineIndex, type: r.type })));
  const allFolds = Array.from({ length: folds }, (_, f) => f);
  const featureCache = new Map<string, Map<string, number>[]>();
  const featuresOf = (families: readonly string[]) => {
    const key = families.join('+');
    if (!featureCache.has(key)) featureCache.set(key, rows.map((r) => restrictFeatures(r.features, families)));
    return featureCache.get(key)!;
  };
  /** Predictions of the rows in `heldOut` folds by the model fitted on every other fold. */
  const fitCache = new Map<string, Map<number, number>>();
  const predictHeldOut = (cell: Cell, heldOut: readonly number[]) => {
    const key = `${cell.families.join('+')}|${cell.lambda}|${[...heldOut].sort().join(',')}`;
    let out = fitCache.get(key);
    if (out) return out;
    const feats = featuresOf(cell.families);
    const train = rows.flatMap((r, i) => (heldOut.includes(rowFold[i]!) ? [] : [{ features: feats[i]!, label: r.label, weight: rowWeight(r, hardWeight) }]));
    const fit = fitSparseLogistic(train, cell.lambda);
    out = new Map();
    rows.forEach((_, i) => {
      if (heldOut.includes(rowFold[i]!)) out!.set(i, predict(fit, feats[i]!));
    });
    fitCache.set(key, out);
    return out;
  };
  /** Out-of-fold probabilities; with `outer`, the rows of the other folds by models that never saw `outer` (its own rows NaN). */
  const outOfFold = (cell: Cell, outer?: number): Float64Array => {
    const probs = new Float64Array(rows.length).fill(Number.NaN);
    for (const f of allFolds) {
      if (f === outer) continue;
      for (const [i, p] of predictHeldOut(cell, outer === undefined ? [f] : [f, outer])) if (rowFold[i] === f) probs[i] = p;
    }
    return probs;
  };
  const figures = (probs: Float64Array, s: Setting | ((row: number) => Setting), foldSet?: ReadonlySet<number>): SelectionFigures =>
    scorer((i) => decideRow(rows[i]!, probs[i]!, typeof s === 'function' ? s(i) : s), foldSet);
  const choose = (cells: readonly Cell[], probs: readonly Float64Array[], grid: SettingGrid, rule: SelectionRule, foldSet?: ReadonlySet<number>) =>
    chooseLayer(cells, grid, (c, s) => figures(probs[c]!, s, foldSet), rule);
  const othersThan = (f: number) => new Set(allFolds.filter((g) => g !== f));
  /** The whole choice made on four folds and scored on the fifth, for each fold. */
  const nested = (cells: readonly Cell[], plain: readonly Float64Array[], grid: SettingGrid, rule: SelectionRule): NestedResult => {
    const choices = allFolds.map((f) => choose(cells, cells.map((c) => outOfFold(c, f)), grid, rule, othersThan(f)));
    const kept = rows.map((r, i) => {
      const ch = choices[rowFold[i]!]!;
      return decideRow(r, plain[ch.cell]![i]!, ch.setting);
    });
    return { choices, kept };
  };
  return { rowFold, allFolds, othersThan, outOfFold, figures, choose, nested, scorer };
}
