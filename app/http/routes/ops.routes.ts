import { z } from 'zod';
import { verifyUnsubscribeToken } from '../../../alerts/index.js';
import { createHealthMonitor } from '../../supervision/health-monitor.js';
import { healthSchema } from '../api-schemas.js';
import type { RouteContext } from '../context.js';
import { createMetrics } from '../metrics.js';
import { buildOpenApi } from '../openapi.js';
import { defineRoute } from '../route.js';
import { listSubscriptions } from './subscriptions.routes.js';

const VERSION = '0.1.0';

/** /health, /metrics, /api/openapi.json and the unsubscribe link. */
export function registerOpsRoutes({ server, registry, app, unsubscribeSecret, subscriptions, health, checkAnswers }: RouteContext): void {
  const metrics = createMetrics({ store: app.store, bus: app.bus, clock: app.clock, ...(checkAnswers ? { checkAnswers } : {}) });
  const monitor = health ?? createHealthMonitor({ store: app.store, bus: app.bus, stallMs: app.config.supervisor.lagStallMs });
  let openApi: Record<string, unknown> | undefined;

  defineRoute(
    server,
    registry,
    {
      method: 'GET',
      url: '/health',
      tag: 'operations',
      access: 'public',
      summary: 'Each stage ok, degraded or down (loops, consumer lag with progress), store writability, deliveries waiting; 503 when something is down',
      response: healthSchema,
      errors: [503],
    },
    async ({ reply }) => {
      const report = await monitor.report();
      // Counts are extras: a store that cannot answer them must not turn the report into a 500.
      const [documents, sources] = await Promise.all([app.store.countDocuments().catch(() => undefined), app.store.listSourceHealth().catch(() => [])]);
      const failingSources = sources.filter((s) => Number(s.consecutiveFailures ?? 0) > 0).map((s) => s.sourceId);
      const consumerLag = { analyzer: report.stages.analyzer.lag?.messages ?? 0, scorer: report.stages.scorer.lag?.messages ?? 0 };
      reply.code(report.status === 'down' ? 503 : 200).header('cache-control', 'no-store');
      return { ...report, ...(documents === undefined ? {} : { documents }), consumerLag, failingSources };
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/metrics', tag: 'operations', access: 'public', summary: 'Prometheus metrics: documents, signals, assessments by grade, deliveries, DLQ sizes, consumer lag, source health, kept check answers', produces: 'text/plain' },
    async ({ reply }) => reply.type(metrics.contentType).send(await metrics.render()),
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/openapi.json', tag: 'operations', access: 'read', summary: 'This description (OpenAPI 3.1)' },
    // Routes are fixed once the server is built: the description is generated once.
    async () => (openApi ??= buildOpenApi(registry, VERSION)),
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/unsubscribe', tag: 'subscriptions', access: 'public', summary: 'The signed unsubscribe link in every mail', query: z.object({ token: z.string().max(2000).optional() }), produces: 'text/plain' },
    async ({ query, reply }) => {
      const id = query.token ? verifyUnsubscribeToken(query.token, unsubscribeSecret) : undefined;
      const known = id !== undefined && (await listSubscriptions(app, subscriptions)).some((l) => l.subscription.id === id);
      if (!id || !known) return reply.code(400).type('text/plain; charset=utf-8').send('This unsubscribe link is not valid.');
      // Added subscriptions are deleted; configured ones stay in the file but are marked unsubscribed.
      if (subscriptions) await subscriptions.remove(id);
      else await app.store.subscriptions.markUnsubscribed(id, app.clock.now());
      return reply.type('text/plain; charset=utf-8').send('You are unsubscribed and will receive no further mails for this subscription.');
    },
  );
}
