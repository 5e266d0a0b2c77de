/**
 * Every way a fetch or parse can fail, as data. The collector never throws these past
 * `collectSource`: they end up in the CollectResult and in the source's health record.
 */
export const COLLECT_ERROR_KINDS = [
  'timeout', // connect or total time limit reached, or the body stalled
  'http_status', // a 4xx/5xx answer (status and Retry-After kept)
  'parse', // the bytes are not a feed / document we can read
  'too_large', // body above the size cap
  'blocked', // private, loopback or link-local address refused (also after redirects / DNS)
  'robots', // robots.txt disallows the path for our user agent
  'redirect_loop', // too many redirects or a redirect back to a visited URL
  'network', // DNS failure, connection refused or reset, TLS
  'not_found', // a local file that does not exist
  'config', // the source is configured in a way we cannot collect
  'internal', // our side failed (bus or store down); retried next run
] as const;
export type CollectErrorKind = (typeof COLLECT_ERROR_KINDS)[number];

/** Plain, serialisable description of a failure (stored in source health, shown by `bonitor sources`). */
export interface TypedError {
  kind: CollectErrorKind;
  message: string;
  /** HTTP status for `http_status`. */
  status?: number;
  /** Server-requested pause (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** Whether trying again later can help (a 404 or a parse error usually cannot, a 503 can). */
  retriable: boolean;
}

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
