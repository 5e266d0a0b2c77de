import { backtestLedger, modelsToCompare, type LedgerBacktest } from '../../analysis/scoring/evaluate-ledger.js';
import { UserError } from '../../platform/errors.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { readWeightsFile } from './ledger-score.command.js';
import { formatGrades, loadEvaluationInput, pct } from './evaluation-input.js';

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
    const reports = modelsToCompare(weights).map((w) => backtestLedger(data.rows, data.set, ctx.config.policy, w));
    const report = reports.at(weights ? 1 : 0)!;
    if (report.defaults === 0 || report.defaults === report.customers) {
      ctx.io.stderr.write(`AUC needs both outcomes: ${report.defaults} of ${report.customers} customers defaulted.\n`);
    }
    // JSON: the chosen model's report as before, the others beside it.
    if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify({ ...report, compared: reports.filter((r) => r !== report) })}\n`);
    else ctx.io.stdout.write([...reports.slice(1), reports[0]!].map(formatBacktest).join('\n') + (reports.length > 1 ? formatComparison(reports) : ''));
    return data.rejected > 0 ? 2 : 0;
  },
};

export function formatBacktest(r: LedgerBacktest): string {
  const lines = [
    `Backtest as of ${r.asOf}, ${r.model} model ${r.modelVersion}: ${r.customers} customers, ${r.defaults} defaulted (${((r.defaults / Math.max(1, r.customers)) * 100).toFixed(1)} %)` +
      (r.derivedOutcomes ? ', outcomes derived from the ledger (90+ days overdue within 12 months)' : ''),
    `AUC ${r.auc.toFixed(4)}   Gini ${r.gini.toFixed(4)}   KS ${r.ks.toFixed(4)}`,
    '',
    'Calibration (customers sorted by predicted PD, in bands of equal size):',
    `  ${'PD band'.padEnd(16)} ${'customers'.padStart(9)} ${'defaults'.padStart(9)} ${'mean PD'.padStart(8)} ${'observed'.padStart(9)}`,
    ...r.calibration.map(
      (c) =>
        `  ${c.band.padEnd(16)} ${String(c.customers).padStart(9)} ${String(c.defaults).padStart(9)} ${pct(c.meanPd).padStart(8)} ${pct(c.observedRate).padStart(9)}`,
    ),
    '',
    'By grade (observed rate with its 95 % interval against the grade\'s PD band):',
    formatGrades(r.grades),
  ];
  return `${lines.join('\n')}\n`;
}

/** Per grade: customers, defaults, mean PD, observed rate with its 95 % interval, and whether it meets the band. */
/** One line per model: the comparison `train` promised (the chosen model, its alternative, the untrained one). */
function formatComparison(reports: readonly LedgerBacktest[]): string {
  const worst = (r: LedgerBacktest) => Math.max(...r.calibration.map((c) => Math.abs(c.meanPd - c.observedRate)));
  return [
    '',
    'Compared on the same customers:',
    `  ${'model'.padEnd(18)} ${'AUC'.padStart(7)} ${'Gini'.padStart(7)} ${'KS'.padStart(7)}  worst decile gap  grades that hold`,
    ...reports.map(
      (r) =>
        `  ${r.model.padEnd(18)} ${r.auc.toFixed(4).padStart(7)} ${r.gini.toFixed(4).padStart(7)} ${r.ks.toFixed(4).padStart(7)}  ${`${(worst(r) * 100).toFixed(1)} points`.padEnd(16)}  ${r.grades.filter((g) => g.holds).length} of ${r.grades.length}`,
    ),
    '',
  ].join('\n');
}

