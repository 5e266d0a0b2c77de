import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CollectError } from '../../collectors/errors.js';
import { createFetcher, type FetchRequest } from '../../collectors/fetch/fetcher.js';
import { fetchLimitsSchema } from '../../platform/config/sources.js';
import { silentLogger } from '../../platform/log.js';
import { fixture } from './helpers.js';
import { startServer, type LocalServer } from './local-server.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

const UA = 'Bonitor/test (+mailto:test@example.com)';
const fast = fetchLimitsSchema.parse({ minIntervalMs: 0, retries: 0, backoffBaseMs: 1, backoffMaxMs: 50, totalTimeoutMs: 2000 });
const fetcher = () => createFetcher({ userAgent: UA, log: silentLogger });
const req = (url: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
  url,
  allowPrivate: true,
  limits: fast,
  respectRobots: false,
  ...extra,
});

async function kindOf(p: Promise<unknown>): Promise<CollectError['typed']> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CollectError) return err.typed;
    throw err;
  }
  throw new Error('expected a CollectError');
}

const feedBytes = readFileSync(fixture('feeds', 'en_bbc-news.rss'));

describe('polite, safe fetcher against a local server', () => {
  it('sends the user agent and uses ETag / Last-Modified for a conditional GET', async () => {
    const s = await serve((rq, res) => {
      if (rq.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2026 07:28:00 GMT' }).end(feedBytes);
    });
    const f = fetcher();
    const first = await f.fetch(req(`${s.url}/feed`));
    expect(first.status).toBe(200);
    expect(first.body.equals(feedBytes)).toBe(true);
    expect(first).toMatchObject({ etag: '"v1"', lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    const second = await f.fetch(req(`${s.url}/feed`, { etag: first.etag!, lastModified: first.lastModified! }));
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(s.requests[0]!.headers['user-agent']).toBe(UA);
    expect(s.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(s.requests[1]!.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('honours robots.txt: a disallowed path is a robots error, an allowed one is fetched, robots.txt is read once', async () => {
    const s = await serve((rq, res) => {
      if (rq.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n\nUser-agent: Bonitor\nDisallow: /private/\nAllow: /\n');
        return;
      }
      res.writeHead(200).end(feedBytes);
    });
    const f = fetcher();
    expect((await kindOf(f.fetch(req(`${s.url}/private/feed`, { respectRobots: true })))).kind).toBe('robots');
    expect((await f.fetch(req(`${s.url}/public/feed`, { respectRobots: true }))).status).toBe(200);
    expect(s.requests.map((r) => r.path)).toEqual(['/robots.txt', '/public/feed']);
  });

  it('treats a missing robots.txt (404) as allow-all', async () => {
    const s = await serve((rq, res) => (rq.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(200).end(feedBytes)));
    expect((await fetcher().fetch(req(`${s.url}/feed`, { respectRobots: true }))).status).toBe(200);
  });

  it('refuses loopback addresses unless the source allows private ones', async () => {
    const s = await serve((_rq, res) => res.writeHead(200).end(feedBytes));
    expect((await kindOf(fetcher().fetch(req(`${s.url}/feed`, { allowPrivate: false })))).kind).toBe('blocked');
    // By name too: "localhost" is refused after DNS resolution.
    expect((await kindOf(fetcher().fetch(req(`http://localhost:${s.port}/feed`, { allowPrivate: false })))).kind).toBe('blocked');
    expect(s.requests).toHaveLength(0);
  });

  it('refuses a redirect to 127.0.0.1 from an allowed server', async () => {
    const inner = await serve((_rq, res) => res.writeHead(200).end('secret'));
    const outer = await serve((_rq, res) => res.writeHead(302, { location: `http://127.0.0.1:${inner.port}/admin` }).end());
    // Only the outer server counts as public here, the way an intranet proxy would be allowed.
    const f = createFetcher({ userAgent: UA, log: silentLogger, allowAddress: (_ip, port) => port === outer.port });
    const err = await kindOf(f.fetch(req(`${outer.url}/feed`, { allowPrivate: false })));
    expect(err.kind).toBe('blocked');
    expect(inner.requests).toHaveLength(0);
  });

  it('stops a redirect loop', async () => {
    const s = await serve((rq, res) => res.writeHead(301, { location: rq.url === '/a' ? '/b' : '/a' }).end());
    const err = await kindOf(fetcher().fetch(req(`${s.url}/a`)));
    expect(err.kind).toBe('redirect_loop');
    expect(s.requests.length).toBeLessThanOrEqual(3);
  });

  it('stops after maxRedirects distinct redirects', async () => {
    const s = await serve((rq, res) => res.writeHead(302, { location: `/r${Number(rq.url!.slice(2) || 0) + 1}` }).end());
    const err = await kindOf(fetcher().fetch(req(`${s.url}/r0`, { limits: { ...fast, maxRedirects: 3 } })));
    expect(err.kind).toBe('redirect_loop');
    expect(s.requests).toHaveLength(4);
  });

  it('follows a relative redirect and reports the final URL', async () => {
    const s = await serve((rq, res) => (rq.url === '/old' ? res.writeHead(301, { location: '/new' }).end() : res.writeHead(200).end(feedBytes)));
    const r = await fetcher().fetch(req(`${s.url}/old`));
    expect(r.finalUrl).toBe(`${s.url}/new`);
  });

  it('caps a 50 MB body, with and without Content-Length', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const s = await serve((rq, res) => {
      res.writeHead(200, rq.url === '/declared' ? { 'content-length': String(50 * chunk.length) } : {});
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const f = fetcher();
    expect((await kindOf(f.fetch(req(`${s.url}/declared`)))).kind).toBe('too_large');
    expect((await kindOf(f.fetch(req(`${s.url}/chunked`)))).kind).toBe('too_large');
  });

  it('times out an endless slow body', async () => {
    const s = await serve((_rq, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      const timer = setInterval(() => res.write('<!-- still here -->'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const err = await kindOf(fetcher().fetch(req(`${s.url}/slow`, { limits: { ...fast, totalTimeoutMs: 300 } })));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns 404, 500 and 429 into http_status errors, keeping Retry-After', async () => {
    const s = await serve((rq, res) => {
      if (rq.url === '/404') res.writeHead(404).end('nope');
      else if (rq.url === '/500') res.writeHead(500).end('boom');
      else res.writeHead(429, { 'retry-after': '120' }).end();
    });
    const f = fetcher();
    expect(await kindOf(f.fetch(req(`${s.url}/404`)))).toMatchObject({ kind: 'http_status', status: 404, retriable: false });
    expect(await kindOf(f.fetch(req(`${s.url}/500`)))).toMatchObject({ kind: 'http_status', status: 500, retriable: true });
    expect(await kindOf(f.fetch(req(`${s.url}/429`)))).toMatchObject({ kind: 'http_status', status: 429, retryAfterMs: 120_000, retriable: true });
  });

  it('retries a 500 with backoff and succeeds; never retries a 404', async () => {
    let calls = 0;
    const s = await serve((rq, res) => {
      if (rq.url === '/404') return void res.writeHead(404).end();
      calls++;
      if (calls < 3) res.writeHead(500).end();
      else res.writeHead(200).end(feedBytes);
    });
    const sleeps: number[] = [];
    const f = createFetcher({ userAgent: UA, log: silentLogger, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
    const limits = { ...fast, retries: 3, backoffBaseMs: 100, backoffMaxMs: 1000 };
    expect((await f.fetch(req(`${s.url}/flaky`, { limits }))).status).toBe(200);
    expect(calls).toBe(3);
    expect(sleeps.filter((ms) => ms > 0)).toEqual([75, 150]); // 100·2^0 and 100·2^1, half fixed + half jitter
    await kindOf(f.fetch(req(`${s.url}/404`, { limits })));
    expect(s.requests.filter((r) => r.path === '/404')).toHaveLength(1);
  });

  it('waits for a short Retry-After before retrying', async () => {
    let calls = 0;
    const s = await serve((_rq, res) => (++calls === 1 ? res.writeHead(503, { 'retry-after': '1' }).end() : res.writeHead(200).end(feedBytes)));
    const sleeps: number[] = [];
    const f = createFetcher({ userAgent: UA, log: silentLogger, sleep: async (ms) => void sleeps.push(ms) });
    await f.fetch(req(`${s.url}/feed`, { limits: { ...fast, retries: 2, backoffMaxMs: 5000 } }));
    expect(sleeps.filter((ms) => ms > 0)).toEqual([1000]);
  });

  it('reports a refused connection as a network error', async () => {
    const s = await serve((_rq, res) => res.end());
    const url = s.url;
    await s.close();
    servers.length = 0;
    expect((await kindOf(fetcher().fetch(req(`${url}/feed`)))).kind).toBe('network');
  });

  it('decompresses gzip and caps a gzip bomb by its decompressed size', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0));
    const s = await serve((rq, res) => {
      const body = rq.url === '/bomb' ? bomb : gzipSync(feedBytes);
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
    });
    const f = fetcher();
    const ok = await f.fetch(req(`${s.url}/feed`));
    expect(ok.body.equals(feedBytes)).toBe(true);
    expect(s.requests[0]!.headers['accept-encoding']).toContain('gzip');
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await kindOf(f.fetch(req(`${s.url}/bomb`)))).kind).toBe('too_large');
  });

  it('refuses schemes other than http, https and files', async () => {
    expect((await kindOf(fetcher().fetch(req('ftp://example.com/feed.xml')))).kind).toBe('config');
  });

  it('checks robots.txt again when a redirect leads to a path it disallows', async () => {
    const s = await serve((rq, res) => {
      if (rq.url === '/robots.txt') return void res.writeHead(200).end('User-agent: *\nDisallow: /members/\n');
      if (rq.url === '/feed') return void res.writeHead(302, { location: '/members/feed' }).end();
      res.writeHead(200).end(feedBytes);
    });
    expect((await kindOf(fetcher().fetch(req(`${s.url}/feed`, { respectRobots: true })))).kind).toBe('robots');
    expect(s.requests.map((r) => r.path)).toEqual(['/robots.txt', '/feed']);
  });
});
