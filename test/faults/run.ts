/**
 * npm run test:faults — the README's reliability promises, repeated under faults: one process
 * per role (`bonitor run --role …`) on the embedded default and, when BONITOR_KAFKA_BROKERS says
 * a broker can run here, over Kafka with a broker of the suite's own (it is killed and
 * restarted). Each scenario adds work, injects a fault, ends it, and waits until every document,
 * signal, ledger row and digest is where it belongs and /health says ok. Prints a table; exits 1
 * when anything was lost, a mail was sent twice without X-Bonitor-Retry, or the deployment did
 * not recover.
 *   tsx test/faults/run.ts [--kafka | --bus=embedded | --bus=kafka] [name filter]
 */
import path from 'node:path';
import { tempDir } from '../helpers.js';
import { buildTestCli, freePort } from '../e2e/process.js';
import { TestBroker } from '../kafka/broker.js';
import { kafkaBrokers } from '../kafka/kafka-env.js';
import { startSmtp } from '../alerts/support/smtp.js';
import { IS_ROOT, mountTmpfs } from '../reliability/support.js';
import { Deployment } from './deployment.js';
import { waitSettled } from './measure.js';
import { renderTable, suiteExitCode, suiteSummary, type Row } from './report.js';
import { BASELINE, BROKER_RESTART, DISK_FULL, KAFKA_KILLS, MAIL_FAULTS, PIPELINE_KILLS, STORE_FAULTS, type FaultContext, type Scenario } from './scenarios.js';
import { startFeedServer } from './workload.js';

const RECOVERY_TIMEOUT_MS = 120_000;
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'))?.toLowerCase();
// The suite starts (and kills) a broker of its own; BONITOR_KAFKA_BROKERS (set by .ci/run) says one can run here.
const onlyBus = args.find((a) => a.startsWith('--bus='))?.slice('--bus='.length);
const withKafka = onlyBus !== 'embedded' && (onlyBus === 'kafka' || args.includes('--kafka') || kafkaBrokers() !== undefined);
const withEmbedded = onlyBus !== 'kafka';
const rows: Row[] = [];
const say = (line: string) => process.stderr.write(`[faults] ${line}\n`);

async function runDeployment(bus: 'embedded' | 'kafka', scenarios: Scenario[], setup: { kafka?: string[]; dataDir?: string; restartBroker?: () => Promise<void> }, dir: string): Promise<void> {
  const matched = scenarios.filter((s) => !filter || s.name.toLowerCase().includes(filter));
  if (matched.length === 0) return;
  // The baseline always runs first: it proves the measurements see a healthy deployment as healthy.
  const chosen = [BASELINE, ...matched.filter((s) => s !== BASELINE)];
  const feed = await startFeedServer();
  const smtp = await startSmtp();
  const d = new Deployment({ dir, dataDir: setup.dataDir ?? path.join(dir, 'data'), port: await freePort(), feedUrl: feed.url, smtpUrl: smtp.url, ...(setup.kafka ? { kafka: setup.kafka } : {}) });
  const ctx: FaultContext = { d, feed, smtp, expected: { docIds: new Set(), ledgerRows: new Set(), mailTo: new Set() }, ...(setup.restartBroker ? { restartBroker: setup.restartBroker } : {}) };
  let last = { sentTwice: 0, markedRetry: 0 };
  try {
    const t0 = Date.now();
    const startFailed = await d.startAll().then(() => undefined, (err: unknown) => err as Error);
    if (startFailed) {
      rows.push({ fault: 'starting the five roles', bus, error: startFailed.message });
      return;
    }
    say(`${bus}: five roles up after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const scenario of chosen) {
      const row: Row = { fault: scenario.name, bus, before: last };
      rows.push(row);
      const started = Date.now();
      try {
        const note = await scenario.run(ctx);
        if (note) row.note = note;
        const faultEnded = Date.now();
        const { outcome, at } = await waitSettled(d, ctx.expected, smtp.mails, RECOVERY_TIMEOUT_MS);
        row.outcome = outcome;
        last = { sentTwice: outcome.sentTwice, markedRetry: outcome.markedRetry };
        if (outcome.settled) row.recoverS = (at - faultEnded) / 1000;
      } catch (err) {
        row.error = (err as Error).message;
      }
      say(`${bus} ${scenario.name}: ${row.error ?? (row.outcome?.settled ? 'recovered' : 'NOT recovered')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (row.error || !row.outcome?.settled) {
        // Whatever follows would inherit this row's losses: the remaining scenarios are not run.
        for (const rest of chosen.slice(chosen.indexOf(scenario) + 1)) rows.push({ fault: rest.name, bus, error: `not run: "${scenario.name}" did not recover` });
        break;
      }
    }
  } finally {
    const bad = await d.stopAll();
    if (bad.length > 0) rows.push({ fault: 'SIGTERM at the end', bus, error: `did not stop cleanly: ${bad.join(', ')}` });
    await feed.close();
    await smtp.close();
  }
}

// Every role runs the compiled CLI, as an operator's deployment does (built here when a source changed).
buildTestCli();
const tmp = tempDir('bonitor-faults-');
const unmount: Array<() => void> = [];
const suiteStarted = Date.now();
// A broker of the suite's own: it is killed and restarted, so it must not be the one other suites
// share. It boots while the embedded scenarios run.
const broker = withKafka ? new TestBroker(path.join(tmp.dir, 'broker')) : undefined;
const brokerAddress = broker?.start().then(
  (address) => {
    say(`kafka: broker of the suite's own at ${address}, up after ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s`);
    return address;
  },
  (err: unknown) => err as Error,
);
try {
  if (withEmbedded) {
    // The local log and SQLite in one data directory — on a small tmpfs when root, so the disk can fill up.
    let dataDir: string | undefined;
    const embedded = [BASELINE, ...PIPELINE_KILLS, ...MAIL_FAULTS, ...STORE_FAULTS];
    if (IS_ROOT) {
      dataDir = path.join(tmp.dir, 'tmpfs');
      unmount.push(mountTmpfs(dataDir, 128));
      embedded.push(DISK_FULL);
    } else {
      rows.push({ fault: DISK_FULL.name, bus: 'embedded', skipped: 'not root (mounting the small tmpfs needs root; CI runs as root)' });
    }
    await runDeployment('embedded', embedded, dataDir ? { dataDir } : {}, path.join(tmp.dir, 'embedded'));
  }

  if (broker && brokerAddress) {
    const address = await brokerAddress;
    if (address instanceof Error) rows.push({ fault: 'Kafka scenarios', bus: 'kafka', error: `the suite's broker did not start: ${address.message}` });
    else await runKafka(address);
  } else {
    rows.push({ fault: 'Kafka scenarios', bus: 'kafka', skipped: 'no broker here (pass --kafka, or set BONITOR_KAFKA_BROKERS as .ci/run does)' });
  }
} finally {
  await broker?.stop().catch(() => undefined);
  for (const u of unmount) u();
  tmp.cleanup();
}

async function runKafka(address: string): Promise<void> {
  const restartBroker = async () => {
    await broker!.kill();
    await broker!.start();
  };
  await runDeployment('kafka', [BASELINE, KAFKA_KILLS, BROKER_RESTART], { kafka: [address], restartBroker }, path.join(tmp.dir, 'kafka'));
}
console.log(renderTable(rows));
console.log(`\n${suiteSummary(rows, (Date.now() - suiteStarted) / 1000)}`);
process.exitCode = suiteExitCode(rows);
