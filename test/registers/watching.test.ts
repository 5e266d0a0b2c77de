import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSource, MemorySourceHealthRepo } from '../../collectors/index.js';
import { deriveWatchSources, newsQuery } from '../../collectors/watch/derive-sources.js';
import { sectionOfCode } from '../../platform/schemas/nace.js';
import { openApp, type App } from '../../app/compose.js';
import { importWatchlist } from '../../app/watchlist.js';
import { loadConfig } from '../../platform/config/load.js';
import { sourceSchema } from '../../platform/config/sources.js';
import { watchingSchema } from '../../platform/config/watching.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { parseWatchlistCsv } from '../../analysis/linking/index.js';
import { TOPICS, type Document } from '../../platform/schemas/index.js';
import { fixture, MemorySeen, recorder } from '../collectors/helpers.js';
import { startServer } from '../collectors/local-server.js';
import { runBonitor } from '../e2e/process.js';
import { tempDir } from '../helpers.js';

const WATCHLIST = `customer_id,name,aliases,register_ids,country,industry,tags
rysaffe,Rysaffe Administrateurs Sàrl,Rysaffe,CHE-114.723.217,CH,70,ch
candour,Candour Group Limited,,08957400,UK,68,uk
apple,Apple Inc.,,CIK 320193,US,26,us
reiter,Reiter-Dienstleistungs UG,,HRB 731772 Ulm,DE,81,de
`;
const customers = () => parseWatchlistCsv(WATCHLIST).customers;
const on = watchingSchema.parse({ enabled: true });

describe('watching derived from the watchlist', () => {
  it('derives news in each country language, register feeds by register id and sector news, with stable ids and real URLs', () => {
    const derived = deriveWatchSources(customers(), on);
    const ids = derived.map((d) => d.source.id);
    expect(ids).toEqual(expect.arrayContaining([
      'watch-news-rysaffe-de-ch', 'watch-news-rysaffe-fr-ch', 'watch-news-rysaffe-it-ch',
      'watch-news-candour-en-gb', 'watch-news-apple-en-us', 'watch-news-reiter-de-de',
      'watch-shab-kk', 'watch-shab-sb', 'watch-shab-na', 'watch-shab-hr',
      'watch-gazette-insolvency',
      'watch-edgar-8k-0000320193',
      'watch-sector-m-de-ch', 'watch-sector-l-en-gb', 'watch-sector-n-de-de',
    ]));
    expect(new Set(ids).size).toBe(ids.length);
    const news = derived.find((d) => d.source.id === 'watch-news-rysaffe-fr-ch')!.source;
    expect(news.url).toBe('https://news.google.com/rss/search?q=%22Rysaffe%20Administrateurs%22%20OR%20%22Rysaffe%22&hl=fr&gl=CH&ceid=CH:fr');
    expect(derived.find((d) => d.source.id === 'watch-news-candour-en-gb')!.source.url).toContain('hl=en-GB&gl=GB&ceid=GB:en');
    expect(derived.find((d) => d.source.id === 'watch-edgar-8k-0000320193')!.source).toMatchObject({ kind: 'edgar', documentKind: 'register' });
    for (const d of derived) expect(() => sourceSchema.parse(d.source)).not.toThrow();
    // Same watchlist, same sources: health and seen items carry over.
    expect(deriveWatchSources(customers(), on).map((d) => d.source)).toEqual(derived.map((d) => d.source));
    expect(deriveWatchSources(customers(), watchingSchema.parse({}))).toEqual([]);
  });

  it('builds the search from names without legal form, and reads NACE codes', () => {
    expect(newsQuery(customers()[1]!)).toBe('"Candour Group"');
    expect(sectionOfCode('4321')).toBe('F');
    expect(sectionOfCode('K')).toBe('K');
    expect(sectionOfCode('')).toBeUndefined();
  });

  it('every derived kind reads the real captures its URL shape serves', async () => {
    const files: Record<string, [string, string]> = {
      '/rss/search': [fixture('feeds', 'en_google-news-top-stories_2022.rss'), 'application/rss+xml'],
      '/api/v1/publications?': [fixture('shab-list', 'publications.json'), 'application/json'],
      '/api/v1/publications/de8f0150-4c89-4374-8c39-31c6fc9fa661/xml': [fixture('shab-list', 'de8f0150-4c89-4374-8c39-31c6fc9fa661.xml'), 'application/xml'],
      '/api/v1/publications/8fcb78c0-ba7f-473c-95fa-6be54a3f28b4/xml': [fixture('shab-list', '8fcb78c0-ba7f-473c-95fa-6be54a3f28b4.xml'), 'application/xml'],
      '/insolvency/notice/data.feed': [fixture('registers', 'uk_gazette_notice-feed_sample.atom'), 'application/atom+xml'],
      '/cgi-bin/browse-edgar': [fixture('registers', 'us_edgar_getcompany_AAPL.atom'), 'application/atom+xml; charset=ISO-8859-1'],
    };
    const server = await startServer((req, res) => {
      const key = Object.keys(files).find((k) => req.url!.startsWith(k));
      if (!key) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': files[key]![1] }).end(readFileSync(files[key]![0]));
    });
    try {
      const picked = deriveWatchSources(customers(), on).filter((d) => ['watch-news-rysaffe-de-ch', 'watch-shab-kk', 'watch-gazette-insolvency', 'watch-edgar-8k-0000320193'].includes(d.source.id));
      expect(picked).toHaveLength(4);
      for (const d of picked) {
        const u = new URL(d.source.url);
        const local = sourceSchema.parse({ ...d.source, url: `${server.url}${u.pathname}${u.search}`, allowPrivate: true, respectRobots: false, limits: { minIntervalMs: 0, retries: 0 } });
        const rec = recorder();
        const r = await collectSource(local, { seen: new MemorySeen(), publish: rec.publish, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger, userAgent: 'Bonitor/test', health: new MemorySourceHealthRepo() });
        expect(r.error, d.source.id).toBeUndefined();
        expect(rec.published.length, d.source.id).toBeGreaterThan(0);
      }
    } finally {
      await server.close();
    }
  });
});

describe('a new user imports a watchlist with register ids', () => {
  const tmp = tempDir('bonitor-watching-');
  let app: App;
  let config: string;
  beforeAll(async () => {
    // The CLI below runs without BONITOR_* variables, so this process must not take CI's Kafka or ClickHouse from them either.
    config = path.join(tmp.dir, 'bonitor.yaml');
    writeFileSync(config, `dataDir: ${path.join(tmp.dir, 'data')}\nwatching: { enabled: true }\n`);
    writeFileSync(path.join(tmp.dir, 'customers.csv'), WATCHLIST);
    app = await openApp(loadConfig({ configPath: config, cwd: tmp.dir, env: {} }).config, silentLogger);
  });
  afterAll(async () => {
    await app?.close();
    tmp.cleanup();
  });

  it('stored documents that name a new customer are linked to it on import', async () => {
    const notice: Document = {
      id: 'doc-kk-rysaffe',
      sourceId: 'shab-kk',
      kind: 'register',
      url: 'https://www.shab.ch/#!/search/publications/detail/x',
      title: 'Konkurseröffnung Rysaffe Administrateurs Sàrl, Genève',
      text: 'Rysaffe Administrateurs Sàrl, CHE-114.723.217, Genève. Konkurseröffnung: 01.11.2026.',
      language: 'de',
      publishedAt: '2026-11-02T00:00:00.000Z',
      fetchedAt: '2026-11-02T06:00:00.000Z',
      registerIds: { uid: ['CHE-114.723.217'] },
      rubric: 'KK01',
    };
    await app.store.upsertDocument(notice);
    const before = await app.bus.lag('relink-probe', TOPICS.signals);
    const r = await importWatchlist(app, WATCHLIST);
    expect(r.relinked.documents).toBeGreaterThanOrEqual(1);
    expect(r.relinked.signals).toBeGreaterThanOrEqual(1);
    expect(await app.bus.lag('relink-probe', TOPICS.signals)).toBe(before + r.relinked.signals);
    // Importing the same watchlist again changes nothing and links nothing again.
    expect((await importWatchlist(app, WATCHLIST)).relinked).toEqual({ documents: 0, signals: 0 });
    // A large import reads the newest stored documents once instead of searching per name, with the same result.
    const many = [WATCHLIST.trim().replace('rysaffe,Rysaffe Administrateurs Sàrl,Rysaffe,CHE-114.723.217', 'rysaffe2,Rysaffe Administrateurs Sàrl,Rysaffe,CHE-114.723.217'), ...Array.from({ length: 60 }, (_, i) => `filler${i},Filler Nummer ${i} AG,,,CH,25,ch`)].join('\n');
    const large = await importWatchlist(app, many);
    expect(large.relinked.signals).toBeGreaterThanOrEqual(1);
  });

  it('bonitor sources lists the derived sources for every customer, without a URL in the config; the catalog names real URLs and terms', async () => {
    await app.close();
    const r = await runBonitor(['--config', config, 'sources', '--format', 'json'], {});
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; url: string; status: string }>;
    const ids = rows.map((s) => s.id);
    const why = `sources printed ${rows.length} row(s); stderr: ${r.stderr.slice(-1500)}`;
    for (const id of ['watch-news-rysaffe-de-ch', 'watch-news-candour-en-gb', 'watch-news-apple-en-us', 'watch-news-reiter-de-de', 'watch-shab-kk', 'watch-gazette-insolvency', 'watch-edgar-8k-0000320193']) expect(ids, why).toContain(id);
    expect(rows.every((s) => s.status === 'never_run')).toBe(true);
    const catalog = await runBonitor(['--config', config, 'sources', 'catalog'], {});
    expect(catalog.code).toBe(0);
    expect(catalog.stdout).toContain('https://news.google.com/rss/search?q={query}');
    expect(catalog.stdout).toContain('https://www.thegazette.co.uk/insolvency/notice/data.feed');
    expect(catalog.stdout).toContain('terms: ');
    app = await openApp(loadConfig({ configPath: config, cwd: tmp.dir, env: {} }).config, silentLogger);
  });
});
