import type { ScorerDeps } from '../../analysis/scorer.consumer.js';
import type { App } from '../compose.js';
import { ledgerFeatureOptions } from '../ledger-options.js';

/** What scoring one customer reads and writes (its own module: an override or a note re-scores without loading the pipeline roles). */
export function scorerDeps(app: App): ScorerDeps {
  return {
    customers: app.store,
    ledger: app.store,
    signals: app.store,
    assessments: app.store,
    positions: app.store,
    queue: app.store,
    policy: app.config.policy,
    weights: app.weights,
    registers: app.store.registers,
    ledgerOptions: ledgerFeatureOptions(app.config),
    credit: app.store.credit,
    clock: app.clock,
    log: app.log,
  };
}
