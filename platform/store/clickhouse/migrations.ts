import { planLegacyUpgrade, type LegacyDigestRow, type LegacyMetaRow } from '../legacy-meta.js';

/**
 * Numbered, append-only ClickHouse migrations (same numbers as the SQLite ones): never edit a
 * released one, add the next number. `{db}` is the configured database, a checked identifier;
 * values never appear in this SQL.
 *
 * Idempotent replay: every mutable table is a ReplacingMergeTree keyed by its natural key with
 * a `version` column (a microsecond clock), read with FINAL, so writing the same fact again
 * leaves one row. Assessment history is keyed by (customer, asOf, fingerprint) for the same reason.
 */
export interface ClickHouseMigration {
  version: number;
  name: string;
  statements: string[];
  /** Data moved by code after the statements (an in-place upgrade). */
  run?: (db: MigrationDb) => Promise<void>;
}

/** What a migration's code may use (ClickHouseDb). */
export interface MigrationDb {
  table(name: string): string;
  rows<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  insert(table: string, values: object[]): Promise<void>;
  command(sql: string, params?: Record<string, unknown>): Promise<void>;
  nextVersion(): number;
}

const rmt = (orderBy: string, version = 'version') => `ENGINE = ReplacingMergeTree(${version}) ORDER BY ${orderBy}`;

export const CLICKHOUSE_MIGRATIONS: ClickHouseMigration[] = [
  {
    version: 1,
    name: 'core tables',
    statements: [
      `CREATE TABLE IF NOT EXISTS {db}.customers (id String, name String, json String, version UInt64) ${rmt('id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.documents (id String, source_id String, fetched_at String, json String, version UInt64) ${rmt('id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.seen_items (source_id String, item_id String) ENGINE = ReplacingMergeTree ORDER BY (source_id, item_id)`,
      `CREATE TABLE IF NOT EXISTS {db}.ledger_rows (customer_id String, invoice_id String, json String, version UInt64) ${rmt('(customer_id, invoice_id)')}`,
      // seq is the ingestion cursor; the first write of a signal id wins (checked before insert).
      `CREATE TABLE IF NOT EXISTS {db}.signals (id String, seq UInt64, customer_id String, industry String, occurred_at String, json String,
         INDEX signals_customer customer_id TYPE bloom_filter GRANULARITY 1,
         INDEX signals_industry industry TYPE bloom_filter GRANULARITY 1,
         INDEX signals_seq seq TYPE minmax GRANULARITY 1)
       ENGINE = ReplacingMergeTree ORDER BY id`,
      `CREATE TABLE IF NOT EXISTS {db}.assessments (customer_id String, seq UInt64, as_of String, fingerprint String, json String,
         INDEX assessments_seq seq TYPE minmax GRANULARITY 1)
       ENGINE = ReplacingMergeTree ORDER BY (customer_id, as_of, fingerprint)`,
      `CREATE TABLE IF NOT EXISTS {db}.assessments_latest (customer_id String, seq UInt64, fingerprint String, json String, version UInt64) ${rmt('customer_id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.outbox (key String, subscription_id String, recipient String, kind LowCardinality(String), period String,
         subject String, message String, item_count UInt32, cursor String, status LowCardinality(String), attempts UInt32, last_error String,
         lease_owner String, lease_until Int64, created_at String, sent_at String, version UInt64) ${rmt('key')}`,
      `CREATE TABLE IF NOT EXISTS {db}.meta (key String, value String, version UInt64) ${rmt('key')}`,
    ],
  },
  {
    version: 2,
    name: 'scoring queue',
    // deleted = 1 is a tombstone; FINAL drops a row whose newest version is a tombstone.
    statements: [`CREATE TABLE IF NOT EXISTS {db}.scoring_queue (customer_id String, marked_at String, deleted UInt8, version UInt64) ${rmt('customer_id', 'version, deleted')}`],
  },
  {
    version: 3,
    name: 'source health',
    statements: [`CREATE TABLE IF NOT EXISTS {db}.source_health (source_id String, json String, updated_at String, version UInt64) ${rmt('source_id')}`],
  },
  {
    version: 5,
    name: 'typed alert state: subscriptions, digest state, instant-alert log, outbox retry time',
    statements: [
      // deleted = 1 is a tombstone, as in scoring_queue.
      `CREATE TABLE IF NOT EXISTS {db}.subscriptions (id String, json String, unsubscribed_at String, deleted UInt8, version UInt64) ${rmt('id', 'version, deleted')}`,
      `CREATE TABLE IF NOT EXISTS {db}.digest_state (subscription_id String, signals_cursor UInt64, assessments_cursor UInt64, last_period String,
         quiet_slots UInt32, updated_at String, version UInt64) ${rmt('subscription_id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.instant_state (subscription_id String, signals_cursor UInt64, assessments_cursor UInt64, updated_at String,
         version UInt64) ${rmt('subscription_id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.instant_marks (subscription_id String, event String, at String, version UInt64) ${rmt('(subscription_id, event)')}`,
      `CREATE TABLE IF NOT EXISTS {db}.instant_mails (recipient String, at String, subscription_id String)
         ENGINE = ReplacingMergeTree ORDER BY (recipient, at, subscription_id)`,
      `ALTER TABLE {db}.outbox ADD COLUMN IF NOT EXISTS retry_at String`,
    ],
  },
  {
    version: 6,
    name: 'alert state moved out of meta',
    statements: [],
    run: upgradeLegacyMeta,
  },
  {
    version: 10,
    name: 'overrides, notes and acknowledgements',
    // Append-only facts: the first write of an id wins (checked before insert), replays leave one row.
    statements: [
      `CREATE TABLE IF NOT EXISTS {db}.credit_overrides (id String, customer_id String, at String, json String, version UInt64) ${rmt('id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.customer_notes (id String, customer_id String, at String, json String, version UInt64) ${rmt('id')}`,
      `CREATE TABLE IF NOT EXISTS {db}.alert_acknowledgements (item_key String, customer_id String, at String, json String, version UInt64) ${rmt('item_key')}`,
    ],
  },
  {
    version: 20,
    name: 'register lookup cache',
    statements: [`CREATE TABLE IF NOT EXISTS {db}.register_cache (key String, value String, stored_at String, version UInt64) ${rmt('key')}`],
  },
  {
    version: 21,
    name: 'register entries per customer',
    // One row per (customer, register); a refresh that no longer finds a register writes a tombstone (deleted = 1).
    statements: [
      `CREATE TABLE IF NOT EXISTS {db}.customer_register_entries (customer_id String, register String, json String, fetched_at String, deleted UInt8, version UInt64) ${rmt('(customer_id, register)', 'version, deleted')}`,
      `CREATE TABLE IF NOT EXISTS {db}.customer_register_refresh (customer_id String, refreshed_at String, sources String, version UInt64) ${rmt('customer_id')}`,
    ],
  },
  {
    version: 15,
    name: 'process heartbeats',
    statements: [`CREATE TABLE IF NOT EXISTS {db}.process_heartbeats (process_id String, beat_ms UInt64, json String, version UInt64) ${rmt('process_id')}`],
  },  {
    version: 16,
    name: 'outbox: the attempt in flight is recorded before the message goes to the server',
    statements: [`ALTER TABLE {db}.outbox ADD COLUMN IF NOT EXISTS attempt_started_at String`],
  },
  {
    version: 30,
    name: 'portfolio read side: latest assessment and watchlist columns, settled open items',
    // What the portfolio sorts and filters on is a column computed from the JSON at insert (and on
    // read for older parts); the previous score is written by saveAssessment. Open items: one row
    // per customer with parallel arrays, replaced as a whole by the scorer.
    statements: [
      `ALTER TABLE {db}.customers ADD COLUMN IF NOT EXISTS industry String MATERIALIZED JSONExtractString(json, 'industry')`,
      `ALTER TABLE {db}.customers ADD COLUMN IF NOT EXISTS tags Array(String) MATERIALIZED JSONExtract(json, 'tags', 'Array(String)')`,
      `ALTER TABLE {db}.assessments_latest
         ADD COLUMN IF NOT EXISTS name String MATERIALIZED JSONExtractString(json, 'name'),
         ADD COLUMN IF NOT EXISTS grade String MATERIALIZED JSONExtractString(json, 'grade'),
         ADD COLUMN IF NOT EXISTS score Float64 MATERIALIZED JSONExtractFloat(json, 'score'),
         ADD COLUMN IF NOT EXISTS pd Float64 MATERIALIZED JSONExtractFloat(json, 'pd'),
         ADD COLUMN IF NOT EXISTS terms_kind String MATERIALIZED JSONExtractString(json, 'terms', 'kind'),
         ADD COLUMN IF NOT EXISTS as_of String MATERIALIZED JSONExtractString(json, 'asOf'),
         ADD COLUMN IF NOT EXISTS approved_limit Nullable(Float64) MATERIALIZED JSONExtract(json, 'exposure', 'approvedLimit', 'Nullable(Float64)'),
         ADD COLUMN IF NOT EXISTS utilisation Nullable(Float64) MATERIALIZED JSONExtract(json, 'exposure', 'utilisation', 'Nullable(Float64)'),
         ADD COLUMN IF NOT EXISTS currency String MATERIALIZED JSONExtractString(json, 'exposure', 'currency'),
         ADD COLUMN IF NOT EXISTS next_step String MATERIALIZED JSONExtractRaw(json, 'nextStep'),
         ADD COLUMN IF NOT EXISTS overridden UInt8 MATERIALIZED JSONHas(json, 'override'),
         ADD COLUMN IF NOT EXISTS prev_score Nullable(Float64),
         ADD COLUMN IF NOT EXISTS prev_grade String`,
      `CREATE TABLE IF NOT EXISTS {db}.ledger_positions (customer_id String, invoice_ids Array(String), currencies Array(String),
         due_dates Array(Nullable(String)), opens Array(Float64), version UInt64) ${rmt('customer_id')}`,
    ],
    run: fillPortfolioColumns,
  },

];

/**
 * Migration 30: the previous assessment of each customer (the one before its latest in history),
 * and every customer with a ledger queued for re-scoring, which settles its open items.
 */
async function fillPortfolioColumns(db: MigrationDb): Promise<void> {
  const previous = await db.rows<{ customer_id: string; score: number; grade: string }>(
    `SELECT customer_id, score, grade FROM (
       SELECT customer_id, JSONExtractFloat(json, 'score') AS score, JSONExtractString(json, 'grade') AS grade,
              row_number() OVER (PARTITION BY customer_id ORDER BY seq DESC) AS n
       FROM ${db.table('assessments')} FINAL) WHERE n = 2`,
  );
  if (previous.length > 0) {
    const prev = new Map(previous.map((p) => [p.customer_id, p]));
    const latest = await db.rows<{ customer_id: string; seq: string; fingerprint: string; json: string }>(
      `SELECT customer_id, seq, fingerprint, json FROM ${db.table('assessments_latest')} FINAL WHERE has({ids:Array(String)}, customer_id)`,
      { ids: [...prev.keys()] },
    );
    const version = db.nextVersion();
    await db.insert('assessments_latest', latest.map((l) => ({ ...l, prev_score: prev.get(l.customer_id)!.score, prev_grade: prev.get(l.customer_id)!.grade, version })));
  }
  const withLedger = await db.rows<{ customer_id: string }>(`SELECT DISTINCT customer_id FROM ${db.table('ledger_rows')}`);
  const at = new Date().toISOString();
  const version = db.nextVersion();
  await db.insert('scoring_queue', withLedger.map((r) => ({ customer_id: r.customer_id, marked_at: at, deleted: 0, version })));
}

/** Migration 6: what older versions kept under meta keys moves into the tables of migration 5. */
async function upgradeLegacyMeta(db: MigrationDb): Promise<void> {
  const meta = await db.rows<LegacyMetaRow>(`SELECT key, value FROM ${db.table('meta')} FINAL WHERE startsWith(key, 'alerts')`);
  const digestRows = await db.rows<LegacyDigestRow>(
    `SELECT subscription_id AS subscriptionId, period, cursor FROM ${db.table('outbox')} FINAL WHERE kind = 'digest' AND status IN ('sent', 'pending')`,
  );
  const plan = planLegacyUpgrade(meta, digestRows, new Date());
  const now = new Date().toISOString();
  const version = db.nextVersion();
  await db.insert(
    'subscriptions',
    plan.subscriptions.map((s) => ({ id: s.id, json: s.subscription ? JSON.stringify(s.subscription) : '', unsubscribed_at: s.unsubscribedAt ?? '', deleted: 0, version })),
  );
  await db.insert(
    'digest_state',
    plan.digestStates.map((d) => ({
      subscription_id: d.subscriptionId, signals_cursor: d.cursor.signals, assessments_cursor: d.cursor.assessments,
      last_period: d.lastPeriod ?? '', quiet_slots: d.quietSlots, updated_at: now, version,
    })),
  );
  await db.insert(
    'instant_state',
    plan.instantCursors.map((c) => ({ subscription_id: c.subscriptionId, signals_cursor: c.cursor.signals, assessments_cursor: c.cursor.assessments, updated_at: now, version })),
  );
  await db.insert('instant_marks', plan.eventMarks.map((m) => ({ subscription_id: m.subscriptionId, event: m.event, at: m.at, version })));
  await db.insert('instant_mails', plan.instantMails.map((m) => ({ recipient: m.recipient.toLowerCase(), at: m.at, subscription_id: '' })));
  for (const r of plan.retryAt) {
    const rows = await db.rows<Record<string, unknown>>(`SELECT * FROM ${db.table('outbox')} FINAL WHERE key = {key:String}`, { key: r.key });
    if (rows[0]) await db.insert('outbox', [{ ...rows[0], retry_at: r.at, version: db.nextVersion() }]);
  }
  if (plan.deleteKeys.length > 0) {
    await db.command(`ALTER TABLE ${db.table('meta')} DELETE WHERE has({keys:Array(String)}, key) SETTINGS mutations_sync = 1`, { keys: plan.deleteKeys });
  }
}
