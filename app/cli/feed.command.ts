import { parseArgs } from 'node:util';
import { createFetcher, parseFeedInput, userAgentFor } from '../../collectors/index.js';
import { silentLogger } from '../../platform/log.js';
import type { Command } from './command.js';

export const feedParseCommand: Command = {
  name: 'feed parse',
  summary: 'parse feeds (files or URLs) and print their items as JSON; one bad input never stops the others',
  usage: 'bonitor feed parse <file-or-url>... [--format json] [--timeout <seconds>]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, timeout: { type: 'string', default: '30' } },
    });
    const timeoutMs = Number(values.timeout) * 1000;
    if (positionals.length === 0 || values.format !== 'json' || !(timeoutMs > 0)) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const fetcher = createFetcher({ userAgent: userAgentFor(ctx.config.contact), log: silentLogger });
    let failed = 0;
    for (const input of positionals) {
      const result = await parseFeedInput(input, { fetcher, timeoutMs });
      if ('error' in result) {
        failed++;
        ctx.io.stderr.write(`${input}: ${result.error}\n`);
      }
      const single = positionals.length === 1;
      if (single && !('error' in result)) ctx.io.stdout.write(`${JSON.stringify({ feed: result.feed, items: result.items }, null, 2)}\n`);
      else if (!single) ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return failed > 0 ? 2 : 0;
  },
};
