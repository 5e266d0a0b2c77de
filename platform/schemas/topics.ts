/** Topic names: the only way stages talk to each other. */
export const TOPICS = {
  documents: 'documents',
  ledger: 'ledger',
  signals: 'signals',
  assessments: 'assessments',
  deliveries: 'deliveries',
  sourceHealth: 'source-health',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead letters for topic `t` go to `t.dlq`, with the original bytes and the reason. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
