import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBacktest } from '../../analysis/scoring/backtest.js';
import { formatGrades, loadEvaluationInput } from './evaluation-input.js';
import { buildExamples, trainWeights } from '../../analysis/scoring/train.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, type Weights } from '../../analysis/scoring/weights.js';
import { UserError } from '../../platform/errors.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { readWeightsFile } from './ledger-score.command.js';

const TRAIN_OPTIONS = {
        ledger: { type: 'string' },
        outcomes: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        folds: { type: 'string', default: '5' },
        from: { type: 'string' },
      } as const satisfies OptionSpecs;

export const trainCommand: Command = {
  options: TRAIN_OPTIONS,
  name: 'train',
  summary: 'fit the scorecard weights on your own payment history (regularised logistic regression, k-fold CV)',
  usage:
    'bonitor train --ledger <ledger.csv> [--outcomes <customer_id,defaulted csv>] [--as-of YYYY-MM-DD] [--out <weights.json>] [--folds 5] [--from <weights.json>]',
  async run(args, ctx) {
    const { values } = parseOptions(TRAIN_OPTIONS, args, this.usage);
    if (!values.ledger) throw new UserError(`usage: ${this.usage}`, 2);
    const folds = Number(values.folds);
    if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new UserError('--folds must be a whole number from 2 to 20', 2);
    const data = await loadEvaluationInput(values.ledger, values.outcomes, values['as-of'], ctx.io);
    const prior = values.from ? await readWeightsFile(values.from) : DEFAULT_WEIGHTS;
    const examples = buildExamples(data.rows, data.set.outcomes, data.set.asOf);
    const now = new Date();
    let result;
    try {
      result = trainWeights(examples, { prior, folds, version: `scorecard-trained-${now.toISOString().slice(0, 10)}`, trainedAt: now.toISOString() });
    } catch (err) {
      throw new UserError(`cannot train: ${err instanceof Error ? err.message : String(err)}`, 1);
    }
    const out = values.out ?? path.join(ctx.config.dataDir, 'weights.json');
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, `${JSON.stringify(result.weights, null, 2)}\n`);

    const o = ctx.io.stdout;
    const defaults = examples.filter((e) => e.defaulted).length;
    o.write(`Trained on ${examples.length} customers, ${defaults} defaulted (${pct(defaults / examples.length)}), as of ${data.set.asOf.toISOString().slice(0, 10)}${data.set.derived ? ', outcomes derived from the ledger (90+ days overdue within 12 months)' : ''}.\n`);
    o.write(`${folds}-fold cross-validation, penalty towards the previous weights (${prior.version}, AUC ${result.priorAuc.toFixed(4)} on these customers):\n`);
    for (const fit of result.fits) {
      o.write(`  ${fit.kind.padEnd(8)}${fit.cv.map((c) => `  lambda ${c.lambda}: AUC ${c.auc.toFixed(4)} log-loss ${c.logLoss.toFixed(4)}${c.lambda === fit.lambda ? ' *' : ''}`).join('')}\n`);
    }
    const linear = result.fits.find((f) => f.kind === 'linear');
    const monotone = result.fits.find((f) => f.kind === 'monotone');
    o.write(
      `Out-of-fold: linear AUC ${linear?.cvAuc.toFixed(4) ?? '-'}, monotone AUC ${monotone?.cvAuc.toFixed(4) ?? '-'} -> ${result.selected} chosen` +
        (result.selected === 'linear' && monotone ? ' (the monotone model did not beat it out of fold)' : '') +
        '.\n\n',
    );
    const chosen = result.fits.find((f) => f.kind === result.selected)!;
    const oof = runBacktest(examples.map((e, i) => ({ customerId: e.customerId, pd: chosen.outOfFold[i]!, defaulted: e.defaulted })));
    o.write(`Out of fold, the ${result.selected} model's grades against their PD bands (what \`backtest\` will show on new data):\n`);
    o.write(`${formatGrades(oof.grades)}\n`);
    o.write(formatModel(result.weights, prior));
    o.write(`\nWeights written to ${out}. Use them with --weights ${out}; \`bonitor backtest --weights ${out}\` compares both models.\n`);
    return data.rejected > 0 ? 2 : 0;
  },
};

/** Ledger file + optional outcomes file + optional as-of → the evaluation set (shared by train and backtest). */
function fmt(x: number): string {
  return x.toFixed(3).padStart(7);
}

/** What each feature does in the chosen model (log-odds; 1 = 10 score points), against the prior. */
export function formatModel(w: Weights, prior: Weights): string {
  const lines = [`Intercept ${fmt(prior.intercept)} -> ${fmt(w.intercept)}`, `Features (log-odds; 1 = 10 score points):`];
  for (const n of FEATURE_NAMES) {
    const shape = w.kind === 'monotone' ? w.shapes?.[n] : undefined;
    if (shape) {
      lines.push(`  ${n.padEnd(22)} ${shape.knots.map((k, i) => `${round(k)}:${shape.points[i]!.toFixed(2)}`).join('  ')}`);
    } else {
      const before = prior.coefficients[n];
      const after = w.coefficients[n];
      lines.push(`  ${n.padEnd(22)} ${fmt(before)} -> ${fmt(after)} per unit${Math.abs(after - before) < 0.005 ? '  (unchanged)' : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
