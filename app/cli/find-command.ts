import type { CommandSpec } from './command.js';

/** The command `argv` names; multi-word names ("ledger import") match the first words of argv, longest first. */
export function findCommand<C extends CommandSpec>(commands: readonly C[], argv: string[]): { command: C; args: string[] } | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, args: argv.slice(words.length) };
  }
  return undefined;
}

/**
 * Whether `helpFor` has anything to say about argv: help asked for (`--help`, `-h`, `help …`,
 * nothing), no command named, or a command with subcommands (a group's help may be due). A plain
 * command line skips building commander's help tree (and loading commander) at every start.
 */
export function mayNeedHelp(commands: readonly CommandSpec[], argv: string[]): boolean {
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) return true;
  const found = findCommand(commands, argv);
  return !found || commands.some((c) => c.name.startsWith(`${found.command.name} `));
}

export function usage(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: bonitor [--config <file.yaml>] <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `bonitor <command> --help` for the options of one command.',
  ].join('\n');
}
