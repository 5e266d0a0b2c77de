import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseWeights, type Weights } from '../../analysis/scoring/weights.js';
import { readLedgerFileGroups, type LedgerIssue } from '../../collectors/ledger/read-ledger-file.js';
import { UserError } from '../../platform/errors.js';
import { TextSink } from '../../platform/text-sink.js';
import { assertReadable, issuePrinter, ledgerFeatureOptions, ledgerReadOptions, readLedgerRows } from '../ledger-file.js';
import type { CliIo, Command } from './command.js';
import { CSV_HEADER, lineScorer, SCORE_FORMATS, type ScoreSettings } from './ledger-score-core.js';
import { parseLang } from '../locale.js';
import { scoreInParallel } from './ledger-score-parallel.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const LEDGER_SCORE_OPTIONS = {
  'as-of': { type: 'string', value: 'YYYY-MM-DD', description: 'score as of this day (default: the day after the latest date in the file, one extra pass)' },
  format: { type: 'string', default: 'jsonl', value: 'jsonl|text|csv', description: 'jsonl: the full assessment per line; text: a line to read per customer; csv: a row per customer for a spreadsheet' },
  lang: { type: 'string', value: 'en|de|fr|it', description: 'language of the csv format\'s decision, reasons and next step (default en)' },
  weights: { type: 'string', value: 'weights.json' },
  order: { type: 'string', value: 'amount' },
  map: { type: 'string', multiple: true, value: 'column=field', description: 'map a header of your export to a ledger field' },
  decimal: { type: 'string', value: ',|.', description: 'the decimal mark, for files that never show it' },
  currency: { type: 'string', value: 'CHF', description: 'currency of exports without a currency column' },
  threads: { type: 'string', value: 'n', description: 'worker threads assessing customers of a file sorted by customer (default: one per core for files over 32 MB; 1: all in this thread)' },
} as const satisfies OptionSpecs;

export const ledgerScoreCommand: Command = {
  options: LEDGER_SCORE_OPTIONS,
  name: 'ledger score',
  summary: 'score every customer of a ledger export from the ledger alone (nothing stored; streams files of any size)',
  usage:
    'bonitor ledger score <ledger.csv> [--as-of YYYY-MM-DD] [--format jsonl|text|csv] [--lang en|de|fr|it] [--weights weights.json] [--order <amount>] [--map column=field]… [--decimal ,|.] [--currency CHF] [--threads n]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(LEDGER_SCORE_OPTIONS, args, this.usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UserError(`usage: ${this.usage}`, 2);
    const format = SCORE_FORMATS.find((f) => f === values.format);
    if (!format) throw new UserError('--format must be jsonl, text or csv', 2);
    const lang = values.lang === undefined ? undefined : parseLang(ctx.config, values.lang);
    if (values.lang !== undefined && !lang) throw new UserError('--lang must be en, de, fr or it', 2);
    const order = values.order === undefined ? undefined : Number(values.order);
    if (order !== undefined && !(order >= 0)) throw new UserError('--order must be a non-negative amount', 2);
    const weights = values.weights ? await readWeightsFile(values.weights) : undefined;
    const options = ledgerReadOptions(ctx.config, values);
    await assertReadable(file);
    let asOf = values['as-of'] ? parseAsOf(values['as-of']) : undefined;
    if (!asOf) {
      // The default needs the latest date of the whole file: one extra pass, which --as-of saves.
      asOf = await latestDatePlusOne(file, options);
      if (!asOf) throw new UserError(`${file}: no valid ledger rows to score`, 1);
      ctx.io.stderr.write(`as of ${asOf.toISOString().slice(0, 10)} (the day after the latest date in the ledger; --as-of skips this extra pass)\n`);
    }
    const printer = issuePrinter(file, ctx.io);
    const settings: ScoreSettings = { asOf: asOf.toISOString(), policy: ctx.config.policy, weights, order, ledgerOptions: ledgerFeatureOptions(ctx.config), format, ...(lang ? { lang: { lang: lang.lang, locale: lang.f.locale } } : {}) };
    const threads = values.threads === undefined ? await defaultThreads(file) : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UserError('--threads must be a whole number from 1 to 64', 2);
    // Written to a scratch file first: when the file turns out not to be sorted by customer it is
    // read again through the external sort, and nothing half-done must have reached stdout.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bonitor-score-'));
    const scratch = path.join(dir, 'out');
    try {
      let scored: number | undefined;
      let reportedUpTo = 0;
      if (threads > 1) {
        const out = new TextSink(createWriteStream(scratch));
        const r = await scoreInParallel({ file, options, settings, threads, out, onIssue: printer.onIssue });
        await out.end();
        if (r.done) scored = r.scored;
        else reportedUpTo = r.reportedUpTo;
      }
      scored ??= await scoreInThisThread(file, options, settings, scratch, (i) => {
        if (i.line > reportedUpTo) printer.onIssue(i);
      });
      if (scored === 0) throw new UserError(`${file}: no valid ledger rows to score`, printer.errors() > 0 ? 2 : 1);
      if (format === 'csv') ctx.io.stdout.write(`${CSV_HEADER}\n`);
      // 1 MiB reads: the 268 MB of a 100,000-customer file's lines took 0.40 s of CPU to copy in 64 KiB reads, 0.13 s so.
      await pipeline(createReadStream(scratch, { highWaterMark: 1 << 20 }), ctx.io.stdout, { end: false });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return printer.errors() > 0 ? 2 : 0;
  },
};

/** Reads, assesses and writes every customer in this thread; how many were scored. */
async function scoreInThisThread(file: string, options: Parameters<typeof readLedgerFileGroups>[1], settings: ScoreSettings, scratch: string, onIssue: (i: LedgerIssue) => void): Promise<number> {
  const score = lineScorer(settings);
  let out = new TextSink(createWriteStream(scratch));
  let scored = 0;
  for await (const g of readLedgerFileGroups(file, options, onIssue)) {
    if (g === 'restarted') {
      await out.end();
      out = new TextSink(createWriteStream(scratch));
      scored = 0;
      continue;
    }
    const busy = out.writeLine(score(g.customerId, g.rows));
    scored++;
    if (busy) await busy;
  }
  await out.end();
  return scored;
}

/**
 * Worker threads pay off from tens of megabytes on: each costs about 0.2 s of CPU to start (it
 * loads and warms up the scoring code), what one thread needs for about 20,000 rows.
 */
async function defaultThreads(file: string): Promise<number> {
  const { size } = await stat(file);
  return size >= 32 << 20 ? Math.min(os.availableParallelism(), 8) : 1;
}

/** The day after the latest issue or payment date in the file (the date the export evidently describes). */
async function latestDatePlusOne(file: string, options: Parameters<typeof readLedgerFileGroups>[1]): Promise<Date | undefined> {
  let latest = '';
  for await (const g of readLedgerFileGroups(file, options, () => {})) {
    if (g === 'restarted') continue;
    for (const r of g.rows) {
      if (r.issueDate > latest) latest = r.issueDate;
      if (r.paidDate && r.paidDate > latest) latest = r.paidDate;
    }
  }
  return latest ? new Date(Date.parse(latest) + 86_400_000) : undefined;
}

/** Reads a ledger file completely (train, backtest); bad rows are written to stderr as `file:line: reason`. */
export async function readLedgerFile(file: string, io: CliIo, options: Parameters<typeof readLedgerRows>[1] = {}) {
  return readLedgerRows(file, options, io);
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
