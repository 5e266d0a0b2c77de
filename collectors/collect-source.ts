import type { SourceConfig } from '../platform/config/sources.js';
import type { Clock } from '../platform/clock.js';
import { type Logger, moduleLogger } from '../platform/log.js';
import type { Document } from '../platform/schemas/index.js';
import type { SeenItems } from '../platform/store/port.js';
import { CollectError, toTypedError, type TypedError } from './errors.js';
import { createFetcher, type Fetcher } from './fetch/fetcher.js';
import { collectFeed } from './feed/feed.collector.js';
import { addFullText } from './full-text.js';
import { collectHtml } from './html/html.collector.js';
import { collectCompaniesHouse, collectEdgar, collectGazette } from './registers/registers.collector.js';
import { collectShab } from './registers/shab.collector.js';
import { emptyHealth, type SourceHealthEvent, type SourceHealthRepo } from './health/port.js';
import { DEFAULT_HEALTH_POLICY, updateHealth, type HealthPolicy } from './health/update-health.js';
import type { CollectBatch, SourceCollector } from './types.js';
import { capText, TEXT_LIMITS } from './parse/text.js';

export interface CollectDeps {
  seen: SeenItems;
  publish: (docs: Document[]) => Promise<void>;
  clock: Clock;
  log: Logger;
  /** "Bonitor/0.1 (+mailto:credit@example.com)". */
  userAgent: string;
  /** Health, validators and cursors; without it every run is unconditional and unrecorded. */
  health?: SourceHealthRepo;
  /** Shared polite fetcher; default: one per user agent for the whole process. */
  fetcher?: Fetcher;
  healthPolicy?: Partial<Omit<HealthPolicy, 'parkAfterFailures'>>;
  /** Publishes a source's failing / recovered event on the source-health topic (the alerter mails admins). */
  publishHealth?: (events: SourceHealthEvent[]) => Promise<void>;
  signal?: AbortSignal;
}

export interface CollectResult {
  sourceId: string;
  /** Items the source returned this run (before removing the ones already seen). */
  fetched: number;
  /** New documents published. */
  published: number;
  notModified?: boolean;
  error?: TypedError;
  /** Set on the Nth consecutive failure and on recovery (published on the source-health topic). */
  healthEvent?: SourceHealthEvent;
}

const COLLECTORS: Record<SourceConfig['kind'], SourceCollector> = {
  rss: collectFeed,
  html: collectHtml,
  shab: collectShab,
  gazette: collectGazette,
  'companies-house': collectCompaniesHouse,
  edgar: collectEdgar,
};

const sharedFetchers = new Map<string, Fetcher>();

/**
 * One run of one source. Never throws for source trouble: failures come back as a typed
 * error in the result and in the health record. New documents are published first and only
 * then marked seen, so a crash in between re-publishes (ids make that harmless) instead of
 * losing them.
 */
export async function collectSource(source: SourceConfig, deps: CollectDeps): Promise<CollectResult> {
  const log = deps.log.child({ source_id: source.id });
  // Stored records may predate a field (or come from an older version): defaults first.
  const prev = { ...emptyHealth(source.id), ...(await deps.health?.getHealth(source.id)) };
  const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, ...deps.healthPolicy, parkAfterFailures: source.parkAfterFailures };
  const fetcher = deps.fetcher ?? sharedFetcher(deps);
  const started = deps.clock.now();

  let result: CollectResult;
  let batch: CollectBatch | undefined;
  try {
    const collector = COLLECTORS[source.kind];
    if (!collector) throw new CollectError('config', `no collector for source kind "${source.kind}"`);
    const state = {
      ...(prev.etag ? { etag: prev.etag } : {}),
      ...(prev.lastModified ? { lastModified: prev.lastModified } : {}),
      ...(prev.cursor ? { cursor: prev.cursor } : {}),
    };
    batch = await collector(source, {
      fetcher,
      clock: deps.clock,
      log,
      state,
      filterUnseen: (ids) => deps.seen.filterUnseen(source.id, ids),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    let fresh = await selectUnseen(source.id, batch.docs, deps.seen);
    if (source.fetchFullText && fresh.length > 0) fresh = await addFullText(fresh, source, fetcher, log, deps.signal);
    fresh = fresh.map(capped);
    if (fresh.length > 0) {
      await deps.publish(fresh);
      await deps.seen.markSeen(source.id, fresh.map((d) => d.id));
    }
    result = { sourceId: source.id, fetched: batch.docs.length, published: fresh.length, ...(batch.notModified ? { notModified: true } : {}) };
    log.info({ event: 'source_collected', fetched: result.fetched, published: result.published, not_modified: !!batch.notModified }, 'source_collected');
  } catch (err) {
    const error = toTypedError(err);
    if (!(err instanceof CollectError)) log.error({ event: 'source_collect_crashed', err }, 'source_collect_crashed');
    log.warn({ event: 'source_fetch_failed', error_kind: error.kind, status: error.status, message: error.message }, 'source_fetch_failed');
    result = { sourceId: source.id, fetched: batch?.docs.length ?? 0, published: 0, error };
  }

  // A shutdown aborting the fetch, or our own bus/store failing, says nothing about the
  // source's health: no failure is counted (and no validator stored, so nothing is skipped next time).
  const notTheSource = !!result.error && (!!deps.signal?.aborted || result.error.kind === 'internal');
  if (deps.health && !notTheSource) {
    const outcome = result.error
      ? { ok: false as const, error: result.error }
      : {
          ok: true as const,
          published: result.published,
          ...(batch?.etag !== undefined ? { etag: batch.etag } : {}),
          ...(batch?.lastModified !== undefined ? { lastModified: batch.lastModified } : {}),
          ...(batch?.cursor !== undefined ? { cursor: batch.cursor } : {}),
        };
    const { health, event } = updateHealth(prev, outcome, started, policy);
    if (event) {
      result.healthEvent = event;
      log.warn({ event: event.type, consecutive_failures: event.consecutiveFailures, parked_until: event.parkedUntil }, event.type);
      // Published before the health is saved: a crash in between computes the same event again
      // next run (its mail key names the streak, so nobody is mailed twice), never loses it.
      await deps.publishHealth?.([event]);
    }
    await deps.health.saveHealth(health);
  }
  return result;
}

/** Whatever the collector (feed, page, register), no document leaves with an oversized title or text. */
function capped(doc: Document): Document {
  if (doc.title.length <= TEXT_LIMITS.titleChars && doc.text.length <= TEXT_LIMITS.textChars) return doc;
  return { ...doc, title: capText(doc.title.replace(/\s+/g, ' '), TEXT_LIMITS.titleChars), text: capText(doc.text, TEXT_LIMITS.textChars) };
}

async function selectUnseen(sourceId: string, docs: Document[], seen: SeenItems): Promise<Document[]> {
  if (docs.length === 0) return [];
  const unseen = new Set(await seen.filterUnseen(sourceId, docs.map((d) => d.id)));
  return docs.filter((d) => unseen.has(d.id));
}

function sharedFetcher(deps: CollectDeps): Fetcher {
  let f = sharedFetchers.get(deps.userAgent);
  if (!f) {
    f = createFetcher({ userAgent: deps.userAgent, log: moduleLogger(deps.log, 'fetcher') });
    sharedFetchers.set(deps.userAgent, f);
  }
  return f;
}
