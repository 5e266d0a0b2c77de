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
import type { LedgerRow } from '../platform/schemas/ledger.js';
import { openSqliteStore } from '../platform/store/sqlite/sqlite.store.js';

const argv = process.argv.slice(2);
const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--phase');
const CUSTOMERS = Number(args[0] ?? 100_000);
const PER_CUSTOMER = Number(args[1] ?? 20);
const AS_OF = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Deterministic ledger: 70 % punctual, 20 % late, 7 % very late or unpaid, 3 % dunned / in collection. */
function generateLedger(customers: number, perCustomer: number): LedgerRow[] {
  const r = rng(42);
  const rows: LedgerRow[] = [];
  for (let c = 0; c < customers; c++) {
    const kind = r();
    const customerId = `K${String(c).padStart(6, '0')}`;
    for (let i = 0; i < perCustomer; i++) {
      const issue = AS_OF.getTime() - (perCustomer - i) * 30 * DAY - Math.floor(r() * 10) * DAY;
      const due = issue + 30 * DAY;
      const delay = kind < 0.7 ? Math.floor(r() * 4) - 2 : kind < 0.9 ? Math.floor(r() * 45) : kind < 0.97 ? Math.floor(r() * 200) : 120;
      const paid = due + delay * DAY;
      const open = paid >= AS_OF.getTime() || (kind >= 0.97 && i > perCustomer - 4);
      const amount = Math.round(500 + r() * 20000) / 1;
      rows.push({
        customerId,
        customerName: `Bench Kunde ${c} AG`,
        invoiceId: `${customerId}-${i}`,
        issueDate: iso(issue),
        dueDate: iso(due),
        amount,
        currency: 'CHF',
        paidDate: open ? undefined : iso(paid),
        paidAmount: open ? 0 : amount,
        dunningLevel: kind >= 0.97 && open ? 2 : 0,
        collection: kind >= 0.99 && open,
      });
    }
  }
  return rows;
}

function toCsv(rows: LedgerRow[]): string {
  const lines = ['customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount,dunning_level,collection'];
  for (const x of rows) {
    lines.push(
      `${x.customerId},${x.customerName},${x.invoiceId},${x.issueDate},${x.dueDate},${x.amount},${x.currency},${x.paidDate ?? ''},${x.paidDate ? x.paidAmount : ''},${x.dunningLevel},${x.collection}`,
    );
  }
  return lines.join('\n');
}

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
