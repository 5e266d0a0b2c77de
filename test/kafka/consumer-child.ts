/**
 * A consumer process for the kill -9 fault test: one member of a group that "stores" each
 * message by appending "<partition> <n>" to a file (an idempotent write: a set of lines).
 * Usage: node --import tsx consumer-child.ts <brokers> <topic> <group> <outFile> <delayMs>
 */
import { appendFileSync } from 'node:fs';
import { KafkaBus } from '../../platform/bus/kafka.bus.js';
import { ok as okOf, type StepResult } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { fastKafkaSettings } from './kafka-env.js';

import { eachMessage } from '../../platform/bus/batch.js';

/** A finished message with no output. */
const ok: StepResult<never> = okOf(undefined as never);
const [brokers = '', topic = '', group = '', outFile = '', delay = '0'] = process.argv.slice(2);
const bus = new KafkaBus({ brokers: brokers.split(','), clientId: `child-${process.pid}`, partitions: 4, replicationFactor: 1, log: silentLogger, ...fastKafkaSettings });
const consumer = await bus.subscribe({
  group,
  topics: [topic],
  handler: eachMessage(async (m) => {
    await new Promise((r) => setTimeout(r, Number(delay)));
    appendFileSync(outFile, `${m.partition} ${(m.value as { n: number }).n}\n`);
    return ok;
  }),
});
process.stdout.write('joined\n');
process.on('SIGTERM', () => {
  void consumer.stop().then(() => bus.close()).then(() => process.exit(0));
});
