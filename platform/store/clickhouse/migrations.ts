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
];
