/**
 * npm run test:faults — the README's reliability promises, repeated under faults: one process
 * per role (`bonitor run --role …`) on the embedded default and, when BONITOR_KAFKA_BROKERS says
 * a broker can run here, over Kafka with a broker of the suite's own (it is restarted). Each
 * scenario adds work, injects a fault, ends it, and waits until every document, signal, ledger
 * row and digest is where it belongs and /health says ok. Prints a table; exits 1 when anything
 * was lost, a mail was sent twice without X-Bonitor-Retry, or the deployment did not recover.
 *   tsx test/faults/run.ts [name filter]
 */
import path from 'node:path';
import { tempDir } from '../helpers.js';
import { freePort } from '../e2e/process.js';
import { TestBroker } from '../kafka/broker.js';
import { kafkaBrokers } from '../kafka/kafka-env.js';
import { startSmtp } from '../alerts/support/smtp.js';
import { IS_ROOT, mountTmpfs } from '../reliability/support.js';
import { Deployment } from './deployment.js';
import { totalLost, waitSettled, type Outcome } from './measure.js';
import { BASELINE, BROKER_RESTART, DISK_FULL, MAIL_FAULTS, PIPELINE_KILLS, STORE_FAULTS, type FaultContext, type Scenario } from './scenarios.js';
import { startFeedServer } from './workload.js';

interface Row {
  fault: string;
  bus: string;
  outcome?: Outcome;
  recoverS?: number;
  error?: string;
}

const RECOVERY_TIMEOUT_MS = 180_000;
const filter = process.argv[2]?.toLowerCase();
const rows: Row[] = [];

async function runDeployment(bus: 'embedded' | 'kafka', scenarios: Scenario[], setup: { kafka?: string[]; dataDir?: string; restartBroker?: () => Promise<void> }, dir: string): Promise<void> {
  const matched = scenarios.filter((s) => !filter || s.name.toLowerCase().includes(filter));
  if (matched.length === 0) return;
  // The baseline always runs first: it proves the measurements see a healthy deployment as healthy.
  const chosen = [BASELINE, ...matched.filter((s) => s !== BASELINE)];
  const feed = await startFeedServer();
  const smtp = await startSmtp();
  const d = new Deployment({ dir, dataDir: setup.dataDir ?? path.join(dir, 'data'), port: await freePort(), feedUrl: feed.url, smtpUrl: smtp.url, ...(setup.kafka ? { kafka: setup.kafka } : {}) });
  const ctx: FaultContext = { d, feed, smtp, expected: { docIds: new Set(), ledgerRows: new Set(), mailTo: new Set() }, ...(setup.restartBroker ? { restartBroker: setup.restartBroker } : {}) };
  try {
    await d.startAll();
    for (const scenario of chosen) {
      const row: Row = { fault: scenario.name, bus };
      rows.push(row);
      const started = Date.now();
      try {
        await scenario.run(ctx);
        const faultEnded = Date.now();
        const { outcome, at } = await waitSettled(d, ctx.expected, smtp.mails, RECOVERY_TIMEOUT_MS);
        row.outcome = outcome;
        row.recoverS = (at - faultEnded) / 1000;
        if (!outcome.settled) row.error = `not recovered after ${RECOVERY_TIMEOUT_MS / 1000} s`;
      } catch (err) {
        row.error = (err as Error).message;
      }
      process.stderr.write(`[faults] ${bus} ${scenario.name}: ${row.error ?? 'ok'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      if (row.error && row.outcome === undefined) break; // the deployment is in an unknown state
    }
  } finally {
    const bad = await d.stopAll();
    if (bad.length > 0) rows.push({ fault: 'SIGTERM at the end', bus, error: `did not stop cleanly: ${bad.join(', ')}` });
    await feed.close();
    await smtp.close();
  }
}

function printTable(): void {
  const header = ['fault', 'bus', 'lost', 'sent twice', 'time to recover', 'result'];
  const body = rows.map((r) => {
    const o = r.outcome;
    const lostDetail = o ? Object.entries(o.lost).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') : '';
    return [
      r.fault,
      r.bus,
      o ? (totalLost(o) === 0 ? 'nothing' : lostDetail) : '-',
      o ? (o.sentTwice === 0 ? 'nothing' : `${o.sentTwice} (X-Bonitor-Retry: ${o.markedRetry})`) : '-',
      r.recoverS === undefined ? '-' : `${r.recoverS.toFixed(1)} s`,
      r.error ?? 'ok',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

const failed = (r: Row) => !!r.error || (r.outcome !== undefined && (totalLost(r.outcome) > 0 || r.outcome.sentTwice > r.outcome.markedRetry));

const tmp = tempDir('bonitor-faults-');
const unmount: Array<() => void> = [];
const suiteStarted = Date.now();
try {
  // Embedded: the local log and SQLite in one data directory — on a small tmpfs when root, so the disk can fill up.
  const embeddedDir = path.join(tmp.dir, 'embedded');
  let dataDir: string | undefined;
  const embedded = [BASELINE, ...PIPELINE_KILLS, ...MAIL_FAULTS, ...STORE_FAULTS];
  if (IS_ROOT) {
    dataDir = path.join(tmp.dir, 'tmpfs');
    unmount.push(mountTmpfs(dataDir, 256));
    embedded.push(DISK_FULL);
  } else {
    rows.push({ fault: DISK_FULL.name, bus: 'embedded', error: 'skipped: mounting a tmpfs needs root' });
  }
  await runDeployment('embedded', embedded, dataDir ? { dataDir } : {}, embeddedDir);

  if (kafkaBrokers()) {
    const broker = new TestBroker(path.join(tmp.dir, 'broker'));
    try {
      const address = await broker.start();
      const restartBroker = async () => {
        await broker.kill();
        await broker.start();
      };
      await runDeployment('kafka', [BASELINE, PIPELINE_KILLS[1]!, PIPELINE_KILLS[2]!, BROKER_RESTART], { kafka: [address], restartBroker }, path.join(tmp.dir, 'kafka'));
    } finally {
      await broker.stop().catch(() => undefined);
    }
  } else {
    rows.push({ fault: 'Kafka scenarios', bus: 'kafka', error: 'skipped: BONITOR_KAFKA_BROKERS not set (no broker can run here)' });
  }
} finally {
  for (const u of unmount) u();
  tmp.cleanup();
}
printTable();
console.log(`\n${rows.length} rows in ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s`);
process.exitCode = rows.some((r) => failed(r) && !r.error?.startsWith('skipped')) ? 1 : 0;
