import type { SourceConfig } from '../platform/config/sources.js';
import type { Logger } from '../platform/log.js';
import type { Document } from '../platform/schemas/index.js';
import { toTypedError } from './errors.js';
import type { Fetcher } from './fetch/fetcher.js';
import { extractArticle } from './html/extract-article.js';
import { HTML_ACCEPT } from './html/html.collector.js';
import { decodeText } from './parse/decode.js';

/** Articles fetched per run at most; the rest keep their teaser (a big backlog must not stall the run). */
export const MAX_FULL_TEXT_PER_RUN = 50;

/**
 * For sources whose feed carries only a teaser: fetch each new item's page and keep the
 * longer text. Runs only on documents not seen before, so a page is fetched once. A page
 * that fails keeps its teaser; the failure is logged, the document is still published.
 */
export async function addFullText(docs: Document[], source: SourceConfig, fetcher: Fetcher, log: Logger, signal?: AbortSignal): Promise<Document[]> {
  const out: Document[] = [];
  for (const [i, doc] of docs.entries()) {
    if (i >= MAX_FULL_TEXT_PER_RUN || !/^https?:\/\//i.test(doc.url) || signal?.aborted) {
      out.push(doc);
      continue;
    }
    try {
      const res = await fetcher.fetch({
        url: doc.url,
        allowPrivate: source.allowPrivate,
        limits: { ...source.limits, retries: 0 },
        respectRobots: source.respectRobots,
        accept: HTML_ACCEPT,
        ...(signal ? { signal } : {}),
      });
      const article = extractArticle(decodeText(res.body, res.contentType).text, {
        ...(source.articleSelector ? { selector: source.articleSelector } : {}),
        defaultOffsetMinutes: source.utcOffsetMinutes,
      });
      out.push({
        ...doc,
        text: article.text.length > doc.text.length ? article.text : doc.text,
        ...(doc.publishedAt || !article.publishedAt ? {} : { publishedAt: article.publishedAt.toISOString() }),
        ...(doc.language || !article.language ? {} : { language: article.language }),
      });
    } catch (err) {
      const e = toTypedError(err);
      log.warn({ event: 'full_text_failed', url: doc.url, error_kind: e.kind, message: e.message }, 'full_text_failed');
      out.push(doc);
    }
  }
  return out;
}
