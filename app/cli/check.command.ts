import { parseArgs } from 'node:util';
import { runCheck } from '../lookup.js';
import { formatReport } from '../report.js';
import { formatRegisterReport } from '../register-report.js';
import { registerServices } from '../registers.js';
import type { SourceReport } from '../../platform/registers/register-entry.js';
import type { Command } from './command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'pre-contract check of a customer or prospect by name or register id',
  usage: 'bonitor check "<name or register id>" [--amount <order amount>] [--format text|json] [--lang en|de]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' }, amount: { type: 'string' } },
    });
    const query = positionals.join(' ').trim();
    const amount = values.amount === undefined ? undefined : Number(values.amount.replace(/['\s]/g, ''));
    if (!query || (amount !== undefined && !(Number.isFinite(amount) && amount > 0))) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    const sources: SourceReport[] = [];
    const result = await runCheck(app, app.store, query, { ...(amount === undefined ? {} : { orderAmount: amount }), registers: registerServices(app), sourcesOut: sources });
    if (!result) {
      ctx.io.stderr.write(`No customer matches "${query}", no register knows it and no stored public document names it. Import your watchlist or ledger (bonitor watchlist import, bonitor ledger import), configure registers or add sources.\n`);
      if (sources.length > 0) ctx.io.stderr.write(`\n${formatRegisterReport([], sources)}\n`);
      return 1;
    }
    if (values.format === 'json') {
      const register = result.register ? { register: { entries: result.register.entries, sources: result.register.sources } } : {};
      ctx.io.stdout.write(`${JSON.stringify({ ...result.assessment, ...register }, null, 2)}\n`);
      return 0;
    }
    if (result.kind === 'prospect') {
      const entries = result.register?.entries.length ?? 0;
      ctx.io.stdout.write(`Not a customer: assessed from ${entries > 0 ? `${entries} register entr${entries === 1 ? 'y' : 'ies'} and ` : ''}${result.documents?.length ?? 0} public document(s) that name it.\n\n`);
    }
    ctx.io.stdout.write(`${formatReport(result.assessment, values.lang === 'de' ? 'de' : 'en')}\n`);
    if (result.register) ctx.io.stdout.write(`\n${formatRegisterReport(result.register.entries, result.register.sources)}\n`);
    if (result.alternatives.length > 0) {
      ctx.io.stdout.write(`\nAlso matching: ${result.alternatives.map((c) => `${c.name} (${c.id})`).join(', ')}\n`);
    }
    return 0;
  },
};
