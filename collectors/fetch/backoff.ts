/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so a fleet of
 * collectors that failed together does not retry together. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exp / 2 + (exp / 2) * random());
}
