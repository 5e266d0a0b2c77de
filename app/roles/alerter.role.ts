import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createHealthAlertStep, createMailer, createSubscriptionRepo, startAlertScheduler, type AlertScheduler, type DigestDeps } from '../../alerts/index.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { GROUPS } from '../topics.js';
import { META_KEYS, type MetaKey } from '../../platform/store/meta-keys.js';
import type { App } from '../compose.js';
import { publicBaseUrl } from '../http/public-url.js';
import { publishAll } from '../publish.js';
import { consumerService, startStandalone, type RoleDefinition, type RunningRole } from '../supervision/role.js';

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
    logger: app.log.child({ module: 'alerts' }),
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

/**
 * Digests on node-cron schedules in each subscription's time zone, an hourly catch-up for
 * missed slots, and a minute tick for instant alerts and retries; source-health events from the
 * collector's topic become mails to admins. The first round runs at start, so a restart after
 * downtime sends what is due. A job that fails (the store, not SMTP: mail failures are retried by
 * the outbox) is reported to the supervisor.
 */
export function alerterRole(app: App): RoleDefinition {
  let scheduler: AlertScheduler | undefined;
  // Source failing / recovered, as the collector decided it (one threshold: the source's parkAfterFailures).
  const health = consumerService(app, {
    name: 'alerter.source-health',
    stage: 'alerter',
    subscribe: { group: GROUPS.healthAlerts, topics: [TOPICS.sourceHealth], maxAttempts: app.config.bus.maxAttempts },
    open: async () => {
      const deps = await digestDeps(app);
      return { handler: createHealthAlertStep(deps, app.clock), close: () => deps.mailer.close() };
    },
  });
  return {
    name: 'alerter',
    services: [
      {
        name: 'alerter.scheduler',
        stage: 'alerter',
        async start(control) {
          const deps = await digestDeps(app);
          const every = app.config.smtp.deliverEverySeconds;
          const started = await startAlertScheduler(deps, {
            clock: app.clock,
            deliverCron: every >= 60 ? '* * * * *' : `*/${every} * * * * *`,
            onJob: (_job, err) => (err === undefined ? control.ok() : control.failed(err)),
          });
          scheduler = started;
          return {
            async stop() {
              await started.stop();
              await deps.mailer.close();
            },
            ended: new Promise(() => undefined),
          };
        },
      },
      health,
    ],
    ticks: [],
    async idle() {
      await health.current()?.idle();
      await scheduler?.idle();
    },
  };
}

/** The alerter under a supervisor of its own (tests). */
export const startAlerter = (app: App): Promise<RunningRole> => startStandalone(app, alerterRole(app));
