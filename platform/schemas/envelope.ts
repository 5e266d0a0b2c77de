import { z } from 'zod';
import { TOPICS, type TopicName } from './topics.js';
import { documentSchema } from './document.js';
import { ledgerRowSchema } from './ledger.js';
import { signalSchema } from './signal.js';
import { assessmentSchema } from './assessment.js';
import { deliverySchema } from './delivery.js';
import { sourceHealthEventSchema } from './source-health.js';

/** Version of the payload schema; changes are additive, so consumers accept <= their own. */
export const SCHEMA_VERSION = 1;

export const PAYLOAD_SCHEMAS = {
  [TOPICS.documents]: documentSchema,
  [TOPICS.ledger]: ledgerRowSchema,
  [TOPICS.signals]: signalSchema,
  [TOPICS.assessments]: assessmentSchema,
  [TOPICS.deliveries]: deliverySchema,
  [TOPICS.sourceHealth]: sourceHealthEventSchema,
} as const;

export type Payload<T extends TopicName> = z.infer<(typeof PAYLOAD_SCHEMAS)[T]>;

/** Every message on every topic: a stable id (content hash or natural key) plus the payload. */
export interface Envelope<P> {
  id: string;
  v: number;
  payload: P;
}

const envelopeShape = z.object({ id: z.string().min(1), v: z.number().int().positive(), payload: z.unknown() });

export function wrap<P>(id: string, payload: P): Envelope<P> {
  return { id, v: SCHEMA_VERSION, payload };
}

/** `newer`: the message was written by a newer build (a schema version above ours), not broken. */
export type ParseFailure = { ok: false; reason: string; newer?: boolean };
export type ParseResult<P> = { ok: true; value: Envelope<P> } | ParseFailure;

/** Parses a consumed message of `topic`; never throws, so bad data becomes a dead letter with its reason. */
export function parseEnvelope<T extends TopicName>(topic: T, raw: unknown): ParseResult<Payload<T>> {
  const env = envelopeShape.safeParse(raw);
  if (!env.success) return { ok: false, reason: `envelope: ${formatIssues(env.error)}` };
  if (env.data.v > SCHEMA_VERSION) {
    return { ok: false, reason: `schema version ${env.data.v} is newer than this build (${SCHEMA_VERSION})`, newer: true };
  }
  const payload = PAYLOAD_SCHEMAS[topic].safeParse(env.data.payload);
  if (!payload.success) return { ok: false, reason: `${topic} payload: ${formatIssues(payload.error)}` };
  return { ok: true, value: { id: env.data.id, v: env.data.v, payload: payload.data as Payload<T> } };
}

export function formatIssues(error: Pick<z.ZodError, 'issues'>): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
