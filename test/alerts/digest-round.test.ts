import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverPending, runDigestRound, summarizeDeliveries, verifyUnsubscribeToken } from '../../alerts/index.js';
import type { Mailer } from '../../alerts/types.js';
import type { Delivery } from '../../platform/schemas/index.js';
import { closeMailers, makeDeps, SECRET, tempDir } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, makeAssessment, makeSubscription, signalFromItem, type FeedItem } from './support/fixtures.js';
import { openTestStore, STORE_KINDS, type TestStore } from './support/stores.js';
import { startSmtp, waitFor, type TestSmtp } from './support/smtp.js';

let smtp: TestSmtp;
let items: FeedItem[];
beforeEach(async () => {
  smtp = await startSmtp();
  items = await loadFeedItems('en_google-alerts.atom');
});
afterEach(async () => {
  await closeMailers();
  await smtp.close();
});

const anna = makeSubscription({ id: 'cm-anna', email: 'anna@example.test', hour: 7, scope: { customers: ['slack'] } });
const bernd = makeSubscription({ id: 'cm-bernd', email: 'bernd@example.test', name: 'Bernd', language: 'de', hour: 8, scope: { tags: ['automotive'] } });

const opened: TestStore[] = [];
async function seed(t: TestStore): Promise<TestStore> {
  await t.setCustomers(CUSTOMERS);
  await t.addSignals(
    signalFromItem(items[1]!, 'slack', 'financial_distress'),
    signalFromItem(items[5]!, 'slack', 'management_change'), // low: below Anna's minimum (medium)
    signalFromItem(items[0]!, 'haldex', 'layoffs'),
  );
  return t;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

describe.each(STORE_KINDS)('runDigestRound over a real SMTP server (%s store)', (kind) => {
  const open = (): TestStore => {
    const t = openTestStore(kind);
    opened.push(t);
    return t;
  };
  const reopen = (t: TestStore): TestStore => {
    const r = t.reopen();
    opened.push(r);
    return r;
  };

  it('sends one digest per subscription and period, and nothing on a second call', async () => {
    const t = await seed(open());
    const store = t.store;
    const deliveries: Delivery[] = [];
    const deps = makeDeps(store, [anna, bernd], { smtpUrl: smtp.url, deliveries });
    const at = new Date('2026-11-22T09:00:00Z');
    const r1 = await runDigestRound(deps, 'daily', at);
    expect(r1.planned.map((p) => p.key).sort()).toEqual(['digest:cm-anna:2026-11-22', 'digest:cm-bernd:2026-11-22']);
    expect(r1.delivered.sent).toHaveLength(2);
    expect(smtp.mails).toHaveLength(2);

    const r2 = await runDigestRound(deps, 'daily', new Date('2026-11-22T10:00:00Z'));
    expect(r2.planned).toHaveLength(0);
    expect(r2.alreadyDone.sort()).toEqual(['cm-anna', 'cm-bernd']);
    expect(smtp.mails).toHaveLength(2);

    const mail = smtp.mails.find((m) => m.subject?.includes('digest'))!;
    expect(mail.subject).toContain('1 item on 1 customer');
    expect(mail.text).toContain('Slack Technologies');
    expect(mail.text).toContain('Stock Has a Compelling Story');
    expect(mail.text).not.toContain('Director Sells'); // low severity, below the minimum
    expect(mail.html).toContain('https://bonitor.example.test/check?q=Slack%20Technologies');
    const token = /unsubscribe\?token=([^"&\s]+)/.exec(mail.html as string)![1]!;
    expect(verifyUnsubscribeToken(decodeURIComponent(token), SECRET)).toBe('cm-anna');
    expect(JSON.stringify(mail.headers.get('list'))).toContain('/unsubscribe?token=');

    const german = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('bernd'))!;
    expect(german.subject).toContain('Bonitor-Übersicht');
    expect(german.text).toContain('Stellenabbau');
    expect(german.text).toContain('Haldex AB');
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(2);
  });

  it('the next period covers only what is new since the last mail; nothing new → no mail', async () => {
    const t = await seed(open());
    const store = t.store;
    const deps = makeDeps(store, [anna], { smtpUrl: smtp.url });
    await runDigestRound(deps, 'daily', new Date('2026-11-22T09:00:00Z'));
    expect(smtp.mails).toHaveLength(1);

    const quiet = await runDigestRound(deps, 'daily', new Date('2026-11-23T09:00:00Z'));
    expect(quiet.quiet).toEqual(['cm-anna']);
    expect(smtp.mails).toHaveLength(1);

    await t.addSignals(signalFromItem(items[3]!, 'slack', 'legal_dispute'));
    // The slot of the 23rd was already judged quiet: the new item waits for the 24th.
    await runDigestRound(deps, 'daily', new Date('2026-11-23T15:00:00Z'));
    expect(smtp.mails).toHaveLength(1);
    await runDigestRound(deps, 'daily', new Date('2026-11-24T09:00:00Z'));
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.text).toContain('Snap problem');
    expect(smtp.mails[1]!.text).not.toContain('Compelling Story');
  });

  it('all-quiet subscribers get a short mail when nothing is new', async () => {
    const t = open();
    await t.setCustomers(CUSTOMERS);
    const store = t.store;
    const sub = makeSubscription({ id: 'quiet', allQuiet: true, language: 'fr' });
    await runDigestRound(makeDeps(store, [sub], { smtpUrl: smtp.url }), 'daily', new Date('2026-11-22T09:00:00Z'));
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toContain('rien à signaler');
  });

  it('across a restart (new alerter, same store) the period is not sent again', async () => {
    const t = await seed(open());
    const store = t.store;
    await runDigestRound(makeDeps(store, [anna, bernd], { smtpUrl: smtp.url }), 'daily', new Date('2026-11-22T09:00:00Z'));
    await runDigestRound(makeDeps(reopen(t).store, [anna, bernd], { smtpUrl: smtp.url }), 'daily', new Date('2026-11-22T09:00:05Z'));
    expect(smtp.mails).toHaveLength(2);
  });

  it('two alerters running at once send each mail exactly once', async () => {
    const t = await seed(open());
    const store = t.store;
    const subs = Array.from({ length: 20 }, (_, i) =>
      makeSubscription({ id: `sub-${i}`, email: `user${i}@example.test`, scope: { all: true } }),
    );
    const a = makeDeps(store, subs, { smtpUrl: smtp.url, owner: 'alerter-a' });
    const b = makeDeps(reopen(t).store, subs, { smtpUrl: smtp.url, owner: 'alerter-b' });
    const at = new Date('2026-11-22T09:00:00Z');
    const [ra, rb] = await Promise.all([runDigestRound(a, 'daily', at), runDigestRound(b, 'daily', at)]);
    await Promise.all([deliverPending(a, at), deliverPending(b, at)]);
    expect(smtp.mails).toHaveLength(20);
    const recipients = smtp.mails.map((m) => JSON.stringify(m.to));
    expect(new Set(recipients).size).toBe(20);
    expect(ra.delivered.sent.length + rb.delivered.sent.length).toBe(20);
  });

  it('two alerters at once with more mails than one enqueue or claim batch: each mail exactly once, all marked sent', async () => {
    const t = await seed(open());
    const subs = Array.from({ length: 75 }, (_, i) => makeSubscription({ id: `many-${i}`, email: `many${i}@example.test`, scope: { all: true } }));
    const a = makeDeps(t.store, subs, { smtpUrl: smtp.url, owner: 'alerter-a' });
    const b = makeDeps(reopen(t).store, subs, { smtpUrl: smtp.url, owner: 'alerter-b' });
    const at = new Date('2026-11-22T09:00:00Z');
    const [ra, rb] = await Promise.all([runDigestRound(a, 'daily', at), runDigestRound(b, 'daily', at)]);
    expect(smtp.mails).toHaveLength(75);
    expect(new Set(smtp.mails.map((m) => JSON.stringify(m.to))).size).toBe(75);
    expect(ra.delivered.sent.length + rb.delivered.sent.length).toBe(75);
    expect(await t.store.outbox.pending(100)).toEqual([]);
    expect((await t.store.outbox.list(100)).filter((e) => e.status === 'sent')).toHaveLength(75);
  });

  it('a crash while sending leaves the attempt recorded; it is sent again once, after the resend delay, marked as a retry', async () => {
    const t = await seed(open());
    const store = t.store;
    let sending = false;
    const crashing: Mailer = {
      kind: 'smtp',
      from: 'Bonitor <alerts@bonitor.test>',
      send: () => {
        sending = true;
        return new Promise<void>(() => {}); // the process dies while sending
      },
      close: async () => {},
    };
    const dying = makeDeps(store, [anna], { mailer: crashing, owner: 'dying' });
    dying.leaseMs = 60_000;
    const at = new Date('2026-11-22T09:00:00Z');
    void runDigestRound(dying, 'daily', at);
    await waitFor(() => sending);
    // The attempt was recorded before the message went out: the outcome is unknown, not "pending".
    expect(await store.outbox.get('digest:cm-anna:2026-11-22')).toMatchObject({ status: 'sending', attempts: 1, attemptStartedAt: at.toISOString() });

    const restarted = makeDeps(reopen(t).store, [anna], { smtpUrl: smtp.url, owner: 'restarted' });
    restarted.resendUnconfirmedAfterMs = 10 * 60_000;
    // Neither while the dead alerter's lease holds nor after it: only once the resend delay has passed.
    expect((await runDigestRound(restarted, 'daily', new Date('2026-11-22T09:00:30Z'))).delivered.sent).toEqual([]);
    expect((await runDigestRound(restarted, 'daily', new Date('2026-11-22T09:05:00Z'))).delivered.sent).toEqual([]);
    const later = await runDigestRound(restarted, 'daily', new Date('2026-11-22T09:10:30Z'));
    expect(later.delivered.sent).toEqual(['digest:cm-anna:2026-11-22']);
    await runDigestRound(restarted, 'daily', new Date('2026-11-22T09:30:00Z'));
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.headers.get('x-bonitor-retry')).toBe('2; unconfirmed-attempt=2026-11-22T09:00:00.000Z');
  });

  it('SMTP down, then up: retried with backoff, each mail delivered once, failures recorded', async () => {
    const t = await seed(open());
    const store = t.store;
    const deliveries: Delivery[] = [];
    const deps = makeDeps(store, [anna, bernd], { smtpUrl: smtp.url, deliveries });
    smtp.setDown(true);
    const at = new Date('2026-11-22T09:00:00Z');
    const r1 = await runDigestRound(deps, 'daily', at);
    expect(r1.delivered.failed).toHaveLength(2);
    expect(r1.delivered.failed.every((f) => !f.final)).toBe(true);
    const entry = await store.outbox.get('digest:cm-anna:2026-11-22');
    expect(entry?.attempts).toBe(1);
    expect(entry?.lastError).toMatch(/421|not available/i);
    expect(deliveries.filter((d) => d.status === 'failed')).toHaveLength(2);

    // Within the backoff nothing is tried again, even though SMTP is back.
    smtp.setDown(false);
    const early = await deliverPending(deps, new Date(at.getTime() + 100));
    expect(early.sent).toEqual([]);
    expect(early.skipped).toBe(2);

    const health = await summarizeDeliveries(store.outbox);
    expect(health).toMatchObject({ ok: false, pending: 2, retrying: 2, failed: 0 });
    expect(health.lastError).toMatch(/421|not available/i);

    const r2 = await deliverPending(deps, new Date(at.getTime() + 5_000));
    expect(r2.sent).toHaveLength(2);
    await deliverPending(deps, new Date(at.getTime() + 10_000));
    expect(smtp.mails).toHaveLength(2);
    expect((await summarizeDeliveries(store.outbox)).ok).toBe(true);
    await deps.mailer.close();
  });

  it('gives up after the last attempt and records the failure', async () => {
    const t = await seed(open());
    const store = t.store;
    const deps = makeDeps(store, [anna], { smtpUrl: smtp.url });
    deps.retry = { baseMs: 1, maxMs: 1, maxAttempts: 2 };
    smtp.setDown(true);
    const at = new Date('2026-11-22T09:00:00Z');
    await runDigestRound(deps, 'daily', at);
    const r = await deliverPending(deps, new Date(at.getTime() + 1000));
    expect(r.failed).toEqual([expect.objectContaining({ key: 'digest:cm-anna:2026-11-22', final: true })]);
    expect((await store.outbox.get('digest:cm-anna:2026-11-22'))?.status).toBe('failed');
    // Nothing is lost: what the given-up mail carried goes into the next digest.
    smtp.setDown(false);
    const next = await runDigestRound(deps, 'daily', new Date('2026-11-23T09:00:00Z'));
    expect(next.planned.map((p) => [p.key, p.itemCount])).toEqual([['digest:cm-anna:2026-11-23', 1]]);
    expect(smtp.mails).toHaveLength(1);
  });

  it('a crash between enqueue and saving the digest state: the next round repairs the state and sends nothing twice', async () => {
    const t = await seed(open());
    const hanging: Mailer = { kind: 'smtp', from: 'Bonitor <alerts@bonitor.test>', send: () => new Promise<void>(() => {}), close: async () => {} };
    const dying = makeDeps(t.store, [anna], { mailer: hanging, owner: 'dying' });
    dying.leaseMs = 60_000;
    const saving = t.store.digestStates.saveDigestStates.bind(t.store.digestStates);
    t.store.digestStates.saveDigestStates = async () => {
      throw new Error('process killed');
    };
    await expect(runDigestRound(dying, 'daily', new Date('2026-11-22T09:00:00Z'))).rejects.toThrow('process killed');
    t.store.digestStates.saveDigestStates = saving;
    const deps = makeDeps(t.store, [anna], { smtpUrl: smtp.url, owner: 'restarted' });
    const again = await runDigestRound(deps, 'daily', new Date('2026-11-22T09:05:00Z'));
    expect(again.alreadyDone).toEqual(['cm-anna']);
    expect((await t.store.digestStates.digestStates(['cm-anna'])).get('cm-anna')?.lastPeriod).toBe('2026-11-22');
    // The next period starts after what the first mail covered: nothing new, no mail.
    const next = await runDigestRound(deps, 'daily', new Date('2026-11-23T09:00:00Z'));
    expect(next.planned).toEqual([]);
    await waitFor(() => smtp.mails.length >= 1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('catches up a slot missed while the service was down, with everything since the last mail', async () => {
    const t = await seed(open());
    const store = t.store;
    const deps = makeDeps(store, [anna], { smtpUrl: smtp.url });
    await runDigestRound(deps, 'daily', new Date('2026-11-20T09:00:00Z'));
    await t.addSignals(signalFromItem(items[3]!, 'slack', 'legal_dispute'), signalFromItem(items[15]!, 'slack', 'positive', { severity: 'high' }));
    // Down on the 21st and 22nd; back on the 23rd at 06:30 local, before that day's slot.
    const r = await runDigestRound(deps, 'daily', new Date('2026-11-23T05:30:00Z'));
    expect(r.planned.map((p) => p.key)).toEqual(['digest:cm-anna:2026-11-22']);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.text).toContain('Snap problem');
  });

  it('shows grade and score changes with reasons, from what the subscriber was told before', async () => {
    const t = open();
    await t.setCustomers(CUSTOMERS);
    const store = t.store;
    await t.addAssessment(makeAssessment('slack', 'B', 30, '2026-11-19T10:00:00Z'));
    const deps = makeDeps(store, [{ ...anna, minSeverity: 'low' }], { smtpUrl: smtp.url });
    await runDigestRound(deps, 'daily', new Date('2026-11-20T09:00:00Z'));
    expect(smtp.mails[0]!.text).toContain('Grade B · Score 30 (first assessment)');
    await t.addAssessment(makeAssessment('slack', 'C', 50, '2026-11-20T10:00:00Z'));
    await t.addAssessment(makeAssessment('slack', 'D', 72, '2026-11-20T12:00:00Z'));
    await runDigestRound(deps, 'daily', new Date('2026-11-21T09:00:00Z'));
    expect(smtp.mails).toHaveLength(2);
    const text = smtp.mails[1]!.text!;
    expect(text).toContain('Grade B → D · Score 30 → 72');
    expect(text).toContain('adverse news in the last 90 days');
    expect(text).toMatch(/Recommended terms: Open account, 30 days net, credit limit CHF\s50,000/);
  });

  it('DST days: a 02:00 Zurich digest goes out at 03:00 on spring-forward day; New York 01:00 on fall-back day once', async () => {
    const t = await seed(open());
    const zurich = makeSubscription({ id: 'zh', email: 'zh@example.test', hour: 2, scope: { all: true } });
    const newYork = makeSubscription({ id: 'ny', email: 'ny@example.test', hour: 1, timeZone: 'America/New_York', scope: { all: true } });
    const deps = makeDeps(t.store, [zurich, newYork], { smtpUrl: smtp.url });
    // 2026-03-29 00:59Z is 01:59 CET; the next minute the clock jumps from 02:00 to 03:00 CEST.
    const before = await runDigestRound(deps, 'daily', new Date('2026-03-29T00:59:00Z'));
    expect(before.planned.map((p) => p.key)).toContain('digest:zh:2026-03-28');
    await t.addSignals(signalFromItem(items[3]!, 'haldex', 'insolvency'), signalFromItem(items[4]!, 'meritor', 'insolvency'));
    const spring = await runDigestRound(deps, 'daily', new Date('2026-03-29T01:00:00Z'));
    expect(spring.planned.map((p) => p.key)).toEqual(['digest:zh:2026-03-29']);
    // 2026-11-01: 01:00 New York happens at 05:00Z (EDT) and again at 06:00Z (EST); one mail.
    await t.addSignals(signalFromItem(items[6]!, 'slack', 'insolvency'));
    const first = await runDigestRound(deps, 'daily', new Date('2026-11-01T05:30:00Z'));
    await t.addSignals(signalFromItem(items[7]!, 'slack', 'liquidation'));
    const second = await runDigestRound(deps, 'daily', new Date('2026-11-01T06:30:00Z'));
    expect(first.planned.filter((p) => p.subscriptionId === 'ny').map((p) => p.key)).toEqual(['digest:ny:2026-11-01']);
    expect(second.planned.filter((p) => p.subscriptionId === 'ny')).toEqual([]);
    const ny = smtp.mails.filter((m) => JSON.stringify(m.to).includes('ny@'));
    expect(ny.map((m) => m.messageId)).toHaveLength(new Set(ny.map((m) => m.messageId)).size);
  });

  it('without SMTP writes one .eml per mail into the outbox folder', async () => {
    const t = await seed(open());
    const store = t.store;
    const dir = tempDir();
    const deps = makeDeps(store, [anna, bernd], { outboxDir: path.join(dir, 'outbox') });
    await runDigestRound(deps, 'daily', new Date('2026-11-22T09:00:00Z'));
    await runDigestRound(deps, 'daily', new Date('2026-11-22T09:30:00Z'));
    const files = readdirSync(path.join(dir, 'outbox')).sort();
    expect(files).toEqual(['digest_cm-anna_2026-11-22.eml', 'digest_cm-bernd_2026-11-22.eml']);
    expect(readFileSync(path.join(dir, 'outbox', files[0]!), 'utf8')).toMatch(/^Content-Type: multipart\/alternative/m);
  });

  it('dry run plans and sends nothing', async () => {
    const t = await seed(open());
    const store = t.store;
    const deps = makeDeps(store, [anna], { smtpUrl: smtp.url });
    const r = await runDigestRound(deps, 'daily', new Date('2026-11-22T09:00:00Z'), { dryRun: true });
    expect(r.planned).toHaveLength(1);
    expect(r.planned[0]!.preview).toContain('Compelling Story');
    expect(await store.outbox.list(10)).toEqual([]);
    expect(smtp.mails).toHaveLength(0);
  });
});
