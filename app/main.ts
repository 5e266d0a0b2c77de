import { loadConfig, ConfigError } from '../platform/config/load.js';
import { createLogger, type Logger } from '../platform/log.js';
import { UserError } from '../platform/errors.js';
import { openApp, type App } from './compose.js';
import { COMMANDS, findCommand, usage } from './cli/registry.js';
import type { CliContext } from './cli/command.js';

/** `bonitor <command> …`: exit 0 ok, 1 failed, 2 bad input or configuration. */
async function main(argv: string[]): Promise<number> {
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const { configPath, rest } = takeConfigFlag(argv);
  const found = findCommand(rest);
  if (!found) {
    io.stderr.write(rest.length && !['help', '--help', '-h'].includes(rest[0]!) ? `unknown command: ${rest.join(' ')}\n\n${usage()}\n` : `${usage()}\n`);
    return rest.length && !['help', '--help', '-h'].includes(rest[0]!) ? 2 : 0;
  }
  const { command, args } = found;
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n\n${command.summary}\n`);
    return 0;
  }

  let loaded;
  try {
    loaded = loadConfig({ configPath });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const longRunning = command.name === 'start' || command.name === 'run';
  const level = longRunning ? loaded.config.logLevel : levelForCommand(loaded.config.logLevel);
  const log: Logger = createLogger(level);
  let app: App | undefined;
  const ctx: CliContext = {
    io,
    config: loaded.config,
    app: async () => (app ??= await openApp(loaded.config, log)),
  };
  try {
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    log.error({ err }, 'command_failed');
    io.stderr.write(`bonitor ${command.name} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await app?.close();
  }
}

/** One-shot commands keep stderr quiet unless the user asked for more. */
function levelForCommand(configured: string): string {
  return ['debug', 'trace'].includes(configured) ? configured : 'warn';
}

function takeConfigFlag(argv: string[]): { configPath?: string; rest: string[] } {
  const rest: string[] = [];
  let configPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--config') configPath = argv[++i];
    else if (a.startsWith('--config=')) configPath = a.slice('--config='.length);
    else rest.push(a);
  }
  return { configPath, rest };
}

void COMMANDS;
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
