import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, mergeEvents, renderDigest, runDigestRound, signUnsubscribeToken, verifyUnsubscribeToken } from '../../alerts/index.js';
import { closeMailers, makeDeps } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, makeSubscription, signalFromItem, type FeedItem } from './support/fixtures.js';
import { MemoryAlertStore } from './support/memory-store.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

let items: FeedItem[];
let broken: FeedItem[];
beforeEach(async () => {
  items = await loadFeedItems('en_google-alerts.atom');
  broken = await loadFeedItems('en_google-alerts.broken-xss.atom');
});

describe('escaping what came from sources', () => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await closeMailers();
    await smtp.close();
  });

  it('a feed title with <script> and <img onerror> arrives escaped in the HTML part', async () => {
    const evil = broken.find((i) => i.title.includes('<script>'))!;
    expect(evil).toBeDefined();
    const store = new MemoryAlertStore();
    store.customers = CUSTOMERS;
    store.addSignals(
      signalFromItem(evil, 'slack', 'legal_dispute', { evidence: evil.title }),
      signalFromItem(broken.find((i) => i.title.startsWith('<b>Slack</b> Stock'))!, 'slack', 'financial_distress'),
    );
    const sub = makeSubscription({ id: 'x', scope: { all: true } });
    await runDigestRound(makeDeps(store, [sub], { smtpUrl: smtp.url }), 'daily', new Date('2026-11-22T09:00:00Z'));
    expect(smtp.mails).toHaveLength(1);
    const html = smtp.mails[0]!.html as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The Google redirect URL keeps its query string, with & escaped inside the attribute.
    expect(html).toContain('href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.vox.com/');
    expect(smtp.mails[0]!.text).toContain('<script>alert("xss")</script>');
    // Search-alert emphasis (<b>Slack</b>) is dropped rather than shown as literal tags.
    expect(html).toContain('>Slack Stock Has a Compelling Story and the Numbers to Back It Up</a>');
    expect(html).not.toContain('&lt;b&gt;');
  });
});

describe('buildDigest', () => {
  it('merges reports of one event by several sources into one item with all links', () => {
    const henderson = items.filter((i) => /Cal Henderson Sells/.test(i.title));
    expect(henderson.length).toBeGreaterThanOrEqual(2);
    const signals = henderson.map((i, n) => signalFromItem(i, 'slack', 'financial_distress', { sourceId: `source-${n}` }));
    const events = mergeEvents([...signals, signals[0]!]);
    expect(events).toHaveLength(1);
    expect(events[0]!.links.map((l) => l.sourceId).sort()).toEqual(henderson.map((_, n) => `source-${n}`));
    expect(events[0]!.signalIds).toHaveLength(henderson.length);
  });

  it('keeps events more than three days apart separate', () => {
    const a = signalFromItem(items[1]!, 'slack', 'layoffs');
    const b = signalFromItem(items[3]!, 'slack', 'layoffs', { occurredAt: '2019-07-20T10:00:00.000Z' });
    expect(mergeEvents([a, b])).toHaveLength(2);
  });

  it('applies scope, minimum severity and holds back ambiguous matches', () => {
    const signals = [
      signalFromItem(items[0]!, 'haldex', 'insolvency'),
      signalFromItem(items[4]!, 'meritor', 'insolvency', { ambiguous: true }),
      signalFromItem(items[1]!, 'slack', 'insolvency'),
      signalFromItem(items[2]!, 'haldex', 'ownership_change'),
      signalFromItem(items[12]!, 'x', 'layoffs', { customerId: undefined, industry: '29' }),
    ];
    const sub = makeSubscription({ scope: { tags: ['automotive'] }, minSeverity: 'medium' });
    const d = buildDigest({ subscription: sub, frequency: 'daily', periodKey: 'p', slotAt: new Date(), customers: CUSTOMERS, signals, changes: [] });
    expect(d.customers.map((c) => c.customerId)).toEqual(['haldex']);
    expect(d.customers[0]!.events.map((e) => e.type)).toEqual(['insolvency']);
    expect(d.industries.map((i) => i.industry)).toEqual(['29']);
    expect(d.itemCount).toBe(2);
  });

  it('renders German and French with localised labels and a plain-text part', () => {
    const signals = [signalFromItem(items[0]!, 'haldex', 'debt_enforcement')];
    for (const [language, label] of [['de', 'Betreibung'], ['fr', 'Poursuite'], ['en', 'Debt enforcement']] as const) {
      const sub = makeSubscription({ language, scope: { all: true } });
      const d = buildDigest({ subscription: sub, frequency: 'weekly', periodKey: 'p', slotAt: new Date('2026-11-23T07:00:00Z'), customers: CUSTOMERS, signals, changes: [] });
      const mail = renderDigest(d, {});
      expect(mail.text).toContain(label);
      expect(mail.html).toContain(`lang="${language}"`);
      expect(mail.text).toContain('bonitor subscriptions remove cm-anna');
    }
  });
});

describe('long digests', () => {
  it('show at most eight events per customer and say how many more there are', () => {
    const signals = Array.from({ length: 12 }, (_, n) =>
      signalFromItem(items[n]!, 'slack', 'layoffs', { occurredAt: new Date(Date.UTC(2026, 9, 1 + n * 4)).toISOString() }),
    );
    const sub = makeSubscription({ scope: { all: true } });
    const d = buildDigest({ subscription: sub, frequency: 'daily', periodKey: 'p', slotAt: new Date('2026-11-23T06:00:00Z'), customers: CUSTOMERS, signals, changes: [] });
    expect(d.itemCount).toBe(12);
    const mail = renderDigest(d, {});
    expect(mail.text.match(/\[medium\] Layoffs/g)).toHaveLength(8);
    expect(mail.text).toContain('… and 4 more');
    expect(mail.html).toContain('… and 4 more');
  });
});

describe('unsubscribe tokens', () => {
  it('verify with the right secret only, and reject tampering', () => {
    const t = signUnsubscribeToken('cm-anna', 's3cret');
    expect(verifyUnsubscribeToken(t, 's3cret')).toBe('cm-anna');
    expect(verifyUnsubscribeToken(t, 'other')).toBeUndefined();
    const forged = `${Buffer.from('cm-bernd').toString('base64url')}.${t.split('.')[1]}`;
    expect(verifyUnsubscribeToken(forged, 's3cret')).toBeUndefined();
    expect(verifyUnsubscribeToken('garbage', 's3cret')).toBeUndefined();
  });
});
