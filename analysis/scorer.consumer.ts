import type { LedgerFeatureOptions } from './scoring/ledger-features.js';
import type { CreditStore } from '../platform/store/credit-state.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { Policy } from '../platform/config/policy.js';
import { rejectUnparsed } from '../platform/bus/envelope-step.js';
import { dlq, drop, ok, type BatchHandler, type StepResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Assessment } from '../platform/schemas/index.js';
import type { AssessmentStore, CustomerRepo, LedgerStore, PortfolioStore, RegisterStore, ScoringQueue, SignalStore } from '../platform/store/port.js';
import { assessScoringInputs, readScoringInputs } from './scoring/score-customer.js';
import { ledgerPositions } from './scoring/ledger-positions.js';
import type { Weights } from './scoring/weights.js';
import { sectionOfCode } from './industry/index.js';

export interface ScorerDeps {
  customers: CustomerRepo;
  ledger: LedgerStore;
  signals: SignalStore;
  assessments: AssessmentStore;
  /** The settled open items the portfolio reads, kept current with each score. */
  positions: Pick<PortfolioStore, 'saveLedgerPositions'>;
  queue: ScoringQueue;
  policy: Policy;
  weights?: Weights;
  /** Register entries per customer, for register facts and overrides. */
  registers?: Pick<RegisterStore, 'entriesFor'>;
  /** How the ledger is read (cash-discount share). */
  ledgerOptions?: LedgerFeatureOptions;
  credit?: Pick<CreditStore, 'overrideChanges'>;
  clock: Clock;
  log: Logger;
}

/**
 * ledger + signals → store each input, then queue the customers to re-score in one markDirty at
 * the end of the batch (before it is committed); the customer list for industry signals is read
 * once per batch. Scoring happens in `rescoreQueued`, so a ledger import of many rows scores each
 * customer once, not once per row.
 */
export function createScorerInputStep(deps: ScorerDeps): BatchHandler<void> {
  return async (messages) => {
    const dirty = new Set<string>();
    const industries = new Set<string | undefined>(); // NACE sections of new industry signals
    const parsed = messages.map((m) =>
      m.topic === TOPICS.ledger
        ? { kind: 'ledger' as const, p: parseEnvelope(TOPICS.ledger, m.value) }
        : m.topic === TOPICS.signals
          ? { kind: 'signals' as const, p: parseEnvelope(TOPICS.signals, m.value) }
          : { kind: 'other' as const, topic: m.topic },
    );
    // The batch's rows and signals in one store write each (a transaction on SQLite), not one per message.
    const rows = parsed.flatMap((x) => (x.kind === 'ledger' && x.p.ok ? [x.p.value.payload] : []));
    const signals = parsed.flatMap((x) => (x.kind === 'signals' && x.p.ok ? [x.p.value.payload] : []));
    const key = (r: { customerId: string; invoiceId: string }) => `${r.customerId}\u0000${r.invoiceId}`;
    const changed = new Set(rows.length > 0 ? (await deps.ledger.upsertLedgerRows(rows)).map(key) : []);
    const newSignals = signals.length > 0 ? await deps.signals.upsertSignals(signals) : [];
    let s = 0;
    const results = parsed.map((x): StepResult<void> => {
      if (x.kind === 'ledger') {
        if (!x.p.ok) return rejectUnparsed(x.p);
        const row = x.p.value.payload;
        if (!changed.has(key(row))) return drop('ledger row unchanged');
        dirty.add(row.customerId);
        return ok(undefined);
      }
      if (x.kind === 'signals') {
        if (!x.p.ok) return rejectUnparsed(x.p);
        const signal = x.p.value.payload;
        const isNew = newSignals[s++] === true;
        if (isNew && signal.customerId) dirty.add(signal.customerId);
        if (isNew && signal.industry) industries.add(sectionOfCode(signal.industry));
        return isNew ? ok(undefined) : drop('signal already stored');
      }
      return dlq(`scorer does not consume topic ${x.topic}`);
    });
    if (industries.size > 0) {
      // Industry news moves the industry risk index of every customer in that industry.
      for (const c of await deps.customers.listCustomers()) if (c.industry && industries.has(sectionOfCode(c.industry))) dirty.add(c.id);
    }
    if (dirty.size > 0) await deps.queue.markDirty([...dirty], deps.clock.now());
    return results;
  };
}

export interface RescoreRound {
  /** Customers taken from the queue (clear them once the changed assessments are published). */
  ids: string[];
  /** Assessments whose grade, score or terms changed: stored in history, to be published. */
  changed: Assessment[];
  startedAt: Date;
}

/**
 * Scores up to `limit` queued customers and stores their assessments; returns the changed ones
 * as values. The caller publishes them and only then clears the queue (`clearDirty(ids,
 * startedAt)`), so a crash in between scores them again instead of losing the publish.
 */
export async function rescoreQueued(deps: ScorerDeps, limit = 500): Promise<RescoreRound> {
  const startedAt = deps.clock.now();
  const ids = await deps.queue.dirtyCustomers(limit);
  const changed: Assessment[] = [];
  for (const id of ids) {
    const inputs = await readScoringInputs(deps, id);
    const assessment = inputs && assessScoringInputs(deps, inputs, startedAt);
    if (assessment && (await deps.assessments.saveAssessment(assessment)) === 'new') changed.push(assessment);
    await deps.positions.saveLedgerPositions(id, ledgerPositions(inputs?.ledger ?? [], startedAt, deps.ledgerOptions));
  }
  if (ids.length > 0) deps.log.info({ module: 'scorer', scored: ids.length, changed: changed.length }, 'customers_scored');
  return { ids, changed, startedAt };
}
