import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, renderDigest } from '../../alerts/index.js';
import { hashToken } from '../../app/http/auth.js';
import type { App } from '../../app/compose.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import { assessmentSchema } from '../../platform/schemas/index.js';
import { openDemoApp, startServer, type DemoApp } from '../http/support/demo-app.js';

const ADMIN = 'admin-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdef';

/** Approved limits, overrides with their history, notes and acknowledgements over HTTP, on the demo. */
describe('the credit manager\'s daily work over the API', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    demo = await openDemoApp();
    const http = { ...demo.app.config.http, tokens: [{ name: 'anna', sha256: hashToken(ADMIN), role: 'admin' as const }, { name: 'controller', sha256: hashToken(READER), role: 'read' as const }] };
    const app: App = { ...demo.app, config: { ...demo.app.config, http } };
    ({ server, base } = await startServer(demo, { app }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });
  const call = async (path: string, token: string, init: RequestInit = {}) => {
    const res = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('shows what is at stake against the approved limit from the watchlist, and the next step', async () => {
    const r = await call('/api/check?q=Lindenhof%20Software', READER);
    expect(r.status).toBe(200);
    expect(assessmentSchema.safeParse(r.body).success).toBe(true);
    expect(r.body.exposure).toMatchObject({ open: 10360, overdue: 0, approvedLimit: 9000, currency: 'EUR', level: 100 });
    expect(r.body.exposure.utilisation).toBeCloseTo(10360 / 9000, 3);
    expect(r.body.nextStep).toEqual({ code: 'stop_deliveries_limit', params: { open: 10360, limit: 9000, currency: 'EUR' } });
    const alpenblick = await call('/api/check?q=Alpenblick%20Metallbau', READER);
    expect(alpenblick.body.nextStep).toEqual({ code: 'lodge_claim_by', params: { type: 'insolvency', date: '2027-01-14' } });
  });

  it('sets and removes an approved limit (admin only); the assessment follows at once', async () => {
    expect((await call('/api/customers/CH-1006/credit-limit', READER, { method: 'PUT', body: JSON.stringify({ creditLimit: 12000 }) })).status).toBe(403);
    const set = await call('/api/customers/CH-1006/credit-limit', ADMIN, { method: 'PUT', body: JSON.stringify({ creditLimit: 12000 }) });
    expect(set.status).toBe(200);
    expect(set.body.assessment.exposure).toMatchObject({ approvedLimit: 12000, open: 10560, level: 80 });
    expect((await call('/api/check?q=CH-1006', READER)).body.exposure.approvedLimit).toBe(12000);
    expect((await call('/api/customers/CH-1006/credit-limit', ADMIN, { method: 'PUT', body: JSON.stringify({ creditLimit: -5 }) })).status).toBe(400);
    expect((await call('/api/customers/NOPE/credit-limit', ADMIN, { method: 'PUT', body: JSON.stringify({ creditLimit: 5 }) })).status).toBe(404);
    const removed = await call('/api/customers/CH-1006/credit-limit', ADMIN, { method: 'PUT', body: JSON.stringify({ creditLimit: null }) });
    expect(removed.body.assessment.exposure.approvedLimit).toBeNull();
  });

  it('overrides grade and terms with a reason everyone sees, keeps the model\'s view and every change, and clears', async () => {
    const before = (await call('/api/check?q=Calandra%20Logistik', READER)).body;
    expect(before.grade).toMatch(/[AB]/);
    expect((await call('/api/customers/CH-1003/override', ADMIN, { method: 'POST', body: JSON.stringify({ grade: 'D' }) })).status).toBe(400); // no reason
    const set = await call('/api/customers/CH-1003/override', ADMIN, { method: 'POST', body: JSON.stringify({ grade: 'D', reason: 'Managing director called: they lost their biggest client', until: '2099-12-31' }) });
    expect(set.status).toBe(201);
    expect(set.body.change).toMatchObject({ customerId: 'CH-1003', action: 'set', grade: 'D', by: 'anna' });
    const after = (await call('/api/check?q=Calandra%20Logistik', READER)).body;
    expect(after.grade).toBe('D');
    expect(after.terms.kind).toBe('prepayment');
    expect(after.override).toMatchObject({ grade: 'D', reason: 'Managing director called: they lost their biggest client', by: 'anna', until: '2099-12-31' });
    expect(after.model).toMatchObject({ grade: before.grade, score: before.score });
    expect(after.terms.reasonCodes[0]).toMatchObject({ code: 'manual_override', stance: 'decision' });
    expect((await call('/api/overrides', READER)).body.map((c: { customerId: string }) => c.customerId)).toContain('CH-1003');

    // The change reaches the alerts as a grade change with the override's reason.
    const history = await demo.app.store.assessmentHistory('CH-1003');
    const [previous, latest] = history.slice(-2);
    const sub = subscriptionSchema.parse({ id: 's', email: 'a@example.test', language: 'en', minSeverity: 'low' });
    const digest = buildDigest({ subscription: sub, frequency: 'daily', periodKey: 'p', slotAt: new Date(), customers: await demo.app.store.listCustomers(), signals: [], changes: [{ seq: 1, assessment: latest!, previous }], latest: new Map([['CH-1003', latest!]]) });
    const mail = renderDigest(digest, {});
    expect(mail.text).toMatch(new RegExp(`Grade ${before.grade} → D`));
    expect(mail.text).toContain('Override by anna: Managing director called');

    const cleared = await call('/api/customers/CH-1003/override?reason=settled', ADMIN, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assessment.grade).toBe(before.grade);
    expect(cleared.body.assessment.override).toBeUndefined();
    const changes = (await call('/api/customers/CH-1003/overrides', READER)).body;
    expect(changes.inForce).toBeNull();
    expect(changes.changes.map((c: { action: string }) => c.action)).toEqual(['set', 'clear']);
    expect((await call('/api/customers/CH-1003/override', ADMIN, { method: 'DELETE' })).status).toBe(404);
  });

  it('keeps notes with who and when, and acknowledges alerted items once', async () => {
    const note = await call('/api/customers/CH-1008/notes', ADMIN, { method: 'POST', body: JSON.stringify({ text: 'Promised to pay the October invoices by Friday.' }) });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ by: 'anna', text: 'Promised to pay the October invoices by Friday.' });
    expect((await call('/api/customers/CH-1008/notes', READER)).body[0].text).toContain('Friday');
    expect((await call('/api/customers/CH-1008/notes', ADMIN, { method: 'POST', body: JSON.stringify({ text: '   ' }) })).status).toBe(400);
    const signal = (await demo.app.store.signalsForCustomer('CH-1001'))[0]!;
    const ack = await call('/api/customers/CH-1001/acknowledgements', ADMIN, { method: 'POST', body: JSON.stringify({ keys: [`signal:${signal.id}`] }) });
    expect(ack.body).toEqual({ acknowledged: 1 });
    expect((await call('/api/customers/CH-1001/acknowledgements', ADMIN, { method: 'POST', body: JSON.stringify({ keys: [`signal:${signal.id}`] }) })).body).toEqual({ acknowledged: 0 });
    expect((await call('/api/customers/CH-1001/acknowledgements', READER)).body[0]).toMatchObject({ itemKey: `signal:${signal.id}`, by: 'anna' });
  });
});
