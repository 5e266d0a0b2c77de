import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createMailer, createSubscriptionRepo, startAlertScheduler, type DigestDeps } from '../../alerts/index.js';
import type { App } from '../compose.js';
import { publicBaseUrl } from '../http/public-url.js';
import { publishDeliveries } from '../publish.js';
import type { RunningRole } from './pipeline.roles.js';

const SECRET_KEY = 'alerts.unsubscribe-secret';

/** The HMAC secret for unsubscribe links: made once per installation and kept in the store. */
export async function unsubscribeSecret(app: App): Promise<string> {
  const existing = await app.store.getMeta(SECRET_KEY);
  if (existing) return existing;
  await app.store.setMeta(SECRET_KEY, randomBytes(32).toString('base64url'));
  return (await app.store.getMeta(SECRET_KEY))!;
}

/** Subscriptions from the configuration plus those added by CLI or API, less unsubscribed ones. */
export function subscriptionRepo(app: Pick<App, 'store' | 'config'>) {
  return createSubscriptionRepo(app.store, app.config.subscriptions);
}

export async function digestDeps(app: App): Promise<DigestDeps> {
  return {
    store: app.store,
    subscriptions: subscriptionRepo(app),
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
    onDelivery: (delivery) => publishDeliveries(app.bus, [delivery]),
  };
}

/**
 * Digests on node-cron schedules in each subscription's time zone, an hourly catch-up for
 * missed slots, and a minute tick for instant alerts, source-health alerts and retries.
 * The first round runs at start, so a restart after downtime sends what is due.
 */
export async function startAlerter(app: App): Promise<RunningRole> {
  const deps = await digestDeps(app);
  const scheduler = await startAlertScheduler(deps, { clock: app.clock });
  return {
    name: 'alerter',
    idle: () => scheduler.idle(),
    async stop() {
      await scheduler.stop();
      await deps.mailer.close();
    },
  };
}
