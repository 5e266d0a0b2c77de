import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWatchlistCsv } from '../../analysis/linking/index.js';
import { META_KEYS } from '../../platform/store/meta-keys.js';
const WATCHLIST_VERSION_KEY = META_KEYS.watchlistVersion;
import { createCustomerIndex } from '../../app/http/customer-index.js';
import { findCustomers } from '../../app/lookup.js';
import { DEMO_DIR } from '../../app/demo/demo.js';
import type { Customer } from '../../platform/schemas/index.js';

const customers = parseWatchlistCsv(readFileSync(`${DEMO_DIR}/watchlist.csv`, 'utf8')).customers;

function memoryRepo(list: Customer[]) {
  const meta = new Map<string, string>([[WATCHLIST_VERSION_KEY, 'v1']]);
  let reads = 0;
  return {
    list,
    meta,
    reads: () => reads,
    async listCustomers() {
      reads++;
      return this.list;
    },
    async getCustomer(id: string) {
      return this.list.find((c) => c.id === id);
    },
    async upsertCustomers() {},
    async getMeta(key: string) {
      return meta.get(key);
    },
    async setMeta(key: string, value: string) {
      meta.set(key, value);
    },
  };
}

describe('cached watchlist search for checks', () => {
  it('ranks exactly like findCustomers on names, aliases, register ids, folding and junk', async () => {
    const index = createCustomerIndex(memoryRepo(customers));
    const queries = ['Alpenblick Metallbau', 'alpenblick', 'CHE-401.118.534', 'che401118534', 'CH-1001', 'Glacier Horlogerie Sarl', 'Calandra Logistics', 'GmbH', 'Ltd', 'a', '', '  ', 'Nobody', 'Druckerei', 'ö', 'Pennine Castings plc'];
    for (const q of queries) expect((await index.find(q)).map((c) => c.id), q).toEqual(findCustomers(customers, q).map((c) => c.id));
  });

  it('reads the watchlist once and again only when its version moves', async () => {
    const repo = memoryRepo(customers.slice(0, 3));
    const index = createCustomerIndex(repo);
    await index.find('Alpenblick');
    await index.find('Brunnmatt');
    expect(repo.reads()).toBe(1);
    expect(await index.find('Dorfbach')).toEqual([]);
    repo.list = customers;
    repo.meta.set(WATCHLIST_VERSION_KEY, 'v2');
    expect((await index.find('Dorfbach')).map((c) => c.id)).toEqual(['CH-1004']);
    expect(repo.reads()).toBe(2);
  });

  it('builds once per version however many searches arrive while it reads, and reads again after a failed read', async () => {
    const repo = memoryRepo(customers);
    const index = createCustomerIndex(repo);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => index.find(i % 2 === 0 ? 'Dorfbach' : 'Alpenblick')));
    expect(results[0]!.map((c) => c.id)).toEqual(['CH-1004']);
    expect(repo.reads()).toBe(1);
    // The store fails once while the new version is read: those searches fail, the next one reads again.
    repo.meta.set(WATCHLIST_VERSION_KEY, 'v3');
    const list = repo.listCustomers.bind(repo);
    let fail = true;
    repo.listCustomers = async () => {
      if (fail) {
        fail = false;
        throw new Error('database is locked');
      }
      return list();
    };
    const failed = await Promise.allSettled(Array.from({ length: 10 }, () => index.find('Dorfbach')));
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    expect((await index.find('Dorfbach')).map((c) => c.id)).toEqual(['CH-1004']);
    expect(repo.reads()).toBe(2);
  });
});
