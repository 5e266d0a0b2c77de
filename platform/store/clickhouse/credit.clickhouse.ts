import { acknowledgementSchema, noteSchema, overrideChangeSchema, type Acknowledgement, type CreditStore, type Note, type OverrideChange } from '../credit-state.js';
import type { ClickHouseDb } from './clickhouse-db.js';

/**
 * Overrides, notes and acknowledgements on ClickHouse (migration 10): append-only rows keyed by
 * id, read with FINAL; an id that exists is not written again, so the first acknowledgement wins.
 */
export class ClickHouseCreditStore implements CreditStore {
  constructor(private readonly ch: ClickHouseDb) {}

  private async existing(table: string, column: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.ch.rows<{ k: string }>(`SELECT ${column} AS k FROM ${this.ch.table(table)} FINAL WHERE ${column} IN {ids:Array(String)}`, { ids });
    return new Set(rows.map((r) => r.k));
  }

  async addOverrideChange(change: OverrideChange): Promise<void> {
    const c = overrideChangeSchema.parse(change);
    if ((await this.existing('credit_overrides', 'id', [c.id])).size > 0) return;
    await this.ch.insert('credit_overrides', [{ id: c.id, customer_id: c.customerId, at: c.at, json: JSON.stringify(c), version: this.ch.nextVersion() }]);
  }

  async overrideChanges(customerId?: string): Promise<OverrideChange[]> {
    const where = customerId === undefined ? '' : 'WHERE customer_id = {id:String}';
    const rows = await this.ch.rows<{ json: string }>(`SELECT json FROM ${this.ch.table('credit_overrides')} FINAL ${where} ORDER BY at, id`, customerId === undefined ? {} : { id: customerId });
    return rows.map((r) => overrideChangeSchema.parse(JSON.parse(r.json)));
  }

  async addNote(note: Note): Promise<void> {
    const n = noteSchema.parse(note);
    if ((await this.existing('customer_notes', 'id', [n.id])).size > 0) return;
    await this.ch.insert('customer_notes', [{ id: n.id, customer_id: n.customerId, at: n.at, json: JSON.stringify(n), version: this.ch.nextVersion() }]);
  }

  async notes(customerId: string): Promise<Note[]> {
    const rows = await this.ch.rows<{ json: string }>(`SELECT json FROM ${this.ch.table('customer_notes')} FINAL WHERE customer_id = {id:String} ORDER BY at DESC, id`, { id: customerId });
    return rows.map((r) => noteSchema.parse(JSON.parse(r.json)));
  }

  async acknowledge(acks: Acknowledgement[]): Promise<number> {
    const parsed = acks.map((a) => acknowledgementSchema.parse(a));
    const seen = await this.existing('alert_acknowledgements', 'item_key', parsed.map((a) => a.itemKey));
    const fresh = [...new Map(parsed.filter((a) => !seen.has(a.itemKey)).map((a) => [a.itemKey, a])).values()];
    if (fresh.length > 0) {
      const version = this.ch.nextVersion();
      await this.ch.insert('alert_acknowledgements', fresh.map((a) => ({ item_key: a.itemKey, customer_id: a.customerId, at: a.at, json: JSON.stringify(a), version })));
    }
    return fresh.length;
  }

  async acknowledgements(itemKeys: string[]): Promise<Map<string, Acknowledgement>> {
    if (itemKeys.length === 0) return new Map();
    const rows = await this.ch.rows<{ json: string }>(`SELECT json FROM ${this.ch.table('alert_acknowledgements')} FINAL WHERE item_key IN {keys:Array(String)}`, { keys: [...new Set(itemKeys)] });
    return new Map(rows.map((r) => acknowledgementSchema.parse(JSON.parse(r.json))).map((a) => [a.itemKey, a]));
  }

  async acknowledgementsFor(customerId: string): Promise<Acknowledgement[]> {
    const rows = await this.ch.rows<{ json: string }>(
      `SELECT json FROM ${this.ch.table('alert_acknowledgements')} FINAL WHERE customer_id = {id:String} ORDER BY at DESC, item_key`,
      { id: customerId },
    );
    return rows.map((r) => acknowledgementSchema.parse(JSON.parse(r.json)));
  }
}
