import { removeDemoData } from '../demo/demo.js';
import type { Command } from './command.js';

export const demoRemoveCommand: Command = {
  name: 'demo remove',
  summary: 'remove the bundled demo customers, ledger, signals and assessments for good (a real import does it by itself)',
  usage: 'bonitor demo remove',
  async run(args, ctx) {
    if (args.length > 0) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    const r = await removeDemoData(app);
    ctx.io.stdout.write(
      r.alreadyRemoved
        ? 'the demo data was already removed\n'
        : `demo data removed: ${r.customers} demo customers with their ledger, signals and assessments; the demo feeds and subscriptions are no longer loaded\n`,
    );
    return 0;
  },
};
