import { load } from 'cheerio';

/**
 * Markup → plain text. Titles in the wild carry <b>, entities and even double-escaped
 * entities ("&amp;eacute;"); bodies carry whole HTML documents. Scraped text is data,
 * never markup, from here on.
 */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapse(html);
  const withBreaks = html.replace(/<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|pre)\b[^>]*>/gi, '\n');
  const $ = load(withBreaks, null, false);
  $('script, style, noscript, iframe, template').remove();
  return collapse(decodeLeftoverEntities($.root().text()));
}

/** One line: titles never contain line breaks or markup. */
export function cleanTitle(raw: string | undefined | null): string {
  return htmlToText(raw).replace(/\s+/g, ' ').trim();
}

/** Some feeds escape twice: after one decode, "&eacute;" is still there. Decode once more. */
function decodeLeftoverEntities(s: string): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(s)) return s;
  return load(s.replace(/</g, '&lt;'), null, false).root().text();
}

function collapse(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Absolute http(s) URL for `href` relative to `base`, or undefined when it cannot be one. */
export function resolveUrl(href: string | undefined | null, base: string | undefined): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    const u = base && /^https?:/i.test(base) ? new URL(h, base) : new URL(h);
    return /^https?:$/.test(u.protocol) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|wt_mc|at_medium|at_campaign)$/i;

/** The form two mentions of the same page share: lower-case host, no fragment, no tracking parameters. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    return u.toString().replace(/\?$/, '');
  } catch {
    return url.trim();
  }
}
