import { userInfo } from 'node:os';
import { UserError } from '../../platform/errors.js';
import type { Assessment } from '../../platform/schemas/index.js';
import type { App } from '../compose.js';
import { knownCustomer } from '../credit-actions.js';
import type { CliContext } from './command.js';
import { parseOptions, type OptionSpecs, type OptionValues } from './parse-options.js';

/** Who is acting: --by, else the operating-system user running the command. */
export function actor(by: string | undefined): string {
  if (by && by.trim()) return by.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

export interface CustomerCommandInput<O extends OptionSpecs> {
  app: App;
  /** The customer id, checked against the store. */
  id: string;
  /** The words after the id (a note's text), when the command takes them. */
  words: string[];
  values: OptionValues<O>;
}

/**
 * The shared start of the commands that act on one customer (`override set|clear`, `notes
 * add|list`, `override list --history`): options parsed by their spec (so --help lists them), one
 * customer id (and, with `text`, the words after it), the store opened and the customer known.
 * A missing id or text is exit 2 with the usage; an unknown customer is exit 1.
 */
export async function customerCommandInput<const O extends OptionSpecs>(
  ctx: CliContext,
  specs: O,
  args: string[],
  usage: string,
  options: { text?: boolean } = {},
): Promise<CustomerCommandInput<O>> {
  const { values, positionals } = parseOptions(specs, args, usage);
  const [id, ...words] = positionals;
  if (!id) throw new UserError(`name the customer id\nusage: ${usage}`, 2);
  if (options.text ? words.length === 0 : words.length > 0) throw new UserError(`${options.text ? 'give the text after the customer id' : 'name exactly one customer id'}\nusage: ${usage}`, 2);
  const app = await ctx.app();
  await knownCustomer(app, id);
  return { app, id, words, values };
}

/** One line for what a change did to the customer's grade and terms, as the model and the override say. */
export function assessmentOutcome(assessment: Assessment | undefined, kind: 'set' | 'cleared'): string {
  if (!assessment) return '';
  return kind === 'set'
    ? `: now grade ${assessment.grade}, ${assessment.terms.kind} (the model says ${assessment.model?.grade ?? assessment.grade})`
    : `: grade ${assessment.grade}, ${assessment.terms.kind} as the model says`;
}
