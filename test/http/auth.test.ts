import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hashToken } from '../../app/http/auth.js';
import type { App } from '../../app/compose.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';

const ADMIN = 'admin-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdef';
const ENV_TOKEN = 'env-token-0123456789abcdef';

/** Tokens: BONITOR_API_TOKEN (admin) and hashed tokens with roles from the config. */
describe('API tokens, roles and error shapes', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  const servers: FastifyInstance[] = [];
  beforeAll(async () => {
    demo = await openDemoApp({ BONITOR_API_TOKEN: ENV_TOKEN });
    const http = { ...demo.app.config.http, tokens: [{ name: 'ops', sha256: hashToken(ADMIN), role: 'admin' as const }, { name: 'controller', sha256: hashToken(READER), role: 'read' as const }] };
    const app: App = { ...demo.app, config: { ...demo.app.config, http } };
    ({ server, base } = await startServer(demo, { app }));
  });
  afterAll(async () => {
    for (const s of [server, ...servers]) await s?.close();
    await demo?.close();
  });
  const call = async (path: string, token?: string, init: RequestInit = {}) => {
    const res = await fetch(base + path, { redirect: 'manual', ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };

  it('asks for a token on every /api route and says how to send it', async () => {
    for (const path of ['/api/customers', '/api/check?q=x', '/api/signals', '/api/sources', '/api/subscriptions', '/api/openapi.json', '/api/unknown']) {
      const r = await call(path);
      expect(r.status, path).toBe(401);
      expect(r.body).toEqual({ error: 'unauthorized', message: 'this API needs a token: send Authorization: Bearer <token>' });
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await call('/api/customers', undefined, { headers: { authorization: `Basic ${ADMIN}` } })).body.message).toMatch(/must be "Bearer <token>"/);
    expect((await call('/api/customers', 'wrong-token-0123456789')).body).toEqual({ error: 'unauthorized', message: 'the token is not valid' });
  });

  it('accepts the environment token and both configured tokens for reading', async () => {
    for (const token of [ENV_TOKEN, ADMIN, READER]) expect((await call('/api/customers', token)).status).toBe(200);
  });

  it('keeps /health and /metrics open for probes and scrapers', async () => {
    expect((await call('/health')).status).toBe(200);
    expect((await call('/metrics')).status).toBe(200);
  });

  it('lets a read token read but not change: 403 with the token name and what is needed', async () => {
    const body = JSON.stringify({ id: 'auth-test', email: 'x@example.org' });
    const headers = { 'content-type': 'application/json' };
    const denied = await call('/api/subscriptions', READER, { method: 'POST', body, headers });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ error: 'forbidden', message: 'the token "controller" may only read; POST /api/subscriptions needs an admin token' });
    expect((await call('/api/subscriptions/auth-test', READER, { method: 'DELETE' })).status).toBe(403);
    const allowed = await call('/api/subscriptions', ADMIN, { method: 'POST', body, headers });
    expect(allowed.status).toBe(201);
    expect((await call('/api/subscriptions/auth-test', ENV_TOKEN, { method: 'DELETE' })).body).toEqual({ id: 'auth-test', outcome: 'removed' });
  });

  it('sends the pages to the sign-in form, and a valid token opens them through an HttpOnly cookie', async () => {
    const page = await call('/portfolio?lang=de');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fportfolio%3Flang%3Dde');
    expect((await call('/assets/app.css')).status).toBe(200);
    const form = (token: string, next: string) => call('/login', undefined, { method: 'POST', body: new URLSearchParams({ token, next }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const failed = await form('nope', '/portfolio');
    expect(failed.status).toBe(401);
    expect(failed.text).toContain('That token is not valid.');
    const ok = await form(READER, '/portfolio?lang=de');
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/portfolio?lang=de');
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const inside = await call('/portfolio?lang=de', undefined, { headers: { cookie: cookie.split(';')[0]! } });
    expect(inside.status).toBe(200);
    expect(inside.text).toContain('Gefährdete Forderungen');
    expect(inside.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    // Read-only sessions see the subscriptions but no form, and a forged POST is refused.
    const subs = await call('/subscriptions?lang=en', undefined, { headers: { cookie: cookie.split(';')[0]! } });
    expect(subs.text).toContain('Your token may only read');
    expect(subs.text).not.toContain('<form method="post" action="/subscriptions');
    const forged = await call('/subscriptions', undefined, { method: 'POST', body: 'id=x&email=x%40example.org', headers: { cookie: cookie.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.status).toBe(403);
    // Never redirect off-site after sign-in.
    expect((await form(READER, '//evil.example/')).headers.get('location')).toBe('/');
  });

  it('turns an internal failure into a 500 without a stack or the cause', async () => {
    const store = new Proxy(demo.app.store, {
      get: (target, prop, receiver) => (prop === 'portfolioPage' ? async () => { throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path'); } : Reflect.get(target, prop, receiver)),
    });
    const open = { ...demo.app.config, http: { ...demo.app.config.http, apiToken: undefined } };
    const broken = await startServer(demo, { app: { ...demo.app, store, config: open } });
    servers.push(broken.server);
    const res = await fetch(`${broken.base}/api/customers`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_error', message: 'internal error; the details are in the server log' });
    expect(text).not.toMatch(/SQLITE|secret|at /);
    const page = await fetch(`${broken.base}/portfolio`);
    expect(page.status).toBe(500);
    expect(await page.text()).not.toMatch(/SQLITE|secret/);
  });

  it('rejects a forged unsubscribe link', async () => {
    const r = await call('/unsubscribe?token=forged.token');
    expect(r.status).toBe(400);
    expect(r.text).toBe('This unsubscribe link is not valid.');
  });
});
