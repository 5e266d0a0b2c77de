import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sourceSchema } from '../../platform/config/sources.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('bonitor-huge-');
const filler = Array.from({ length: 130_000 }, (_, i) => `Wort${i % 977}`).join(' '); // ~1 MB

/** A feed whose one item has a 1 MB title about a demo customer goes through collect → analyse → score → check. */
describe('a 1 MB item title', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    const feed = path.join(tmp.dir, 'huge.rss');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><language>de</language>
<item><title>Calandra Logistik AG: Konkurs eröffnet. ${filler}</title><link>https://news.example/huge</link><guid>huge-1</guid>
<description>Über die Calandra Logistik AG wurde der Konkurs eröffnet. ${filler}</description></item></channel></rss>`,
    );
    demo = await openDemoApp({}, { configure: (c) => void (c.sources = [sourceSchema.parse({ id: 'huge', url: feed })]) });
    ({ server, base } = await startServer(demo));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
    tmp.cleanup();
  });

  it('is stored capped, and the check answer about the company stays small', async () => {
    const res = await fetch(`${base}/api/check?q=Calandra%20Logistik`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(50_000);
    const body = JSON.parse(text) as { signals: Array<{ title: string }> };
    const signal = body.signals.find((s) => s.title.startsWith('Calandra Logistik AG: Konkurs'));
    expect(signal, 'the huge item still becomes a signal').toBeDefined();
    expect(signal!.title.length).toBeLessThanOrEqual(500);
    const page = await (await fetch(`${base}/check?q=Calandra%20Logistik`)).text();
    expect(page.length).toBeLessThan(200_000);
  });
});
