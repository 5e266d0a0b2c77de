import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyAckToken } from '../../alerts/ack-token.js';
import { UserError } from '../../platform/errors.js';
import { acknowledge, addNote, clearOverride, setCreditLimit, setOverride } from '../credit-actions.js';
import type { RouteContext } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { listSubscriptions } from '../http/routes/subscriptions.routes.js';
import { html } from './html.js';
import { langParam, pageSpeaker } from './i18n.js';
import { hrefWith, renderPage } from './layout.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
const form = z.record(z.string(), z.string().max(4000));
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(/['\s]/g, '').replace(',', '.')));

/**
 * The forms of the check page (approved limit, override, notes, acknowledging a signal) and the
 * signed acknowledge link of the mails. Forms need an admin (or no tokens configured); each one
 * goes back to the customer's report, which already shows the change.
 */
export function registerCreditWebRoutes(ctx: RouteContext): void {
  const { server, registry, app, auth, unsubscribeSecret, subscriptions } = ctx;
  const who = (req: FastifyRequest) => req.principal?.name ?? 'web';
  const requireAdmin = (req: FastifyRequest) => {
    if (auth.enabled && req.principal?.role !== 'admin') throw new HttpError(403, pageSpeaker(app.config, req).t.web.readOnly);
  };
  const back = (req: FastifyRequest, reply: FastifyReply, id: string) => reply.redirect(hrefWith('/check', { q: id, lang: langParam(pageSpeaker(app.config, req), app.config) }), 303);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (err) {
      if (err instanceof UserError) throw new HttpError(err.exitCode === 2 ? 400 : 404, err.message);
      throw err;
    }
  };

  defineRoute(server, registry, { method: 'POST', url: '/customers/:id/limit', tag: 'web', access: 'web', summary: 'set the approved limit', params: idParams, body: form }, async ({ params, body, req, reply }) => {
    requireAdmin(req);
    await act(() => setCreditLimit(app, params.id, { creditLimit: num(body.creditLimit) ?? null }));
    return back(req, reply, params.id);
  });

  defineRoute(server, registry, { method: 'POST', url: '/customers/:id/override', tag: 'web', access: 'web', summary: 'override grade or terms', params: idParams, body: form }, async ({ params, body, req, reply }) => {
    requireAdmin(req);
    const input = { grade: body.grade || undefined, terms: body.terms || undefined, limit: num(body.limit), until: body.until || undefined, reason: body.reason, by: who(req) };
    await act(() => setOverride(app, params.id, input));
    return back(req, reply, params.id);
  });

  defineRoute(server, registry, { method: 'POST', url: '/customers/:id/override/clear', tag: 'web', access: 'web', summary: 'clear an override', params: idParams, body: form.optional() }, async ({ params, req, reply }) => {
    requireAdmin(req);
    await act(() => clearOverride(app, params.id, who(req)));
    return back(req, reply, params.id);
  });

  defineRoute(server, registry, { method: 'POST', url: '/customers/:id/notes', tag: 'web', access: 'web', summary: 'add a note', params: idParams, body: form }, async ({ params, body, req, reply }) => {
    requireAdmin(req);
    await act(() => addNote(app, params.id, { text: body.text, by: who(req) }));
    return back(req, reply, params.id);
  });

  defineRoute(server, registry, { method: 'POST', url: '/customers/:id/ack', tag: 'web', access: 'web', summary: 'acknowledge a signal', params: idParams, body: form }, async ({ params, body, req, reply }) => {
    requireAdmin(req);
    await act(() => acknowledge(app, params.id, (body.key ?? '').split(','), who(req)));
    return back(req, reply, params.id);
  });

  // The mail's link: a page that says what will be acknowledged and asks for one click (a mail
  // scanner that follows links must not acknowledge anything), then the acknowledgement.
  const ackPage = async (req: FastifyRequest, reply: FastifyReply, token: string | undefined, confirm: boolean) => {
    const s = pageSpeaker(app.config, req);
    const lang = langParam(s, app.config);
    const w = s.t.web;
    const claim = token ? verifyAckToken(token, unsubscribeSecret) : undefined;
    const sub = claim && (await listSubscriptions(app, subscriptions)).find((l) => l.subscription.id === claim.subscriptionId)?.subscription;
    if (!claim || !sub) {
      return reply.code(400).type('text/html; charset=utf-8').send(renderPage({ s, lang, title: w.ackTitle, path: '/ack', body: html`<h1>${w.ackTitle}</h1><p class="card notice error" role="alert">${w.ackInvalid}</p>` }));
    }
    const customer = await app.store.getCustomer(claim.customerId);
    const name = customer?.name ?? claim.customerId;
    if (confirm) await acknowledge(app, claim.customerId, claim.keys, sub.name || sub.email);
    const body = confirm
      ? html`<h1>${w.ackTitle}</h1><p class="card notice" role="status">${w.ackDone}</p><p><a href="${hrefWith('/check', { q: claim.customerId, lang })}">${name}</a></p>`
      : html`<h1>${w.ackTitle}</h1><section class="card narrow"><p><strong>${name}</strong></p><p>${w.ackExplain}</p>
<form method="post" action="/ack?lang=${lang}"><input type="hidden" name="token" value="${token}"><button type="submit">${w.acknowledge}</button></form></section>`;
    return reply.type('text/html; charset=utf-8').send(renderPage({ s, lang, title: w.ackTitle, path: '/ack', body }));
  };
  defineRoute(server, registry, { method: 'GET', url: '/ack', tag: 'web', access: 'public', summary: 'the signed acknowledge link in mails', query: z.object({ token: z.string().max(4000).optional(), lang: z.string().max(20).optional() }) }, async ({ query, req, reply }) => ackPage(req, reply, query.token, false));
  defineRoute(server, registry, { method: 'POST', url: '/ack', tag: 'web', access: 'public', summary: 'acknowledge from a mail', body: z.object({ token: z.string().max(4000).optional() }) }, async ({ body, req, reply }) => ackPage(req, reply, body.token, true));
}
