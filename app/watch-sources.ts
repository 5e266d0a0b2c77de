import { deriveWatchSources, type DerivedSource } from '../collectors/watch/derive-sources.js';
import type { AppConfig } from '../platform/config/schema.js';
import { sourceSchema } from '../platform/config/sources.js';
import type { Customer } from '../platform/schemas/index.js';

/**
 * The configured sources plus those derived from the watchlist (watching.enabled). A source the
 * user configured with the same id wins; derived sources are validated like configured ones.
 */
export function withWatchSources(config: AppConfig, customers: readonly Customer[]): { config: AppConfig; derived: DerivedSource[] } {
  const derived = deriveWatchSources(customers, config.watching);
  if (derived.length === 0) return { config, derived };
  const own = new Set(config.sources.map((s) => s.id));
  const extra = derived.filter((d) => !own.has(d.source.id)).map((d) => sourceSchema.parse(d.source));
  return { config: { ...config, sources: [...config.sources, ...extra] }, derived };
}
