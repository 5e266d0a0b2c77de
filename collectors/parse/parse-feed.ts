import Parser from 'rss-parser';
import { CollectError, jsonErrorSummary } from '../errors.js';
import { parseFeedDate } from './parse-date.js';
import { capBody, cleanTitle, htmlToText, resolveUrl, textFromSnippet } from './text.js';

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
  /** RSS <category> values (register feeds put the rubric there, e.g. SHAB "KK01"). */
  categories?: string[];
}

export interface ParseFeedOptions {
  /** Where the feed came from: relative links resolve against it (when it is http(s)). */
  feedUrl?: string;
  /** Minutes east of UTC for dates without a zone. */
  defaultOffsetMinutes?: number;
}

type RawItem = Record<string, unknown>;

const parser = new Parser<Record<string, unknown>, RawItem>({
  // <rss> without a version attribute is common enough; read it as RSS 2.0.
  defaultRSS: 2,
  customFields: {
    feed: [['dc:language', 'dcLanguage']] as never,
    // rss-parser already maps dc:date → date, Atom published/updated → pubDate, description → content.
    item: [
      ['a10:updated', 'a10Updated'],
      ['prism:publicationDate', 'prismDate'],
    ],
  },
});

/** Pure: decoded feed text in, one normalised feed out. Throws CollectError('parse'). */
export async function parseFeed(text: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const body = stripPreamble(text);
  if (body.startsWith('{')) return parseJsonFeed(body, options);
  // The message never quotes the body: a wrong file must not end up in the stored error.
  if (!body.startsWith('<')) throw new CollectError('parse', `not a feed: neither XML nor JSON (${body.trim() === '' ? 'empty' : `${body.length} characters of other text`})`);
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
    items: (raw.items ?? []).map((it) => toItem(it as RawItem, base, options.defaultOffsetMinutes ?? 0)).filter(hasContent),
  };
}

function toItem(it: RawItem, base: string | undefined, offset: number): FeedItem {
  const content = str(it.content);
  const encoded = str(it['content:encoded']);
  const summaryHtml = str(it.summary) || content;
  const bodyHtml = encoded || content || summaryHtml;
  const summary = itemText(summaryHtml, it, content, encoded);
  // Most items carry one body; converting it twice was a measurable share of the run.
  const body = capBody(summary, bodyHtml === summaryHtml ? summary : itemText(bodyHtml, it, content, encoded));
  const dateText = str(it.pubDate) || str(it.date) || str(it.prismDate) || str(it.a10Updated);
  return {
    guid: str(it.guid) || str(it.id) || undefined,
    link: resolveUrl(str(it.link), base),
    title: cleanTitle(str(it.title)),
    ...body,
    publishedAt: parseFeedDate(dateText, offset),
    author: cleanTitle(str(it.creator) || str(it.author)) || undefined,
    ...categoriesOf(it.categories),
  };
}

/** Plain text of one of an item's HTML fields, from rss-parser's snippet of it when there is one. */
function itemText(html: string, it: RawItem, content: string, encoded: string): string {
  if (html === '') return '';
  if (html === content) return textFromSnippet(html, it.contentSnippet);
  if (html === encoded) return textFromSnippet(html, it['content:encodedSnippet']);
  return htmlToText(html);
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
    throw new CollectError('parse', `JSON feed could not be parsed: ${jsonErrorSummary(err)}`);
  }
  if (typeof feed !== 'object' || feed === null || !Array.isArray(feed.items)) {
    throw new CollectError('parse', 'JSON document is not a JSON Feed (no items array)');
  }
  const base = /^https?:/i.test(options.feedUrl ?? '') ? options.feedUrl : feed.home_page_url;
  return {
    title: cleanTitle(feed.title),
    link: resolveUrl(feed.home_page_url, base),
    language: normaliseLanguage(feed.language),
    items: feed.items
      .map((it) => ({
      guid: it.id === undefined ? undefined : String(it.id),
      link: resolveUrl(it.url ?? it.external_url, base),
      title: cleanTitle(it.title),
      ...capBody(htmlToText(it.summary) || '', it.content_text?.trim() || htmlToText(it.content_html) || htmlToText(it.summary)),
      publishedAt: parseFeedDate(it.date_published ?? it.date_modified, options.defaultOffsetMinutes ?? 0),
      author: it.author?.name,
      }))
      .filter(hasContent),
  };
}

function categoriesOf(v: unknown): { categories?: string[] } {
  if (!Array.isArray(v) || v.length === 0) return {};
  const list = v.map((c) => cleanTitle(str(c))).filter(Boolean);
  return list.length > 0 ? { categories: list } : {};
}

/** Real feeds contain empty <item/>s (Le Cercle Psy); they are not documents. */
function hasContent(item: FeedItem): boolean {
  return item.title !== '' || item.link !== undefined || item.text !== '';
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
