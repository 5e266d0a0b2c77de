import { readFile } from 'node:fs/promises';
import { createSubscriptionRepo } from '../../alerts/subscription-repo.js';
import { validateSubscription } from '../../alerts/validate-subscription.js';
import type { Command, CliContext } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

const SUBSCRIPTIONS_LIST_OPTIONS = { format: { type: 'string', default: 'text' } } as const satisfies OptionSpecs;

export const subscriptionsListCommand: Command = {
  options: SUBSCRIPTIONS_LIST_OPTIONS,
  name: 'subscriptions list',
  summary: 'list subscriptions (from the config file and added ones)',
  usage: 'bonitor subscriptions list [--format text|json]',
  async run(args, ctx) {
    const { values } = parseOptions(SUBSCRIPTIONS_LIST_OPTIONS, args, this.usage);
    const app = await ctx.app();
    const all = await createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions).listAll();
    if (values.format === 'json') {
      ctx.io.stdout.write(`${JSON.stringify(all.map((l) => ({ ...l.subscription, origin: l.origin, active: !l.unsubscribedAt })), null, 2)}\n`);
      return 0;
    }
    if (all.length === 0) ctx.io.stdout.write('no subscriptions (add one with: bonitor subscriptions add --email <address> ...)\n');
    for (const { subscription: s, origin, unsubscribedAt } of all) {
      const scope = s.scope.all ? 'all customers' : [...s.scope.customers, ...s.scope.tags.map((t) => `tag:${t}`), ...s.scope.industries.map((i) => `industry:${i}`)].join(', ');
      const when = s.frequency === 'weekly' ? ` weekday ${s.weekday}` : s.frequency === 'monthly' ? ` day ${s.dayOfMonth}` : '';
      const at = s.frequency === 'instant' ? '' : `${when} at ${s.hour}:00 ${s.timeZone}`;
      ctx.io.stdout.write(`${s.id}\t${s.email}\t${s.frequency}${at}\t${s.language}\t≥${s.minSeverity}\t${scope}\t${origin}${unsubscribedAt ? '\tunsubscribed' : ''}\n`);
    }
    return 0;
  },
};

const SUBSCRIPTIONS_ADD_OPTIONS = {
          id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' },
          frequency: { type: 'string' }, hour: { type: 'string' }, weekday: { type: 'string' }, 'day-of-month': { type: 'string' },
          'time-zone': { type: 'string' }, customers: { type: 'string' }, tags: { type: 'string' }, industries: { type: 'string' },
          all: { type: 'boolean' }, 'min-severity': { type: 'string' }, 'all-quiet': { type: 'boolean' }, admin: { type: 'boolean' },
        } as const satisfies OptionSpecs;

export const subscriptionsAddCommand: Command = {
  options: SUBSCRIPTIONS_ADD_OPTIONS,
  name: 'subscriptions add',
  summary: 'add (or replace) a subscription; rejects bad addresses and unknown customers',
  usage:
    'bonitor subscriptions add --email <address> [--id <id>] [--name <name>] [--language de|en|fr] [--frequency instant|daily|weekly|monthly] ' +
    '[--hour 0-23] [--weekday 0-6] [--day-of-month 1-31] [--time-zone <IANA>] [--customers a,b] [--tags t1,t2] [--industries 41,62.01] [--all] ' +
    '[--min-severity low|medium|high|critical] [--all-quiet] [--admin]',
  async run(args, ctx) {
    const { values } = parseOptions(SUBSCRIPTIONS_ADD_OPTIONS, args, this.usage);
    if (!values.email) {
      ctx.io.stderr.write(`--email is required\nusage: ${this.usage}\n`);
      return 2;
    }
    const num = (v: string | undefined) => (v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v);
    const scoped = values.customers || values.tags || values.industries;
    const input = {
      id: values.id ?? `${values.email.split('@')[0]!.replace(/[^a-z0-9._-]+/gi, '-')}-${values.frequency ?? 'daily'}`,
      email: values.email,
      name: values.name,
      language: values.language,
      frequency: values.frequency,
      hour: num(values.hour),
      weekday: num(values.weekday),
      dayOfMonth: num(values['day-of-month']),
      timeZone: values['time-zone'],
      minSeverity: values['min-severity'],
      allQuiet: values['all-quiet'],
      admin: values.admin,
      scope: { customers: list(values.customers), tags: list(values.tags), industries: list(values.industries), all: values.all ?? !scoped },
    };
    const app = await ctx.app();
    const result = validateSubscription(input, await app.store.listCustomers());
    if (!result.ok) {
      for (const p of result.problems) ctx.io.stderr.write(`rejected: ${p}\n`);
      return 2;
    }
    for (const w of result.warnings) ctx.io.stderr.write(`warning: ${w}\n`);
    await createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions).add(result.subscription);
    if (app.config.subscriptions.some((s) => s.id === result.subscription.id)) {
      ctx.io.stderr.write(`warning: the config file also defines "${result.subscription.id}"; the config file's version is used\n`);
    }
    ctx.io.stdout.write(`added subscription ${result.subscription.id} (${result.subscription.email}, ${result.subscription.frequency})\n`);
    return 0;
  },
};

export const subscriptionsRemoveCommand: Command = {
  name: 'subscriptions remove',
  summary: 'remove a subscription (configured ones are marked unsubscribed)',
  usage: 'bonitor subscriptions remove <id>',
  async run(args, ctx) {
    const { positionals } = parseOptions({}, args, this.usage);
    const [id] = positionals;
    if (!id || positionals.length > 1) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    const outcome = await createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions).remove(id);
    if (outcome === 'not_found') {
      ctx.io.stderr.write(`no subscription "${id}" (see bonitor subscriptions list)\n`);
      return 1;
    }
    ctx.io.stdout.write(
      outcome === 'removed' ? `removed subscription ${id}\n` : `subscription ${id} is in the config file: marked unsubscribed (delete it from the file to remove it for good)\n`,
    );
    return 0;
  },
};

export const subscriptionsValidateCommand: Command = {
  name: 'subscriptions validate',
  summary: 'check subscriptions (the configured ones, or a YAML file) against the schema and the watchlist',
  usage: 'bonitor subscriptions validate [<file.yaml>]',
  async run(args, ctx) {
    const [file] = parseOptions({}, args, this.usage).positionals;
    const app = await ctx.app();
    const inputs = file ? await readSubscriptionsFile(file, ctx) : (await createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions).listAll()).map((l) => l.subscription);
    if (inputs === undefined) return 2;
    const customers = await app.store.listCustomers();
    let bad = 0;
    inputs.forEach((input, n) => {
      const label = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : `#${n + 1}`;
      const r = validateSubscription(input, customers);
      if (!r.ok) {
        bad++;
        for (const p of r.problems) ctx.io.stderr.write(`${label}: ${p}\n`);
      } else {
        for (const w of r.warnings) ctx.io.stderr.write(`${label}: warning: ${w}\n`);
      }
    });
    ctx.io.stdout.write(`${inputs.length - bad} of ${inputs.length} subscriptions valid\n`);
    return bad > 0 ? 2 : 0;
  },
};

async function readSubscriptionsFile(file: string, ctx: CliContext): Promise<unknown[] | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    ctx.io.stderr.write(`cannot read ${file}\n`);
    return undefined;
  }
  const { parse: parseYaml } = await import('yaml');
  try {
    const doc: unknown = parseYaml(text);
    const subs = Array.isArray(doc) ? doc : (doc as { subscriptions?: unknown })?.subscriptions;
    if (!Array.isArray(subs)) {
      ctx.io.stderr.write(`${file}: expected a list of subscriptions or a mapping with "subscriptions:"\n`);
      return undefined;
    }
    return subs;
  } catch (err) {
    ctx.io.stderr.write(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}\n`);
    return undefined;
  }
}

export const SUBSCRIPTION_COMMANDS = [subscriptionsListCommand, subscriptionsAddCommand, subscriptionsRemoveCommand, subscriptionsValidateCommand];
