import type { KafkaBusOptions } from '../../platform/bus/kafka.bus.js';

/** Brokers from BONITOR_KAFKA_BROKERS (set by scripts/test-kafka.sh and .ci/run), or undefined. */
export function kafkaBrokers(): string[] | undefined {
  const raw = process.env.BONITOR_KAFKA_BROKERS?.trim();
  if (!raw) return undefined;
  return raw.split(',').map((b) => b.trim()).filter(Boolean);
}

/** Fast settings for tests: short retries, quick rebalances (6 s is the broker's minimum session). */
export const fastKafkaSettings: Partial<KafkaBusOptions> = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  maxWaitTimeMs: 100,
  retryBaseMs: 20,
  retryMaxMs: 200,
  clientRetry: { retries: 12, initialRetryTime: 100, maxRetryTime: 2_000 },
};
