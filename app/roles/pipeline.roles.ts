import cron from 'node-cron';
import { TOPICS, toMessages } from '../../platform/schemas/index.js';
import { META_KEYS } from '../../platform/store/meta-keys.js';
import { createAnalyzerStep } from '../../analysis/analyzer.consumer.js';
import { createScorerInputStep, rescoreQueued } from '../../analysis/scorer.consumer.js';
import { scorerDeps } from './scorer-deps.js';
import type { App } from '../compose.js';
import { publishAll } from '../publish.js';
import { openAnalysisPool } from '../analysis-workers.js';
import { GROUPS } from '../topics.js';
import { DEFAULT_WEIGHTS } from '../../analysis/scoring/weights.js';
import { consumerService, startStandalone, type RoleDefinition, type RunningRole } from '../supervision/role.js';
import { createRoundPacer } from '../supervision/round-pacer.js';

export type { RunningRole };
export { scorerDeps };

const MODEL_KEY = META_KEYS.modelVersion;

/** Everyone known to the store: watchlist customers and customers seen only in the ledger. */
async function allCustomerIds(app: App): Promise<string[]> {
  return [...new Set([...(await app.store.listCustomers()).map((c) => c.id), ...(await app.store.ledgerCustomerIds())])];
}

/** documents → link and classify → signals, as one supervised consumer group. */
export function analyzerRole(app: App): RoleDefinition {
  const consumer = consumerService(app, {
    name: 'analyzer.consumer',
    stage: 'analyzer',
    subscribe: {
      group: GROUPS.analyzer,
      topics: [TOPICS.documents],
      maxAttempts: app.config.bus.maxAttempts,
      // The signals of a partition's run of documents go out in one publish, before the commit.
      output: (found) => [toMessages(TOPICS.signals, found.flat())],
    },
    // Link + classify on worker threads (analysis.workers), made per start and ended on stop.
    open: async () => {
      const pool = openAnalysisPool(app);
      const handler = createAnalyzerStep({ documents: app.store, customers: app.store, meta: app.store, clock: app.clock, log: app.log, linkModel: app.linkModel, eventModel: app.eventModel, ...(pool ? { pool } : {}) });
      return { handler, close: async () => pool?.close() };
    },
  });
  return { name: 'analyzer', services: [consumer], ticks: [], idle: async () => consumer.current()?.idle() };
}

/**
 * Stores ledger rows and signals (a consumer group), re-scores queued customers continuously (a
 * tick that backs off while it fails) and marks everyone for re-scoring every night (decay).
 */
export function scorerRole(app: App): RoleDefinition {
  const deps = scorerDeps(app);
  const pacer = createRoundPacer(0.25);
  let chain: Promise<unknown> = Promise.resolve();
  /**
   * One re-scoring round at a time, whether the tick or idle() asks. The shell publishes what the
   * scorer returns, then clears the queue: a crash in between re-scores.
   */
  const rescoreOnce = (): Promise<boolean> => {
    const round = chain.then(async () => {
      const scored = await rescoreQueued(deps);
      if (scored.ids.length === 0) return false;
      await publishAll(app.bus, TOPICS.assessments, scored.changed);
      await app.store.clearDirty(scored.ids, scored.startedAt);
      return true;
    });
    chain = round.catch(() => undefined);
    return round;
  };
  const consumer = consumerService(app, {
    name: 'scorer.consumer',
    stage: 'scorer',
    subscribe: { group: GROUPS.scorer, topics: [TOPICS.ledger, TOPICS.signals], maxAttempts: app.config.bus.maxAttempts },
    // The customers to re-score are queued once per batch.
    handler: createScorerInputStep(deps),
  });
  const startConsumer = consumer.start.bind(consumer);
  consumer.start = async (control) => {
    // New weights from `bonitor train` (or a new default model) re-score everyone once.
    const model = (app.weights ?? DEFAULT_WEIGHTS).version;
    if ((await app.store.getMeta(MODEL_KEY)) !== model) {
      await app.store.markDirty(await allCustomerIds(app), app.clock.now());
      await app.store.setMeta(MODEL_KEY, model);
    }
    return startConsumer(control);
  };
  return {
    name: 'scorer',
    services: [
      consumer,
      {
        name: 'scorer.nightly',
        stage: 'scorer',
        async start(control) {
          // Signals fade with time: re-score everyone nightly even when nothing new arrived.
          const task = cron.schedule(
            '17 2 * * *',
            async () => {
              try {
                await app.store.markDirty(await allCustomerIds(app), app.clock.now());
                control.ok();
              } catch (err) {
                control.failed(err);
              }
            },
            { noOverlap: true, name: 'nightly-rescore' },
          );
          return { stop: async () => void (await task.destroy()), ended: new Promise(() => undefined) };
        },
      },
    ],
    // At most a quarter of the time for re-scoring while the queue stays full, so the consumers keep up
    // (with the analysis on worker threads the consumer thread is otherwise free, and re-scoring took it);
    // a round not yet due waits for the next tick (idle() below is not paced).
    ticks: [{ name: 'scorer.rescore', stage: 'scorer', everyMs: 250, tick: () => (pacer.ready() ? pacer.run(rescoreOnce) : Promise.resolve(false)) }],
    async idle() {
      for (;;) {
        await consumer.current()?.idle();
        while (await rescoreOnce());
        const lag = (await app.bus.lag(GROUPS.scorer, TOPICS.ledger)) + (await app.bus.lag(GROUPS.scorer, TOPICS.signals));
        if ((await app.store.dirtyCustomers(1)).length === 0 && lag === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** The analyzer under a supervisor of its own (tests, benchmarks). */
export const startAnalyzer = (app: App): Promise<RunningRole> => startStandalone(app, analyzerRole(app));
/** The scorer under a supervisor of its own (tests, benchmarks). */
export const startScorer = (app: App): Promise<RunningRole> => startStandalone(app, scorerRole(app));
