import { describe } from 'vitest';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import type { Consumer } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { runBusContract } from '../contract/bus.contract.js';
import { fastKafkaSettings, kafkaBrokers } from './kafka-env.js';

const brokers = kafkaBrokers();

describe.skipIf(!brokers)(
  brokers ? 'Kafka bus' : 'Kafka bus (skipped: BONITOR_KAFKA_BROKERS is not set; npm run test:kafka starts a broker)',
  () => {
    // gzip: the codec the product's config uses by default (kafka.compression); dead letters keep the original bytes through it.
    runBusContract(`Kafka (${(brokers ?? []).join(',')}, gzip)`, {
      create: async () =>
        new KafkaBus({ brokers: brokers ?? [], clientId: 'bonitor-contract', partitions: 4, replicationFactor: 1, compression: 'gzip', log: silentLogger, ...fastKafkaSettings }),
      kill: (c: Consumer) => (c as unknown as { kill(): Promise<void> }).kill(),
      timeoutMs: 30_000,
    });
  },
);
