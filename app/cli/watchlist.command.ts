import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../../collectors/ledger/decode-text.js';
import { UserError } from '../../platform/errors.js';
import { removeDemoData } from '../demo/demo.js';
import { importWatchlist } from '../watchlist.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const WATCHLIST_IMPORT_OPTIONS = {
  replace: { type: 'boolean', default: false, description: 'make the file the whole watchlist' },
  'dry-run': { type: 'boolean', default: false, description: 'show what would change, store nothing' },
} as const satisfies OptionSpecs;

export const watchlistImportCommand: Command = {
  options: WATCHLIST_IMPORT_OPTIONS,
  name: 'watchlist import',
  summary: 'import the customer watchlist (merges with what is stored; --replace to replace, --dry-run to see what would change)',
  usage: 'bonitor watchlist import <file.csv> [--replace] [--dry-run]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(WATCHLIST_IMPORT_OPTIONS, args, this.usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UserError(`usage: ${this.usage}`, 2);
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined) throw new UserError(`cannot read ${file}`, 1);
    // Excel writes Windows-1252 or UTF-16 as often as UTF-8: decoded by what the bytes are.
    const { text, report } = decodeBytes(bytes);
    const app = await ctx.app();
    const dryRun = values['dry-run'] === true;
    const r = await importWatchlist(app, text, { replace: values.replace === true, dryRun });
    for (const e of r.errors) ctx.io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    if (!dryRun && r.customers > 0) {
      const removed = await removeDemoData(app);
      if (removed.customers > 0) ctx.io.stdout.write(`demo data removed (${removed.customers} demo customers) now that your own watchlist is imported\n`);
    }
    const o = ctx.io.stdout;
    const verb = dryRun ? 'would be' : '';
    o.write(
      `${file} (${report.encoding}${report.bom ? ' with BOM' : ''}): ${r.customers} customers: ${r.added.length} ${verb ? 'would be ' : ''}added, ${r.changed.length} ${verb ? 'would be ' : ''}changed, ${r.unchanged} unchanged` +
        `${values.replace ? `, ${r.removed.length} ${verb ? 'would be ' : ''}removed from the watchlist` : ''}, ${r.errors.length} problems${dryRun ? ' (dry run: nothing stored)' : ''}\n`,
    );
    if (r.relinked.signals > 0) o.write(`  ${r.relinked.signals} signal(s) from ${r.relinked.documents} stored document(s) linked to new or changed customers\n`);
    for (const id of r.added.slice(0, 20)) o.write(`  + ${id}\n`);
    for (const c of r.changed.slice(0, 20)) o.write(`  ~ ${c.id}: ${c.fields.join(', ')}\n`);
    for (const id of r.removed.slice(0, 20)) o.write(`  - ${id}\n`);
    const more = r.added.length + r.changed.length + r.removed.length - Math.min(20, r.added.length) - Math.min(20, r.changed.length) - Math.min(20, r.removed.length);
    if (more > 0) o.write(`  … and ${more} more\n`);
    return r.errors.length > 0 ? 2 : 0;
  },
};
