/** How long retries wait: the first after about `baseMs`, doubling each time, never beyond `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * The one backoff of the code base (fetch retries, source parking, bus retries, mail retries):
 * capped exponential with "equal jitter" — retry n (1-based) waits between half and all of
 * min(maxMs, baseMs · 2^(n−1)), so a fleet that failed together does not retry together.
 * `random` is injectable: tests pin it, the outbox derives it from the entry's key.
 */
export function backoffMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(capped / 2 + (capped / 2) * random());
}

/** A fixed "random" number in [0, 1) derived from `key`: the same entry always waits the same, different entries spread out. */
export function keyedRandom(key: string): () => number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return () => (h % 1000) / 1000;
}
