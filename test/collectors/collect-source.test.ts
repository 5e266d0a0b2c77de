import { describe, expect, it } from 'vitest';
import { collectSource, MemorySourceHealthRepo } from '../../collectors/index.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { documentSchema } from '../../platform/schemas/index.js';
import { fixture, MemorySeen, recorder, source } from './helpers.js';

const clock = fixedClock('2026-11-22T12:00:00Z');
const userAgent = 'Bonitor/test (+mailto:test@example.com)';

describe('collectSource on a local feed file', () => {
  it('publishes every item once as a valid document, and nothing on the second run', async () => {
    const seen = new MemorySeen();
    const rec = recorder();
    const src = source({ id: 'golem', url: fixture('feeds', 'de_golem_iso-8859-1.rss') });
    const deps = { seen, publish: rec.publish, clock, log: silentLogger, userAgent };

    const first = await collectSource(src, deps);
    expect(first).toEqual({ sourceId: 'golem', fetched: 40, published: 40 });
    expect(rec.published).toHaveLength(40);
    for (const doc of rec.published) expect(documentSchema.parse(doc)).toEqual(doc);
    const doc = rec.published[0]!;
    expect(doc).toMatchObject({
      sourceId: 'golem',
      kind: 'news',
      url: 'https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-umsetzung-in-app-von-rockstar-games-1810-137358-rss.html',
      title: 'Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games',
      language: 'de',
      publishedAt: '2018-10-28T12:48:00.000Z',
      fetchedAt: '2026-11-22T12:00:00.000Z',
    });
    expect(new Set(rec.published.map((d) => d.id)).size).toBe(40);

    const second = await collectSource(src, deps);
    expect(second).toEqual({ sourceId: 'golem', fetched: 40, published: 0 });
    expect(rec.published).toHaveLength(40);
  });

  it('gives the same ids on every run (stable ids from GUID, link or content)', async () => {
    const src = source({ id: 'psy', url: fixture('feeds', 'fr_le-cercle-psy_no-xml-decl.rss') });
    const a = recorder();
    const b = recorder();
    await collectSource(src, { seen: new MemorySeen(), publish: a.publish, clock, log: silentLogger, userAgent });
    await collectSource(src, { seen: new MemorySeen(), publish: b.publish, clock: fixedClock('2027-01-01T00:00:00Z'), log: silentLogger, userAgent });
    expect(a.published.map((d) => d.id)).toEqual(b.published.map((d) => d.id));
    expect(a.published).toHaveLength(9); // the capture's empty <item> is not a document
  });

  it('does not mark items seen when publishing fails, so the next run publishes them', async () => {
    const seen = new MemorySeen();
    const src = source({ id: 'bbc', url: fixture('feeds', 'en_bbc-news.rss') });
    const failing = async () => {
      throw new Error('bus down');
    };
    const health = new MemorySourceHealthRepo();
    const r1 = await collectSource(src, { seen, publish: failing, clock, log: silentLogger, userAgent, health });
    expect(r1.error).toMatchObject({ kind: 'internal', message: 'bus down', retriable: true });
    expect(r1.published).toBe(0);
    expect(seen.ids.size).toBe(0);
    // The bus being down is not the source failing.
    expect(await health.getHealth('bbc')).toBeUndefined();

    const rec = recorder();
    const r2 = await collectSource(src, { seen, publish: rec.publish, clock, log: silentLogger, userAgent });
    expect(r2.published).toBe(1);
    expect(rec.published[0]!.title).toBe('Marcus Aurelius');
  });

  it('reports a missing file as a typed not_found error and records it in health', async () => {
    const health = new MemorySourceHealthRepo();
    const src = source({ id: 'gone', url: fixture('feeds', 'no-such-file.rss') });
    const r = await collectSource(src, { seen: new MemorySeen(), publish: recorder().publish, clock, log: silentLogger, userAgent, health });
    expect(r.error?.kind).toBe('not_found');
    expect(await health.getHealth('gone')).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'not_found' } });
  });

  it('reports a file that is not a feed as a typed parse error', async () => {
    const src = source({ id: 'html', url: fixture('registers', 'us_edgar_8-K_1800Flowers.html') });
    const r = await collectSource(src, { seen: new MemorySeen(), publish: recorder().publish, clock, log: silentLogger, userAgent });
    expect(r.error?.kind).toBe('parse');
  });
});
