import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, renderDigest } from '../../alerts/index.js';
import { ackUrl } from '../../alerts/ack-token.js';
import { limitAlerts } from '../../alerts/limit-alerts.js';
import { setCreditLimit } from '../../app/credit-actions.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import type { Assessment } from '../../platform/schemas/index.js';
import { openDemoApp, startServer, type DemoApp } from '../http/support/demo-app.js';

const withExposure = (a: Assessment, e: Partial<NonNullable<Assessment['exposure']>>): Assessment => ({
  ...a,
  exposure: { open: 9000, overdue: 0, approvedLimit: 10000, utilisation: 0.9, currency: 'CHF', recommendedLimit: 20000, level: 80, aboveRecommendation: false, ...e },
});

describe('limit alerts', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  const secret = 'test-secret-0123456789';
  beforeAll(async () => {
    demo = await openDemoApp();
    ({ server, base } = await startServer(demo));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });

  it('alert when limit use crosses a threshold upwards or the suggested limit falls below the approved one, not again at the same level', async () => {
    const a = (await demo.app.store.latestAssessment('CH-1004'))!;
    const at80 = withExposure(a, { level: 80, utilisation: 0.86 });
    const at100 = withExposure(a, { level: 100, utilisation: 1.07, open: 10700 });
    expect(limitAlerts({ assessment: at100, previous: at80 }).map((l) => [l.kind, l.severity])).toEqual([['crossed', 'high']]);
    expect(limitAlerts({ assessment: at80, previous: withExposure(a, { level: 0, utilisation: 0.5 }) }).map((l) => [l.kind, l.severity])).toEqual([['crossed', 'medium']]);
    expect(limitAlerts({ assessment: at80, previous: at80 })).toEqual([]);
    expect(limitAlerts({ assessment: withExposure(a, { level: 0, utilisation: 0.4, recommendedLimit: 7000, aboveRecommendation: true }), previous: withExposure(a, { level: 0, utilisation: 0.4 }) }).map((l) => l.kind)).toEqual(['above_recommendation']);
  });

  it('a limit set below the open amount reaches the digest with open, overdue, limit use and the next step, and a signed acknowledge link that works', async () => {
    const before = (await demo.app.store.latestAssessment('CH-1009'))!;
    const after = (await setCreditLimit(demo.app, 'CH-1009', { creditLimit: 5000 }))!;
    expect(after.exposure).toMatchObject({ approvedLimit: 5000, level: 100 });
    const sub = subscriptionSchema.parse({ id: 'demo-anna', email: 'anna.muster@kreditmanagement.example', name: 'Anna', language: 'de', minSeverity: 'medium' });
    const digest = buildDigest({
      subscription: sub, frequency: 'daily', periodKey: 'p', slotAt: new Date(), customers: await demo.app.store.listCustomers(), signals: [],
      changes: [{ seq: 9, assessment: after, previous: before }], latest: new Map([['CH-1009', after]]),
    });
    expect(digest.itemCount).toBe(1);
    const mail = renderDigest(digest, { publicUrl: base, ackUrl: (customerId, keys) => ackUrl(base, { subscriptionId: sub.id, customerId, keys }, secret) });
    expect(mail.text).toMatch(/Offen CHF\s5.370 · überfällig CHF\s0 · Limitenauslastung 107%/);
    expect(mail.text).toContain('Limitenauslastung hat 100% überschritten');
    expect(mail.text).toMatch(/Nächster Schritt: Keine Lieferungen mehr auf Rechnung/);
    expect(mail.text).toContain('Was heute Ihre Aufmerksamkeit braucht');
    const link = /Zur Kenntnis nehmen: (\S+)/.exec(mail.text)![1]!;

    // The link asks first (a mail scanner following it acknowledges nothing), then acknowledges.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await demo.app.store.credit.acknowledgementsFor('CH-1009')).toEqual([]);
    const token = new URL(link).searchParams.get('token')!;
    const done = await fetch(`${base}/ack`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    expect(done.status).toBe(200);
    expect((await demo.app.store.credit.acknowledgementsFor('CH-1009')).map((x) => x.by)).toEqual(['Anna Muster']);
    const forged = await fetch(`${base}/ack`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }) });
    expect(forged.status).toBe(400);

    // Acknowledged: out of the next digest's new items, listed apart.
    const next = buildDigest({
      subscription: sub, frequency: 'daily', periodKey: 'p2', slotAt: new Date(), customers: await demo.app.store.listCustomers(), signals: [],
      changes: [{ seq: 9, assessment: after, previous: before }], latest: new Map([['CH-1009', after]]),
      acknowledged: await demo.app.store.credit.acknowledgements([`assessment:CH-1009:${after.asOf}`]),
    });
    expect(next.itemCount).toBe(0);
    expect(renderDigest({ ...next, itemCount: 1 }, {}).text).toMatch(/Bereits zur Kenntnis genommen[\s\S]*zur Kenntnis genommen von Anna Muster/);
  });
});
