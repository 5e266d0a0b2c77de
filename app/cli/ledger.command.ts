import { importLedgerCsv } from '../../collectors/ledger/ledger.importer.js';
import type { Command } from './command.js';
import { readFileArgument } from './read-file-argument.js';

export const ledgerImportCommand: Command = {
  name: 'ledger import',
  summary: 'import a receivables ledger CSV (bad rows are reported, good rows imported)',
  usage: 'bonitor ledger import <file.csv>',
  async run(args, ctx) {
    const input = await readFileArgument(this, args, ctx);
    if ('exitCode' in input) return input.exitCode;
    const { file, text } = input;
    const app = await ctx.app();
    const result = await importLedgerCsv(text, { bus: app.bus, seen: app.store });
    for (const e of result.errors) ctx.io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    ctx.io.stdout.write(
      `${result.rows} rows read: ${result.published} imported, ${result.unchanged} unchanged, ${result.errors.length} rejected\n`,
    );
    return result.errors.length > 0 ? 2 : 0;
  },
};
