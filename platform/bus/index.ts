import type { Logger } from '../log.js';
import { LogBus, type LogBusOptions } from './log.bus.js';
import { MemoryLogStorage } from './memory.storage.js';
import { SqliteLogStorage } from './sqlite.storage.js';

export * from './port.js';
export { LogBus } from './log.bus.js';
export { applyResults, type AppliedResults } from './apply-results.js';
export { eachMessage, invokeBatch } from './batch.js';

export type LocalBusOptions = Omit<LogBusOptions, 'log'> & { log: Logger };

/** The in-memory bus for unit tests: same consumer loop as the local log. */
export function createMemoryBus(options: LocalBusOptions): LogBus {
  return new LogBus(new MemoryLogStorage(), options);
}

/** The durable local log on SQLite (`<dataDir>/bus.db`), the embedded default. */
export function createSqliteLogBus(file: string, options: LocalBusOptions): LogBus {
  return new LogBus(new SqliteLogStorage(file), options);
}
