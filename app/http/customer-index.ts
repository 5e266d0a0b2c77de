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
export interface CustomerIndex {
  find(query: string): Promise<Customer[]>;
  search(query: string): Promise<SearchResult>;
  /** search, with the watchlist version the result was made from (what an answer built on it rests on). */
  searchVersioned(query: string): Promise<VersionedSearch>;
}

export interface VersionedSearch {
  result: SearchResult;
  watchlistVersion: string;
}

export function createCustomerIndex(store: CustomerRepo & MetaStore): CustomerIndex {
  type Built = { version: string; index: CustomerSearch; answers: LRUCache<string, SearchResult> };
  let built: Promise<Built> | undefined;
  let builtVersion: string | undefined;
  const current = async (): Promise<Built> => {
    const version = (await store.getMeta(META_KEYS.watchlistVersion)) ?? '0';
    if (builtVersion !== version || !built) {
      // One build per version, however many requests arrive meanwhile (with 10,000 customers a build
      // reads and folds them all). The list is read after the version: a change meanwhile leaves a
      // newer list under the older version, built again on the next request.
      builtVersion = version;
      built = store.listCustomers().then((customers) => ({ version, index: indexCustomers(customers), answers: new LRUCache<string, SearchResult>({ max: 2_000 }) }));
      // A failed read is not kept: the next request reads again.
      built.catch(() => {
        if (builtVersion !== version) return;
        built = undefined;
        builtVersion = undefined;
      });
    }
    return built;
  };
  const searchVersioned = async (query: string): Promise<VersionedSearch> => {
    const { version, index, answers } = await current();
    if (query.trim() === '') return { result: { customers: [] }, watchlistVersion: version };
    let result = answers.get(query);
    if (!result) answers.set(query, (result = index.search(query)));
    return { result, watchlistVersion: version };
  };
  const search = async (query: string) => (await searchVersioned(query)).result;
  return {
    async find(query) {
      return (await search(query)).customers;
    },
    search,
    searchVersioned,
  };
}
