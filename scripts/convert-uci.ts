/**
 * Converts the UCI "default of credit card clients" data (Yeh & Lien 2009, Taiwan 2005) into
 * Bonitor's ledger CSV plus an outcomes CSV (customer_id,defaulted), so that the ledger-only
 * score can be backtested on public data.
 *
 *   npx tsx scripts/convert-uci.ts <uci.csv> <out-dir>   → <out-dir>/ledger.csv, <out-dir>/outcomes.csv
 *
 * Mapping (documented because it is a judgment, not a fact of the data):
 * - Each of the six monthly statements (April … September 2005, BILL_AMT6 … BILL_AMT1) with a
 *   positive amount becomes one invoice issued at the month's end and due 20 days later.
 * - Repayment status PAY_x at statement j = months in arrears. s_j ≥ k means the invoice of
 *   statement j − k was still unpaid at statement j. An invoice's delay is the longest such k.
 * - Not in arrears (status −2 no consumption, −1 paid duly, 0 revolving): paid on time, 15 days
 *   after issue. Revolving balances roll into the next statement, which is its own invoice, so
 *   the invoice counts as settled (no double counting of the open rest).
 * - In arrears for k months and no longer at the last statement: paid 10 days after statement
 *   i + k (≈ 30k − 10 days late). Still in arrears at the last statement: open.
 * - The September statement is open and not yet due on the as-of date 2005-10-01.
 * - Outcome: "default payment next month" (October 2005). LIMIT_BAL, SEX, EDUCATION, MARRIAGE,
 *   AGE and PAY_AMT are not used: the point is the score from a receivables ledger alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Statement dates April … September 2005 (index 0 = April = BILL_AMT6 / PAY_6). */
const STATEMENTS = ['2005-04-30', '2005-05-31', '2005-06-30', '2005-07-31', '2005-08-31', '2005-09-30'];
export const UCI_AS_OF = '2005-10-01';
const DUE_AFTER_DAYS = 20;

export interface UciClient {
  id: string;
  /** Repayment status per month, April … September. */
  status: number[];
  /** Statement amount per month, April … September. */
  bill: number[];
  defaulted: boolean;
}

export interface ConvertedUci {
  ledgerCsv: string;
  outcomesCsv: string;
  clients: number;
  invoices: number;
}

export function parseUciCsv(text: string): UciClient[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`UCI csv: column ${name} missing`);
    return i;
  };
  const payCols = ['PAY_6', 'PAY_5', 'PAY_4', 'PAY_3', 'PAY_2', 'PAY_0'].map(col);
  const billCols = ['BILL_AMT6', 'BILL_AMT5', 'BILL_AMT4', 'BILL_AMT3', 'BILL_AMT2', 'BILL_AMT1'].map(col);
  const idCol = col('ID');
  const outCol = col('default payment next month');
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    return {
      id: c[idCol]!.trim(),
      status: payCols.map((i) => Number(c[i])),
      bill: billCols.map((i) => Number(c[i])),
      defaulted: c[outCol]!.trim() === '1',
    };
  });
}

export interface UciInvoice {
  invoiceId: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  paidDate?: string;
}

/** Pure: one client's statements → invoices, following the mapping in the file comment. */
export function clientInvoices(client: UciClient): UciInvoice[] {
  const last = STATEMENTS.length - 1;
  const out: UciInvoice[] = [];
  for (let i = 0; i <= last; i++) {
    const amount = client.bill[i]!;
    if (!(amount > 0)) continue;
    let delay = 0;
    for (let j = i + 1; j <= last; j++) if (client.status[j]! >= j - i) delay = j - i;
    const issueDate = STATEMENTS[i]!;
    const inv: UciInvoice = { invoiceId: `${client.id}-${i + 4}`, issueDate, dueDate: addDays(issueDate, DUE_AFTER_DAYS), amount };
    if (i === last || (delay > 0 && i + delay === last)) {
      // open: not yet due, or still in arrears at the last statement
    } else if (delay === 0) inv.paidDate = addDays(issueDate, 15);
    else inv.paidDate = addDays(STATEMENTS[i + delay]!, 10);
    out.push(inv);
  }
  return out;
}

export function convertUci(text: string): ConvertedUci {
  const clients = parseUciCsv(text);
  const ledger = ['customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount'];
  const outcomes = ['customer_id,defaulted'];
  let invoices = 0;
  for (const c of clients) {
    const customerId = `uci-${c.id}`;
    outcomes.push(`${customerId},${c.defaulted ? 1 : 0}`);
    for (const inv of clientInvoices(c)) {
      invoices += 1;
      const paid = inv.paidDate ? `${inv.paidDate},${inv.amount}` : ',';
      ledger.push(`${customerId},UCI client ${c.id},${inv.invoiceId},${inv.issueDate},${inv.dueDate},${inv.amount},TWD,${paid}`);
    }
  }
  return { ledgerCsv: ledger.join('\n') + '\n', outcomesCsv: outcomes.join('\n') + '\n', clients: clients.length, invoices };
}

// Only a dozen distinct dates ever occur (six statements, three offsets): 15,000 clients
// need not build a Date and an ISO string per invoice.
const shifted = new Map<string, string>();

function addDays(isoDate: string, days: number): string {
  const key = `${isoDate}+${days}`;
  let out = shifted.get(key);
  if (out === undefined) shifted.set(key, (out = new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10)));
  return out;
}

function main(argv: string[]): number {
  const [input, outDir] = argv;
  if (!input || !outDir) {
    process.stderr.write('usage: npx tsx scripts/convert-uci.ts <uci.csv> <out-dir>\n');
    return 2;
  }
  const result = convertUci(readFileSync(input, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'ledger.csv'), result.ledgerCsv);
  writeFileSync(path.join(outDir, 'outcomes.csv'), result.outcomesCsv);
  console.log(`${result.clients} clients, ${result.invoices} invoices → ${outDir}/ledger.csv, ${outDir}/outcomes.csv (as of ${UCI_AS_OF})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
