import type { SourceHealth, SourceHealthRepo } from './port.js';

/** In-memory SourceHealthRepo for tests and one-shot CLI runs. */
export class MemorySourceHealthRepo implements SourceHealthRepo {
  private readonly rows = new Map<string, SourceHealth>();

  async getHealth(sourceId: string): Promise<SourceHealth | undefined> {
    const h = this.rows.get(sourceId);
    return h ? structuredClone(h) : undefined;
  }

  async saveHealth(health: SourceHealth): Promise<void> {
    this.rows.set(health.sourceId, structuredClone(health));
  }

  async listHealth(): Promise<SourceHealth[]> {
    return [...this.rows.values()].map((h) => structuredClone(h)).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  }
}
