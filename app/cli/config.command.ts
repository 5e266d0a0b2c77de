import { stringify } from 'yaml';
import { redactedConfig } from '../../platform/config/load.js';
import { applyDemoConfig } from '../demo/demo.js';
import type { Command } from './command.js';

export const configCommand: Command = {
  name: 'config',
  summary: 'validate the configuration and print the effective settings (secrets redacted)',
  usage: 'bonitor [--config <file.yaml>] config',
  async run(_args, ctx) {
    ctx.io.stdout.write(stringify(redactedConfig(applyDemoConfig(ctx.config))));
    return 0;
  },
};
