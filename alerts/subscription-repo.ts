import { subscriptionSchema, type Subscription } from '../platform/config/subscriptions.js';
import type { MetaStore } from '../platform/store/port.js';
import type { SubscriptionReader } from './types.js';

/** Shared with the HTTP API's unsubscribe link (app/subscriptions.ts). */
export const unsubscribedKey = (subscriptionId: string) => `alerts.unsubscribed.${subscriptionId}`;
const ADDED_KEY = 'alerts.subscriptions';

export type SubscriptionOrigin = 'config' | 'added';

export interface ListedSubscription {
  subscription: Subscription;
  origin: SubscriptionOrigin;
  /** When the subscriber unsubscribed (config subscriptions stay in the file but receive nothing). */
  unsubscribedAt?: string;
}

export interface SubscriptionRepo extends SubscriptionReader {
  listAll(): Promise<ListedSubscription[]>;
  /** Adds or replaces a subscription made by CLI / API. */
  add(sub: Subscription): Promise<void>;
  /** Deletes an added subscription, or marks a configured one as unsubscribed. */
  remove(id: string): Promise<'removed' | 'unsubscribed' | 'not_found'>;
}

/**
 * Subscriptions = the configuration file's plus those added by CLI or API (kept in the store),
 * less the ones that unsubscribed. Config entries win on id clashes: the file is the admin's word.
 */
export function createSubscriptionRepo(meta: MetaStore, configured: Subscription[]): SubscriptionRepo {
  const readAdded = async (): Promise<Subscription[]> => {
    const raw = await meta.getMeta(ADDED_KEY);
    if (!raw) return [];
    const parsed = subscriptionSchema.array().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  };
  const listAll = async (): Promise<ListedSubscription[]> => {
    const configIds = new Set(configured.map((s) => s.id));
    const all: ListedSubscription[] = [
      ...configured.map((subscription) => ({ subscription, origin: 'config' as const })),
      ...(await readAdded()).filter((s) => !configIds.has(s.id)).map((subscription) => ({ subscription, origin: 'added' as const })),
    ];
    for (const l of all) l.unsubscribedAt = await meta.getMeta(unsubscribedKey(l.subscription.id));
    return all;
  };
  return {
    listAll,
    async listSubscriptions() {
      return (await listAll()).filter((l) => !l.unsubscribedAt).map((l) => l.subscription);
    },
    async add(sub) {
      const added = (await readAdded()).filter((s) => s.id !== sub.id);
      await meta.setMeta(ADDED_KEY, JSON.stringify([...added, sub]));
      // Re-adding a subscription that had unsubscribed turns it back on.
      if (await meta.getMeta(unsubscribedKey(sub.id))) await meta.setMeta(unsubscribedKey(sub.id), '');
    },
    async remove(id) {
      const added = await readAdded();
      if (added.some((s) => s.id === id) && !configured.some((s) => s.id === id)) {
        await meta.setMeta(ADDED_KEY, JSON.stringify(added.filter((s) => s.id !== id)));
        return 'removed';
      }
      if (configured.some((s) => s.id === id)) {
        await meta.setMeta(unsubscribedKey(id), new Date().toISOString());
        return 'unsubscribed';
      }
      return 'not_found';
    },
  };
}
