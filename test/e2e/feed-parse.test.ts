import path from 'node:path';
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
});
