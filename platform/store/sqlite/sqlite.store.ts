import { keepBankPayments } from '../../schemas/ledger.js';
import path from 'node:path';
import { SqliteCreditStore } from './credit.sqlite.js';
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from '../../sqlite/open-database.js';
import { sourceHealthSchema, type Assessment, type Customer, type Document, type LedgerRow, type Signal, type SourceHealth } from '../../schemas/index.js';
import { assessmentFingerprint } from '../fingerprint.js';
import type { CustomerVersions, LedgerPosition, PortfolioEntry, PortfolioQuery, PortfolioTotals, Store } from '../port.js';
import { latestColumns } from '../portfolio-rows.js';
import { SqlitePortfolio } from './portfolio.sqlite.js';
import { META_KEYS, type MetaKey } from '../meta-keys.js';
import { SqliteDigestStateStore, SqliteInstantAlertLog, SqliteSubscriptionStore } from './alert-state.sqlite.js';
import { STORE_MIGRATIONS } from './migrations.js';
import { SqliteOutbox } from './outbox.sqlite.js';
import { SqliteRegisterStore } from './registers.sqlite.js';
import { SqliteProcessHealthStore } from './process-health.sqlite.js';

type JsonRow = { json: string };
const parse = <T>(rows: JsonRow[]): T[] => rows.map((r) => JSON.parse(r.json) as T);

/** The Store on one SQLite file (`<dataDir>/bonitor.db`): WAL, numbered migrations, idempotent upserts. */
export class SqliteStore implements Store {
  readonly outbox: SqliteOutbox;
  readonly processHealth: SqliteProcessHealthStore;
  readonly subscriptions: SqliteSubscriptionStore;
  readonly digestStates: SqliteDigestStateStore;
  readonly credit: SqliteCreditStore;
  readonly instantLog: SqliteInstantAlertLog;
  readonly registers: SqliteRegisterStore;
  private readonly portfolio: SqlitePortfolio;

  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {
    this.outbox = new SqliteOutbox(db);
    this.processHealth = new SqliteProcessHealthStore(db);
    this.subscriptions = new SqliteSubscriptionStore(db);
    this.digestStates = new SqliteDigestStateStore(db);
    this.credit = new SqliteCreditStore(db);
    this.instantLog = new SqliteInstantAlertLog(db);
    this.registers = new SqliteRegisterStore(db);
    this.portfolio = new SqlitePortfolio(db);
  }

  /** Prepared once per SQL text: preparing on every call cost more than many of the queries. */
  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  async upsertCustomers(customers: Customer[]): Promise<void> {
    const stmt = this.sql(
      `INSERT INTO customers (id, name, industry, tags, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, industry = excluded.industry, tags = excluded.tags, json = excluded.json`,
    );
    this.db.transaction(() => customers.forEach((c) => stmt.run(c.id, c.name, c.industry ?? '', JSON.stringify(c.tags ?? []), JSON.stringify(c))))();
  }

  async removeCustomers(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const known = new Set([
      ...(this.sql('SELECT id FROM customers').all() as Array<{ id: string }>).map((r) => r.id),
      ...(this.sql('SELECT DISTINCT customer_id AS id FROM ledger_rows').all() as Array<{ id: string }>).map((r) => r.id),
    ]);
    const tables = [
      'DELETE FROM customers WHERE id = ?',
      'DELETE FROM ledger_rows WHERE customer_id = ?',
      'DELETE FROM signals WHERE customer_id = ?',
      'DELETE FROM assessments WHERE customer_id = ?',
      'DELETE FROM assessments_latest WHERE customer_id = ?',
      'DELETE FROM ledger_positions WHERE customer_id = ?',
      'DELETE FROM portfolio_latest WHERE customer_id = ?',
      'DELETE FROM scoring_queue WHERE customer_id = ?',
      'DELETE FROM customer_register_entries WHERE customer_id = ?',
      'DELETE FROM customer_register_refresh WHERE customer_id = ?',
    ].map((q) => this.sql(q));
    this.db.transaction(() => ids.forEach((id) => tables.forEach((t) => t.run(id))))();
    return ids.filter((id) => known.has(id)).length;
  }

  async removeWatchlistEntries(ids: string[]): Promise<void> {
    const stmt = this.sql('DELETE FROM customers WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => stmt.run(id)))();
  }

  async listCustomers(): Promise<Customer[]> {
    return parse(this.sql('SELECT json FROM customers ORDER BY name, id').all() as JsonRow[]);
  }

  async getCustomer(id: string): Promise<Customer | undefined> {
    const r = this.sql('SELECT json FROM customers WHERE id = ?').get(id) as JsonRow | undefined;
    return r && (JSON.parse(r.json) as Customer);
  }

  async upsertDocument(doc: Document): Promise<boolean> {
    return (await this.upsertDocuments([doc]))[0]!;
  }

  async upsertDocuments(docs: Document[]): Promise<boolean[]> {
    const select = this.sql('SELECT json FROM documents WHERE id = ?');
    const update = this.sql('UPDATE documents SET json = ? WHERE id = ?');
    const insert = this.sql('INSERT INTO documents (id, source_id, fetched_at, json) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() =>
      docs.map((doc) => {
        const json = JSON.stringify(doc);
        const existing = select.get(doc.id) as JsonRow | undefined;
        if (existing) {
          if (existing.json !== json) update.run(json, doc.id);
          return false;
        }
        insert.run(doc.id, doc.sourceId, doc.fetchedAt, json);
        return true;
      }),
    ).immediate();
  }

  async getDocument(id: string): Promise<Document | undefined> {
    const r = this.sql('SELECT json FROM documents WHERE id = ?').get(id) as JsonRow | undefined;
    return r && (JSON.parse(r.json) as Document);
  }

  async documentsMentioning(word: string, limit: number): Promise<Document[]> {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return parse(
      this.sql(`SELECT json FROM documents WHERE json LIKE ? ESCAPE '\\' ORDER BY fetched_at DESC, id LIMIT ?`).all(like, limit) as JsonRow[],
    );
  }

  async countDocuments(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  }

  async filterUnseen(sourceId: string, ids: string[]): Promise<string[]> {
    const stmt = this.sql('SELECT 1 FROM seen_items WHERE source_id = ? AND item_id = ?');
    return ids.filter((id) => !stmt.get(sourceId, id));
  }

  async markSeen(sourceId: string, ids: string[]): Promise<void> {
    const stmt = this.sql('INSERT OR IGNORE INTO seen_items (source_id, item_id) VALUES (?, ?)');
    // In key order: content hashes are random, and sorted inserts walk the B-tree's pages once.
    const sorted = [...ids].sort();
    this.db.transaction(() => sorted.forEach((id) => stmt.run(sourceId, id)))();
  }

  async upsertLedgerRows(rows: LedgerRow[]): Promise<LedgerRow[]> {
    const stmt = this.sql(
      `INSERT INTO ledger_rows (customer_id, invoice_id, json) VALUES (?, ?, ?)
       ON CONFLICT (customer_id, invoice_id) DO UPDATE SET json = excluded.json WHERE json <> excluded.json`,
    );
    const withBank = this.sql(`SELECT json FROM ledger_rows WHERE customer_id = ? AND invoice_id = ? AND json LIKE '%"source":"bank"%'`);
    return this.db.transaction(() =>
      rows
        .map((r) => {
          const stored = withBank.get(r.customerId, r.invoiceId) as JsonRow | undefined;
          return stored ? keepBankPayments(JSON.parse(stored.json) as LedgerRow, r) : r;
        })
        .filter((r) => stmt.run(r.customerId, r.invoiceId, JSON.stringify(r)).changes === 1),
    )();
  }

  async ledgerForCustomer(customerId: string): Promise<LedgerRow[]> {
    return parse(this.sql('SELECT json FROM ledger_rows WHERE customer_id = ? ORDER BY invoice_id').all(customerId) as JsonRow[]);
  }

  async ledgerCustomerIds(): Promise<string[]> {
    return (this.sql('SELECT DISTINCT customer_id FROM ledger_rows ORDER BY customer_id').all() as Array<{ customer_id: string }>).map(
      (r) => r.customer_id,
    );
  }

  async hasLedgerCustomer(customerId: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM ledger_rows WHERE customer_id = ? LIMIT 1').get(customerId) !== undefined;
  }

  async upsertSignal(signal: Signal): Promise<boolean> {
    return (await this.upsertSignals([signal]))[0]!;
  }

  async upsertSignals(signals: Signal[]): Promise<boolean[]> {
    const stmt = this.sql(`INSERT OR IGNORE INTO signals (id, customer_id, industry, occurred_at, json) VALUES (?, ?, ?, ?, ?)`);
    return this.db.transaction(() =>
      signals.map((s) => stmt.run(s.id, s.customerId ?? null, s.industry ?? null, s.occurredAt, JSON.stringify(s)).changes === 1),
    )();
  }

  async signalsForCustomer(customerId: string): Promise<Signal[]> {
    return parse(this.sql('SELECT json FROM signals WHERE customer_id = ? ORDER BY occurred_at, id').all(customerId) as JsonRow[]);
  }

  async signalsForCustomerAfter(customerId: string, afterSeq: number): Promise<{ total: number; rows: Array<{ seq: number; signal: Signal }> }> {
    // One read transaction: the count and the rows come from the same snapshot.
    return this.db.transaction(() => {
      const { n } = this.sql('SELECT count(*) AS n FROM signals WHERE customer_id = ?').get(customerId) as { n: number };
      const rows = this.sql('SELECT seq, json FROM signals WHERE customer_id = ? AND seq > ? ORDER BY seq').all(customerId, afterSeq) as Array<JsonRow & { seq: number }>;
      return { total: n, rows: rows.map((r) => ({ seq: r.seq, signal: JSON.parse(r.json) as Signal })) };
    })();
  }

  async signalsForIndustry(industry: string): Promise<Signal[]> {
    return parse(this.sql('SELECT json FROM signals WHERE industry = ? ORDER BY occurred_at, id').all(industry) as JsonRow[]);
  }

  async signalsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; signal: Signal }>> {
    const rows = this.sql('SELECT seq, json FROM signals WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Array<JsonRow & { seq: number }>;
    return rows.map((r) => ({ seq: r.seq, signal: JSON.parse(r.json) as Signal }));
  }

  async saveAssessment(a: Assessment): Promise<'new' | 'unchanged'> {
    const fp = assessmentFingerprint(a);
    const json = JSON.stringify(a);
    return this.db.transaction(() => {
      const latest = this.db
        .prepare('SELECT a.seq, a.fingerprint FROM assessments_latest l JOIN assessments a ON a.seq = l.seq WHERE l.customer_id = ?')
        .get(a.customerId) as { seq: number; fingerprint: string } | undefined;
      const cols = { ...latestColumns(a), customer_id: a.customerId };
      if (latest && latest.fingerprint === fp) {
        this.sql('UPDATE assessments_latest SET json = ?, revision = revision + 1 WHERE customer_id = ?').run(json, a.customerId);
        this.sql(
          `INSERT INTO portfolio_latest (customer_id, name, grade, score, pd, terms_kind, as_of, approved_limit, utilisation, currency, next_step, overridden)
           VALUES (@customer_id, @name, @grade, @score, @pd, @terms_kind, @as_of, @approved_limit, @utilisation, @currency, @next_step, @overridden)
           ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, grade = excluded.grade, score = excluded.score, pd = excluded.pd,
             terms_kind = excluded.terms_kind, as_of = excluded.as_of, approved_limit = excluded.approved_limit, utilisation = excluded.utilisation,
             currency = excluded.currency, next_step = excluded.next_step, overridden = excluded.overridden`,
        ).run(cols);
        return 'unchanged' as const;
      }
      const seq = Number(
        this.sql('INSERT INTO assessments (customer_id, as_of, fingerprint, json) VALUES (?, ?, ?, ?)').run(a.customerId, a.asOf, fp, json)
          .lastInsertRowid,
      );
      this.sql(
        'INSERT INTO assessments_latest (customer_id, seq, json) VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET seq = excluded.seq, json = excluded.json, revision = 0',
      ).run(a.customerId, seq, json);
      // The assessment it replaces becomes the previous one: the portfolio's change column.
      this.sql(
        `INSERT INTO portfolio_latest (customer_id, name, grade, score, pd, terms_kind, as_of, approved_limit, utilisation, currency, next_step, overridden)
         VALUES (@customer_id, @name, @grade, @score, @pd, @terms_kind, @as_of, @approved_limit, @utilisation, @currency, @next_step, @overridden)
         ON CONFLICT (customer_id) DO UPDATE SET prev_score = portfolio_latest.score, prev_grade = portfolio_latest.grade,
           name = excluded.name, grade = excluded.grade, score = excluded.score, pd = excluded.pd, terms_kind = excluded.terms_kind,
           as_of = excluded.as_of, approved_limit = excluded.approved_limit, utilisation = excluded.utilisation, currency = excluded.currency,
           next_step = excluded.next_step, overridden = excluded.overridden`,
      ).run(cols);
      return 'new' as const;
    }).immediate();
  }

  async latestAssessment(customerId: string): Promise<Assessment | undefined> {
    const r = this.sql('SELECT json FROM assessments_latest WHERE customer_id = ?').get(customerId) as JsonRow | undefined;
    return r && (JSON.parse(r.json) as Assessment);
  }

  async latestAssessmentVersion(customerId: string): Promise<string | undefined> {
    // seq never repeats (AUTOINCREMENT, also after a removal); the revision counts refreshes of it.
    const r = this.sql('SELECT seq, revision FROM assessments_latest WHERE customer_id = ?').get(customerId) as { seq: number; revision: number } | undefined;
    return r && `${r.seq}.${r.revision}`;
  }

  async customerVersions(customerId: string): Promise<CustomerVersions> {
    return this.readVersions([customerId])[0]!;
  }

  async customersVersions(customerIds: readonly string[]): Promise<CustomerVersions[]> {
    return this.readVersions(customerIds);
  }

  /**
   * One read transaction for all of them: in WAL mode starting one costs more than a keyed read
   * (locks on the shared index); the covering indexes of migration 55 keep the reads off the JSON.
   */
  private readVersions(customerIds: readonly string[]): CustomerVersions[] {
    const versions = this.sql(
      `SELECT (SELECT value FROM meta WHERE key = ?),
         (SELECT seq || '.' || revision FROM assessments_latest WHERE customer_id = ?),
         (SELECT refreshed_at || '.' || revision FROM customer_register_refresh WHERE customer_id = ?)`,
    ).raw();
    const read = () =>
      customerIds.map((id) => {
        const [watchlist, assessment, registers] = versions.get(META_KEYS.watchlistVersion, id, id) as Array<string | null>;
        return { watchlist: watchlist ?? undefined, assessment: assessment ?? undefined, registers: registers ?? undefined };
      });
    return customerIds.length > 1 && !this.db.inTransaction ? this.db.transaction(read)() : read();
  }

  async latestAssessments(): Promise<Assessment[]> {
    return parse(this.sql('SELECT json FROM assessments_latest ORDER BY customer_id').all() as JsonRow[]);
  }

  async assessmentHistory(customerId: string): Promise<Assessment[]> {
    return parse(this.sql('SELECT json FROM assessments WHERE customer_id = ? ORDER BY seq').all(customerId) as JsonRow[]);
  }

  async assessmentsSince(afterSeq: number, limit: number): Promise<Array<{ seq: number; assessment: Assessment }>> {
    const rows = this.sql('SELECT seq, json FROM assessments WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Array<JsonRow & { seq: number }>;
    return rows.map((r) => ({ seq: r.seq, assessment: JSON.parse(r.json) as Assessment }));
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
    const stmt = this.sql(
      'INSERT INTO scoring_queue (customer_id, marked_at) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET marked_at = excluded.marked_at',
    );
    this.db.transaction(() => customerIds.forEach((id) => stmt.run(id, at.toISOString())))();
  }

  async dirtyCustomers(limit: number): Promise<string[]> {
    return (this.sql('SELECT customer_id FROM scoring_queue ORDER BY marked_at, customer_id LIMIT ?').all(limit) as Array<{ customer_id: string }>).map(
      (r) => r.customer_id,
    );
  }

  async clearDirty(customerIds: string[], markedBefore: Date): Promise<void> {
    const stmt = this.sql('DELETE FROM scoring_queue WHERE customer_id = ? AND marked_at <= ?');
    this.db.transaction(() => customerIds.forEach((id) => stmt.run(id, markedBefore.toISOString())))();
  }

  async getSourceHealth(sourceId: string): Promise<SourceHealth | undefined> {
    const r = this.sql('SELECT json FROM source_health WHERE source_id = ?').get(sourceId) as JsonRow | undefined;
    return r && sourceHealthSchema.parse(JSON.parse(r.json));
  }

  async saveSourceHealth(health: SourceHealth): Promise<void> {
    this.db
      .prepare('INSERT INTO source_health (source_id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at')
      .run(health.sourceId, JSON.stringify(health), new Date().toISOString());
  }

  async listSourceHealth(): Promise<SourceHealth[]> {
    return (this.sql('SELECT json FROM source_health ORDER BY source_id').all() as JsonRow[]).map((r) => sourceHealthSchema.parse(JSON.parse(r.json)));
  }

  async getMeta(key: MetaKey): Promise<string | undefined> {
    return (this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async setMeta(key: MetaKey, value: string): Promise<void> {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(openDatabase(path.join(dataDir, 'bonitor.db'), STORE_MIGRATIONS));
}
