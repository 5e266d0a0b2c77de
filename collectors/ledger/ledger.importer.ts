import { TOPICS, toMessage, type LedgerRow } from '../../platform/schemas/index.js';
import type { Bus } from '../../platform/bus/port.js';
import type { SeenItems } from '../../platform/store/port.js';
import type { LedgerGroup } from './read-ledger-file.js';
import { parseLedgerCsv, type LedgerParseError } from './parse-ledger.js';

export interface LedgerImportResult {
  /** Rows after merging repeated invoice rows. */
  rows: number;
  /** New or changed rows (published, or would be with a dry run). */
  published: number;
  unchanged: number;
  customers: number;
  /** Customers with at least one new or changed row. */
  customersChanged: number;
}

const SOURCE = 'ledger-import';
// Large batches: each commit writes every B-tree page it touched, and the seen ids (content hashes)
// land on random pages, so fewer, larger commits write far fewer pages per row.
const BATCH = 10_000;

/** The envelope id of a ledger row (toMessage's rule): its natural key plus its content, so a changed row is a new message. */
export function ledgerRowId(row: LedgerRow): string {
  return toMessage(TOPICS.ledger, row).value.id;
}

/**
 * Imports ledger rows customer by customer as they stream in: rows are published to `ledger`
 * keyed by customer (one customer's invoices stay in order); a row already imported with the
 * same content is not published again, so importing the same file twice changes nothing. With
 * `dryRun` nothing is published or marked: the result says what would change. A 'restarted'
 * marker (the file was not sorted and is read again sorted) is harmless: publishing is idempotent.
 */
export async function importLedgerGroups(
  groups: AsyncIterable<LedgerGroup | 'restarted'>,
  deps: { bus: Pick<Bus, 'publish'>; seen: SeenItems },
  options: { dryRun?: boolean; transform?: (rows: LedgerRow[]) => LedgerRow[] } = {},
): Promise<LedgerImportResult> {
  let result: LedgerImportResult = { rows: 0, published: 0, unchanged: 0, customers: 0, customersChanged: 0 };
  let pending: LedgerRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    const messages = rows.map((row) => toMessage(TOPICS.ledger, row));
    const ids = messages.map((m) => m.value.id);
    const unseen = new Set(await deps.seen.filterUnseen(SOURCE, ids));
    const fresh = messages.filter((_, i) => unseen.has(ids[i]!));
    result.published += fresh.length;
    result.unchanged += rows.length - fresh.length;
    result.customersChanged += new Set(fresh.map((m) => m.key)).size;
    if (options.dryRun || fresh.length === 0) return;
    await deps.bus.publish(TOPICS.ledger, fresh);
    // Marked only after the publish: a crash in between re-publishes (harmless), never loses.
    await deps.seen.markSeen(SOURCE, fresh.map((m) => m.value.id));
  };
  for await (const g of groups) {
    if (g === 'restarted') {
      await flush();
      result = { rows: 0, published: 0, unchanged: 0, customers: 0, customersChanged: 0 };
      continue;
    }
    const rows = options.transform ? options.transform(g.rows) : g.rows;
    result.customers++;
    result.rows += rows.length;
    for (const r of rows) pending.push(r);
    // Batches end at a customer boundary, so a customer's rows are counted once as changed.
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  return result;
}

/** A whole CSV text (the bundled demo): parsed in memory, then imported like a file. */
export async function importLedgerCsv(
  text: string,
  deps: { bus: Pick<Bus, 'publish'>; seen: SeenItems },
): Promise<LedgerImportResult & { errors: LedgerParseError[] }> {
  const { rows, errors } = parseLedgerCsv(text);
  const byCustomer = new Map<string, LedgerRow[]>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
  async function* groups(): AsyncGenerator<LedgerGroup> {
    for (const [customerId, list] of byCustomer) yield { customerId, rows: list };
  }
  return { ...(await importLedgerGroups(groups(), deps)), errors };
}
