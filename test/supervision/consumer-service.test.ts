import { describe, expect, it } from 'vitest';
import type { App } from '../../app/compose.js';
import { consumerService } from '../../app/supervision/role.js';
import { createSupervisor } from '../../app/supervision/supervisor.js';
import { createMemoryBus } from '../../platform/bus/index.js';
import { configSchema } from '../../platform/config/schema.js';
import { silentLogger } from '../../platform/log.js';
import { deadLetterTopic } from '../../platform/schemas/topics.js';
import { waitFor } from '../helpers.js';

const config = configSchema.parse({ supervisor: { backoffBaseMs: 20, backoffMaxMs: 50 }, bus: { maxAttempts: 2 } });

describe('a supervised consumer', () => {
  it('waits out an unavailable store in place: nothing is dead-lettered, the outage is reported, the work is done once it is back', async () => {
    const bus = createMemoryBus({ partitions: 1, log: silentLogger, retryBaseMs: 5 });
    await bus.ensureTopics(['in', deadLetterTopic('in')]);
    await bus.publish('in', [{ key: 'k', value: { n: 1 } }, { key: 'k', value: { n: 2 } }]);
    let outage = 6; // more failures than maxAttempts: charged to the messages, they would be dead-lettered
    const stored: number[] = [];
    const service = consumerService({ bus, config } as unknown as App, {
      name: 'test.consumer',
      stage: 'analyzer',
      subscribe: { group: 'g', topics: ['in'], maxAttempts: config.bus.maxAttempts },
      handler: async (messages) => {
        if (outage-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        stored.push(...messages.map((m) => (m.value as { n: number }).n));
        return messages.map(() => ({ kind: 'ok' as const, value: undefined }));
      },
    });
    const sup = createSupervisor({ log: silentLogger, backoff: { baseMs: 20, maxMs: 50 }, maxFailures: 100, onGiveUp: () => undefined });
    await sup.service(service);
    await waitFor(() => sup.status()[0]!.consecutiveFailures >= 3 && sup.status()[0]!.state === 'failing');
    expect(sup.status()[0]!.lastError).toBe('database is locked');
    await waitFor(() => stored.length === 2, 5_000);
    expect(stored).toEqual([1, 2]);
    await waitFor(() => sup.status()[0]!.state === 'running' && sup.status()[0]!.handled === 2);
    expect(await bus.lag('g', 'in')).toBe(0);
    expect(await bus.lag('probe', deadLetterTopic('in'))).toBe(0); // no dead letters
    await sup.stop();
    await bus.close();
  });

  it('still dead-letters a message that is itself bad', async () => {
    const bus = createMemoryBus({ partitions: 1, log: silentLogger, retryBaseMs: 5 });
    await bus.ensureTopics(['in', deadLetterTopic('in')]);
    await bus.publish('in', [{ key: 'k', value: { n: 1 } }]);
    const service = consumerService({ bus, config } as unknown as App, {
      name: 'test.consumer',
      stage: 'analyzer',
      subscribe: { group: 'g', topics: ['in'], maxAttempts: 2 },
      handler: async (messages) => messages.map(() => ({ kind: 'retry' as const, reason: 'customer unknown' })),
    });
    const sup = createSupervisor({ log: silentLogger, backoff: { baseMs: 20, maxMs: 50 }, maxFailures: 100, onGiveUp: () => undefined });
    await sup.service(service);
    await waitFor(async () => (await bus.lag('probe', deadLetterTopic('in'))) === 1, 5_000);
    await sup.stop();
    await bus.close();
  });
});
