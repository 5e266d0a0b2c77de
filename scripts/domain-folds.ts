import { mulberry32 } from '../bench/rng.js';

/**
 * Cross-validation folds grouped by source domain, as both fitting scripts use them: the largest
 * domains first, each into the fold with the fewest sentences so far, so no domain is in two folds.
 * A seed shuffles domains of equal size, for repeated cross-validation.
 */
export function foldsByDomain(lines: readonly { domain: string }[], folds: number, seed?: number): { foldOf: Map<string, number>; domains: number } {
  const byDomain = new Map<string, number>();
  for (const l of lines) byDomain.set(l.domain, (byDomain.get(l.domain) ?? 0) + 1);
  const foldOf = new Map<string, number>();
  const sizes = new Array<number>(folds).fill(0);
  // With a seed, domains of the same size come in a shuffled order: another assignment of equal balance (repeated cross-validation).
  const random = seed === undefined ? undefined : mulberry32(seed);
  const tie = new Map([...byDomain.keys()].map((d) => [d, random ? random() : 0]));
  for (const [domain, n] of [...byDomain].sort((a, b) => b[1] - a[1] || tie.get(a[0])! - tie.get(b[0])! || a[0].localeCompare(b[0]))) {
    const f = sizes.indexOf(Math.min(...sizes));
    foldOf.set(domain, f);
    sizes[f]! += n;
  }
  return { foldOf, domains: byDomain.size };
}
