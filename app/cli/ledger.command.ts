import { readFile } from 'node:fs/promises';
import { importLedgerCsv } from '../../collectors/ledger/ledger.importer.js';
import type { Command } from './command.js';
import { parseOptions } from './parse-options.js';

export const ledgerImportCommand: Command = {
  name: 'ledger import',
  summary: 'import a receivables ledger CSV (bad rows are reported, good rows imported)',
  usage: 'bonitor ledger import <file.csv>',
  async run(args, ctx) {
    const { positionals } = parseOptions({}, args, this.usage);
    const [file] = positionals;
    if (!file || positionals.length > 1) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      ctx.io.stderr.write(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`);
      return undefined;
    });
    if (text === undefined) return 1;
    const app = await ctx.app();
    const result = await importLedgerCsv(text, { bus: app.bus, seen: app.store });
    for (const e of result.errors) ctx.io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    ctx.io.stdout.write(
      `${result.rows} rows read: ${result.published} imported, ${result.unchanged} unchanged, ${result.errors.length} rejected\n`,
    );
    return result.errors.length > 0 ? 2 : 0;
  },
};
