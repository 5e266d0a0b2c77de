import { keepBankPayments } from '../../schemas/ledger.js';
import type { Logger } from '../../log.js';
import { ClickHouseCreditStore } from './credit.clickhouse.js';
import { sourceHealthSchema, type Assessment, type Customer, type Document, type LedgerRow, type Signal, type SourceHealth } from '../../schemas/index.js';
import { assessmentFingerprint } from '../fingerprint.js';
import type { CustomerVersions, LedgerPosition, PortfolioEntry, PortfolioQuery, PortfolioTotals, Store } from '../port.js';
import { ClickHousePortfolio } from './portfolio.clickhouse.js';
import { META_KEYS, type MetaKey } from '../meta-keys.js';
import { ClickHouseDigestStateStore, ClickHouseInstantAlertLog, ClickHouseSubscriptionStore } from './alert-state.clickhouse.js';
import { ClickHouseDb } from './clickhouse-db.js';
import { ClickHouseOutbox } from './outbox.clickhouse.js';
import { ClickHouseRegisterStore } from './registers.clickhouse.js';
import { ClickHouseProcessHealthStore } from './process-health.clickhouse.js';

type JsonRow = { json: string };
const parse = <T>(rows: JsonRow[]): T[] => rows.map((r) => JSON.parse(r.json) as T);

/**
 * The Store on ClickHouse (distributed deployment). ClickHouse has no transactions or unique
 * keys: "was it new?" is a read before the write, and duplicates from a race collapse in
 * ReplacingMergeTree (reads use FINAL). That is exact with one writer per key — which the
 * Kafka bus gives, since messages are keyed by customer/document and a partition has one
 * consumer — and at worst a duplicate notification otherwise, never a lost or doubled row.
 */
export class ClickHouseStore implements Store {
  readonly outbox: ClickHouseOutbox;
  readonly processHealth: ClickHouseProcessHealthStore;
  readonly subscriptions: ClickHouseSubscriptionStore;
  readonly digestStates: ClickHouseDigestStateStore;
  readonly credit: ClickHouseCreditStore;
  readonly instantLog: ClickHouseInstantAlertLog;
  readonly registers: ClickHouseRegisterStore;
  private readonly portfolio: ClickHousePortfolio;

  constructor(private readonly ch: ClickHouseDb) {
    this.outbox = new ClickHouseOutbox(ch);
    this.processHealth = new ClickHouseProcessHealthStore(ch);
    this.subscriptions = new ClickHouseSubscriptionStore(ch);
    this.digestStates = new ClickHouseDigestStateStore(ch);
    this.credit = new ClickHouseCreditStore(ch);
    this.instantLog = new ClickHouseInstantAlertLog(ch);
    this.registers = new ClickHouseRegisterStore(ch);
    this.portfolio = new ClickHousePortfolio(ch);
  }

  private t(name: string): string {
    return this.ch.table(name);
  }

  async upsertCustomers(customers: Customer[]): Promise<void> {
    const version = this.ch.nextVersion();
    await this.ch.insert('customers', customers.map((c) => ({ id: c.id, name: c.name, json: JSON.stringify(c), version })));
  }

  async removeCustomers(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const known = await this.ch.rows<{ id: string }>(
      `SELECT id FROM ${this.t('customers')} FINAL WHERE has({ids:Array(String)}, id)
       UNION DISTINCT SELECT DISTINCT customer_id AS id FROM ${this.t('ledger_rows')} WHERE has({ids:Array(String)}, customer_id)`,
      { ids },
    );
    const where: Array<[string, string]> = [
      ['customers', 'id'],
      ['ledger_rows', 'customer_id'],
      ['signals', 'customer_id'],
      ['assessments', 'customer_id'],
      ['assessments_latest', 'customer_id'],
      ['ledger_positions', 'customer_id'],
      ['scoring_queue', 'customer_id'],
      ['customer_register_entries', 'customer_id'],
      ['customer_register_refresh', 'customer_id'],
    ];
    for (const [table, column] of where) {
      await this.ch.command(`ALTER TABLE ${this.t(table)} DELETE WHERE has({ids:Array(String)}, ${column}) SETTINGS mutations_sync = 1`, { ids });
    }
    return new Set(known.map((r) => r.id)).size;
  }

  async removeWatchlistEntries(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ch.command(`ALTER TABLE ${this.t('customers')} DELETE WHERE has({ids:Array(String)}, id) SETTINGS mutations_sync = 1`, { ids });
  }

  async listCustomers(): Promise<Customer[]> {
    return parse(await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('customers')} FINAL ORDER BY name, id`));
  }

  async getCustomer(id: string): Promise<Customer | undefined> {
    const r = await this.ch.first<JsonRow>(`SELECT json FROM ${this.t('customers')} FINAL WHERE id = {id:String}`, { id });
    return r && (JSON.parse(r.json) as Customer);
  }

  async upsertDocument(doc: Document): Promise<boolean> {
    return (await this.upsertDocuments([doc]))[0]!;
  }

  async upsertDocuments(docs: Document[]): Promise<boolean[]> {
    if (docs.length === 0) return [];
    const existing = await this.ch.rows<{ id: string; json: string }>(
      `SELECT id, json FROM ${this.t('documents')} FINAL WHERE has({ids:Array(String)}, id)`,
      { ids: docs.map((d) => d.id) },
    );
    const stored = new Map(existing.map((r) => [r.id, r.json]));
    const version = this.ch.nextVersion();
    const rows: object[] = [];
    const isNew = docs.map((doc) => {
      const json = JSON.stringify(doc);
      const before = stored.get(doc.id);
      if (before !== json) rows.push({ id: doc.id, source_id: doc.sourceId, fetched_at: doc.fetchedAt, json, version });
      stored.set(doc.id, json); // the same id twice in one batch: the second is not new
      return before === undefined;
    });
    await this.ch.insert('documents', rows);
    return isNew;
  }

  async getDocument(id: string): Promise<Document | undefined> {
    const r = await this.ch.first<JsonRow>(`SELECT json FROM ${this.t('documents')} FINAL WHERE id = {id:String}`, { id });
    return r && (JSON.parse(r.json) as Document);
  }

  async documentsMentioning(word: string, limit: number): Promise<Document[]> {
    const rows = await this.ch.rows<JsonRow>(
      `SELECT json FROM ${this.t('documents')} FINAL WHERE positionCaseInsensitiveUTF8(json, {word:String}) > 0 ORDER BY fetched_at DESC, id LIMIT {limit:UInt32}`,
      { word, limit },
    );
    return rows.map((r) => JSON.parse(r.json) as Document);
  }

  async countDocuments(): Promise<number> {
    const r = await this.ch.first<{ n: string }>(`SELECT count() AS n FROM ${this.t('documents')} FINAL`);
    return Number(r?.n ?? 0);
  }

  async filterUnseen(sourceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const seen = await this.ch.rows<{ item_id: string }>(
      `SELECT DISTINCT item_id FROM ${this.t('seen_items')} WHERE source_id = {source:String} AND has({ids:Array(String)}, item_id)`,
      { source: sourceId, ids },
    );
    const set = new Set(seen.map((r) => r.item_id));
    return ids.filter((id) => !set.has(id));
  }

  async markSeen(sourceId: string, ids: string[]): Promise<void> {
    await this.ch.insert('seen_items', ids.map((id) => ({ source_id: sourceId, item_id: id })));
  }

  async upsertLedgerRows(rows: LedgerRow[]): Promise<LedgerRow[]> {
    if (rows.length === 0) return [];
    const customers = [...new Set(rows.map((r) => r.customerId))];
    const current = await this.ch.rows<{ customer_id: string; invoice_id: string; json: string }>(
      `SELECT customer_id, invoice_id, json FROM ${this.t('ledger_rows')} FINAL WHERE has({customers:Array(String)}, customer_id)`,
      { customers },
    );
    const stored = new Map(current.map((r) => [`${r.customer_id}\u0000${r.invoice_id}`, r.json]));
    const merged = rows.map((r) => {
      const json = stored.get(`${r.customerId}\u0000${r.invoiceId}`);
      return json && json.includes('"source":"bank"') ? keepBankPayments(JSON.parse(json) as LedgerRow, r) : r;
    });
    const changed = merged.filter((r) => stored.get(`${r.customerId}\u0000${r.invoiceId}`) !== JSON.stringify(r));
    const version = this.ch.nextVersion();
    await this.ch.insert(
      'ledger_rows',
      changed.map((r) => ({ customer_id: r.customerId, invoice_id: r.invoiceId, json: JSON.stringify(r), version })),
    );
    return changed;
  }

  async ledgerForCustomer(customerId: string): Promise<LedgerRow[]> {
    return parse(
      await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('ledger_rows')} FINAL WHERE customer_id = {c:String} ORDER BY invoice_id`, { c: customerId }),
    );
  }

  async ledgerCustomerIds(): Promise<string[]> {
    const rows = await this.ch.rows<{ customer_id: string }>(`SELECT DISTINCT customer_id FROM ${this.t('ledger_rows')} ORDER BY customer_id`);
    return rows.map((r) => r.customer_id);
  }

  async hasLedgerCustomer(customerId: string): Promise<boolean> {
    return (await this.ch.first(`SELECT 1 FROM ${this.t('ledger_rows')} WHERE customer_id = {c:String} LIMIT 1`, { c: customerId })) !== undefined;
  }

  async upsertSignal(signal: Signal): Promise<boolean> {
    return (await this.upsertSignals([signal]))[0]!;
  }

  async upsertSignals(signals: Signal[]): Promise<boolean[]> {
    if (signals.length === 0) return [];
    const existing = await this.ch.rows<{ id: string }>(`SELECT DISTINCT id FROM ${this.t('signals')} WHERE has({ids:Array(String)}, id)`, {
      ids: signals.map((s) => s.id),
    });
    const seen = new Set(existing.map((r) => r.id));
    const rows: object[] = [];
    const isNew = signals.map((signal) => {
      if (seen.has(signal.id)) return false;
      seen.add(signal.id);
      rows.push({
        id: signal.id,
        seq: this.ch.nextVersion(),
        customer_id: signal.customerId ?? '',
        industry: signal.industry ?? '',
        occurred_at: signal.occurredAt,
        json: JSON.stringify(signal),
      });
      return true;
    });
    await this.ch.insert('signals', rows);
    return isNew;
  }

  async signalsForCustomer(customerId: string): Promise<Signal[]> {
    return parse(
      await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('signals')} FINAL WHERE customer_id = {c:String} ORDER BY occurred_at, id`, { c: customerId }),
    );
  }

  async signalsForCustomerAfter(customerId: string, afterSeq: number): Promise<{ total: number; rows: Array<{ seq: number; signal: Signal }> }> {
    // Two reads, not one snapshot: a write in between makes kept + new ≠ total, and the reader reads all again.
    const count = await this.ch.first<{ n: string }>(`SELECT count() AS n FROM ${this.t('signals')} FINAL WHERE customer_id = {c:String}`, { c: customerId });
    const rows = await this.ch.rows<JsonRow & { seq: string }>(
      `SELECT seq, json FROM ${this.t('signals')} FINAL WHERE customer_id = {c:String} AND seq > {after:UInt64} ORDER BY seq`,
      { c: customerId, after: afterSeq },
    );
    return { total: Number(count?.n ?? 0), rows: rows.map((r) => ({ seq: Number(r.seq), signal: JSON.parse(r.json) as Signal })) };
  }

  async signalsForIndustry(industry: string): Promise<Signal[]> {
    return parse(
      await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('signals')} FINAL WHERE industry = {i:String} ORDER BY occurred_at, id`, { i: industry }),
    );
  }

  async signalsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; signal: Signal }>> {
    const rows = await this.ch.rows<JsonRow & { seq: string }>(
      `SELECT seq, json FROM ${this.t('signals')} FINAL WHERE seq > {after:UInt64} ORDER BY seq LIMIT {limit:UInt32}`,
      { after: afterSeq, limit },
    );
    return rows.map((r) => ({ seq: Number(r.seq), signal: JSON.parse(r.json) as Signal }));
  }

  async saveAssessment(a: Assessment): Promise<'new' | 'unchanged'> {
    const fingerprint = assessmentFingerprint(a);
    const json = JSON.stringify(a);
    const latest = await this.ch.first<{ seq: string; fingerprint: string; score: number; grade: string; prev_score: number | null; prev_grade: string }>(
      `SELECT seq, fingerprint, score, grade, prev_score, prev_grade FROM ${this.t('assessments_latest')} FINAL WHERE customer_id = {c:String}`,
      { c: a.customerId },
    );
    if (latest && latest.fingerprint === fingerprint) {
      await this.ch.insert('assessments_latest', [
        { customer_id: a.customerId, seq: latest.seq, fingerprint, json, prev_score: latest.prev_score, prev_grade: latest.prev_grade, version: this.ch.nextVersion() },
      ]);
      return 'unchanged';
    }
    // History first: a crash before `latest` is written replays into the same history row.
    const seq = this.ch.nextVersion();
    await this.ch.insert('assessments', [{ customer_id: a.customerId, seq, as_of: a.asOf, fingerprint, json }]);
    // The assessment it replaces becomes the previous one: the portfolio's change column.
    await this.ch.insert('assessments_latest', [
      { customer_id: a.customerId, seq, fingerprint, json, prev_score: latest ? latest.score : null, prev_grade: latest?.grade ?? '', version: this.ch.nextVersion() },
    ]);
    return 'new';
  }

  async latestAssessment(customerId: string): Promise<Assessment | undefined> {
    const r = await this.ch.first<JsonRow>(`SELECT json FROM ${this.t('assessments_latest')} FINAL WHERE customer_id = {c:String}`, { c: customerId });
    return r && (JSON.parse(r.json) as Assessment);
  }

  async latestAssessmentVersion(customerId: string): Promise<string | undefined> {
    // Every write of the latest row (new, or the same one with a later asOf) carries a new version.
    const r = await this.ch.first<{ seq: string; version: string }>(`SELECT seq, version FROM ${this.t('assessments_latest')} FINAL WHERE customer_id = {c:String}`, { c: customerId });
    return r && `${r.seq}.${r.version}`;
  }

  async customerVersions(customerId: string): Promise<CustomerVersions> {
    return (await this.customersVersions([customerId]))[0]!;
  }

  async customersVersions(customerIds: readonly string[]): Promise<CustomerVersions[]> {
    if (customerIds.length === 0) return [];
    // One query for all of them; a customer without a row joins as '' (none).
    const rows = await this.ch.rows<{ id: string } & Record<keyof CustomerVersions, string | null>>(
      `SELECT q.id AS id, (SELECT value FROM ${this.t('meta')} FINAL WHERE key = {k:String}) AS watchlist, a.v AS assessment, r.v AS registers
       FROM (SELECT arrayJoin({ids:Array(String)}) AS id) AS q
       LEFT JOIN (SELECT customer_id, concat(toString(seq), '.', toString(version)) AS v FROM ${this.t('assessments_latest')} FINAL
         WHERE customer_id IN {ids:Array(String)}) AS a ON a.customer_id = q.id
       LEFT JOIN (SELECT customer_id, concat(refreshed_at, '.', toString(version)) AS v FROM ${this.t('customer_register_refresh')} FINAL
         WHERE customer_id IN {ids:Array(String)}) AS r ON r.customer_id = q.id`,
      { k: META_KEYS.watchlistVersion, ids: [...new Set(customerIds)] },
    );
    const some = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);
    const byId = new Map(rows.map((r) => [r.id, { watchlist: some(r.watchlist), assessment: some(r.assessment), registers: some(r.registers) }]));
    return customerIds.map((id) => byId.get(id)!);
  }

  async latestAssessments(): Promise<Assessment[]> {
    return parse(await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('assessments_latest')} FINAL ORDER BY customer_id`));
  }

  async assessmentHistory(customerId: string): Promise<Assessment[]> {
    return parse(
      await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('assessments')} FINAL WHERE customer_id = {c:String} ORDER BY seq`, { c: customerId }),
    );
  }

  async assessmentsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; assessment: Assessment }>> {
    const rows = await this.ch.rows<JsonRow & { seq: string }>(
      `SELECT seq, json FROM ${this.t('assessments')} FINAL WHERE seq > {after:UInt64} ORDER BY seq LIMIT {limit:UInt32}`,
      { after: afterSeq, limit },
    );
    return rows.map((r) => ({ seq: Number(r.seq), assessment: JSON.parse(r.json) as Assessment }));
  }

  saveLedgerPositions(customerId: string, positions: LedgerPosition[]): Promise<void> {
    return this.portfolio.saveLedgerPositions(customerId, positions);
  }

  portfolioPage(query: PortfolioQuery): Promise<{ total: number; rows: PortfolioEntry[] }> {
    return this.portfolio.portfolioPage(query);
  }

  portfolioTotals(today: string): Promise<PortfolioTotals> {
    return this.portfolio.portfolioTotals(today);
  }

  async markDirty(customerIds: string[], at: Date): Promise<void> {
    const version = this.ch.nextVersion();
    await this.ch.insert('scoring_queue', customerIds.map((id) => ({ customer_id: id, marked_at: at.toISOString(), deleted: 0, version })));
  }

  async dirtyCustomers(limit: number): Promise<string[]> {
    const rows = await this.ch.rows<{ customer_id: string }>(
      `SELECT customer_id FROM ${this.t('scoring_queue')} FINAL WHERE deleted = 0 ORDER BY marked_at, customer_id LIMIT {limit:UInt32}`,
      { limit },
    );
    return rows.map((r) => r.customer_id);
  }

  async clearDirty(customerIds: string[], markedBefore: Date): Promise<void> {
    if (customerIds.length === 0) return;
    const marks = await this.ch.rows<{ customer_id: string; marked_at: string; version: string }>(
      `SELECT customer_id, marked_at, version FROM ${this.t('scoring_queue')} FINAL
       WHERE deleted = 0 AND has({ids:Array(String)}, customer_id) AND marked_at <= {before:String}`,
      { ids: customerIds, before: markedBefore.toISOString() },
    );
    // The tombstone reuses the mark's version: it replaces that mark, but a newer mark made meanwhile wins.
    await this.ch.insert('scoring_queue', marks.map((m) => ({ customer_id: m.customer_id, marked_at: m.marked_at, deleted: 1, version: m.version })));
  }

  async getSourceHealth(sourceId: string): Promise<SourceHealth | undefined> {
    const r = await this.ch.first<JsonRow>(`SELECT json FROM ${this.t('source_health')} FINAL WHERE source_id = {s:String}`, { s: sourceId });
    return r && sourceHealthSchema.parse(JSON.parse(r.json));
  }

  async saveSourceHealth(health: SourceHealth): Promise<void> {
    await this.ch.insert('source_health', [
      { source_id: health.sourceId, json: JSON.stringify(health), updated_at: new Date().toISOString(), version: this.ch.nextVersion() },
    ]);
  }

  async listSourceHealth(): Promise<SourceHealth[]> {
    return (await this.ch.rows<JsonRow>(`SELECT json FROM ${this.t('source_health')} FINAL ORDER BY source_id`)).map((r) =>
      sourceHealthSchema.parse(JSON.parse(r.json)),
    );
  }

  async getMeta(key: MetaKey): Promise<string | undefined> {
    return (await this.ch.first<{ value: string }>(`SELECT value FROM ${this.t('meta')} FINAL WHERE key = {k:String}`, { k: key }))?.value;
  }

  async setMeta(key: MetaKey, value: string): Promise<void> {
    await this.ch.insert('meta', [{ key, value, version: this.ch.nextVersion() }]);
  }

  async close(): Promise<void> {
    await this.ch.close();
  }
}

/** Connects, runs pending migrations, and returns the store (`clickhouse:` config / BONITOR_CLICKHOUSE_URL). */
export async function openClickHouseStore(config: { url: string; database: string; log?: Logger }): Promise<ClickHouseStore> {
  const ch = new ClickHouseDb(config.url, config.database);
  const applied = await ch.migrate();
  if (applied.length > 0) config.log?.info({ database: config.database, migrations: applied }, 'clickhouse_migrated');
  return new ClickHouseStore(ch);
}
