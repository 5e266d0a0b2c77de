import { runCheck } from '../lookup.js';
import { parseLang } from '../locale.js';
import { formatReport } from '../report.js';
import { formatRegisterReport } from '../register-report.js';
import { registerServices } from '../registers.js';
import type { SourceReport } from '../../platform/registers/register-entry.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const CHECK_OPTIONS = { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' }, amount: { type: 'string' } } as const satisfies OptionSpecs;

export const checkCommand: Command = {
  options: CHECK_OPTIONS,
  name: 'check',
  summary: 'pre-contract check of a customer or prospect by name or register id',
  usage: 'bonitor check "<name or register id>" [--amount <order amount>] [--format text|json] [--lang en|de|fr|it|de-DE|…]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(CHECK_OPTIONS, args, this.usage);
    const query = positionals.join(' ').trim();
    const s = parseLang(ctx.config, values.lang);
    if (!s) {
      ctx.io.stderr.write(`--lang must be en, de, fr or it (optionally with a region such as de-DE), got "${values.lang}"\n`);
      return 2;
    }
    const amount = values.amount === undefined ? undefined : Number(values.amount.replace(/['\s]/g, ''));
    if (!query || (amount !== undefined && !(Number.isFinite(amount) && amount > 0))) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    const sources: SourceReport[] = [];
    const result = await runCheck(app, app.store, query, { ...(amount === undefined ? {} : { orderAmount: amount }), registers: registerServices(app), sourcesOut: sources });
    if (!result) {
      ctx.io.stderr.write(`${s.t.report.notFound(query)}\n`);
      if (sources.length > 0) ctx.io.stderr.write(`\n${formatRegisterReport([], sources, s)}\n`);
      return 1;
    }
    if (result.kind === 'candidates') {
      if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify({ candidates: result.candidates }, null, 2)}\n`);
      else ctx.io.stdout.write(`${s.t.report.candidates(query)}\n${result.candidates.map((c) => `  ${c.grade ?? '–'}  ${c.name} (${c.id})`).join('\n')}\n`);
      return 1;
    }
    if (values.format === 'json') {
      const register = result.register ? { register: { entries: result.register.entries, sources: result.register.sources } } : {};
      ctx.io.stdout.write(`${JSON.stringify({ ...result.assessment, ...register }, null, 2)}\n`);
      return 0;
    }
    if (result.kind === 'prospect') {
      ctx.io.stdout.write(`${s.t.report.prospect(result.documents?.length ?? 0, result.register?.entries.length ?? 0)}\n\n`);
    }
    ctx.io.stdout.write(`${formatReport(result.assessment, s)}\n`);
    if (result.register) ctx.io.stdout.write(`\n${formatRegisterReport(result.register.entries, result.register.sources, s)}\n`);
    if (result.alternatives.length > 0) {
      ctx.io.stdout.write(`\n${s.t.report.alsoMatching}: ${result.alternatives.map((c) => `${c.name} (${c.id})`).join(', ')}\n`);
    }
    return 0;
  },
};
