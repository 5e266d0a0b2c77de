import path from 'node:path';
import { systemClock, type Clock } from '../platform/clock.js';
import type { AppConfig } from '../platform/config/schema.js';
import type { Logger } from '../platform/log.js';
import { createSqliteLogBus } from '../platform/bus/index.js';
import type { Bus } from '../platform/bus/port.js';
import type { Store } from '../platform/store/port.js';
import { openSqliteStore } from '../platform/store/sqlite/sqlite.store.js';
import { ALL_TOPICS } from './topics.js';
import { loadScoringWeights } from './scoring-weights.js';
import type { Weights } from '../analysis/scoring/weights.js';
import type { LinkModel } from '../analysis/linking/index.js';
import { loadLinkModel } from './link-model.js';
import type { EventModel } from '../analysis/classify/index.js';
import { loadEventModel } from './event-model.js';

/** The one composition root: adapters are chosen here from configuration, nowhere else. */
export interface App {
  config: AppConfig;
  log: Logger;
  clock: Clock;
  bus: Bus;
  store: Store;
  /** Scorecard weights fitted by `bonitor train`, when `<dataDir>/weights.json` exists. */
  weights: Weights | undefined;
  /** The entity-linking weights (analysis/linking/link-model.json). */
  linkModel: LinkModel;
  /** The trained event-extraction layer (analysis/classify/event-model.json). */
  eventModel: EventModel;
  close(): Promise<void>;
}

export async function openApp(config: AppConfig, log: Logger, clock: Clock = systemClock): Promise<App> {
  const weights = loadScoringWeights(config.dataDir);
  const bus = await openBus(config, log);
  const store = await openStore(config, log);
  await bus.ensureTopics(ALL_TOPICS);
  let closed = false;
  // The shipped models are read when a role or command first uses them: a command that only
  // reads the store does not pay for parsing them.
  let linkModel: LinkModel | undefined;
  let eventModel: EventModel | undefined;
  return {
    config,
    log,
    clock,
    bus,
    store,
    weights,
    get linkModel() {
      return (linkModel ??= loadLinkModel());
    },
    get eventModel() {
      return (eventModel ??= loadEventModel());
    },
    async close() {
      if (closed) return;
      closed = true;
      await bus.close();
      await store.close();
    },
  };
}

async function openBus(config: AppConfig, log: Logger): Promise<Bus> {
  if (config.kafka.brokers.length > 0) {
    const { createKafkaBus } = await import('../platform/bus/kafka.bus.js');
    // A consumer that kafkajs gave up on ends (Consumer.ended): the app's supervisor subscribes again.
    return createKafkaBus(config.kafka, log);
  }
  return createSqliteLogBus(path.join(config.dataDir, 'bus.db'), {
    partitions: config.bus.partitions,
    log,
  });
}

async function openStore(config: AppConfig, log: Logger): Promise<Store> {
  if (config.clickhouse.url) {
    const { openClickHouseStore } = await import('../platform/store/clickhouse/clickhouse.store.js');
    return openClickHouseStore({ url: config.clickhouse.url, database: config.clickhouse.database, log });
  }
  return openSqliteStore(config.dataDir);
}
