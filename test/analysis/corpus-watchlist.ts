import { readFileSync } from 'node:fs';
import { buildWatchlistIndex, parseWatchlistCsv, type WatchlistIndex } from '../../analysis/linking/index.js';
import { loadLinkModel } from '../../app/link-model.js';

/** The eval corpus watchlist (analysis/eval/corpus/watchlist.csv, real companies) as the analyzer indexes it. */
export function loadCorpusWatchlistIndex(): WatchlistIndex {
  const wl = parseWatchlistCsv(readFileSync(new URL('../../analysis/eval/corpus/watchlist.csv', import.meta.url), 'utf8'));
  return buildWatchlistIndex(wl.customers, loadLinkModel());
}
