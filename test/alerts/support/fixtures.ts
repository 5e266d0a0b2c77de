import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { subscriptionSchema, type Subscription } from '../../../platform/config/subscriptions.js';
import { stableId } from '../../../platform/ids.js';
import type { Assessment, Customer, EventType, Grade, Signal } from '../../../platform/schemas/index.js';
import { DEFAULT_SEVERITY } from '../../../platform/schemas/index.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/alerts');

export interface FeedItem {
  title: string;
  link: string;
  published: string;
  content: string;
}

/** Items of a captured feed, decoded the way a collector would see them. */
export async function loadFeedItems(file: string): Promise<FeedItem[]> {
  const feed = await new Parser().parseString(readFileSync(path.join(FIXTURES, file), 'utf8'));
  return feed.items.map((i) => ({
    title: i.title ?? '',
    link: i.link ?? '',
    published: new Date(i.isoDate ?? i.pubDate ?? 0).toISOString(),
    content: i.contentSnippet ?? i.content ?? '',
  }));
}

export function signalFromItem(item: FeedItem, customerId: string, type: EventType, extra: Partial<Signal> = {}): Signal {
  return {
    id: stableId(item.link, customerId, type),
    type,
    severity: DEFAULT_SEVERITY[type],
    confidence: 0.8,
    polarity: type === 'positive' ? 1 : -1,
    customerId,
    ambiguous: false,
    evidence: item.content.slice(0, 200),
    documentIds: [stableId(item.link)],
    sourceId: 'google-alerts',
    title: item.title,
    url: item.link,
    occurredAt: item.published,
    detectedAt: item.published,
    ...extra,
  };
}

export const CUSTOMERS: Customer[] = [
  { id: 'slack', name: 'Slack Technologies', aliases: ['Slack'], registerIds: [], domains: [], country: 'US', industry: '62.01', tags: ['software'] },
  { id: 'haldex', name: 'Haldex AB', aliases: [], registerIds: [], domains: [], country: 'SE', industry: '29.32', tags: ['automotive'] },
  { id: 'meritor', name: 'Meritor Inc', aliases: [], registerIds: [], domains: [], country: 'US', industry: '29.32', tags: ['automotive'] },
];

export function makeSubscription(partial: Record<string, unknown>): Subscription {
  return subscriptionSchema.parse({ id: 'cm-anna', email: 'anna@example.test', name: 'Anna', ...partial });
}

export function makeAssessment(customerId: string, grade: Grade, score: number, asOf: string): Assessment {
  const name = CUSTOMERS.find((c) => c.id === customerId)?.name ?? customerId;
  return {
    customerId,
    name,
    asOf,
    score,
    pd: score / 200,
    grade,
    terms: { kind: grade === 'E' ? 'prepayment' : 'open_account', netDays: grade === 'E' ? null : 30, advancePercent: grade === 'E' ? 100 : null, creditLimit: grade === 'E' ? 0 : 50_000, currency: 'CHF' },
    factors: [
      { name: 'external_signals', contribution: score / 2, evidence: [], description: 'adverse news in the last 90 days' },
      { name: 'payment_behaviour', contribution: 5, evidence: ['INV-1'], description: 'two invoices paid late' },
    ],
    signals: [],
    modelVersion: 'test-1',
  };
}
