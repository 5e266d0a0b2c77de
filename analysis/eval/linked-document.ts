import { linkEntities, type LinkMatch, type WatchlistIndex } from '../linking/index.js';
import type { EventLine } from './corpus-schema.js';
import { eventDocumentOf } from './evaluate.js';

/**
 * A corpus sentence as the analyzer reads it (analysis/analyze-document.ts): linked against the
 * watchlist first, the links passed to the extractor as mentions, so a watched company's name is
 * a subject even where the extractor's own name finder misses it ("Nach Görtz rutscht nun auch
 * Reno in die Insolvenz"). `npm run eval` and scripts/fit-event-model.ts read sentences this way.
 */
export function linkedEventDocumentOf(line: EventLine, index: WatchlistIndex, langGiven = false): ReturnType<typeof eventDocumentOf> & { linked: LinkMatch[] } {
  const doc = eventDocumentOf(line, langGiven);
  return { ...doc, linked: linkEntities(index, doc) };
}
