import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseDb } from '../../platform/store/clickhouse/clickhouse-db.js';
import { ClickHouseStore } from '../../platform/store/clickhouse/clickhouse.store.js';
import { CLICKHOUSE_MIGRATIONS } from '../../platform/store/clickhouse/migrations.js';
import { sample } from '../contract/store.contract.js';

const url = process.env.BONITOR_CLICKHOUSE_URL?.trim();

describe.runIf(url)('ClickHouse store: migrations, replay and parameters (needs BONITOR_CLICKHOUSE_URL)', () => {
  const database = `bonitor_replay_${process.pid}_${Date.now().toString(36)}`;
  let db: ClickHouseDb;
  let store: ClickHouseStore;
  beforeAll(async () => {
    db = new ClickHouseDb(url!, database);
    // Applied in version order, whatever the order of the list.
    expect(await db.migrate()).toEqual(CLICKHOUSE_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    store = new ClickHouseStore(db);
  });
  afterAll(async () => {
    await db?.command(`DROP DATABASE IF EXISTS ${database}`);
    await store?.close();
  });

  it('applies each numbered migration once', async () => {
    expect(await db.migrate()).toEqual([]);
    const again = new ClickHouseDb(url!, database);
    expect(await again.migrate()).toEqual([]);
    await again.close();
  });

  it('replaying the same writes leaves one row each, before any merge', async () => {
    for (let i = 0; i < 3; i++) {
      await store.upsertCustomers([sample.customer('c1', 'Alpha AG')]);
      await store.upsertDocument(sample.document('d1'));
      await store.upsertLedgerRows([sample.ledger('c1', 'INV-1')]);
      await store.upsertSignal(sample.signal('s1', 'c1'));
      await store.saveAssessment(sample.assessment('c1', 'C', 50));
      await store.markSeen('src', ['a', 'b']);
    }
    expect(await store.listCustomers()).toHaveLength(1);
    expect(await store.countDocuments()).toBe(1);
    expect(await store.ledgerForCustomer('c1')).toHaveLength(1);
    expect(await store.signalsSince(0, 100)).toHaveLength(1);
    expect(await store.assessmentHistory('c1')).toHaveLength(1);
    expect(await store.filterUnseen('src', ['a', 'b', 'c'])).toEqual(['c']);
  });

  it('stores hostile text verbatim: values travel as parameters and insert data, never as SQL', async () => {
    const name = `O'Brien"; DROP TABLE ${database}.customers; -- {id:String} \\ \u00e9\u4e2d`;
    await store.upsertCustomers([sample.customer("x'1", name)]);
    expect((await store.getCustomer("x'1"))?.name).toBe(name);
    await store.setMeta('demo.seeded', name);
    expect(await store.getMeta('demo.seeded')).toBe(name);
    await store.subscriptions.markUnsubscribed("k'{v:String}", new Date('2026-11-02T00:00:00Z'));
    expect((await store.subscriptions.listStoredSubscriptions()).map((r) => r.id)).toContain("k'{v:String}");
    expect(await store.listCustomers()).toHaveLength(2);
  });

  it('reports the engine version it ran against', async () => {
    const v = await db.first<{ v: string }>('SELECT version() AS v');
    expect(Number(v!.v.split('.')[0])).toBeGreaterThanOrEqual(23); // query parameters and is_deleted need a current ClickHouse
  });
});
