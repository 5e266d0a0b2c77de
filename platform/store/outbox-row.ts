import type { OutboxEntry } from './port.js';

/** An outbox row as both SQL adapters store it (snake_case columns; ClickHouse returns numbers as strings, empty strings for unset). */
export interface OutboxRow {
  key: string;
  subscription_id: string;
  recipient: string;
  kind: OutboxEntry['kind'];
  period: string;
  subject: string;
  message: string;
  item_count: number | string;
  cursor: string;
  status: OutboxEntry['status'];
  attempts: number | string;
  last_error: string | null;
  retry_at?: string | null;
  attempt_started_at?: string | null;
  created_at: string;
  sent_at: string | null;
}

export function outboxEntryFromRow(r: OutboxRow): OutboxEntry {
  return {
    key: r.key,
    subscriptionId: r.subscription_id,
    recipient: r.recipient,
    kind: r.kind,
    period: r.period,
    subject: r.subject,
    message: r.message,
    itemCount: Number(r.item_count),
    cursor: JSON.parse(r.cursor) as Record<string, number>,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error || undefined,
    ...(r.retry_at ? { retryAt: r.retry_at } : {}),
    ...(r.attempt_started_at ? { attemptStartedAt: r.attempt_started_at } : {}),
    createdAt: r.created_at,
    sentAt: r.sent_at || undefined,
  };
}
