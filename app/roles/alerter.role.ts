import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createMailer, createSubscriptionRepo, startAlertScheduler, type DigestDeps } from '../../alerts/index.js';
import type { App } from '../compose.js';
import { publicBaseUrl } from '../http/public-url.js';
import { publishDeliveries } from '../publish.js';
import type { RunningRole } from './pipeline.roles.js';

const SECRET_KEY = 'alerts.unsubscribe-secret';
const INSTALLATION_KEY = 'installation.id';

/** A value made once per installation and kept in the store (the first writer wins on a race). */
async function installationSingleton(app: App, key: string, make: () => string): Promise<string> {
  const existing = await app.store.getMeta(key);
  if (existing) return existing;
  await app.store.setMeta(key, make());
  return (await app.store.getMeta(key))!;
}

/** The HMAC secret for unsubscribe links. */
export function unsubscribeSecret(app: App): Promise<string> {
  return installationSingleton(app, SECRET_KEY, () => randomBytes(32).toString('base64url'));
}

/** This installation's id, in every Message-ID: 16 random bytes, hex. */
export function installationId(app: App): Promise<string> {
  return installationSingleton(app, INSTALLATION_KEY, () => randomBytes(16).toString('hex'));
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
    installationId: await installationId(app),
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
