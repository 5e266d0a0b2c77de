import { Command as Commander, CommanderError, Option } from 'commander';
import { UserError } from '../../platform/errors.js';

/** One option of a command: `--name <value>` (string) or `--name` (boolean). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  /** A string option that may repeat (`--role a --role b`). */
  multiple?: boolean;
  /** Shown by --help. */
  description?: string;
  /** The value's name in --help (`--format <text|json>`). */
  value?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends { default: string | boolean } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

/** The commander Option for one spec (shared by parsing and by --help). */
export function toOption(name: string, spec: OptionSpec): Option {
  const flags = spec.type === 'boolean' ? `--${name}` : `--${name} <${spec.value ?? 'value'}>`;
  const option = new Option(flags, spec.description ?? '');
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.multiple) option.argParser((v: string, previous: unknown) => [...(Array.isArray(previous) ? previous : []), v]);
  return option;
}

/**
 * Parses one command's arguments with commander: options by their spec, the rest positional.
 * A wrong option or a missing value is a UserError with exit code 2 (bad input), naming the
 * option and the usage.
 */
export function parseOptions<const O extends OptionSpecs>(
  specs: O,
  args: string[],
  usage: string,
): { values: OptionValues<O>; positionals: string[] } {
  const cli = new Commander()
    .exitOverride()
    .helpOption(false)
    .allowExcessArguments(true)
    .argument('[arguments...]')
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  const options = Object.entries(specs).map(([name, spec]) => [name, toOption(name, spec)] as const);
  for (const [, option] of options) cli.addOption(option);
  try {
    cli.parse(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw new UserError(`${err.message.replace(/^error: /, '')}\nusage: ${usage}`, 2);
    throw err;
  }
  const parsed = cli.opts();
  const values = Object.fromEntries(options.map(([name, option]) => [name, parsed[option.attributeName()]]));
  return { values: values as OptionValues<O>, positionals: cli.processedArgs[0] as string[] };
}
