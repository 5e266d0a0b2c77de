import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { backtestCommand } from '../../app/cli/backtest.command.js';
import type { Command } from '../../app/cli/command.js';
import { ledgerScoreCommand } from '../../app/cli/ledger-score.command.js';
import { CSV_HEADER, formatText } from '../../app/cli/ledger-score-core.js';
import { parseCsv } from '../../platform/csv.js';
import { trainCommand } from '../../app/cli/train.command.js';
import { parseWeights } from '../../analysis/scoring/weights.js';
import { configSchema } from '../../platform/config/schema.js';
import { UserError } from '../../platform/errors.js';
import { assessmentSchema } from '../../platform/schemas/assessment.js';

const fixture = (name: string) => new URL(`../fixtures/scoring/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bonitor-scoring-cli-'));

async function run(command: Command, args: string[], config: Record<string, unknown> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const ctx = {
    io: { stdin: new PassThrough(), stdout, stderr },
    config: configSchema.parse({ dataDir: tmp, ...config }),
    app: () => Promise.reject(new Error('these commands must not need the store')),
  };
  let code: number;
  try {
    code = await command.run(args, ctx);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    err.push(e.message);
    code = e.exitCode;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('bonitor ledger score', () => {
  it('prints one valid assessment JSON line per customer, sorted, from the ledger alone', async () => {
    const r = await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => assessmentSchema.parse(JSON.parse(l)));
    expect(lines.map((a) => a.customerId)).toEqual(['C-GOOD', 'C-LATE', 'C-NONE']);
    const [good, late, none] = lines;
    expect(good!.name).toBe('Punktlich AG');
    expect(good!.asOf).toBe('2024-07-15T00:00:00.000Z');
    expect(['A', 'B']).toContain(good!.grade);
    expect(good!.terms.kind).toBe('open_account');
    expect(late!.score).toBeGreaterThan(good!.score);
    expect(none!.grade).toBe('E'); // never paid, dunning level 3, in collection
    expect(none!.factors.find((f) => f.name === 'collection_cases')!.evidence).toEqual(['N-1']);
  });

  it('defaults --as-of to the day after the ledger’s latest date and says so', async () => {
    const r = await run(ledgerScoreCommand, [fixture('ledger-small.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/as of 2024-06-02/);
    expect(JSON.parse(r.stdout.split('\n')[0]!).asOf).toBe('2024-06-02T00:00:00.000Z');
  });

  it('is deterministic', async () => {
    const a = await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15']);
    const b = await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('reports bad rows with line numbers, scores the good ones, exits 2', async () => {
    const r = await run(ledgerScoreCommand, [fixture('ledger-small-broken.csv'), '--as-of', '2024-07-15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ledger-small-broken\.csv:4: .*issue_date/);
    expect(r.stderr).toMatch(/ledger-small-broken\.csv:9: .*amount/);
    expect(r.stderr).toMatch(/ledger-small-broken\.csv:13: .*invoice/i);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('rejects bad options and missing files with a clear message', async () => {
    expect((await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-02-30'])).stderr).toMatch(/YYYY-MM-DD/);
    expect((await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--format', 'xml'])).code).toBe(2);
    const missing = await run(ledgerScoreCommand, [path.join(tmp, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    expect((await run(ledgerScoreCommand, [])).stderr).toMatch(/usage/);
  });

  it('--format csv: a row per customer with the figures of the JSON line and its texts in the language asked for', async () => {
    const json = (await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15'])).stdout.trim().split('\n').map((l) => assessmentSchema.parse(JSON.parse(l)));
    for (const lang of ['en', 'de'] as const) {
      const r = await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15', '--format', 'csv', '--lang', lang]);
      expect(r.code).toBe(0);
      const csv = parseCsv(r.stdout);
      expect(csv.header).toEqual(CSV_HEADER.split(','));
      expect(csv.rows).toHaveLength(3);
      csv.rows.forEach(({ cells }, i) => {
        const a = json[i]!;
        const cell = (name: string) => cells[csv.header.indexOf(name)]!;
        expect([cell('customer_id'), cell('name'), cell('grade'), Number(cell('score')), Number(cell('pd')), cell('terms')]).toEqual([a.customerId, a.name, a.grade, a.score, a.pd, a.terms.kind]);
        expect(cell('credit_limit')).toBe(String(a.terms.creditLimit ?? ''));
        expect(Number(cell('overdue'))).toBe(a.exposure!.overdue);
        // Every text of the JSON line's reasons in that language, the decision first.
        const texts = a.terms.reasons![lang];
        expect(texts).toContain(cell('decision'));
        expect(texts.filter((t) => t !== cell('decision')).join(' ')).toBe(cell('reasons'));
      });
    }
    expect((await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--format', 'csv', '--lang', 'xx'])).code).toBe(2);
  });

  it('--format csv keeps a name a spreadsheet would run as a formula as text', async () => {
    const file = path.join(tmp, 'formula.csv');
    writeFileSync(file, 'customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date\nF-1,"=HYPERLINK(""http://x"",""a, b"")",I-1,2024-05-01,2024-05-31,1000,CHF,2024-05-30\n');
    const r = await run(ledgerScoreCommand, [file, '--as-of', '2024-07-15', '--format', 'csv']);
    const csv = parseCsv(r.stdout);
    expect(csv.rows[0]!.cells[1]).toBe(`'=HYPERLINK("http://x","a, b")`);
  });

  it('--format text: one line per customer with grade, score, PD and terms of its assessment', async () => {
    const json = (await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15'])).stdout.trim().split('\n');
    const text = (await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15', '--format', 'text'])).stdout.trim().split('\n');
    expect(text).toEqual(json.map((l) => formatText(JSON.parse(l))));
    expect(text[0]).toMatch(/^B\s+30\.9\s+2\.0 %\s+C-GOOD\s+Punktlich AG\s+open_account 30d limit CHF 2300$/);
  });

  it('checks --order against the suggested limit and applies the configured policy', async () => {
    const score = async (order: string, policy = {}) =>
      JSON.parse((await run(ledgerScoreCommand, [fixture('ledger-small.csv'), '--as-of', '2024-07-15', '--order', order], { policy })).stdout.split('\n')[0]!);
    const small = await score('500'); // open 1350 + 500 within the B limit of 2300
    expect(small.terms).toMatchObject({ kind: 'open_account', netDays: 30, creditLimit: 2300 });
    const big = await score('5000');
    expect(big.terms).toMatchObject({ kind: 'partial_prepayment', advancePercent: 85 }); // 4050 of 5000 (81 %) beyond the limit, rounded up to 5 %
    const strict = await score('500', { standardNetDays: 14, creditLimitFactor: { B: 2 } });
    expect(strict.terms).toMatchObject({ kind: 'open_account', netDays: 14, creditLimit: 3400 }); // 1180 × (14+30)/30 × 2 = 3462, rounded down
  });
});

describe('bonitor train and backtest', () => {
  // 40 customers: the even ones pay on time, the odd ones late; the odd ones defaulted.
  const ledgerFile = path.join(tmp, 'history.csv');
  const outcomesFile = path.join(tmp, 'outcomes.csv');
  const lines = ['customer_id,invoice_id,issue_date,due_date,amount,currency,paid_date'];
  const outcomes = ['customer_id,defaulted'];
  for (let c = 0; c < 40; c++) {
    for (let m = 1; m <= 6; m++) {
      const paid = c % 2 === 0 ? `2024-0${m + 1}-01` : c % 4 === 1 && m === 6 ? '' : `2024-0${m + 1}-${10 + (c % 15)}`;
      lines.push(`K${c},K${c}-${m},2024-0${m}-01,2024-0${m + 1}-01,${1000 + c * 10},CHF,${paid}`);
    }
    outcomes.push(`K${c},${c % 2 === 1 || c === 10 ? 1 : 0}`);
  }
  writeFileSync(ledgerFile, lines.join('\n'));
  writeFileSync(outcomesFile, outcomes.join('\n'));

  it('train writes weights that ledger score and backtest accept', async () => {
    const out = path.join(tmp, 'w', 'weights.json');
    const r = await run(trainCommand, ['--ledger', ledgerFile, '--outcomes', outcomesFile, '--as-of', '2024-08-01', '--out', out, '--folds', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Trained on 40 customers, 21 defaulted/);
    expect(r.stdout).toMatch(/Out-of-fold: linear AUC 0\.\d{4}, monotone AUC 0\.\d{4} -> (linear|monotone) chosen/);
    expect(r.stdout).toMatch(/share_paid_late /);
    expect(r.stdout).toMatch(/Out of fold, the (linear|monotone) model's grades against their PD bands/);
    expect(r.stdout).toMatch(/\n  [A-E] +(< 1 %|\d+ %-\d+ %|>= 35 %) +\d+ +\d+ /);
    const weights = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(weights.version).toMatch(/^scorecard-trained-/);

    const bt = await run(backtestCommand, ['--ledger', ledgerFile, '--outcomes', outcomesFile, '--as-of', '2024-08-01', '--weights', out, '--format', 'json']);
    expect(bt.code).toBe(0);
    const report = JSON.parse(bt.stdout);
    expect(report).toMatchObject({ customers: 40, defaults: 21, asOf: '2024-08-01', modelVersion: weights.version, derivedOutcomes: false });
    expect(report.auc).toBeGreaterThan(0.9);
    expect(report.gini).toBeCloseTo(2 * report.auc - 1, 10);
    expect(report.calibration.length).toBeGreaterThan(1);
    expect(report.grades.reduce((n: number, g: { customers: number }) => n + g.customers, 0)).toBe(40);
    // The chosen model is compared with the other kind train fitted and with the untrained scorecard.
    expect(report.compared.map((c: { model: string }) => c.model).sort()).toEqual(['untrained', `trained ${weights.alternative!.kind}`].sort());

    const scored = await run(ledgerScoreCommand, [ledgerFile, '--weights', out]);
    expect(JSON.parse(scored.stdout.split('\n')[0]!).modelVersion).toBe(weights.version);
  });

  it('backtest prints AUC, Gini, KS and a calibration table as text', async () => {
    const r = await run(backtestCommand, ['--ledger', ledgerFile, '--outcomes', outcomesFile, '--as-of', '2024-08-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AUC 0\.\d{4} +Gini -?0\.\d{4} +KS 0\.\d{4}/);
    expect(r.stdout).toMatch(/PD band +customers +defaults +mean PD +observed/);
  });

  it('derives outcomes from the ledger without an outcomes file', async () => {
    const r = await run(backtestCommand, ['--ledger', ledgerFile, '--as-of', '2024-01-01', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.derivedOutcomes).toBe(true);
    expect(report.asOf).toBe('2024-01-01');
  });

  it('rejects a weights file that is not one', async () => {
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"version": 3}');
    const r = await run(backtestCommand, ['--ledger', ledgerFile, '--weights', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a weights file/);
  });
});
