import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteContext } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import { loadPortfolio, runCheck } from '../http/queries.js';
import { defineRoute } from '../http/route.js';
import { addSubscription, listSubscriptions, removeSubscription } from '../http/routes/subscriptions.routes.js';
import { html } from './html.js';
import { pickLang, STRINGS, type Lang } from './i18n.js';
import { renderPage } from './layout.js';
import { sameSitePath } from './same-site-path.js';
import { renderCheckBody } from './pages/check.page.js';
import type { SourceReport } from '../../platform/registers/register-entry.js';
import { renderPortfolioBody } from './pages/portfolio.page.js';
import { renderSubscriptionsBody } from './pages/subscriptions.page.js';

export const SESSION_COOKIE = 'bonitor_session';
const ASSET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

const langQuery = z.object({ lang: z.string().optional() });
const checkQuery = langQuery.extend({
  q: z.string().trim().max(200, 'the search is at most 200 characters').default(''),
  amount: z.union([z.literal(''), z.coerce.number().positive('the order amount must be positive').max(1e12)]).optional(),
});

const langOf = (req: FastifyRequest) => pickLang((req.query as { lang?: unknown } | undefined)?.lang, req.headers['accept-language']);

function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

export function renderErrorPage(req: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  const lang = langOf(req);
  const t = STRINGS[lang];
  return sendPage(reply, status, renderPage({ lang, title: t.error, path: '/', body: html`<h1>${t.error}</h1><p class="card notice error" role="alert">${status}: ${message}</p>` }));
}

function loadAssets(): Map<string, { type: string; body: Buffer }> {
  const assets = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(ASSET_DIR)) {
    const type = TYPES[path.extname(name)];
    if (type) assets.set(name, { type, body: readFileSync(path.join(ASSET_DIR, name)) });
  }
  return assets;
}


/** The credit manager's pages: check, portfolio, subscriptions; and the sign-in when tokens are configured. */
export function registerWebRoutes(ctx: RouteContext): void {
  const { server, registry, app, auth, documents, subscriptions, findCustomers, registers } = ctx;
  const assets = loadAssets();
  const frame = (req: FastifyRequest, lang: Lang) => ({ lang, signedIn: auth.enabled && req.principal !== undefined });

  defineRoute(server, registry, { method: 'GET', url: '/assets/:name', tag: 'web', access: 'public', summary: 'static assets', params: z.object({ name: z.string().max(100) }) }, async ({ params, reply }) => {
    const asset = assets.get(params.name);
    if (!asset) throw new HttpError(404, `no asset ${params.name}`);
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  const checkHandler = async ({ query, req, reply }: { query: z.infer<typeof checkQuery>; req: FastifyRequest; reply: FastifyReply }) => {
    const lang = pickLang(query.lang, req.headers['accept-language']);
    const t = STRINGS[lang];
    const amount = typeof query.amount === 'number' ? query.amount : undefined;
    const sources: SourceReport[] = [];
    const answer = query.q ? await runCheck(app, documents, query.q, { orderAmount: amount, details: true, find: findCustomers, ...(registers ? { registers } : {}), sourcesOut: sources }) : undefined;
    const title = answer ? answer.assessment.name : t.navCheck;
    const riskiest = query.q ? undefined : (await app.store.latestAssessments()).sort((a, b) => b.score - a.score).slice(0, 6).map((a) => ({ id: a.customerId, name: a.name, grade: a.grade }));
    const body = renderCheckBody({ t, lang, q: query.q, amount: amount === undefined ? '' : String(amount), answer, asOf: app.clock.now(), riskiest, sources });
    return sendPage(reply, query.q && !answer ? 404 : 200, renderPage({ ...frame(req, lang), title, path: query.q ? '/check' : '/', params: { q: query.q, amount: amount === undefined ? undefined : String(amount) }, body }));
  };
  defineRoute(server, registry, { method: 'GET', url: '/', tag: 'web', access: 'web', summary: 'search page', query: checkQuery }, checkHandler);
  defineRoute(server, registry, { method: 'GET', url: '/check', tag: 'web', access: 'web', summary: 'pre-contract report', query: checkQuery }, checkHandler);

  defineRoute(server, registry, { method: 'GET', url: '/portfolio', tag: 'web', access: 'web', summary: 'portfolio', query: langQuery }, async ({ req, reply }) => {
    const lang = langOf(req);
    const t = STRINGS[lang];
    const body = renderPortfolioBody(await loadPortfolio(app), t, lang);
    return sendPage(reply, 200, renderPage({ ...frame(req, lang), title: t.portfolio, path: '/portfolio', body }));
  });

  const subscriptionsPage = async (req: FastifyRequest, reply: FastifyReply, status: number, extra: { problems?: string[]; message?: string } = {}) => {
    const lang = langOf(req);
    const t = STRINGS[lang];
    const isAdmin = !auth.enabled || req.principal?.role === 'admin';
    const canEdit = subscriptions !== undefined && isAdmin;
    const editReason = subscriptions === undefined ? t.editDisabled : isAdmin ? undefined : t.readOnly;
    const body = renderSubscriptionsBody({ t, lang, listed: await listSubscriptions(app, subscriptions), canEdit, editReason, ...extra });
    return sendPage(reply, status, renderPage({ ...frame(req, lang), title: t.subscriptions, path: '/subscriptions', body }));
  };
  const requireAdmin = (req: FastifyRequest) => {
    if (auth.enabled && req.principal?.role !== 'admin') throw new HttpError(403, STRINGS[langOf(req)].readOnly);
  };

  defineRoute(server, registry, { method: 'GET', url: '/subscriptions', tag: 'web', access: 'web', summary: 'subscriptions', query: langQuery }, async ({ req, reply }) => subscriptionsPage(req, reply, 200));

  const form = z.record(z.string(), z.string().max(500));
  defineRoute(server, registry, { method: 'POST', url: '/subscriptions', tag: 'web', access: 'web', summary: 'add a subscription', body: form }, async ({ body, req, reply }) => {
    requireAdmin(req);
    const tags = (body.tags ?? '').split(/[\s,]+/).filter(Boolean);
    const input = {
      id: body.id,
      email: body.email,
      name: body.name ?? '',
      frequency: body.frequency,
      minSeverity: body.minSeverity,
      language: body.language,
      scope: tags.length > 0 ? { tags } : { all: true },
    };
    try {
      await addSubscription(app, subscriptions, input);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 400) return subscriptionsPage(req, reply, 400, { problems: err.problems ?? [err.message] });
      throw err;
    }
    return reply.redirect(`/subscriptions?lang=${langOf(req)}`, 303);
  });

  defineRoute(server, registry, { method: 'POST', url: '/subscriptions/:id/delete', tag: 'web', access: 'web', summary: 'remove a subscription', params: z.object({ id: z.string().min(1).max(200) }) }, async ({ params, req, reply }) => {
    requireAdmin(req);
    await removeSubscription(subscriptions, params.id);
    return reply.redirect(`/subscriptions?lang=${langOf(req)}`, 303);
  });

  const loginPage = (req: FastifyRequest, reply: FastifyReply, status: number, next: string, failed: boolean) => {
    const lang = langOf(req);
    const t = STRINGS[lang];
    const body = html`<h1>${t.login}</h1><section class="card narrow"><p>${t.loginNote}</p>
${failed ? html`<p class="notice error" role="alert">${t.loginFailed}</p>` : ''}
<form method="post" action="/login?lang=${lang}"><input type="hidden" name="next" value="${next}">
<div class="field"><label for="token">${t.token}</label><input id="token" name="token" type="password" required autocomplete="current-password" autofocus></div>
<div class="field actions"><button type="submit">${t.login}</button></div></form></section>`;
    return sendPage(reply, status, renderPage({ lang, title: t.login, path: '/login', params: { next }, body }));
  };
  defineRoute(server, registry, { method: 'GET', url: '/login', tag: 'web', access: 'public', summary: 'sign in', query: langQuery.extend({ next: z.string().max(2000).optional().catch(undefined) }) }, async ({ query, req, reply }) =>
    loginPage(req, reply, 200, sameSitePath(query.next), false),
  );
  defineRoute(server, registry, { method: 'POST', url: '/login', tag: 'web', access: 'public', summary: 'sign in', body: z.object({ token: z.string().max(500).default(''), next: z.string().max(2000).optional().catch(undefined) }) }, async ({ body, req, reply }) => {
    const next = sameSitePath(body.next);
    if (!auth.enabled) return reply.redirect(next, 303);
    if (!auth.authenticate(body.token)) return loginPage(req, reply, 401, next, true);
    reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(body.token)}; Path=/; HttpOnly; SameSite=Strict${req.protocol === 'https' ? '; Secure' : ''}`);
    return reply.redirect(next, 303);
  });
  defineRoute(server, registry, { method: 'POST', url: '/logout', tag: 'web', access: 'public', summary: 'sign out' }, async ({ reply }) => {
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return reply.redirect('/login', 303);
  });
}
