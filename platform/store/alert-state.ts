import { z } from 'zod';
import { subscriptionSchema, type Subscription } from '../config/subscriptions.js';

/**
 * The alerts stage's own state, one typed table each (issue 18): subscriptions added by CLI or
 * API with their unsubscribe marks, one digest state per subscription, and the instant-alert
 * log. Adapters read every row through these schemas.
 */

const cursorNumber = z.coerce.number().int().min(0);
const isoTime = z.string().min(1);

/** How far a subscriber has been told: positions in the signals and assessments logs. */
export const alertCursorSchema = z.object({ signals: cursorNumber, assessments: cursorNumber });
export type AlertCursor = z.infer<typeof alertCursorSchema>;

export const storedSubscriptionSchema = z.object({
  id: z.string().min(1),
  /** Absent for a configured subscription that only carries an unsubscribe mark. */
  subscription: subscriptionSchema.optional(),
  unsubscribedAt: isoTime.optional(),
});
export type StoredSubscription = z.infer<typeof storedSubscriptionSchema>;

export interface SubscriptionStore {
  /** Every stored row: subscriptions added by CLI / API, and unsubscribe marks (of configured ones too). */
  listStoredSubscriptions(): Promise<StoredSubscription[]>;
  /** Inserts or replaces ONE subscription (a row of its own: concurrent adds never lose one) and clears its unsubscribe mark. */
  putSubscription(sub: Subscription, at: Date): Promise<void>;
  /** Deletes an added subscription; false when none was stored under `id`. */
  deleteSubscription(id: string): Promise<boolean>;
  /** Marks a subscription, configured or added, as unsubscribed. */
  markUnsubscribed(id: string, at: Date): Promise<void>;
}

export const digestStateSchema = z.object({
  subscriptionId: z.string().min(1),
  /** Everything up to here is in a mail that was sent or is waiting in the outbox. */
  cursor: alertCursorSchema,
  /** The last due period handled, with a mail or quietly (nothing new). */
  lastPeriod: z.string().optional(),
  /** Due periods in a row that had nothing new (0 after a mail). */
  quietSlots: cursorNumber,
  updatedAt: isoTime,
});
export type DigestState = z.infer<typeof digestStateSchema>;

export interface DigestStateStore {
  /** The states of `subscriptionIds` that have one. */
  digestStates(subscriptionIds: string[]): Promise<Map<string, DigestState>>;
  /** Upserts each state; a cursor never moves back here (two alerters may save the same period). */
  saveDigestStates(states: DigestState[]): Promise<void>;
  /** Moves a cursor back to `to` (a digest that was given up on): its items go into the next digest. */
  rewindDigestCursor(subscriptionId: string, to: AlertCursor, at: Date): Promise<void>;
}

export interface InstantAlertLog {
  /** Where each instant subscription stands; a subscription without one starts from now. */
  instantCursors(subscriptionIds: string[]): Promise<Map<string, AlertCursor>>;
  saveInstantCursor(subscriptionId: string, cursor: AlertCursor, at: Date): Promise<void>;
  /** When each of `events` (customer + type, or customer + grade) was last alerted to the subscription. */
  lastAlerted(subscriptionId: string, events: string[]): Promise<Map<string, string>>;
  /** Records one instant mail: its events are marked and it counts against the recipient's rate window. */
  recordInstantMail(subscriptionId: string, recipient: string, events: string[], at: Date): Promise<void>;
  /** Instant mails to `recipient` at or after `since` (ISO times). */
  instantMailsSince(recipient: string, since: Date): Promise<string[]>;
}

/** Rows older than this are of no use to any rate window. */
export const RATE_WINDOW_RETENTION_MS = 7 * 86_400_000;
