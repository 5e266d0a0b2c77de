import { logLevel as KafkaLogLevel, type IHeaders, type KafkaMessage, type logCreator } from 'kafkajs';
import type { Logger } from '../log.js';
import type { ConsumedMessage } from './port.js';

/** Kafka header values arrive as Buffers (or arrays of them); the port speaks strings. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) out[name] = last.toString();
  }
  return out;
}

export function toConsumedMessage(
  topic: string,
  partition: number,
  message: KafkaMessage,
  attempt: number,
): ConsumedMessage {
  const raw = message.value ? message.value.toString('utf8') : '';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw; // not JSON: the handler sees the string and dead-letters it with a reason
  }
  return {
    topic,
    partition,
    offset: Number(message.offset),
    key: message.key ? message.key.toString('utf8') : '',
    value,
    raw,
    headers: decodeHeaders(message.headers),
    attempt,
  };
}

/**
 * Routes kafkajs's own logs into pino. kafkajs logs every failed request at ERROR even when
 * it retries it (coordinator loading, leader moved); failures that reach us surface as thrown
 * errors and are logged there, so kafkajs ERROR becomes warn here.
 */
export function kafkaLogCreator(log: Logger): logCreator {
  return () => (entry) => {
    const { message, ...extra } = entry.log;
    const fields = { kafka_logger: entry.namespace, kafka_message: message, ...extra };
    const event = 'kafka_client_log';
    switch (entry.level) {
      case KafkaLogLevel.ERROR:
      case KafkaLogLevel.WARN:
        log.warn(fields, event);
        break;
      case KafkaLogLevel.INFO:
        log.debug(fields, event);
        break;
      default:
        log.trace(fields, event);
    }
  };
}
