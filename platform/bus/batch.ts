import { errorMessage, isProgrammingError } from '../errors.js';
import type { BatchHandler, ConsumedMessage, StepResult } from './port.js';

/**
 * Runs a step and turns a throw into per-message results (rules in port.ts BatchHandler):
 * a transient error retries the whole batch; a programming error re-runs the batch one message
 * at a time so only the message that fails alone is dead-lettered. `keepGoing` is asked between
 * those single runs (a stopping consumer does not start more work).
 */
export async function invokeBatch<T>(
  handler: BatchHandler<T>,
  messages: ConsumedMessage[],
  keepGoing: () => boolean = () => true,
): Promise<Array<StepResult<T>>> {
  let err: unknown;
  try {
    const results = await handler(messages);
    if (Array.isArray(results) && results.length === messages.length) return results;
    err = new TypeError(`batch handler returned ${Array.isArray(results) ? results.length : typeof results} results for ${messages.length} messages`);
  } catch (thrown) {
    err = thrown;
  }
  if (!isProgrammingError(err)) return messages.map(() => ({ kind: 'retry', reason: errorMessage(err) }));
  if (messages.length === 1) return [{ kind: 'dlq', reason: `${(err as Error).name}: ${errorMessage(err)}` }];
  const results: Array<StepResult<T>> = [];
  for (const message of messages) {
    const [result] = keepGoing() ? await invokeBatch(handler, [message], keepGoing) : [undefined];
    // Stopping, or a retry: the rest waits for the batch to come again from there.
    if (result === undefined || result.kind === 'retry') {
      const reason = result?.reason ?? 'consumer stopping';
      while (results.length < messages.length) results.push({ kind: 'retry', reason });
      break;
    }
    results.push(result);
  }
  return results;
}

/**
 * A batch step from a function of one message, handled one after another: a thrown transient
 * error becomes a retry of that message; a programming error is thrown on, so the bus pins it.
 */
export function eachMessage<T>(step: (message: ConsumedMessage) => Promise<StepResult<T>> | StepResult<T>): BatchHandler<T> {
  return async (messages) => {
    const results: Array<StepResult<T>> = [];
    for (const m of messages) {
      try {
        results.push(await step(m));
      } catch (err) {
        if (isProgrammingError(err)) throw err;
        results.push({ kind: 'retry', reason: errorMessage(err) });
      }
    }
    return results;
  };
}
