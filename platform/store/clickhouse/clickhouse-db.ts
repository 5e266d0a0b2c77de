import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS, type ClickHouseMigration } from './migrations.js';

export type Params = Record<string, unknown>;

/**
 * The thin I/O shell over @clickhouse/client: values travel only as server-side query
 * parameters ({name:Type}) or as insert data, never spliced into SQL. Table names are
 * `<db>.<table>` with `db` checked as an identifier once, here.
 */
export class ClickHouseDb {
  readonly client: ClickHouseClient;
  private lastVersion = 0;

  constructor(
    url: string,
    readonly db: string,
    private readonly insertSettings: Record<string, 0 | 1> = { async_insert: 1, wait_for_async_insert: 1 },
  ) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db)) throw new Error(`clickhouse database name "${db}" is not a plain identifier`);
    // Connect to "default": the database may not exist before the first migration.
    this.client = createClient({ url, compression: { request: false, response: false }, request_timeout: 30_000 });
  }

  table(name: string): string {
    return `${this.db}.${name}`;
  }

  async rows<T>(sql: string, params: Params = {}): Promise<T[]> {
    const rs = await this.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return rs.json<T>();
  }

  async first<T>(sql: string, params: Params = {}): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  async command(sql: string, params: Params = {}): Promise<void> {
    await this.client.command({ query: sql, query_params: params });
  }

  /** One batched insert per call; async_insert lets the server merge small ones into few parts. */
  async insert(table: string, values: object[]): Promise<void> {
    if (values.length === 0) return;
    await this.client.insert({ table: this.table(table), values, format: 'JSONEachRow', clickhouse_settings: this.insertSettings });
  }

  /** A microsecond clock, strictly increasing within this process: ReplacingMergeTree versions and cursors. */
  nextVersion(): number {
    this.lastVersion = Math.max(Date.now() * 1000, this.lastVersion + 1);
    return this.lastVersion;
  }

  async migrate(migrations: ClickHouseMigration[] = CLICKHOUSE_MIGRATIONS): Promise<number[]> {
    await this.command(`CREATE DATABASE IF NOT EXISTS ${this.db}`);
    await this.command(
      `CREATE TABLE IF NOT EXISTS ${this.table('schema_migrations')} (version UInt32, name String, applied_at String) ENGINE = ReplacingMergeTree ORDER BY version`,
    );
    const done = new Set(
      (await this.rows<{ version: number }>(`SELECT version FROM ${this.table('schema_migrations')} FINAL`)).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await this.command(statement.replaceAll('{db}', this.db));
      await m.run?.(this);
      await this.insert('schema_migrations', [{ version: m.version, name: m.name, applied_at: new Date().toISOString() }]);
      applied.push(m.version);
    }
    return applied;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
