/**
 * A separate alerter process for the exactly-once tests: opens the SQLite store in `dataDir`,
 * runs one digest round and prints its result as JSON.
 *   tsx alerter-process.ts <dataDir> <smtpUrl> <owner> <at ISO> <subscriptions JSON> [resendUnconfirmedAfterMs]
 */
import { createMailer, runDigestRound } from '../../../alerts/index.js';
import { subscriptionSchema } from '../../../platform/config/subscriptions.js';
import { silentLogger } from '../../../platform/log.js';
import { openSqliteStore } from '../../../platform/store/sqlite/sqlite.store.js';

const [dataDir, smtpUrl, owner, at, subsJson, resendAfter] = process.argv.slice(2);
const store = openSqliteStore(dataDir!);
const mailer = createMailer({ smtpUrl, outboxDir: `${dataDir}/outbox`, from: 'Bonitor <alerts@bonitor.test>', timeoutMs: 5000 });
const result = await runDigestRound(
  {
    store,
    subscriptions: { listSubscriptions: async () => subscriptionSchema.array().parse(JSON.parse(subsJson!)) },
    mailer,
    logger: silentLogger,
    unsubscribeSecret: 'test',
    installationId: 'test-installation',
    owner,
    concurrency: 4,
    ...(resendAfter ? { resendUnconfirmedAfterMs: Number(resendAfter) } : {}),
  },
  'daily',
  new Date(at!),
);
await mailer.close();
await store.close();
process.stdout.write(JSON.stringify({ planned: result.planned.filter((p) => !p.existed).length, sent: result.delivered.sent.length }));
