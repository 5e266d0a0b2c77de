import { LRUCache } from 'lru-cache';
import type { Signal } from '../platform/schemas/index.js';
import type { SignalStore } from '../platform/store/port.js';

interface Kept {
  /** In the store's order for signalsForCustomer: occurredAt, then id. */
  signals: readonly Signal[];
  lastSeq: number;
}

/** Signals kept in memory across all customers (about 1 KB each); the least recently scored customers go first. */
const DEFAULT_MAX_SIGNALS = 200_000;

/**
 * The scorer's reader of one customer's signal history: it keeps what it read and asks the store
 * only for the signals stored since (signalsForCustomerAfter), instead of reading and parsing a
 * busy customer's whole, growing history on every re-score. When the store's count says signals
 * were removed or replaced (kept + new ≠ total: a customer removed, another process's writes), it
 * reads the customer again from the start. Returns arrays in the same order as the store's
 * signalsForCustomer; callers must not change them (they are kept).
 */
export function createSignalHistory(store: Pick<SignalStore, 'signalsForCustomerAfter'>, maxSignals = DEFAULT_MAX_SIGNALS): Pick<SignalStore, 'signalsForCustomer'> & { kept(): number } {
  const cache = new LRUCache<string, Kept>({ maxSize: maxSignals, sizeCalculation: (k) => k.signals.length + 1 });
  const build = (rows: Array<{ seq: number; signal: Signal }>): Kept => ({
    signals: rows.map((r) => r.signal).sort(byOccurrence),
    lastSeq: rows.reduce((m, r) => Math.max(m, r.seq), 0),
  });
  return {
    kept: () => cache.size,
    async signalsForCustomer(customerId) {
      const kept = cache.get(customerId);
      const read = await store.signalsForCustomerAfter(customerId, kept?.lastSeq ?? 0);
      let next: Kept;
      if (kept && kept.signals.length + read.rows.length === read.total) {
        if (read.rows.length === 0) return kept.signals as Signal[];
        next = { signals: mergeSorted(kept.signals, read.rows.map((r) => r.signal).sort(byOccurrence)), lastSeq: read.rows.reduce((m, r) => Math.max(m, r.seq), kept.lastSeq) };
      } else if (!kept && read.rows.length === read.total) {
        next = build(read.rows);
      } else {
        next = build((await store.signalsForCustomerAfter(customerId, 0)).rows);
      }
      if (next.signals.length + 1 <= maxSignals) cache.set(customerId, next);
      else cache.delete(customerId);
      return next.signals as Signal[];
    },
  };
}

/** The order of signalsForCustomer (ORDER BY occurred_at, id: binary string comparison). */
function byOccurrence(a: Signal, b: Signal): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function mergeSorted(a: readonly Signal[], b: readonly Signal[]): Signal[] {
  const out: Signal[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byOccurrence(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
