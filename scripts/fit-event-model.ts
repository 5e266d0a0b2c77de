/**
 * Fits the trained event layer (analysis/classify/event-model.json) on the DEVELOPMENT part of the
 * labelled real-text corpus only (analysis/eval/corpus/events.dev.jsonl); the held-out part is
 * never read here.
 *   tsx scripts/fit-event-model.ts [--corpus <dir>] [--out <file>] [--dry] [--per-type] [--frontier] [--cv-errors <type>|hard]
 *     [--precision-floor <p>] [--negative-ceiling <share>] [--flat <steps>] [--hard-weight <w>] [--families rule+cue] [--lambda 0.01]
 *     [--no-nested] [--nested-frontier] [--seeds <n>]
 * Every run prints the nested cross-validated figures of the choice (scripts/event-layer-cv.ts): the whole choice made on
 * four folds and scored on the fifth, the honest estimate of the layer on domains it has not seen (--no-nested skips it);
 * --nested-frontier prints that estimate for each precision floor and flatness of the selection rule, --seeds <n> repeats
 * it over n more assignments of domains to folds (mean ± sd); --flat <steps> makes the floor hold that many hard-threshold
 * steps on each side of the chosen one; --hard-weight weighs hard-type candidates in the fit's loss.
 * --frontier prints, for the chosen features and λ, the best setting under each precision floor from 0.90 to 0.96;
 * --per-type prints the chosen setting's cross-validated precision and recall per event type beside the rules alone;
 * --cv-errors <type> lists the development sentences the cross-validated layer gets wrong for that type (the model of
 * each sentence's fold never saw its domain, so these are the misses and false events an unseen domain shows);
 * --cv-errors hard lists, per candidate of a hard type, the false events the layer keeps and the true events its hard
 * threshold drops, with the cross-validated probability and the features that moved it: what a new feature must separate.
 * --families / --lambda fit one feature-family set or one λ instead of the whole grid (a quick look, never for shipping).
 * Sentences are linked against the corpus watchlist first, as the analyzer links a document before
 * extracting its events. Every trigger the extractor reads in a dev sentence is a training example (label: its type is
 * one the sentence's annotation expects). Feature families, the regularisation strength and the
 * decision thresholds are chosen by 5-fold cross-validation grouped by source domain (no domain in
 * two folds, as the held-out split has unseen domains), on the figures `npm run eval` reports, precision first
 * (scripts/event-setting-selection.ts): among the settings whose cross-validated hard precision and share of hard
 * negatives with a hard event meet a floor (DEFAULT_FLOOR, or --precision-floor / --negative-ceiling), the best hard
 * macro-F1. The chosen setting's figures are printed per fold (mean ± sd, range); a hard type gets its own threshold
 * only where a nested check (thresholds chosen on four folds, scored on the fifth) says per-type thresholds beat one.
 * Then the weights are fitted on all dev sentences with the chosen settings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatesOf, FEATURE_FAMILIES, languageOf, parseEventModel } from '../analysis/classify/index.js';
import { eventLineSchema, type EventLine } from '../analysis/eval/corpus-schema.js';
import { evaluateEvents, goldTypes, type EventReport } from '../analysis/eval/evaluate.js';
import { linkedEventDocumentOf } from '../analysis/eval/linked-document.js';
import { buildWatchlistIndex, parseWatchlistCsv } from '../analysis/linking/index.js';
import { loadLinkModel } from '../app/link-model.js';
import { parseJsonLines } from '../analysis/eval/load-corpus.js';
import { HARD_EVENT_TYPES, type EventType } from '../platform/schemas/common.js';
import { fitSparseLogistic } from './sparse-logistic.js';
import { foldsByDomain } from './domain-folds.js';
import { decideRow, layerCv, restrictFeatures as restrict, rowWeight, thresholdOf, type Cell, type LayerRow as Row } from './event-layer-cv.js';
import { foldFigures, spreadOf, DEFAULT_FLOOR, meetsFloor, selectionScore, typeThresholds, type Floor, type SelectionRule, type Setting, type SettingGrid, type Spread } from './event-setting-selection.js';
import type { SelectionFigures } from './event-figures.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const corpusDir = opt('--corpus', 'analysis/eval/corpus');
const outFile = opt('--out', 'analysis/classify/event-model.json');
const dry = args.includes('--dry');
const perType = args.includes('--per-type');
const frontier = args.includes('--frontier');
const cvErrorsOf = opt('--cv-errors', '');
const floor: Floor = {
  hardPrecision: Number(opt('--precision-floor', String(DEFAULT_FLOOR.hardPrecision))),
  hardNegativeShare: Number(opt('--negative-ceiling', String(DEFAULT_FLOOR.hardNegativeShare))),
};
const FOLDS = 5;
const onlyLambda = opt('--lambda', '');
const LAMBDAS = onlyLambda ? [Number(onlyLambda)] : [0.001, 0.003, 0.01, 0.03];
const ALL_FAMILY_SETS: string[][] = [['rule'], ['rule', 'cue'], ['rule', 'cue', 'shape'], ['rule', 'cue', 'shape', 'word']];
const onlyFamilies = opt('--families', '');
const FAMILY_SETS = onlyFamilies ? [onlyFamilies.split('+')] : ALL_FAMILY_SETS;
const SOFT_THRESHOLDS = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
/** The hard threshold in finer steps where precision is bought: the frontier shows each step between 0.70 and 0.90. */
const THRESHOLDS = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.725, 0.75, 0.775, 0.8, 0.825, 0.85, 0.875, 0.9];
const RECOVER = [undefined, 0.7, 0.8, 0.9];
const HARD: ReadonlySet<EventType> = new Set(HARD_EVENT_TYPES);
/** How much more of the selection score a richer feature-family set must reach in cross-validation to be chosen. */
const RICHER_MARGIN = 0.02;
/** Grid neighbours on each side of the hard threshold that must meet the floor too (event-setting-selection.ts SelectionRule). */
const FLAT = Number(opt('--flat', '0'));
const nestedRun = !args.includes('--no-nested');
const nestedFrontier = args.includes('--nested-frontier');
const seeds = Number(opt('--seeds', '0'));
/** Weight of a hard-type candidate in the fit's loss (soft ones weigh 1): precision is bought on the hard types. */
const HARD_WEIGHT = Number(opt('--hard-weight', '1'));
const NESTED_RULES = [0, 1, 2].flatMap((flat) => [0.93, 0.94, 0.95, 0.96, 0.97].map((hardPrecision) => ({ flat, hardPrecision })));
const describe = (cell: Cell, s: Setting) => `${cell.families.join('+')} λ=${cell.lambda} t=${s.hard}/${s.soft}/${s.recover ?? '-'}`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
/** How much more of the selection score per-type thresholds must reach in the nested check to be shipped. */
const PER_TYPE_MARGIN = 0.005;

// The development part only: the held-out file is never opened here.
const parsed = parseJsonLines(readFileSync(join(corpusDir, 'events.dev.jsonl'), 'utf8'), eventLineSchema, 'events.dev.jsonl');
if (parsed.errors.length > 0) throw new Error(parsed.errors.join('\n'));
const lines: EventLine[] = parsed.lines;
const all = new Set<string>(FEATURE_FAMILIES);

const rows: Row[] = [];
// Sentences are read as the analyzer reads them: linked against the corpus watchlist first.
const watchlist = parseWatchlistCsv(readFileSync(join(corpusDir, 'watchlist.csv'), 'utf8'));
if (watchlist.errors.length > 0) throw new Error(watchlist.errors.map((e) => `watchlist.csv:${e.line}: ${e.reason}`).join('\n'));
const index = buildWatchlistIndex(watchlist.customers, loadLinkModel());
lines.forEach((line, lineIndex) => {
  const doc = linkedEventDocumentOf(line, index);
  const gold = goldTypes(line);
  for (const c of candidatesOf(doc, languageOf(doc), all)) {
    rows.push({ line, lineIndex, type: c.event.type, accepted: c.accepted, locked: c.locked === true, hard: HARD.has(c.event.type), features: c.features!, label: gold.has(c.event.type) });
  }
});

// Folds by source domain, largest domains first into the emptiest fold.
const { foldOf, domains } = foldsByDomain(lines, FOLDS);

const cv = layerCv(lines, rows, foldOf, FOLDS, HARD_WEIGHT);
const { allFolds, othersThan, rowFold } = cv;
const GRID: SettingGrid = { hard: THRESHOLDS, soft: SOFT_THRESHOLDS, recover: RECOVER };
const rule: SelectionRule = { floor, flat: FLAT, richerMargin: RICHER_MARGIN };
const score = (r: SelectionFigures) => selectionScore(r, floor);

/** The nested estimate of each selection rule of NESTED_RULES over one assignment of domains to folds. */
function nestedByRule(run: ReturnType<typeof layerCv>, probs: Float64Array[]) {
  return NESTED_RULES.map(({ flat, hardPrecision }) => {
    const nest = run.nested(cells, probs, GRID, { ...rule, flat, floor: { ...floor, hardPrecision } });
    return { label: `floor ${hardPrecision.toFixed(2)} flat ${flat}`, figures: run.scorer((i) => nest.kept[i]!) };
  });
}

/** The evaluator's report over the sentences of some folds (all by default): rules alone, or the rows `kept` keeps. */
function report(kept: ((row: number) => boolean) | undefined, folds?: ReadonlySet<number>): EventReport {
  const predicted = new Map<string, Set<EventType>>();
  rows.forEach((r, i) => {
    if (folds && !folds.has(rowFold[i]!)) return;
    if (!(kept ? kept(i) : r.accepted)) return;
    predicted.set(r.line.id, (predicted.get(r.line.id) ?? new Set()).add(r.type));
  });
  const some = folds ? lines.filter((l) => folds.has(foldOf.get(l.domain)!)) : lines;
  return evaluateEvents(some, (l) => [...(predicted.get(l.id) ?? [])]);
}
const keptBy = (probs: Float64Array, s: Setting) => (i: number) => decideRow(rows[i]!, probs[i]!, s);

const summary = (r: SelectionFigures) => ({
  hardPrecision: round(r.hard.precision),
  hardRecall: round(r.hard.recall),
  hardMacroF1: round(r.hard.macroF1),
  allMacroF1: round(r.allMacroF1),
  hardNegativesWithHard: round(r.hardNegatives.share),
});
const round = (x: number) => Math.round(x * 1000) / 1000;
const show = (label: string, r: SelectionFigures) => {
  const s = summary(r);
  console.log(`${label.padEnd(44)} hard P ${s.hardPrecision.toFixed(3)} R ${s.hardRecall.toFixed(3)} macro-F1 ${s.hardMacroF1.toFixed(3)}   all macro-F1 ${s.allMacroF1.toFixed(3)}   hard negatives ${(s.hardNegativesWithHard * 100).toFixed(1)} %`);
};

console.log(`dev part: ${lines.length} sentences from ${domains} domains, ${rows.length} candidate events (${rows.filter((r) => r.label).length} correct); ${FOLDS} folds by domain`);
console.log(`selection: cross-validated hard precision ≥ ${floor.hardPrecision} and hard negatives with a hard event ≤ ${(floor.hardNegativeShare * 100).toFixed(1)} %${FLAT > 0 ? `, also ${FLAT} threshold step${FLAT > 1 ? 's' : ''} either side` : ''}, then the best hard macro-F1${HARD_WEIGHT !== 1 ? `; hard candidates weigh ${HARD_WEIGHT} in the fit` : ''}`);
const rulesOnly = report(undefined);
show('rules only', rulesOnly);
const cells: Cell[] = FAMILY_SETS.flatMap((families) => LAMBDAS.map((lambda) => ({ families, lambda })));
const plain = cells.map((cell) => cv.outOfFold(cell));
cells.forEach((cell, i) => {
  const best = cv.choose([cell], [plain[i]!], GRID, rule);
  show(`cv ${cell.families.join('+')} λ=${cell.lambda} t=${best.setting.hard}/${best.setting.soft}/${best.setting.recover ?? '-'}${meetsFloor(best.figures, floor) ? '' : ' (below floor)'}`, best.figures);
});
// Simpler wins ties: a richer family set must beat the best so far by a clear margin — about one standard error of
// these cross-validated figures (~350 hard events, ~1,200 candidates) — so word and shape weights that only echo the
// development domains' vocabulary are not shipped for a difference the folds cannot tell from noise.
const choice = cv.choose(cells, plain, GRID, rule);
const c = { ...cells[choice.cell]!, setting: choice.setting, probs: plain[choice.cell]!, report: report(keptBy(plain[choice.cell]!, choice.setting)) };
if (!meetsFloor(c.report, floor)) console.log(`no setting meets the floor: the one nearest to it is chosen`);
// Per-type hard thresholds only where a nested check supports them: on each fold, one hard threshold and per-type
// thresholds are both chosen on the four other folds and scored on this one; the pooled scores decide.
const innerGlobal = (f: number): Setting => {
  let best: { s: Setting; score: number } | undefined;
  for (const hard of THRESHOLDS) {
    const s = { ...c.setting, hard };
    const sc = score(cv.figures(c.probs, s, othersThan(f)));
    if (!best || sc > best.score + 1e-9) best = { s, score: sc };
  }
  return best!.s;
};
const nestedGlobal = allFolds.map(innerGlobal);
const nestedPerType = allFolds.map((f) => typeThresholds(nestedGlobal[f]!, THRESHOLDS, (s) => cv.figures(c.probs, s, othersThan(f)), floor));
const nestedOne = cv.figures(c.probs, (i) => nestedGlobal[rowFold[i]!]!);
const nestedTypes = cv.figures(c.probs, (i) => nestedPerType[rowFold[i]!]!);
show('nested check: one hard threshold', nestedOne);
show('nested check: a threshold per hard type', nestedTypes);
if (score(nestedTypes) > score(nestedOne) + PER_TYPE_MARGIN) {
  c.setting = typeThresholds(c.setting, THRESHOLDS, (s) => cv.figures(c.probs, s), floor);
  c.report = report(keptBy(c.probs, c.setting));
  const own = Object.keys(c.setting.byType ?? {}).length > 0;
  console.log(own ? `per-type hard thresholds shipped: ${JSON.stringify(c.setting.byType)}` : 'per-type thresholds win the nested check, but on all folds no type beats the one threshold: one shipped');
} else console.log('one hard threshold shipped (per-type thresholds do not beat it in the nested check)');
show(`chosen (cross-validated) t=${c.setting.hard}/${c.setting.soft}/${c.setting.recover ?? '-'}`, c.report);
const spread = foldFigures(allFolds.map((f) => cv.figures(c.probs, c.setting, new Set([f]))));
const fmt = (s: Spread, pct = false) => {
  const k = pct ? 100 : 1;
  const d = pct ? 1 : 3;
  return `${(s.mean * k).toFixed(d)} ± ${(s.sd * k).toFixed(d)} (${(s.min * k).toFixed(d)}–${(s.max * k).toFixed(d)})`;
};
console.log(`per fold (mean ± sd, range): hard P ${fmt(spread.hardPrecision)}  R ${fmt(spread.hardRecall)}  macro-F1 ${fmt(spread.hardMacroF1)}  hard negatives ${fmt(spread.hardNegativeShare, true)} %`);
let honestSummary: ReturnType<typeof summary> | undefined;
if (nestedRun) {
  // The honest estimate: the whole choice (families, λ, thresholds) made on four folds, scored on the fifth.
  const nest = cv.nested(cells, plain, GRID, rule);
  nest.choices.forEach((ch, f) => {
    const own = cv.figures(plain[ch.cell]!, ch.setting, new Set([f]));
    console.log(`  fold ${f}: chose ${describe(cells[ch.cell]!, ch.setting)} on the other folds (hard P ${ch.figures.hard.precision.toFixed(3)} R ${ch.figures.hard.recall.toFixed(3)}); on this fold hard P ${own.hard.precision.toFixed(3)} R ${own.hard.recall.toFixed(3)}`);
  });
  const honest = report((i) => nest.kept[i]!);
  show('nested CV (the honest estimate)', honest);
  honestSummary = summary(honest);
  const worst = foldFigures(allFolds.map((f) => cv.scorer((i) => nest.kept[i]!, new Set([f]))));
  console.log(`nested per fold: hard P ${fmt(worst.hardPrecision)}  R ${fmt(worst.hardRecall)}  hard negatives ${fmt(worst.hardNegativeShare, true)} %`);
  console.log(`optimism of the plain cross-validated figure: hard P ${signed(c.report.hard.precision - honest.hard.precision)}, R ${signed(c.report.hard.recall - honest.hard.recall)}, macro-F1 ${signed(c.report.hard.macroF1 - honest.hard.macroF1)}`);
}
if (nestedFrontier || seeds > 0) {
  // What each selection rule gives on unseen domains: its nested estimate, per floor, on the edge (flat 0) and flat; with
  // --seeds, over that many other assignments of domains to folds too (repeated cross-validation), as mean ± sd.
  const runs = [{ seed: 'none', rules: nestedByRule(cv, plain) }];
  for (let seed = 1; seed <= seeds; seed++) {
    const other = layerCv(lines, rows, foldsByDomain(lines, FOLDS, seed).foldOf, FOLDS, HARD_WEIGHT);
    runs.push({ seed: String(seed), rules: nestedByRule(other, cells.map((cell) => other.outOfFold(cell))) });
  }
  console.log(`selection rule → nested CV estimate (${cells.length} cells of families and λ, chosen on four folds, scored on the fifth; ${runs.length} fold assignment${runs.length > 1 ? 's: mean ± sd' : ''})`);
  runs[0]!.rules.forEach(({ label }, k) => {
    const of = (get: (f: SelectionFigures) => number) => spreadOf(runs.map((r) => get(r.rules[k]!.figures)));
    const m = (sp: Spread, pct = false) => `${(sp.mean * (pct ? 100 : 1)).toFixed(pct ? 1 : 3)}${runs.length > 1 ? ` ± ${(sp.sd * (pct ? 100 : 1)).toFixed(pct ? 1 : 3)}` : ''}`;
    console.log(`  ${label.padEnd(20)} hard P ${m(of((f) => f.hard.precision))} R ${m(of((f) => f.hard.recall))} macro-F1 ${m(of((f) => f.hard.macroF1))}   all macro-F1 ${m(of((f) => f.allMacroF1))}   hard negatives ${m(of((f) => f.hardNegatives.share), true)} %`);
  });
}
if (frontier) {
  // What each precision floor costs in recall with the chosen features and λ: the best hard macro-F1 per floor.
  console.log(`precision floor → best setting meeting it (${c.families.join('+')} λ=${c.lambda}, hard negatives ≤ ${(floor.hardNegativeShare * 100).toFixed(1)} %)`);
  for (const p of [0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96]) {
    const f = { ...floor, hardPrecision: p };
    let best: { s: Setting; r: SelectionFigures; sc: number } | undefined;
    for (const hard of THRESHOLDS) {
      const s = { ...c.setting, hard, byType: undefined };
      const r = cv.figures(c.probs, s);
      const sc = selectionScore(r, f);
      if (!best || sc > best.sc + 1e-9) best = { s, r, sc };
    }
    show(`  floor ${p.toFixed(2)}: t=${best!.s.hard}${meetsFloor(best!.r, f) ? '' : ' (not met)'}`, best!.r);
  }
}
if (perType) {
  console.log(`per type, cross-validated (rules only in brackets):  gold  precision  recall`);
  for (const [t, s] of Object.entries(c.report.byType)) {
    const r = rulesOnly.byType[t as EventType];
    console.log(`  ${t.padEnd(20)} ${String(s.tp + s.fn).padStart(5)}  ${s.precision.toFixed(3)} (${r.precision.toFixed(3)})  ${s.recall.toFixed(3)} (${r.recall.toFixed(3)})`);
  }
}
if (cvErrorsOf === 'hard') printHardCvErrors();
else if (cvErrorsOf) {
  for (const e of c.report.errors) {
    const fp = e.predicted.includes(cvErrorsOf as EventType) && !e.expected.includes(cvErrorsOf as EventType);
    const fn = e.expected.includes(cvErrorsOf as EventType) && !e.predicted.includes(cvErrorsOf as EventType);
    if (fp || fn) console.log(`  ${fp ? 'false' : 'missed'} ${e.id} [${e.lang}] expected [${e.expected.join(',')}] got [${e.predicted.join(',')}]  ${e.text}`);
  }
}

/** The hard candidates the cross-validated layer gets wrong: kept false events and true events below the threshold. */
function printHardCvErrors(): void {
  const fit = fitSparseLogistic(rows.map((r) => ({ features: restrict(r.features, c.families), label: r.label, weight: rowWeight(r, HARD_WEIGHT) })), c.lambda);
  const lines: string[] = [];
  rows.forEach((r, i) => {
    if (!r.hard || r.locked || !r.accepted) return;
    const p = c.probs[i]!;
    const kept = p >= thresholdOf(r, c.setting);
    if (kept === r.label) return;
    const moved = [...restrict(r.features, c.families).keys()]
      .map((k) => ({ k, w: fit.weights[k] ?? 0 }))
      .filter((x) => Math.abs(x.w) >= 0.05)
      .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
      .slice(0, 8)
      .map((x) => `${x.k} ${x.w > 0 ? '+' : ''}${x.w.toFixed(2)}`);
    lines.push(`  ${kept ? 'false kept' : 'true dropped'} p=${p.toFixed(2)} ${r.type} ${r.line.id} [${r.line.lang}] ${r.line.text.slice(0, 160)}\n      ${moved.join(', ')}`);
  });
  console.log(`hard candidates the cross-validated layer gets wrong (${lines.length}; weights of the fit on all dev sentences):`);
  for (const l of lines.sort()) console.log(l);
}

const final = fitSparseLogistic(
  rows.map((r) => ({ features: restrict(r.features, c.families), label: r.label, weight: rowWeight(r, HARD_WEIGHT) })),
  c.lambda,
);
const model = parseEventModel({
  version: `event-model-${new Date().toISOString().slice(0, 10)}`,
  bias: final.bias,
  weights: Object.fromEntries(Object.entries(final.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))),
  hardThreshold: c.setting.hard,
  ...(c.setting.byType && Object.keys(c.setting.byType).length > 0 ? { typeThresholds: c.setting.byType } : {}),
  softThreshold: c.setting.soft,
  ...(c.setting.recover !== undefined ? { recoverFrom: c.setting.recover } : {}),
  families: c.families,
  fitted: {
    corpus: 'analysis/eval/corpus/events.dev.jsonl (development part only)',
    sentences: lines.length,
    domains,
    candidates: rows.length,
    lambda: c.lambda,
    folds: `${FOLDS}, grouped by source domain`,
    selection: `hard precision ≥ ${floor.hardPrecision}, hard negatives ≤ ${floor.hardNegativeShare}${FLAT > 0 ? `, flat ${FLAT}` : ''}${HARD_WEIGHT !== 1 ? `, hard weight ${HARD_WEIGHT}` : ''}, then hard macro-F1${meetsFloor(c.report, floor) ? '' : ' (no setting met the floor: the nearest)'}`,
    crossValidated: { rulesOnly: summary(rulesOnly), withModel: summary(c.report), ...(honestSummary ? { nested: honestSummary } : {}) },
    perFold: Object.fromEntries(Object.entries(spread).map(([k, s]) => [k, { mean: round(s.mean), sd: round(s.sd), min: round(s.min), max: round(s.max) }])),
  },
});
console.log(`${Object.keys(model.weights).length} weights; bias ${model.bias}`);
if (dry) console.log('--dry: nothing written');
else {
  writeFileSync(outFile, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`written ${outFile}`);
}
