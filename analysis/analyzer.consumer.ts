import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { stableId } from '../platform/ids.js';
import { dlq, ok, type BatchHandler, type HandlerResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Document, type Signal } from '../platform/schemas/index.js';
import type { CustomerRepo, DocumentStore, MetaStore } from '../platform/store/port.js';
import { buildWatchlistIndex, linkEntities, pairEventsWithCustomers, type WatchlistIndex } from './linking/index.js';
import { classifyDocument } from './classify/index.js';
import { findIndustryEvents } from './industry/index.js';

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

/**
 * Pure: one document against the watchlist → the signals it carries. An event counts fully for
 * the customer its sentence (or the title) names; other customers in the same article get it
 * as ambiguous, so they are shown for review but never alerted. A document that names no
 * customer but an industry yields industry signals (NACE section) for the industry risk index.
 */
export function analyzeDocument(doc: Document, index: WatchlistIndex, detectedAt: Date): Signal[] {
  const occurredAt = doc.publishedAt ?? doc.fetchedAt;
  const classification = classifyDocument({ title: doc.title, text: doc.text, lang: doc.language, rubric: doc.rubric, publishedAt: occurredAt });
  if (classification.events.length === 0) return [];
  const linkable = { title: doc.title, text: doc.text, url: doc.url, registerIds: doc.registerIds, rubric: doc.rubric };
  const matches = linkEntities(index, linkable);
  const base = {
    polarity: classification.polarity,
    documentIds: [doc.id],
    sourceId: doc.sourceId,
    title: doc.title,
    url: doc.url,
    occurredAt,
    detectedAt: detectedAt.toISOString(),
  };
  if (matches.length > 0) {
    return pairEventsWithCustomers(index, linkable, classification.events, matches).map((e) => ({
      ...base,
      id: stableId('signal', doc.id, e.customerId, e.type),
      type: e.type,
      severity: e.severity,
      confidence: round(e.confidence),
      customerId: e.customerId,
      ambiguous: e.ambiguous,
      evidence: e.evidence,
    }));
  }
  return findIndustryEvents(doc, classification.events).map((e) => ({
    ...base,
    id: stableId('signal', doc.id, `industry:${e.section}`, e.type),
    type: e.type,
    severity: e.severity,
    confidence: round(e.confidence),
    industry: e.section,
    ambiguous: false,
    evidence: e.evidence,
  }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
