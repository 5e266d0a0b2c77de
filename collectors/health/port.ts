import type { SourceHealth } from '../../platform/schemas/index.js';

/**
 * Per-source state the collectors keep between runs (schema in platform/schemas): health
 * (for `bonitor sources`, the parking rule and health alerts), the conditional-GET
 * validators and a resume cursor. The store keeps one row per source; tests use the memory one.
 */
export { emptyHealth, type SourceHealth, type SourceHealthEvent } from '../../platform/schemas/index.js';

export interface SourceHealthRepo {
  getHealth(sourceId: string): Promise<SourceHealth | undefined>;
  saveHealth(health: SourceHealth): Promise<void>;
  listHealth(): Promise<SourceHealth[]>;
}
