import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/log.js';
import { SLOW_REQUEST_MS } from '../../app/http/server.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';

/**
 * The server writes no log line per request (measured too costly for the check's budget); a
 * request slower than SLOW_REQUEST_MS is logged as http_request_slow with its route, status and
 * time, so an operator sees it without an access log.
 */
describe('slow requests are logged, ordinary ones are not', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  const lines: Array<Record<string, unknown>> = [];
  let delayNext = 0;
  beforeAll(async () => {
    demo = await openDemoApp();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    demo.app.log = createLogger('info', sink);
    // The store answers slowly once (a locked database, a slow disk): the check that reads it is slow.
    // (customersVersions: what a kept answer is checked with; the first check makes it and keeps it.)
    const versions = demo.app.store.customersVersions.bind(demo.app.store);
    demo.app.store.customersVersions = async (ids) => {
      if (delayNext > 0) {
        const ms = delayNext;
        delayNext = 0;
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
      return versions(ids);
    };
    ({ server, base } = await startServer(demo));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });

  it('logs nothing for ordinary checks and one warning with route, status and time for a slow one', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`)).status).toBe(200);
    expect(lines.filter((l) => String(l.msg).startsWith('http_request'))).toEqual([]);
    delayNext = SLOW_REQUEST_MS + 200;
    expect((await fetch(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`)).status).toBe(200);
    const slow = lines.filter((l) => l.msg === 'http_request_slow');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ level: 40, module: 'http', method: 'GET', route: '/api/check', status: 200 });
    expect(slow[0]!.ms).toBeGreaterThanOrEqual(SLOW_REQUEST_MS);
  });
});
