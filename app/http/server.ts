import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyUnsubscribeToken } from '../../alerts/index.js';
import type { App } from '../compose.js';
import { checkCompany } from '../lookup.js';
import { unsubscribedKey } from '../subscriptions.js';
import { ALL_TOPICS, GROUPS } from '../topics.js';
import { TOPICS } from '../../platform/schemas/index.js';

export interface HttpDeps {
  app: App;
  unsubscribeSecret: string;
}

const checkQuery = z.object({ q: z.string().trim().min(1, 'q (a name or register id) is required').max(200) });

/** The HTTP API: health, customers, check, unsubscribe. Errors are JSON with a message, never a stack. */
export function buildHttpServer({ app, unsubscribeSecret }: HttpDeps): FastifyInstance {
  const server = Fastify({ logger: false, bodyLimit: 1_000_000 });
  const token = app.config.http.apiToken;
  const tokenHash = token ? createHash('sha256').update(token).digest() : undefined;

  server.addHook('onRequest', async (req, reply) => {
    if (!tokenHash || !req.url.startsWith('/api/')) return;
    const header = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/.exec(header)?.[1];
    if (!given) return reply.code(401).send({ error: 'unauthorized', message: 'send Authorization: Bearer <token>' });
    const givenHash = createHash('sha256').update(given).digest();
    if (!timingSafeEqual(givenHash, tokenHash)) return reply.code(401).send({ error: 'unauthorized', message: 'the token is not valid' });
  });

  server.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error({ module: 'http', err, url: req.url }, 'http_request_failed');
    return reply.code(status).send({ error: status === 500 ? 'internal_error' : 'bad_request', message: status === 500 ? 'internal error' : err.message });
  });
  server.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  server.get('/health', async () => {
    const lag: Record<string, number> = {};
    lag.analyzer = await app.bus.lag(GROUPS.analyzer, TOPICS.documents);
    lag.scorer = (await app.bus.lag(GROUPS.scorer, TOPICS.ledger)) + (await app.bus.lag(GROUPS.scorer, TOPICS.signals));
    const sources = await app.store.listSourceHealth();
    const failing = sources.filter((s) => Number(s.consecutiveFailures ?? 0) > 0).map((s) => s.sourceId);
    return { status: 'ok', documents: await app.store.countDocuments(), consumerLag: lag, failingSources: failing, topics: ALL_TOPICS.length };
  });

  server.get('/api/customers', async () => {
    const [customers, assessments] = await Promise.all([app.store.listCustomers(), app.store.latestAssessments()]);
    const byId = new Map(assessments.map((a) => [a.customerId, a]));
    const customerById = new Map(customers.map((c) => [c.id, c]));
    const ids = new Set([...customerById.keys(), ...byId.keys()]);
    return [...ids].map((id) => {
      const c = customerById.get(id);
      const a = byId.get(id);
      return { id, name: c?.name ?? a?.name ?? id, grade: a?.grade ?? null, score: a?.score ?? null };
    }).sort((x, y) => (y.score ?? -1) - (x.score ?? -1) || x.name.localeCompare(y.name));
  });

  server.get('/api/check', async (req, reply) => {
    const parsed = checkQuery.safeParse(req.query);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: parsed.error.issues.map((i) => i.message).join('; ') });
    const result = await checkCompany(app, parsed.data.q);
    if (!result) return reply.code(404).send({ error: 'not_found', message: `no customer matches "${parsed.data.q}"` });
    return result.assessment;
  });

  server.get('/unsubscribe', async (req, reply) => {
    const tokenParam = (req.query as { token?: unknown }).token;
    const id = typeof tokenParam === 'string' ? verifyUnsubscribeToken(tokenParam, unsubscribeSecret) : undefined;
    if (!id || !app.config.subscriptions.some((s) => s.id === id)) {
      return reply.code(400).type('text/plain; charset=utf-8').send('This unsubscribe link is not valid.');
    }
    await app.store.setMeta(unsubscribedKey(id), app.clock.now().toISOString());
    return reply.type('text/plain; charset=utf-8').send('You are unsubscribed and will receive no further mails for this subscription.');
  });

  return server;
}
