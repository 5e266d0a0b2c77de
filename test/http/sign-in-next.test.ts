import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sameSitePath } from '../../app/web/same-site-path.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';

const TOKEN = 'sign-in-token-0123456789abcdef';

/** Values an attacker puts in `next` to be sent elsewhere after sign-in, or to break the answer. */
const HOSTILE = [
  '/\t/evil.example', // what `next=/%09/evil.example` decodes to: browsers drop the tab → //evil.example
  '/%09/evil.example',
  '//evil.example',
  '///evil.example',
  '\\\\evil.example',
  '/\\evil.example',
  '/\r\nSet-Cookie: stolen=1',
  '/ok\nLocation: https://evil.example',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'https://evil.example/',
  'evil.example',
  '/\u0000/evil.example',
  '/\u00a0/evil.example',
  '',
];

describe('the sign-in `next` parameter', () => {
  it('keeps only same-site paths (pure)', () => {
    for (const next of HOSTILE) {
      const out = sameSitePath(next);
      expect(new URL(out, 'http://site.example').origin, JSON.stringify(next)).toBe('http://site.example');
      expect(out, JSON.stringify(next)).not.toMatch(/evil|javascript|[\r\n\t]/);
    }
    expect(sameSitePath('/portfolio?lang=de')).toBe('/portfolio?lang=de');
    expect(sameSitePath('/check?q=M%C3%BCller%20AG#factors')).toBe('/check?q=M%C3%BCller%20AG#factors');
    expect(sameSitePath('/check?q=Müller%20AG')).toBe('/check?q=M%C3%BCller%20AG');
    expect(sameSitePath('/a/../portfolio')).toBe('/portfolio');
    expect(sameSitePath(['/portfolio'])).toBe('/');
    expect(sameSitePath('/' + 'x'.repeat(3000))).toBe('/');
  });

  describe('over HTTP', () => {
    let demo: DemoApp;
    let server: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      demo = await openDemoApp({ BONITOR_API_TOKEN: TOKEN });
      ({ server, base } = await startServer(demo));
    });
    afterAll(async () => {
      await server?.close();
      await demo?.close();
    });

    /** Raw request, so that control characters reach the server exactly as an attacker sends them. */
    const post = (body: string) =>
      new Promise<{ status: number; location: string | undefined; text: string }>((resolve, reject) => {
        const req = request(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, text }));
        });
        req.on('error', reject);
        req.end(body);
      });

    it('redirects a signed-in user to "/" for every hostile value, never answering 500', async () => {
      for (const next of HOSTILE) {
        const r = await post(new URLSearchParams({ token: TOKEN, next }).toString());
        expect(r.status, JSON.stringify(next)).toBe(303);
        expect(r.location, JSON.stringify(next)).toBe('/');
      }
      // A raw %09 in the form body, and `next` given twice.
      expect((await post(`token=${TOKEN}&next=/%09/evil.example`)).location).toBe('/');
      expect((await post(`token=${TOKEN}&next=/portfolio&next=//evil.example`)).location).toBe('/');
      expect((await post(`token=${TOKEN}&next=${encodeURIComponent('/' + 'a'.repeat(5000))}`)).status).toBe(303);
      expect((await post(new URLSearchParams({ token: TOKEN, next: '/portfolio?lang=de' }).toString())).location).toBe('/portfolio?lang=de');
    });

    it('renders the sign-in form with a safe hidden `next`, never answering 500', async () => {
      for (const next of ['/%09/evil.example', '//evil.example', '%0d%0aSet-Cookie:%20x=1', 'javascript:alert(1)', '\\\\evil']) {
        const res = await fetch(`${base}/login?next=${next}`, { redirect: 'manual' });
        expect(res.status, next).toBe(200);
        const html = await res.text();
        expect(html, next).toContain('name="next" value="/"');
        expect(html).not.toMatch(/evil\.example|javascript:/);
      }
    });
  });
});
