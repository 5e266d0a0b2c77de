import { describe, expect, it } from 'vitest';
import { mayNeedHelp } from '../../app/cli/find-command.js';
import { helpFor, valueInUsage } from '../../app/cli/help.js';
import { parseOptions } from '../../app/cli/parse-options.js';
import { COMMANDS } from '../../app/cli/registry.js';
import { UserError } from '../../platform/errors.js';
import { runBonitor } from '../e2e/process.js';

describe('bonitor --help at every level (commander)', () => {
  it('every command answers --help with its usage, its summary and each of its options', () => {
    for (const command of COMMANDS) {
      const help = helpFor(COMMANDS, [...command.name.split(' '), '--help']);
      expect(help?.exitCode, command.name).toBe(0);
      // commander wraps long lines at the terminal width
      expect(help?.text.replace(/\s+/g, ' '), command.name).toContain(command.summary.replace(/\s+/g, ' ').slice(0, 60));
      for (const option of Object.keys(command.options ?? {})) expect(help?.text, `${command.name} --${option}`).toContain(`--${option}`);
    }
  });

  it('names each option\'s value as the usage line writes it', () => {
    expect(valueInUsage('bonitor x [--format text|json] [--at <ISO date-time>] [--dry-run]', 'format')).toBe('text|json');
    expect(valueInUsage('bonitor x [--format text|json] [--at <ISO date-time>] [--dry-run]', 'at')).toBe('ISO date-time');
    expect(valueInUsage('bonitor x [--dry-run] [--format text]', 'dry-run')).toBeUndefined();
    expect(helpFor(COMMANDS, ['check', '--help'])?.text).toMatch(/--format <text\|json>/);
  });

  it('ledger import names every format it reads: CSV, DATEV, bexio, camt', () => {
    const help = helpFor(COMMANDS, ['ledger', 'import', '--help'])!.text.replace(/\s+/g, ' ');
    for (const format of ['items.csv', 'EXTF_Buchungsstapel.csv', 'bexio-invoices.json', 'camt.054/camt.053.xml', 'DATEV', 'bexio', 'camt.054 / camt.053']) expect(help).toContain(format);
    expect(help).toContain('--payments <payments.csv|bexio-payments.json>');
  });

  it('every command group lists its subcommands; a bare group is a usage error (exit 2)', () => {
    const groups = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];
    expect(groups).toEqual(expect.arrayContaining(['ledger', 'watchlist', 'subscriptions', 'digest', 'feed']));
    const runnable = new Set(COMMANDS.map((c) => c.name)); // `sources` runs and is a group (`sources catalog`)
    for (const group of groups) {
      const asked = helpFor(COMMANDS, [group, '--help'])!;
      expect(asked.exitCode).toBe(0);
      for (const c of COMMANDS.filter((x) => x.name.startsWith(`${group} `))) expect(asked.text, c.name).toContain(c.name.split(' ')[1]);
      if (runnable.has(group)) expect(helpFor(COMMANDS, [group])).toBeUndefined();
      else expect(helpFor(COMMANDS, [group])?.exitCode).toBe(2);
    }
    expect(helpFor(COMMANDS, ['help', 'watchlist'])?.text).toContain('import');
    expect(helpFor(COMMANDS, [])?.exitCode).toBe(0);
    expect(helpFor(COMMANDS, ['check', 'Muster AG'])).toBeUndefined();
  });

  it('skips the help tree only where helpFor has nothing to say (start-up without commander)', () => {
    const groups = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];
    const argvs: string[][] = [[], ['help'], ['nonsense'], ['-v', 'check'], ...groups.map((g) => [g]), ...groups.map((g) => [g, 'nonsense'])];
    for (const c of COMMANDS) {
      const words = c.name.split(' ');
      argvs.push(words, [...words, 'Muster AG'], [...words, '--format', 'json'], [...words, '--help'], [...words, '-h'], [...words, 'catalog']);
    }
    for (const argv of argvs) {
      if (helpFor(COMMANDS, argv) !== undefined) expect(mayNeedHelp(COMMANDS, argv), argv.join(' ')).toBe(true);
    }
    // A plain command line does not build the tree.
    expect(mayNeedHelp(COMMANDS, ['classify'])).toBe(false);
    expect(mayNeedHelp(COMMANDS, ['ledger', 'import', 'items.csv'])).toBe(false);
    expect(mayNeedHelp(COMMANDS, ['check', 'Muster AG', '--amount', '100'])).toBe(false);
  });

  it('parses options with commander: defaults, repeats, --name=value; a wrong option is exit 2 with the usage', () => {
    const specs = { format: { type: 'string', default: 'text' }, role: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false } } as const;
    expect(parseOptions(specs, ['x', '--role', 'a', '--role=b', '--dry-run', 'y'], 'usage')).toEqual({
      values: { format: 'text', role: ['a', 'b'], 'dry-run': true },
      positionals: ['x', 'y'],
    });
    const wrong = (() => {
      try {
        parseOptions(specs, ['--formt', 'json'], 'bonitor thing [--format text|json]');
      } catch (err) {
        return err;
      }
    })();
    expect(wrong).toBeInstanceOf(UserError);
    expect((wrong as UserError).exitCode).toBe(2);
    expect((wrong as UserError).message).toContain("unknown option '--formt'");
    expect((wrong as UserError).message).toContain('usage: bonitor thing');
    expect(() => parseOptions(specs, ['--format'], 'u')).toThrow(/argument missing/);
  });

  it('in a real process: `bonitor watchlist --help` exits 0, a misspelt option exits 2', async () => {
    const help = await runBonitor(['watchlist', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import');
    const bad = await runBonitor(['sources', '--fromat', 'json'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--fromat'");
  }, 60_000);
});
