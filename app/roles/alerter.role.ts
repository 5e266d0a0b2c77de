import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import cron from 'node-cron';
import { createMailer, deliverPending, runDigestRound, type DigestDeps, type DigestRoundResult } from '../../alerts/index.js';
import type { App } from '../compose.js';
import { publicBaseUrl } from '../http/public-url.js';
import { subscriptionReader } from '../subscriptions.js';
import type { RunningRole } from './pipeline.roles.js';

const SECRET_KEY = 'alerts.unsubscribe-secret';

/** The HMAC secret for unsubscribe links: made once per installation and kept in the store. */
export async function unsubscribeSecret(app: App): Promise<string> {
  const existing = await app.store.getMeta(SECRET_KEY);
  if (existing) return existing;
  await app.store.setMeta(SECRET_KEY, randomBytes(32).toString('base64url'));
  return (await app.store.getMeta(SECRET_KEY))!;
}

export async function digestDeps(app: App): Promise<DigestDeps> {
  return {
    store: app.store,
    subscriptions: subscriptionReader(app),
    mailer: createMailer({ smtpUrl: app.config.smtp.url, outboxDir: path.join(app.config.dataDir, 'outbox'), from: app.config.smtp.from }),
    logger: app.log.child({ module: 'alerts' }),
    unsubscribeSecret: await unsubscribeSecret(app),
    publicUrl: publicBaseUrl(app.config),
    owner: `${process.pid}-${randomUUID()}`,
    sourceHealth: async () =>
      (await app.store.listSourceHealth()).map((h) => ({
        sourceId: h.sourceId,
        consecutiveFailures: Number(h.consecutiveFailures ?? 0),
        lastSuccessAt: typeof h.lastSuccessAt === 'string' ? h.lastSuccessAt : undefined,
        lastError: typeof h.lastError === 'object' && h.lastError ? String((h.lastError as { message?: unknown }).message ?? '') : undefined,
      })),
  };
}

export interface AlerterRole extends RunningRole {
  /** Runs the digest rounds whose slot is due (catch-up after downtime included). */
  runDue(): Promise<DigestRoundResult[]>;
}

/** Digest rounds every five minutes (each subscription's own hour and time zone decide), retries every minute. */
export async function startAlerter(app: App): Promise<AlerterRole> {
  const deps = await digestDeps(app);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch((err) => app.log.error({ module: 'alerts', err }, 'alerter_round_failed'));
    return next;
  };
  const runDue = () =>
    serial(async () => {
      const now = app.clock.now();
      const results: DigestRoundResult[] = [];
      for (const frequency of ['daily', 'weekly', 'monthly'] as const) results.push(await runDigestRound(deps, frequency, now));
      return results;
    });
  const rounds = cron.schedule('*/5 * * * *', () => void runDue(), { noOverlap: true, name: 'digests' });
  const retries = cron.schedule('* * * * *', () => void serial(() => deliverPending(deps, app.clock.now())), { noOverlap: true, name: 'deliveries' });
  return {
    name: 'alerter',
    runDue,
    idle: async () => void (await chain),
    async stop() {
      await rounds.destroy();
      await retries.destroy();
      await chain;
      await deps.mailer.close();
    },
  };
}
