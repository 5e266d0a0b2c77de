import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CollectError } from '../../collectors/errors.js';
import { decodeText } from '../../collectors/parse/decode.js';
import { parseFeed } from '../../collectors/parse/parse-feed.js';
import { feedToDocuments } from '../../collectors/feed/feed-documents.js';
import { fixture, source } from './helpers.js';

const broken = (name: string) => readFileSync(fixture('broken', name));
const parseBytes = (bytes: Buffer, contentType?: string, feedUrl?: string) => parseFeed(decodeText(bytes, contentType).text, feedUrl ? { feedUrl } : {});

async function parseError(p: Promise<unknown>): Promise<CollectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CollectError) return err;
    throw err;
  }
  throw new Error('expected a CollectError');
}

describe('broken copies of real feeds', () => {
  it('truncated XML is a typed parse error', async () => {
    const err = await parseError(parseBytes(broken('truncated_de_heise-developer_2016.atom')));
    expect(err.kind).toBe('parse');
    expect(err.typed.retriable).toBe(false);
  });

  it('binary garbage and an HTML login page are typed parse errors', async () => {
    expect((await parseError(parseBytes(broken('not-xml_garbage.rss')))).kind).toBe('parse');
    expect((await parseError(parseBytes(broken('html-instead-of-feed.rss')))).kind).toBe('parse');
  });

  it('declared UTF-8 but Latin-1 bytes: falls back to windows-1252 and keeps the umlauts', async () => {
    const d = decodeText(broken('declared-utf8_bytes-latin1_de_golem.rss'));
    expect(d).toMatchObject({ encoding: 'windows-1252', from: 'fallback' });
    const feed = await parseFeed(d.text);
    expect(feed.items[0]!.text).toContain('Viele Spieler wünschen sich');
  });

  it('declared ISO-8859-1 but UTF-8 bytes: no mojibake', async () => {
    const feed = await parseBytes(broken('declared-latin1_bytes-utf8_de_heise-developer.atom'));
    expect(feed.title).toBe('heise developer neueste Meldungen');
    expect(feed.items.map((i) => i.text).join(' ')).toContain('für');
    expect(feed.items.map((i) => i.title + i.text).join(' ')).not.toMatch(/Ã[\u0080-\u00BF¤¶¼]/);
  });

  it('declared UTF-16 on single-byte content is ignored', async () => {
    const feed = await parseBytes(broken('declared-utf16_bytes-utf8_de_heise-developer.atom'));
    expect(feed.items).toHaveLength(15);
  });

  it('reads UTF-16 LE with BOM, UTF-16 BE without BOM and UTF-8 with BOM', async () => {
    for (const f of ['utf16le-bom_en_bbc-news.rss', 'utf16be-nobom_en_bbc-news.rss', 'utf8-bom_en_bbc-news.rss']) {
      const feed = await parseBytes(broken(f));
      expect(feed.title, f).toBe('In Our Time');
      expect(feed.items[0]!.title, f).toBe('Marcus Aurelius');
    }
  });

  it('reads <rss> without a version attribute as RSS 2.0', async () => {
    const feed = await parseBytes(Buffer.from('<rss><channel><title>T</title><item><title>A</title><link>https://a.example/1</link></item></channel></rss>'));
    expect(feed.items.map((i) => i.link)).toEqual(['https://a.example/1']);
  });

  it('the HTTP charset wins over the prolog', async () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Caf\xe9</title></channel></rss>', 'latin1');
    expect(decodeText(bytes, 'application/rss+xml; charset=ISO-8859-1')).toMatchObject({ from: 'header' });
    expect((await parseBytes(bytes, 'text/xml; charset="iso-8859-1"')).title).toBe('Café');
  });
});

describe('real-world quirks (synthetic_quirks.rss, windows-1252)', () => {
  const src = source({ id: 'quirks', url: 'https://news.example.ch/feeds/rss.xml' });
  const load = () => parseBytes(broken('synthetic_quirks.rss'), undefined, 'https://news.example.ch/feeds/rss.xml');

  it('cleans CDATA markup and entities out of titles', async () => {
    const feed = await load();
    expect(feed.title).toBe('Quirks & Co');
    expect(feed.items[0]!.title).toBe('Muster AG & Partner: Konkurs\u00aderöffnung');
    expect(feed.items[0]!.text).toBe('Das Konkursamt hat "Muster AG" gemeldet.');
    expect(feed.items[2]!.text).toBe('Date sans fuseau horaire, “guillemets”.');
  });

  it('resolves relative links against the feed URL', async () => {
    const feed = await load();
    expect(feed.items[0]!.link).toBe('https://news.example.ch/artikel/muster-ag-konkurs?utm_source=rss#top');
    expect(feed.items[2]!.link).toBe('https://news.example.ch/fr/faillite-exemple');
  });

  it('parses German and French RFC 822 dates, and dates without a zone', async () => {
    const feed = await load();
    expect(feed.items.map((i) => i.publishedAt?.toISOString())).toEqual([
      '2025-03-03T13:05:00.000Z',
      '2025-03-03T13:05:00.000Z',
      '2025-02-04T09:30:00.000Z',
      '2025-02-05T08:00:00.000Z',
      '2025-02-05T10:15:00.000Z',
    ]);
    const cet = await parseFeed(decodeText(broken('synthetic_quirks.rss')).text, { defaultOffsetMinutes: 60 });
    expect(cet.items[2]!.publishedAt?.toISOString()).toBe('2025-02-04T08:30:00.000Z');
  });

  it('merges duplicate items (same canonical link) and gives stable ids without GUID or link', async () => {
    const docs = feedToDocuments(await load(), src, new Date('2026-01-01T00:00:00Z'));
    expect(docs.map((d) => d.title)).toEqual([
      'Muster AG & Partner: Konkurs\u00aderöffnung',
      'Faillite de Exemple SA',
      'Zahlungsverzug bei Beispiel GmbH',
      'Ohne Link, ohne GUID',
    ]);
    const again = feedToDocuments(await load(), src, new Date('2027-01-01T00:00:00Z'));
    expect(again.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(docs[0]!.language).toBe('de');
    // No link: the document points at the feed's site.
    expect(docs[3]!.url).toBe('https://news.example.ch/');
  });
});
