import type { Bus } from '../platform/bus/port.js';
import { toMessage, type Payload, type TopicName } from '../platform/schemas/index.js';

/** Publishes payloads of one topic with the one key / id rule (platform/schemas/messages.ts). */
export function publishAll<T extends TopicName>(bus: Pick<Bus, 'publish'>, topic: T, payloads: Array<Payload<T>>): Promise<void> {
  return bus.publish(topic, payloads.map((p) => toMessage(topic, p)));
}
