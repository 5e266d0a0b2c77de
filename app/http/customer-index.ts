import { META_KEYS } from '../../platform/store/meta-keys.js';
import type { Customer } from '../../platform/schemas/index.js';
import type { CustomerRepo, MetaStore } from '../../platform/store/port.js';
import { indexCustomers, type CustomerSearch } from '../lookup.js';

/**
 * The folded watchlist kept until the watchlist version changes, so a check does not re-read
 * and re-fold every customer per request.
 */
export function createCustomerIndex(store: CustomerRepo & MetaStore): { find(query: string): Promise<Customer[]> } {
  let version: string | undefined;
  let search: CustomerSearch = indexCustomers([]);
  return {
    async find(query) {
      if (query.trim() === '') return [];
      const current = (await store.getMeta(META_KEYS.watchlistVersion)) ?? '0';
      if (current !== version) {
        search = indexCustomers(await store.listCustomers());
        version = current;
      }
      return search.find(query);
    },
  };
}
