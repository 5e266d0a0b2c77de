import { z } from 'zod';
import { validateSubscription } from '../../../alerts/index.js';
import { listedSubscriptionSchema } from '../api-schemas.js';
import type { ListedSubscription, RouteContext, SubscriptionEditor } from '../context.js';
import { HttpError } from '../errors.js';
import { defineRoute } from '../route.js';
import type { App } from '../../compose.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
// The body is checked by the alerts stage's validateSubscription (schema + watchlist), so any object passes here.
const body = z.record(z.string(), z.unknown());

/** The configured subscriptions, marked when their recipient unsubscribed (no editor plugged in). */
export async function listConfiguredSubscriptions(app: Pick<App, 'config' | 'store'>): Promise<ListedSubscription[]> {
  const marks = new Map((await app.store.subscriptions.listStoredSubscriptions()).map((r) => [r.id, r.unsubscribedAt]));
  return app.config.subscriptions.map((subscription) => {
    const at = marks.get(subscription.id);
    return { subscription, origin: 'config' as const, ...(at ? { unsubscribedAt: at } : {}) };
  });
}

export async function listSubscriptions(app: Pick<App, 'config' | 'store'>, editor: SubscriptionEditor | undefined): Promise<ListedSubscription[]> {
  return editor ? editor.listAll() : listConfiguredSubscriptions(app);
}

/** Validates and stores a subscription; the problems name the field. */
export async function addSubscription(app: Pick<App, 'store'>, editor: SubscriptionEditor | undefined, input: unknown): Promise<{ subscription: ListedSubscription['subscription']; warnings: string[] }> {
  if (!editor) throw new HttpError(501, 'subscriptions can only be changed in the configuration file in this deployment');
  const result = validateSubscription(input, await app.store.listCustomers());
  if (!result.ok) throw new HttpError(400, `invalid subscription: ${result.problems.join('; ')}`, result.problems);
  await editor.add(result.subscription);
  return { subscription: result.subscription, warnings: result.warnings };
}

export async function removeSubscription(editor: SubscriptionEditor | undefined, id: string): Promise<'removed' | 'unsubscribed'> {
  if (!editor) throw new HttpError(501, 'subscriptions can only be changed in the configuration file in this deployment');
  const outcome = await editor.remove(id);
  if (outcome === 'not_found') throw new HttpError(404, `no subscription with id "${id}"`);
  return outcome;
}

export function registerSubscriptionRoutes({ server, registry, app, subscriptions }: RouteContext): void {
  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/subscriptions', tag: 'subscriptions', access: 'read', summary: 'Subscriptions: who gets which alerts how often', response: z.array(listedSubscriptionSchema) },
    async () => listSubscriptions(app, subscriptions),
  );

  defineRoute(
    server,
    registry,
    { method: 'POST', url: '/api/subscriptions', tag: 'subscriptions', access: 'admin', summary: 'Add or replace a subscription (admin token)', body, response: z.object({ subscription: listedSubscriptionSchema.shape.subscription, warnings: z.array(z.string()) }), errors: [501] },
    async ({ body: input, reply }) => {
      const added = await addSubscription(app, subscriptions, input);
      return reply.code(201).send(added);
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'DELETE', url: '/api/subscriptions/:id', tag: 'subscriptions', access: 'admin', summary: 'Delete an added subscription, or unsubscribe a configured one (admin token)', params: idParams, response: z.object({ id: z.string(), outcome: z.enum(['removed', 'unsubscribed']) }), errors: [404, 501] },
    async ({ params }) => ({ id: params.id, outcome: await removeSubscription(subscriptions, params.id) }),
  );
}
