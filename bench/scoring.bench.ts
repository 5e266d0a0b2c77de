/**
 * Scoring 100,000 customers with 2 million ledger rows (goal: under 60 s and 2 GB), in three
 * ways, each in its own process so that peak memory (max RSS) belongs to one path only:
 *
 *   baseline  one pass over the rows grouping them by customer (the floor: touching the data)
 *   pure      assessLedger on rows already in memory (the scoring itself)
 *   csv       what `bonitor ledger score` does: parse the CSV text, then score
 *   sqlite    the embedded default: rows stored in SQLite, read back per customer and scored
 *
 *   npx tsx bench/scoring.bench.ts [customers=100000] [rowsPerCustomer=20] [--skip-sqlite]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessCustomer, assessLedger, groupByCustomer } from '../analysis/scoring/index.js';
import { parseLedgerCsv } from '../collectors/ledger/parse-ledger.js';
import { DEFAULT_POLICY } from '../platform/config/policy.js';
import { openSqliteStore } from '../platform/store/sqlite/sqlite.store.js';
import { BENCH_AS_OF, generateLedger, toCsv } from './ledger-data.js';

const argv = process.argv.slice(2);
const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--phase');
const CUSTOMERS = Number(args[0] ?? 100_000);
const PER_CUSTOMER = Number(args[1] ?? 20);
const AS_OF = new Date(`${BENCH_AS_OF}T00:00:00Z`);

interface PhaseResult {
  phase: string;
  seconds: number;
  customers: number;
  rows: number;
  maxRssMb: number;
  note?: string;
}

async function runPhase(phase: string): Promise<PhaseResult> {
  const rows = generateLedger(CUSTOMERS, PER_CUSTOMER);
  const policy = DEFAULT_POLICY;
  let customers = 0;
  let note: string | undefined;
  const csv = phase === 'csv' ? toCsv(rows) : '';
  if (phase === 'csv') rows.length = 0; // the CLI starts from the text, not from objects
  let store: ReturnType<typeof openSqliteStore> | undefined;
  let dir = '';
  if (phase === 'sqlite') {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-bench-scoring-'));
    store = openSqliteStore(dir);
    const t = performance.now();
    for (let i = 0; i < rows.length; i += 10_000) await store.upsertLedgerRows(rows.slice(i, i + 10_000));
    note = `import ${((performance.now() - t) / 1000).toFixed(1)} s (not in the timing)`;
  }

  const t0 = performance.now();
  if (phase === 'baseline') {
    const groups = groupByCustomer(rows);
    let sum = 0;
    for (const list of groups.values()) for (const x of list) sum += x.amount;
    customers = groups.size;
    if (sum < 0) console.log(sum);
  } else if (phase === 'pure') {
    customers = assessLedger({ rows, asOf: AS_OF, policy }).length;
  } else if (phase === 'csv') {
    const parsed = parseLedgerCsv(csv);
    if (parsed.errors.length > 0) throw new Error(`bench CSV rejected: ${parsed.errors[0]!.reason}`);
    note = `of which parseLedgerCsv ${((performance.now() - t0) / 1000).toFixed(1)} s; CSV ${Math.round(csv.length / 1e6)} MB`;
    customers = assessLedger({ rows: parsed.rows, asOf: AS_OF, policy }).length;
  } else if (phase === 'sqlite') {
    rows.length = 0;
    for (const id of await store!.ledgerCustomerIds()) {
      const ledger = await store!.ledgerForCustomer(id);
      assessCustomer({ customer: { id, name: ledger[0]?.customerName ?? id }, ledger, signals: [], asOf: AS_OF, policy });
      customers++;
    }
    store!.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { phase, seconds, customers, rows: CUSTOMERS * PER_CUSTOMER, maxRssMb: process.resourceUsage().maxRSS / 1024, note };
}

const phaseFlag = process.argv.indexOf('--phase');
if (phaseFlag >= 0) {
  const result = await runPhase(process.argv[phaseFlag + 1]!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const phases = ['baseline', 'pure', 'csv', ...(process.argv.includes('--skip-sqlite') ? [] : ['sqlite'])];
  console.log(`scoring ${CUSTOMERS} customers × ${PER_CUSTOMER} invoices = ${CUSTOMERS * PER_CUSTOMER} ledger rows (node ${process.version})`);
  const results: PhaseResult[] = [];
  for (const phase of phases) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args, '--phase', phase], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      console.error(`phase ${phase} failed (exit ${child.status}):\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult;
    results.push(r);
  }
  const base = results.find((r) => r.phase === 'baseline');
  for (const r of results) {
    const ratio = base && r !== base ? `  ${(r.seconds / base.seconds).toFixed(1)}× baseline` : '';
    console.log(
      `${r.phase.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s  ${Math.round(r.customers / r.seconds).toString().padStart(8)} customers/s  peak RSS ${Math.round(r.maxRssMb)} MB${ratio}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  const worst = results.filter((r) => r.phase !== 'baseline');
  const ok = worst.every((r) => r.seconds < 60 && r.maxRssMb < 2048);
  console.log(`goal (each path under 60 s and 2 GB): ${ok ? 'met' : 'NOT met'}`);
}
