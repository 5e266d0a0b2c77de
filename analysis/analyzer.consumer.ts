import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { rejectUnparsed } from '../platform/bus/envelope-step.js';
import { ok, type BatchHandler, type StepResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Signal } from '../platform/schemas/index.js';
import { META_KEYS } from '../platform/store/meta-keys.js';
import type { CustomerRepo, DocumentStore, MetaStore } from '../platform/store/port.js';
import { buildWatchlistIndex, type LinkModel, type WatchlistIndex } from './linking/index.js';
import { analyzeDocument } from './analyze-document.js';
import type { EventModel } from './classify/index.js';

export interface AnalyzerDeps {
  documents: DocumentStore;
  customers: CustomerRepo;
  meta: MetaStore;
  clock: Clock;
  log: Logger;
  /** The linking weights (the composition root loads analysis/linking/link-model.json). */
  linkModel: LinkModel;
  /** The trained event layer; without it the extractor's rules decide alone. */
  eventModel?: EventModel;
}

/**
 * documents → link → classify: each document of a partition's run is stored and analysed, and
 * its result carries the signals found (ok(signals)). The consumer publishes the signals of the
 * whole run in one go and only then commits. Replaying yields the same signal ids and the same
 * stored documents.
 */
export function createAnalyzerStep(deps: AnalyzerDeps): BatchHandler<Signal[]> {
  const log = deps.log.child({ module: 'analyzer' });
  const currentIndex = watchlistIndexCache(deps, log);
  return async (messages) => {
    const parsed = messages.map((m) => parseEnvelope(TOPICS.documents, m.value));
    const docs = parsed.flatMap((p) => (p.ok ? [p.value.payload] : []));
    // The batch's documents in one store write; the watchlist checked once per batch.
    if (docs.length > 0) await deps.documents.upsertDocuments(docs);
    const index = docs.length > 0 ? await currentIndex() : undefined;
    const now = deps.clock.now();
    return parsed.map((p): StepResult<Signal[]> => {
      if (!p.ok) return rejectUnparsed(p);
      const doc = p.value.payload;
      const found = analyzeDocument(doc, index!, now, { eventModel: deps.eventModel });
      if (found.length > 0) log.info({ document_id: doc.id, signals: found.length }, 'document_analyzed');
      return ok(found);
    });
  };
}

/** The watchlist index, rebuilt when the watchlist version in meta changes. */
function watchlistIndexCache(deps: AnalyzerDeps, log: Logger): () => Promise<WatchlistIndex> {
  let index: WatchlistIndex | undefined;
  let indexVersion: string | undefined;
  return async () => {
    const version = (await deps.meta.getMeta(META_KEYS.watchlistVersion)) ?? '0';
    if (!index || version !== indexVersion) {
      const customers = await deps.customers.listCustomers();
      index = buildWatchlistIndex(customers, deps.linkModel);
      indexVersion = version;
      log.info({ customers: customers.length, version }, 'watchlist_index_built');
    }
    return index;
  };
}
