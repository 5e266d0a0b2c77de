import { z } from 'zod';

/** Every way a fetch or parse can fail (collectors/errors.ts builds them; health and alerts show them). */
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
export const typedErrorSchema = z.object({
  kind: z.enum(COLLECT_ERROR_KINDS).catch('internal'),
  message: z.string(),
  /** HTTP status for `http_status`. */
  status: z.number().int().optional(),
  /** Server-requested pause (Retry-After), in milliseconds. */
  retryAfterMs: z.number().min(0).optional(),
  /** Whether trying again later can help (a 404 or a parse error usually cannot, a 503 can). */
  retriable: z.boolean(),
});
export type TypedError = z.infer<typeof typedErrorSchema>;

/**
 * Per-source state the collectors keep between runs: health (for `bonitor sources`, the
 * parking rule and health alerts), the conditional-GET validators and a resume cursor.
 * Loose: a field a newer version wrote survives a read by this one.
 */
export const sourceHealthSchema = z.looseObject({
  sourceId: z.string().min(1),
  lastAttemptAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  consecutiveFailures: z.number().int().min(0).default(0),
  lastError: typedErrorSchema.optional(),
  lastErrorAt: z.string().optional(),
  /** While set and in the future, scheduled runs skip the source (it is parked, not dropped). */
  parkedUntil: z.string().optional(),
  /** Conditional GET validators of the last 200 answer. */
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Resume position: Companies House `timepoint`, last seen register notice… */
  cursor: z.string().optional(),
  /** Documents published over the source's lifetime, for the sources listing. */
  totalPublished: z.number().int().min(0).default(0),
});
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

/**
 * The `source-health` topic: a source broke (on the Nth failure in a row, once per streak) or
 * came back. The collector publishes it; the alerter mails admins.
 */
export const sourceHealthEventSchema = z.object({
  type: z.enum(['source_failing', 'source_recovered']),
  sourceId: z.string().min(1),
  at: z.string(),
  consecutiveFailures: z.number().int().min(0),
  error: typedErrorSchema.optional(),
  parkedUntil: z.string().optional(),
  /** The last success before the failure streak: names the streak, so each one alerts once. */
  lastSuccessAt: z.string().optional(),
});
export type SourceHealthEvent = z.infer<typeof sourceHealthEventSchema>;

export function emptyHealth(sourceId: string): SourceHealth {
  return { sourceId, consecutiveFailures: 0, totalPublished: 0 };
}
