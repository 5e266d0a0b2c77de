import type { SourceConfig } from '../../platform/config/sources.js';
import { decodeText } from '../parse/decode.js';
import { parseFeed } from '../parse/parse-feed.js';
import type { CollectBatch, CollectContext } from '../types.js';
import { feedToDocuments } from './feed-documents.js';

/** RSS, Atom, RDF and JSON Feed sources: fetch (conditionally) → decode → parse → documents. */
export async function collectFeed(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const res = await ctx.fetcher.fetch({
    url: source.url,
    allowPrivate: source.allowPrivate,
    limits: source.limits,
    respectRobots: source.respectRobots,
    ...ctx.state,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (res.status === 304) return { docs: [], notModified: true, etag: res.etag, lastModified: res.lastModified };
  const { text } = decodeText(res.body, res.contentType);
  const feed = await parseFeed(text, { feedUrl: res.finalUrl, defaultOffsetMinutes: source.utcOffsetMinutes });
  return { docs: feedToDocuments(feed, source, ctx.clock.now()), etag: res.etag, lastModified: res.lastModified };
}
