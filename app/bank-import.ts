import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../collectors/ledger/decode-text.js';
import { importLedgerGroups } from '../collectors/ledger/ledger.importer.js';
import { matchBankPayments, type BankMatch, type MatchRule } from '../collectors/ledger/match-bank-payments.js';
import type { LedgerGroup } from '../collectors/ledger/read-ledger-file.js';
import { UserError } from '../platform/errors.js';
import type { LedgerRow } from '../platform/schemas/index.js';
import type { App } from './compose.js';
import { ledgerFeatureOptions } from './ledger-file.js';

/** True when the file is XML (a bank's camt message) rather than a CSV export. */
export async function looksLikeXml(file: string): Promise<boolean> {
  const head = (await readFile(file)).subarray(0, 512);
  return /^\s*</.test(decodeBytes(head).text);
}

/** True when the file is JSON (bexio's API answers saved to a file). */
export async function looksLikeJson(file: string): Promise<boolean> {
  const head = (await readFile(file)).subarray(0, 512);
  return /^\s*[[{]/.test(decodeBytes(head).text);
}

/**
 * A camt.054 / camt.053 file → its customer credits matched to the stored invoices; every match
 * becomes a bank payment on the invoice (booking date = when the customer paid), published like
 * any ledger change. Returns the summary lines.
 */
export async function importBankFile(app: Pick<App, 'store' | 'bus' | 'config'>, file: string, options: { dryRun: boolean }): Promise<{ text: string; unmatched: number }> {
  const { text } = decodeBytes(await readFile(file));
  // The XML reader (cheerio) loads only for a bank file, not for every ledger import.
  const { CamtError, parseCamt } = await import('../collectors/ledger/parse-camt.js');
  let camt;
  try {
    camt = parseCamt(text);
  } catch (err) {
    if (err instanceof CamtError) throw new UserError(`${file}: ${err.message}`, 2);
    throw err;
  }
  const invoices: LedgerRow[] = [];
  for (const id of await app.store.ledgerCustomerIds()) invoices.push(...(await app.store.ledgerForCustomer(id)));
  const { maxDiscountShare } = ledgerFeatureOptions(app.config);
  const result = matchBankPayments(camt.credits, invoices, { maxDiscountShare });
  const byCustomer = new Map<string, LedgerRow[]>();
  for (const row of result.updated) byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
  const imported = await importLedgerGroups(
    (async function* (): AsyncGenerator<LedgerGroup> {
      for (const [customerId, rows] of byCustomer) yield { customerId, rows };
    })(),
    { bus: app.bus, seen: app.store },
    { dryRun: options.dryRun },
  );
  const money = (m: BankMatch) => `${m.invoice.invoiceId} ${m.credit.currency} ${m.shortfall!.amount.toFixed(2)} (${(m.shortfall!.share * 100).toFixed(1)} %)`;
  const discounted = result.matches.filter((m) => m.shortfall?.discount);
  const short = result.matches.filter((m) => m.shortfall && !m.shortfall.discount);
  const count = (rule: MatchRule) => result.matches.filter((m) => m.rule === rule).length;
  const lines = [
    `${file}: ${camt.kind}${camt.account ? ` for ${camt.account}` : ''}: ${camt.credits.length} customer payments (${camt.skipped} other entries: debits, pending or reversed)`,
    `  matched ${result.matches.length}: ${count('reference')} by payment reference, ${count('invoice_number')} by invoice number, ${count('amount_and_customer')} by amount and customer; ${result.unmatched.length} unmatched`,
    `  ${imported.published} invoices ${options.dryRun ? 'would get' : 'got'} the bank's booking date as their payment date, ${imported.unchanged} already had it${options.dryRun ? ' (dry run: nothing stored)' : ''}`,
    ...(discounted.length > 0
      ? [
          `  ${options.dryRun ? 'would settle' : 'settled'} with a cash discount (paid within the discount period, short by at most ${(maxDiscountShare * 100).toFixed(1)} % or the stated Skonto): ${discounted.length} — ${list(discounted.map(money))}`,
        ]
      : []),
    ...(short.length > 0 ? [`  paid short, the rest stays open (more than the discount, or after the discount period): ${short.length} — ${list(short.map(money))}`] : []),
    ...result.unmatched.slice(0, 20).map((c) => `  unmatched: ${c.bookingDate} ${c.currency} ${c.amount.toFixed(2)}${c.debtorName ? ` from ${c.debtorName}` : ''}${c.reference ? ` ref ${c.reference}` : ''}`),
  ];
  if (invoices.length === 0) lines.push('  no invoices are stored yet: import the ledger first (and let `npm start` store it), then the bank file');
  return { text: `${lines.join('\n')}\n`, unmatched: result.unmatched.length };
}

/** Up to ten items, then how many more. */
function list(items: string[]): string {
  return items.length <= 10 ? items.join(', ') : `${items.slice(0, 10).join(', ')} and ${items.length - 10} more`;
}
