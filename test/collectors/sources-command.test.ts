import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sourcesCommand } from '../../app/cli/sources.command.js';
import type { CliContext } from '../../app/cli/command.js';
import type { App } from '../../app/compose.js';
import { configSchema } from '../../platform/config/schema.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import type { SourceHealth as SourceHealthRecord } from '../../platform/schemas/index.js';
import type { OutboxEntry } from '../../platform/store/port.js';
import { fixture, MemorySeen } from './helpers.js';

function harness(sources: unknown[]) {
  const healthRows = new Map<string, SourceHealthRecord>();
  const seen = new MemorySeen();
  const published: unknown[] = [];
  const outbox: OutboxEntry[] = [];
  const store = {
    outbox: { pending: async () => outbox.filter((e) => e.status === 'pending'), list: async () => [...outbox] },
    filterUnseen: seen.filterUnseen.bind(seen),
    markSeen: seen.markSeen.bind(seen),
    getSourceHealth: async (id: string) => healthRows.get(id),
    saveSourceHealth: async (h: SourceHealthRecord) => void healthRows.set(h.sourceId, structuredClone(h)),
    listSourceHealth: async () => [...healthRows.values()],
  };
  const bus = { publish: async (_topic: string, msgs: unknown[]) => void published.push(...msgs) };
  const app = { store, bus, clock: fixedClock('2026-11-22T12:00:00Z'), log: silentLogger } as unknown as App;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += String(c)));
  const config = configSchema.parse({ demo: false, sources });
  const ctx: CliContext = { io: { stdin: new PassThrough(), stdout, stderr }, config, app: async () => app };
  return { ctx, healthRows, published, outbox, out: () => out };
}

describe('bonitor sources', () => {
  it('lists sources with status, last error and parking, in text and JSON', async () => {
    const h = harness([
      { id: 'golem', url: fixture('feeds', 'de_golem_iso-8859-1.rss') },
      { id: 'broken', url: 'https://broken.example/rss' },
      { id: 'new', url: 'https://new.example/rss' },
    ]);
    h.healthRows.set('golem', { sourceId: 'golem', lastAttemptAt: '2026-11-22T11:00:00.000Z', lastSuccessAt: '2026-11-22T11:00:00.000Z', consecutiveFailures: 0, totalPublished: 40 });
    h.healthRows.set('broken', {
      sourceId: 'broken',
      lastAttemptAt: '2026-11-22T11:30:00.000Z',
      consecutiveFailures: 4,
      totalPublished: 0,
      lastError: { kind: 'http_status', status: 503, message: 'HTTP 503 from https://broken.example/rss', retriable: true },
      parkedUntil: '2026-11-22T13:00:00.000Z',
    });
    expect(await sourcesCommand.run([], h.ctx)).toBe(0);
    const lines = h.out().trim().split('\n');
    expect(lines[0]).toMatch(/^SOURCE\s+KIND\s+STATUS/);
    expect(lines[1]).toMatch(/^golem\s+rss\s+ok\s+2026-11-22T11:00:00.000Z\s+0\s+-\s+40/);
    expect(lines[2]).toMatch(/^broken\s+rss\s+parked until 2026-11-22T13:00:00.000Z\s+-\s+4\s+http_status 503: HTTP 503/);
    expect(lines[3]).toMatch(/^new\s+rss\s+never_run/);
    expect(lines.at(-1)).toBe('mail delivery: ok');

    const j = harness([{ id: 'golem', url: fixture('feeds', 'de_golem_iso-8859-1.rss') }]);
    expect(await sourcesCommand.run(['--format', 'json'], j.ctx)).toBe(0);
    expect(JSON.parse(j.out())).toEqual([expect.objectContaining({ id: 'golem', kind: 'rss', status: 'never_run', health: null })]);
  });

  it('--run collects one source now, publishes to the documents topic and records health', async () => {
    const h = harness([{ id: 'golem', url: fixture('feeds', 'de_golem_iso-8859-1.rss') }]);
    expect(await sourcesCommand.run(['--run', 'golem'], h.ctx)).toBe(0);
    expect(h.out()).toBe('golem: 40 item(s), 40 new\n');
    expect(h.published).toHaveLength(40);
    expect(h.healthRows.get('golem')).toMatchObject({ consecutiveFailures: 0, totalPublished: 40 });
  });

  it('--run on a failing source exits 1 with the typed error; unknown ids exit 2', async () => {
    const h = harness([{ id: 'gone', url: fixture('feeds', 'missing.rss') }]);
    expect(await sourcesCommand.run(['--run', 'gone'], h.ctx)).toBe(1);
    expect(h.out()).toMatch(/^gone: failed: not_found: file not found/);
    expect(await sourcesCommand.run(['--run', 'nope'], h.ctx)).toBe(2);
  });
});

describe('bonitor sources and mail delivery', () => {
  it('shows delivery trouble (SMTP down) beside the sources', async () => {
    const h = harness([{ id: 'golem', url: fixture('feeds', 'de_golem_iso-8859-1.rss') }]);
    const base = { subscriptionId: 'anna', recipient: 'anna@example.org', kind: 'digest' as const, period: '2026-11-22', subject: 'Digest', message: 'raw', itemCount: 1, cursor: {}, createdAt: '2026-11-22T07:00:00.000Z' };
    h.outbox.push({ ...base, key: 'digest:anna:2026-11-22', status: 'pending', attempts: 3, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
    h.outbox.push({ ...base, key: 'digest:bob:2026-11-22', status: 'pending', attempts: 0 });
    expect(await sourcesCommand.run([], h.ctx)).toBe(0);
    expect(h.out().trim().split('\n').at(-1)).toBe(
      'mail delivery: FAILING — 1 mail(s) waiting for a retry, oldest since 2026-11-22T07:00:00.000Z; last error: connect ECONNREFUSED 127.0.0.1:25',
    );
  });
});

describe('a local source that is not a feed', () => {
  it('fails with a parse error that never quotes the file', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-notfeed-'));
    try {
      const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n';
      writeFileSync(path.join(dir, 'passwd'), secret);
      writeFileSync(path.join(dir, 'broken.json'), '{"items": [root:x:0:0]}');
      const h = harness([
        { id: 'text', url: path.join(dir, 'passwd') },
        { id: 'json', url: path.join(dir, 'broken.json') },
      ]);
      expect(await sourcesCommand.run(['--run', 'text'], h.ctx)).toBe(1);
      expect(await sourcesCommand.run(['--run', 'json'], h.ctx)).toBe(1);
      const stored = JSON.stringify([...h.healthRows.values()]);
      expect(h.healthRows.get('text')!.lastError).toMatchObject({ kind: 'parse', message: expect.stringMatching(/^not a feed: neither XML nor JSON/) });
      expect(h.healthRows.get('json')!.lastError).toMatchObject({ kind: 'parse', message: expect.stringMatching(/not valid JSON/) });
      expect(stored).not.toContain('root');
      expect(h.out()).not.toContain('root');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
