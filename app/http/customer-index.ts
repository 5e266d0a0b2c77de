import { META_KEYS } from '../../platform/store/meta-keys.js';
import type { Customer } from '../../platform/schemas/index.js';
import type { CustomerRepo, MetaStore } from '../../platform/store/port.js';
import { indexCustomers, type CustomerSearch, type SearchResult } from '../customer-search.js';

/**
 * The folded watchlist kept until the watchlist version changes, so a check does not re-read
 * and re-fold every customer per request.
 */
export function createCustomerIndex(store: CustomerRepo & MetaStore): { find(query: string): Promise<Customer[]>; search(query: string): Promise<SearchResult> } {
  let version: string | undefined;
  let index: CustomerSearch = indexCustomers([]);
  const current = async (): Promise<CustomerSearch> => {
    const v = (await store.getMeta(META_KEYS.watchlistVersion)) ?? '0';
    if (v !== version) {
      index = indexCustomers(await store.listCustomers());
      version = v;
    }
    return index;
  };
  return {
    async find(query) {
      return query.trim() === '' ? [] : (await current()).find(query);
    },
    async search(query) {
      return query.trim() === '' ? { customers: [] } : (await current()).search(query);
    },
  };
}
