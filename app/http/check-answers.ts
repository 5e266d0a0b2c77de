import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { App } from '../compose.js';
import type { CustomerVersions } from '../../platform/store/port.js';
import type { VersionedSearch } from './customer-index.js';

/**
 * The rendered JSON of customer checks, kept per query and order amount as the bytes sent, and
 * served again while what it rests on is unchanged: the watchlist (the query means the same
 * customer with the same alternatives), the customer's latest stored assessment (its version
 * changes with every write of it; the scorer re-scores on any change of ledger, signals, register
 * entries, override, watchlist or model) and the register refresh (its version changes with every
 * refresh). A check with an order amount (or of a customer never scored) is assessed as of now, so
 * its answer is also kept only within the minute it was made: a repeated amount check is at most a
 * minute old and never older than the facts. Prospects and candidate lists are not kept (they
 * depend on stored documents and registers asked live). Serving a kept answer costs one keyed
 * read of the three versions, no search, no JSON; the kept answers asked in one turn of the event
 * loop (under load, every connection with a request waiting) are checked in one read of the store
 * (Store.customersVersions): with SQLite, starting a read transaction cost more than the reads.
 */
export interface CheckAnswers {
  /** The kept body for this check, if its basis still holds. */
  get(q: string, amount: number | undefined): Promise<Buffer | undefined>;
  /**
   * Before making an answer: the customer the query clearly means (as the check decides it) and
   * the basis now, so that a change while the answer is made leaves it stale, never the reverse.
   * Undefined when the query names no one customer (candidates, a prospect): such answers are not kept.
   */
  prepare(q: string, amount: number | undefined): Promise<PreparedCheck | undefined>;
  /** Keeps a customer answer made after `prepare`; returns the bytes to send. */
  set(q: string, amount: number | undefined, prepared: PreparedCheck, body: string): Buffer;
  /** Since start: served kept (hits); made anew because the kept one's basis changed (stale) or none was kept (misses). */
  stats(): CheckAnswerStats;
}

export interface CheckAnswerStats {
  hits: number;
  stale: number;
  misses: number;
}

export interface PreparedCheck {
  customerId: string;
  basis: string;
}

export function createCheckAnswers(app: Pick<App, 'store' | 'clock'>, search: (q: string) => Promise<VersionedSearch>, options: { max?: number } = {}): CheckAnswers {
  const kept = new LRUCache<string, { customerId: string; basis: string; body: Buffer }>({ max: options.max ?? 5_000 });
  let hits = 0;
  let stale = 0;
  let misses = 0;
  const keyOf = (q: string, amount: number | undefined) => `${amount ?? ''}|${q}`;
  // Batched over the turn (setImmediate runs after all sockets ready in this poll have been read), never cached.
  const versions = new DataLoader<string, CustomerVersions>((ids) => app.store.customersVersions(ids), { cache: false, maxBatchSize: 1_000, batchScheduleFn: (run) => setImmediate(run) });
  // One read of the customer's versions; the watchlist's stands for the query's meaning (the search is a function of it).
  const basisOf = (v: CustomerVersions, amount: number | undefined) => {
    const minute = amount !== undefined || v.assessment === undefined ? app.clock.now().toISOString().slice(0, 16) : '';
    return `${v.watchlist ?? '0'}|${v.assessment ?? 'unscored'}|${v.registers ?? ''}|${minute}`;
  };
  const prepare = async (q: string, amount: number | undefined): Promise<PreparedCheck | undefined> => {
    const { result, watchlistVersion } = await search(q);
    // The check's own rule: the watchlist's clear match, else a customer known only from the ledger, by its id.
    const id = q.trim();
    const customerId = result.decided?.id ?? (result.customers.length === 0 && id !== '' && (await app.store.hasLedgerCustomer(id)) ? id : undefined);
    if (customerId === undefined) return undefined;
    const versions = await app.store.customerVersions(customerId);
    // The watchlist changed since the search: the query's meaning is in doubt, keep nothing.
    if ((versions.watchlist ?? '0') !== watchlistVersion) return undefined;
    return { customerId, basis: basisOf(versions, amount) };
  };
  return {
    prepare,
    async get(q, amount) {
      const entry = kept.get(keyOf(q, amount));
      if (entry) {
        if (basisOf(await versions.load(entry.customerId), amount) === entry.basis) {
          hits++;
          return entry.body;
        }
        kept.delete(keyOf(q, amount));
        stale++;
        return undefined;
      }
      misses++;
      return undefined;
    },
    set(q, amount, prepared, body) {
      const bytes = Buffer.from(body, 'utf8');
      kept.set(keyOf(q, amount), { ...prepared, body: bytes });
      return bytes;
    },
    stats: () => ({ hits, stale, misses }),
  };
}
