import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher, parseFeedInput } from '../../collectors/index.js';
import { silentLogger } from '../../platform/log.js';
import { fixture } from './helpers.js';
import { startServer, type LocalServer } from './local-server.js';

const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
let server: LocalServer | undefined;
afterEach(async () => server?.close());

describe('parseFeedInput (for `bonitor feed parse`)', () => {
  it('prints feed and items with ISO dates in UTC or null', async () => {
    const r = await parseFeedInput(fixture('feeds', 'de_heise-newsticker_rss090.rdf'), { fetcher });
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    expect(r.feed).toEqual({ title: 'heise online News', link: 'https://www.heise.de/newsticker/', language: null });
    expect(r.items).toHaveLength(60);
    expect(r.items[0]).toMatchObject({ title: 'OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen', publishedAt: null });
    const golem = await parseFeedInput(fixture('feeds', 'de_golem_iso-8859-1.rss'), { fetcher });
    expect('items' in golem && golem.items[0]!.publishedAt).toBe('2018-10-28T12:48:00.000Z');
  });

  it('gives a one-line error for a broken input and never hangs on a slow one', async () => {
    const bad = await parseFeedInput(fixture('broken', 'truncated_de_heise-developer_2016.atom'), { fetcher });
    expect(bad).toMatchObject({ error: expect.stringMatching(/^parse: feed XML could not be parsed: [^\n]+$/) });
    server = await startServer((_rq, res) => {
      res.writeHead(200);
      res.write('<rss>');
    });
    const started = Date.now();
    const slow = await parseFeedInput(`${server.url}/slow`, { fetcher, timeoutMs: 300, allowPrivate: true });
    expect(slow).toMatchObject({ error: expect.stringMatching(/^timeout: /) });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
