/**
 * A portfolio of `count` more customers in an open app, through the product's own paths: the
 * watchlist CSV import, ledger rows in the store, a register entry and refresh per customer,
 * and the scorer role scoring every one of them (as it does after a ledger import).
 */
import { faker } from '@faker-js/faker/locale/de_CH';
import type { App } from '../../../app/compose.js';
import { startScorer } from '../../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../../app/watchlist.js';
import type { LedgerRow } from '../../../platform/schemas/index.js';
import { registerEntrySchema } from '../../../platform/registers/register-entry.js';

export interface SeededCustomer {
  id: string;
  name: string;
  registerId: string;
}

const DAY = 86_400_000;
const TRADES = ['Metallbau', 'Holzbau', 'Elektro', 'Sanitär', 'Logistik', 'Druckerei', 'Bäckerei', 'Treuhand', 'Gartenbau', 'Maschinenbau', 'Transporte', 'Informatik', 'Malerei', 'Bedachungen', 'Weinhandel', 'Textil'];
const FORMS = ['AG', 'GmbH', 'Sàrl', 'SA', 'KLG'];
const INDUSTRIES = ['25', '16', '43', '49', '18', '10', '69', '81', '28', '62', '46', '13'];

/** A valid Swiss UID (CHE-…, modulo-11 check digit) from a running number. */
function cheUid(n: number): string {
  for (let k = n; ; k += 7919) {
    const digits = String(10_000_000 + (k % 90_000_000)).split('').map(Number);
    const sum = [5, 4, 3, 2, 7, 6, 5, 4].reduce((s, w, i) => s + w * digits[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const d = [...digits, check].join('');
    return `CHE-${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}`;
  }
}

export async function seedPortfolio(app: App, count: number): Promise<SeededCustomer[]> {
  faker.seed(16);
  const names = new Set<string>();
  const customers: SeededCustomer[] = [];
  const lines = ['customer_id,name,aliases,register_ids,country,industry,tags,credit_limit'];
  for (let i = 0; customers.length < count; i++) {
    // Unique without the legal form too: "Näf Sanitär AG" and "Näf Sanitär SA" would be one company to a reader.
    const stem = `${faker.person.lastName()}-${faker.person.lastName()} ${faker.helpers.arrayElement(TRADES)}`;
    if (names.has(stem) || /[,"]/.test(stem)) continue;
    names.add(stem);
    const name = `${stem} ${faker.helpers.arrayElement(FORMS)}`;
    const c = { id: `P-${String(customers.length).padStart(5, '0')}`, name, registerId: cheUid(i * 104_729 + 17) };
    customers.push(c);
    lines.push(`${c.id},${name},,${c.registerId},CH,${INDUSTRIES[i % INDUSTRIES.length]},bench,${(1 + (i % 9)) * 10_000}`);
  }
  const imported = await importWatchlist(app, `${lines.join('\n')}\n`);
  if (imported.errors.length > 0) throw new Error(`watchlist import: ${JSON.stringify(imported.errors.slice(0, 3))}`);

  const now = app.clock.now();
  let rows: LedgerRow[] = [];
  for (const [n, c] of customers.entries()) {
    const late = n % 10 >= 7 ? 25 : 0;
    for (let k = 0; k < 20; k++) {
      const issue = now.getTime() - (20 - k) * 30 * DAY;
      const due = issue + 30 * DAY;
      const paid = due + (late + ((n + k) % 5)) * DAY;
      const open = paid > now.getTime();
      const amount = 1000 + ((n * 37 + k * 101) % 9000);
      rows.push({
        customerId: c.id,
        customerName: c.name,
        invoiceId: `${c.id}-${k}`,
        issueDate: new Date(issue).toISOString().slice(0, 10),
        dueDate: new Date(due).toISOString().slice(0, 10),
        amount,
        currency: 'CHF',
        ...(open ? {} : { paidDate: new Date(paid).toISOString().slice(0, 10) }),
        paidAmount: open ? 0 : amount,
        dunningLevel: 0,
        collection: false,
      } as LedgerRow);
    }
    if (rows.length >= 20_000) {
      await app.store.upsertLedgerRows(rows);
      rows = [];
    }
  }
  await app.store.upsertLedgerRows(rows);

  for (const c of customers) {
    const entry = registerEntrySchema.parse({
      register: 'zefix',
      country: 'CH',
      registerId: c.registerId,
      name: c.name,
      status: 'active',
      url: `https://www.zefix.ch/en/search/entity/list?name=${encodeURIComponent(c.name)}`,
      fetchedAt: now.toISOString(),
    });
    const source = { register: 'zefix' as const, label: 'Zefix', outcome: 'found' as const, detail: `found: ${c.name} (active)`, at: now.toISOString(), cached: false };
    await app.store.registers.saveEntries(c.id, [entry], [source], now);
  }

  const scorer = await startScorer(app);
  await app.store.markDirty(customers.map((c) => c.id), now);
  await scorer.idle();
  await scorer.stop();
  const scored = (await app.store.latestAssessments()).length;
  if (scored < customers.length) throw new Error(`only ${scored} assessments after scoring ${customers.length} customers`);
  return customers;
}
