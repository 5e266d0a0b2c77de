import { z } from 'zod';
import { eventType, isoDate, isoDateTime, severity } from './common.js';
import { eventRole, modality } from './event-role.js';

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
    /** The organisation the event is about, as the text names it ("Müller AG", "the retailer"). */
    subject: z.string().optional(),
    /** The subject's part in the event; a creditor, petitioner, liquidator or acquirer never bears it (see bearsEvent). */
    role: eventRole.optional(),
    /** How the text states it: signals are factual, or hedged (a threatened insolvency as financial_distress). */
    modality: modality.optional(),
    documentIds: z.array(z.string()).min(1),
    sourceId: z.string(),
    title: z.string(),
    url: z.string(),
    occurredAt: isoDateTime,
    detectedAt: isoDateTime,
    /** The deadline for lodging claims the notice gives (bankruptcy, composition, liquidation), YYYY-MM-DD. */
    claimDeadline: isoDate.optional(),
  })
  .refine((s) => s.customerId !== undefined || s.industry !== undefined, {
    message: 'a signal is about a customer or an industry',
  });
export type Signal = z.infer<typeof signalSchema>;
