import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UserError } from '../../../platform/errors.js';
import { acknowledgementSchema, activeOverride, noteSchema, overrideChangeSchema } from '../../../platform/store/credit-state.js';
import { assessmentSchema } from '../../../platform/schemas/index.js';
import { acknowledge, addNote, clearOverride, listOverrides, setCreditLimit, setOverride } from '../../credit-actions.js';
import type { RouteContext } from '../context.js';
import { HttpError } from '../errors.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
const anyBody = z.record(z.string(), z.unknown());

/** Who is acting: the token's name, else the web or API user of an open installation. */
export function actorOf(req: FastifyRequest, fallback: string): string {
  return req.principal?.name ?? fallback;
}

/** The credit actions' user errors as HTTP answers: bad input 400, unknown customer or nothing to clear 404. */
export async function asHttp<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof UserError) throw new HttpError(err.exitCode === 2 ? 400 : 404, err.message);
    throw err;
  }
}

/** Approved limits, overrides (with their history), notes and acknowledgements. */
export function registerCreditRoutes({ server, registry, app }: RouteContext): void {
  const withAssessment = z.object({ assessment: assessmentSchema.nullable() });

  defineRoute(server, registry, { method: 'PUT', url: '/api/customers/:id/credit-limit', tag: 'credit', access: 'admin', summary: 'Set the approved credit limit ({creditLimit: number|null, currency?}); the assessment is re-scored at once', params: idParams, body: anyBody, response: withAssessment, errors: [400, 404] }, async ({ params, body }) => ({
    assessment: (await asHttp(() => setCreditLimit(app, params.id, body))) ?? null,
  }));

  defineRoute(server, registry, { method: 'GET', url: '/api/overrides', tag: 'credit', access: 'read', summary: 'The overrides in force, one per customer', response: z.array(overrideChangeSchema) }, async () => listOverrides(app));

  defineRoute(server, registry, { method: 'GET', url: '/api/customers/:id/overrides', tag: 'credit', access: 'read', summary: 'Every override change of a customer, oldest first, and the one in force', params: idParams, response: z.object({ inForce: overrideChangeSchema.nullable(), changes: z.array(overrideChangeSchema) }) }, async ({ params }) => {
    const changes = await app.store.credit.overrideChanges(params.id);
    return { inForce: activeOverride(changes, app.clock.now()) ?? null, changes };
  });

  defineRoute(server, registry, { method: 'POST', url: '/api/customers/:id/override', tag: 'credit', access: 'admin', summary: 'Override grade, terms or limit: {grade?, terms?, limit?, reason, until?}; the change is kept and the customer re-scored', params: idParams, body: anyBody, response: z.object({ change: overrideChangeSchema, assessment: assessmentSchema.nullable() }), errors: [400, 404] }, async ({ params, body, req, reply }) => {
    const { change, assessment } = await asHttp(() => setOverride(app, params.id, { ...body, by: actorOf(req, 'api') }));
    return reply.code(201).send({ change, assessment: assessment ?? null });
  });

  defineRoute(server, registry, { method: 'DELETE', url: '/api/customers/:id/override', tag: 'credit', access: 'admin', summary: 'Clear the override in force (the clearing is kept)', params: idParams, query: z.object({ reason: z.string().max(1000).optional() }), response: z.object({ change: overrideChangeSchema, assessment: assessmentSchema.nullable() }), errors: [404] }, async ({ params, query, req }) => {
    const { change, assessment } = await asHttp(() => clearOverride(app, params.id, actorOf(req, 'api'), query.reason));
    return { change, assessment: assessment ?? null };
  });

  defineRoute(server, registry, { method: 'GET', url: '/api/customers/:id/notes', tag: 'credit', access: 'read', summary: 'A customer\'s notes, newest first', params: idParams, response: z.array(noteSchema) }, async ({ params }) => app.store.credit.notes(params.id));

  defineRoute(server, registry, { method: 'POST', url: '/api/customers/:id/notes', tag: 'credit', access: 'admin', summary: 'Add a note: {text}', params: idParams, body: anyBody, response: noteSchema, errors: [400, 404] }, async ({ params, body, req, reply }) => {
    const note = await asHttp(() => addNote(app, params.id, { text: body.text, by: actorOf(req, 'api') }));
    return reply.code(201).send(note);
  });

  defineRoute(server, registry, { method: 'GET', url: '/api/customers/:id/acknowledgements', tag: 'credit', access: 'read', summary: 'What has been acknowledged for a customer, newest first', params: idParams, response: z.array(acknowledgementSchema) }, async ({ params }) => app.store.credit.acknowledgementsFor(params.id));

  defineRoute(server, registry, { method: 'POST', url: '/api/customers/:id/acknowledgements', tag: 'credit', access: 'admin', summary: 'Acknowledge alerted items: {keys: ["signal:<id>", "assessment:<customer>:<asOf>"]}; they leave the next digest\'s "new" section', params: idParams, body: z.object({ keys: z.array(z.string().max(300)).min(1).max(200) }), response: z.object({ acknowledged: z.number() }), errors: [400] }, async ({ params, body, req }) => {
    if (body.keys.length === 0) throw new HttpError(400, 'no keys');
    return { acknowledged: await asHttp(() => acknowledge(app, params.id, body.keys, actorOf(req, 'api'))) };
  });
}
