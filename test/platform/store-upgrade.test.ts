import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/sqlite/open-database.js';
import { planLegacyUpgrade } from '../../platform/store/legacy-meta.js';
import { STORE_MIGRATIONS } from '../../platform/store/sqlite/migrations.js';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const added = [
  { id: 'api-1', email: 'a@example.org', scope: { customers: ['c1'] } },
  { id: 'api-2', email: 'b@example.org', frequency: 'instant' },
];
/** What an installation of the previous version kept in meta. */
const LEGACY_META: Array<[string, string]> = [
  ['alerts.subscriptions', JSON.stringify(added)],
  ['alerts.unsubscribed.cfg-anna', '2026-11-20T10:00:00.000Z'],
  ['alerts.unsubscribed.api-1', ''], // turned back on
  ['alerts:digest-cursor:cfg-bernd', JSON.stringify({ signals: 40, assessments: 9 })],
  ['alerts:digest-quiet:digest:cfg-bernd:2026-11-21', '2026-11-21T07:00:00.000Z'],
  ['alerts:instant-cursor:api-2', JSON.stringify({ signals: 55, assessments: 12 })],
  ['alerts:instant-event:api-2:c1:insolvency', '2026-11-21T08:00:00.000Z'],
  ['alerts:instant-rate:b@example.org', JSON.stringify(['2026-11-21T08:00:00.000Z', '2026-11-21T08:30:00.000Z'])],
  ['alerts:retry-at:digest:cfg-carl:2026-11-21', '2026-11-21T09:15:00.000Z'],
  ['alerts:health-state:shab', JSON.stringify({ state: 'failing', streak: 'never' })],
  ['watchlist.version', 'v7'],
  ['alerts.unsubscribe-secret', 'secret'],
];

describe('upgrading a store in place (migrations 5 and 6)', () => {
  it('moves subscriptions, cursors, marks, rate windows and retry times from meta into their tables, and keeps the singletons', async () => {
    const dir = path.join(tmp.dir, 'upgrade');
    const old = openDatabase(path.join(dir, 'bonitor.db'), STORE_MIGRATIONS.filter((m) => m.version <= 4));
    const meta = old.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (const [k, v] of LEGACY_META) meta.run(k, v);
    const outbox = old.prepare(
      `INSERT INTO outbox (key, subscription_id, recipient, kind, period, subject, message, item_count, cursor, status, attempts, created_at)
       VALUES (?, ?, ?, 'digest', ?, 's', '', 1, ?, ?, ?, '2026-11-20T07:00:00.000Z')`,
    );
    outbox.run('digest:cfg-bernd:2026-11-20', 'cfg-bernd', 'b@example.org', '2026-11-20', JSON.stringify({ signals: 30, assessments: 11 }), 'sent', 1);
    outbox.run('digest:cfg-carl:2026-11-21', 'cfg-carl', 'c@example.org', '2026-11-21', JSON.stringify({ signals: 25, assessments: 3 }), 'pending', 1);
    old.prepare(`INSERT INTO outbox_messages (key, message) VALUES ('digest:cfg-bernd:2026-11-20', 'm'), ('digest:cfg-carl:2026-11-21', 'm')`).run();
    old.close();

    const store = openSqliteStore(dir);
    try {
      const subs = new Map((await store.subscriptions.listStoredSubscriptions()).map((r) => [r.id, r]));
      expect([...subs.keys()].sort()).toEqual(['api-1', 'api-2', 'cfg-anna']);
      expect(subs.get('api-1')?.subscription).toMatchObject({ email: 'a@example.org', scope: { customers: ['c1'] } });
      expect(subs.get('api-1')?.unsubscribedAt).toBeUndefined();
      expect(subs.get('cfg-anna')).toEqual({ id: 'cfg-anna', unsubscribedAt: '2026-11-20T10:00:00.000Z' });

      const digests = await store.digestStates.digestStates(['cfg-bernd', 'cfg-carl']);
      expect(digests.get('cfg-bernd')).toMatchObject({ cursor: { signals: 40, assessments: 11 }, lastPeriod: '2026-11-21' });
      expect(digests.get('cfg-carl')).toMatchObject({ cursor: { signals: 25, assessments: 3 }, lastPeriod: '2026-11-21' });

      expect(await store.instantLog.instantCursors(['api-2'])).toEqual(new Map([['api-2', { signals: 55, assessments: 12 }]]));
      expect(await store.instantLog.lastAlerted('api-2', ['c1:insolvency'])).toEqual(new Map([['c1:insolvency', '2026-11-21T08:00:00.000Z']]));
      expect(await store.instantLog.instantMailsSince('b@example.org', new Date('2026-11-21T00:00:00Z'))).toHaveLength(2);
      expect((await store.outbox.get('digest:cfg-carl:2026-11-21'))?.retryAt).toBe('2026-11-21T09:15:00.000Z');

      const left = (store.db.prepare('SELECT key FROM meta ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
      expect(left).toEqual(['alerts.unsubscribe-secret', 'watchlist.version']);
      expect(await store.getMeta('watchlist.version')).toBe('v7');
    } finally {
      await store.close();
    }
  });

  it('skips what it cannot read instead of failing the upgrade', () => {
    const plan = planLegacyUpgrade(
      [
        ['alerts.subscriptions', '{not json'],
        ['alerts:digest-cursor:x', 'null'],
        ['alerts:instant-rate:r@example.org', '"nope"'],
      ].map(([key, value]) => ({ key: key!, value: value! })),
      [{ subscriptionId: 'y', period: '2026-11-01', cursor: 'broken' }],
      new Date('2026-11-22T00:00:00Z'),
    );
    expect(plan.subscriptions).toEqual([]);
    expect(plan.digestStates).toEqual([]);
    expect(plan.instantMails).toEqual([]);
    expect(plan.deleteKeys).toHaveLength(3);
  });
});
