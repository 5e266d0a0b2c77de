/**
 * Converts the UCI "default of credit card clients" data (Yeh & Lien 2009, Taiwan 2005) into
 * Bonitor's ledger CSV plus an outcomes CSV (customer_id,defaulted), so that the ledger-only
 * score can be backtested on public data.
 *
 *   npx tsx scripts/convert-uci.ts <uci.csv> <out-dir>   → <out-dir>/ledger.csv, <out-dir>/outcomes.csv
 *
 * Mapping (documented because it is a judgment, not a fact of the data; README "Accuracy (public data)"):
 * - Each of the six monthly statements (April … September 2005, BILL_AMT6 … BILL_AMT1) with a
 *   positive amount becomes one invoice issued at the month's end and due 20 days later.
 * - What the client paid in the month after a statement (PAY_AMTk pays BILL_AMT(k+1): May's
 *   PAY_AMT5 pays April's statement) is a payment on that invoice, 15 days after issue, capped
 *   at the invoice. The September statement's payment would fall in October: not in the data,
 *   so it is open and not yet due on the as-of date 2005-10-01; April's payment pays March's
 *   statement, which is not in the data either.
 * - Repayment status PAY_x at statement j = months in arrears. s_j ≥ k means the invoice of
 *   statement j − k was still unpaid at statement j. An invoice's delay is the longest such k.
 * - The rest of an invoice in arrears for k months and no longer at the last statement is paid
 *   10 days after statement i + k (≈ 30k − 10 days late); still in arrears at the last statement:
 *   open.
 * - The rest of an invoice not in arrears (status −2 no consumption, −1 paid duly, 0 revolving)
 *   rolls into the next statement, which is its own invoice: a credit note dated that statement
 *   ("balance carried forward", reference = the invoice) settles it without money, so the rest
 *   is neither counted twice nor paid by money that never came.
 * - Outcome: "default payment next month" (October 2005). LIMIT_BAL, SEX, EDUCATION, MARRIAGE and
 *   AGE are not used: the point is the score from a receivables ledger alone.
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
  /** Amount paid in each month, April … September (PAY_AMT6 … PAY_AMT1). */
  paid: number[];
  defaulted: boolean;
}

export interface ConvertedUci {
  ledgerCsv: string;
  outcomesCsv: string;
  clients: number;
  invoices: number;
  /** Rows of ledger.csv other than the header: one per payment, open invoice and credit note. */
  rows: number;
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
  const paidCols = ['PAY_AMT6', 'PAY_AMT5', 'PAY_AMT4', 'PAY_AMT3', 'PAY_AMT2', 'PAY_AMT1'].map(col);
  const idCol = col('ID');
  const outCol = col('default payment next month');
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    return {
      id: c[idCol]!.trim(),
      status: payCols.map((i) => Number(c[i])),
      bill: billCols.map((i) => Number(c[i])),
      paid: paidCols.map((i) => Number(c[i])),
      defaulted: c[outCol]!.trim() === '1',
    };
  });
}

export interface UciPayment {
  date: string;
  amount: number;
}

export interface UciInvoice {
  invoiceId: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  /** Money received on it, oldest first (none: open). */
  payments: UciPayment[];
  /** The unpaid rest rolled into the next statement (a credit note referencing this invoice). */
  carriedForward?: UciPayment;
}

/** Pure: one client's statements → invoices, following the mapping in the file comment. */
export function clientInvoices(client: UciClient): UciInvoice[] {
  const last = STATEMENTS.length - 1;
  const out: UciInvoice[] = [];
  for (let i = 0; i <= last; i++) {
    const amount = client.bill[i]!;
    if (!(amount > 0)) continue;
    const issueDate = STATEMENTS[i]!;
    const inv: UciInvoice = { invoiceId: `${client.id}-${i + 4}`, issueDate, dueDate: addDays(issueDate, DUE_AFTER_DAYS), amount, payments: [] };
    out.push(inv);
    if (i === last) continue; // open: its payment would fall in October
    let delay = 0;
    for (let j = i + 1; j <= last; j++) if (client.status[j]! >= j - i) delay = j - i;
    const paidNext = Math.min(amount, Math.max(0, client.paid[i + 1]!));
    if (paidNext > 0) inv.payments.push({ date: addDays(issueDate, 15), amount: paidNext });
    const rest = round2(amount - paidNext);
    if (rest <= 0) continue;
    if (delay === 0) inv.carriedForward = { date: STATEMENTS[i + 1]!, amount: rest };
    else if (i + delay < last) inv.payments.push({ date: addDays(STATEMENTS[i + delay]!, 10), amount: rest });
    // else: still in arrears at the last statement, the rest is open
  }
  return out;
}

export function convertUci(text: string): ConvertedUci {
  const clients = parseUciCsv(text);
  const ledger = ['customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount,reference'];
  const outcomes = ['customer_id,defaulted'];
  let invoices = 0;
  for (const c of clients) {
    const customerId = `uci-${c.id}`;
    const who = `${customerId},UCI client ${c.id}`;
    outcomes.push(`${customerId},${c.defaulted ? 1 : 0}`);
    for (const inv of clientInvoices(c)) {
      invoices += 1;
      const head = `${who},${inv.invoiceId},${inv.issueDate},${inv.dueDate},${inv.amount},TWD`;
      // One row per payment: the ledger reads repeated rows of an invoice as its partial payments.
      if (inv.payments.length === 0) ledger.push(`${head},,,`);
      for (const p of inv.payments) ledger.push(`${head},${p.date},${p.amount},`);
      const cf = inv.carriedForward;
      if (cf) ledger.push(`${who},${inv.invoiceId}-cf,${cf.date},${cf.date},-${cf.amount},TWD,,,${inv.invoiceId}`);
    }
  }
  return { ledgerCsv: ledger.join('\n') + '\n', outcomesCsv: outcomes.join('\n') + '\n', clients: clients.length, invoices, rows: ledger.length - 1 };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
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
  console.log(`${result.clients} clients, ${result.invoices} invoices (${result.rows} rows) → ${outDir}/ledger.csv, ${outDir}/outcomes.csv (as of ${UCI_AS_OF})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
