import { processHeartbeatSchema, type ProcessHealthStore, type ProcessHeartbeat } from '../process-health.js';
import type { ClickHouseDb } from './clickhouse-db.js';

/** One row per process (ReplacingMergeTree by process_id, the latest beat wins). */
export class ClickHouseProcessHealthStore implements ProcessHealthStore {
  constructor(private readonly ch: ClickHouseDb) {}

  async saveHeartbeat(h: ProcessHeartbeat): Promise<void> {
    await this.ch.insert('process_heartbeats', [{ process_id: h.processId, beat_ms: Date.parse(h.beatAt), json: JSON.stringify(h), version: this.ch.nextVersion() }]);
  }

  async heartbeats(since: Date): Promise<ProcessHeartbeat[]> {
    const rows = await this.ch.rows<{ json: string }>(
      `SELECT json FROM ${this.ch.table('process_heartbeats')} FINAL WHERE beat_ms >= {since:UInt64} ORDER BY beat_ms, process_id`,
      { since: since.getTime() },
    );
    return rows.map((r) => processHeartbeatSchema.parse(JSON.parse(r.json)));
  }
}
