import type { Subscription } from '../platform/config/subscriptions.js';
import type { SubscriptionStore } from '../platform/store/alert-state.js';
import type { SubscriptionReader } from './types.js';

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
 * Subscriptions = the configuration file's plus those added by CLI or API (one store row each),
 * less the ones that unsubscribed. Config entries win on id clashes: the file is the admin's word.
 */
export function createSubscriptionRepo(store: SubscriptionStore, configured: Subscription[], now: () => Date = () => new Date()): SubscriptionRepo {
  const listAll = async (): Promise<ListedSubscription[]> => {
    const rows = new Map((await store.listStoredSubscriptions()).map((r) => [r.id, r]));
    const configIds = new Set(configured.map((s) => s.id));
    const mark = (id: string) => {
      const at = rows.get(id)?.unsubscribedAt;
      return at ? { unsubscribedAt: at } : {};
    };
    return [
      ...configured.map((subscription) => ({ subscription, origin: 'config' as const, ...mark(subscription.id) })),
      ...[...rows.values()]
        .filter((r) => r.subscription && !configIds.has(r.id))
        .map((r) => ({ subscription: r.subscription!, origin: 'added' as const, ...mark(r.id) })),
    ];
  };
  return {
    listAll,
    async listSubscriptions() {
      return (await listAll()).filter((l) => !l.unsubscribedAt).map((l) => l.subscription);
    },
    // Re-adding a subscription that had unsubscribed turns it back on (putSubscription clears the mark).
    add: (sub) => store.putSubscription(sub, now()),
    async remove(id) {
      if (configured.some((s) => s.id === id)) {
        await store.markUnsubscribed(id, now());
        return 'unsubscribed';
      }
      return (await store.deleteSubscription(id)) ? 'removed' : 'not_found';
    },
  };
}
