import { backtestLedger, type LedgerBacktest } from '../../analysis/scoring/evaluate-ledger.js';
import { UserError } from '../../platform/errors.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { readWeightsFile } from './ledger-score.command.js';
import { loadEvaluationInput } from './train.command.js';

const BACKTEST_OPTIONS = {
        ledger: { type: 'string' },
        outcomes: { type: 'string' },
        'as-of': { type: 'string' },
        weights: { type: 'string' },
        format: { type: 'string', default: 'text' },
      } as const satisfies OptionSpecs;

export const backtestCommand: Command = {
  options: BACKTEST_OPTIONS,
  name: 'backtest',
  summary: 'how well the ledger score ranked past defaults: AUC, Gini, KS and a calibration table',
  usage: 'bonitor backtest --ledger <ledger.csv> [--outcomes <customer_id,defaulted csv>] [--as-of YYYY-MM-DD] [--weights <weights.json>] [--format text|json]',
  async run(args, ctx) {
    const { values } = parseOptions(BACKTEST_OPTIONS, args, this.usage);
    if (!values.ledger) throw new UserError(`usage: ${this.usage}`, 2);
    if (values.format !== 'text' && values.format !== 'json') throw new UserError('--format must be text or json', 2);
    const weights = values.weights ? await readWeightsFile(values.weights) : undefined;
    const data = await loadEvaluationInput(values.ledger, values.outcomes, values['as-of'], ctx.io);
    const report = backtestLedger(data.rows, data.set, ctx.config.policy, weights);
    if (report.defaults === 0 || report.defaults === report.customers) {
      ctx.io.stderr.write(`AUC needs both outcomes: ${report.defaults} of ${report.customers} customers defaulted.\n`);
    }
    ctx.io.stdout.write(values.format === 'json' ? `${JSON.stringify(report)}\n` : formatBacktest(report));
    return data.rejected > 0 ? 2 : 0;
  },
};

export function formatBacktest(r: LedgerBacktest): string {
  const lines = [
    `Backtest as of ${r.asOf}, model ${r.modelVersion}: ${r.customers} customers, ${r.defaults} defaulted (${((r.defaults / Math.max(1, r.customers)) * 100).toFixed(1)} %)` +
      (r.derivedOutcomes ? ', outcomes derived from the ledger (90+ days overdue within 12 months)' : ''),
    `AUC ${r.auc.toFixed(4)}   Gini ${r.gini.toFixed(4)}   KS ${r.ks.toFixed(4)}`,
    '',
    'Calibration (customers sorted by predicted PD, in bands of equal size):',
    `  ${'PD band'.padEnd(16)} ${'customers'.padStart(9)} ${'defaults'.padStart(9)} ${'mean PD'.padStart(8)} ${'observed'.padStart(9)}`,
    ...r.calibration.map(
      (c) =>
        `  ${c.band.padEnd(16)} ${String(c.customers).padStart(9)} ${String(c.defaults).padStart(9)} ${pct(c.meanPd).padStart(8)} ${pct(c.observedRate).padStart(9)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
