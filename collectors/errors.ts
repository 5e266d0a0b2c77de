import { type CollectErrorKind, type TypedError } from '../platform/schemas/index.js';

/**
 * Every way a fetch or parse can fail, as data (kinds and shape in platform/schemas). The
 * collector never throws these past `collectSource`: they end up in the CollectResult and in
 * the source's health record.
 */
export { COLLECT_ERROR_KINDS, type CollectErrorKind, type TypedError } from '../platform/schemas/index.js';

export class CollectError extends Error {
  readonly typed: TypedError;

  constructor(kind: CollectErrorKind, message: string, extra: Partial<Omit<TypedError, 'kind' | 'message'>> = {}) {
    super(message);
    this.name = 'CollectError';
    this.typed = { kind, message, retriable: extra.retriable ?? defaultRetriable(kind, extra.status), ...extra };
  }

  get kind(): CollectErrorKind {
    return this.typed.kind;
  }
}

function defaultRetriable(kind: CollectErrorKind, status?: number): boolean {
  switch (kind) {
    case 'timeout':
    case 'network':
    case 'internal':
      return true;
    case 'http_status':
      return status === undefined || status === 408 || status === 429 || status >= 500;
    default:
      return false;
  }
}

/** Turns anything thrown into a TypedError; anything that is not a CollectError is our own failure. */
export function toTypedError(err: unknown): TypedError {
  if (err instanceof CollectError) return err.typed;
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'internal', message, retriable: true };
}

/**
 * What went wrong in JSON.parse, without the excerpt of the input that V8 puts in its message
 * (a misconfigured local file must never have its bytes copied into a stored error).
 */
export function jsonErrorSummary(err: unknown): string {
  const position = /at position (\d+)/.exec(err instanceof Error ? err.message : String(err))?.[1];
  return position === undefined ? 'not valid JSON' : `not valid JSON (at position ${position})`;
}
