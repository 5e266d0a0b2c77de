import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWatchlistCsv } from '../../analysis/linking/index.js';
import { DEMO_DIR } from '../../app/demo/demo.js';
import { indexCustomers } from '../../app/customer-search.js';

const customers = parseWatchlistCsv(readFileSync(`${DEMO_DIR}/watchlist.csv`, 'utf8')).customers;
const index = indexCustomers(customers);

describe('typo-tolerant customer search', () => {
  it('opens the one customer a name means, also with typos and without the legal form', () => {
    for (const q of ['Alpenblick Metallbau AG', 'alpenblick', 'Alpenblik', 'Alpenblick Metalbau', 'CHE-401.118.534', 'CH-1001']) {
      expect(index.search(q).decided?.id, q).toBe('CH-1001');
    }
    expect(index.search('Calandra Logistk').decided?.id).toBe('CH-1003');
    expect(index.search('Calandra Logistics').decided?.id).toBe('CH-1003'); // the alias
  });

  it('lists candidates for a generic query and never decides on one', () => {
    const ag = index.search('AG');
    expect(ag.decided).toBeUndefined();
    expect(ag.generic).toBe(true);
    expect(ag.customers.length).toBeGreaterThan(3);
    expect(ag.customers.every((c) => /\bAG\b/.test(c.name))).toBe(true);
    expect(index.search('GmbH').decided).toBeUndefined();
    expect(index.search('Holding AG').decided).toBeUndefined();
  });

  it('finds nothing for a name that is not there, rather than a distant guess', () => {
    expect(index.search('Nonexistent Widgets').customers).toEqual([]);
    expect(index.search('Alp').customers.map((c) => c.id)).toEqual(['CH-1001']); // a prefix
  });

  it('decides on the exact full name when two customers share the distinctive part of it', () => {
    const ag = customers.find((c) => c.id === 'CH-1001')!; // its alias "Alpenblick Metallbau" is left out here
    const twins = indexCustomers([
      ...customers.filter((c) => c !== ag),
      { ...ag, aliases: [] },
      { ...ag, id: 'DE-9001', name: 'Alpenblick Metallbau GmbH', country: 'DE', aliases: [], registerIds: [] },
    ]);
    expect(twins.search('Alpenblick Metallbau AG').decided?.id).toBe('CH-1001');
    expect(twins.search('Alpenblick Metallbau GmbH').decided?.id).toBe('DE-9001');
    const both = twins.search('Alpenblick Metallbau');
    expect(both.decided).toBeUndefined();
    expect(both.customers.map((c) => c.id).sort()).toEqual(['CH-1001', 'DE-9001']);
  });
});
