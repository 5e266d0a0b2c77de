import { TOPICS, toMessage, type LedgerRow } from '../../platform/schemas/index.js';
import type { Bus } from '../../platform/bus/port.js';
import type { SeenItems } from '../../platform/store/port.js';
import { parseLedgerCsv, type LedgerParseError } from './parse-ledger.js';

export interface LedgerImportResult {
  /** Data rows in the file, good and bad. */
  rows: number;
  published: number;
  unchanged: number;
  errors: LedgerParseError[];
}

const SOURCE = 'ledger-import';

/** The envelope id of a ledger row (toMessage's rule): its natural key plus its content, so a changed row is a new message. */
export function ledgerRowId(row: LedgerRow): string {
  return toMessage(TOPICS.ledger, row).value.id;
}

/**
 * Imports a ledger CSV: good rows are published to `ledger` keyed by customer (one
 * customer's invoices stay in order), bad rows are reported. A row already imported with
 * the same content is not published again, so importing the same file twice changes nothing.
 */
export async function importLedgerCsv(text: string, deps: { bus: Pick<Bus, 'publish'>; seen: SeenItems }): Promise<LedgerImportResult> {
  const { rows, errors } = parseLedgerCsv(text);
  const ids = rows.map(ledgerRowId);
  const unseen = new Set(await deps.seen.filterUnseen(SOURCE, ids));
  const fresh = rows.filter((_, i) => unseen.has(ids[i]!));
  const BATCH = 1000;
  for (let i = 0; i < fresh.length; i += BATCH) {
    const chunk = fresh.slice(i, i + BATCH);
    const messages = chunk.map((row) => toMessage(TOPICS.ledger, row));
    await deps.bus.publish(TOPICS.ledger, messages);
    // Marked only after the publish: a crash in between re-publishes (harmless), never loses.
    await deps.seen.markSeen(SOURCE, messages.map((m) => m.value.id));
  }
  return { rows: rows.length + errors.filter((e) => e.line > 1).length, published: fresh.length, unchanged: rows.length - fresh.length, errors };
}
