import { stableId } from '../platform/ids.js';
import { mergeWatchlistEntry, parseWatchlistCsv } from '../analysis/linking/watchlist-csv.js';
import type { Customer } from '../platform/schemas/index.js';
import { META_KEYS } from '../platform/store/meta-keys.js';
import type { App } from './compose.js';

export interface WatchlistImportResult {
  /** Customers in the file. */
  customers: number;
  added: string[];
  /** Customers whose stored entry changes, with the fields that change. */
  changed: Array<{ id: string; fields: string[] }>;
  unchanged: number;
  /** With `replace`: stored customers the file does not list. */
  removed: string[];
  errors: Array<{ line: number; reason: string }>;
  /** Stored documents that already named a new or changed customer, linked to it now. */
  relinked: { documents: number; signals: number };
}

/**
 * Imports the watchlist. By default it merges: customers in the file are added or updated with
 * what the file gives (an empty cell or a missing column keeps what is stored, so register ids
 * and aliases found earlier survive a partial file), customers not in it stay. `replace` makes the
 * file the whole watchlist. `dryRun` only says what would change. The watchlist version moves
 * only when something changed, so analyzers rebuild their index exactly when needed.
 */
export async function importWatchlist(
  app: Pick<App, 'store' | 'clock' | 'bus' | 'linkModel'> & Partial<Pick<App, 'eventModel'>>,
  csv: string,
  options: { replace?: boolean; dryRun?: boolean } = {},
): Promise<WatchlistImportResult> {
  const { entries, errors } = parseWatchlistCsv(csv);
  const stored = new Map((await app.store.listCustomers()).map((c) => [c.id, c]));
  const result: WatchlistImportResult = { customers: entries.length, added: [], changed: [], unchanged: 0, removed: [], errors, relinked: { documents: 0, signals: 0 } };
  const upserts: Customer[] = [];
  for (const entry of entries) {
    const before = stored.get(entry.customer.id);
    const after = options.replace ? entry.customer : mergeWatchlistEntry(before, entry);
    if (!before) result.added.push(after.id);
    else {
      const fields = (Object.keys(after) as Array<keyof Customer>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (fields.length === 0) {
        result.unchanged++;
        continue;
      }
      result.changed.push({ id: after.id, fields });
    }
    upserts.push(after);
  }
  if (options.replace && entries.length > 0) {
    const listed = new Set(entries.map((e) => e.customer.id));
    result.removed = [...stored.keys()].filter((id) => !listed.has(id)).sort();
  }
  if (options.dryRun || (upserts.length === 0 && result.removed.length === 0)) return result;
  if (upserts.length > 0) await app.store.upsertCustomers(upserts);
  if (result.removed.length > 0) await app.store.removeWatchlistEntries(result.removed);
  await recordWatchlistVersion(app.store);
  // New or changed customers are scored even before anything about them arrives.
  if (upserts.length > 0) await app.store.markDirty(upserts.map((c) => c.id), app.clock.now());
  // Stored documents that already name a new or changed customer are linked to it now.
  if (upserts.length > 0) result.relinked = await (await import('./relink.js')).relinkStoredDocuments(app, upserts);
  return result;
}

/**
 * Records the watchlist's version (a hash of every entry) after a change: readers that keep a
 * folded copy (the analyzer's linker, the HTTP server's search and kept check answers) read this
 * one value and fold again when it moved.
 */
export async function recordWatchlistVersion(store: Pick<App['store'], 'listCustomers' | 'setMeta'>): Promise<void> {
  await store.setMeta(META_KEYS.watchlistVersion, stableId('watchlist', JSON.stringify(await store.listCustomers())));
}
