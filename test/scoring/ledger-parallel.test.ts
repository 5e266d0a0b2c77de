import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerScoreCommand } from '../../app/cli/ledger-score.command.js';
import { scoreInParallel } from '../../app/cli/ledger-score-parallel.js';
import { CSV_HEADER, type ScoreSettings } from '../../app/cli/ledger-score-core.js';
import { ledgerFeatureOptions, ledgerReadOptions } from '../../app/ledger-file.js';
import type { LedgerIssue } from '../../collectors/ledger/read-ledger-file.js';
import { configSchema } from '../../platform/config/schema.js';
import { TextSink } from '../../platform/text-sink.js';
import { customerRows, LEDGER_CSV_HEADER, toCsvLine } from '../../bench/ledger-data.js';
import { spawnSync } from 'node:child_process';
import { ROOT, TEST_CLI_DIR } from '../e2e/process.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bonitor-ledger-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A sorted export with what real ones hold beside plain rows: CRLF line ends, names quoted with a
 * delimiter, doubled quotes and a line break inside, partial payments on repeated rows, an exact
 * repeat (warning), bad rows (errors) and customers with many rows (cut by several pieces).
 */
function writeExport(file: string, customers: number, opts: { sorted: boolean } = { sorted: true }): void {
  const perCustomer = (c: number) => (c % 97 === 5 ? 400 : 3 + (c % 9));
  const lines: Array<{ month: number; text: string }> = [];
  for (let c = 0; c < customers; c++) {
    const rows = customerRows(c, perCustomer(c));
    rows.forEach((r, i) => {
      let text = toCsvLine(r);
      if (c % 13 === 2) text = text.replace(r.customerName!, `"Müller, ""Söhne""\nund Partner ${c} AG"`);
      if (c % 17 === 3 && i === 1) text = text.replace(r.issueDate, '2023-13-45');
      text = `${text.slice(0, -1)}\r\n`;
      lines.push({ month: i, text });
      if (c % 19 === 4 && i === 0) lines.push({ month: i, text }); // exact repeat
      if (c % 23 === 6 && i === 0 && r.paidDate) {
        // the same invoice twice: two partial payments of half the amount each
        const half = Math.round(r.amount / 2);
        lines[lines.length - 1] = { month: i, text: text.replace(new RegExp(`,${r.paidDate},${r.paidAmount},`), `,${r.paidDate},${half},`) };
        lines.push({ month: i, text: text.replace(new RegExp(`,${r.paidDate},${r.paidAmount},`), `,${r.issueDate},${r.amount - half},`) });
      }
    });
  }
  if (!opts.sorted) lines.sort((a, b) => a.month - b.month);
  writeFileSync(file, `${LEDGER_CSV_HEADER}\r\n${lines.map((l) => l.text).join('')}`);
}

const config = configSchema.parse({ dataDir: tmp });
const settings: ScoreSettings = { asOf: '2025-01-01T00:00:00.000Z', policy: config.policy, ledgerOptions: ledgerFeatureOptions(config), format: 'jsonl' };

async function runCommand(args: string[]) {
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = new Writable({ write: (c: Buffer, _e, cb) => (out.push(Buffer.from(c)), cb()) });
  const stderr = new Writable({ write: (c: Buffer, _e, cb) => (err.push(String(c)), cb()) });
  const code = await ledgerScoreCommand.run(args, { io: { stdin: new PassThrough(), stdout, stderr }, config, app: () => Promise.reject(new Error('no store')) });
  return { code, stdout: Buffer.concat(out), stderr: err.join('') };
}

async function parallel(file: string, threads: number, pieceBytes: number) {
  const chunks: Buffer[] = [];
  const issues: LedgerIssue[] = [];
  const out = new TextSink(new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(Buffer.from(c)), cb()) }), 4096);
  const r = await scoreInParallel({ file, options: ledgerReadOptions(config, {}), settings, threads, out, onIssue: (i) => issues.push(i), pieceBytes });
  await out.end();
  return { outcome: r, bytes: Buffer.concat(chunks), issues };
}

// Each run on threads starts worker threads that compile the scoring sources through tsx: slow on a
// loaded machine, hence the longer timeout.
describe('ledger score on several threads', { timeout: 240_000 }, () => {
  const file = path.join(tmp, 'sorted.csv');
  writeExport(file, 700);

  it('writes byte for byte what one thread writes, with every customer cut by pieces joined, and the same issues', async () => {
    const one = await runCommand([file, '--as-of', '2025-01-01', '--threads', '1']);
    expect(one.code).toBe(2); // the bad rows
    expect(one.stdout.toString().split('\n')).toHaveLength(700 + 1);
    for (const pieceBytes of [700, 64 << 10]) {
      const r = await parallel(file, 2, pieceBytes);
      expect(r.outcome).toMatchObject({ done: true, scored: 700 });
      expect(r.bytes.equals(one.stdout)).toBe(true);
      const printed = r.issues.map((i) => `${file}:${i.line}: ${i.warning ? 'warning: ' : ''}${i.reason}`);
      expect(printed.sort()).toEqual(one.stderr.trim().split('\n').sort());
    }
    expect(one.stderr).toMatch(/:\d+: issue_date/);
    expect(one.stderr).toMatch(/warning: repeats line/);
  });

  it('writes the csv format as one thread does, in the language asked for', async () => {
    const one = await runCommand([file, '--as-of', '2025-01-01', '--threads', '1', '--format', 'csv', '--lang', 'de']);
    const chunks: Buffer[] = [];
    const out = new TextSink(new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(Buffer.from(c)), cb()) }), 4096);
    const csvSettings: ScoreSettings = { ...settings, format: 'csv', lang: { lang: 'de', locale: 'de-CH' } };
    const r = await scoreInParallel({ file, options: ledgerReadOptions(config, {}), settings: csvSettings, threads: 2, out, onIssue: () => {}, pieceBytes: 3000 });
    await out.end();
    expect(r).toMatchObject({ done: true, scored: 700 });
    expect(`${CSV_HEADER}\n${Buffer.concat(chunks).toString()}`).toBe(one.stdout.toString());
    expect(one.stdout.toString()).toMatch(/Lieferung auf Rechnung/);
  });

  it('gives up on a file not sorted by customer, and the command then scores it through the sort, as one thread does', async () => {
    const unsorted = path.join(tmp, 'unsorted.csv');
    writeExport(unsorted, 300, { sorted: false });
    const r = await parallel(unsorted, 2, 2000);
    expect(r.outcome).toMatchObject({ done: false, reason: 'not sorted by customer' });
    const one = await runCommand([unsorted, '--as-of', '2025-01-01', '--threads', '1']);
    const two = await runCommand([unsorted, '--as-of', '2025-01-01', '--threads', '2']);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    // One thread itself reports the repeats of customers finished before it saw the file unsorted
    // twice; the same issues, each once, either way.
    expect(new Set(two.stderr.split('\n'))).toEqual(new Set(one.stderr.split('\n')));
    expect(one.stdout.toString().split('\n')).toHaveLength(300 + 1);
  });

  it('gives up when the decimal mark first shows after the head of the file (only a whole read is exact then)', async () => {
    const late = path.join(tmp, 'late-decimal.csv');
    const text = readFileSync(file, 'utf8');
    const at = text.length - 2000;
    const cut = text.indexOf('\n', at) + 1;
    writeFileSync(late, `${text.slice(0, cut)}K999999,Late AG,L-1,2024-01-01,2024-01-31,1234.50,CHF,,,0,false\r\n`);
    const r = await parallel(late, 2, 5000);
    expect(r.outcome).toMatchObject({ done: false, reason: /decimal mark/ });
    const one = await runCommand([late, '--as-of', '2025-01-01', '--threads', '1']);
    const two = await runCommand([late, '--as-of', '2025-01-01', '--threads', '2']);
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });

  it('leaves DATEV batches and bexio JSON to the whole-file read, which assembles them', async () => {
    for (const name of ['datev_extf_buchungsstapel_ledermann.csv', 'bexio_kb_invoice_list.json']) {
      const fixture = new URL(`../fixtures/ledger/${name}`, import.meta.url).pathname;
      const r = await parallel(fixture, 2, 1 << 20);
      expect(r.outcome).toMatchObject({ done: false, reason: 'not a CSV export' });
      const one = await runCommand([fixture, '--as-of', '2025-01-01', '--threads', '1']);
      const two = await runCommand([fixture, '--as-of', '2025-01-01', '--threads', '2']);
      expect(two.stdout.length).toBeGreaterThan(0);
      expect(two.stdout.equals(one.stdout)).toBe(true);
    }
  });

  it('runs from the compiled CLI (its worker is an entry of the build) and writes what one thread writes', async () => {
    const big = path.join(tmp, 'big.csv');
    writeExport(big, 4000); // about 1.4 MB: two pieces of 1 MiB
    // Bytes, not text decoded chunk by chunk: an umlaut cut by a pipe chunk would differ by chunking.
    const run = (threads: string) => spawnSync(process.execPath, [path.join(TEST_CLI_DIR, 'main.js'), 'ledger', 'score', big, '--as-of', '2025-01-01', '--threads', threads], { cwd: ROOT, maxBuffer: 1 << 26 });
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stdout.toString().split('\n')).toHaveLength(4000 + 1);
    expect(two.stderr.toString().split('\n').sort()).toEqual(one.stderr.toString().split('\n').sort());
  });
});
