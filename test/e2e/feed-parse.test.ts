import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runBonitor } from './process.js';

const feeds = path.join(ROOT, 'test', 'fixtures', 'collectors', 'feeds');
const env = { BONITOR_DEMO: 'false' };

describe('bonitor feed parse', () => {
  it('prints the feed and its items for one input', async () => {
    const r = await runBonitor(['feed', 'parse', path.join(feeds, 'de_golem_iso-8859-1.rss')], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { feed: { title: string; language: string | null }; items: Array<{ id: string; title: string; link: string | null; publishedAt: string | null }> };
    expect(out.feed.title).toContain('Golem');
    expect(out.items.length).toBeGreaterThan(0);
    for (const item of out.items) {
      expect(item.id).toMatch(/^[0-9a-f]{32}$/);
      expect(item.publishedAt === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(item.publishedAt)).toBe(true);
    }
    // ISO-8859-1 decoded, not mangled.
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('prints one JSON line per input, and a one-line reason for each input that failed', async () => {
    const missing = path.join(feeds, 'does-not-exist.rss');
    const notAFeed = path.join(ROOT, 'package.json');
    const r = await runBonitor(['feed', 'parse', path.join(feeds, 'en_bbc-news.rss'), missing, notAFeed], env);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; items?: unknown[]; error?: string });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.items!.length).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ input: missing, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ input: notAFeed, error: expect.stringMatching(/^parse: /) });
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses link-local and cloud-metadata addresses unless --allow-private, also after a redirect, and says so in --help', async () => {
    const feed = readFileSync(path.join(feeds, 'en_bbc-news.rss'));
    const server = http.createServer((req, res) => {
      if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const inputs = ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/feed', 'http://[fd00:ec2::254]/latest/', 'http://100.100.100.200/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', `${local}/to-metadata`, `${local}/feed.rss`];
      const r = await runBonitor(['feed', 'parse', ...inputs, '--timeout', '5'], env);
      expect(r.code).toBe(2);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; error?: string; items?: unknown[] });
      for (const line of lines.slice(0, 6)) expect(line.error, line.input).toMatch(/^blocked: refusing link-local or cloud metadata address .* \(pass --allow-private to permit it\)$/);
      // The user's own machine is their choice: a local server is read.
      expect(lines[6]!.items!.length).toBeGreaterThan(0);

      const allowed = await runBonitor(['feed', 'parse', 'http://169.254.169.254/latest/meta-data/', `${local}/feed.rss`, '--allow-private', '--timeout', '1'], env);
      const [meta] = allowed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { error?: string });
      expect(meta!.error).not.toMatch(/^blocked/);

      const help = await runBonitor(['feed', 'parse', '--help'], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--allow-private');
      expect(help.stdout).toMatch(/169\.254\.169\.254/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 180_000);
});
