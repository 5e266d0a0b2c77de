import Parser from 'rss-parser';
import { CollectError } from '../errors.js';
import { parseFeedDate } from './parse-date.js';
import { cleanTitle, htmlToText, resolveUrl } from './text.js';

/** One feed, whatever its format, in the shape the collectors work with. */
export interface ParsedFeed {
  title: string;
  link?: string;
  language?: string;
  items: FeedItem[];
}

export interface FeedItem {
  /** GUID / Atom id / JSON Feed id as given (not yet canonical). */
  guid?: string;
  /** Absolute http(s) link, resolved against the feed URL. */
  link?: string;
  title: string;
  /** Plain text of the richest body the item carries. */
  text: string;
  /** Plain text of the short description, when the item has one. */
  summary: string;
  publishedAt?: Date;
  author?: string;
}

export interface ParseFeedOptions {
  /** Where the feed came from: relative links resolve against it (when it is http(s)). */
  feedUrl?: string;
  /** Minutes east of UTC for dates without a zone. */
  defaultOffsetMinutes?: number;
}

type RawItem = Record<string, unknown>;

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: {
    feed: [['dc:language', 'dcLanguage']],
    item: [
      ['dc:date', 'dcDate'],
      ['a10:updated', 'a10Updated'],
      ['updated', 'updated'],
      ['published', 'published'],
      ['prism:publicationDate', 'prismDate'],
      ['description', 'description'],
    ],
  },
});

/** Pure: decoded feed text in, one normalised feed out. Throws CollectError('parse'). */
export async function parseFeed(text: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const body = stripPreamble(text);
  if (body.startsWith('{')) return parseJsonFeed(body, options);
  if (!body.startsWith('<')) throw new CollectError('parse', `not a feed: starts with ${JSON.stringify(body.slice(0, 20))}`);
  let raw: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    raw = await parser.parseString(body);
  } catch (err) {
    throw new CollectError('parse', `feed XML could not be parsed: ${firstLine(err)}`);
  }
  const base = /^https?:/i.test(options.feedUrl ?? '') ? options.feedUrl : str(raw.link);
  return {
    title: cleanTitle(str(raw.title)),
    link: resolveUrl(str(raw.link), options.feedUrl) ?? undefined,
    language: normaliseLanguage(str(raw.language) || str(raw.dcLanguage)),
    items: (raw.items ?? []).map((it) => toItem(it as RawItem, base, options.defaultOffsetMinutes ?? 0)),
  };
}

function toItem(it: RawItem, base: string | undefined, offset: number): FeedItem {
  const summaryHtml = str(it.summary) || str(it.description) || str(it.content);
  const bodyHtml = str(it['content:encoded']) || str(it.content) || summaryHtml;
  const dateText = str(it.pubDate) || str(it.published) || str(it.dcDate) || str(it.prismDate) || str(it.updated) || str(it.a10Updated);
  return {
    guid: str(it.guid) || str(it.id) || undefined,
    link: resolveUrl(str(it.link), base),
    title: cleanTitle(str(it.title)),
    text: htmlToText(bodyHtml),
    summary: htmlToText(summaryHtml),
    publishedAt: parseFeedDate(dateText, offset),
    author: cleanTitle(str(it.creator) || str(it.author)) || undefined,
  };
}

interface JsonFeed {
  title?: string;
  home_page_url?: string;
  language?: string;
  items?: Array<{
    id?: string | number;
    url?: string;
    external_url?: string;
    title?: string;
    content_html?: string;
    content_text?: string;
    summary?: string;
    date_published?: string;
    date_modified?: string;
    author?: { name?: string };
  }>;
}

function parseJsonFeed(body: string, options: ParseFeedOptions): ParsedFeed {
  let feed: JsonFeed;
  try {
    feed = JSON.parse(body) as JsonFeed;
  } catch (err) {
    throw new CollectError('parse', `JSON feed could not be parsed: ${firstLine(err)}`);
  }
  if (typeof feed !== 'object' || feed === null || !Array.isArray(feed.items)) {
    throw new CollectError('parse', 'JSON document is not a JSON Feed (no items array)');
  }
  const base = /^https?:/i.test(options.feedUrl ?? '') ? options.feedUrl : feed.home_page_url;
  return {
    title: cleanTitle(feed.title),
    link: resolveUrl(feed.home_page_url, base),
    language: normaliseLanguage(feed.language),
    items: feed.items.map((it) => ({
      guid: it.id === undefined ? undefined : String(it.id),
      link: resolveUrl(it.url ?? it.external_url, base),
      title: cleanTitle(it.title),
      text: it.content_text?.trim() || htmlToText(it.content_html) || htmlToText(it.summary),
      summary: htmlToText(it.summary) || '',
      publishedAt: parseFeedDate(it.date_published ?? it.date_modified, options.defaultOffsetMinutes ?? 0),
      author: it.author?.name,
    })),
  };
}

/** BOM and anything before the first tag (a newline before <?xml is a real-world classic). */
function stripPreamble(text: string): string {
  const t = text.replace(/^\uFEFF/, '');
  const lt = t.search(/[<{]/);
  return lt > 0 && /^\s*$/.test(t.slice(0, lt)) ? t.slice(lt) : t.trimStart();
}

/** rss-parser hands out strings, { _: text, $: attrs } objects or arrays; we want the text. */
function str(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o._ === 'string') return o._.trim();
    if (o.$ && typeof o.$ === 'object' && typeof (o.$ as Record<string, unknown>).href === 'string') {
      return String((o.$ as Record<string, unknown>).href);
    }
  }
  return '';
}

function normaliseLanguage(lang: string | undefined): string | undefined {
  const m = lang?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_]|$)/);
  return m?.[1];
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
