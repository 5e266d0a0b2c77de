/**
 * The ledger at scale (issue 16, part 4): a 2-million-row export of 100,000 customers, each
 * phase in its own process so that its peak memory (max RSS) is its own, every time a ratio to
 * the floor measured in the same run:
 *
 *   split      bare Node line split of the file (createReadStream + split('\n')): the floor
 *   csv-parse  the csv-parse library streaming the same file (records only)
 *   tokenize   Bonitor's decoder + CsvTokenizer (records only)
 *   read       + header mapping, value parsing and validation, grouping by customer
 *   score      what `bonitor ledger score --as-of` does: read + assess each customer + JSON out,
 *              on worker threads (one per core: the default for a file this size)
 *   score-1    the same in one thread (`--threads 1`)
 *   csv        `ledger score --format csv` (a row per customer for a spreadsheet), on threads
 *   csv-1      the same in one thread
 *   unsorted   the same on a copy not sorted by customer (external sort on disk)
 *   import     what `bonitor ledger import` does: read + publish to the embedded bus (SQLite)
 *
 *   npx tsx bench/ledger.bench.ts [customers=100000] [rowsPerCustomer=20] [--skip-import] [--skip-unsorted]
 *
 * Ratios are of CPU time (user + system), which a busy shared machine disturbs least; wall
 * times are printed beside them.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BENCH_AS_OF, writeLedgerCsv } from './ledger-data.js';

const argv = process.argv.slice(2);
const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--phase' && argv[i - 1] !== '--file');
const CUSTOMERS = Number(args[0] ?? 100_000);
const PER_CUSTOMER = Number(args[1] ?? 20);
const AS_OF = BENCH_AS_OF;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface PhaseResult {
  phase: string;
  wall: number;
  cpu: number;
  maxRssMb: number;
  count: number;
  note?: string;
}

/** Swallows output as fast as a pipe to /dev/null would. */
class Sink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.bytes += chunk.length;
    cb();
  }
}

async function runPhase(phase: string, file: string): Promise<PhaseResult> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let count = 0;
  let note: string | undefined;
  if (phase === 'split') {
    let rest = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (rest + (chunk as string)).split('\n');
      rest = parts.pop()!;
      count += parts.length;
    }
  } else if (phase === 'csv-parse') {
    const { parse } = await import('csv-parse');
    for await (const _record of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true }))) count++;
  } else if (phase === 'tokenize') {
    const { decodeChunks } = await import('../collectors/ledger/decode-text.js');
    const { CsvTokenizer } = await import('../platform/csv.js');
    const tokenizer = new CsvTokenizer(',', () => count++);
    for await (const text of decodeChunks(createReadStream(file, { highWaterMark: 1 << 20 }))) tokenizer.push(text);
    tokenizer.end();
  } else if (phase === 'read') {
    const { readLedgerFileGroups } = await import('../collectors/ledger/read-ledger-file.js');
    for await (const g of readLedgerFileGroups(file, {}, () => {})) if (g !== 'restarted') count += g.rows.length;
  } else if (phase === 'score' || phase === 'score-1' || phase === 'csv' || phase === 'csv-1' || phase === 'unsorted') {
    // The compiled command, as `bonitor ledger score` runs it (its worker threads load dist/ too).
    const { ledgerScoreCommand } = (await import(path.join(ROOT, 'dist', 'ledger-score.command.js'))) as typeof import('../app/cli/ledger-score.command.js');
    const { configSchema } = await import('../platform/config/schema.js');
    const { PassThrough } = await import('node:stream');
    const stdout = new Sink();
    const extra = [...(phase.endsWith('-1') ? ['--threads', '1'] : []), ...(phase.startsWith('csv') ? ['--format', 'csv'] : [])];
    const code = await ledgerScoreCommand.run([file, '--as-of', AS_OF, ...extra], {
      io: { stdin: new PassThrough(), stdout, stderr: new Sink() },
      config: configSchema.parse({}),
      app: () => Promise.reject(new Error('ledger score needs no store')),
    });
    if (code !== 0) throw new Error(`ledger score exited ${code}`);
    count = CUSTOMERS;
    note = `${Math.round(stdout.bytes / 1e6)} MB written`;
  } else if (phase === 'import') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-bench-import-'));
    try {
      const { openApp } = await import('../app/compose.js');
      const { loadConfig } = await import('../platform/config/load.js');
      const { silentLogger } = await import('../platform/log.js');
      const { readLedgerFileGroups } = await import('../collectors/ledger/read-ledger-file.js');
      const { importLedgerGroups } = await import('../collectors/ledger/ledger.importer.js');
      const app = await openApp(loadConfig({ env: { BONITOR_DATA_DIR: dir, BONITOR_DEMO: 'false' } }).config, silentLogger);
      const r = await importLedgerGroups(readLedgerFileGroups(file, {}, () => {}), { bus: app.bus, seen: app.store });
      count = r.published;
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const c = process.cpuUsage(c0);
  return { phase, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, count, ...(note ? { note } : {}) };
}

const phaseFlag = process.argv.indexOf('--phase');
if (phaseFlag >= 0) {
  const file = process.argv[process.argv.indexOf('--file') + 1]!;
  process.stdout.write(`${JSON.stringify(await runPhase(process.argv[phaseFlag + 1]!, file))}\n`);
} else {
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build.ts'), '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-bench-ledger-'));
  try {
    const sorted = path.join(dir, 'sorted.csv');
    const unsorted = path.join(dir, 'unsorted.csv');
    await writeLedgerCsv(sorted, { customers: CUSTOMERS, perCustomer: PER_CUSTOMER, sorted: true });
    const phases = ['split', 'csv-parse', 'tokenize', 'read', 'score', 'score-1', 'csv', 'csv-1'];
    if (!argv.includes('--skip-unsorted')) {
      await writeLedgerCsv(unsorted, { customers: CUSTOMERS, perCustomer: PER_CUSTOMER, sorted: false });
      phases.push('unsorted');
    }
    if (!argv.includes('--skip-import')) phases.push('import');
    const { statSync } = await import('node:fs');
    console.log(`ledger of ${CUSTOMERS} customers × ${PER_CUSTOMER} invoices = ${CUSTOMERS * PER_CUSTOMER} rows, ${Math.round(statSync(sorted).size / 1e6)} MB (node ${process.version})`);
    const results: PhaseResult[] = [];
    for (const phase of phases) {
      const file = phase === 'unsorted' ? unsorted : sorted;
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args, '--phase', phase, '--file', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) {
        console.error(`phase ${phase} failed (exit ${child.status}):\n${child.stderr}`);
        process.exitCode = 1;
        continue;
      }
      results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult);
    }
    const floor = results.find((r) => r.phase === 'split');
    for (const r of results) {
      const ratio = floor && r !== floor ? `  ${(r.cpu / floor.cpu).toFixed(1)}× floor (CPU), ${(r.wall / floor.wall).toFixed(1)}× (wall)` : '';
      console.log(`${r.phase.padEnd(9)} ${r.cpu.toFixed(2).padStart(7)} s CPU ${r.wall.toFixed(2).padStart(7)} s wall  peak RSS ${String(Math.round(r.maxRssMb)).padStart(5)} MB${ratio}${r.note ? `  (${r.note})` : ''}`);
    }
    const score = results.find((r) => r.phase === 'score');
    if (floor && score) {
      const ok = score.cpu / floor.cpu <= 4 && score.maxRssMb < 1024;
      console.log(
        `goal (ledger score within 4× the line split, under 1 GB): ${ok ? 'met' : 'NOT met'} — ${(score.cpu / floor.cpu).toFixed(1)}× in CPU, ${(score.wall / floor.wall).toFixed(1)}× in wall time on ${os.availableParallelism()} cores (load ${os.loadavg()[0]!.toFixed(1)}), ${Math.round(score.maxRssMb)} MB`,
      );
    }
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
