import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import type { Store } from '../../platform/store/port.js';
import type { StoreHarness } from './store-samples.js';

/** What alerting keeps in the store — the outbox, subscriptions, digest states, the instant log — on a store of its own. */
export function runAlertsContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, alerts: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness.create();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps one outbox entry per key, leases it to one sender, and tracks cursors', async () => {
      const at = new Date('2026-11-02T07:00:00Z');
      const entry = {
        key: 'digest:sub1:daily:2026-11-02', subscriptionId: 'sub1', recipient: 'a@example.org', kind: 'digest' as const,
        period: 'daily:2026-11-02', subject: 'Digest', message: 'raw', itemCount: 2, cursor: { signals: 7 },
      };
      expect(await store.outbox.enqueue(entry, at)).toBe(true);
      expect(await store.outbox.enqueue({ ...entry, message: 'other' }, at)).toBe(false);
      expect((await store.outbox.get(entry.key))?.message).toBe('raw');
      expect(await store.outbox.claim(entry.key, 'w1', at, 60_000)).toBe(true);
      expect(await store.outbox.claim(entry.key, 'w2', at, 60_000)).toBe(false);
      expect(await store.outbox.claim(entry.key, 'w2', new Date(at.getTime() + 61_000), 60_000)).toBe(true);
      await store.outbox.markFailed(entry.key, 'connection refused', at, false, new Date(at.getTime() + 30_000));
      expect((await store.outbox.pending(10)).map((e) => [e.key, e.retryAt, e.lastError])).toEqual([[entry.key, '2026-11-02T07:00:30.000Z', 'connection refused']]);
      await store.outbox.markSent(entry.key, at);
      expect(await store.outbox.pending(10)).toEqual([]);
      const sent = await store.outbox.get(entry.key);
      expect(sent?.status).toBe('sent');
      expect(sent?.attempts).toBe(2);
      expect(sent?.cursor).toEqual({ signals: 7 });
    });

    it('records an attempt before sending: "sending" entries are pending again only once their attempt is older than the cut-off', async () => {
      const at = new Date('2026-11-04T07:00:00Z');
      const entry = (n: number) => ({
        key: `digest:sending${n}:daily:2026-11-04`, subscriptionId: `sending${n}`, recipient: 'a@example.org', kind: 'digest' as const,
        period: 'daily:2026-11-04', subject: 'Digest', message: `raw ${n}`, itemCount: 1, cursor: { signals: n },
      });
      await store.outbox.enqueueMany([entry(1), entry(2)], at);
      expect(await store.outbox.claimMany([entry(1).key, entry(2).key], 'w1', at, 60_000)).toHaveLength(2);
      await store.outbox.markSendingMany([entry(1).key, entry(2).key], at);
      expect(await store.outbox.get(entry(1).key)).toMatchObject({ status: 'sending', attempts: 1, attemptStartedAt: '2026-11-04T07:00:00.000Z' });
      const mine = (list: Array<{ key: string }>) => list.map((e) => e.key).filter((k) => k.startsWith('digest:sending'));
      expect(mine(await store.outbox.pending(100))).toEqual([]);
      expect(mine(await store.outbox.pending(100, { unconfirmedBefore: at }))).toEqual([]);
      // The sender died; after the cut-off another one may claim both again (the lease ran out too).
      const later = new Date(at.getTime() + 600_000);
      expect(mine(await store.outbox.pending(100, { unconfirmedBefore: new Date(later.getTime() - 60_000) }))).toEqual([entry(1).key, entry(2).key]);
      expect((await store.outbox.claimMany([entry(1).key, entry(2).key], 'w2', later, 60_000)).sort()).toEqual([entry(1).key, entry(2).key]);
      await store.outbox.markSendingMany([entry(1).key], later);
      await store.outbox.markSentMany([entry(1).key], later);
      expect(await store.outbox.get(entry(1).key)).toMatchObject({ status: 'sent', attempts: 2 });
      expect((await store.outbox.get(entry(1).key))?.attemptStartedAt).toBeUndefined();
      // An answer with an error puts it back to pending without counting the attempt twice.
      await store.outbox.markSendingMany([entry(2).key], later);
      await store.outbox.markFailed(entry(2).key, '451 try again', later, false, new Date(later.getTime() + 30_000));
      expect(await store.outbox.get(entry(2).key)).toMatchObject({ status: 'pending', attempts: 2, lastError: '451 try again' });
      // sent and failed entries are never marked sending again.
      await store.outbox.markSendingMany([entry(1).key], later);
      expect((await store.outbox.get(entry(1).key))?.status).toBe('sent');
    });

    it('enqueues, claims and marks sent in batches with the per-key semantics', async () => {
      const at = new Date('2026-11-03T07:00:00Z');
      const entry = (n: number) => ({
        key: `digest:bsub${n}:daily:2026-11-03`, subscriptionId: `bsub${n}`, recipient: `b${n}@example.org`, kind: 'digest' as const,
        period: 'daily:2026-11-03', subject: `Digest ${n}`, message: `raw ${n}`, itemCount: n, cursor: { signals: 10 + n },
      });
      expect(await store.outbox.enqueueMany([], at)).toEqual([]);
      expect(await store.outbox.enqueueMany([entry(1), entry(2)], at)).toEqual([true, true]);
      // A key that exists keeps its first message; the new one next to it is inserted.
      expect(await store.outbox.enqueueMany([{ ...entry(2), message: 'other' }, entry(3)], at)).toEqual([false, true]);
      expect((await store.outbox.get(entry(2).key))?.message).toBe('raw 2');
      expect(await store.outbox.existingKeys([entry(1).key, entry(3).key, 'digest:nobody:daily:2026-11-03'])).toEqual(
        new Set([entry(1).key, entry(3).key]),
      );
      expect(await store.outbox.existingKeys([])).toEqual(new Set());

      expect(await store.outbox.claim(entry(2).key, 'w2', at, 60_000)).toBe(true);
      expect((await store.outbox.claimMany([entry(1).key, entry(2).key, entry(3).key], 'w1', at, 60_000)).sort()).toEqual([entry(1).key, entry(3).key]);
      expect(await store.outbox.claimMany([entry(1).key], 'w2', at, 60_000)).toEqual([]);
      expect(await store.outbox.claimMany([], 'w1', at, 60_000)).toEqual([]);

      await store.outbox.markSentMany([entry(1).key, entry(3).key], at);
      await store.outbox.markSentMany([], at);
      for (const n of [1, 3]) {
        const sent = await store.outbox.get(entry(n).key);
        expect(sent?.status).toBe('sent');
        expect(sent?.attempts).toBe(1);
      }
      expect((await store.outbox.get(entry(2).key))?.status).toBe('pending');
      // Sent entries cannot be claimed again; the lease of w2 still holds its entry.
      expect(await store.outbox.claimMany([entry(1).key, entry(2).key], 'w1', at, 60_000)).toEqual([]);
      expect((await store.outbox.get(entry(3).key))?.cursor).toEqual({ signals: 13 });
    });

    it('keeps added subscriptions one row each: concurrent adds lose none; unsubscribe marks apply to configured ones too', async () => {
      const at = new Date('2026-11-02T08:00:00Z');
      const sub = (id: string, email = `${id}@example.org`) => subscriptionSchema.parse({ id, email, scope: { customers: ['c1'] } });
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.subscriptions.putSubscription(sub(`s${String(i).padStart(2, '0')}`), at)));
      expect((await store.subscriptions.listStoredSubscriptions()).map((r) => r.id)).toHaveLength(20);
      await store.subscriptions.putSubscription(sub('s00', 'new@example.org'), at);
      await store.subscriptions.markUnsubscribed('s01', at);
      await store.subscriptions.markUnsubscribed('from-config', at);
      expect(await store.subscriptions.deleteSubscription('s02')).toBe(true);
      expect(await store.subscriptions.deleteSubscription('s02')).toBe(false);
      expect(await store.subscriptions.deleteSubscription('from-config')).toBe(false);
      const rows = new Map((await store.subscriptions.listStoredSubscriptions()).map((r) => [r.id, r]));
      expect(rows.size).toBe(20); // 19 added + the configured one's mark
      expect(rows.get('s00')?.subscription?.email).toBe('new@example.org');
      expect(rows.get('s01')).toMatchObject({ unsubscribedAt: '2026-11-02T08:00:00.000Z', subscription: { id: 's01' } });
      expect(rows.get('from-config')).toEqual({ id: 'from-config', unsubscribedAt: '2026-11-02T08:00:00.000Z' });
      // Re-adding turns a subscription back on.
      await store.subscriptions.putSubscription(sub('s01'), at);
      expect((await store.subscriptions.listStoredSubscriptions()).find((r) => r.id === 's01')?.unsubscribedAt).toBeUndefined();
    });

    it('keeps one digest state per subscription whose cursor only moves back by an explicit rewind', async () => {
      const at = '2026-11-02T09:00:00.000Z';
      const state = (id: string, signals: number, lastPeriod: string, quietSlots = 0) => ({
        subscriptionId: id, cursor: { signals, assessments: 2 }, lastPeriod, quietSlots, updatedAt: at,
      });
      expect(await store.digestStates.digestStates([])).toEqual(new Map());
      await store.digestStates.saveDigestStates([state('d1', 10, '2026-11-01'), state('d2', 4, '2026-11-01', 1)]);
      await store.digestStates.saveDigestStates([state('d1', 8, '2026-11-02')]); // a stale writer cannot move it back
      const got = await store.digestStates.digestStates(['d1', 'd2', 'none']);
      expect(got.get('d1')).toEqual(state('d1', 10, '2026-11-02'));
      expect(got.get('d2')).toEqual(state('d2', 4, '2026-11-01', 1));
      expect(got.has('none')).toBe(false);
      await store.digestStates.rewindDigestCursor('d1', { signals: 6, assessments: 5 }, new Date(at));
      expect((await store.digestStates.digestStates(['d1'])).get('d1')?.cursor).toEqual({ signals: 6, assessments: 2 });
    });

    it('logs instant alerts: cursors, event marks and each recipient\'s rate window', async () => {
      const t0 = new Date('2026-11-02T10:00:00Z');
      await store.instantLog.saveInstantCursor('i1', { signals: 5, assessments: 1 }, t0);
      await store.instantLog.saveInstantCursor('i1', { signals: 7, assessments: 1 }, t0);
      expect(await store.instantLog.instantCursors(['i1', 'i2'])).toEqual(new Map([['i1', { signals: 7, assessments: 1 }]]));
      await store.instantLog.recordInstantMail('i1', 'Anna@Example.org', ['c1:insolvency', 'c1:grade-E'], t0);
      await store.instantLog.recordInstantMail('i2', 'anna@example.org', ['c1:insolvency'], new Date(t0.getTime() + 60_000));
      expect(await store.instantLog.lastAlerted('i1', ['c1:insolvency', 'c2:liquidation'])).toEqual(new Map([['c1:insolvency', t0.toISOString()]]));
      expect(await store.instantLog.lastAlerted('i2', [])).toEqual(new Map());
      expect(await store.instantLog.instantMailsSince('ANNA@example.org', new Date(t0.getTime() - 1))).toHaveLength(2);
      expect(await store.instantLog.instantMailsSince('anna@example.org', new Date(t0.getTime() + 1))).toEqual(['2026-11-02T10:01:00.000Z']);
    });
  });
}
