import cron from 'node-cron';
import type { Consumer } from '../../platform/bus/port.js';
import { TOPICS, toMessages } from '../../platform/schemas/index.js';
import { META_KEYS } from '../../platform/store/meta-keys.js';
import { createAnalyzerStep } from '../../analysis/analyzer.consumer.js';
import { createScorerInputStep, rescoreQueued, type ScorerDeps } from '../../analysis/scorer.consumer.js';
import type { App } from '../compose.js';
import { publishAll } from '../publish.js';
import { GROUPS } from '../topics.js';
import { DEFAULT_WEIGHTS } from '../../analysis/scoring/weights.js';

const MODEL_KEY = META_KEYS.modelVersion;

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
    handler: createAnalyzerStep({ documents: app.store, customers: app.store, meta: app.store, clock: app.clock, log: app.log }),
    // The signals of a partition's run of documents go out in one publish, before the commit.
    output: (found) => [toMessages(TOPICS.signals, found.flat())],
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
    policy: app.config.policy,
    weights: app.weights,
    registers: app.store.registers,
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
    // The customers to re-score are queued once per batch.
    handler: createScorerInputStep(deps),
  });
  let running = true;
  let busy: Promise<number> = Promise.resolve(0);
  // The shell publishes what the scorer returns, then clears the queue: a crash in between re-scores.
  const drain = async () => {
    for (;;) {
      const round = await rescoreQueued(deps);
      if (round.ids.length === 0) return 0;
      await publishAll(app.bus, TOPICS.assessments, round.changed);
      await app.store.clearDirty(round.ids, round.startedAt);
      if (!running) return 0;
    }
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
