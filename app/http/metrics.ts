import { Counter, Gauge, Registry } from 'prom-client';
import type { Bus } from '../../platform/bus/port.js';
import { deadLetterTopic, GRADES, TOPICS } from '../../platform/schemas/index.js';
import type { Store } from '../../platform/store/port.js';
import { GROUPS } from '../topics.js';
import type { CheckAnswerStats } from './check-answers.js';

export interface MetricsDeps {
  store: Pick<Store, 'countDocuments' | 'portfolioTotals' | 'signalsSince' | 'listSourceHealth' | 'outbox'>;
  clock: { now(): Date };
  bus: Pick<Bus, 'lag'>;
  /** The server's kept check answers: counted at each scrape from their own tallies (nothing per request). */
  checkAnswers?: { stats(): CheckAnswerStats };
}

/** A group that never commits: its lag on a topic is the number of messages the topic holds. */
export const PROBE_GROUP = 'bonitor-metrics-probe';

const CONSUMED: Array<[string, string]> = [
  [GROUPS.analyzer, TOPICS.documents],
  [GROUPS.scorer, TOPICS.ledger],
  [GROUPS.scorer, TOPICS.signals],
];

/**
 * Collects the metrics on each scrape. Signals are counted incrementally from the store's
 * ingestion cursor, so a scrape reads only what arrived since the last one.
 */
export function createMetrics(deps: MetricsDeps): { contentType: string; render(): Promise<string> } {
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

  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const m = {
    documents: gauge('bonitor_documents_stored', 'Documents collected and stored.'),
    customers: gauge('bonitor_customers', 'Customers in the portfolio (on the watchlist or assessed from the ledger).'),
    signals: gauge('bonitor_signals_stored', 'Signals stored, by event type and severity.', ['type', 'severity']),
    grades: gauge('bonitor_assessments', 'Customers by the grade of their latest assessment.', ['grade']),
    deliveries: gauge('bonitor_deliveries', 'Mails in the outbox by kind and status (pending, sent, failed).', ['kind', 'status']),
    dlq: gauge('bonitor_dlq_messages', 'Messages in each dead-letter topic.', ['topic']),
    lag: gauge('bonitor_consumer_lag', 'Messages not yet committed by a consumer group.', ['group', 'topic']),
    failures: gauge('bonitor_source_consecutive_failures', 'Consecutive failed fetches per source (0 = healthy).', ['source']),
    lastSuccess: gauge('bonitor_source_last_success_timestamp_seconds', 'Unix time of the last successful fetch per source.', ['source']),
    published: new Counter({ name: 'bonitor_source_documents_published', help: 'Documents a source published over its lifetime.', labelNames: ['source'], registers: [registry] }),
    checks: new Counter({
      name: 'bonitor_check_answers_total',
      help: 'Customer checks (GET /api/check) since start: served as kept (hit), made anew because what the kept answer rests on changed (stale), or with none kept (miss).',
      labelNames: ['result'],
      registers: [registry],
    }),
  };

  /** One snapshot of the store and the bus per scrape, written into the registry. */
  async function snapshot(): Promise<void> {
    counting = counting.then(countNewSignals, countNewSignals);
    await counting;
    // Customers and grades from one set-based count (not every customer's JSON).
    const [documents, totals, health, outbox] = await Promise.all([
      deps.store.countDocuments(),
      deps.store.portfolioTotals(deps.clock.now().toISOString().slice(0, 10)),
      deps.store.listSourceHealth(),
      deps.store.outbox.list(1_000_000),
    ]);
    const lag = await Promise.all(CONSUMED.map(async ([group, topic]) => ({ group, topic, value: await deps.bus.lag(group, topic) })));
    const dlq = await Promise.all(Object.values(TOPICS).map(async (t) => ({ topic: deadLetterTopic(t), value: await deps.bus.lag(PROBE_GROUP, deadLetterTopic(t)) })));
    registry.resetMetrics();
    m.documents.set(documents);
    m.customers.set(totals.customers);
    for (const [k, value] of signalCounts) {
      const [type, severity] = k.split('\u0000') as [string, string];
      m.signals.set({ type, severity }, value);
    }
    for (const g of GRADES) m.grades.set({ grade: g }, totals.grades.find((x) => x.grade === g)?.customers ?? 0);
    for (const e of outbox) m.deliveries.inc({ kind: e.kind, status: e.status });
    for (const d of dlq) m.dlq.set({ topic: d.topic }, d.value);
    for (const l of lag) m.lag.set({ group: l.group, topic: l.topic }, l.value);
    if (deps.checkAnswers) {
      const { hits, stale, misses } = deps.checkAnswers.stats();
      m.checks.inc({ result: 'hit' }, hits);
      m.checks.inc({ result: 'stale' }, stale);
      m.checks.inc({ result: 'miss' }, misses);
    }
    for (const h of health) {
      m.failures.set({ source: h.sourceId }, h.consecutiveFailures);
      const at = h.lastSuccessAt ? Date.parse(h.lastSuccessAt) : NaN;
      m.lastSuccess.set({ source: h.sourceId }, Number.isNaN(at) ? 0 : at / 1000);
      m.published.inc({ source: h.sourceId }, h.totalPublished);
    }
  }

  let scraping: Promise<string> | undefined;
  return {
    contentType: registry.contentType,
    /** Prometheus text exposition (prom-client); concurrent scrapes share one snapshot. */
    render() {
      scraping ??= snapshot()
        .then(() => registry.metrics())
        .finally(() => (scraping = undefined));
      return scraping;
    },
  };
}
