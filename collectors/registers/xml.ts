import { createRequire } from 'node:module';
import type * as Cheerio from 'cheerio';
import { CollectError } from '../errors.js';

/**
 * cheerio, loaded on the first XML to read: a check that asks no register (and every other
 * command that builds the register lookups) starts without it.
 */
let loaded: typeof Cheerio | undefined;
function cheerio(): typeof Cheerio {
  return (loaded ??= createRequire(import.meta.url)('cheerio') as typeof Cheerio);
}

/**
 * Register XML (SHAB, Gazette, EDGAR) read with cheerio in XML mode: tolerant of the
 * namespaces these publishers use, and every element name is matched as written.
 * A document without the expected root is a parse error, not an empty result.
 */
export function loadXml(text: string, expectRoot: RegExp, what: string): Cheerio.CheerioAPI {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('<')) throw new CollectError('parse', `${what}: not XML`);
  const $ = cheerio().load(body, { xml: true });
  const root = $.root().children().filter((_, el) => el.type === 'tag').first();
  const name = root.length ? (root.get(0) as { tagName?: string }).tagName ?? '' : '';
  if (!expectRoot.test(name)) throw new CollectError('parse', `${what}: unexpected root element <${name || '?'}>`);
  // htmlparser2 is lenient and closes what is missing; a cut-off download must not pass as a notice.
  if (!body.trimEnd().endsWith(`</${name}>`) && !/\/>\s*$/.test(body)) throw new CollectError('parse', `${what}: truncated (no closing </${name}>)`);
  return $;
}

/** Text of the first element matching a tag name that may contain a colon (escaped for CSS). */
export function tagSelector(name: string): string {
  return name.replace(/:/g, '\\:');
}
