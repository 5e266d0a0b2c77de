import { createFetcher } from '../../collectors/fetch/fetcher.js';
import { isLinkLocalOrMetadata } from '../../collectors/fetch/address-guard.js';
import { parseFeedInput } from '../../collectors/feed/feed-parse.js';
import { userAgentFor } from '../../collectors/user-agent.js';
import { silentLogger } from '../../platform/log.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const FEED_PARSE_OPTIONS = { format: { type: 'string', default: 'json' }, timeout: { type: 'string', default: '30' }, 'allow-private': { type: 'boolean', default: false } } as const satisfies OptionSpecs;

export const feedParseCommand: Command = {
  options: FEED_PARSE_OPTIONS,
  name: 'feed parse',
  summary:
    'parse feeds (files or URLs) and print their items as JSON; one bad input never stops the others.\n' +
    'Link-local and cloud-metadata addresses (169.254.0.0/16 such as 169.254.169.254, fe80::/10, fd00:ec2::254,\n' +
    '100.100.100.200) are refused, also after DNS and redirects, unless --allow-private is given;\n' +
    'loopback and private network addresses (a local test server, an intranet feed) are fetched.',
  usage: 'bonitor feed parse <file-or-url>... [--format json] [--timeout <seconds>] [--allow-private]',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(FEED_PARSE_OPTIONS, args, this.usage);
    const timeoutMs = Number(values.timeout) * 1000;
    if (positionals.length === 0 || values.format !== 'json' || !(timeoutMs > 0)) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const allowPrivate = values['allow-private'] === true;
    const fetcher = createFetcher({
      userAgent: userAgentFor(ctx.config.contact),
      log: silentLogger,
      // The inputs are the user's own choice, so their own network is fine; the metadata service is not.
      allowAddress: (ip) => !isLinkLocalOrMetadata(ip),
      refusalHint: 'pass --allow-private to permit it',
    });
    let failed = 0;
    for (const input of positionals) {
      const result = await parseFeedInput(input, { fetcher, timeoutMs, allowPrivate });
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
