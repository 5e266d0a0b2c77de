import { LRUCache } from 'lru-cache';
import type { SearchResult } from '../customer-search.js';
import type { App } from '../compose.js';

/**
 * The rendered JSON of customer checks, kept per query, order amount and customer, and served
 * again while what it rests on is unchanged: the customer's latest stored assessment (every
 * re-score writes a new asOf; the scorer re-scores on any change of ledger, signals, register
 * entries, override, watchlist or model) and the register refresh. A check with an order amount
 * (or of a customer never scored) is assessed as of now, so its answer is also kept only within
 * the minute it was made: a repeated amount check is at most a minute old and never older than
 * the facts. Prospects and candidate lists are not kept (they depend on stored documents and
 * registers asked live).
 */
export interface CheckAnswers {
  /** The kept body for this check, if its basis still holds. */
  get(q: string, amount: number | undefined): Promise<string | undefined>;
  /** Keeps a customer answer made from the basis read before it was made. */
  set(q: string, amount: number | undefined, customerId: string, basis: string, body: string): void;
  /** The basis of a customer's answers now (read before making an answer, so a change meanwhile is not hidden). */
  basisOf(customerId: string, amount: number | undefined): Promise<string>;
  /** The customer a query clearly means, as the check decides it (undefined: no cache for this query). */
  customerFor(q: string): Promise<string | undefined>;
  stats(): { hits: number; misses: number };
}

export function createCheckAnswers(app: Pick<App, 'store' | 'clock'>, search: (q: string) => Promise<SearchResult>, options: { max?: number } = {}): CheckAnswers {
  const kept = new LRUCache<string, { customerId: string; basis: string; body: string }>({ max: options.max ?? 5_000 });
  let hits = 0;
  let misses = 0;
  const keyOf = (q: string, amount: number | undefined) => `${amount ?? ''}|${q}`;
  const api: CheckAnswers = {
    async customerFor(q) {
      const result = await search(q);
      return result.decided?.id;
    },
    async basisOf(customerId, amount) {
      const [latest, refresh] = await Promise.all([app.store.latestAssessment(customerId), app.store.registers.refreshFor(customerId)]);
      // asOf alone could repeat (two re-scores within a millisecond, a frozen clock): what the answer shows first goes with it.
      const stored = latest ? `${latest.asOf}|${latest.modelVersion}|${latest.score}|${latest.pd}|${latest.grade}|${latest.terms.kind}|${latest.override?.at ?? ''}` : 'unscored';
      const minute = amount !== undefined || !latest ? app.clock.now().toISOString().slice(0, 16) : '';
      return `${stored}|${refresh?.refreshedAt ?? ''}|${minute}`;
    },
    async get(q, amount) {
      const entry = kept.get(keyOf(q, amount));
      if (!entry) {
        misses++;
        return undefined;
      }
      // The query may mean another customer since (the watchlist changed): search again, then the basis.
      if ((await api.customerFor(q)) !== entry.customerId || (await api.basisOf(entry.customerId, amount)) !== entry.basis) {
        kept.delete(keyOf(q, amount));
        misses++;
        return undefined;
      }
      hits++;
      return entry.body;
    },
    set(q, amount, customerId, basis, body) {
      kept.set(keyOf(q, amount), { customerId, basis, body });
    },
    stats: () => ({ hits, misses }),
  };
  return api;
}
