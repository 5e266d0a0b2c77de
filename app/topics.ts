import { deadLetterTopic, TOPICS } from '../platform/schemas/topics.js';

export const ALL_TOPICS = [...Object.values(TOPICS), ...Object.values(TOPICS).map(deadLetterTopic)];

/** Consumer groups, one per stage; each can be scaled out by starting more processes. */
export const GROUPS = {
  analyzer: 'analyzer',
  scorer: 'scorer',
  /** Mails admins when the collector reports a source failing or recovered. */
  healthAlerts: 'health-alerts',
} as const;
