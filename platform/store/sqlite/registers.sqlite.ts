import type { Statement } from 'better-sqlite3';
import type { Db } from '../../sqlite/open-database.js';
import { registerEntrySchema, sourceReportSchema, type RegisterEntry, type SourceReport } from '../../registers/register-entry.js';
import type { RegisterStore } from '../port.js';

/** Register cache and per-customer register entries on SQLite (migrations 20, 21 and 47). */
export class SqliteRegisterStore implements RegisterStore {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly db: Db) {}

  /** Each statement prepared once: a check reads the refresh per request. */
  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  async getCached(key: string): Promise<{ value: string; storedAt: string } | undefined> {
    const r = this.sql('SELECT value, stored_at FROM register_cache WHERE key = ?').get(key) as { value: string; stored_at: string } | undefined;
    return r && { value: r.value, storedAt: r.stored_at };
  }

  async putCached(key: string, value: string, at: Date): Promise<void> {
    this.sql('INSERT INTO register_cache (key, value, stored_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, stored_at = excluded.stored_at')
      .run(key, value, at.toISOString());
  }

  async saveEntries(customerId: string, entries: RegisterEntry[], sources: SourceReport[], at: Date): Promise<void> {
    const insert = this.sql('INSERT INTO customer_register_entries (customer_id, register, json, fetched_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      this.sql('DELETE FROM customer_register_entries WHERE customer_id = ?').run(customerId);
      for (const e of entries) insert.run(customerId, e.register, JSON.stringify(e), e.fetchedAt);
      this.sql('INSERT INTO customer_register_refresh (customer_id, refreshed_at, sources) VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET refreshed_at = excluded.refreshed_at, sources = excluded.sources, revision = revision + 1')
        .run(customerId, at.toISOString(), JSON.stringify(sources));
    })();
  }

  async entriesFor(customerId: string): Promise<RegisterEntry[]> {
    const rows = this.sql('SELECT json FROM customer_register_entries WHERE customer_id = ? ORDER BY register').all(customerId) as Array<{ json: string }>;
    return rows.map((r) => registerEntrySchema.parse(JSON.parse(r.json)));
  }

  async refreshes(): Promise<Array<{ customerId: string; refreshedAt: string; sources: SourceReport[] }>> {
    const rows = this.sql('SELECT customer_id, refreshed_at, sources FROM customer_register_refresh ORDER BY customer_id').all() as Array<{
      customer_id: string;
      refreshed_at: string;
      sources: string;
    }>;
    return rows.map((r) => ({ customerId: r.customer_id, refreshedAt: r.refreshed_at, sources: sourceReportSchema.array().parse(JSON.parse(r.sources)) }));
  }

  async refreshFor(customerId: string): Promise<{ customerId: string; refreshedAt: string; sources: SourceReport[] } | undefined> {
    const r = this.sql('SELECT refreshed_at, sources FROM customer_register_refresh WHERE customer_id = ?').get(customerId) as { refreshed_at: string; sources: string } | undefined;
    return r && { customerId, refreshedAt: r.refreshed_at, sources: sourceReportSchema.array().parse(JSON.parse(r.sources)) };
  }

}
