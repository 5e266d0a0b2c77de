import type { Logger } from '../../../platform/log.js';
import type { CompanyLookupResult } from '../../../platform/registers/port.js';
import { parseRegisterIds } from '../../../platform/registers/register-id.js';
import type { RegisterEntry } from '../../../platform/registers/register-entry.js';
import type { Customer, Document } from '../../../platform/schemas/index.js';
import type { RegisterStore, ScoringQueue } from '../../../platform/store/port.js';
import type { CompanyQuery } from './lookup-company.js';
import { entryDocuments } from './notice-documents.js';

export interface RefreshDeps {
  lookup(query: CompanyQuery): Promise<CompanyLookupResult>;
  registers: RegisterStore;
  queue: ScoringQueue;
  /** Publishes the register notices as documents (the analyzer links them by register id). */
  publish(docs: Document[]): Promise<void>;
  now(): Date;
  log: Logger;
}

/** Watchlist country → ISO code of its registers ("UK" is written for GB as often as not). */
export function countryCode(country: string): string | undefined {
  const c = country.trim().toUpperCase();
  if (c === 'UK') return 'GB';
  return /^[A-Z]{2}$/.test(c) ? c : undefined;
}

/** Customers due for a refresh: never refreshed, or longer ago than maxAgeMs; oldest first. */
export function dueCustomers(customers: readonly Customer[], refreshes: ReadonlyArray<{ customerId: string; refreshedAt: string }>, now: Date, maxAgeMs: number, limit: number): Customer[] {
  const last = new Map(refreshes.map((r) => [r.customerId, Date.parse(r.refreshedAt)]));
  return customers
    .filter((c) => !last.has(c.id) || now.getTime() - last.get(c.id)! >= maxAgeMs)
    .sort((a, b) => (last.get(a.id) ?? 0) - (last.get(b.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Asks the registers about each customer (by its register ids; by exact name in its country
 * when it has none) and stores what they say as the customer's register facts, with the
 * report. A register that failed this time keeps its previous entry: a timeout must not erase
 * a known liquidation. Notices go out as documents; the customer is queued for re-scoring.
 */
export async function refreshRegisterFacts(deps: RefreshDeps, customers: readonly Customer[]): Promise<{ refreshed: number; entries: number; failed: number }> {
  let entries = 0;
  let failed = 0;
  for (const c of customers) {
    const ids = parseRegisterIds(c.registerIds);
    const country = countryCode(c.country);
    const result = await deps.lookup({ ids, name: c.name, ...(country ? { country } : {}) });
    const failedRegisters = new Set(result.sources.filter((s) => s.outcome === 'failed').map((s) => s.register));
    const previous = failedRegisters.size > 0 ? (await deps.registers.entriesFor(c.id)).filter((e) => failedRegisters.has(e.register)) : [];
    const kept: RegisterEntry[] = [...result.entries, ...previous.filter((p) => !result.entries.some((e) => e.register === p.register))];
    const at = deps.now();
    await deps.registers.saveEntries(c.id, kept, result.sources, at);
    const docs = entryDocuments(kept, at);
    if (docs.length > 0) await deps.publish(docs);
    await deps.queue.markDirty([c.id], at);
    entries += result.entries.length;
    failed += failedRegisters.size;
    deps.log.info({ event: 'register_facts_refreshed', customer_id: c.id, entries: kept.length, failed_registers: [...failedRegisters] }, 'register_facts_refreshed');
  }
  return { refreshed: customers.length, entries, failed };
}
