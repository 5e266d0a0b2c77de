import { afterAll } from 'vitest';
import { createMemoryBus, createSqliteLogBus, LogBus } from '../../platform/bus/index.js';
import type { Consumer } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { runBusContract } from '../contract/bus.contract.js';
import { tempDir } from '../helpers.js';

const fast = { partitions: 4, pollMs: 5, sessionMs: 300, retryBaseMs: 5, log: silentLogger };
const kill = (c: Consumer) => (c as unknown as { kill(): Promise<void> }).kill();

runBusContract('memory', { create: async () => createMemoryBus(fast), kill });

const tmp = tempDir();
afterAll(() => tmp.cleanup());
runBusContract('SQLite local log', {
  create: async (): Promise<LogBus> => createSqliteLogBus(`${tmp.dir}/bus.db`, fast),
  kill,
});
