import { settleLedger, type SettlementOptions } from '../analysis/scoring/ledger-settlement.js';
import type { LedgerFileSummary } from '../collectors/ledger/read-ledger-file.js';
import type { LedgerRow } from '../platform/schemas/index.js';

/** What the ledger's meaning changed, counted as rows pass: the last lines of the import summary. */
export class MeaningTally {
  discounts = 0;
  discountAmount = 0;
  creditByReference = 0;
  creditNetted = 0;
  writeOffs = 0;
  disputed = 0;
  bankPayments = 0;

  constructor(
    private readonly asOf: Date,
    private readonly options?: SettlementOptions,
  ) {}

  add(rows: readonly LedgerRow[]): void {
    const s = settleLedger(rows, this.asOf, this.options);
    for (const inv of s.invoices) {
      if (inv.discount > 0) {
        this.discounts++;
        this.discountAmount += inv.discount;
      }
      if (inv.writtenOff > 0) this.writeOffs++;
      if (inv.disputed) this.disputed++;
      if (inv.row.payments?.some((p) => p.source === 'bank')) this.bankPayments++;
    }
    for (const c of s.creditNotes) {
      if (c.appliedTo) this.creditByReference++;
      else this.creditNetted++;
    }
  }
}

const n = (x: number) => x.toLocaleString('en-US');

/** The import summary: how the file was read and every adjustment made to it. */
export function formatLedgerSummary(file: string, s: Partial<LedgerFileSummary>, counts: { published: number; unchanged: number; dryRun: boolean }, t: MeaningTally): string {
  const lines: string[] = [];
  const verb = counts.dryRun ? 'would be imported' : 'imported';
  lines.push(
    `${file}: ${n(s.rows ?? 0)} rows read: ${n(counts.published)} new or changed ${verb}, ${n(counts.unchanged)} unchanged, ${n((s.rejected ?? 0) + (s.mergeErrors ?? 0))} rejected, ${n(s.customers ?? 0)} customers${counts.dryRun ? ' (dry run: nothing stored)' : ''}`,
  );
  if (s.format === 'datev' && s.datev) {
    const d = s.datev;
    lines.push(
      `  read as: DATEV Buchungsstapel${d.client ? ` of client ${d.client}` : ''}${d.from ? ` for ${d.from} to ${d.to}` : ''} (${s.encoding ?? 'utf-8'}): ${n(d.postings)} postings, ${n(d.receivables)} on debtor accounts (${n(d.otherAccounts)} others left aside): ${n(d.invoices)} invoice, ${n(d.payments)} payment, ${n(d.creditNotes)} credit-note and ${n(d.writeOffs)} write-off postings`,
    );
  }
  if (s.format === 'datev' && s.datev?.columns) lines.push(`  columns: ${s.datev.columns.join(', ')}`);
  if (s.format === 'bexio' && s.bexio) {
    const b = s.bexio;
    lines.push(
      `  read as: bexio invoices (API v2 JSON): ${n(b.invoices)} invoices (${n(b.skipped)} drafts or cancelled left out), ${n(b.withPayments)} with dated payments${b.paidWithoutDates ? `, ${n(b.paidWithoutDates)} paid without payment dates (add their payments with --payments payments.json to see how punctually)` : ''}`,
    );
  }
  const delim = s.delimiter === '\t' ? 'tab' : `"${s.delimiter ?? ','}"`;
  const decimal = s.decimal ? `decimal ${s.decimal === ',' ? 'comma' : 'point'} (${s.decimalFrom === 'option' ? 'as configured' : 'from the file'})` : 'no decimals seen';
  if (s.format !== 'datev' && s.format !== 'bexio') lines.push(
    `  read as: ${s.encoding ?? 'utf-8'}${s.bom ? ' with BOM' : ''}, delimiter ${delim}, header on line ${s.headerLine ?? 1}${s.titleRowsSkipped ? ` (${s.titleRowsSkipped} title row${s.titleRowsSkipped > 1 ? 's' : ''} above skipped)` : ''}, ${decimal}${s.sortedByCustomer === false ? ', not sorted by customer (sorted on disk)' : ''}`,
  );
  if (s.format === 'bexio' && s.bexio?.columns) lines.push(`  columns: ${s.bexio.columns.join(', ')}`);
  if (s.invalidFromByte !== undefined) lines.push(`  bytes from offset ${s.invalidFromByte} are not UTF-8 like the rest: replaced by U+FFFD`);
  const mapped = (s.mapped ?? []).filter((m) => m.how !== 'name').map((m) => `${m.column} → ${m.field}${m.how === 'user' ? ' (your mapping)' : ''}`);
  if (mapped.length > 0) lines.push(`  columns: ${mapped.join(', ')}`);
  if ((s.unknownColumns ?? []).length > 0) lines.push(`  ignored columns: ${s.unknownColumns!.join(', ')}`);
  const adj: string[] = [];
  if (s.skipped) adj.push(`${n(s.skipped)} drafts or cancelled invoices skipped`);
  if (s.currencyAssumed) adj.push(`currency ${s.currencyAssumed} assumed (no currency column)`);
  const d = s.format === 'datev' ? s.datev : undefined;
  if (d?.yearFromPeriod) adj.push(`${n(d.yearFromPeriod)} Belegdatum without a year (TTMM) dated in the batch's period`);
  if (d?.dueFromBelegfeld2) adj.push(`${n(d.dueFromBelegfeld2)} due dates from Belegfeld 2`);
  if (d?.currencyFromHeader) adj.push(`${n(d.currencyFromHeader)} invoices without WKZ Umsatz in the batch's currency`);
  if (s.dueDatesFromTerms) adj.push(`${n(s.dueDatesFromTerms)} due dates from the payment terms`);
  if (s.partialPayments) adj.push(`${n(s.partialPayments)} invoices on several rows read as partial payments`);
  if (s.statusMapped) adj.push(`${n(s.statusMapped)} status values read (paid, written off, disputed, collection …)`);
  if (t.discounts) adj.push(`${n(t.discounts)} invoices settled with a cash discount (${n(Math.round(t.discountAmount))} in total)`);
  if (t.creditByReference + t.creditNetted > 0) adj.push(`${n(t.creditByReference + t.creditNetted)} credit notes (${n(t.creditByReference)} on the invoice they name, ${n(t.creditNetted)} netted per customer)`);
  if (t.writeOffs) adj.push(`${n(t.writeOffs)} write-offs`);
  if (t.disputed) adj.push(`${n(t.disputed)} disputed invoices (not counted as late)`);
  if (s.warnings) adj.push(`${n(s.warnings)} plausibility warnings (on stderr)`);
  lines.push(adj.length > 0 ? `  adjustments: ${adj.join('; ')}` : '  adjustments: none');
  return `${lines.join('\n')}\n`;
}
