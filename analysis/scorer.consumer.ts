import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { Policy } from '../platform/config/policy.js';
import { dlq, ok, type BatchHandler, type HandlerResult } from '../platform/bus/port.js';
import { parseEnvelope, TOPICS, type Assessment } from '../platform/schemas/index.js';
import type { AssessmentStore, CustomerRepo, LedgerStore, ScoringQueue, SignalStore } from '../platform/store/port.js';
import { scoreCustomer } from './scoring/score-customer.js';
import type { Weights } from './scoring/weights.js';
import { sectionOfCode } from './industry/index.js';

export interface ScorerDeps {
  customers: CustomerRepo;
  ledger: LedgerStore;
  signals: SignalStore;
  assessments: AssessmentStore;
  queue: ScoringQueue;
  publishAssessments(assessments: Assessment[]): Promise<void>;
  policy: Policy;
  weights?: Weights;
  clock: Clock;
  log: Logger;
}

/**
 * ledger + signals → store each input, then queue the customers to re-score in one markDirty at
 * the end of the batch (before it is committed); the customer list for industry signals is read
 * once per batch. Scoring happens in `rescoreQueued`, so a ledger import of many rows scores each
 * customer once, not once per row.
 */
export function createScorerInputBatchHandler(deps: ScorerDeps): BatchHandler {
  return async (messages) => {
    const results: HandlerResult[] = [];
    const dirty = new Set<string>();
    const industries = new Set<string | undefined>(); // NACE sections of new industry signals
    for (const message of messages) {
      if (message.topic === TOPICS.ledger) {
        const parsed = parseEnvelope(TOPICS.ledger, message.value);
        if (!parsed.ok) {
          results.push(dlq(parsed.reason));
          continue;
        }
        const changed = await deps.ledger.upsertLedgerRows([parsed.value.payload]);
        if (changed.length > 0) dirty.add(parsed.value.payload.customerId);
        results.push(ok);
      } else if (message.topic === TOPICS.signals) {
        const parsed = parseEnvelope(TOPICS.signals, message.value);
        if (!parsed.ok) {
          results.push(dlq(parsed.reason));
          continue;
        }
        const signal = parsed.value.payload;
        const isNew = await deps.signals.upsertSignal(signal);
        if (isNew && signal.customerId) dirty.add(signal.customerId);
        if (isNew && signal.industry) industries.add(sectionOfCode(signal.industry));
        results.push(ok);
      } else {
        results.push(dlq(`scorer does not consume topic ${message.topic}`));
      }
    }
    if (industries.size > 0) {
      // Industry news moves the industry risk index of every customer in that industry.
      for (const c of await deps.customers.listCustomers()) if (c.industry && industries.has(sectionOfCode(c.industry))) dirty.add(c.id);
    }
    if (dirty.size > 0) await deps.queue.markDirty([...dirty], deps.clock.now());
    return results;
  };
}

/** Scores queued customers; a new grade, score or terms is stored in history and published. */
export async function rescoreQueued(deps: ScorerDeps, limit = 500): Promise<number> {
  const ids = await deps.queue.dirtyCustomers(limit);
  if (ids.length === 0) return 0;
  const startedAt = deps.clock.now();
  const changed: Assessment[] = [];
  for (const id of ids) {
    const assessment = await scoreCustomer(deps, id, startedAt);
    if (assessment && (await deps.assessments.saveAssessment(assessment)) === 'new') changed.push(assessment);
  }
  if (changed.length > 0) await deps.publishAssessments(changed);
  await deps.queue.clearDirty(ids, startedAt);
  deps.log.info({ module: 'scorer', scored: ids.length, changed: changed.length }, 'customers_scored');
  return ids.length;
}
