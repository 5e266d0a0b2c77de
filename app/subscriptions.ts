import type { SubscriptionReader } from '../alerts/index.js';
import type { App } from './compose.js';

export const unsubscribedKey = (subscriptionId: string) => `alerts.unsubscribed.${subscriptionId}`;

/** Subscriptions from the configuration, less those that clicked "unsubscribe". */
export function subscriptionReader(app: Pick<App, 'config' | 'store'>): SubscriptionReader {
  return {
    async listSubscriptions() {
      const active = [];
      for (const s of app.config.subscriptions) if (!(await app.store.getMeta(unsubscribedKey(s.id)))) active.push(s);
      return active;
    },
  };
}
