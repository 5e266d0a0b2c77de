import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { stableId } from '../platform/ids.js';
import { dlq, ok, type Handler } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Document, type Signal } from '../platform/schemas/index.js';
import type { CustomerRepo, DocumentStore, MetaStore } from '../platform/store/port.js';
import { buildWatchlistIndex, linkEntities, type WatchlistIndex } from './linking/index.js';
import { classifyDocument } from './classify/index.js';

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
 * documents → link → classify → signals. The document is stored first, the signals are
 * published, and only then is the message committed; replaying it yields the same signal ids.
 */
export function createAnalyzerHandler(deps: AnalyzerDeps): Handler {
  const log = deps.log.child({ module: 'analyzer' });
  let index: WatchlistIndex | undefined;
  let indexVersion: string | undefined;

  async function currentIndex(): Promise<WatchlistIndex> {
    const version = (await deps.meta.getMeta(WATCHLIST_VERSION_KEY)) ?? '0';
    if (!index || version !== indexVersion) {
      const customers = await deps.customers.listCustomers();
      index = buildWatchlistIndex(customers);
      indexVersion = version;
      log.info({ customers: customers.length, version }, 'watchlist_index_built');
    }
    return index;
  }

  return async (message) => {
    const parsed = parseEnvelope(TOPICS.documents, message.value);
    if (!parsed.ok) return dlq(parsed.reason);
    const doc = parsed.value.payload;
    await deps.documents.upsertDocument(doc);
    const signals = analyzeDocument(doc, await currentIndex(), deps.clock.now());
    if (signals.length > 0) {
      await deps.publishSignals(signals);
      log.info({ document_id: doc.id, signals: signals.length }, 'document_analyzed');
    }
    return ok;
  };
}

/** Pure: one document against the watchlist → the signals it carries about customers. */
export function analyzeDocument(doc: Document, index: WatchlistIndex, detectedAt: Date): Signal[] {
  const classification = classifyDocument({ title: doc.title, text: doc.text, lang: doc.language, rubric: doc.rubric });
  if (classification.events.length === 0) return [];
  const matches = linkEntities(index, { title: doc.title, text: doc.text, url: doc.url, registerIds: doc.registerIds });
  const occurredAt = doc.publishedAt ?? doc.fetchedAt;
  const signals: Signal[] = [];
  for (const match of matches) {
    for (const event of classification.events) {
      signals.push({
        id: stableId('signal', doc.id, match.customerId, event.type),
        type: event.type,
        severity: event.severity,
        confidence: round(event.confidence * match.confidence),
        polarity: classification.polarity,
        customerId: match.customerId,
        ambiguous: match.ambiguous,
        evidence: event.evidence,
        documentIds: [doc.id],
        sourceId: doc.sourceId,
        title: doc.title,
        url: doc.url,
        occurredAt,
        detectedAt: detectedAt.toISOString(),
      });
    }
  }
  return signals;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
