import { load } from 'cheerio';
import type { HtmlSelectors } from '../../platform/config/sources.js';
import { CollectError } from '../errors.js';
import { findDateInText } from '../parse/parse-date.js';
import type { FeedItem, ParsedFeed } from '../parse/parse-feed.js';
import { cleanTitle, htmlToText, resolveUrl } from '../parse/text.js';

/**
 * Pure: a list page (news overview, press releases, a register's result list) described by
 * CSS selectors → the same ParsedFeed shape a feed gives, so the rest of the pipeline is shared.
 */
export function parseListPage(html: string, pageUrl: string, selectors: HtmlSelectors, defaultOffsetMinutes = 0): ParsedFeed {
  const $ = load(html);
  let items: ReturnType<typeof $>;
  try {
    items = $(selectors.item);
  } catch (err) {
    throw new CollectError('config', `invalid item selector "${selectors.item}": ${(err as Error).message}`);
  }
  const base = /^https?:/i.test(pageUrl) ? pageUrl : undefined;
  const out: FeedItem[] = [];
  items.each((_, el) => {
    const $el = $(el);
    const pick = (sel: string | undefined) => (sel ? $el.find(sel).first() : undefined);
    const linkEl = pick(selectors.link) ?? ($el.is('a[href]') ? $el : $el.find('a[href]').first());
    const titleEl = pick(selectors.title) ?? linkEl;
    const dateEl = pick(selectors.date);
    const summaryEl = pick(selectors.summary);
    const dateText = dateEl?.attr('datetime') ?? dateEl?.attr('content') ?? dateEl?.text();
    const summary = summaryEl ? htmlToText(summaryEl.html() ?? '') : '';
    const publishedAt = findDateInText(dateText, defaultOffsetMinutes);
    const link = resolveUrl(linkEl?.attr('href'), base);
    const title = cleanTitle(titleEl?.text());
    if (!title && !link) return;
    out.push({ title, text: summary, summary, ...(link ? { link } : {}), ...(publishedAt ? { publishedAt } : {}) });
  });
  const lang = $('html').attr('lang')?.toLowerCase().match(/^[a-z]{2,3}/)?.[0];
  return { title: cleanTitle($('title').first().text()), ...(base ? { link: base } : {}), ...(lang ? { language: lang } : {}), items: out };
}
