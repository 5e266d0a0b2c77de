const BASE = 'http://bonitor.invalid';

/**
 * Where to go after sign-in: a path on this site, or "/". Browsers drop tabs and line breaks
 * from URLs and read "\" as "/", so "/\t/evil.example" or "/\evil" would leave the site; CR/LF
 * would break the Location header. Anything with control characters, whitespace or a backslash
 * is refused; what is left is resolved like a browser would and kept only when it stays on
 * this origin, re-serialised (percent-encoded) so the header is always valid.
 */
export function sameSitePath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\\\s]/.test(next) || !next.startsWith('/') || next.startsWith('//')) return '/';
  // The same, percent-encoded: a proxy or a second decode must not turn it into a way off-site.
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(next) || /^\/%2f/i.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}
