import { z } from 'zod';
import { eventType, severity, severityRank } from '../../../platform/schemas/index.js';
import { deliveryHealthSchema, signalPageSchema, sourceItemSchema } from '../api-schemas.js';
import { summarizeDeliveries } from '../../../alerts/index.js';
import type { RouteContext } from '../context.js';
import { defineRoute, queryInt } from '../route.js';
import { sourceStatus } from '../../../collectors/index.js';

const signalsQuery = z.object({
  customerId: z.string().min(1).max(200).optional().describe('only signals about this customer'),
  type: eventType.optional(),
  minSeverity: severity.optional(),
  after: z.coerce.number().int().min(0).default(0).describe('ingestion cursor: the `next` of the previous page'),
  limit: queryInt(1, 1000, 100),
});

/** Signals with their sources, and the sources with their health. */
export function registerSignalRoutes({ server, registry, app }: RouteContext): void {
  const sourceOf = (id: string) => {
    const s = app.config.sources.find((x) => x.id === id);
    return { id, kind: s?.kind ?? null, url: s?.url ?? null };
  };

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/signals', tag: 'signals', access: 'read', summary: 'Signals (events about customers and industries) with their source, in ingestion order', query: signalsQuery, response: signalPageSchema },
    async ({ query }) => {
      const keep = (s: { type: string; severity: Parameters<typeof severityRank>[0] }) =>
        (!query.type || s.type === query.type) && (!query.minSeverity || severityRank(s.severity) >= severityRank(query.minSeverity));
      if (query.customerId) {
        const all = (await app.store.signalsForCustomer(query.customerId)).filter(keep);
        all.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
        const page = all.slice(query.after, query.after + query.limit);
        return { signals: page.map((signal) => ({ signal, source: sourceOf(signal.sourceId) })), next: query.after + page.length < all.length ? query.after + page.length : null };
      }
      const batch = await app.store.signalsSince(query.after, query.limit);
      const last = batch.at(-1)?.seq;
      return {
        signals: batch.filter(({ signal }) => keep(signal)).map(({ seq, signal }) => ({ seq, signal, source: sourceOf(signal.sourceId) })),
        next: batch.length === query.limit && last !== undefined ? last : null,
      };
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/sources', tag: 'sources', access: 'read', summary: 'Configured sources with their health (consecutive failures, last success, last error)', response: z.array(sourceItemSchema) },
    async () => {
      const health = new Map((await app.store.listSourceHealth()).map((h) => [h.sourceId, h]));
      const now = app.clock.now();
      const configured = app.config.sources.map((s) => ({ id: s.id, kind: s.kind, url: s.url, schedule: s.schedule, enabled: s.enabled, status: sourceStatus(health.get(s.id), now), health: health.get(s.id) ?? null }));
      // Sources removed from the config keep their history; list them so nothing disappears silently.
      const orphans = [...health.values()].filter((h) => !app.config.sources.some((s) => s.id === h.sourceId));
      return [...configured, ...orphans.map((h) => ({ id: h.sourceId, kind: 'unknown', url: '', schedule: '', enabled: false, status: sourceStatus(h, now), health: h }))];
    },
  );

  defineRoute(
    server,
    registry,
    {
      method: 'GET',
      url: '/api/deliveries',
      tag: 'subscriptions',
      access: 'read',
      summary: 'Mail delivery health: mails waiting, waiting for a retry (SMTP down?) and given up, the last error',
      response: deliveryHealthSchema,
    },
    async () => summarizeDeliveries(app.store.outbox),
  );
}
