import type { ParseFailure } from '../schemas/envelope.js';
import { dlq, retry, type StepResult } from './port.js';

/** A message a newer build wrote waits for one (a rolling upgrade) before it is dead-lettered. */
export const NEWER_SCHEMA_RETRY_MS = 60_000;

/** The result for a message whose envelope did not parse: retry when a newer build can read it, else dead-letter. */
export function rejectUnparsed(failure: ParseFailure): StepResult<never> {
  return failure.newer ? retry(failure.reason, NEWER_SCHEMA_RETRY_MS) : dlq(failure.reason);
}
