import type { SourceConfig } from '../platform/config/sources.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { Document } from '../platform/schemas/index.js';
import type { Fetcher } from './fetch/fetcher.js';

/** What one kind of collector needs for one run. */
export interface CollectContext {
  fetcher: Fetcher;
  clock: Clock;
  log: Logger;
  /** State kept from the previous successful run. */
  state: { etag?: string; lastModified?: string; cursor?: string };
  signal?: AbortSignal;
  /** Ids (of this source) not published yet: lets a collector skip per-item fetches for known items. */
  filterUnseen(ids: string[]): Promise<string[]>;
}

/** What one kind of collector returns: documents (not yet filtered for seen ones) and new state. */
export interface CollectBatch {
  docs: Document[];
  notModified?: boolean;
  etag?: string;
  lastModified?: string;
  /** Resume position to store once the documents are published. */
  cursor?: string;
}

export type SourceCollector = (source: SourceConfig, ctx: CollectContext) => Promise<CollectBatch>;
