import { describe, it } from 'vitest';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import type { Consumer } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { runBusContract } from '../contract/bus.contract.js';
import { fastKafkaSettings, kafkaBrokers } from './kafka-env.js';

const brokers = kafkaBrokers();

if (brokers) {
  runBusContract(`Kafka (${brokers.join(',')})`, {
    // One partition at a time: the contract's kill test counts the victim's first four messages as
    // its only finished work, which holds only when a member handles one message at a time.
    // The fault tests (kafka-faults.test.ts) run the default, concurrent setting.
    create: async () =>
      new KafkaBus({ brokers, clientId: 'bonitor-contract', partitions: 4, replicationFactor: 1, log: silentLogger, ...fastKafkaSettings, partitionsConcurrently: 1 }),
    kill: (c: Consumer) => (c as unknown as { kill(): Promise<void> }).kill(),
    timeoutMs: 30_000,
  });
} else {
  describe('Bus contract: Kafka — not run: BONITOR_KAFKA_BROKERS is not set (npm run test:kafka starts a broker)', () => {
    it.todo('set BONITOR_KAFKA_BROKERS=host:port or run npm run test:kafka');
  });
}
