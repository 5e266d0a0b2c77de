import type { SourceHealth } from './port.js';

export type SourceStatus = 'ok' | 'failing' | 'parked' | 'never_run';

/** Pure: one word for a source's state, as `bonitor sources` and the API show it. */
export function sourceStatus(h: Partial<SourceHealth> | undefined, now: Date): SourceStatus {
  if (!h || (!h.lastAttemptAt && !h.lastSuccessAt)) return 'never_run';
  if (h.parkedUntil && Date.parse(h.parkedUntil) > now.getTime()) return 'parked';
  return (h.consecutiveFailures ?? 0) > 0 ? 'failing' : 'ok';
}
