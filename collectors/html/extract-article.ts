import { load, type CheerioAPI } from 'cheerio';
// Type-only: cheerio's node types come from domhandler (a cheerio dependency); nothing is loaded at run time.
import type { AnyNode, Element } from 'domhandler';
import { parseFeedDate } from '../parse/parse-date.js';
import { cleanTitle } from '../parse/text.js';

export interface ExtractedArticle {
  title: string;
  publishedAt?: Date;
  /** Main text: paragraphs separated by blank lines, without navigation, ads or comments. */
  text: string;
  language?: string;
}

export interface ExtractOptions {
  /** CSS selector of the article body when the heuristics pick the wrong block. */
  selector?: string;
  defaultOffsetMinutes?: number;
}

const NOISE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'form', 'button', 'nav', 'aside', 'footer', 'header:not(article header)', 'figure figcaption',
  '[role="navigation"]', '[role="banner"]', '[role="complementary"]', '[role="contentinfo"]', '[aria-hidden="true"]', '[hidden]',
].join(', ');
const NOISE_NAME = /(^|[\s_-])(comment|comments|disqus|advert|ads?|adslot|sponsor|promo|newsletter|share|sharing|social|related|recommend|outbrain|taboola|cookie|consent|paywall|subscribe|breadcrumb|sidebar|footer|masthead|menu|nav|teaser-list|most-read|popular)([\s_-]|$)/i;

// Page skeleton elements are never noise, whatever their class says ("js-social-anchor" on <main>).
const STRUCTURAL = new Set(['html', 'body', 'main', 'article']);

/** Pure: article page HTML → title, published date and main text. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const $ = load(html);
  const ld = readJsonLd($);
  const title = pickTitle($, ld);
  const publishedAt = pickDate($, ld, options.defaultOffsetMinutes ?? 0);
  const language = $('html').attr('lang')?.toLowerCase().match(/^[a-z]{2,3}/)?.[0];
  const text = options.selector ? textOf($, $(options.selector).toArray() as Element[]) : mainText($) || cleanText(ld.articleBody ?? '');
  return { title, text, ...(publishedAt ? { publishedAt } : {}), ...(language ? { language } : {}) };
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  articleBody?: string;
}

/** The first schema.org Article-like object in any JSON-LD block (also inside @graph and arrays). */
function readJsonLd($: CheerioAPI): JsonLdArticle {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text().trim());
    } catch {
      continue;
    }
    const found = findArticle(data);
    if (found) return found;
  }
  return {};
}

function findArticle(node: unknown): JsonLdArticle | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findArticle(n);
      if (f) return f;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Record<string, unknown>;
  const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
  if (type.some((t) => /Article|BlogPosting|Report|NewsArticle/.test(t))) {
    return {
      ...(typeof o.headline === 'string' ? { headline: o.headline } : {}),
      ...(typeof o.datePublished === 'string' ? { datePublished: o.datePublished } : {}),
      ...(typeof o.articleBody === 'string' ? { articleBody: o.articleBody } : {}),
    };
  }
  return findArticle(o['@graph']);
}

function pickTitle($: CheerioAPI, ld: JsonLdArticle): string {
  const candidates = [
    $('meta[property="og:title"]').attr('content'),
    ld.headline,
    $('meta[name="twitter:title"]').attr('content'),
    $('article h1').first().text(),
    $('h1').first().text(),
    $('title').first().text(),
  ];
  const site = cleanTitle($('meta[property="og:site_name"]').attr('content'));
  for (const c of candidates) {
    const t = cleanTitle(c);
    if (t) return site ? stripSiteName(t, site) : t;
  }
  return '';
}

/** "Headline - BBC News" → "Headline" (only the site's own name, only at an edge). */
function stripSiteName(title: string, site: string): string {
  const esc = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[-|–—:]\\s+${esc}$`, 'i'), '').replace(new RegExp(`^${esc}\\s+[-|–—:]\\s+`, 'i'), '');
  return stripped || title;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[property="og:published_time"]',
];

function pickDate($: CheerioAPI, ld: JsonLdArticle, offset: number): Date | undefined {
  for (const sel of DATE_META) {
    const d = parseFeedDate($(sel).attr('content'), offset);
    if (d) return d;
  }
  const fromLd = parseFeedDate(ld.datePublished, offset);
  if (fromLd) return fromLd;
  for (const el of $('[itemprop="datePublished"], article time[datetime], time[pubdate], time[datetime]').toArray()) {
    const $el = $(el);
    const d = parseFeedDate($el.attr('datetime') ?? $el.attr('content') ?? $el.text(), offset);
    if (d) return d;
  }
  return undefined;
}

/**
 * The block with the most paragraph text wins (the idea behind Readability, much simplified):
 * every <p> gives its text length to its parent and half to its grandparent; link-heavy
 * paragraphs count little. Noise (nav, ads, comments…) is removed first.
 */
function mainText($: CheerioAPI): string {
  const root = $('body').length ? $('body') : $('html');
  root.find(NOISE).remove();
  root.find('[class], [id]').each((_, el) => {
    const e = el as Element;
    const name = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`;
    if (STRUCTURAL.has(e.tagName) || /article|content|story|body|main|post|entry|text/i.test(name)) return;
    if (NOISE_NAME.test(name)) $(el).remove();
  });
  const scores = new Map<AnyNode, number>();
  root.find('p, pre, blockquote, li').each((_, el) => {
    const $p = $(el);
    const text = $p.text().trim();
    if (text.length < 25) return;
    const linkText = $p.find('a').text().length;
    const score = text.length * (1 - Math.min(1, linkText / text.length));
    const parent = el.parent;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parent;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  });
  let best: AnyNode | undefined;
  let bestScore = 0;
  for (const [node, score] of scores) {
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  if (!best) return cleanText(root.text());
  return best.type === 'tag' ? textOf($, withSimilarBlocks($, best as Element, scores)) : textOf($, [best as Element]);
}

/**
 * Articles split into several blocks (the Telegraph's "component-content" divs) leave the
 * best block with only part of the text. Blocks with the same tag and class inside the same
 * <article> (or the same great-grandparent) are parts of it, in document order.
 */
function withSimilarBlocks($: CheerioAPI, best: Element, scores: Map<AnyNode, number>): Element[] {
  const cls = best.attribs?.class;
  if (!cls) return [best];
  const scope = $(best).closest('article').get(0) ?? best.parent?.parent?.parent;
  if (!scope) return [best];
  const similar = $(scope)
    .find(best.tagName)
    .toArray()
    .filter((el) => el.attribs.class === cls && (scores.get(el) ?? 0) > 0);
  return similar.length > 0 ? similar : [best];
}

function textOf($: CheerioAPI, elements: Element[]): string {
  const parts: string[] = [];
  for (const el of elements) {
    const blocks = $(el).find('p, h2, h3, h4, pre, blockquote, li').toArray();
    if (blocks.length === 0) parts.push($(el).text());
    const set = new Set<AnyNode>(blocks);
    for (const b of blocks) {
      // Nested blocks (li > p, blockquote > p) would otherwise be counted twice.
      let up = b.parent;
      while (up && up !== el && !set.has(up)) up = up.parent;
      if (up && up !== el) continue;
      parts.push($(b).text());
    }
  }
  return cleanText(parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n'));
}

function cleanText(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}
