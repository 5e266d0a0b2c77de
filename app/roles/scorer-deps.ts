import type { ScorerDeps } from '../../analysis/scorer.consumer.js';
import { createSignalHistory } from '../../analysis/signal-history.js';
import type { SignalStore } from '../../platform/store/port.js';
import type { App } from '../compose.js';
import { ledgerFeatureOptions } from '../ledger-options.js';

/**
 * What scoring one customer reads and writes (its own module: an override or a note re-scores
 * without loading the pipeline roles). Each call keeps its own signal history: the scorer role
 * calls it once, so its re-scores read only the signals stored since the last one.
 */
export function scorerDeps(app: App): ScorerDeps {
  const store = app.store;
  const history = createSignalHistory(store);
  const signals: SignalStore = {
    upsertSignal: (s) => store.upsertSignal(s),
    upsertSignals: (s) => store.upsertSignals(s),
    signalsForCustomer: (id) => history.signalsForCustomer(id),
    signalsForCustomerAfter: (id, after) => store.signalsForCustomerAfter(id, after),
    signalsForIndustry: (industry) => store.signalsForIndustry(industry),
    signalsSince: (after, limit) => store.signalsSince(after, limit),
  };
  return {
    customers: store,
    ledger: store,
    signals,
    assessments: store,
    positions: store,
    queue: store,
    policy: app.config.policy,
    weights: app.weights,
    registers: store.registers,
    ledgerOptions: ledgerFeatureOptions(app.config),
    credit: store.credit,
    clock: app.clock,
    log: app.log,
  };
}
