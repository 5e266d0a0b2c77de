import type { TypedError } from '../errors.js';

/**
 * Per-source state the collectors keep between runs: health (for `bonitor sources`, the
 * parking rule and health alerts), the conditional-GET validators and a resume cursor.
 * The SQLite adapter lives in platform/store (one row per source); tests use the memory one.
 */
export interface SourceHealth {
  sourceId: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  consecutiveFailures: number;
  lastError?: TypedError;
  lastErrorAt?: string;
  /** While set and in the future, scheduled runs skip the source (it is parked, not dropped). */
  parkedUntil?: string;
  /** Conditional GET validators of the last 200 answer. */
  etag?: string;
  lastModified?: string;
  /** Resume position: Companies House `timepoint`, last seen register notice… */
  cursor?: string;
  /** Documents published over the source's lifetime, for the sources listing. */
  totalPublished: number;
}

export interface SourceHealthRepo {
  getHealth(sourceId: string): Promise<SourceHealth | undefined>;
  saveHealth(health: SourceHealth): Promise<void>;
  listHealth(): Promise<SourceHealth[]>;
}

/** What the alerts stage is told: a source broke (on the Nth failure) or came back. */
export interface SourceHealthEvent {
  type: 'source_failing' | 'source_recovered';
  sourceId: string;
  at: string;
  consecutiveFailures: number;
  error?: TypedError;
  parkedUntil?: string;
}

export function emptyHealth(sourceId: string): SourceHealth {
  return { sourceId, consecutiveFailures: 0, totalPublished: 0 };
}
