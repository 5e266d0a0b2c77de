import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueCustomers } from '../../collectors/registers/lookup/refresh-facts.js';
import { scoreCustomer } from '../../analysis/scoring/score-customer.js';
import { openApp, type App } from '../../app/compose.js';
import { startRegisterRefresh } from '../../app/register-refresh.js';
import { registerServices } from '../../app/registers.js';
import { importWatchlist } from '../../app/watchlist.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { tempDir } from '../helpers.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';

const AUTH = `Basic ${Buffer.from('test-key:').toString('base64')}`;
const WATCHLIST = `customer_id,name,aliases,register_ids,country,industry,tags
kcw,Kentish Candle Works Limited,,09990001,UK,47,uk
candour,Candour Group Limited,,08957400,UK,68,uk
`;

describe('register facts per customer, refreshed from the watchlist', () => {
  const tmp = tempDir('bonitor-refresh-');
  let server: Awaited<ReturnType<typeof startRegisterServer>>;
  let app: App;
  beforeAll(async () => {
    server = await startRegisterServer({
      '/company/09990001': { body: fx('uk_ch_company-profile_derived_dissolved-cvl.json'), auth: AUTH },
      '/company/09990001/filing-history?items_per_page=100': { body: fx('uk_ch_filing-history_derived_cvl.json'), auth: AUTH },
      '/company/09990001/insolvency': { body: fx('uk_ch_insolvency_derived_cvl.json'), auth: AUTH },
      '/company/08957400': { body: fx('uk_ch_company-profile_08957400_candour.json'), auth: AUTH },
    });
    const file = path.join(tmp.dir, 'bonitor.yaml');
    writeFileSync(file, `demo: false\nregisters:\n  companiesHouse: { url: "${server.url}", apiKey: test-key, allowPrivate: true, limits: { minIntervalMs: 0, retries: 0 } }\n`);
    const { config } = loadConfig({ configPath: file, env: { BONITOR_DATA_DIR: path.join(tmp.dir, 'data') }, cwd: tmp.dir });
    app = await openApp(config, silentLogger);
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    tmp.cleanup();
  });

  it('a watchlist import makes every customer due; one round stores the entries, publishes the notices and scores from them', async () => {
    await importWatchlist(app, WATCHLIST);
    const due = dueCustomers(await app.store.listCustomers(), await app.store.registers.refreshes(), app.clock.now(), 86_400_000, 50);
    expect(due.map((c) => c.id).sort()).toEqual(['candour', 'kcw']);

    const refresh = startRegisterRefresh(app, registerServices(app), { tickMs: 3_600_000 });
    expect(await refresh.runOnce()).toBe(2);
    await refresh.stop();

    const kcw = await app.store.registers.entriesFor('kcw');
    expect(kcw).toHaveLength(1);
    expect(kcw[0]).toMatchObject({ register: 'companies-house', status: 'dissolved', registerId: '09990001' });
    const report = (await app.store.registers.refreshes()).find((r) => r.customerId === 'kcw')!;
    expect(report.sources.find((s) => s.register === 'companies-house')!.outcome).toBe('found');

    // The notices went out as register documents carrying the company number (the analyzer links them exactly).
    const published = await app.bus.lag('probe', TOPICS.documents);
    expect(published).toBeGreaterThanOrEqual(5);

    const deps = { customers: app.store, ledger: app.store, signals: app.store, registers: app.store.registers, policy: app.config.policy };
    const dissolved = (await scoreCustomer(deps, 'kcw', app.clock.now()))!;
    expect(dissolved.grade).toBe('E');
    expect(dissolved.terms.kind).toBe('decline');
    expect(dissolved.factors.find((f) => f.name === 'override_register_dissolved')?.evidence).toEqual(['https://find-and-update.company-information.service.gov.uk/company/09990001']);
    const active = (await scoreCustomer(deps, 'candour', app.clock.now()))!;
    expect(active.grade).not.toBe('E');

    // Nothing is due again until refreshHours have passed.
    expect(dueCustomers(await app.store.listCustomers(), await app.store.registers.refreshes(), app.clock.now(), 86_400_000, 50)).toEqual([]);
  });

  it('a register that fails keeps the entry it gave before: a timeout never erases a known dissolution', async () => {
    await server.close();
    const { refreshRegisterFacts } = await import('../../collectors/registers/lookup/refresh-facts.js');
    const kcw = (await app.store.getCustomer('kcw'))!;
    await refreshRegisterFacts(
      { lookup: registerServices({ ...app, config: { ...app.config, registers: { ...app.config.registers, cacheHours: 0 } } }).lookup, registers: app.store.registers, queue: app.store, publish: async () => undefined, now: () => app.clock.now(), log: silentLogger },
      [{ ...kcw, registerIds: ['09990001'] }],
    );
    const after = await app.store.registers.entriesFor('kcw');
    expect(after.map((e) => e.status)).toEqual(['dissolved']);
    const report = (await app.store.registers.refreshes()).find((r) => r.customerId === 'kcw')!;
    expect(report.sources.find((s) => s.register === 'companies-house')!.detail).toMatch(/^failed: network/);
  });
});
