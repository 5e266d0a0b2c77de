import { createHealthAlertStep, startAlertScheduler, type AlertScheduler } from '../../alerts/index.js';
import { digestDeps, subscriptionRepo } from './digest-deps.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { GROUPS } from '../topics.js';
import type { App } from '../compose.js';
import { publishAll } from '../publish.js';
import { consumerService, startStandalone, type RoleDefinition, type RunningRole } from '../supervision/role.js';

export { digestDeps, installationId, subscriptionRepo, unsubscribeSecret } from './digest-deps.js';

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
