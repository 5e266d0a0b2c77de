import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createMailer } from '../../alerts/mailer.js';
import { createSubscriptionRepo } from '../../alerts/subscription-repo.js';
import type { DigestDeps } from '../../alerts/types.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { META_KEYS, type MetaKey } from '../../platform/store/meta-keys.js';
import type { App } from '../compose.js';
import { publicBaseUrl } from '../http/public-url.js';
import { publishAll } from '../publish.js';
import { moduleLogger } from '../../platform/log.js';

/* What a digest round needs, apart from the alerter role: `bonitor digest run` loads no scheduler. */

const SECRET_KEY = META_KEYS.unsubscribeSecret;
const INSTALLATION_KEY = META_KEYS.installationId;

/** A value made once per installation and kept in the store (the first writer wins on a race). */
async function installationSingleton(app: App, key: MetaKey, make: () => string): Promise<string> {
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
  return createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions);
}

export async function digestDeps(app: App): Promise<DigestDeps> {
  return {
    store: app.store,
    subscriptions: subscriptionRepo(app),
    mailer: createMailer({ smtpUrl: app.config.smtp.url, outboxDir: path.join(app.config.dataDir, 'outbox'), from: app.config.smtp.from }),
    logger: moduleLogger(app.log, 'alerts'),
    unsubscribeSecret: await unsubscribeSecret(app),
    installationId: await installationId(app),
    resendUnconfirmedAfterMs: app.config.smtp.resendUnconfirmedAfterMs,
    retry: { baseMs: app.config.smtp.retryBaseMs, maxMs: app.config.smtp.retryMaxMs, maxAttempts: app.config.smtp.maxAttempts },
    publicUrl: publicBaseUrl(app.config),
    latestAssessments: () => app.store.latestAssessments(),
    acknowledgements: (keys) => app.store.credit.acknowledgements(keys),
    sourceTitles: Object.fromEntries(app.config.sources.filter((s) => s.name).map((s) => [s.id, s.name!])),
    locales: app.config.locales,
    owner: `${process.pid}-${randomUUID()}`,
    sourceHealth: async () =>
      (await app.store.listSourceHealth()).map((h) => ({
        sourceId: h.sourceId,
        consecutiveFailures: h.consecutiveFailures,
        lastSuccessAt: h.lastSuccessAt,
        lastError: h.lastError?.message,
      })),
    onDelivery: (delivery) => publishAll(app.bus, TOPICS.deliveries, [delivery]),
  };
}
