import { GRADES, TERMS_KINDS } from '../../platform/schemas/index.js';
import { UserError } from '../../platform/errors.js';
import { activeOverride, type OverrideChange } from '../../platform/store/credit-state.js';
import { clearOverride, knownCustomer, listOverrides, setOverride } from '../credit-actions.js';
import type { Command } from './command.js';
import { actor, assessmentOutcome, customerCommandInput } from './customer-command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

function line(c: OverrideChange): string {
  const what = [c.grade ? `grade ${c.grade}` : '', c.terms ?? '', c.limit !== undefined ? `limit ${c.limit}` : ''].filter(Boolean).join(', ');
  return `${c.customerId}\t${c.action === 'set' ? what : 'cleared'}\t${c.until ? `until ${c.until}` : c.action === 'set' ? 'no end date' : ''}\t${c.by}\t${c.at}\t${c.reason}`;
}

const SET_OPTIONS = {
  grade: { type: 'string', value: GRADES.join('|'), description: 'the grade to hold' },
  terms: { type: 'string', value: TERMS_KINDS.join('|'), description: 'the payment terms to hold' },
  limit: { type: 'string', value: 'amount', description: 'the credit limit to hold' },
  reason: { type: 'string', value: 'text', description: 'why (required; everyone sees it)' },
  until: { type: 'string', value: 'YYYY-MM-DD', description: 'when the override ends' },
  by: { type: 'string', value: 'name', description: 'who decides (default: the operating-system user)' },
} as const satisfies OptionSpecs;

export const overrideSetCommand: Command = {
  name: 'override set',
  summary: 'override a customer\'s grade, terms or limit with a reason everyone sees (every change is kept)',
  usage: `bonitor override set <customer id> [--grade ${GRADES.join('|')}] [--terms ${TERMS_KINDS.join('|')}] [--limit <amount>] --reason "…" [--until YYYY-MM-DD] [--by <name>]`,
  options: SET_OPTIONS,
  async run(args, ctx) {
    const { app, id, values } = await customerCommandInput(ctx, SET_OPTIONS, args, this.usage);
    const limit = values.limit === undefined ? undefined : Number(values.limit.replace(/['\s]/g, ''));
    if (limit !== undefined && !Number.isFinite(limit)) throw new UserError(`--limit must be an amount, got "${values.limit}"\nusage: ${this.usage}`, 2);
    const { change, assessment } = await setOverride(app, id, { grade: values.grade?.toUpperCase(), terms: values.terms, limit, reason: values.reason, until: values.until, by: actor(values.by) });
    ctx.io.stdout.write(`override set for ${id} by ${change.by}${assessmentOutcome(assessment, 'set')}\n`);
    return 0;
  },
};

const CLEAR_OPTIONS = {
  reason: { type: 'string', value: 'text', description: 'why the override ends (default "cleared")' },
  by: { type: 'string', value: 'name', description: 'who decides (default: the operating-system user)' },
} as const satisfies OptionSpecs;

export const overrideClearCommand: Command = {
  name: 'override clear',
  summary: 'end the override of a customer (the clearing is kept too)',
  usage: 'bonitor override clear <customer id> [--reason "…"] [--by <name>]',
  options: CLEAR_OPTIONS,
  async run(args, ctx) {
    const { app, id, values } = await customerCommandInput(ctx, CLEAR_OPTIONS, args, this.usage);
    const { change, assessment } = await clearOverride(app, id, actor(values.by), values.reason);
    ctx.io.stdout.write(`override of ${id} cleared by ${change.by}${assessmentOutcome(assessment, 'cleared')}\n`);
    return 0;
  },
};

const LIST_OPTIONS = {
  history: { type: 'string', value: 'customer id', description: 'every change of one customer, in force or not' },
  format: { type: 'string', default: 'text', value: 'text|json' },
} as const satisfies OptionSpecs;

export const overrideListCommand: Command = {
  name: 'override list',
  summary: 'the overrides in force, or every change of one customer (--history)',
  usage: 'bonitor override list [--history <customer id>] [--format text|json]',
  options: LIST_OPTIONS,
  async run(args, ctx) {
    const { values } = parseOptions(LIST_OPTIONS, args, this.usage);
    const app = await ctx.app();
    const history = values.history;
    if (history) await knownCustomer(app, history);
    const rows = history ? await app.store.credit.overrideChanges(history) : await listOverrides(app);
    if (values.format === 'json') {
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
