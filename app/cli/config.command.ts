import { stringify } from 'yaml';
import { redactedConfig } from '../../platform/config/load.js';
import { effectiveConfig } from '../demo/demo.js';
import type { Command } from './command.js';
import { parseOptions } from './parse-options.js';

export const configCommand: Command = {
  name: 'config',
  summary: 'validate the configuration and print the effective settings (secrets redacted)',
  usage: 'bonitor [--config <file.yaml>] config',
  async run(args, ctx) {
    parseOptions({}, args, this.usage); // no options: anything else is a mistake worth saying
    ctx.io.stdout.write(stringify(redactedConfig(await effectiveConfig(ctx.config, ctx.app))));
    return 0;
  },
};
