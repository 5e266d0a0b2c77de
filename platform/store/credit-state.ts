import { z } from 'zod';
import { TERMS_KINDS } from '../schemas/assessment.js';
import { grade, isoDate, isoDateTime } from '../schemas/common.js';

/**
 * The credit manager's own records, one typed table each: overrides of grade or terms with every
 * change kept (an audit trail), notes per customer, and acknowledgements of alerts. Adapters read
 * every row through these schemas.
 */

export const overrideChangeSchema = z.object({
  /** Stable: customer, time and author; writing the same change twice keeps one row. */
  id: z.string().min(1),
  customerId: z.string().min(1),
  action: z.enum(['set', 'clear']),
  grade: grade.optional(),
  terms: z.enum(TERMS_KINDS).optional(),
  /** Credit limit to use instead of the approved or suggested one, in the customer's currency. */
  limit: z.number().nonnegative().optional(),
  reason: z.string().min(1).max(1000),
  by: z.string().min(1).max(200),
  at: isoDateTime,
  /** Last day the override holds (inclusive); open-ended without. */
  until: isoDate.optional(),
});
export type OverrideChange = z.infer<typeof overrideChangeSchema>;

export const noteSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  text: z.string().min(1).max(4000),
  by: z.string().min(1).max(200),
  at: isoDateTime,
});
export type Note = z.infer<typeof noteSchema>;

/**
 * An alert someone has seen and taken care of. `itemKey` names what was alerted:
 * `signal:<signal id>` for an event, `assessment:<customer id>:<asOf>` for a grade or limit change.
 */
export const acknowledgementSchema = z.object({
  itemKey: z.string().min(1).max(300),
  customerId: z.string().min(1),
  by: z.string().min(1).max(200),
  at: isoDateTime,
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const signalItemKey = (signalId: string) => `signal:${signalId}`;
export const assessmentItemKey = (customerId: string, asOf: string) => `assessment:${customerId}:${asOf}`;

export interface CreditStore {
  /** Appends a change of an override (set or clear); an existing id is left as it is. */
  addOverrideChange(change: OverrideChange): Promise<void>;
  /** Every change, oldest first; of one customer when `customerId` is given. */
  overrideChanges(customerId?: string): Promise<OverrideChange[]>;
  addNote(note: Note): Promise<void>;
  /** A customer's notes, newest first. */
  notes(customerId: string): Promise<Note[]>;
  /** Records the acknowledgements not yet recorded (the first one of an item wins); returns how many were new. */
  acknowledge(acks: Acknowledgement[]): Promise<number>;
  /** The acknowledgements of the given items that exist. */
  acknowledgements(itemKeys: string[]): Promise<Map<string, Acknowledgement>>;
  /** A customer's acknowledgements, newest first. */
  acknowledgementsFor(customerId: string): Promise<Acknowledgement[]>;
}

/**
 * Pure: the override in force for a customer on `asOf` — the last change, when it is a `set`
 * whose `until` (inclusive) has not passed. A clear, or an expired set, means none.
 */
export function activeOverride(changes: readonly OverrideChange[], asOf: Date): OverrideChange | undefined {
  const last = [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1);
  if (!last || last.action !== 'set') return undefined;
  if (last.until && last.until < asOf.toISOString().slice(0, 10)) return undefined;
  return last;
}
