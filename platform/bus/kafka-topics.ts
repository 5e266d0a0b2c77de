import type { Admin } from 'kafkajs';

export interface TopicReadiness {
  /** Give up after this long (the error says which topics were still not ready). */
  timeoutMs: number;
  /** First wait between checks; doubles up to 1 s. */
  firstWaitMs?: number;
}

/**
 * Waits until the broker's metadata lists `topics`, every partition with a leader.
 * `createTopics({ waitForLeaders: true })` returns when the controller has elected leaders,
 * but on a loaded broker the metadata a client then asks for can still say
 * UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE for a while, and a producer or a fetch
 * that meets that first burns its retries. Retriable errors (kafkajs's flag) are asked again;
 * any other error is thrown at once.
 */
export async function waitForTopicsReady(admin: Pick<Admin, 'fetchTopicMetadata'>, topics: string[], options: TopicReadiness): Promise<void> {
  if (topics.length === 0) return;
  const deadline = Date.now() + options.timeoutMs;
  let wait = options.firstWaitMs ?? 50;
  let lastProblem = 'no answer yet';
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      const notReady = topics.filter((name) => {
        const t = found.find((x) => x.name === name);
        // A topic's partitions appear in the metadata together; each needs a leader.
        return !t || t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0 || p.partitionErrorCode !== 0);
      });
      if (notReady.length === 0) return;
      lastProblem = `no leader yet for ${notReady.join(', ')}`;
    } catch (err) {
      if ((err as { retriable?: boolean }).retriable !== true) throw err;
      lastProblem = (err as Error).message;
    }
    if (Date.now() + wait > deadline) throw new Error(`kafka topics not ready after ${options.timeoutMs} ms (${lastProblem})`);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 1_000);
  }
}
