import { backoffMs, type BackoffPolicy } from '../backoff.js';
import type { ConsumedMessage, StepResult } from './port.js';

export interface AppliedResults<T> {
  /** Messages finished (ok, drop or dead-lettered): always a prefix of the batch. */
  finished: number;
  /** The offset to commit (the last finished message's + 1); undefined when none finished. */
  commitTo?: number;
  /** Dead letters to write before committing, with the attempts they took. */
  deadLetters: Array<{ message: ConsumedMessage; reason: string; attempts: number }>;
  dropped: Array<{ message: ConsumedMessage; reason: string }>;
  /**
   * The message to hand over again, with everything after it: its failure count (to record
   * when `counted`) and the wait. Not counted while the consumer stops: that is not its failure.
   */
  retry?: { message: ConsumedMessage; attempts: number; afterMs: number; reason: string; counted: boolean };
  /** The ok values of the finished messages, in order: the shell publishes them before committing. */
  publish: T[];
}

export interface ApplyOptions {
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** The consumer is stopping: a retry waits for the next owner and counts no attempt. */
  stopping?: boolean;
  random?: () => number;
}

/**
 * The one result handler of every bus adapter (memory, SQLite log, Kafka), pure: a batch's
 * messages and its step's results in → what to publish, dead-letter and commit, and where to
 * start again. Rules in port.ts (BatchHandler).
 */
export function applyResults<T>(messages: ConsumedMessage[], results: Array<StepResult<T>>, options: ApplyOptions): AppliedResults<T> {
  const out: AppliedResults<T> = { finished: 0, deadLetters: [], dropped: [], publish: [] };
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    let result = results[i]!;
    if (result.kind === 'retry') {
      if (options.stopping) {
        out.retry = { message, attempts: message.attempt, afterMs: 0, reason: result.reason, counted: false };
        break;
      }
      const attempts = message.attempt + 1;
      if (attempts < options.maxAttempts) {
        const afterMs = result.afterMs ?? backoffMs(attempts, options.backoff, options.random);
        out.retry = { message, attempts, afterMs, reason: result.reason, counted: true };
        break;
      }
      result = { kind: 'dlq', reason: `gave up after ${attempts} attempts: ${result.reason}` };
    }
    if (result.kind === 'dlq') out.deadLetters.push({ message, reason: result.reason, attempts: message.attempt + 1 });
    else if (result.kind === 'drop') out.dropped.push({ message, reason: result.reason });
    else out.publish.push(result.value);
    out.finished = i + 1;
    out.commitTo = message.offset + 1;
  }
  return out;
}
