import { decodeEntities } from './entities.js';

const INVISIBLE = /<(script|style|noscript|iframe|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|pre|hr)\b[^>]*>/gi;
const TAG = /<\/?[A-Za-z][^>]*>/g;

/**
 * Markup → plain text. Titles in the wild carry <b>, entities and even double-escaped
 * entities ("&amp;eacute;"); bodies carry whole HTML documents. Scraped text is data,
 * never markup, from here on. Regex-based on purpose: this runs for every item.
 */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapse(html);
  const text = html.replace(INVISIBLE, '').replace(BLOCK, '\n').replace(TAG, '');
  return collapse(decodeLeftoverEntities(decodeEntities(text)));
}

/**
 * rss-parser already strips tags and decodes entities for every item (its "snippets"); reusing
 * that instead of converting the same HTML again keeps normalisation cheap. Script and style
 * blocks would leak their code into a snippet, so such HTML takes the full path.
 */
export function textFromSnippet(html: string, snippet: unknown): string {
  if (typeof snippet !== 'string' || /<(?:script|style|noscript|template)\b/i.test(html)) return htmlToText(html);
  return collapse(decodeLeftoverEntities(snippet));
}

/**
 * Sizes past which a field is cut when parsing. A real headline is under 300 characters and an
 * article rarely above 100,000; a 1 MB "title" is an attack or a broken feed, and uncapped it
 * would travel into every signal, check answer and mail that quotes it.
 */
export const TEXT_LIMITS = { titleChars: 500, summaryChars: 4_000, textChars: 200_000 } as const;

/** At most `max` characters, cut at a word boundary when one is near, with "…" when cut. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One line, without markup, at most TEXT_LIMITS.titleChars. */
export function cleanTitle(raw: string | undefined | null): string {
  // Only the head of an oversized title is converted (an unfinished tag at the cut is dropped).
  const head = raw && raw.length > TEXT_LIMITS.titleChars * 20 ? raw.slice(0, TEXT_LIMITS.titleChars * 20).replace(/<[^>]*$/, '') : raw;
  // One line: every whitespace run becomes one space, which is all collapse() would do here.
  const text = !head ? '' : /[<&]/.test(head) ? htmlToText(head) : head;
  return capText(text.replace(/\s+/g, ' ').trim(), TEXT_LIMITS.titleChars);
}

/** Summary and body text of an item capped at their limits. */
export function capBody(summary: string, text: string): { summary: string; text: string } {
  return { summary: capText(summary, TEXT_LIMITS.summaryChars), text: capText(text, TEXT_LIMITS.textChars) };
}

/** Some feeds escape twice: after one decode, "&eacute;" is still there. Decode once more. */
function decodeLeftoverEntities(s: string): string {
  return /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(s) ? decodeEntities(s) : s;
}

// Only runs and odd whitespace are rewritten: replacing every single space between words
// was most of the cost of normalising a long article body.
const SPACES = /[ \t\u00a0\r]{2,}|[\t\u00a0\r]/g;

/** Spaces collapsed, line breaks kept, at most one blank line (runs per item, so no callbacks). */
function collapse(s: string): string {
  // Patterns that start with a space try at every space of the text; the literal checks first
  // (a plain substring search) skip that work for the many texts that need none of it.
  const spaced = s.includes('  ') || ODD_SPACE.test(s) ? s.replace(SPACES, ' ') : s;
  if (!spaced.includes('\n')) return spaced.trim();
  // Every line break loses the single space beside it (runs of spaces are single by now), then
  // runs of three or more breaks become one blank line.
  return spaced.replaceAll('\n ', '\n').replaceAll(' \n', '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const ODD_SPACE = /[\t\u00a0\r]/;

/** Absolute http(s) URL for `href` relative to `base`, or undefined when it cannot be one. */
export function resolveUrl(href: string | undefined | null, base: string | undefined): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    // An absolute link (most are) needs no base: one URL parsed instead of two.
    const u = base && !/^https?:\/\//i.test(h) && /^https?:/i.test(base) ? new URL(h, base) : new URL(h);
    return /^https?:$/.test(u.protocol) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|wt_mc|at_medium|at_campaign)$/i;

/** The form two mentions of the same page share: lower-case host, no fragment, no tracking parameters. */
export function canonicalUrl(url: string): string {
  // Most links have no query or fragment: parsing once is enough.
  if (!/[?#]/.test(url)) {
    try {
      return new URL(url).toString();
    } catch {
      return url.trim();
    }
  }
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
