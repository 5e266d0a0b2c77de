/**
 * How scripts/fit-event-model.ts chooses the trained event layer's setting from grouped cross-validation: precision
 * first. A credit manager judges the layer by its worst mistake (a bankruptcy alert about a good customer), so a
 * setting qualifies only when its cross-validated hard precision reaches a floor and its share of hard negatives with a
 * hard event stays under a ceiling; among the settings that qualify the best hard macro-F1 wins (then all-types
 * macro-F1). When none qualifies, the one nearest the floor wins. Pure: the fit script feeds it reports.
 */
import { HARD_EVENT_TYPES, type EventType } from '../platform/schemas/common.js';
import type { SelectionFigures } from './event-figures.js';

export interface Floor {
  /** Cross-validated pooled hard precision a setting must reach. */
  hardPrecision: number;
  /** Largest share of hard negatives with a hard event a setting may have. */
  hardNegativeShare: number;
}

/** The goals for the held-out part. */
export const GOAL_FLOOR: Floor = { hardPrecision: 0.95, hardNegativeShare: 0.05 };

/**
 * The fit script's floor, chosen on the nested estimate (scripts/event-layer-cv.ts: the whole choice made on four
 * folds, scored on the fifth) over five assignments of domains to folds: on 1,866 dev sentences 0.93 reads hard
 * precision 0.926 ± 0.004 at recall 0.722 (2.3 % hard negatives) and 0.94 reads 0.935 ± 0.001 at 0.648 (1.6 %); on
 * 1,749, 0.929 at 0.746 and 0.934 at 0.683. Higher floors keep a third of the hard events or less (0.95 flat 2: 0.950 at
 * 0.386): about one hard candidate in twenty is wrong at every probability above 0.8, so a higher threshold drops right
 * and wrong ones alike.
 */
export const DEFAULT_FLOOR: Floor = { hardPrecision: 0.94, hardNegativeShare: 0.03 };

export interface Setting {
  hard: number;
  soft: number;
  recover: number | undefined;
  /** A hard type's own threshold, where grouped cross-validation supports one (else `hard`). */
  byType?: Partial<Record<EventType, number>>;
}

export function meetsFloor(r: SelectionFigures, floor: Floor): boolean {
  return r.hard.precision >= floor.hardPrecision - 1e-9 && r.hardNegatives.share <= floor.hardNegativeShare + 1e-9;
}

/**
 * Higher is better. Every setting that meets the floor ranks above every one that does not; among those that meet it,
 * hard macro-F1 decides, all-types macro-F1 breaks ties; below the floor, each point of precision short of it (or of
 * hard negatives over the ceiling) costs a hundred points of F1: the setting nearest to the floor wins.
 */
export function selectionScore(r: SelectionFigures, floor: Floor): number {
  const quality = r.hard.macroF1 + 0.5 * r.allMacroF1;
  if (meetsFloor(r, floor)) return 10 + quality;
  const short = Math.max(0, floor.hardPrecision - r.hard.precision) + Math.max(0, r.hardNegatives.share - floor.hardNegativeShare);
  return quality - 100 * short;
}

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** Mean, standard deviation (n − 1) and range of one figure over the folds: how far a fold's figure can stray. */
export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

export interface FoldFigures {
  hardPrecision: Spread;
  hardRecall: Spread;
  hardMacroF1: Spread;
  hardNegativeShare: Spread;
}

export function foldFigures(reports: readonly SelectionFigures[]): FoldFigures {
  return {
    hardPrecision: spreadOf(reports.map((r) => r.hard.precision)),
    hardRecall: spreadOf(reports.map((r) => r.hard.recall)),
    hardMacroF1: spreadOf(reports.map((r) => r.hard.macroF1)),
    hardNegativeShare: spreadOf(reports.map((r) => r.hardNegatives.share)),
  };
}

/**
 * A hard type's own threshold, chosen on the rows the caller passes (the training folds of a nested check, or all of
 * them): for each hard type in turn, the threshold of `grid` with the best selection score of the whole report, the
 * other types kept at theirs. Starts from the setting's one hard threshold, so a type keeps it unless another is better.
 */
export function typeThresholds(setting: Setting, grid: readonly number[], evaluate: (s: Setting) => SelectionFigures, floor: Floor): Setting {
  let best = { ...setting, byType: { ...(setting.byType ?? {}) } };
  let bestScore = selectionScore(evaluate(best), floor);
  for (const type of HARD_EVENT_TYPES) {
    for (const t of grid) {
      const trial = { ...best, byType: { ...best.byType, [type]: t } };
      const score = selectionScore(evaluate(trial), floor);
      if (score > bestScore + 1e-9) {
        best = trial;
        bestScore = score;
      }
    }
  }
  return best;
}

/** The settings tried for each feature-family set and λ. */
export interface SettingGrid {
  hard: readonly number[];
  soft: readonly number[];
  recover: readonly (number | undefined)[];
}

/**
 * How a setting is chosen. `flat`: a hard threshold is scored by the worst selection score of itself and its `flat`
 * grid neighbours on each side, so a threshold is chosen only where the floor still holds a step lower and the recall a
 * step higher: not on the edge where candidates crowd just above or below it (0: the threshold's own score).
 * `richerMargin`: how much more of the score a richer feature-family set must reach to win over a simpler one.
 */
export interface SelectionRule {
  floor: Floor;
  flat: number;
  richerMargin: number;
}

export interface LayerChoice {
  /** Index of the chosen feature-family set and λ among the cells passed. */
  cell: number;
  setting: Setting;
  /** The score it was chosen on (the flat one when `flat` > 0). */
  score: number;
  /** Its own figures (at its threshold, not the neighbours'). */
  figures: SelectionFigures;
}

/** The worst of each grid position and its `flat` neighbours on each side. */
export function flatScores(scores: readonly number[], flat: number): number[] {
  return scores.map((_, i) => Math.min(...scores.slice(Math.max(0, i - flat), i + flat + 1)));
}

/**
 * The best setting of each cell (feature-family set and λ, in order from simpler to richer), then the best cell: a cell
 * with more families must beat the best so far by `richerMargin`. `figuresOf(cell, setting)` scores a setting on the
 * folds the caller chooses on. The same rule runs on all folds (the shipped choice) and inside the nested check.
 */
export function chooseLayer(cells: readonly { families: readonly string[] }[], grid: SettingGrid, figuresOf: (cell: number, s: Setting) => SelectionFigures, rule: SelectionRule): LayerChoice {
  let chosen: LayerChoice | undefined;
  cells.forEach((cell, ci) => {
    let best: LayerChoice | undefined;
    for (const soft of grid.soft)
      for (const recover of grid.recover) {
        const settings = grid.hard.map((hard) => ({ hard, soft, recover }));
        const figures = settings.map((s) => figuresOf(ci, s));
        const flat = flatScores(figures.map((f) => selectionScore(f, rule.floor)), rule.flat);
        settings.forEach((setting, i) => {
          if (!best || flat[i]! > best.score + 1e-9 || (flat[i]! > best.score - 1e-9 && isEarlier(setting, best.setting, grid))) best = { cell: ci, setting, score: flat[i]!, figures: figures[i]! };
        });
      }
    const richer = chosen !== undefined && cell.families.length > cells[chosen.cell]!.families.length;
    if (!chosen || best!.score > chosen.score + (richer ? rule.richerMargin : 1e-9)) chosen = best;
  });
  return chosen!;
}

/** Ties go to the setting met first in the order hard, soft, recover (the order the grid was always searched in). */
function isEarlier(a: Setting, b: Setting, grid: SettingGrid): boolean {
  const key = (s: Setting) => [grid.hard.indexOf(s.hard), grid.soft.indexOf(s.soft), grid.recover.indexOf(s.recover)];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
}
