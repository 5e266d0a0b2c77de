import type { SourceConfig } from '../../platform/config/sources.js';
import { documentId } from '../document-id.js';
import { feedToDocuments } from '../feed/feed-documents.js';
import { decodeText } from '../parse/decode.js';
import type { CollectBatch, CollectContext } from '../types.js';
import { extractArticle } from './extract-article.js';
import { parseListPage } from './parse-list-page.js';

export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * kind html: with `selectors`, a list page whose items become documents (their full text is
 * fetched afterwards when fetchFullText is on); without, the page itself is one article.
 */
export async function collectHtml(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const res = await ctx.fetcher.fetch({
    url: source.url,
    allowPrivate: source.allowPrivate,
    limits: source.limits,
    respectRobots: source.respectRobots,
    accept: HTML_ACCEPT,
    ...ctx.state,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (res.status === 304) return { docs: [], notModified: true, etag: res.etag, lastModified: res.lastModified };
  const { text } = decodeText(res.body, res.contentType);
  const now = ctx.clock.now();
  const kind = source.documentKind === 'news' ? 'web' : source.documentKind;
  if (source.selectors) {
    const page = parseListPage(text, res.finalUrl, source.selectors, source.utcOffsetMinutes);
    return { docs: feedToDocuments(page, { ...source, documentKind: kind }, now), etag: res.etag, lastModified: res.lastModified };
  }
  const article = extractArticle(text, { ...(source.articleSelector ? { selector: source.articleSelector } : {}), defaultOffsetMinutes: source.utcOffsetMinutes });
  const url = /^https?:/i.test(res.finalUrl) ? res.finalUrl : source.url;
  const language = source.language ?? article.language;
  return {
    docs: [
      {
        // One page, one document: later edits of the same URL are not new events.
        id: documentId(source.id, { link: url }),
        sourceId: source.id,
        kind,
        url,
        title: article.title,
        text: article.text,
        ...(language ? { language } : {}),
        ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString() } : {}),
        fetchedAt: now.toISOString(),
      },
    ],
    etag: res.etag,
    lastModified: res.lastModified,
  };
}
