import { parseArgs } from 'node:util';
import { checkCompany } from '../lookup.js';
import { formatReport } from '../report.js';
import type { Command } from './command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'pre-contract check of a customer by name or register id',
  usage: 'bonitor check "<name or register id>" [--format text|json] [--lang en|de]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' } },
    });
    const query = positionals.join(' ').trim();
    if (!query) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    const result = await checkCompany(app, query);
    if (!result) {
      ctx.io.stderr.write(`No customer matches "${query}". Import your watchlist or ledger first (bonitor watchlist import, bonitor ledger import).\n`);
      return 1;
    }
    if (values.format === 'json') {
      ctx.io.stdout.write(`${JSON.stringify(result.assessment, null, 2)}\n`);
    } else {
      ctx.io.stdout.write(`${formatReport(result.assessment, values.lang === 'de' ? 'de' : 'en')}\n`);
      if (result.alternatives.length > 0) {
        ctx.io.stdout.write(`\nAlso matching: ${result.alternatives.map((c) => `${c.name} (${c.id})`).join(', ')}\n`);
      }
    }
    return 0;
  },
};
