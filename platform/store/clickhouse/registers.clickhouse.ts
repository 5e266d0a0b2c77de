import { registerEntrySchema, sourceReportSchema, type RegisterEntry, type SourceReport } from '../../registers/register-entry.js';
import type { RegisterStore } from '../port.js';
import type { ClickHouseDb } from './clickhouse-db.js';

/** Register cache and per-customer register entries on ClickHouse (ReplacingMergeTree, read with FINAL). */
export class ClickHouseRegisterStore implements RegisterStore {
  constructor(private readonly ch: ClickHouseDb) {}

  async getCached(key: string): Promise<{ value: string; storedAt: string } | undefined> {
    const r = await this.ch.first<{ value: string; stored_at: string }>(`SELECT value, stored_at FROM ${this.ch.table('register_cache')} FINAL WHERE key = {key:String}`, { key });
    return r && { value: r.value, storedAt: r.stored_at };
  }

  async putCached(key: string, value: string, at: Date): Promise<void> {
    await this.ch.insert('register_cache', [{ key, value, stored_at: at.toISOString(), version: this.ch.nextVersion() }]);
  }

  async saveEntries(customerId: string, entries: RegisterEntry[], sources: SourceReport[], at: Date): Promise<void> {
    const existing = await this.ch.rows<{ register: string }>(
      `SELECT register FROM ${this.ch.table('customer_register_entries')} FINAL WHERE customer_id = {id:String} AND deleted = 0`,
      { id: customerId },
    );
    const version = this.ch.nextVersion();
    const kept = new Set<string>(entries.map((e) => e.register));
    const rows = [
      ...entries.map((e) => ({ customer_id: customerId, register: e.register, json: JSON.stringify(e), fetched_at: e.fetchedAt, deleted: 0, version })),
      ...existing.filter((r) => !kept.has(r.register)).map((r) => ({ customer_id: customerId, register: r.register, json: '', fetched_at: '', deleted: 1, version })),
    ];
    if (rows.length > 0) await this.ch.insert('customer_register_entries', rows);
    await this.ch.insert('customer_register_refresh', [{ customer_id: customerId, refreshed_at: at.toISOString(), sources: JSON.stringify(sources), version }]);
  }

  async entriesFor(customerId: string): Promise<RegisterEntry[]> {
    const rows = await this.ch.rows<{ json: string }>(
      `SELECT json FROM ${this.ch.table('customer_register_entries')} FINAL WHERE customer_id = {id:String} AND deleted = 0 ORDER BY register`,
      { id: customerId },
    );
    return rows.map((r) => registerEntrySchema.parse(JSON.parse(r.json)));
  }

  async refreshes(): Promise<Array<{ customerId: string; refreshedAt: string; sources: SourceReport[] }>> {
    const rows = await this.ch.rows<{ customer_id: string; refreshed_at: string; sources: string }>(
      `SELECT customer_id, refreshed_at, sources FROM ${this.ch.table('customer_register_refresh')} FINAL ORDER BY customer_id`,
    );
    return rows.map((r) => ({ customerId: r.customer_id, refreshedAt: r.refreshed_at, sources: sourceReportSchema.array().parse(JSON.parse(r.sources)) }));
  }

  async refreshFor(customerId: string): Promise<{ customerId: string; refreshedAt: string; sources: SourceReport[] } | undefined> {
    const r = await this.ch.first<{ refreshed_at: string; sources: string }>(
      `SELECT refreshed_at, sources FROM ${this.ch.table('customer_register_refresh')} FINAL WHERE customer_id = {id:String}`,
      { id: customerId },
    );
    return r && { customerId, refreshedAt: r.refreshed_at, sources: sourceReportSchema.array().parse(JSON.parse(r.sources)) };
  }

}
