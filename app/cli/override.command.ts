import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { GRADES, TERMS_KINDS } from '../../platform/schemas/index.js';
import { activeOverride, type OverrideChange } from '../../platform/store/credit-state.js';
import { clearOverride, listOverrides, setOverride } from '../credit-actions.js';
import type { CliContext, Command } from './command.js';

/** Who is acting: --by, else the operating-system user running the command. */
export function actor(by: string | undefined): string {
  if (by && by.trim()) return by.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

function bad(ctx: CliContext, message: string, usage: string): number {
  ctx.io.stderr.write(`${message}\nusage: ${usage}\n`);
  return 2;
}

function line(c: OverrideChange): string {
  const what = [c.grade ? `grade ${c.grade}` : '', c.terms ?? '', c.limit !== undefined ? `limit ${c.limit}` : ''].filter(Boolean).join(', ');
  return `${c.customerId}\t${c.action === 'set' ? what : 'cleared'}\t${c.until ? `until ${c.until}` : c.action === 'set' ? 'no end date' : ''}\t${c.by}\t${c.at}\t${c.reason}`;
}

export const overrideSetCommand: Command = {
  name: 'override set',
  summary: 'override a customer\'s grade, terms or limit with a reason everyone sees (every change is kept)',
  usage: `bonitor override set <customer id> [--grade ${GRADES.join('|')}] [--terms ${TERMS_KINDS.join('|')}] [--limit <amount>] --reason "…" [--until YYYY-MM-DD] [--by <name>]`,
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { grade: { type: 'string' }, terms: { type: 'string' }, limit: { type: 'string' }, reason: { type: 'string' }, until: { type: 'string' }, by: { type: 'string' } } });
    } catch (err) {
      return bad(ctx, (err as Error).message, this.usage);
    }
    const { values, positionals } = parsed;
    const id = positionals[0];
    if (!id || positionals.length > 1) return bad(ctx, 'name exactly one customer id', this.usage);
    const limit = values.limit === undefined ? undefined : Number(values.limit.replace(/['\s]/g, ''));
    if (limit !== undefined && !Number.isFinite(limit)) return bad(ctx, `--limit must be an amount, got "${values.limit}"`, this.usage);
    const app = await ctx.app();
    const { change, assessment } = await setOverride(app, id, {
      grade: values.grade?.toUpperCase(),
      terms: values.terms,
      limit,
      reason: values.reason,
      until: values.until,
      by: actor(values.by),
    });
    ctx.io.stdout.write(`override set for ${id} by ${change.by}${assessment ? `: now grade ${assessment.grade}, ${assessment.terms.kind} (the model says ${assessment.model?.grade ?? assessment.grade})` : ''}\n`);
    return 0;
  },
};

export const overrideClearCommand: Command = {
  name: 'override clear',
  summary: 'end the override of a customer (the clearing is kept too)',
  usage: 'bonitor override clear <customer id> [--reason "…"] [--by <name>]',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { reason: { type: 'string' }, by: { type: 'string' } } });
    } catch (err) {
      return bad(ctx, (err as Error).message, this.usage);
    }
    const id = parsed.positionals[0];
    if (!id) return bad(ctx, 'name the customer id', this.usage);
    const app = await ctx.app();
    const { change, assessment } = await clearOverride(app, id, actor(parsed.values.by), parsed.values.reason);
    ctx.io.stdout.write(`override of ${id} cleared by ${change.by}${assessment ? `: grade ${assessment.grade}, ${assessment.terms.kind} as the model says` : ''}\n`);
    return 0;
  },
};

export const overrideListCommand: Command = {
  name: 'override list',
  summary: 'the overrides in force, or every change of one customer (--history)',
  usage: 'bonitor override list [--history <customer id>] [--format text|json]',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { history: { type: 'string' }, format: { type: 'string', default: 'text' } } });
    } catch (err) {
      return bad(ctx, (err as Error).message, this.usage);
    }
    const app = await ctx.app();
    const history = parsed.values.history;
    const rows = history ? await app.store.credit.overrideChanges(history) : await listOverrides(app);
    if (parsed.values.format === 'json') {
      const inForce = history ? activeOverride(rows, app.clock.now())?.id : undefined;
      ctx.io.stdout.write(`${JSON.stringify(history ? rows.map((r) => ({ ...r, inForce: r.id === inForce })) : rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) ctx.io.stdout.write(history ? `no override was ever set for ${history}\n` : 'no override in force (set one with: bonitor override set <customer> --grade … --reason "…")\n');
    for (const r of rows) ctx.io.stdout.write(`${line(r)}\n`);
    return 0;
  },
};

export const OVERRIDE_COMMANDS = [overrideSetCommand, overrideClearCommand, overrideListCommand];
