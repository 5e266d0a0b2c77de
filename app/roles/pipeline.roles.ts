import cron from 'node-cron';
import type { Consumer } from '../../platform/bus/port.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { createAnalyzerBatchHandler } from '../../analysis/analyzer.consumer.js';
import { createScorerInputBatchHandler, rescoreQueued, type ScorerDeps } from '../../analysis/scorer.consumer.js';
import type { App } from '../compose.js';
import { publishAssessments, publishSignals } from '../publish.js';
import { GROUPS } from '../topics.js';
import { DEFAULT_WEIGHTS } from '../../analysis/scoring/weights.js';

const MODEL_KEY = 'scoring.model-version';

/** Everyone known to the store: watchlist customers and customers seen only in the ledger. */
async function allCustomerIds(app: App): Promise<string[]> {
  return [...new Set([...(await app.store.listCustomers()).map((c) => c.id), ...(await app.store.ledgerCustomerIds())])];
}

export interface RunningRole {
  name: string;
  /** Resolves when the role has nothing left to do for what is currently on the bus. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAnalyzer(app: App): Promise<RunningRole> {
  const consumer = await app.bus.subscribe({
    group: GROUPS.analyzer,
    topics: [TOPICS.documents],
    maxAttempts: app.config.bus.maxAttempts,
    // Batch mode: the signals of a partition's run of documents go out in one publish.
    batchHandler: createAnalyzerBatchHandler({
      documents: app.store,
      customers: app.store,
      meta: app.store,
      publishSignals: (signals) => publishSignals(app.bus, signals),
      clock: app.clock,
      log: app.log,
    }),
  });
  return { name: 'analyzer', idle: () => consumer.idle(), stop: () => consumer.stop() };
}

export function scorerDeps(app: App): ScorerDeps {
  return {
    customers: app.store,
    ledger: app.store,
    signals: app.store,
    assessments: app.store,
    queue: app.store,
    publishAssessments: (a) => publishAssessments(app.bus, a),
    policy: app.config.policy,
    weights: app.weights,
    clock: app.clock,
    log: app.log,
  };
}

/** Stores ledger rows and signals, re-scores queued customers continuously and every night (decay). */
export async function startScorer(app: App): Promise<RunningRole> {
  const deps = scorerDeps(app);
  // New weights from `bonitor train` (or a new default model) re-score everyone once.
  const model = (app.weights ?? DEFAULT_WEIGHTS).version;
  if ((await app.store.getMeta(MODEL_KEY)) !== model) {
    await app.store.markDirty(await allCustomerIds(app), app.clock.now());
    await app.store.setMeta(MODEL_KEY, model);
  }
  const consumer: Consumer = await app.bus.subscribe({
    group: GROUPS.scorer,
    topics: [TOPICS.ledger, TOPICS.signals],
    maxAttempts: app.config.bus.maxAttempts,
    // Batch mode: the customers to re-score are queued once per batch.
    batchHandler: createScorerInputBatchHandler(deps),
  });
  let running = true;
  let busy: Promise<number> = Promise.resolve(0);
  const drain = async () => {
    while ((await rescoreQueued(deps)) > 0 && running);
    return 0;
  };
  const tick = () => {
    busy = busy.then(drain).catch((err) => {
      app.log.error({ module: 'scorer', err }, 'rescore_failed');
      return 0;
    });
    return busy;
  };
  const timer = setInterval(tick, 250);
  // Signals fade with time: re-score everyone nightly even when nothing new arrived.
  const nightly = cron.schedule('17 2 * * *', async () => app.store.markDirty(await allCustomerIds(app), app.clock.now()), {
    noOverlap: true,
    name: 'nightly-rescore',
  });
  return {
    name: 'scorer',
    async idle() {
      for (;;) {
        await consumer.idle();
        await tick();
        if ((await app.store.dirtyCustomers(1)).length === 0 && (await app.bus.lag(GROUPS.scorer, TOPICS.ledger)) === 0 && (await app.bus.lag(GROUPS.scorer, TOPICS.signals)) === 0) return;
      }
    },
    async stop() {
      running = false;
      clearInterval(timer);
      await nightly.stop();
      await consumer.stop();
      await busy;
    },
  };
}
