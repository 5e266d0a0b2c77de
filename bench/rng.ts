/**
 * mulberry32: a small deterministic PRNG for the benchmarks' and tests' synthetic data (the same
 * data on every run). A float LCG (seed * 1103515245 …) loses precision beyond 2^53 and cycles
 * after a few thousand values; this one does not.
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
