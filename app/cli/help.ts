import { Command as Commander } from 'commander';
import type { CommandSpec } from './command.js';
import { toOption } from './parse-options.js';

/**
 * The command tree as commander sees it, for --help at every level: `bonitor --help`, a group
 * (`bonitor watchlist --help` lists its subcommands) and a command (its usage and options).
 */
export function buildHelpTree(commands: readonly CommandSpec[]): Commander & { runnable: Set<Commander> } {
  const program = new Commander('bonitor')
    .usage('[--config <file.yaml>] <command> [options]')
    .description('Credit-risk monitoring and alerting. Exit codes: 0 ok, 1 failed, 2 bad input or configuration.')
    .option('--config <file.yaml>', 'configuration file (default: bonitor.yaml if present, else built-in defaults)')
    .addHelpCommand(false);
  const runnable = new Set<Commander>();
  for (const command of commands) {
    const words = command.name.split(' ');
    let parent = program;
    for (const [i, word] of words.entries()) {
      const last = i === words.length - 1;
      let child = parent.commands.find((c) => c.name() === word);
      if (!child) {
        child = parent.command(word).addHelpCommand(false);
        if (!last) child.description(`${word} commands`).usage('<command> [options]');
      }
      parent = child;
    }
    const usage = command.usage.replace(/^bonitor\s+(\[--config <file\.yaml>\]\s+)?/, '').replace(command.name, '').trim();
    parent.description(command.summary).usage(usage || '[options]');
    runnable.add(parent);
    for (const [name, spec] of Object.entries(command.options ?? {})) {
      parent.addOption(toOption(name, { ...spec, value: spec.value ?? valueInUsage(command.usage, name) }));
    }
  }
  return Object.assign(program, { runnable });
}

/**
 * The help for `argv`: asked for (`--help`, `-h`, `help …`, nothing at all) → exit 0; a group
 * named without a subcommand (`bonitor watchlist`) → its subcommands, exit 2; otherwise undefined.
 */
export function helpFor(commands: readonly CommandSpec[], argv: string[]): { text: string; exitCode: 0 | 2 } | undefined {
  const program = buildHelpTree(commands);
  const words = argv.filter((a) => !a.startsWith('-'));
  const asked = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help' || argv.length === 0;
  let node: Commander = program;
  for (const w of argv[0] === 'help' ? words.slice(1) : words) {
    const child = node.commands.find((c) => c.name() === w);
    if (!child) break;
    node = child;
  }
  if (asked) return { text: node.helpInformation(), exitCode: 0 };
  // A group that is no command itself ("bonitor watchlist"); "bonitor sources" runs, "bonitor sources catalog" too.
  if (node !== program && node.commands.length > 0 && !program.runnable.has(node)) return { text: node.helpInformation(), exitCode: 2 };
  return undefined;
}

/** The value an option takes as the usage line writes it: `--format text|json` → "text|json", `--at <ISO date-time>` → "ISO date-time". */
export function valueInUsage(usage: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`--${escaped}[ =](<[^>]+>|[^\\s\\]]+)`).exec(usage);
  const value = m?.[1]?.replace(/^<|>$/g, '');
  return value && !value.startsWith('-') ? value : undefined;
}
