import type { Db } from '../../sqlite/open-database.js';
import { processHeartbeatSchema, type ProcessHealthStore, type ProcessHeartbeat } from '../process-health.js';

/** Rows of processes gone for longer than this are deleted on the next save. */
const KEEP_MS = 7 * 86_400_000;

export class SqliteProcessHealthStore implements ProcessHealthStore {
  constructor(private readonly db: Db) {}

  async saveHeartbeat(h: ProcessHeartbeat): Promise<void> {
    const beatMs = Date.parse(h.beatAt);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO process_heartbeats (process_id, beat_ms, json) VALUES (?, ?, ?) ON CONFLICT (process_id) DO UPDATE SET beat_ms = excluded.beat_ms, json = excluded.json')
        .run(h.processId, beatMs, JSON.stringify(h));
      this.db.prepare('DELETE FROM process_heartbeats WHERE beat_ms < ?').run(beatMs - KEEP_MS);
    })();
  }

  async heartbeats(since: Date): Promise<ProcessHeartbeat[]> {
    const rows = this.db.prepare('SELECT json FROM process_heartbeats WHERE beat_ms >= ? ORDER BY beat_ms, process_id').all(since.getTime()) as Array<{ json: string }>;
    return rows.map((r) => processHeartbeatSchema.parse(JSON.parse(r.json)));
  }
}
