import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const IS_ROOT = process.getuid?.() === 0;

/** A tmpfs of `sizeMb` at `dir` (root only); unmounted by the returned function. */
export function mountTmpfs(dir: string, sizeMb: number): () => void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
  return () => {
    try {
      execFileSync('umount', ['-l', dir]);
    } catch {
      // already gone
    }
  };
}

/** Fills the file system of `dir` with one file until it is full; returns the file. */
export function fillDisk(dir: string): string {
  const file = path.join(dir, 'filler.bin');
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${file}`, 'bs=64k'], { stdio: 'ignore' });
  } catch {
    // dd ends with "No space left on device": that is the point
  }
  return file;
}

export interface FeedServer {
  url: string;
  /** Adds an item; the next fetch sees it. */
  add(item: { guid: string; title: string; description: string }): void;
  close(): Promise<void>;
}

/** A local RSS feed whose items the test adds while Bonitor runs. */
export async function startFeedServer(): Promise<FeedServer> {
  const items: Array<{ guid: string; title: string; description: string }> = [];
  const server = http.createServer((_req, res) => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Live</title><language>de</language>${items
      .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid isPermaLink="false">${i.guid}</guid><description>${i.description}</description></item>`)
      .join('')}</channel></rss>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`,
    add: (item) => items.push(item),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A YAML config for the demo plus a live local feed, with fast supervision for tests. */
export function writeFaultConfig(dir: string, o: { dataDir: string; port: number; feedUrl?: string; supervisor?: Record<string, number>; smtpUrl?: string }): string {
  const file = path.join(dir, 'bonitor.yaml');
  const sup = { backoffBaseMs: 100, backoffMaxMs: 1000, maxFailures: 1000, stopTimeoutMs: 10000, lagStallMs: 3000, ...o.supervisor };
  writeFileSync(
    file,
    [
      'demo: true',
      `dataDir: ${o.dataDir}`,
      `http: { port: ${o.port} }`,
      ...(o.smtpUrl ? [`smtp: { url: "${o.smtpUrl}" }`] : []),
      ...(o.feedUrl ? ['sources:', `  - { id: live, url: "${o.feedUrl}", allowPrivate: true, respectRobots: false, schedule: 10s }`] : []),
      `supervisor: { ${Object.entries(sup).map(([k, v]) => `${k}: ${v}`).join(', ')} }`,
    ].join('\n'),
  );
  return file;
}
