import { readFile } from 'node:fs/promises';
import { parseLedgerCsv } from '../../collectors/ledger/parse-ledger.js';
import { inferAsOf, iterateLedgerAssessments } from '../../analysis/scoring/assess-ledger.js';
import { parseWeights, type Weights } from '../../analysis/scoring/weights.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import { UserError } from '../../platform/errors.js';
import type { CliIo, Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const LEDGER_SCORE_OPTIONS = {
        'as-of': { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        weights: { type: 'string' },
        order: { type: 'string' },
      } as const satisfies OptionSpecs;

export const ledgerScoreCommand: Command = {
  options: LEDGER_SCORE_OPTIONS,
  name: 'ledger score',
  summary: 'score every customer of a ledger CSV from the ledger alone (nothing stored)',
  usage: 'bonitor ledger score <ledger.csv> [--as-of YYYY-MM-DD] [--format jsonl|text] [--weights weights.json] [--order <amount>]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(LEDGER_SCORE_OPTIONS, args, this.usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UserError(`usage: ${this.usage}`, 2);
    if (values.format !== 'jsonl' && values.format !== 'text') throw new UserError('--format must be jsonl or text', 2);
    const order = values.order === undefined ? undefined : Number(values.order);
    if (order !== undefined && !(order >= 0)) throw new UserError('--order must be a non-negative amount', 2);
    const { rows, rejected } = await readLedgerFile(file, ctx.io);
    const weights = values.weights ? await readWeightsFile(values.weights) : undefined;
    const asOf = values['as-of'] ? parseAsOf(values['as-of']) : inferAsOf(rows);
    if (!asOf) throw new UserError(`${file}: no valid ledger rows to score`, rejected > 0 ? 2 : 1);
    if (!values['as-of']) ctx.io.stderr.write(`as of ${asOf.toISOString().slice(0, 10)} (the day after the latest date in the ledger; use --as-of to change)\n`);

    for (const a of iterateLedgerAssessments({ rows, asOf, policy: ctx.config.policy, weights, orderAmount: order })) {
      if (values.format === 'jsonl') ctx.io.stdout.write(`${JSON.stringify(a)}\n`);
      else {
        const t = a.terms;
        const terms = `${t.kind}${t.netDays ? ` ${t.netDays}d` : ''}${t.advancePercent && t.advancePercent < 100 ? ` ${t.advancePercent}%` : ''}${t.creditLimit ? ` limit ${t.currency} ${t.creditLimit}` : ''}`;
        ctx.io.stdout.write(`${a.grade}  ${a.score.toFixed(1).padStart(5)}  ${(a.pd * 100).toFixed(1).padStart(5)} %  ${a.customerId}  ${a.name}  ${terms}\n`);
      }
    }
    return rejected > 0 ? 2 : 0;
  },
};

/** Reads and parses a ledger CSV; bad rows are written to stderr as `file:line: reason`. */
export async function readLedgerFile(file: string, io: CliIo): Promise<{ rows: LedgerRow[]; rejected: number }> {
  const text = await readText(file);
  const { rows, errors } = parseLedgerCsv(text);
  for (const e of errors) io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
  return { rows, rejected: errors.length };
}

export async function readWeightsFile(file: string): Promise<Weights> {
  const text = await readText(file);
  try {
    return parseWeights(JSON.parse(text));
  } catch (err) {
    throw new UserError(`${file}: not a weights file written by \`bonitor train\` (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`, 2);
  }
}

export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, 1);
  });
}

/** YYYY-MM-DD → midnight UTC of that day. */
export function parseAsOf(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) throw new UserError(`--as-of must be a date YYYY-MM-DD, got "${value}"`, 2);
  return d;
}
