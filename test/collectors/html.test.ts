import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../collectors/html/extract-article.js';
import { parseListPage } from '../../collectors/html/parse-list-page.js';
import { decodeText } from '../../collectors/parse/decode.js';
import { collectSource, createFetcher } from '../../collectors/index.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { fixture, MemorySeen, recorder, source } from './helpers.js';
import { startServer, type LocalServer } from './local-server.js';

const page = (...p: string[]) => decodeText(readFileSync(fixture('html', ...p))).text;
const words = (s: string) => s.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-words recall (expected words we found) and precision (our words that are expected). */
function overlap(got: string, expected: string) {
  const bag = new Map<string, number>();
  for (const w of words(expected)) bag.set(w, (bag.get(w) ?? 0) + 1);
  let hit = 0;
  const g = words(got);
  for (const w of g) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(w, n - 1);
    }
  }
  return { recall: hit / words(expected).length, precision: hit / Math.max(1, g.length) };
}

describe('article extraction on the Readability test pages', () => {
  for (const name of readdirSync(fixture('html', 'readability'))) {
    it(`extracts title, date and main text of ${name}`, () => {
      const meta = JSON.parse(readFileSync(fixture('html', 'readability', name, 'expected-metadata.json'), 'utf8')) as { title: string; publishedTime: string | null };
      const expectedText = load(readFileSync(fixture('html', 'readability', name, 'expected.html'), 'utf8')).text();
      const a = extractArticle(page('readability', name, 'source.html'));
      expect(a.title.replace(/\s+/g, ' ')).toBe(meta.title.replace(/\s+/g, ' '));
      if (meta.publishedTime) expect(a.publishedAt?.getTime()).toBe(new Date(meta.publishedTime.replace(' ', 'T').replace(/\.0+$/, 'Z')).getTime());
      const o = overlap(a.text, expectedText);
      expect(o.recall, `recall ${name}`).toBeGreaterThan(0.9);
      expect(o.precision, `precision ${name}`).toBeGreaterThan(0.95);
    });
  }

  it('reads dates from meta tags, JSON-LD and <time>', () => {
    expect(extractArticle(page('readability', 'bbc-1', 'source.html')).publishedAt?.toISOString()).toBe('2015-07-24T04:36:09.000Z');
    const ld = '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Muster AG insolvent","datePublished":"2025-03-03T14:05:00+01:00"}]}</script></head><body><p>x</p></body></html>';
    expect(extractArticle(ld)).toMatchObject({ title: 'Muster AG insolvent', publishedAt: new Date('2025-03-03T13:05:00Z') });
    const time = '<html><body><article><h1>T</h1><time datetime="2024-10-01T08:00:00Z">1. Oktober</time><p>Some article text that is long enough to count.</p></article></body></html>';
    expect(extractArticle(time).publishedAt?.toISOString()).toBe('2024-10-01T08:00:00.000Z');
  });

  it('drops navigation, ads and comments', () => {
    const html = `<html><body><nav><p>Home News Sport Weather and a long navigation line</p></nav>
      <div class="ad-slot"><p>Buy now! An advertisement text long enough to be a paragraph.</p></div>
      <article><h1>Muster AG</h1><p>Das Konkursamt Zürich hat über die Muster AG den Konkurs eröffnet.</p><p>Die Gläubiger werden aufgefordert, ihre Forderungen anzumelden.</p></article>
      <section id="comments"><p>Great article, I always knew they would go bankrupt one day!</p></section></body></html>`;
    expect(extractArticle(html).text).toBe('Das Konkursamt Zürich hat über die Muster AG den Konkurs eröffnet.\n\nDie Gläubiger werden aufgefordert, ihre Forderungen anzumelden.');
  });

  it('matches the newspaper ground truth for Reuters and Bloomberg', () => {
    for (const f of ['reuters.com1', 'bloomberg.com1']) {
      const a = extractArticle(page('newspaper', `${f}.html`));
      const o = overlap(a.text, readFileSync(fixture('html', 'newspaper', `${f}.expected.txt`), 'utf8'));
      expect(o.recall, f).toBeGreaterThan(0.85);
      expect(o.precision, f).toBeGreaterThan(0.95);
    }
  });

  it('extracts German and French pages (FAZ, Le Monde)', () => {
    const faz = extractArticle(page('trafilatura', 'faz.net.streaming.html'));
    expect(faz.title).toBe('Nutzerbasierte Abrechnung: Musik-Stars fordern neues Streaming-Modell');
    expect(faz.text).toContain('Helene Fischer, Rammstein oder Sarah Connor');
    const lemonde = extractArticle(page('picofeed', 'html_scraper_lemonde.html'));
    expect(lemonde.text.startsWith("Il a suffi d'un vote.")).toBe(true);
  });
});

describe('list pages with CSS selectors', () => {
  it('reads the Reuters showcase module as items with absolute links and summaries', () => {
    const html = page('newspaper', 'reuters.com1.html');
    const list = parseListPage(html, 'http://in.reuters.com/article/2014/12/30/markets-india-stocks-idINKBN0K80AY20141230', {
      item: 'div[name="biz showcase"] .feature',
      title: 'h2 a',
      link: 'h2 a',
      summary: 'p',
    });
    expect(list.items).toHaveLength(10);
    expect(list.items[0]).toMatchObject({
      title: 'Factory Activity',
      link: 'http://in.reuters.com/article/2015/01/02/global-economy-idINKBN0KB0JH20150102',
      summary: 'Weak factory reports from Asia, Europe suggest more central bank action Full Article',
    });
  });

  it('reads the date of a Handelsregister notice and honours the live <meta charset> over a commented one', () => {
    const bytes = readFileSync(fixture('registers', 'de_handelsregister-bekanntmachung_HRB731772_Ulm_2015.html'));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    const list = parseListPage(decoded.text, 'https://www.handelsregisterbekanntmachungen.de/skripte/hrb.php', { item: 'table', title: 'u', date: 'td[align=right] nobr', summary: 'tr:last-child td' }, 60);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: 'Amtsgericht Ulm Aktenzeichen: HRB 731772', publishedAt: new Date('2015-02-16T14:14:00Z') });
    expect(list.items[0]!.summary).toContain('Reiter-Dienstleistungs UG (haftungsbechränkt), Bopfingen');
  });
});

describe('full text for teaser feeds, over HTTP', () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it('fetches each new item page once and keeps the article text', async () => {
    const articles: Record<string, string> = { '/a/bbc': page('readability', 'bbc-1', 'source.html'), '/a/heise': page('readability', 'heise', 'source.html') };
    server = await startServer((rq, res) => {
      if (rq.url === '/feed') {
        const base = `http://127.0.0.1:${server!.port}`;
        const items = Object.keys(articles).map((p) => `<item><title>${p}</title><link>${base}${p}</link><description>teaser</description></item>`).join('');
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}<item><title>gone</title><link>${base}/a/missing</link><description>teaser only</description></item></channel></rss>`);
      }
      const body = articles[rq.url ?? ''];
      if (body) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      else res.writeHead(404).end();
    });
    const rec = recorder();
    const seen = new MemorySeen();
    const deps = { seen, publish: rec.publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', fetcher: createFetcher({ userAgent: 'Bonitor/test', log: silentLogger }) };
    const src = source({ id: 'teasers', url: `${server.url}/feed`, allowPrivate: true, respectRobots: false, fetchFullText: true, limits: { minIntervalMs: 0, retries: 0 } });
    const r = await collectSource(src, deps);
    expect(r).toMatchObject({ fetched: 3, published: 3 });
    const bbc = rec.published.find((d) => d.url.endsWith('/a/bbc'))!;
    expect(bbc.text).toContain('common sense gun safety laws');
    expect(bbc.publishedAt).toBe('2015-07-24T04:36:09.000Z');
    expect(rec.published.find((d) => d.url.endsWith('/a/heise'))!.text).toContain('TOTP');
    expect(rec.published.find((d) => d.url.endsWith('/a/missing'))!.text).toBe('teaser only');

    await collectSource(src, deps);
    expect(server.requests.filter((q) => q.path === '/a/bbc')).toHaveLength(1);
  });
});
