import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteContext } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import { EXPORT_LIMIT, loadPortfolio, runCheck } from '../http/queries.js';
import { portfolioListQuery } from '../http/api-schemas.js';
import { defineRoute } from '../http/route.js';
import { addSubscription, listSubscriptions, removeSubscription } from '../http/routes/subscriptions.routes.js';
import { html } from './html.js';
import { langParam, pageSpeaker, type Speaker } from './i18n.js';
import { renderPage } from './layout.js';
import { sameSitePath } from './same-site-path.js';
import { renderCheckBody } from './pages/check.page.js';
import { ledgerFeatureOptions } from '../ledger-options.js';
import type { SourceReport } from '../../platform/registers/register-entry.js';
import { renderPortfolioBody } from './pages/portfolio.page.js';
import { renderRemoveConfirmation, renderSubscriptionsBody } from './pages/subscriptions.page.js';
import { subscriptionFromForm } from './subscription-form.js';
import { creditCards } from './credit-cards.js';
import { portfolioCsv, portfolioXlsx } from '../portfolio-export.js';

export const SESSION_COOKIE = 'bonitor_session';
const ASSET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

const langQuery = z.object({ lang: z.string().max(20).optional() });
/** The demo company the search hint names, only when the demo data is loaded. */
const DEMO_EXAMPLE = { name: 'Alpenblick Metallbau', registerId: 'CHE-401.118.534' };
const checkQuery = langQuery.extend({
  q: z.string().trim().max(200, 'the search is at most 200 characters').default(''),
  amount: z.union([z.literal(''), z.coerce.number().positive('the order amount must be positive').max(1e12)]).optional(),
});


function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

export function renderErrorPage(req: FastifyRequest, reply: FastifyReply, status: number, message: string, config: RouteContext['app']['config']) {
  const s = pageSpeaker(config, req);
  const w = s.t.web;
  return sendPage(reply, status, renderPage({ s, lang: langParam(s, config), title: w.error, path: '/', body: html`<h1>${w.error}</h1><p class="card notice error" role="alert">${status}: ${message}</p>` }));
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
  const { server, registry, app, auth, documents, subscriptions, searchCustomers, registers, fresh } = ctx;
  const assets = loadAssets();
  const speak = (req: FastifyRequest) => {
    const s = pageSpeaker(app.config, req);
    return { s, lang: langParam(s, app.config) };
  };
  const frame = (req: FastifyRequest, s: Speaker) => ({ s, lang: langParam(s, app.config), signedIn: auth.enabled && req.principal !== undefined });

  defineRoute(server, registry, { method: 'GET', url: '/assets/:name', tag: 'web', access: 'public', summary: 'static assets', params: z.object({ name: z.string().max(100) }) }, async ({ params, reply }) => {
    const asset = assets.get(params.name);
    if (!asset) throw new HttpError(404, `no asset ${params.name}`);
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  const checkHandler = async ({ query, req, reply }: { query: z.infer<typeof checkQuery>; req: FastifyRequest; reply: FastifyReply }) => {
    const { s, lang } = speak(req);
    const amount = typeof query.amount === 'number' ? query.amount : undefined;
    const sources: SourceReport[] = [];
    const answer = query.q ? await runCheck(app, documents, query.q, { orderAmount: amount, details: true, search: searchCustomers, ...(fresh ? { fresh } : {}), ...(registers ? { registers } : {}), sourcesOut: sources }) : undefined;
    const title = answer && answer.kind !== 'candidates' ? answer.assessment.name : s.t.web.navCheck;
    const riskiest = query.q ? undefined : (await app.store.latestAssessments()).sort((a, b) => b.score - a.score).slice(0, 6).map((a) => ({ id: a.customerId, name: a.name, grade: a.grade }));
    const isAdmin = !auth.enabled || req.principal?.role === 'admin';
    const cards = answer && answer.kind !== 'candidates' ? await creditCards(app, answer, s, lang, isAdmin) : {};
    const body = renderCheckBody({ s, lang, q: query.q, amount: amount === undefined ? '' : String(amount), answer, asOf: app.clock.now(), settlement: ledgerFeatureOptions(app.config), riskiest, sources, example: app.config.demo ? DEMO_EXAMPLE : undefined, ...cards });
    return sendPage(reply, query.q && !answer ? 404 : 200, renderPage({ ...frame(req, s), title, path: query.q ? '/check' : '/', params: { q: query.q, amount: amount === undefined ? undefined : String(amount) }, body }));
  };
  defineRoute(server, registry, { method: 'GET', url: '/', tag: 'web', access: 'web', summary: 'search page', query: checkQuery }, checkHandler);
  defineRoute(server, registry, { method: 'GET', url: '/check', tag: 'web', access: 'web', summary: 'pre-contract report', query: checkQuery }, checkHandler);

  defineRoute(server, registry, { method: 'GET', url: '/portfolio', tag: 'web', access: 'web', summary: 'portfolio, one page of customers sorted and filtered by the store', query: langQuery.extend(portfolioListQuery.shape) }, async ({ query, req, reply }) => {
    const { s, lang } = speak(req);
    const body = renderPortfolioBody(await loadPortfolio(app, query), s, lang);
    return sendPage(reply, 200, renderPage({ ...frame(req, s), title: s.t.web.portfolio, path: '/portfolio', body }));
  });

  const exportName = (ext: string) => `bonitor-portfolio-${app.clock.now().toISOString().slice(0, 10)}.${ext}`;
  defineRoute(server, registry, { method: 'GET', url: '/portfolio.csv', tag: 'web', access: 'web', summary: 'portfolio as CSV', query: langQuery }, async ({ req, reply }) => {
    const csv = portfolioCsv(await loadPortfolio(app, { limit: EXPORT_LIMIT }), speak(req).s);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${exportName('csv')}"`).send(csv);
  });
  defineRoute(server, registry, { method: 'GET', url: '/portfolio.xlsx', tag: 'web', access: 'web', summary: 'portfolio as an Excel workbook', query: langQuery }, async ({ req, reply }) => {
    const xlsx = await portfolioXlsx(await loadPortfolio(app, { limit: EXPORT_LIMIT }), speak(req).s);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${exportName('xlsx')}"`).send(xlsx);
  });

  const subscriptionsPage = async (req: FastifyRequest, reply: FastifyReply, status: number, extra: { problems?: string[]; message?: string; values?: Record<string, string> } = {}) => {
    const { s, lang } = speak(req);
    const isAdmin = !auth.enabled || req.principal?.role === 'admin';
    const canEdit = subscriptions !== undefined && isAdmin;
    const editReason = subscriptions === undefined ? s.t.web.editDisabled : isAdmin ? undefined : s.t.web.readOnly;
    const customers = await app.store.listCustomers();
    const knownTags = [...new Set(customers.flatMap((c) => c.tags))].sort();
    const body = renderSubscriptionsBody({ s, lang, listed: await listSubscriptions(app, subscriptions), canEdit, editReason, knownTags, customers: customers.map((c) => ({ id: c.id, name: c.name })), ...extra });
    return sendPage(reply, status, renderPage({ ...frame(req, s), title: s.t.web.subscriptions, path: '/subscriptions', body }));
  };
  const requireAdmin = (req: FastifyRequest) => {
    if (auth.enabled && req.principal?.role !== 'admin') throw new HttpError(403, pageSpeaker(app.config, req).t.web.readOnly);
  };

  defineRoute(server, registry, { method: 'GET', url: '/subscriptions', tag: 'web', access: 'web', summary: 'subscriptions', query: langQuery }, async ({ req, reply }) => subscriptionsPage(req, reply, 200));

  const form = z.record(z.string(), z.string().max(500));
  defineRoute(server, registry, { method: 'POST', url: '/subscriptions', tag: 'web', access: 'web', summary: 'add a subscription', body: form }, async ({ body, req, reply }) => {
    requireAdmin(req);
    const { s, lang } = speak(req);
    const listed = await listSubscriptions(app, subscriptions);
    const built = subscriptionFromForm(body, { s, customers: await app.store.listCustomers(), takenIds: listed.map((l) => l.subscription.id) });
    if (!built.ok) return subscriptionsPage(req, reply, 400, { problems: built.problems, values: body });
    try {
      await addSubscription(app, subscriptions, built.input);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 400) return subscriptionsPage(req, reply, 400, { problems: err.problems ?? [err.message], values: body });
      throw err;
    }
    return reply.redirect(`/subscriptions?lang=${lang}`, 303);
  });

  const subscriptionId = z.object({ id: z.string().min(1).max(200) });
  defineRoute(server, registry, { method: 'GET', url: '/subscriptions/:id/delete', tag: 'web', access: 'web', summary: 'confirm removing a subscription', params: subscriptionId, query: langQuery }, async ({ params, req, reply }) => {
    requireAdmin(req);
    const { s, lang } = speak(req);
    const found = (await listSubscriptions(app, subscriptions)).find((l) => l.subscription.id === params.id);
    if (!found) throw new HttpError(404, `no subscription with id "${params.id}"`);
    return sendPage(reply, 200, renderPage({ ...frame(req, s), title: s.t.web.remove, path: '/subscriptions', body: renderRemoveConfirmation(s, lang, found.subscription) }));
  });

  defineRoute(server, registry, { method: 'POST', url: '/subscriptions/:id/delete', tag: 'web', access: 'web', summary: 'remove a subscription', params: subscriptionId }, async ({ params, req, reply }) => {
    requireAdmin(req);
    await removeSubscription(subscriptions, params.id);
    return reply.redirect(`/subscriptions?lang=${speak(req).lang}`, 303);
  });

  const loginPage = (req: FastifyRequest, reply: FastifyReply, status: number, next: string, failed: boolean) => {
    const { s, lang } = speak(req);
    const t = s.t.web;
    const body = html`<h1>${t.login}</h1><section class="card narrow"><p>${t.loginNote}</p>
${failed ? html`<p class="notice error" role="alert">${t.loginFailed}</p>` : ''}
<form method="post" action="/login?lang=${lang}"><input type="hidden" name="next" value="${next}">
<div class="field"><label for="token">${t.token}</label><input id="token" name="token" type="password" required autocomplete="current-password" autofocus></div>
<div class="field actions"><button type="submit">${t.login}</button></div></form></section>`;
    return sendPage(reply, status, renderPage({ s, lang, title: t.login, path: '/login', params: { next }, body }));
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
