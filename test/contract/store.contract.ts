import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Customer, Document, LedgerRow, Signal } from '../../platform/schemas/index.js';
import type { PortfolioQuery, Store } from '../../platform/store/port.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';

/** The Store contract: SQLite and ClickHouse adapters must both pass it. */
export interface StoreHarness {
  create(): Promise<Store>;
}

export const sample = {
  customer: (id: string, name = `Customer ${id}`): Customer => ({
    id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: 'C', tags: [],
  }),
  document: (id: string): Document => ({
    id, sourceId: 'src', kind: 'news', url: `https://example.org/${id}`, title: `Title ${id}`, text: 'Text',
    fetchedAt: '2026-11-01T10:00:00.000Z', publishedAt: '2026-11-01T09:00:00.000Z',
  }),
  ledger: (customerId: string, invoiceId: string, overrides: Partial<LedgerRow> = {}): LedgerRow => ({
    customerId, invoiceId, issueDate: '2026-09-01', dueDate: '2026-10-01', amount: 1000, currency: 'CHF',
    paidAmount: 0, dunningLevel: 0, collection: false, ...overrides,
  }),
  signal: (id: string, customerId: string): Signal => ({
    id, type: 'insolvency', severity: 'critical', confidence: 0.9, polarity: -1, customerId, ambiguous: false,
    evidence: 'Über die Gesellschaft wurde der Konkurs eröffnet.', documentIds: ['d1'], sourceId: 'src',
    title: 'Konkurs', url: 'https://example.org/d1', occurredAt: '2026-11-01T09:00:00.000Z', detectedAt: '2026-11-01T10:00:00.000Z',
  }),
  assessment: (customerId: string, grade: Assessment['grade'], score: number, asOf = '2026-11-02T00:00:00.000Z'): Assessment => ({
    customerId, name: `Customer ${customerId}`, asOf, score, pd: score / 200, grade,
    terms: { kind: 'open_account', netDays: 30, advancePercent: null, creditLimit: 10000, currency: 'CHF' },
    factors: [{ name: 'payment_behaviour', contribution: 5, evidence: ['INV-1'] }], signals: [], modelVersion: 'test',
  }),
};

export function runStoreContract(name: string, harness: StoreHarness): void {
  runPortfolioContract(name, harness);
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness.create();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('upserts customers by id', async () => {
      await store.upsertCustomers([sample.customer('c1', 'Alpha AG'), sample.customer('c2', 'Beta GmbH')]);
      await store.upsertCustomers([sample.customer('c1', 'Alpha Holding AG')]);
      const all = await store.listCustomers();
      expect(all.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
      expect((await store.getCustomer('c1'))?.name).toBe('Alpha Holding AG');
      expect(await store.getCustomer('nope')).toBeUndefined();
    });

    it('stores a document once and reports whether it was new', async () => {
      expect(await store.upsertDocument(sample.document('d1'))).toBe(true);
      expect(await store.upsertDocument(sample.document('d1'))).toBe(false);
      expect((await store.getDocument('d1'))?.title).toBe('Title d1');
      expect(await store.countDocuments()).toBe(1);
      expect(await store.documentsMentioning('nothing like this', 5)).toEqual([]);
    });

    it('stores a batch of documents in one write, saying for each whether it was new', async () => {
      expect(await store.upsertDocuments([])).toEqual([]);
      const changed = { ...sample.document('d1'), title: 'Title d1, corrected' };
      expect(await store.upsertDocuments([sample.document('b1'), changed, sample.document('b2'), sample.document('b1')])).toEqual([true, false, true, false]);
      expect((await store.getDocument('d1'))?.title).toBe('Title d1, corrected');
      expect((await store.getDocument('b2'))?.title).toBe('Title b2');
      expect(await store.countDocuments()).toBe(3);
      expect(await store.upsertDocuments([sample.document('b1'), sample.document('b2')])).toEqual([false, false]);
      await store.upsertDocument(sample.document('d1'));
    });

    it('finds documents that mention a word, newest first, with LIKE wildcards taken literally', async () => {
      await store.upsertDocument({ ...sample.document('m1'), title: 'Konkurs der Muster_Bau AG', fetchedAt: '2026-11-02T10:00:00.000Z' });
      await store.upsertDocument({ ...sample.document('m2'), text: 'Die muster_bau ag meldet Kurzarbeit', fetchedAt: '2026-11-03T10:00:00.000Z' });
      expect((await store.documentsMentioning('Muster_Bau', 10)).map((d) => d.id)).toEqual(['m2', 'm1']);
      expect(await store.documentsMentioning('Muster%Bau', 10)).toEqual([]);
      expect((await store.documentsMentioning('muster_bau', 1)).map((d) => d.id)).toEqual(['m2']);
    });

    it('remembers seen items per source', async () => {
      expect(await store.filterUnseen('s1', ['a', 'b'])).toEqual(['a', 'b']);
      await store.markSeen('s1', ['a']);
      await store.markSeen('s1', ['a']);
      expect(await store.filterUnseen('s1', ['a', 'b'])).toEqual(['b']);
      expect(await store.filterUnseen('s2', ['a'])).toEqual(['a']);
    });

    it('upserts ledger rows by customer and invoice, returning only new or changed rows', async () => {
      const rows = [sample.ledger('c1', 'INV-1'), sample.ledger('c1', 'INV-2')];
      expect(await store.upsertLedgerRows(rows)).toHaveLength(2);
      expect(await store.upsertLedgerRows(rows)).toHaveLength(0);
      const paid = sample.ledger('c1', 'INV-1', { paidDate: '2026-10-05', paidAmount: 1000 });
      expect(await store.upsertLedgerRows([paid, rows[1]!])).toEqual([paid]);
      const stored = await store.ledgerForCustomer('c1');
      expect(stored).toHaveLength(2);
      expect(stored.find((r) => r.invoiceId === 'INV-1')?.paidDate).toBe('2026-10-05');
      expect(await store.ledgerCustomerIds()).toEqual(['c1']);
      expect(await store.hasLedgerCustomer('c1')).toBe(true);
      expect(await store.hasLedgerCustomer('c2')).toBe(false);
    });

    it('stores a signal once and serves it by customer and by ingestion cursor', async () => {
      expect(await store.upsertSignal(sample.signal('s1', 'c1'))).toBe(true);
      expect(await store.upsertSignal(sample.signal('s1', 'c1'))).toBe(false);
      expect(await store.upsertSignal(sample.signal('s2', 'c2'))).toBe(true);
      expect((await store.signalsForCustomer('c1')).map((s) => s.id)).toEqual(['s1']);
      const all = await store.signalsSince(0, 10);
      expect(all.map((r) => r.signal.id)).toEqual(['s1', 's2']);
      const after = await store.signalsSince(all[0]!.seq, 10);
      expect(after.map((r) => r.signal.id)).toEqual(['s2']);
    });

    it("serves one customer's signals after a sequence number, with that customer's total", async () => {
      await store.upsertSignals([sample.signal('sa1', 'sa-c1'), sample.signal('sa2', 'sa-c2'), sample.signal('sa3', 'sa-c1')]);
      const first = await store.signalsForCustomerAfter('sa-c1', 0);
      expect(first.total).toBe(2);
      expect(first.rows.map((r) => r.signal.id)).toEqual(['sa1', 'sa3']);
      expect(first.rows[0]!.seq).toBeLessThan(first.rows[1]!.seq);
      await store.upsertSignals([sample.signal('sa4', 'sa-c1'), sample.signal('sa3', 'sa-c1')]);
      const next = await store.signalsForCustomerAfter('sa-c1', first.rows[1]!.seq);
      expect(next).toEqual({ total: 3, rows: [{ seq: expect.any(Number), signal: sample.signal('sa4', 'sa-c1') }] });
      expect(await store.signalsForCustomerAfter('sa-none', 0)).toEqual({ total: 0, rows: [] });
      // Removed signals show in the total: kept (3) + new (0) ≠ total (0) tells a reader to start over.
      await store.removeCustomers(['sa-c1']);
      expect(await store.signalsForCustomerAfter('sa-c1', next.rows[0]!.seq)).toEqual({ total: 0, rows: [] });
    });

    it('stores a batch of signals in one write, each once', async () => {
      const a = sample.signal('bs1', 'bs-c1');
      const b = { ...sample.signal('bs2', 'bs-c2'), customerId: undefined, industry: 'Z9' };
      expect(await store.upsertSignals([])).toEqual([]);
      expect(await store.upsertSignals([a, b, a])).toEqual([true, true, false]);
      expect(await store.upsertSignals([b])).toEqual([false]);
      expect((await store.signalsForIndustry('Z9')).map((x) => x.id)).toEqual(['bs2']);
      expect((await store.signalsForCustomer('bs-c1')).map((x) => x.id)).toEqual(['bs1']);
    });

    it('keeps assessment history only when grade, score or terms change', async () => {
      expect(await store.saveAssessment(sample.assessment('c1', 'B', 30))).toBe('new');
      expect(await store.saveAssessment(sample.assessment('c1', 'B', 30, '2026-11-03T00:00:00.000Z'))).toBe('unchanged');
      expect(await store.saveAssessment(sample.assessment('c1', 'D', 70))).toBe('new');
      expect((await store.assessmentHistory('c1')).map((a) => a.grade)).toEqual(['B', 'D']);
      expect((await store.latestAssessment('c1'))?.grade).toBe('D');
      expect((await store.latestAssessments()).map((a) => a.customerId)).toEqual(['c1']);
      const since = await store.assessmentsSince(0, 10);
      expect(since.map((r) => r.assessment.grade)).toEqual(['B', 'D']);
    });

    it('gives the latest assessment a version that every write of it changes, read without the assessment', async () => {
      expect(await store.latestAssessmentVersion('v1')).toBeUndefined();
      await store.saveAssessment(sample.assessment('v1', 'B', 30));
      const first = await store.latestAssessmentVersion('v1');
      expect(first).toEqual(expect.any(String));
      expect(await store.latestAssessmentVersion('v1')).toBe(first);
      // Another customer's write leaves it alone.
      await store.saveAssessment(sample.assessment('v2', 'C', 50));
      expect(await store.latestAssessmentVersion('v1')).toBe(first);
      // The same assessment refreshed with a later asOf ('unchanged': no new history row) is a new version…
      expect(await store.saveAssessment(sample.assessment('v1', 'B', 30, '2026-11-03T00:00:00.000Z'))).toBe('unchanged');
      const refreshed = await store.latestAssessmentVersion('v1');
      expect(refreshed).not.toBe(first);
      // …and so is it written again unchanged as of the same moment (a frozen clock), and a new one.
      await store.saveAssessment(sample.assessment('v1', 'B', 30, '2026-11-03T00:00:00.000Z'));
      const again = await store.latestAssessmentVersion('v1');
      expect(again).not.toBe(refreshed);
      await store.saveAssessment(sample.assessment('v1', 'D', 70));
      const changed = await store.latestAssessmentVersion('v1');
      expect(new Set([first, refreshed, again, changed]).size).toBe(4);
      // The same token as one of the customer's versions, read in one statement with the others.
      expect((await store.customerVersions('v1')).assessment).toBe(changed);
      expect((await store.customerVersions('v2')).assessment).toBe(await store.latestAssessmentVersion('v2'));
      // Removed and scored again from scratch: never the version it had before.
      await store.removeCustomers(['v1']);
      expect(await store.latestAssessmentVersion('v1')).toBeUndefined();
      await store.saveAssessment(sample.assessment('v1', 'B', 30));
      expect([first, refreshed, again, changed]).not.toContain(await store.latestAssessmentVersion('v1'));
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

    it('queues customers for re-scoring until cleared, keeping marks made meanwhile', async () => {
      const t0 = new Date('2026-11-02T10:00:00Z');
      await store.markDirty(['c1', 'c2'], t0);
      await store.markDirty(['c1'], t0);
      expect((await store.dirtyCustomers(10)).sort()).toEqual(['c1', 'c2']);
      await store.markDirty(['c2'], new Date('2026-11-02T10:00:05Z'));
      await store.clearDirty(['c1', 'c2'], t0);
      expect(await store.dirtyCustomers(10)).toEqual(['c2']);
    });

    it('keeps one health record per source', async () => {
      const error = { kind: 'http_status' as const, message: 'HTTP 503', status: 503, retriable: true };
      await store.saveSourceHealth({ sourceId: 'feed-a', consecutiveFailures: 2, etag: '"x"', totalPublished: 3, lastError: error });
      await store.saveSourceHealth({ sourceId: 'feed-a', consecutiveFailures: 0, etag: '"y"', totalPublished: 4 });
      await store.saveSourceHealth({ sourceId: 'feed-b', consecutiveFailures: 5, totalPublished: 0, lastError: error });
      expect(await store.getSourceHealth('feed-a')).toEqual({ sourceId: 'feed-a', consecutiveFailures: 0, etag: '"y"', totalPublished: 4 });
      expect((await store.getSourceHealth('feed-b'))?.lastError).toEqual(error);
      expect((await store.listSourceHealth()).map((h) => h.sourceId)).toEqual(['feed-a', 'feed-b']);
      expect(await store.getSourceHealth('nope')).toBeUndefined();
    });

    it('keeps meta values', async () => {
      expect(await store.getMeta('demo.seeded')).toBeUndefined();
      await store.setMeta('demo.seeded', '2026-11-02');
      await store.setMeta('demo.seeded', '2026-11-03');
      expect(await store.getMeta('demo.seeded')).toBe('2026-11-03');
    });

    it("reads a customer's versions in one call: the watchlist's, with none for what is not there", async () => {
      expect(await store.customerVersions('nobody-v')).toEqual({ watchlist: (await store.getMeta('watchlist.version')) ?? undefined, assessment: undefined, registers: undefined });
      await store.setMeta('watchlist.version', 'w-1');
      expect((await store.customerVersions('nobody-v')).watchlist).toBe('w-1');
      await store.setMeta('watchlist.version', 'w-2');
      expect(await store.customerVersions('nobody-v')).toEqual({ watchlist: 'w-2', assessment: undefined, registers: undefined });
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

    it('caches register answers and keeps one register entry per customer and register, replaced on refresh', async () => {
      expect(await store.registers.getCached('companies-house:id:companyNumber:01')).toBeUndefined();
      await store.registers.putCached('companies-house:id:companyNumber:01', 'null', new Date('2026-11-01T00:00:00Z'));
      await store.registers.putCached('companies-house:id:companyNumber:01', '{"a":1}', new Date('2026-11-02T00:00:00Z'));
      expect(await store.registers.getCached('companies-house:id:companyNumber:01')).toEqual({ value: '{"a":1}', storedAt: '2026-11-02T00:00:00.000Z' });
      const entry = (register: 'zefix' | 'shab' | 'uid-register', status: 'active' | 'dissolved') => ({
        register, country: 'CH', registerId: 'CHE-114.723.217', name: 'Rysaffe Administrateurs Sàrl', status, industryCodes: [], insolvencyCases: [],
        officerChanges: [], addressChanges: [], notices: [], url: 'https://www.zefix.ch/x', fetchedAt: '2026-11-02T00:00:00.000Z', warnings: [],
      });
      const line = { register: 'zefix' as const, label: 'Zefix', outcome: 'found' as const, detail: 'found', at: '2026-11-02T00:00:00.000Z', cached: false };
      await store.registers.saveEntries('c1', [entry('zefix', 'active'), entry('uid-register', 'active')], [line], new Date('2026-11-02T00:00:00Z'));
      await store.registers.saveEntries('c1', [entry('zefix', 'dissolved')], [line], new Date('2026-11-03T00:00:00Z'));
      const stored = await store.registers.entriesFor('c1');
      expect(stored.map((e) => [e.register, e.status])).toEqual([['zefix', 'dissolved']]);
      expect(await store.registers.entriesFor('c2')).toEqual([]);
      const refreshes = await store.registers.refreshes();
      expect(refreshes).toEqual([{ customerId: 'c1', refreshedAt: '2026-11-03T00:00:00.000Z', sources: [line] }]);
      expect(await store.registers.refreshFor('c1')).toEqual(refreshes[0]);
      expect(await store.registers.refreshFor('c2')).toBeUndefined();
      // Every refresh is a new version, also one as of the same moment; another customer's leaves it alone.
      const version = (await store.customerVersions('c1')).registers;
      expect(version).toEqual(expect.any(String));
      expect((await store.customerVersions('c2')).registers).toBeUndefined();
      await store.registers.saveEntries('c2', [], [line], new Date('2026-11-03T00:00:00Z'));
      expect((await store.customerVersions('c1')).registers).toBe(version);
      await store.registers.saveEntries('c1', [entry('zefix', 'active')], [line], new Date('2026-11-03T00:00:00Z'));
      const next = (await store.customerVersions('c1')).registers;
      expect(next).not.toBe(version);
      await store.registers.saveEntries('c1', [entry('zefix', 'dissolved')], [line], new Date('2026-11-04T00:00:00Z'));
      expect([version, next]).not.toContain((await store.customerVersions('c1')).registers);
    });

    it("reads several customers' versions at once, in the order asked, each as customerVersions reads it", async () => {
      const line = { register: 'zefix' as const, label: 'Zefix', outcome: 'found' as const, detail: 'found', at: '2026-11-02T00:00:00.000Z', cached: false };
      await store.setMeta('watchlist.version', 'w-batch');
      await store.saveAssessment(sample.assessment('b1', 'B', 30));
      await store.saveAssessment(sample.assessment('b2', 'C', 50));
      await store.registers.saveEntries('b2', [], [line], new Date('2026-11-02T00:00:00Z'));
      await store.registers.saveEntries('b3', [], [line], new Date('2026-11-02T00:00:00Z'));
      const ids = ['b3', 'nobody-b', 'b1', 'b2', 'b1'];
      const one = await Promise.all(ids.map((id) => store.customerVersions(id)));
      expect(await store.customersVersions(ids)).toEqual(one);
      expect(one.map((v) => [v.watchlist, v.assessment !== undefined, v.registers !== undefined])).toEqual([
        ['w-batch', false, true],
        ['w-batch', false, false],
        ['w-batch', true, false],
        ['w-batch', true, true],
        ['w-batch', true, false],
      ]);
      expect(await store.customersVersions([])).toEqual([]);
      // A change of one customer shows in the next read of the batch, the others' stay.
      await store.saveAssessment(sample.assessment('b1', 'D', 70));
      const after = await store.customersVersions(['b1', 'b2']);
      expect(after[0]!.assessment).not.toBe(one[2]!.assessment);
      expect(after[1]).toEqual(one[3]);
    });

    it('keeps one heartbeat per process, the latest beat winning, and lists those that beat since a time', async () => {
      const beat = (processId: string, beatAt: string, extra: Record<string, unknown> = {}) => ({
        processId, host: 'h1', pid: 42, roles: ['analyzer'], startedAt: '2026-11-02T09:00:00.000Z', beatAt, loops: [
          { name: 'analyzer.consumer', stage: 'analyzer', state: 'running' as const, consecutiveFailures: 0, restarts: 1, handled: 17, lastProgressAt: beatAt },
        ], ...extra,
      });
      await store.processHealth.saveHeartbeat(beat('h1:42:a', '2026-11-02T10:00:00.000Z'));
      await store.processHealth.saveHeartbeat(beat('h1:43:b', '2026-11-02T10:00:02.000Z'));
      await store.processHealth.saveHeartbeat(beat('h1:42:a', '2026-11-02T10:00:05.000Z', { stoppedAt: '2026-11-02T10:00:05.000Z' }));
      const all = await store.processHealth.heartbeats(new Date('2026-11-02T09:59:00.000Z'));
      expect(all.map((h) => [h.processId, h.beatAt, h.stoppedAt])).toEqual([
        ['h1:43:b', '2026-11-02T10:00:02.000Z', undefined],
        ['h1:42:a', '2026-11-02T10:00:05.000Z', '2026-11-02T10:00:05.000Z'],
      ]);
      expect(all[0]!.loops[0]).toMatchObject({ name: 'analyzer.consumer', handled: 17 });
      expect((await store.processHealth.heartbeats(new Date('2026-11-02T10:00:03.000Z'))).map((h) => h.processId)).toEqual(['h1:42:a']);
    });
    it('removes customers with everything stored about them, and nothing else', async () => {
      await store.upsertCustomers([sample.customer('gone-1', 'Gone AG'), sample.customer('kept-1', 'Kept AG')]);
      await store.upsertLedgerRows([sample.ledger('gone-1', 'G-1'), sample.ledger('kept-1', 'K-1'), sample.ledger('gone-2', 'G-2')]);
      await store.upsertSignal(sample.signal('sig-gone', 'gone-1'));
      await store.upsertSignal(sample.signal('sig-kept', 'kept-1'));
      await store.saveAssessment(sample.assessment('gone-1', 'B', 30));
      await store.markDirty(['gone-1', 'kept-1'], new Date('2026-10-01T00:00:00Z'));
      expect(await store.removeCustomers(['gone-1', 'gone-2', 'never-there'])).toBe(2);
      expect(await store.getCustomer('gone-1')).toBeUndefined();
      expect(await store.getCustomer('kept-1')).toBeDefined();
      expect(await store.ledgerForCustomer('gone-1')).toEqual([]);
      expect(await store.ledgerForCustomer('gone-2')).toEqual([]);
      expect(await store.ledgerForCustomer('kept-1')).toHaveLength(1);
      expect(await store.signalsForCustomer('gone-1')).toEqual([]);
      expect((await store.signalsForCustomer('kept-1')).map((x) => x.id)).toEqual(['sig-kept']);
      expect(await store.latestAssessment('gone-1')).toBeUndefined();
      expect(await store.assessmentHistory('gone-1')).toEqual([]);
      expect(await store.dirtyCustomers(10)).not.toContain('gone-1');
      await store.removeWatchlistEntries(['kept-1']);
      expect(await store.getCustomer('kept-1')).toBeUndefined();
      expect(await store.ledgerForCustomer('kept-1')).toHaveLength(1);
    });


    it('keeps the bank payments of an invoice when the ledger export brings it again without them', async () => {
      const bank = sample.ledger('bank-1', 'B-1', { paidDate: '2026-10-02', paidAmount: 1000, payments: [{ date: '2026-10-02', amount: 1000, source: 'bank', reference: 'ACSR-1' }] });
      await store.upsertLedgerRows([bank]);
      await store.upsertLedgerRows([sample.ledger('bank-1', 'B-1', { paidDate: '2026-10-09', paidAmount: 1000 })]);
      const [stored] = await store.ledgerForCustomer('bank-1');
      expect(stored!.payments?.filter((p) => p.source === 'bank')).toEqual([{ date: '2026-10-02', amount: 1000, source: 'bank', reference: 'ACSR-1' }]);
      expect(stored!.paidAmount).toBe(1000);
    });

    it('keeps every override change in order, notes newest first, and the first acknowledgement of an item', async () => {
      const set = { id: 'o1', customerId: 'c1', action: 'set' as const, grade: 'D' as const, terms: 'prepayment' as const, limit: 5000, reason: 'told us of a lost lawsuit', by: 'anna', at: '2026-11-02T09:00:00.000Z', until: '2026-12-31' };
      const clear = { id: 'o2', customerId: 'c1', action: 'clear' as const, reason: 'settled', by: 'bernd', at: '2026-11-05T09:00:00.000Z' };
      await store.credit.addOverrideChange(set);
      await store.credit.addOverrideChange(set); // a replay keeps one row
      await store.credit.addOverrideChange(clear);
      await store.credit.addOverrideChange({ ...set, id: 'o3', customerId: 'c2' });
      expect((await store.credit.overrideChanges('c1')).map((c) => [c.id, c.action])).toEqual([['o1', 'set'], ['o2', 'clear']]);
      expect(await store.credit.overrideChanges('c1')).toContainEqual(set);
      expect((await store.credit.overrideChanges()).map((c) => c.id)).toEqual(['o1', 'o3', 'o2']); // by time, then id

      await store.credit.addNote({ id: 'n1', customerId: 'c1', text: 'Pays after the 20th; call Mrs Keller.', by: 'anna', at: '2026-11-01T08:00:00.000Z' });
      await store.credit.addNote({ id: 'n2', customerId: 'c1', text: 'Promised payment by Friday.', by: 'bernd', at: '2026-11-03T08:00:00.000Z' });
      expect((await store.credit.notes('c1')).map((n) => n.id)).toEqual(['n2', 'n1']);
      expect(await store.credit.notes('c9')).toEqual([]);

      const ack = (itemKey: string, by: string, at: string) => ({ itemKey, customerId: 'c1', by, at });
      expect(await store.credit.acknowledge([ack('signal:s1', 'anna', '2026-11-04T08:00:00.000Z'), ack('signal:s2', 'anna', '2026-11-04T08:00:00.000Z')])).toBe(2);
      expect(await store.credit.acknowledge([ack('signal:s1', 'bernd', '2026-11-04T09:00:00.000Z')])).toBe(0);
      const found = await store.credit.acknowledgements(['signal:s1', 'signal:s3']);
      expect([...found.keys()]).toEqual(['signal:s1']);
      expect(found.get('signal:s1')!.by).toBe('anna');
      expect((await store.credit.acknowledgementsFor('c1')).map((a) => a.itemKey).sort()).toEqual(['signal:s1', 'signal:s2']);
    });
  });
}

const portfolioQuery = (q: Partial<PortfolioQuery> = {}): PortfolioQuery => ({
  today: '2026-11-02', sort: 'risk', descending: true, limit: 50, offset: 0, reporting: { currency: 'CHF', rates: { EUR: 0.9 } }, ...q,
});

const c1Assessment = (asOf: string): Assessment => ({
  ...sample.assessment('c1', 'C', 40, asOf),
  exposure: { open: 1450, overdue: 1000, approvedLimit: 2000, utilisation: 0.725, currency: 'CHF' },
  nextStep: { code: 'step.call', params: { days: 3 } },
});

/** The portfolio's read side on a store of its own (the page spans every customer in it). */
function runPortfolioContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, portfolio: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness.create();
      await store.upsertCustomers([
        { ...sample.customer('c1', 'Alpha AG'), industry: 'C25', tags: ['key-account', 'export'] },
        { ...sample.customer('c2', 'beta GmbH'), industry: 'F41' },
        { ...sample.customer('c3', 'Gamma SA'), industry: 'C10', tags: ['key-account'] },
      ]);
      expect(await store.saveAssessment(sample.assessment('c1', 'A', 10, '2026-10-01T00:00:00.000Z'))).toBe('new');
      expect(await store.saveAssessment(c1Assessment('2026-11-02T00:00:00.000Z'))).toBe('new');
      expect(await store.saveAssessment(sample.assessment('c2', 'D', 70))).toBe('new');
      expect(await store.saveAssessment({ ...sample.assessment('x9', 'B', 20), name: 'Ledger Only Ltd' })).toBe('new');
      await store.saveLedgerPositions('c1', [
        { invoiceId: 'INV-1', currency: 'CHF', dueDate: '2026-10-01', open: 1000 },
        { invoiceId: 'INV-2', currency: 'EUR', dueDate: '2026-12-01', open: 500 },
      ]);
      await store.saveLedgerPositions('c2', [{ invoiceId: 'OLD', currency: 'CHF', dueDate: '2026-01-01', open: 9999 }]);
      // Replaced as a whole: the old item is gone; a credit balance lowers open (never below 0) and overdue with it.
      await store.saveLedgerPositions('c2', [
        { invoiceId: 'I1', currency: 'CHF', dueDate: '2026-10-15', open: 800 },
        { invoiceId: '', currency: 'CHF', dueDate: null, open: -300 },
      ]);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists every customer with its latest assessment and open items in one page, riskiest first, unassessed last', async () => {
      const page = await store.portfolioPage(portfolioQuery());
      expect(page.total).toBe(4);
      expect(page.rows.map((r) => r.id)).toEqual(['c2', 'c1', 'x9', 'c3']);
      const [c2, c1, x9, c3] = page.rows;
      expect(c1).toMatchObject({
        name: 'Alpha AG', industry: 'C25', tags: ['key-account', 'export'], grade: 'C', score: 40, pd: 0.2, termsKind: 'open_account',
        asOf: '2026-11-02T00:00:00.000Z', previousScore: 10, previousGrade: 'A', approvedLimit: 2000, utilisation: 0.725, currency: 'CHF',
        nextStep: { code: 'step.call', params: { days: 3 } }, overridden: false, open: { CHF: 1000, EUR: 500 }, overdue: { CHF: 1000 },
      });
      expect(c2).toMatchObject({ name: 'beta GmbH', grade: 'D', previousScore: null, open: { CHF: 500 }, overdue: { CHF: 500 } });
      expect(x9).toMatchObject({ name: 'Ledger Only Ltd', industry: '', tags: [], grade: 'B', open: {}, overdue: {} });
      expect(c3).toMatchObject({ name: 'Gamma SA', grade: null, score: null, termsKind: null, previousScore: null, open: {}, overdue: {} });
    });

    it('filters by grade, tag, industry prefix and movement, and pages without overlap', async () => {
      const ids = async (q: Partial<PortfolioQuery>) => (await store.portfolioPage(portfolioQuery(q))).rows.map((r) => r.id);
      expect(await ids({ grade: 'D' })).toEqual(['c2']);
      expect(await ids({ tag: 'key-account' })).toEqual(['c1', 'c3']);
      expect(await ids({ tag: 'key' })).toEqual([]);
      expect(await ids({ industry: 'C' })).toEqual(['c1', 'c3']);
      expect(await ids({ industry: 'C2' })).toEqual(['c1']);
      expect(await ids({ moved: true })).toEqual(['c1']);
      const second = await store.portfolioPage(portfolioQuery({ limit: 2, offset: 2 }));
      expect(second).toMatchObject({ total: 4 });
      expect(second.rows.map((r) => r.id)).toEqual(['x9', 'c3']);
      const past = await store.portfolioPage(portfolioQuery({ limit: 2, offset: 10 }));
      expect(past).toEqual({ total: 4, rows: [] });
      expect((await store.portfolioPage(portfolioQuery({ grade: 'E' })))).toEqual({ total: 0, rows: [] });
    });

    it('sorts in the store: by name case-insensitively, by open in the reporting currency (unconvertible last), by change', async () => {
      const ids = async (q: Partial<PortfolioQuery>) => (await store.portfolioPage(portfolioQuery(q))).rows.map((r) => r.id);
      expect(await ids({ sort: 'name', descending: false })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'name', descending: true })).toEqual(['x9', 'c3', 'c2', 'c1']);
      // c1: 1000 CHF + 500 EUR × 0.9 = 1450 CHF; c2: 500 CHF; no open items: 0.
      expect(await ids({ sort: 'open' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'open', descending: false })).toEqual(['c3', 'x9', 'c2', 'c1']);
      // Without a EUR rate c1's total is unknown: last in either direction.
      expect(await ids({ sort: 'open', reporting: { currency: 'CHF', rates: {} } })).toEqual(['c2', 'c3', 'x9', 'c1']);
      expect(await ids({ sort: 'overdue' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'change' })).toEqual(['c1', 'c2', 'c3', 'x9']);
      expect(await ids({ sort: 'limitUse' })).toEqual(['c1', 'c2', 'c3', 'x9']);
    });

    it('totals every customer per grade and currency', async () => {
      const t = await store.portfolioTotals('2026-11-02');
      expect(t.customers).toBe(4);
      const byGrade = Object.fromEntries(t.grades.map((g) => [g.grade ?? '-', g.customers]));
      expect(byGrade).toEqual({ B: 1, C: 1, D: 1, '-': 1 });
      const key = (a: { grade: string | null; currency: string }) => `${a.grade}/${a.currency}`;
      expect([...t.amounts].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([
        { grade: 'C', currency: 'CHF', open: 1000, overdue: 1000 },
        { grade: 'C', currency: 'EUR', open: 500, overdue: 0 },
        { grade: 'D', currency: 'CHF', open: 500, overdue: 500 },
      ]);
    });

    it('keeps the previous score through an unchanged re-score and moves it on a change; removal takes the open items', async () => {
      expect(await store.saveAssessment(c1Assessment('2026-11-03T00:00:00.000Z'))).toBe('unchanged');
      let c1 = (await store.portfolioPage(portfolioQuery({ tag: 'export' }))).rows[0]!;
      expect(c1).toMatchObject({ asOf: '2026-11-03T00:00:00.000Z', previousScore: 10, previousGrade: 'A', approvedLimit: 2000 });
      expect(await store.saveAssessment(sample.assessment('c1', 'D', 62, '2026-11-04T00:00:00.000Z'))).toBe('new');
      c1 = (await store.portfolioPage(portfolioQuery({ tag: 'export' }))).rows[0]!;
      expect(c1).toMatchObject({ grade: 'D', score: 62, previousScore: 40, previousGrade: 'C', approvedLimit: null, nextStep: null });
      await store.removeCustomers(['c2']);
      const t = await store.portfolioTotals('2026-11-02');
      expect(t.customers).toBe(3);
      expect(t.amounts.filter((a) => a.grade === 'D').sort((a, b) => a.currency.localeCompare(b.currency))).toEqual([
        { grade: 'D', currency: 'CHF', open: 1000, overdue: 1000 },
        { grade: 'D', currency: 'EUR', open: 500, overdue: 0 },
      ]);
    });
  });
}
