export { buildWatchlistIndex, normalizeRegisterId, type WatchlistIndex } from './watchlist-index.js';
export { linkEntities, type LinkMatch, type LinkReason, type LinkableDocument, type TextSpan } from './link-entities.js';
export { isValidCheUid, mergeWatchlistEntry, parseWatchlistCsv, type WatchlistCsvError, type WatchlistEntry } from './watchlist-csv.js';
export { explainLink } from './explain-link.js';
export { parseLinkModel, linkModelSchema, type LinkModel } from './link-model.js';
export { FEATURES, FEATURE_DOCS, type Feature } from './mention-features.js';
export { foldToken, tokenizeText, isGenericToken } from './normalize-name.js';
export { scanTokens } from './scan-text.js';
export { pairEventsWithCustomers, type CustomerEvent, type DocumentEvent } from './pair-events.js';
