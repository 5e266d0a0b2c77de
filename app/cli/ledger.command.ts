import { readFile } from 'node:fs/promises';
import { importLedgerGroups } from '../../collectors/ledger/ledger.importer.js';
import { readLedgerFileGroups, type LedgerFileSummary } from '../../collectors/ledger/read-ledger-file.js';
import { UserError } from '../../platform/errors.js';
import { importBankFile, looksLikeJson, looksLikeXml } from '../bank-import.js';
import { removeDemoData } from '../demo/demo.js';
import { applyPayments, assertReadable, formatPaymentsLine, issuePrinter, ledgerReadOptions, readPaymentsFile } from '../ledger-file.js';
import { formatLedgerSummary, MeaningTally } from '../ledger-summary.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const LEDGER_IMPORT_OPTIONS = {
  'dry-run': { type: 'boolean', default: false, description: 'show what would change, store nothing' },
  map: { type: 'string', multiple: true, value: 'column=field', description: 'map a header of your export to a ledger field' },
  decimal: { type: 'string', value: ',|.', description: 'the decimal mark, for files that never show it' },
  currency: { type: 'string', value: 'CHF', description: 'currency of exports without a currency column' },
  payments: { type: 'string', value: 'payments.csv|bexio-payments.json', description: 'payments file (customer_id,invoice_id,date,amount) or bexio payments JSON' },
} as const satisfies OptionSpecs;

export const ledgerImportCommand: Command = {
  options: LEDGER_IMPORT_OPTIONS,
  name: 'ledger import',
  summary:
    'import a receivables export as it comes: open/paid items CSV (any encoding, header language, number format), DATEV Buchungsstapel (EXTF), bexio invoices JSON, or the bank\'s camt.054 / camt.053 payments; bad rows are reported, good rows imported',
  usage: 'bonitor ledger import <items.csv | EXTF_Buchungsstapel.csv | bexio-invoices.json | camt.054/camt.053.xml> [--dry-run] [--map column=field]… [--decimal ,|.] [--currency CHF] [--payments payments.csv|bexio-payments.json]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(LEDGER_IMPORT_OPTIONS, args, this.usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UserError(`usage: ${this.usage}`, 2);
    const options = ledgerReadOptions(ctx.config, values);
    await assertReadable(file);
    if (await looksLikeXml(file)) {
      // The bank's camt.054 / camt.053: payments matched to the invoices already imported.
      const bank = await importBankFile(await ctx.app(), file, { dryRun: values['dry-run'] === true });
      ctx.io.stdout.write(bank.text);
      return 0;
    }
    const paymentsIsJson = values.payments !== undefined && (await looksLikeJson(values.payments));
    const payments = values.payments && !paymentsIsJson ? await readPaymentsFile(values.payments, ctx.io) : undefined;
    if (paymentsIsJson) options.bexioPayments = JSON.parse(await readFile(values.payments!, 'utf8'));
    const app = await ctx.app();
    const dryRun = values['dry-run'] === true;
    const printer = issuePrinter(file, ctx.io);
    const summary: Partial<LedgerFileSummary> = {};
    let tally = new MeaningTally(app.clock.now());
    const usedPayments = new Set<string>();
    const groups = readLedgerFileGroups(file, options, printer.onIssue, summary);
    const result = await importLedgerGroups(
      (async function* () {
        for await (const g of groups) {
          if (g === 'restarted') tally = new MeaningTally(app.clock.now());
          yield g;
        }
      })(),
      { bus: app.bus, seen: app.store },
      {
        dryRun,
        transform: (rows) => {
          const withPayments = applyPayments(rows, payments, usedPayments);
          tally.add(withPayments);
          return withPayments;
        },
      },
    );
    if (!dryRun && result.rows > 0) {
      // The first real ledger replaces the bundled demo: a real portfolio is never mixed with it.
      const removed = await removeDemoData(app);
      if (removed.customers > 0) ctx.io.stdout.write(`demo data removed (${removed.customers} demo customers) now that your own ledger is imported\n`);
    }
    ctx.io.stdout.write(formatLedgerSummary(file, summary, { published: result.published, unchanged: result.unchanged, dryRun }, tally));
    if (payments) ctx.io.stdout.write(formatPaymentsLine(values.payments!, payments, usedPayments, dryRun));
    return printer.errors() > 0 ? 2 : 0;
  },
};
