import type { Clock } from '../platform/clock.js';
import { type Logger, moduleLogger } from '../platform/log.js';
import { rejectUnparsed } from '../platform/bus/envelope-step.js';
import { ok, retry, type BatchHandler, type StepResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Document, type Signal } from '../platform/schemas/index.js';
import { META_KEYS } from '../platform/store/meta-keys.js';
import { WorkerLostError } from '../platform/worker-pool.js';
import type { CustomerRepo, DocumentStore, MetaStore } from '../platform/store/port.js';
import { buildWatchlistIndex, type LinkModel, type WatchlistIndex } from './linking/index.js';
import { analyzeDocument } from './analyze-document.js';
import type { EventModel } from './classify/index.js';
import type { AnalysisPool } from './analysis-pool.js';

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
  /**
   * Worker threads that run link + classify (analyzer.worker.ts, built with the same models);
   * without a pool the analysis runs on the consumer's own thread.
   */
  pool?: AnalysisPool;
}

/** Documents per task handed to a worker: small enough to spread a batch over the pool, large enough that messaging stays cheap. */
const MAX_CHUNK = 100;
/** A chunk whose worker died is handed to another this many times more before its messages are retried through the bus. */
const LOST_WORKER_RERUNS = 2;

/**
 * documents → link → classify: each document of a partition's run is stored and analysed, and
 * its result carries the signals found (ok(signals)). The consumer publishes the signals of the
 * whole run in one go and only then commits. Replaying yields the same signal ids and the same
 * stored documents. With a pool, the run's documents are analysed in chunks on the workers at
 * once; the step still returns only when every chunk has answered, so nothing is committed early.
 */
export function createAnalyzerStep(deps: AnalyzerDeps): BatchHandler<Signal[]> {
  const log = moduleLogger(deps.log, 'analyzer');
  const analyze = deps.pool ? pooledAnalysis(deps, deps.pool, log) : inThreadAnalysis(deps, log);
  return async (messages) => {
    const parsed = messages.map((m) => parseEnvelope(TOPICS.documents, m.value));
    const docs = parsed.flatMap((p) => (p.ok ? [p.value.payload] : []));
    // The batch's documents in one store write; the watchlist checked once per batch.
    if (docs.length > 0) await deps.documents.upsertDocuments(docs);
    const found = docs.length > 0 ? await analyze(docs, deps.clock.now()) : [];
    let d = 0;
    return parsed.map((p): StepResult<Signal[]> => {
      if (!p.ok) return rejectUnparsed(p);
      const doc = p.value.payload;
      const signals = found[d++]!;
      if (signals instanceof Error) return retry(signals.message);
      if (signals.length > 0) log.info({ document_id: doc.id, signals: signals.length }, 'document_analyzed');
      return ok(signals);
    });
  };
}

/** Per document: its signals, or the error that kept it from being analysed (its message is retried). */
type Analyze = (docs: Document[], now: Date) => Promise<Array<Signal[] | Error>>;

function inThreadAnalysis(deps: AnalyzerDeps, log: Logger): Analyze {
  let index: WatchlistIndex | undefined;
  const current = watchlistVersion(deps, log, (customers) => {
    index = buildWatchlistIndex(customers, deps.linkModel);
  });
  return async (docs, now) => {
    await current();
    return docs.map((doc) => analyzeDocument(doc, index!, now, { eventModel: deps.eventModel }));
  };
}

function pooledAnalysis(deps: AnalyzerDeps, pool: AnalysisPool, log: Logger): Analyze {
  // The workers build the index; this thread only tells them when the watchlist changed.
  const current = watchlistVersion(deps, log, (customers, version) => pool.setState({ version, customers }));
  return async (docs, now) => {
    await current();
    const detectedAt = now.toISOString();
    const size = Math.min(MAX_CHUNK, Math.ceil(docs.length / pool.size));
    const chunks: Document[][] = [];
    for (let i = 0; i < docs.length; i += size) chunks.push(docs.slice(i, i + size));
    const results = await Promise.all(chunks.map((chunk) => runChunk(pool, chunk, detectedAt, log)));
    return results.flat();
  };
}

/** One chunk on the pool; a worker lost under it hands it to another (analysis is pure, so running it twice yields the same signals). */
async function runChunk(pool: AnalysisPool, docs: Document[], detectedAt: string, log: Logger): Promise<Array<Signal[] | Error>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await pool.run({ docs, detectedAt });
    } catch (err) {
      if (!(err instanceof WorkerLostError)) throw err;
      log.warn({ err, documents: docs.length, attempt }, 'analysis_chunk_lost');
      if (attempt >= LOST_WORKER_RERUNS) return docs.map(() => err);
    }
  }
}

/** Calls `rebuild` with the customers when the watchlist version in meta changed (checked once per batch). */
function watchlistVersion(deps: AnalyzerDeps, log: Logger, rebuild: (customers: Awaited<ReturnType<CustomerRepo['listCustomers']>>, version: string) => void): () => Promise<void> {
  let known: string | undefined;
  return async () => {
    const version = (await deps.meta.getMeta(META_KEYS.watchlistVersion)) ?? '0';
    if (version === known) return;
    const customers = await deps.customers.listCustomers();
    rebuild(customers, version);
    known = version;
    log.info({ customers: customers.length, version, workers: deps.pool?.size ?? 0 }, 'watchlist_index_built');
  };
}
