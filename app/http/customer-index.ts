import { LRUCache } from 'lru-cache';
import { META_KEYS } from '../../platform/store/meta-keys.js';
import type { Customer } from '../../platform/schemas/index.js';
import type { CustomerRepo, MetaStore } from '../../platform/store/port.js';
import { indexCustomers, type CustomerSearch, type SearchResult } from '../customer-search.js';

/**
 * The folded watchlist kept until the watchlist version changes, so a check does not re-read
 * and re-fold every customer per request; the answers to queries asked before are kept with it
 * (a search scans every customer with edit distances: with 10,000 customers that is most of a
 * check's time), and dropped with the index when the watchlist changes.
 */
export function createCustomerIndex(store: CustomerRepo & MetaStore): { find(query: string): Promise<Customer[]>; search(query: string): Promise<SearchResult> } {
  let version: string | undefined;
  let index: CustomerSearch = indexCustomers([]);
  const answers = new LRUCache<string, SearchResult>({ max: 2_000 });
  const current = async (): Promise<CustomerSearch> => {
    const v = (await store.getMeta(META_KEYS.watchlistVersion)) ?? '0';
    if (v !== version) {
      index = indexCustomers(await store.listCustomers());
      answers.clear();
      version = v;
    }
    return index;
  };
  const search = async (query: string): Promise<SearchResult> => {
    if (query.trim() === '') return { customers: [] };
    const searched = await current();
    let result = answers.get(query);
    if (!result) answers.set(query, (result = searched.search(query)));
    return result;
  };
  return {
    async find(query) {
      return (await search(query)).customers;
    },
    search,
  };
}
