import type { Bus } from '../../platform/bus/port.js';
import { deadLetterTopic, GRADES, TOPICS } from '../../platform/schemas/index.js';
import type { Store } from '../../platform/store/port.js';
import { GROUPS } from '../topics.js';

export interface MetricsDeps {
  store: Pick<Store, 'countDocuments' | 'listCustomers' | 'latestAssessments' | 'signalsSince' | 'listSourceHealth' | 'outbox'>;
  bus: Pick<Bus, 'lag'>;
}

/** A group that never commits: its lag on a topic is the number of messages the topic holds. */
export const PROBE_GROUP = 'bonitor-metrics-probe';

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: Array<{ labels?: Labels; value: number }>;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Prometheus text exposition format 0.0.4. */
export function formatPrometheus(families: Family[]): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = s.labels && Object.keys(s.labels).length > 0 ? `{${Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
      out.push(`${f.name}${labels} ${Number.isFinite(s.value) ? s.value : 0}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const CONSUMED: Array<[string, string]> = [
  [GROUPS.analyzer, TOPICS.documents],
  [GROUPS.scorer, TOPICS.ledger],
  [GROUPS.scorer, TOPICS.signals],
];

/**
 * Collects the metrics on each scrape. Signals are counted incrementally from the store's
 * ingestion cursor, so a scrape reads only what arrived since the last one.
 */
export function createMetrics(deps: MetricsDeps): { render(): Promise<string> } {
  const signalCounts = new Map<string, number>();
  let signalCursor = 0;
  let counting: Promise<void> = Promise.resolve();

  async function countNewSignals(): Promise<void> {
    for (;;) {
      const batch = await deps.store.signalsSince(signalCursor, 5000);
      if (batch.length === 0) return;
      for (const { seq, signal } of batch) {
        const key = `${signal.type}\u0000${signal.severity}`;
        signalCounts.set(key, (signalCounts.get(key) ?? 0) + 1);
        signalCursor = Math.max(signalCursor, seq);
      }
    }
  }

  return {
    async render() {
      counting = counting.then(countNewSignals, countNewSignals);
      await counting;
      const [documents, customers, latest, health, outbox] = await Promise.all([
        deps.store.countDocuments(),
        deps.store.listCustomers(),
        deps.store.latestAssessments(),
        deps.store.listSourceHealth(),
        deps.store.outbox.list(1_000_000),
      ]);
      const deliveries = new Map<string, number>();
      for (const e of outbox) deliveries.set(`${e.kind}\u0000${e.status}`, (deliveries.get(`${e.kind}\u0000${e.status}`) ?? 0) + 1);
      const lag = await Promise.all(CONSUMED.map(async ([group, topic]) => ({ labels: { group, topic }, value: await deps.bus.lag(group, topic) })));
      const dlq = await Promise.all(Object.values(TOPICS).map(async (t) => ({ labels: { topic: deadLetterTopic(t) }, value: await deps.bus.lag(PROBE_GROUP, deadLetterTopic(t)) })));
      const num = (v: unknown) => (typeof v === 'number' ? v : 0);
      const seconds = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) / 1000 : 0);
      return formatPrometheus([
        { name: 'bonitor_documents_stored', help: 'Documents collected and stored.', type: 'gauge', samples: [{ value: documents }] },
        { name: 'bonitor_customers', help: 'Customers on the watchlist.', type: 'gauge', samples: [{ value: customers.length }] },
        {
          name: 'bonitor_signals_stored',
          help: 'Signals stored, by event type and severity.',
          type: 'gauge',
          samples: [...signalCounts].sort().map(([k, value]) => {
            const [type, severity] = k.split('\u0000') as [string, string];
            return { labels: { type, severity }, value };
          }),
        },
        { name: 'bonitor_assessments', help: 'Customers by the grade of their latest assessment.', type: 'gauge', samples: GRADES.map((g) => ({ labels: { grade: g }, value: latest.filter((a) => a.grade === g).length })) },
        {
          name: 'bonitor_deliveries',
          help: 'Mails in the outbox by kind and status (pending, sent, failed).',
          type: 'gauge',
          samples: [...deliveries].sort().map(([k, value]) => {
            const [kind, status] = k.split('\u0000') as [string, string];
            return { labels: { kind, status }, value };
          }),
        },
        { name: 'bonitor_dlq_messages', help: 'Messages in each dead-letter topic.', type: 'gauge', samples: dlq },
        { name: 'bonitor_consumer_lag', help: 'Messages not yet committed by a consumer group.', type: 'gauge', samples: lag },
        { name: 'bonitor_source_consecutive_failures', help: 'Consecutive failed fetches per source (0 = healthy).', type: 'gauge', samples: health.map((h) => ({ labels: { source: h.sourceId }, value: num(h.consecutiveFailures) })) },
        { name: 'bonitor_source_last_success_timestamp_seconds', help: 'Unix time of the last successful fetch per source.', type: 'gauge', samples: health.map((h) => ({ labels: { source: h.sourceId }, value: seconds(h.lastSuccessAt) })) },
        { name: 'bonitor_source_documents_published', help: 'Documents a source published over its lifetime.', type: 'counter', samples: health.map((h) => ({ labels: { source: h.sourceId }, value: num(h.totalPublished) })) },
      ]);
    },
  };
}
