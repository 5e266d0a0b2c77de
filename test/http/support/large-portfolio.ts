import { rescoreQueued } from '../../../analysis/scorer.consumer.js';
import type { App } from '../../../app/compose.js';
import { scorerDeps } from '../../../app/roles/pipeline.roles.js';
import type { Customer, LedgerRow } from '../../../platform/schemas/index.js';

/**
 * A portfolio of `customers` watchlist entries with `invoices` ledger rows each, scored by the
 * real scorer twice (the second time `laterDays` on, so overdue invoices age and scores move):
 * what the portfolio queries meet at scale. Deterministic: customer i always gets the same rows.
 * Every 7th customer pays late, every 11th has a credit note, every 13th a cash discount, every
 * 17th invoices in EUR, every 19th has a written-off invoice.
 */
export interface LargePortfolioOptions {
  customers: number;
  invoices?: number;
  /** The first scoring round's date; the second is `laterDays` after it. */
  asOf?: Date;
  laterDays?: number;
  /** Customers re-scored in the second round (default: all). */
  rescored?: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const INDUSTRIES = ['C25', 'F41', 'G46', 'H49', 'I56', 'J62', 'M71', 'N78'];

export function largeCustomers(n: number): Customer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `P${String(i).padStart(6, '0')}`,
    name: `Kunde ${String(i).padStart(6, '0')} ${i % 3 === 0 ? 'AG' : i % 3 === 1 ? 'GmbH' : 'Sàrl'}`,
    aliases: [],
    registerIds: [],
    domains: [],
    country: i % 2 === 0 ? 'CH' : 'DE',
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    tags: i % 5 === 0 ? ['key-account'] : i % 5 === 1 ? ['export', 'key-account'] : [],
    ...(i % 4 === 0 ? { creditLimit: 20_000 } : {}),
  }));
}

export function largeLedger(customerIndex: number, invoices: number, asOf: Date): LedgerRow[] {
  const i = customerIndex;
  const customerId = `P${String(i).padStart(6, '0')}`;
  const currency = i % 17 === 0 ? 'EUR' : 'CHF';
  const rows: LedgerRow[] = [];
  for (let k = 0; k < invoices; k++) {
    const issue = asOf.getTime() - (k * 37 + (i % 23) + 5) * DAY;
    const due = issue + 30 * DAY;
    const amount = 500 + ((i * 131 + k * 977) % 9500);
    const late = i % 7 === 0 ? 25 + (k % 3) * 20 : (k + i) % 4;
    const paidAt = due + late * DAY;
    const open = k < 2 || paidAt > asOf.getTime();
    const row: LedgerRow = { customerId, invoiceId: `${customerId}-${k}`, issueDate: iso(issue), dueDate: iso(due), amount, currency, paidAmount: 0, dunningLevel: 0, collection: false };
    if (!open) {
      const discount = i % 13 === 0 && k % 2 === 0;
      Object.assign(row, { paidDate: iso(discount ? issue + 8 * DAY : paidAt), paidAmount: discount ? Math.round(amount * 0.98 * 100) / 100 : amount });
    } else if (i % 7 === 0 && k === 1) row.dunningLevel = 2;
    if (i % 19 === 0 && k === 1) Object.assign(row, { writtenOff: amount, writtenOffDate: iso(asOf.getTime() - 2 * DAY) });
    rows.push(row);
  }
  if (i % 11 === 0) {
    rows.push({ customerId, invoiceId: `${customerId}-CN`, issueDate: iso(asOf.getTime() - 3 * DAY), dueDate: iso(asOf.getTime() - 3 * DAY), amount: -300, currency, paidAmount: 0, dunningLevel: 0, collection: false, reference: `${customerId}-0` });
  }
  return rows;
}

/** Stores the watchlist and ledger, then scores everyone with the real scorer (twice). */
export async function seedLargePortfolio(app: App, setNow: (d: Date) => void, o: LargePortfolioOptions): Promise<void> {
  const asOf = o.asOf ?? new Date('2026-11-02T08:00:00Z');
  const customers = largeCustomers(o.customers);
  setNow(asOf);
  await app.store.upsertCustomers(customers);
  for (let from = 0; from < customers.length; from += 1000) {
    const rows: LedgerRow[] = [];
    for (let i = from; i < Math.min(customers.length, from + 1000); i++) rows.push(...largeLedger(i, o.invoices ?? 6, asOf));
    await app.store.upsertLedgerRows(rows);
  }
  await app.store.markDirty(customers.map((c) => c.id), asOf);
  await drain(app);
  const later = new Date(asOf.getTime() + (o.laterDays ?? 20) * DAY);
  setNow(later);
  await app.store.markDirty(customers.slice(0, o.rescored ?? customers.length).map((c) => c.id), later);
  await drain(app);
}

async function drain(app: App): Promise<void> {
  const deps = scorerDeps(app);
  for (;;) {
    const round = await rescoreQueued(deps, 2000);
    if (round.ids.length === 0) return;
    await app.store.clearDirty(round.ids, round.startedAt);
  }
}
