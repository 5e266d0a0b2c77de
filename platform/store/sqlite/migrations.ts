import type { Migration } from '../../sqlite/open-database.js';

/** Numbered, append-only: never edit a released migration, add the next number. */
export const STORE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
      CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE documents (id TEXT PRIMARY KEY, source_id TEXT NOT NULL, fetched_at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE seen_items (source_id TEXT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (source_id, item_id)) WITHOUT ROWID;
      CREATE TABLE ledger_rows (customer_id TEXT NOT NULL, invoice_id TEXT NOT NULL, json TEXT NOT NULL,
        PRIMARY KEY (customer_id, invoice_id)) WITHOUT ROWID;
      CREATE TABLE signals (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, customer_id TEXT, industry TEXT,
        occurred_at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX signals_customer ON signals (customer_id);
      CREATE INDEX signals_industry ON signals (industry);
      CREATE TABLE assessments (seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL, as_of TEXT NOT NULL,
        fingerprint TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX assessments_customer ON assessments (customer_id, seq);
      CREATE TABLE assessments_latest (customer_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE TABLE outbox (key TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, recipient TEXT NOT NULL, kind TEXT NOT NULL,
        period TEXT NOT NULL, subject TEXT NOT NULL, message TEXT NOT NULL, item_count INTEGER NOT NULL, cursor TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, lease_owner TEXT, lease_until INTEGER,
        created_at TEXT NOT NULL, sent_at TEXT);
      CREATE INDEX outbox_status ON outbox (status, created_at);
      CREATE INDEX outbox_subscription ON outbox (subscription_id, status);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'scoring queue',
    sql: `CREATE TABLE scoring_queue (customer_id TEXT PRIMARY KEY, marked_at TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    version: 3,
    name: 'source health',
    sql: `CREATE TABLE source_health (source_id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at TEXT NOT NULL);`,
  },
  {
    version: 4,
    name: 'outbox messages apart from their status',
    // Claims and status updates rewrite the row; keeping the 10 KB message elsewhere makes them cheap.
    sql: `
      CREATE TABLE outbox_messages (key TEXT PRIMARY KEY, message TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO outbox_messages (key, message) SELECT key, message FROM outbox;
      UPDATE outbox SET message = '';
    `,
  },
];
