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
