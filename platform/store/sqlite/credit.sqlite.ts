import type { Db } from '../../sqlite/open-database.js';
import { acknowledgementSchema, noteSchema, overrideChangeSchema, type Acknowledgement, type CreditStore, type Note, type OverrideChange } from '../credit-state.js';

type JsonRow = { json: string };

/** Overrides, notes and acknowledgements on SQLite (migration 10). */
export class SqliteCreditStore implements CreditStore {
  constructor(private readonly db: Db) {}

  async addOverrideChange(change: OverrideChange): Promise<void> {
    const c = overrideChangeSchema.parse(change);
    this.db.prepare('INSERT OR IGNORE INTO credit_overrides (id, customer_id, at, json) VALUES (?, ?, ?, ?)').run(c.id, c.customerId, c.at, JSON.stringify(c));
  }

  async overrideChanges(customerId?: string): Promise<OverrideChange[]> {
    const rows = (
      customerId === undefined
        ? this.db.prepare('SELECT json FROM credit_overrides ORDER BY at, id').all()
        : this.db.prepare('SELECT json FROM credit_overrides WHERE customer_id = ? ORDER BY at, id').all(customerId)
    ) as JsonRow[];
    return rows.map((r) => overrideChangeSchema.parse(JSON.parse(r.json)));
  }

  async addNote(note: Note): Promise<void> {
    const n = noteSchema.parse(note);
    this.db.prepare('INSERT OR IGNORE INTO customer_notes (id, customer_id, at, json) VALUES (?, ?, ?, ?)').run(n.id, n.customerId, n.at, JSON.stringify(n));
  }

  async notes(customerId: string): Promise<Note[]> {
    const rows = this.db.prepare('SELECT json FROM customer_notes WHERE customer_id = ? ORDER BY at DESC, id').all(customerId) as JsonRow[];
    return rows.map((r) => noteSchema.parse(JSON.parse(r.json)));
  }

  async acknowledge(acks: Acknowledgement[]): Promise<number> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO alert_acknowledgements (item_key, customer_id, at, json) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() => acks.map((a) => acknowledgementSchema.parse(a)).reduce((n, a) => n + insert.run(a.itemKey, a.customerId, a.at, JSON.stringify(a)).changes, 0))();
  }

  async acknowledgements(itemKeys: string[]): Promise<Map<string, Acknowledgement>> {
    const out = new Map<string, Acknowledgement>();
    const get = this.db.prepare('SELECT json FROM alert_acknowledgements WHERE item_key = ?');
    for (const key of new Set(itemKeys)) {
      const r = get.get(key) as JsonRow | undefined;
      if (r) out.set(key, acknowledgementSchema.parse(JSON.parse(r.json)));
    }
    return out;
  }

  async acknowledgementsFor(customerId: string): Promise<Acknowledgement[]> {
    const rows = this.db.prepare('SELECT json FROM alert_acknowledgements WHERE customer_id = ? ORDER BY at DESC, item_key').all(customerId) as JsonRow[];
    return rows.map((r) => acknowledgementSchema.parse(JSON.parse(r.json)));
  }
}
