import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { App } from '../compose.js';
import { registerServices } from '../registers.js';
import type { DocumentSearch } from '../prospect.js';
import { bearerToken, cookieToken, createAuthenticator, type Principal } from './auth.js';
import type { SubscriptionEditor } from './context.js';
import type { HealthMonitor } from '../supervision/health-monitor.js';
import { createCustomerIndex } from './customer-index.js';
import { apiError, errorCode, HttpError } from './errors.js';
import { RouteRegistry, type Access } from './route.js';
import { registerCustomerRoutes } from './routes/customers.routes.js';
import { registerCreditRoutes } from './routes/credit.routes.js';
import { registerOpsRoutes } from './routes/ops.routes.js';
import { registerSignalRoutes } from './routes/signals.routes.js';
import { registerSubscriptionRoutes } from './routes/subscriptions.routes.js';
import { registerWebRoutes, renderErrorPage, SESSION_COOKIE } from '../web/web.routes.js';
import { registerCreditWebRoutes } from '../web/credit.web.js';
import { createFreshAssessments } from '../fresh-assessment.js';
import { createCheckAnswers } from './check-answers.js';
import { checkScoringDeps } from '../lookup.js';
import { moduleLogger } from '../../platform/log.js';

export interface HttpDeps {
  app: App;
  unsubscribeSecret: string;
  /** Subscription editing from the alerts stage; without it POST/DELETE answer 501. */
  subscriptions?: SubscriptionEditor;
  /** Document search for prospect checks; defaults to the store's `documentsMentioning` when it has one. */
  documents?: DocumentSearch;
  /** Largest accepted request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** /health from the process's supervisor; without it the report has no loops. */
  health?: HealthMonitor;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const HTML_SECURITY = {
  'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

function storeDocumentSearch(store: unknown): DocumentSearch | undefined {
  const s = store as Partial<DocumentSearch>;
  return typeof s.documentsMentioning === 'function' ? { documentsMentioning: s.documentsMentioning.bind(store) } : undefined;
}

/** A request taking longer than this is logged (http_request_slow). */
export const SLOW_REQUEST_MS = 1_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Browsers say where a request comes from; clients such as curl send neither header. */
function isCrossSite(req: FastifyRequest, publicHost: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin) {
    try {
      const host = new URL(origin).host;
      // Behind a reverse proxy the Host header may differ; the configured public URL counts as this site.
      return host !== req.headers.host && host !== publicHost;
    } catch {
      return true;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

const accessOf = (req: FastifyRequest): Access => req.routeOptions.config?.access ?? (req.url.startsWith('/api/') ? 'read' : 'public');
const wantsHtml = (req: FastifyRequest) => accessOf(req) === 'web';

/**
 * The HTTP API and the web pages in one Fastify server. Every error is JSON with a stable code
 * and a message (HTML for pages), never a stack; tokens guard /api and the pages when configured.
 */
export function buildHttpServer({ app, unsubscribeSecret, subscriptions, documents, health, bodyLimit = 64 * 1024 }: HttpDeps): FastifyInstance {
  const server = Fastify({ logger: false, bodyLimit, return503OnClosing: true });
  const auth = createAuthenticator(app.config.http);
  const registry = new RouteRegistry();
  const log = moduleLogger(app.log, 'http');
  const publicHost = app.config.http.publicUrl ? new URL(app.config.http.publicUrl).host : undefined;

  server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, text, done) => {
    done(null, Object.fromEntries(new URLSearchParams(text as string)));
  });

  const loopbackOnly = LOOPBACK.has(app.config.http.host);
  const publicHostname = app.config.http.publicUrl ? new URL(app.config.http.publicUrl).hostname : undefined;

  /** Answers a request that may not go on (and says so); false lets it through. Synchronous: it runs on every request. */
  const refuse = (req: FastifyRequest, reply: FastifyReply): boolean => {
    // Listening on loopback only: a foreign host name means DNS rebinding, i.e. a web page
    // reading this API through the user's browser.
    if (loopbackOnly) {
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!LOOPBACK.has(hostname) && hostname !== publicHostname) {
        reply.code(403).send(apiError(403, `requests for host "${hostname}" are not served here`));
        return true;
      }
    }
    // A page on another site must not make the browser change anything here (CSRF): with no
    // token configured, a form posted from elsewhere would otherwise add a subscription.
    if (!SAFE_METHODS.has(req.method) && isCrossSite(req, publicHost)) {
      reply.code(403).send(apiError(403, 'cross-site requests may not change anything; send the request from this site or without a browser'));
      return true;
    }
    // Without tokens everything is open: the route's access is not even looked up (it builds an object per call).
    if (!auth.enabled) return false;
    const access = accessOf(req);
    if (access === 'public') return false;
    if (access === 'web') {
      req.principal = auth.authenticate(cookieToken(req.headers.cookie, SESSION_COOKIE) ?? '');
      if (req.principal) return false;
      reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
      return true;
    }
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="bonitor"')
        .send(apiError(401, req.headers.authorization ? 'the Authorization header must be "Bearer <token>"' : 'this API needs a token: send Authorization: Bearer <token>'));
      return true;
    }
    req.principal = auth.authenticate(token);
    if (!req.principal) {
      reply.code(401).header('www-authenticate', 'Bearer realm="bonitor", error="invalid_token"').send(apiError(401, 'the token is not valid'));
      return true;
    }
    if (access === 'admin' && req.principal.role !== 'admin') {
      reply.code(403).send(apiError(403, `the token "${req.principal.name}" may only read; ${req.method} ${req.routeOptions.url} needs an admin token`));
      return true;
    }
    return false;
  };
  // Callback hooks, not async ones: a promise per hook per request is measurable on the check's path.
  server.addHook('onRequest', (req, reply, done) => {
    if (!refuse(req, reply)) done();
  });

  // No access log line per request: measured at ~6 µs of CPU each (pino, info, to a file), about 4 % of
  // a kept check, and 4,000 lines a second under load. Failures are logged (http_request_failed),
  // and so is any request slower than SLOW_REQUEST_MS: what an operator has to look into.
  server.addHook('onResponse', (req, reply, done) => {
    if (reply.elapsedTime > SLOW_REQUEST_MS) {
      log.warn({ method: req.method, route: req.routeOptions.url ?? req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'http_request_slow');
    }
    done();
  });

  server.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    const html = typeof type === 'string' && type.startsWith('text/html');
    if (html) reply.headers(HTML_SECURITY);
    if (html || req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  server.setErrorHandler((err: Error & { statusCode?: number; problems?: string[] }, req: FastifyRequest, reply: FastifyReply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const message = status >= 500 && !(err instanceof HttpError) ? 'internal error; the details are in the server log' : err.message;
    if (status >= 500) log.error({ err, url: req.url.split('?')[0], method: req.method }, 'http_request_failed');
    if (wantsHtml(req)) return renderErrorPage(req, reply, status, message, app.config);
    return reply.code(status).send(apiError(status, message, err instanceof HttpError ? err.problems : undefined));
  });

  server.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/health' || path === '/metrics' || !(req.headers.accept ?? '').includes('text/html')) {
      return reply.code(404).send({ error: errorCode(404), message: `no route ${req.method} ${path}` });
    }
    return renderErrorPage(req, reply, 404, `no page ${path}`, app.config);
  });

  const index = createCustomerIndex(app.store);
  const fresh = createFreshAssessments({ ...checkScoringDeps(app), assessments: app.store });
  const checkAnswers = createCheckAnswers(app, index.searchVersioned);
  const ctx = { server, registry, app, auth, documents: documents ?? storeDocumentSearch(app.store), subscriptions, unsubscribeSecret, health, findCustomers: index.find, searchCustomers: index.search, registers: registerServices(app), fresh, checkAnswers };
  registerOpsRoutes(ctx);
  registerCustomerRoutes(ctx);
  registerCreditRoutes(ctx);
  registerSignalRoutes(ctx);
  registerSubscriptionRoutes(ctx);
  registerWebRoutes(ctx);
  registerCreditWebRoutes(ctx);
  return server;
}
