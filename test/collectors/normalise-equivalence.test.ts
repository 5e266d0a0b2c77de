import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../collectors/parse/decode.js';
import { parseFeed } from '../../collectors/parse/parse-feed.js';
import { canonicalUrl, cleanTitle, htmlToText, resolveUrl } from '../../collectors/parse/text.js';
import { identityKey } from '../../collectors/document-id.js';

/** The whitespace rules as first written (three passes over the whole text), the reference for the faster one. */
function collapseAsFirstWritten(s: string): string {
  const spaces = /[ \t\u00a0\r]{2,}|[\t\u00a0\r]/g;
  if (!/[\r\n]/.test(s)) return s.replace(spaces, ' ').trim();
  return s
    .replace(spaces, ' ')
    .replace(/ ?\n(?: ?\n)+ ?/g, '\n\n')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** A deterministic stream of texts made of words and every kind of whitespace the rules treat. */
function* whitespaceTexts(count: number): Generator<string> {
  const pieces = ['Konkurs', 'AG', ' ', ' ', '  ', '\n', '\n', '\r\n', '\t', '\u00a0', ' \n ', '\n\n\n', 'é'];
  let seed = 7;
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + (i % 12);
    for (let k = 0; k < n; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      s += pieces[seed % pieces.length];
    }
    yield s;
  }
}

describe('normalisation made cheaper, same text', () => {
  it('collapses whitespace exactly as the three-pass rules did (5,000 generated texts)', () => {
    for (const s of whitespaceTexts(5_000)) expect(htmlToText(s), JSON.stringify(s)).toBe(collapseAsFirstWritten(s));
  });

  it('makes a title one line whatever whitespace it carries, markup or not', () => {
    expect(cleanTitle(' Konkurs\r\n der\u00a0 Muster\tAG ')).toBe('Konkurs der Muster AG');
    expect(cleanTitle('<b>Konkurs</b>\n&amp;  Nachlass')).toBe('Konkurs & Nachlass');
    expect(cleanTitle(undefined)).toBe('');
  });

  it('resolves absolute links without the base exactly as with it, and relative ones against it', () => {
    const base = 'https://www.example.ch/news/feed.xml';
    for (const href of ['https://WWW.Example.ch:443/a/../b?x=1#f', 'http://example.com', 'HTTPS://example.com/ä b']) {
      expect(resolveUrl(href, base)).toBe(new URL(href, base).toString());
    }
    expect(resolveUrl('/artikel/1', base)).toBe('https://www.example.ch/artikel/1');
    expect(resolveUrl('http:relative', base)).toBe(new URL('http:relative', base).toString());
    expect(resolveUrl('mailto:a@b.ch', base)).toBeUndefined();
  });

  it('gives a GUID equal to the resolved link the same identity as parsing it again would', async () => {
    const dir = path.join(import.meta.dirname, '../fixtures/collectors/feeds');
    let checked = 0;
    for (const file of readdirSync(dir)) {
      const feed = await parseFeed(decodeText(readFileSync(path.join(dir, file))).text, { feedUrl: 'https://feed.example/' }).catch(() => undefined);
      for (const item of feed?.items ?? []) {
        if (!item.link) continue;
        const asGuid = { ...item, guid: item.link };
        const expected = `url:${canonicalUrl(item.link)}`;
        expect(identityKey('s', asGuid), item.link).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('reads a windows-1252 body with and without UTF-8 runs in it', () => {
    const plain = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x20, 0x93, 0x41, 0x94]); // Müller € “A”
    expect(decodeText(plain, 'text/xml; charset=windows-1252').text).toBe('Müller € “A”');
    const mixed = Buffer.concat([plain, Buffer.from(' Zürich', 'utf8')]);
    expect(decodeText(mixed, 'text/xml; charset=iso-8859-1').text).toBe('Müller € “A” Zürich');
  });
});
