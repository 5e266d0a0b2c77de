import { stableId } from '../platform/ids.js';
import { parseWatchlistCsv } from '../analysis/linking/index.js';
import { META_KEYS } from '../platform/store/meta-keys.js';
import type { App } from './compose.js';
import { relinkStoredDocuments } from './relink.js';

/**
 * Imports the watchlist: customers are upserted, and the watchlist version moves only
 * when the content changed, so analyzers rebuild their index exactly when needed.
 */
export async function importWatchlist(
  app: Pick<App, 'store' | 'clock' | 'bus'>,
  csv: string,
): Promise<{ customers: number; changed: boolean; errors: Array<{ line: number; reason: string }>; relinked: { documents: number; signals: number } }> {
  const { customers, errors } = parseWatchlistCsv(csv);
  const version = stableId('watchlist', JSON.stringify(customers));
  const changed = (await app.store.getMeta(META_KEYS.watchlistVersion)) !== version;
  let relinked = { documents: 0, signals: 0 };
  if (changed && customers.length > 0) {
    const before = new Map((await app.store.listCustomers()).map((c) => [c.id, JSON.stringify(c)]));
    await app.store.upsertCustomers(customers);
    await app.store.setMeta(META_KEYS.watchlistVersion, version);
    // New or changed customers are scored even before anything about them arrives.
    await app.store.markDirty(customers.map((c) => c.id), app.clock.now());
    // Stored documents that already name a new or changed customer are linked to it now.
    relinked = await relinkStoredDocuments(app, customers.filter((c) => before.get(c.id) !== JSON.stringify(c)));
  }
  return { customers: customers.length, changed, errors, relinked };
}
