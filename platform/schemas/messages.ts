import { stableId } from '../ids.js';
import { wrap, type Envelope, type Payload } from './envelope.js';
import { TOPICS, type TopicName } from './topics.js';

/**
 * The one rule for a topic's message keys and envelope ids. Keys keep one company's messages
 * in one partition, in order; ids are content hashes or natural keys, so publishing the same
 * fact twice is the same message.
 */
const RULES: { [T in TopicName]: (p: Payload<T>) => { key: string; id: string } } = {
  [TOPICS.documents]: (d) => ({ key: d.id, id: d.id }),
  // Natural key plus content: a changed invoice row is a new message.
  [TOPICS.ledger]: (r) => ({ key: r.customerId, id: stableId('ledger', r.customerId, r.invoiceId, JSON.stringify(r)) }),
  [TOPICS.signals]: (s) => ({ key: s.customerId ?? `industry:${s.industry}`, id: s.id }),
  [TOPICS.assessments]: (a) => ({ key: a.customerId, id: stableId('assessment', a.customerId, a.asOf, a.modelVersion) }),
  [TOPICS.deliveries]: (d) => ({ key: d.subscriptionId, id: stableId('delivery', d.key, d.status, d.at) }),
  [TOPICS.sourceHealth]: (e) => ({ key: e.sourceId, id: stableId('source-health', e.sourceId, e.type, e.at) }),
};

export interface TopicMessage<P> {
  key: string;
  value: Envelope<P>;
}

export function toMessage<T extends TopicName>(topic: T, payload: Payload<T>): TopicMessage<Payload<T>> {
  const { key, id } = RULES[topic](payload);
  return { key, value: wrap(id, payload) };
}

/** The messages of a step's outputs on one topic: `{ topic, messages }` as a consumer's output expects. */
export function toMessages<T extends TopicName>(topic: T, payloads: Array<Payload<T>>): { topic: T; messages: Array<TopicMessage<Payload<T>>> } {
  return { topic, messages: payloads.map((p) => toMessage(topic, p)) };
}
