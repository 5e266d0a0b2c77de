import { WATCHLIST_VERSION_KEY } from '../../analysis/analyzer.consumer.js';
import type { Customer } from '../../platform/schemas/index.js';
import type { CustomerRepo, MetaStore } from '../../platform/store/port.js';

const fold = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const compactId = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

interface Entry {
  customer: Customer;
  names: string[];
}

/**
 * The watchlist folded once and kept until the watchlist version changes, so a check does not
 * re-read and re-fold every customer per request. Ranks exactly like app/lookup.ts findCustomers:
 * id or register id, then exact name, prefix, whole words, substring.
 */
export function createCustomerIndex(store: CustomerRepo & MetaStore): { find(query: string): Promise<Customer[]> } {
  let version: string | undefined;
  let entries: Entry[] = [];
  let byId = new Map<string, Customer>();
  let byRegisterId = new Map<string, Customer[]>();

  async function refresh(): Promise<void> {
    const current = (await store.getMeta(WATCHLIST_VERSION_KEY)) ?? '0';
    if (current === version) return;
    const customers = await store.listCustomers();
    entries = customers.map((customer) => ({ customer, names: [customer.name, ...customer.aliases].map(fold) }));
    byId = new Map(customers.map((c) => [c.id, c]));
    byRegisterId = new Map();
    for (const c of customers) {
      for (const key of new Set(c.registerIds.map(compactId))) byRegisterId.set(key, [...(byRegisterId.get(key) ?? []), c]);
    }
    version = current;
  }

  return {
    async find(query) {
      const q = query.trim();
      if (q === '') return [];
      await refresh();
      const own = byId.get(q);
      const exact = [...(own ? [own] : []), ...(byRegisterId.get(compactId(q)) ?? []).filter((c) => c !== own)];
      if (exact.length > 0) return exact;
      const fq = fold(q);
      if (fq.length < 2) return [];
      const ranked: Array<{ c: Customer; rank: number }> = [];
      for (const { customer, names } of entries) {
        const rank = names.some((n) => n === fq) ? 0 : names.some((n) => n.startsWith(fq)) ? 1 : names.some((n) => ` ${n} `.includes(` ${fq} `)) ? 2 : names.some((n) => n.includes(fq)) ? 3 : -1;
        if (rank >= 0) ranked.push({ c: customer, rank });
      }
      return ranked.sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name)).map((x) => x.c);
    },
  };
}
