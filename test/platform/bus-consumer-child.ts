/** A consumer in its own process, for crash tests: handles each message by recording it, slowly. */
import Database from 'better-sqlite3';
import { createSqliteLogBus, ok as okOf, type StepResult } from '../../platform/bus/index.js';
import { silentLogger } from '../../platform/log.js';

import { eachMessage } from '../../platform/bus/batch.js';

/** A finished message with no output. */
const ok: StepResult<never> = okOf(undefined as never);
const [busFile, outFile, group, topic, delayMs] = process.argv.slice(2) as [string, string, string, string, string];
const out = new Database(outFile);
out.pragma('journal_mode = WAL');
out.pragma('busy_timeout = 5000');
out.exec('CREATE TABLE IF NOT EXISTS handled (n INTEGER NOT NULL, pid INTEGER NOT NULL)');
const record = out.prepare('INSERT INTO handled (n, pid) VALUES (?, ?)');

const bus = createSqliteLogBus(busFile, { partitions: 4, pollMs: 5, sessionMs: 1_000, retryBaseMs: 5, log: silentLogger });
await bus.subscribe({
  group,
  topics: [topic],
  handler: eachMessage(async (m) => {
    record.run((m.value as { n: number }).n, process.pid);
    await new Promise((r) => setTimeout(r, Number(delayMs)));
    return ok;
  }),
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => void bus.close().then(() => process.exit(0)));
