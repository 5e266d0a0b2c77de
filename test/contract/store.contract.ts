import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../platform/store/port.js';
import { runAlertsContract } from './store-alerts.contract.js';
import { runPortfolioContract } from './store-portfolio.contract.js';
import { sample, type StoreHarness } from './store-samples.js';

export { sample, type StoreHarness };

/**
 * The Store contract: the SQLite and ClickHouse adapters must both pass it. Customers, documents, ledger,
 * signals, assessments, registers, removal and credit notes here; the portfolio's read side and what
 * alerting keeps each run on a store of their own (store-portfolio.contract.ts, store-alerts.contract.ts).
 */
export function runStoreContract(name: string, harness: StoreHarness): void {
  runPortfolioContract(name, harness);
  runAlertsContract(name, harness);
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
