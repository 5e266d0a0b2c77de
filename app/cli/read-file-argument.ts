import { readFile } from 'node:fs/promises';
import type { CliContext, Command } from './command.js';
import { parseOptions } from './parse-options.js';

/**
 * The one file a command takes as its argument, read as UTF-8. On a missing or extra argument
 * the usage is shown (exit 2); on an unreadable file the reason (exit 1).
 */
export async function readFileArgument(command: Pick<Command, 'usage'>, args: string[], ctx: CliContext): Promise<{ file: string; text: string } | { exitCode: number }> {
  const { positionals } = parseOptions({}, args, command.usage);
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    ctx.io.stderr.write(`usage: ${command.usage}\n`);
    return { exitCode: 2 };
  }
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    ctx.io.stderr.write(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
    return { exitCode: 1 };
  }
}
