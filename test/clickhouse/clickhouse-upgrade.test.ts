import { afterAll, describe, expect, it } from 'vitest';
import { ClickHouseDb } from '../../platform/store/clickhouse/clickhouse-db.js';
import { ClickHouseStore } from '../../platform/store/clickhouse/clickhouse.store.js';
import { CLICKHOUSE_MIGRATIONS } from '../../platform/store/clickhouse/migrations.js';

const url = process.env.BONITOR_CLICKHOUSE_URL?.trim();

describe.runIf(url)('ClickHouse store: an installation upgraded in place keeps its alert state (needs BONITOR_CLICKHOUSE_URL)', () => {
  const database = `bonitor_upgrade_${process.pid}_${Date.now().toString(36)}`;
  let db: ClickHouseDb | undefined;
  afterAll(async () => {
    await db?.command(`DROP DATABASE IF EXISTS ${database}`);
    await db?.close();
  });

  it('migration 6 moves subscriptions, cursors, marks, rate windows and retry times out of meta', async () => {
    db = new ClickHouseDb(url!, database);
    await db.migrate(CLICKHOUSE_MIGRATIONS.filter((m) => m.version <= 4));
    const version = db.nextVersion();
    const meta: Array<[string, string]> = [
      ['alerts.subscriptions', JSON.stringify([{ id: 'api-1', email: 'a@example.org', scope: { customers: ['c1'] } }])],
      ['alerts.unsubscribed.cfg-anna', '2026-11-20T10:00:00.000Z'],
      ['alerts:digest-cursor:cfg-bernd', JSON.stringify({ signals: 40, assessments: 9 })],
      ['alerts:instant-cursor:api-1', JSON.stringify({ signals: 55, assessments: 12 })],
      ['alerts:instant-event:api-1:c1:insolvency', '2026-11-21T08:00:00.000Z'],
      ['alerts:instant-rate:a@example.org', JSON.stringify(['2026-11-21T08:00:00.000Z'])],
      ['alerts:retry-at:digest:cfg-bernd:2026-11-21', '2026-11-21T09:15:00.000Z'],
      ['watchlist.version', 'v7'],
    ];
    await db.insert('meta', meta.map(([key, value]) => ({ key, value, version })));
    await db.insert('outbox', [
      {
        key: 'digest:cfg-bernd:2026-11-21', subscription_id: 'cfg-bernd', recipient: 'b@example.org', kind: 'digest', period: '2026-11-21',
        subject: 's', message: 'm', item_count: 1, cursor: JSON.stringify({ signals: 30, assessments: 11 }), status: 'pending', attempts: 1,
        last_error: 'down', lease_owner: '', lease_until: 0, created_at: '2026-11-21T07:00:00.000Z', sent_at: '', version,
      },
    ]);
    expect(await db.migrate()).toEqual(CLICKHOUSE_MIGRATIONS.filter((m) => m.version > 4).map((m) => m.version).sort((a, b) => a - b));
    const store = new ClickHouseStore(db);
    const subs = new Map((await store.subscriptions.listStoredSubscriptions()).map((r) => [r.id, r]));
    expect(subs.get('api-1')?.subscription?.email).toBe('a@example.org');
    expect(subs.get('cfg-anna')).toEqual({ id: 'cfg-anna', unsubscribedAt: '2026-11-20T10:00:00.000Z' });
    expect((await store.digestStates.digestStates(['cfg-bernd'])).get('cfg-bernd')).toMatchObject({ cursor: { signals: 40, assessments: 11 }, lastPeriod: '2026-11-21' });
    expect(await store.instantLog.instantCursors(['api-1'])).toEqual(new Map([['api-1', { signals: 55, assessments: 12 }]]));
    expect(await store.instantLog.lastAlerted('api-1', ['c1:insolvency'])).toEqual(new Map([['c1:insolvency', '2026-11-21T08:00:00.000Z']]));
    expect(await store.instantLog.instantMailsSince('a@example.org', new Date('2026-11-21T00:00:00Z'))).toEqual(['2026-11-21T08:00:00.000Z']);
    expect((await store.outbox.get('digest:cfg-bernd:2026-11-21'))?.retryAt).toBe('2026-11-21T09:15:00.000Z');
    const left = await db.rows<{ key: string }>(`SELECT key FROM ${db.table('meta')} FINAL ORDER BY key`);
    expect(left.map((r) => r.key)).toEqual(['watchlist.version']);
  });
});
