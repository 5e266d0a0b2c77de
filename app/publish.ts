import type { Bus } from '../platform/bus/port.js';
import { stableId } from '../platform/ids.js';
import { TOPICS, wrap, type Assessment, type Delivery, type Document, type Signal } from '../platform/schemas/index.js';

/** Keys keep one company's messages in one partition, in order. */
export function publishDocuments(bus: Bus, docs: Document[]): Promise<void> {
  return bus.publish(TOPICS.documents, docs.map((d) => ({ key: d.id, value: wrap(d.id, d) })));
}

export function publishSignals(bus: Bus, signals: Signal[]): Promise<void> {
  return bus.publish(
    TOPICS.signals,
    signals.map((s) => ({ key: s.customerId ?? `industry:${s.industry}`, value: wrap(s.id, s) })),
  );
}

export function publishAssessments(bus: Bus, assessments: Assessment[]): Promise<void> {
  return bus.publish(
    TOPICS.assessments,
    assessments.map((a) => ({ key: a.customerId, value: wrap(stableId('assessment', a.customerId, a.asOf, a.modelVersion), a) })),
  );
}

/** What was sent to whom (or why not): the deliveries topic feeds metrics and dashboards. */
export function publishDeliveries(bus: Bus, deliveries: Delivery[]): Promise<void> {
  return bus.publish(
    TOPICS.deliveries,
    deliveries.map((d) => ({ key: d.subscriptionId, value: wrap(stableId('delivery', d.key, d.status, d.at), d) })),
  );
}
