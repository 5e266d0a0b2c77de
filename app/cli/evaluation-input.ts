import { GRADE_BANDS, type GradeRow } from '../../analysis/scoring/backtest.js';
import { prepareEvaluation } from '../../analysis/scoring/evaluate-ledger.js';
import { parseOutcomesCsv } from '../../analysis/scoring/outcomes.js';
import { UserError } from '../../platform/errors.js';
import type { CliIo } from './command.js';
import { parseAsOf, readLedgerFile, readText } from './ledger-score.command.js';

/** What `train` and `backtest` both read: the ledger, the optional outcomes and the as-of date. */
export async function loadEvaluationInput(ledgerFile: string, outcomesFile: string | undefined, asOfText: string | undefined, io: CliIo) {
  const asOf = asOfText ? parseAsOf(asOfText) : undefined;
  const { rows, rejected } = await readLedgerFile(ledgerFile, io);
  let outcomes: Map<string, boolean> | undefined;
  let bad = rejected;
  if (outcomesFile) {
    const parsed = parseOutcomesCsv(await readText(outcomesFile));
    for (const e of parsed.errors) io.stderr.write(`${outcomesFile}:${e.line}: ${e.reason}\n`);
    bad += parsed.errors.length;
    outcomes = parsed.outcomes;
  }
  try {
    return { rows, set: prepareEvaluation(rows, outcomes, asOf), rejected: bad };
  } catch (err) {
    throw new UserError(`${ledgerFile}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

/** The per-grade table both `train` (out of fold) and `backtest` print. */
export function formatGrades(grades: readonly GradeRow[]): string {
  return [
    `  ${'grade'.padEnd(6)} ${'band'.padEnd(10)} ${'customers'.padStart(9)} ${'defaults'.padStart(9)} ${'mean PD'.padStart(8)} ${'observed'.padStart(9)}  95 % interval    holds`,
    ...grades.map((g) => {
      const [from, to] = GRADE_BANDS[g.grade];
      const band = to >= 1 ? `>= ${pct0(from)}` : from === 0 ? `< ${pct0(to)}` : `${pct0(from)}-${pct0(to)}`;
      return `  ${g.grade.padEnd(6)} ${band.padEnd(10)} ${String(g.customers).padStart(9)} ${String(g.defaults).padStart(9)} ${pct(g.meanPd).padStart(8)} ${pct(g.observedRate).padStart(9)}  ${`${pct(g.low)}-${pct(g.high)}`.padEnd(15)}  ${g.holds ? 'yes' : 'no'}`;
    }),
  ].join('\n');
}

function pct0(x: number): string {
  return `${Math.round(x * 100)} %`;
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
