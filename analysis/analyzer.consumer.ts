import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { dlq, ok, type BatchHandler, type HandlerResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Signal } from '../platform/schemas/index.js';
import type { CustomerRepo, DocumentStore, MetaStore } from '../platform/store/port.js';
import { buildWatchlistIndex, type WatchlistIndex } from './linking/index.js';
import { analyzeDocument } from './analyze-document.js';

export interface AnalyzerDeps {
  documents: DocumentStore;
  customers: CustomerRepo;
  meta: MetaStore;
  publishSignals(signals: Signal[]): Promise<void>;
  clock: Clock;
  log: Logger;
}

/** Meta key bumped whenever the watchlist changes, so analyzers rebuild their index. */
export const WATCHLIST_VERSION_KEY = 'watchlist.version';

/**
 * documents → link → classify → signals, a partition's run of documents at a time: each document
 * is stored and analysed, then the signals of the whole batch go out in ONE publish (one produce
 * round trip instead of one per document), and only then are the messages committed. A failure throws, so the bus retries
 * the batch; replaying yields the same signal ids and the same stored documents.
 */
export function createAnalyzerBatchHandler(deps: AnalyzerDeps): BatchHandler {
  const log = deps.log.child({ module: 'analyzer' });
  const currentIndex = watchlistIndexCache(deps, log);
  return async (messages) => {
    const results: HandlerResult[] = [];
    const signals: Signal[] = [];
    let index: WatchlistIndex | undefined;
    for (const message of messages) {
      const parsed = parseEnvelope(TOPICS.documents, message.value);
      if (!parsed.ok) {
        results.push(dlq(parsed.reason));
        continue;
      }
      const doc = parsed.value.payload;
      await deps.documents.upsertDocument(doc);
      index ??= await currentIndex(); // one watchlist check per batch
      const found = analyzeDocument(doc, index, deps.clock.now());
      if (found.length > 0) log.info({ document_id: doc.id, signals: found.length }, 'document_analyzed');
      signals.push(...found);
      results.push(ok);
    }
    if (signals.length > 0) await deps.publishSignals(signals);
    return results;
  };
}

/** The watchlist index, rebuilt when the watchlist version in meta changes. */
function watchlistIndexCache(deps: AnalyzerDeps, log: Logger): () => Promise<WatchlistIndex> {
  let index: WatchlistIndex | undefined;
  let indexVersion: string | undefined;
  return async () => {
    const version = (await deps.meta.getMeta(WATCHLIST_VERSION_KEY)) ?? '0';
    if (!index || version !== indexVersion) {
      const customers = await deps.customers.listCustomers();
      index = buildWatchlistIndex(customers);
      indexVersion = version;
      log.info({ customers: customers.length, version }, 'watchlist_index_built');
    }
    return index;
  };
}
