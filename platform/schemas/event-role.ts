import { z } from 'zod';

/**
 * The part an organisation plays in an event (DESIGN.md, "an event is always about someone").
 * Only the party that suffers the event bears it: the debtor of a debt enforcement, the
 * respondent of a winding-up petition, the company being wound up or acquired, the defendant.
 * The creditor who enforces, the petitioner, the liquidator or administrator appointed, the
 * acquirer, the plaintiff, the seller of a business, an adviser, a parent or shareholder
 * named beside the subject, the customer who places an order or contract with the subject and
 * a third party holding the debtor's money in a garnishment (the bank "entre les mains de" which a
 * seizure is made, the Drittschuldner, the garnishee) do not: they never inherit the event.
 * `subject` is the plain case: the company the event happens to (a layoff, a new CEO, a profit).
 */
export const EVENT_ROLES = [
  'subject',
  'debtor',
  'respondent',
  'acquired',
  'defendant',
  'creditor',
  'petitioner',
  'liquidator',
  'acquirer',
  'plaintiff',
  'seller',
  'adviser',
  'parent',
  'customer',
  'third_party',
] as const;
export const eventRole = z.enum(EVENT_ROLES);
export type EventRole = z.infer<typeof eventRole>;

export const BEARING_ROLES = ['subject', 'debtor', 'respondent', 'acquired', 'defendant'] as const satisfies readonly EventRole[];
const BEARING = new Set<EventRole>(BEARING_ROLES);

/** Whether a party in this role suffers the event; a signal without a role (older producers) does. */
export function bearsEvent(role: EventRole | undefined): boolean {
  return role === undefined || BEARING.has(role);
}

/**
 * How a text states an event: as a fact, hedged ("droht die Pleite", "risque de faillite"),
 * negated ("n'est pas en faillite"), denied ("dementiert Konkursgerüchte"), historic ("ging
 * 2009 in Konkurs"), generic (law, procedure, statistics: "a bankruptcy is opened when…") or
 * hypothetical ("if the company fails…"). Only factual events become signals; hedged hard
 * events become financial_distress.
 */
export const MODALITIES = ['factual', 'hedged', 'negated', 'denied', 'historic', 'generic', 'hypothetical'] as const;
export const modality = z.enum(MODALITIES);
export type Modality = z.infer<typeof modality>;
