import { analyzeDocument } from '../analysis/analyze-document.js';
import type { EventModel } from '../analysis/classify/event-model.js';
import { linkEntities } from '../analysis/linking/link-entities.js';
import type { LinkModel } from '../analysis/linking/link-model.js';
import { buildWatchlistIndex } from '../analysis/linking/watchlist-index.js';
import type { Customer, Document, Signal } from '../platform/schemas/index.js';

/** The candidate documents that really name the prospect, linked and classified exactly as the analyzer would. */
export function prospectSignals(prospect: Customer, candidates: readonly Document[], now: Date, models: { linkModel: LinkModel; eventModel?: EventModel }): { named: Document[]; signals: Signal[] } {
  const index = buildWatchlistIndex([prospect], models.linkModel);
  const named = candidates.filter((d) => linkEntities(index, { title: d.title, text: d.text, url: d.url, registerIds: d.registerIds }).length > 0);
  return { named, signals: named.flatMap((d) => analyzeDocument(d, index, now, { eventModel: models.eventModel })) };
}
