import { z } from 'zod';

/**
 * Terms policy: grade + order amount + exposure → payment terms. Documented defaults;
 * users override any part in the YAML config under `policy:`.
 */
export const policySchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/).default('CHF'),
    /** Standard payment term for good customers, in days. */
    standardNetDays: z.number().int().min(0).max(180).default(30),
    /** Shortened payment term, in days. */
    shortNetDays: z.number().int().min(0).max(90).default(10),
    /** Share of the order paid in advance under partial prepayment, in percent. */
    partialAdvancePercent: z.number().min(1).max(99).default(50),
    /** Credit limit floor and ceiling suggested for an open account. */
    minCreditLimit: z.number().nonnegative().default(1000),
    maxCreditLimit: z.number().positive().default(250000),
    /** Orders at or below this amount may be paid by card when other terms are refused. */
    cardOnlyMaxOrder: z.number().nonnegative().default(2000),
  })
  .default({
    currency: 'CHF',
    standardNetDays: 30,
    shortNetDays: 10,
    partialAdvancePercent: 50,
    minCreditLimit: 1000,
    maxCreditLimit: 250000,
    cardOnlyMaxOrder: 2000,
  });
export type Policy = z.infer<typeof policySchema>;
