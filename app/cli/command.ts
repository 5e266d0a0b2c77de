import type { AppConfig } from '../../platform/config/schema.js';
import type { App } from '../compose.js';
import type { OptionSpecs } from './parse-options.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliContext {
  io: CliIo;
  /** Loaded and validated configuration (exits with code 2 before a command runs if invalid). */
  config: AppConfig;
  /** Opens the store and bus of the configured deployment on first use; closed after the command. */
  app(): Promise<App>;
  /** At a terminal, informational log lines wait until this is called (after a start-up summary). */
  logsReady?(): void;
}

/** One `bonitor <name>` command. `run` returns the process exit code (0 ok, 1 failed, 2 bad input). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Its options, parsed by commander (parseOptions) and listed by `--help`. */
  options?: OptionSpecs;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** What `--help` and finding a command need, without loading the command's module. */
export type CommandSpec = Pick<Command, 'name' | 'summary' | 'usage' | 'options'>;

/** One command in the compiled CLI's manifest: its spec and the bundle file that holds its `run`. */
export interface CommandManifestEntry extends CommandSpec {
  /** Relative to the compiled entry point, e.g. `./check.command.js`. */
  file: string;
}
