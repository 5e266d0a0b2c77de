import { stableId } from '../platform/ids.js';
import { parseWatchlistCsv } from '../analysis/linking/index.js';
import { META_KEYS } from '../platform/store/meta-keys.js';
import type { App } from './compose.js';

/**
 * Imports the watchlist: customers are upserted, and the watchlist version moves only
 * when the content changed, so analyzers rebuild their index exactly when needed.
 */
export async function importWatchlist(app: Pick<App, 'store' | 'clock'>, csv: string): Promise<{ customers: number; changed: boolean; errors: Array<{ line: number; reason: string }> }> {
  const { customers, errors } = parseWatchlistCsv(csv);
  const version = stableId('watchlist', JSON.stringify(customers));
  const changed = (await app.store.getMeta(META_KEYS.watchlistVersion)) !== version;
  if (changed && customers.length > 0) {
    await app.store.upsertCustomers(customers);
    await app.store.setMeta(META_KEYS.watchlistVersion, version);
    // New or changed customers are scored even before anything about them arrives.
    await app.store.markDirty(customers.map((c) => c.id), app.clock.now());
  }
  return { customers: customers.length, changed, errors };
}
