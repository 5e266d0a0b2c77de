import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertSourceHealth, deliverPending, runInstantRound } from '../../alerts/index.js';
import { updateHealth } from '../../collectors/health/update-health.js';
import { emptyHealth, type SourceHealth, type SourceHealthEvent } from '../../platform/schemas/index.js';
import { closeMailers, makeDeps } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, makeAssessment, makeSubscription, signalFromItem, type FeedItem } from './support/fixtures.js';
import { openTestStore, STORE_KINDS, type TestStore } from './support/stores.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

let smtp: TestSmtp;
let items: FeedItem[];
const opened: TestStore[] = [];
beforeEach(async () => {
  smtp = await startSmtp();
  items = await loadFeedItems('en_google-alerts.atom');
});
afterEach(async () => {
  await closeMailers();
  await smtp.close();
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const detected = (minutes: number) => ({ detectedAt: at(minutes).toISOString() });
const chris = makeSubscription({ id: 'chris-now', email: 'chris@example.test', frequency: 'instant', scope: { all: true } });
const OPTS = { windowMs: 5 * 60_000, maxPerHour: 2 };

describe.each(STORE_KINDS)('instant alerts (%s store)', (kind) => {
  async function setup(subs = [chris]) {
    const t = openTestStore(kind);
    opened.push(t);
    await t.setCustomers(CUSTOMERS);
    const deps = makeDeps(t.store, subs, { smtpUrl: smtp.url });
    await runInstantRound(deps, at(0), OPTS); // a new subscription starts from now
    return { t, deps };
  }

  it('a burst of ten articles about one insolvency becomes one mail after the window, never repeated', async () => {
    const { t, deps } = await setup();
    const burst = items.slice(0, 10).map((i, n) => signalFromItem(i, 'slack', 'insolvency', { ...detected(1 + n * 0.2), occurredAt: '2026-11-22T08:00:00.000Z' }));
    await t.addSignals(...burst.slice(0, 4));
    const early = await runInstantRound(deps, at(2), OPTS);
    expect(early.waiting).toBe(1);
    expect(smtp.mails).toHaveLength(0);
    await t.addSignals(...burst.slice(4));
    await runInstantRound(deps, at(7), OPTS);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe('Bonitor alert: Slack Technologies');
    // Each report is one source link, named by its host (the feed gives no title for the source).
    const links = (smtp.mails[0]!.html as string).match(/>google\.com<\/a>/g) ?? [];
    expect(links).toHaveLength(10);

    // Another report of the same insolvency later: the event was alerted already.
    await t.addSignals(signalFromItem(items[12]!, 'slack', 'insolvency', detected(20)));
    await runInstantRound(deps, at(30), OPTS);
    await runInstantRound(deps, at(40), OPTS);
    expect(smtp.mails).toHaveLength(1);
  });

  it('only critical events and grade drops; history before the subscription is not alerted', async () => {
    const t = openTestStore(kind);
    opened.push(t);
    await t.setCustomers(CUSTOMERS);
    await t.addSignals(signalFromItem(items[0]!, 'haldex', 'liquidation', detected(-600)));
    await t.addAssessment(makeAssessment('meritor', 'B', 30, at(-600).toISOString()));
    const deps = makeDeps(t.store, [chris], { smtpUrl: smtp.url });
    await runInstantRound(deps, at(0), OPTS);
    await t.addSignals(signalFromItem(items[1]!, 'slack', 'layoffs', detected(1)));
    await t.addAssessment(makeAssessment('meritor', 'D', 70, at(1).toISOString()));
    await runInstantRound(deps, at(10), OPTS);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe('Bonitor alert: Meritor Inc');
    expect(smtp.mails[0]!.text).toContain('Grade B → D');
    expect(smtp.mails[0]!.text).not.toContain('Haldex');
  });

  it('rate-limits per recipient: the excess waits and goes out together in the next hour', async () => {
    const { t, deps } = await setup();
    for (const [n, customer] of ['slack', 'haldex', 'meritor'].entries()) {
      await t.addSignals(signalFromItem(items[n]!, customer, 'debt_enforcement', detected(1 + n * 10)));
      await runInstantRound(deps, at(10 + n * 10), OPTS);
    }
    expect(smtp.mails).toHaveLength(2);
    await t.addSignals(signalFromItem(items[5]!, 'slack', 'liquidation', detected(35)));
    const limited = await runInstantRound(deps, at(45), OPTS);
    expect(limited.rateLimited).toEqual(['chris-now']);
    await runInstantRound(deps, at(75), OPTS);
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails[2]!.text).toContain('Meritor Inc');
    expect(smtp.mails[2]!.text).toContain('Liquidation');
  });

  it('source-health alerts on the collector\'s Nth failure and on recovery, once each (also when an event comes twice), to admins only', async () => {
    const t = openTestStore(kind);
    opened.push(t);
    const admin = makeSubscription({ id: 'ops', email: 'ops@example.test', admin: true, language: 'de' });
    const deps = makeDeps(t.store, [admin, chris], { smtpUrl: smtp.url });
    // The collector's own rule (parkAfterFailures = 3) decides; the alerter only mails what it is told.
    const policy = { parkAfterFailures: 3, baseParkMs: 60_000, maxParkMs: 3_600_000 };
    let health: SourceHealth = { ...emptyHealth('shab'), lastSuccessAt: '2026-11-21T10:00:00.000Z' };
    const run = async (ok: boolean, minute: number): Promise<SourceHealthEvent | undefined> => {
      const outcome = ok ? { ok: true as const, published: 1 } : { ok: false as const, error: { kind: 'http_status' as const, message: 'HTTP 503 <html>', status: 503, retriable: true } };
      const next = updateHealth(health, outcome, at(minute), policy);
      health = next.health;
      if (next.event) await alertSourceHealth(deps, [next.event], at(minute));
      await deliverPending(deps, at(minute));
      return next.event;
    };
    await run(false, 0);
    await run(false, 1);
    expect(smtp.mails).toHaveLength(0);
    const failing = await run(false, 2);
    await run(false, 3);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe('Bonitor: Quelle shab fällt aus');
    expect(smtp.mails[0]!.html).toContain('HTTP 503 &lt;html&gt;');
    // The same event delivered again (a replayed topic) enqueues nothing new.
    await alertSourceHealth(deps, [failing!], at(4));
    await deliverPending(deps, at(4));
    expect(smtp.mails).toHaveLength(1);
    await run(true, 5);
    await run(true, 6);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.subject).toBe('Bonitor: Quelle shab funktioniert wieder');
    expect(smtp.mails.every((m) => JSON.stringify(m.to).includes('ops@example.test'))).toBe(true);
  });
});
