import { fetchLimitsSchema } from '../../platform/config/sources.js';
import { documentId } from '../document-id.js';
import { CollectError, toTypedError } from '../errors.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { decodeText } from '../parse/decode.js';
import { parseFeed } from '../parse/parse-feed.js';

/** The JSON `bonitor feed parse` prints for one input (issue 4, item 7). */
export interface FeedParseOk {
  input: string;
  feed: { title: string; link: string | null; language: string | null };
  items: Array<{ id: string; title: string; link: string | null; publishedAt: string | null; summary: string }>;
}
export interface FeedParseFailed {
  input: string;
  /** One line: "<kind>: <message>". */
  error: string;
}

export interface FeedParseOptions {
  fetcher: Fetcher;
  /** Per-input limit for fetch plus parse; an input never hangs the run. */
  timeoutMs?: number;
  /** Every address allowed; otherwise the fetcher's address policy (its allowAddress) decides. Default false. */
  allowPrivate?: boolean;
}

/** Fetches (file or http(s)) and parses one input; never throws. */
export async function parseFeedInput(input: string, options: FeedParseOptions): Promise<FeedParseOk | FeedParseFailed> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new CollectError('timeout', `no result within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(input, options, timeoutMs, abort.signal), deadline]);
  } catch (err) {
    const e = toTypedError(err);
    return { input, error: `${e.kind}: ${e.message.split('\n')[0]}` };
  } finally {
    clearTimeout(timer);
  }
}

async function run(input: string, options: FeedParseOptions, timeoutMs: number, signal: AbortSignal): Promise<FeedParseOk> {
  const limits = fetchLimitsSchema.parse({ totalTimeoutMs: Math.max(100, timeoutMs), retries: 0, minIntervalMs: 0 });
  const res = await options.fetcher.fetch({ url: input, allowPrivate: options.allowPrivate ?? false, limits, respectRobots: true, signal });
  const feed = await parseFeed(decodeText(res.body, res.contentType).text, { feedUrl: res.finalUrl });
  return {
    input,
    feed: { title: feed.title, link: feed.link ?? null, language: feed.language ?? null },
    items: feed.items.map((item) => ({
      id: documentId(input, item),
      title: item.title,
      link: item.link ?? null,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      summary: item.summary,
    })),
  };
}
