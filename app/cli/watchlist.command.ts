import { importWatchlist } from '../watchlist.js';
import type { Command } from './command.js';
import { readFileArgument } from './read-file-argument.js';

export const watchlistImportCommand: Command = {
  name: 'watchlist import',
  summary: 'import the customer watchlist CSV (customer_id,name,aliases,register_ids,country,industry,tags)',
  usage: 'bonitor watchlist import <file.csv>',
  async run(args, ctx) {
    const input = await readFileArgument(this, args, ctx);
    if ('exitCode' in input) return input.exitCode;
    const { file, text } = input;
    const app = await ctx.app();
    const result = await importWatchlist(app, text);
    for (const e of result.errors) ctx.io.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    ctx.io.stdout.write(`${result.customers} customers imported${result.changed ? '' : ' (unchanged)'}, ${result.errors.length} rows rejected${result.relinked.signals > 0 ? `, ${result.relinked.signals} signal(s) from ${result.relinked.documents} stored document(s) linked to new customers` : ''}\n`);
    return result.errors.length > 0 ? 2 : 0;
  },
};
