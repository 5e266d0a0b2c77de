import { z } from 'zod';
import { isoDateTime } from './common.js';

/** What was sent to whom for which period; `key` is the idempotency key (subscription + period). */
export const deliverySchema = z.object({
  key: z.string().min(1),
  subscriptionId: z.string(),
  recipient: z.string(),
  kind: z.enum(['digest', 'instant', 'health']),
  period: z.string(),
  status: z.enum(['sent', 'failed']),
  reason: z.string().optional(),
  itemCount: z.number().int().nonnegative(),
  at: isoDateTime,
});
export type Delivery = z.infer<typeof deliverySchema>;
