import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signUnsubscribeToken } from '../../alerts/index.js';
import { assessmentSchema } from '../../platform/schemas/index.js';
import { openDemoApp, startServer, type DemoApp } from './support/demo-app.js';
import { shabNotice } from './support/fixtures.js';

/** The JSON API on the bundled demo, without tokens (the embedded default on 127.0.0.1). */
describe('HTTP API on the demo data', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    demo = await openDemoApp();
    await demo.addDocuments([shabNotice()]);
    ({ server, base } = await startServer(demo));
  });
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const get = async (path: string) => {
    const res = await fetch(base + path);
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };

  it('lists customers riskiest first, each with grade, score and open receivables', async () => {
    const r = await get('/api/customers');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(21);
    const scores = r.body.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(r.body[0]).toMatchObject({ id: expect.any(String), grade: 'E', terms: expect.stringMatching(/decline|prepayment/) });
    const uk = await get('/api/customers?tag=uk&grade=A');
    expect(uk.body.every((c: { tags: string[]; grade: string }) => c.tags.includes('uk') && c.grade === 'A')).toBe(true);
    expect((await get('/api/customers?grade=Z')).status).toBe(400);
  });

  it('checks a customer by name and by register id, with the assessment JSON contract', async () => {
    const byName = await get(`/api/check?q=${encodeURIComponent('Alpenblick Metallbau')}`);
    expect(byName.status).toBe(200);
    const a = assessmentSchema.parse(byName.body);
    expect(a).toMatchObject({ customerId: 'CH-1001', grade: 'E' });
    expect(byName.body.match).toEqual({ kind: 'customer', alternatives: [] });
    expect((await get('/api/check?q=CHE-401.118.534')).body.customerId).toBe('CH-1001');
  });

  it('decides the terms for a given order amount against the credit limit', async () => {
    const base = (await get(`/api/check?q=${encodeURIComponent('Calandra Logistik')}`)).body;
    expect(base.terms.kind).toBe('open_account');
    const limit = base.terms.creditLimit as number;
    const big = (await get(`/api/check?q=${encodeURIComponent('Calandra Logistik')}&amount=${limit * 3}`)).body;
    expect(big.grade).toBe(base.grade);
    expect(big.terms.kind).not.toBe('open_account');
    expect((await get('/api/check?q=Calandra&amount=-5')).status).toBe(400);
  });

  it('assesses a prospect from a real SHAB notice that names it, by UID and by name', async () => {
    const byUid = await get('/api/check?q=CHE-114.723.217');
    expect(byUid.status).toBe(200);
    expect(byUid.body.match.kind).toBe('prospect');
    expect(byUid.body.customerId).toMatch(/^prospect-/);
    expect(byUid.body.signals.map((s: { type: string }) => s.type)).toContain('management_change');
    expect(byUid.body.match.documents[0].url).toMatch(/^https:\/\/www\.shab\.ch\//);
    const byName = await get(`/api/check?q=${encodeURIComponent('Rysaffe Administrateurs')}`);
    expect(byName.body.match.kind).toBe('prospect');
    expect(byName.body.terms.reasons.en.join(' ')).toMatch(/No invoices yet/);
  });

  it('answers 400 and 404 with the error shape and no stack', async () => {
    const missing = await get('/api/check');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'bad_request', message: expect.stringContaining('q (a name or register id) is required'), problems: expect.any(Array) });
    const tooLong = await get(`/api/check?q=${'x'.repeat(201)}`);
    expect(tooLong.body.message).toContain('at most 200');
    const none = await get(`/api/check?q=${encodeURIComponent('Nonexistent Widgets AG')}`);
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ error: 'not_found', message: expect.stringContaining('Nonexistent Widgets AG'), problems: expect.any(Array) });
    // Which registers were asked: none is configured here, and the answer says so per register.
    expect((none.body.problems as string[]).some((p) => p.startsWith('companies-house: not configured: no registers.companiesHouse block'))).toBe(true);
    const route = await get('/api/nothing-here');
    expect(route.body).toEqual({ error: 'not_found', message: 'no route GET /api/nothing-here' });
    const unknown = await get('/api/customers/XX-0000');
    expect(unknown.status).toBe(404);
  });

  it('shows one customer with history and ledger summary, and every assessment', async () => {
    const r = await get('/api/customers/CH-1001');
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({ id: 'CH-1001', registerIds: ['CHE-401.118.534'] });
    expect(r.body.history.length).toBeGreaterThanOrEqual(1);
    expect(r.body.ledger.overdue.CHF).toBeGreaterThan(0);
    const all = await get('/api/customers/CH-1001/assessments');
    expect(all.body.map((a: unknown) => assessmentSchema.parse(a).customerId)).toContain('CH-1001');
  });

  it('pages through signals with their sources and filters them', async () => {
    const first = await get('/api/signals?limit=3');
    expect(first.body.signals).toHaveLength(3);
    // Which source's signal is stored first depends on timing: the demo has rss and gazette sources.
    expect(first.body.signals[0].source).toMatchObject({ id: expect.stringMatching(/^demo-/), kind: expect.stringMatching(/^(rss|gazette)$/) });
    const second = await get(`/api/signals?limit=3&after=${first.body.next}`);
    expect(second.body.signals[0].seq).toBeGreaterThan(first.body.signals[2].seq);
    const critical = await get('/api/signals?minSeverity=critical&limit=1000');
    expect(critical.body.signals.length).toBeGreaterThan(0);
    expect(critical.body.signals.every((s: { signal: { severity: string } }) => s.signal.severity === 'critical')).toBe(true);
    const mine = await get('/api/signals?customerId=CH-1001');
    expect(mine.body.signals.every((s: { signal: { customerId: string } }) => s.signal.customerId === 'CH-1001')).toBe(true);
    expect((await get('/api/signals?type=bankruptcy')).status).toBe(400);
    expect((await get('/api/signals?limit=0')).status).toBe(400);
  });

  it('lists sources with health and the portfolio summary', async () => {
    const sources = await get('/api/sources');
    expect(sources.body.length).toBe(5);
    expect(sources.body.every((s: { status: string }) => s.status === 'ok')).toBe(true);
    const p = await get('/api/portfolio');
    expect(p.body.grades.E.count).toBeGreaterThan(0);
    expect(Object.keys(p.body.atRisk).length).toBeGreaterThan(0);
  });

  it('serves Prometheus metrics that agree with the store', async () => {
    const r = await get('/metrics');
    expect(r.type).toMatch(/^text\/plain; version=0.0.4/);
    const lines = r.text.trim().split('\n').filter((l) => l !== ''); // the text format ignores empty lines (prom-client separates families with them)
    for (const l of lines) expect(l).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{(\w+="[^"]*",?)+\})? -?[\d.e+]+)$/);
    const e = (await get('/api/customers?grade=E')).body.length;
    expect(r.text).toContain(`bonitor_assessments{grade="E"} ${e}`);
    expect(r.text).toMatch(/bonitor_documents_stored \d+/);
    expect(r.text).toContain('bonitor_dlq_messages{topic="documents.dlq"} 0');
    expect(r.text).toContain('bonitor_consumer_lag{group="analyzer",topic="documents"} 0');
    expect(r.text).toMatch(/bonitor_signals_stored\{type="insolvency",severity="critical"\} [1-9]/);
    // Counting is incremental: a second scrape must give the same figures.
    expect((await get('/metrics')).text).toBe(r.text);
  });

  it('describes every /api route in OpenAPI 3.1', async () => {
    const r = await get('/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    for (const p of ['/api/check', '/api/customers', '/api/customers/{id}', '/api/signals', '/api/subscriptions', '/api/subscriptions/{id}', '/api/sources', '/health', '/metrics']) expect(Object.keys(r.body.paths)).toContain(p);
    const check = r.body.paths['/api/check'].get;
    expect(check.parameters.find((p: { name: string }) => p.name === 'q')).toMatchObject({ in: 'query', required: true });
    expect(check.responses['200'].content['application/json'].schema.properties.grade.enum).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.body.paths['/api/subscriptions'].post.responses['403']).toBeDefined();
    expect(Object.keys(r.body.paths).some((p) => p.startsWith('/portfolio') || p === '/')).toBe(false);
  });

  it('adds and removes subscriptions through the alerts repo, with field-level problems', async () => {
    const post = (body: unknown) => fetch(`${base}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post({ id: 'x', email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems.join()).toMatch(/email/);
    const ok = await post({ id: 'api-test', email: 'ops@example.org', scope: { customers: ['CH-1001'] } });
    expect(ok.status).toBe(201);
    expect((await get('/api/subscriptions')).body.map((l: { subscription: { id: string } }) => l.subscription.id)).toContain('api-test');
    const del = await fetch(`${base}/api/subscriptions/api-test`, { method: 'DELETE' });
    expect(await del.json()).toEqual({ id: 'api-test', outcome: 'removed' });
    expect((await fetch(`${base}/api/subscriptions/api-test`, { method: 'DELETE' })).status).toBe(404);
  });

  it('honours a signed unsubscribe link from a mail, and only that', async () => {
    const token = signUnsubscribeToken('demo-claire', 'test-secret-0123456789');
    const r = await fetch(`${base}/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(r.status).toBe(200);
    const listed = (await get('/api/subscriptions')).body as Array<{ subscription: { id: string }; unsubscribedAt?: string }>;
    expect(listed.find((l) => l.subscription.id === 'demo-claire')?.unsubscribedAt).toBeTruthy();
    expect(listed.find((l) => l.subscription.id === 'demo-anna')?.unsubscribedAt).toBeUndefined();
    const forged = await fetch(`${base}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken('demo-anna', 'another-secret-0123456789'))}`);
    expect(forged.status).toBe(400);
  });

  it('refuses changes a page on another site makes the browser send (CSRF)', async () => {
    const form = { method: 'POST', body: 'id=evil&email=evil%40attacker.example', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' } };
    for (const path of ['/api/subscriptions', '/subscriptions']) {
      const r = await fetch(base + path, { ...form, redirect: 'manual' });
      expect(r.status, path).toBe(403);
    }
    const fetchMeta = await fetch(`${base}/subscriptions`, { method: 'POST', body: form.body, redirect: 'manual', headers: { 'content-type': form.headers['content-type'], 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.status).toBe(403);
    expect((await get('/api/subscriptions')).body.map((l: { subscription: { id: string } }) => l.subscription.id)).not.toContain('evil');
    const sameSite = await fetch(`${base}/subscriptions`, { method: 'POST', body: 'id=same-site&email=ok%40example.org', redirect: 'manual', headers: { 'content-type': form.headers['content-type'], origin: base } });
    expect(sameSite.status).toBe(303);
  });

  it('serves only its own host name while listening on loopback (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const r = request(`${base}/api/customers`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      });
    expect(await status('rebound.attacker.example')).toBe(403);
    expect(await status(new URL(base).host)).toBe(200);
    expect(await status(`localhost:${new URL(base).port}`)).toBe(200);
  });

  it('refuses oversized and malformed bodies with JSON errors', async () => {
    const big = await fetch(`${base}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'x', pad: 'y'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const broken = await fetch(`${base}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": ' });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules/);
  });
});
