/**
 * Spaces rounds of a tick so that, while there is always more to do, they take at most `share`
 * of the time: after a round of R ms the next is ready R × (1 − share) / share ms after it ended.
 * The scorer's re-scoring rounds re-read each queued customer's history; run back to back
 * during a burst they took most of the process from the consumers feeding them (bench:kafka).
 * Cheap rounds (a trickle of news) are spaced by milliseconds, so latency stays as it was.
 */
export interface RoundPacer {
  /** True when the next round may start. */
  ready(): boolean;
  /** Runs one round and notes how long it took. */
  run<T>(round: () => Promise<T>): Promise<T>;
}

export function createRoundPacer(share: number, now: () => number = () => performance.now()): RoundPacer {
  if (!(share > 0 && share <= 1)) throw new RangeError(`round share must be in (0, 1], got ${share}`);
  let readyAt = -Infinity;
  return {
    ready: () => now() >= readyAt,
    async run(round) {
      const started = now();
      try {
        return await round();
      } finally {
        const ended = now();
        readyAt = ended + ((ended - started) * (1 - share)) / share;
      }
    },
  };
}
