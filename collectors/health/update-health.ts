import { backoffMs } from '../../platform/backoff.js';
import type { TypedError } from '../errors.js';
import type { SourceHealth, SourceHealthEvent } from './port.js';

export interface HealthPolicy {
  /** Failures in a row after which the source is parked and a `source_failing` event goes out. */
  parkAfterFailures: number;
  /** First parking interval; doubles with every further failure up to `maxParkMs`. */
  baseParkMs: number;
  maxParkMs: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = { parkAfterFailures: 3, baseParkMs: 15 * 60_000, maxParkMs: 24 * 3600_000 };

export type RunOutcome =
  | { ok: true; published: number; etag?: string; lastModified?: string; cursor?: string }
  | { ok: false; error: TypedError };

/**
 * Pure: previous health + this run's outcome → next health and at most one event.
 * A source is parked with growing intervals after N failures, never dropped; Retry-After
 * longer than the interval wins. The failing event fires once, on the Nth failure; the
 * recovery event fires on the first success after it.
 */
export function updateHealth(
  prev: SourceHealth,
  outcome: RunOutcome,
  now: Date,
  policy: HealthPolicy,
): { health: SourceHealth; event?: SourceHealthEvent } {
  const at = now.toISOString();
  if (outcome.ok) {
    const wasFailing = prev.consecutiveFailures >= policy.parkAfterFailures;
    const health: SourceHealth = {
      ...prev,
      lastAttemptAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      totalPublished: prev.totalPublished + outcome.published,
      ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
      ...(outcome.cursor !== undefined ? { cursor: outcome.cursor } : {}),
    };
    delete health.parkedUntil;
    const event: SourceHealthEvent | undefined = wasFailing
      ? { type: 'source_recovered', sourceId: prev.sourceId, at, consecutiveFailures: prev.consecutiveFailures, ...since(prev) }
      : undefined;
    return event ? { health, event } : { health };
  }

  const failures = prev.consecutiveFailures + 1;
  const health: SourceHealth = { ...prev, lastAttemptAt: at, consecutiveFailures: failures, lastError: outcome.error, lastErrorAt: at };
  delete health.parkedUntil;
  const over = failures - policy.parkAfterFailures;
  // Parking has no jitter: the schedule, not a retry storm, decides when the source runs.
  let parkMs = over >= 0 ? backoffMs(over + 1, { baseMs: policy.baseParkMs, maxMs: policy.maxParkMs }, () => 1) : 0;
  if (outcome.error.retryAfterMs !== undefined) parkMs = Math.max(parkMs, outcome.error.retryAfterMs);
  if (parkMs > 0) health.parkedUntil = new Date(now.getTime() + parkMs).toISOString();
  if (failures !== policy.parkAfterFailures) return { health };
  return {
    health,
    event: {
      type: 'source_failing',
      sourceId: prev.sourceId,
      at,
      consecutiveFailures: failures,
      error: outcome.error,
      ...since(prev),
      ...(health.parkedUntil ? { parkedUntil: health.parkedUntil } : {}),
    },
  };
}

/** Whether a scheduled run should skip the source for now. Manual runs ignore parking. */
export function isParked(health: SourceHealth | undefined, now: Date): boolean {
  return !!health?.parkedUntil && Date.parse(health.parkedUntil) > now.getTime();
}

/** The last success before a failure streak names the streak (each one alerts once). */
function since(prev: SourceHealth): { lastSuccessAt?: string } {
  return prev.lastSuccessAt ? { lastSuccessAt: prev.lastSuccessAt } : {};
}
