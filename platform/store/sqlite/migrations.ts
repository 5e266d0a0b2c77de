import type { Db, Migration } from '../../sqlite/open-database.js';
import { planLegacyUpgrade, type LegacyDigestRow, type LegacyMetaRow } from '../legacy-meta.js';

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
  {
    version: 5,
    name: 'typed alert state: subscriptions, digest state, instant-alert log, outbox retry time',
    sql: `
      CREATE TABLE subscriptions (id TEXT PRIMARY KEY, json TEXT, unsubscribed_at TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE digest_state (subscription_id TEXT PRIMARY KEY, signals_cursor INTEGER NOT NULL, assessments_cursor INTEGER NOT NULL,
        last_period TEXT, quiet_slots INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
      CREATE TABLE instant_state (subscription_id TEXT PRIMARY KEY, signals_cursor INTEGER NOT NULL, assessments_cursor INTEGER NOT NULL,
        updated_at TEXT NOT NULL);
      CREATE TABLE instant_marks (subscription_id TEXT NOT NULL, event TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, event)) WITHOUT ROWID;
      CREATE TABLE instant_mails (recipient TEXT NOT NULL, at TEXT NOT NULL, subscription_id TEXT NOT NULL,
        PRIMARY KEY (recipient, at, subscription_id)) WITHOUT ROWID;
      ALTER TABLE outbox ADD COLUMN retry_at TEXT;
    `,
  },
  {
    version: 6,
    name: 'alert state moved out of meta',
    sql: '',
    run: upgradeLegacyMeta,
  },
  {
    version: 10,
    name: 'overrides, notes and acknowledgements',
    sql: `
      CREATE TABLE credit_overrides (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX credit_overrides_customer ON credit_overrides (customer_id, at);
      CREATE TABLE customer_notes (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX customer_notes_customer ON customer_notes (customer_id, at);
      CREATE TABLE alert_acknowledgements (item_key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX alert_acknowledgements_customer ON alert_acknowledgements (customer_id, at);
    `,
  },
  {
    version: 20,
    name: 'register lookup cache',
    sql: `CREATE TABLE register_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, stored_at TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    version: 21,
    name: 'register entries per customer',
    sql: `
      CREATE TABLE customer_register_entries (customer_id TEXT NOT NULL, register TEXT NOT NULL, json TEXT NOT NULL, fetched_at TEXT NOT NULL,
        PRIMARY KEY (customer_id, register)) WITHOUT ROWID;
      CREATE TABLE customer_register_refresh (customer_id TEXT PRIMARY KEY, refreshed_at TEXT NOT NULL, sources TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 15,
    name: 'process heartbeats',
    sql: `CREATE TABLE process_heartbeats (process_id TEXT PRIMARY KEY, beat_ms INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX process_heartbeats_beat ON process_heartbeats (beat_ms);`,
  },  {
    version: 16,
    name: 'outbox: the attempt in flight is recorded before the message goes to the server',
    sql: `ALTER TABLE outbox ADD COLUMN attempt_started_at TEXT;`,
  },
  {
    version: 30,
    name: 'portfolio read side: latest assessment and watchlist columns, settled open items',
    // The portfolio reads every customer in one query: what it sorts, filters and shows is a column of
    // a narrow table, not a field of the 4 KB assessment JSON (reading past it costs overflow pages).
    // Customers with a ledger are re-scored once, which fills ledger_positions (the settlement lives
    // in analysis/, not in SQL).
    sql: `
      ALTER TABLE customers ADD COLUMN industry TEXT NOT NULL DEFAULT '';
      ALTER TABLE customers ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      UPDATE customers SET industry = COALESCE(json_extract(json, '$.industry'), ''), tags = COALESCE(json_extract(json, '$.tags'), '[]');
      CREATE INDEX customers_name ON customers (name, id);
      CREATE TABLE portfolio_latest (customer_id TEXT PRIMARY KEY, name TEXT, grade TEXT, score REAL, pd REAL, terms_kind TEXT, as_of TEXT,
        approved_limit REAL, utilisation REAL, currency TEXT, next_step TEXT, overridden INTEGER NOT NULL DEFAULT 0, prev_score REAL, prev_grade TEXT)
        WITHOUT ROWID;
      INSERT INTO portfolio_latest (customer_id, name, grade, score, pd, terms_kind, as_of, approved_limit, utilisation, currency, next_step, overridden,
          prev_score, prev_grade)
        SELECT l.customer_id, json_extract(l.json, '$.name'), json_extract(l.json, '$.grade'), json_extract(l.json, '$.score'), json_extract(l.json, '$.pd'),
          json_extract(l.json, '$.terms.kind'), json_extract(l.json, '$.asOf'), json_extract(l.json, '$.exposure.approvedLimit'),
          json_extract(l.json, '$.exposure.utilisation'), json_extract(l.json, '$.exposure.currency'), json_extract(l.json, '$.nextStep'),
          json_type(l.json, '$.override') IS NOT NULL,
          (SELECT json_extract(a.json, '$.score') FROM assessments a WHERE a.customer_id = l.customer_id AND a.seq < l.seq ORDER BY a.seq DESC LIMIT 1),
          (SELECT json_extract(a.json, '$.grade') FROM assessments a WHERE a.customer_id = l.customer_id AND a.seq < l.seq ORDER BY a.seq DESC LIMIT 1)
        FROM assessments_latest l;
      CREATE TABLE ledger_positions (customer_id TEXT NOT NULL, invoice_id TEXT NOT NULL, currency TEXT NOT NULL, due_date TEXT, open REAL NOT NULL,
        PRIMARY KEY (customer_id, invoice_id, currency)) WITHOUT ROWID;
      INSERT INTO scoring_queue (customer_id, marked_at) SELECT DISTINCT customer_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM ledger_rows WHERE true
        ON CONFLICT (customer_id) DO NOTHING;
    `,
  },
  {
    version: 47,
    name: 'write revisions of the latest assessment and of the register refresh',
    // A kept check answer is served while these are unchanged: a re-score that only refreshes asOf
    // keeps seq but bumps the revision; a register refresh bumps its own. Read by key, no JSON.
    sql: `
      ALTER TABLE assessments_latest ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE customer_register_refresh ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 55,
    name: 'covering indexes of the versions a kept check answer rests on',
    // The revision column comes after the 4 KB assessment JSON (migration 47): reading it from the
    // table walks the row's overflow pages. The index holds what a kept answer's check reads.
    sql: `
      CREATE INDEX assessments_latest_version ON assessments_latest (customer_id, seq, revision);
      CREATE INDEX customer_register_refresh_version ON customer_register_refresh (customer_id, refreshed_at, revision);
    `,
  },
];

/** Migration 6: what older versions kept under meta keys moves into the tables of migration 5. */
function upgradeLegacyMeta(db: Db): void {
  const meta = db.prepare(`SELECT key, value FROM meta WHERE key LIKE 'alerts%'`).all() as LegacyMetaRow[];
  const digestRows = db
    .prepare(`SELECT subscription_id AS subscriptionId, period, cursor FROM outbox WHERE kind = 'digest' AND status IN ('sent', 'pending')`)
    .all() as LegacyDigestRow[];
  const plan = planLegacyUpgrade(meta, digestRows, new Date());
  const now = new Date().toISOString();
  const sub = db.prepare('INSERT OR REPLACE INTO subscriptions (id, json, unsubscribed_at, updated_at) VALUES (?, ?, ?, ?)');
  for (const s of plan.subscriptions) sub.run(s.id, s.subscription ? JSON.stringify(s.subscription) : null, s.unsubscribedAt ?? null, now);
  const digest = db.prepare(
    'INSERT OR REPLACE INTO digest_state (subscription_id, signals_cursor, assessments_cursor, last_period, quiet_slots, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const d of plan.digestStates) digest.run(d.subscriptionId, d.cursor.signals, d.cursor.assessments, d.lastPeriod ?? null, d.quietSlots, now);
  const instant = db.prepare('INSERT OR REPLACE INTO instant_state (subscription_id, signals_cursor, assessments_cursor, updated_at) VALUES (?, ?, ?, ?)');
  for (const c of plan.instantCursors) instant.run(c.subscriptionId, c.cursor.signals, c.cursor.assessments, now);
  const mark = db.prepare('INSERT OR REPLACE INTO instant_marks (subscription_id, event, at) VALUES (?, ?, ?)');
  for (const m of plan.eventMarks) mark.run(m.subscriptionId, m.event, m.at);
  const mail = db.prepare(`INSERT OR IGNORE INTO instant_mails (recipient, at, subscription_id) VALUES (?, ?, '')`);
  for (const m of plan.instantMails) mail.run(m.recipient.toLowerCase(), m.at);
  const retry = db.prepare('UPDATE outbox SET retry_at = ? WHERE key = ?');
  for (const r of plan.retryAt) retry.run(r.at, r.key);
  const del = db.prepare('DELETE FROM meta WHERE key = ?');
  for (const key of plan.deleteKeys) del.run(key);
}
