import { LRUCache } from 'lru-cache';
import { assessScoringInputs, readScoringInputs, type ScoreCustomerDeps, type ScoringInputs } from '../analysis/scoring/score-customer.js';
import type { Assessment } from '../platform/schemas/index.js';
import type { AssessmentStore } from '../platform/store/port.js';

export interface FreshAssessments {
  /** The customer's assessment as of `asOf` for an order of `orderAmount` (undefined if nothing is known). */
  assess(customerId: string, asOf: Date, orderAmount: number): Promise<Assessment | undefined>;
  /** Reads of stored inputs so far and how many assessments reused them instead (for tests and /metrics). */
  stats(): { reads: number; reused: number };
}

export interface FreshAssessmentOptions {
  /** Customers whose inputs are kept (least recently checked go first). */
  max?: number;
}

/**
 * A check with an order amount needs fresh terms, not fresh facts: the customer's ledger, signals,
 * register entries and overrides are read once and kept with the stored assessment they led to.
 * The scorer re-scores a customer whenever any of those change (ledger, signals, register
 * refresh, override, watchlist, model) and so writes a new latest assessment; while that stays
 * the same, the kept inputs are what it rests on and are assessed again (pure, for this moment
 * and this amount) without touching the ledger or the signals. A customer never scored is read
 * every time.
 */
export function createFreshAssessments(deps: ScoreCustomerDeps & { assessments: Pick<AssessmentStore, 'latestAssessmentVersion'> }, options: FreshAssessmentOptions = {}): FreshAssessments {
  const cache = new LRUCache<string, { basis: string; inputs: ScoringInputs }>({ max: options.max ?? 5_000 });
  let reads = 0;
  let reused = 0;
  return {
    async assess(customerId, asOf, orderAmount) {
      // Which stored assessment the inputs belong to (read before them: a re-score meanwhile only makes them newer).
      const basis = await deps.assessments.latestAssessmentVersion(customerId);
      const kept = basis === undefined ? undefined : cache.get(customerId);
      let inputs: ScoringInputs | undefined;
      if (kept && kept.basis === basis) {
        inputs = kept.inputs;
        reused++;
      } else {
        inputs = await readScoringInputs(deps, customerId);
        reads++;
        if (inputs && basis !== undefined) cache.set(customerId, { basis, inputs });
      }
      return inputs && assessScoringInputs(deps, inputs, asOf, { orderAmount });
    },
    stats: () => ({ reads, reused }),
  };
}
