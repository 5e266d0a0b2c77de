import { z } from 'zod';
import { eventType, isoDateTime, severity } from './common.js';

/** One adverse or positive event about one company (customerId) or one industry. */
export const signalSchema = z
  .object({
    id: z.string().min(1), // hash(document, subject, type): replaying a document gives the same id
    type: eventType,
    severity,
    confidence: z.number().min(0).max(1),
    polarity: z.number().min(-1).max(1),
    customerId: z.string().min(1).optional(),
    industry: z.string().min(1).optional(),
    /** Held back from alerts: two candidate customers, or a weak name match. */
    ambiguous: z.boolean().default(false),
    evidence: z.string(),
    documentIds: z.array(z.string()).min(1),
    sourceId: z.string(),
    title: z.string(),
    url: z.string(),
    occurredAt: isoDateTime,
    detectedAt: isoDateTime,
  })
  .refine((s) => s.customerId !== undefined || s.industry !== undefined, {
    message: 'a signal is about a customer or an industry',
  });
export type Signal = z.infer<typeof signalSchema>;
