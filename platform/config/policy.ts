import { z } from 'zod';

const perGrade = (defaults: { A: number; B: number; C: number; D: number; E: number }, max: number) =>
  z
    .object({
      A: z.number().min(0).max(max).default(defaults.A),
      B: z.number().min(0).max(max).default(defaults.B),
      C: z.number().min(0).max(max).default(defaults.C),
      D: z.number().min(0).max(max).default(defaults.D),
      E: z.number().min(0).max(max).default(defaults.E),
    })
    .prefault({});

/**
 * Terms policy: grade + order amount + current exposure against the credit limit → payment
 * terms. Every field has a documented default; users override any part in the YAML config
 * under `policy:`, e.g.
 *
 *   policy:
 *     currency: EUR
 *     standardNetDays: 30
 *     creditLimitFactor: { A: 2, B: 1 }
 *
 * Decision table (see analysis/scoring/recommend-terms.ts):
 *   A/B  exposure + order within the limit → open account (standardNetDays); beyond it →
 *        partial prepayment of the excess (at least minAdvancePercent), or prepayment when
 *        the limit is already used up; more than maxOverdueShareOpenAccount of the exposure
 *        over 30 days overdue → C rules. Without an order amount only the standing terms
 *        are given (plus a warning when the exposure already exceeds the limit).
 *   C    within the limit and nothing seriously overdue → short terms (shortNetDays);
 *        otherwise partial prepayment (partialAdvancePercent or the excess, whichever is more).
 *   D    prepayment; card only for orders up to cardOnlyMaxOrder.
 *   E    prepayment; decline when an insolvency, composition moratorium or liquidation is
 *        known and declineOnHardEvent is on.
 */
export const policySchema = z
  .object({
    /** Currency of credit limits when the ledger does not say otherwise. */
    currency: z.string().regex(/^[A-Z]{3}$/).default('CHF'),
    /** Standard payment term for grades A and B, in days. */
    standardNetDays: z.number().int().min(0).max(180).default(30),
    /** Shortened payment term for grade C, in days. */
    shortNetDays: z.number().int().min(0).max(90).default(10),
    /** Share of the order paid in advance under partial prepayment (Akonto) for grade C, in percent. */
    partialAdvancePercent: z.number().min(1).max(99).default(50),
    /** Smallest advance asked when an A/B order only slightly exceeds the limit, in percent. */
    minAdvancePercent: z.number().min(1).max(99).default(20),
    /** Credit limit floor and ceiling suggested for an open account. */
    minCreditLimit: z.number().nonnegative().default(1000),
    maxCreditLimit: z.number().positive().default(250000),
    /** Limit for a customer without payment history, before the grade factor. */
    newCustomerCreditLimit: z.number().nonnegative().default(10000),
    /**
     * Credit limit = typical receivable (monthly volume × (net days + 30) / 30) × this factor
     * per grade. 0 = no credit at all.
     */
    creditLimitFactor: perGrade({ A: 1.5, B: 1, C: 0.5, D: 0, E: 0 }, 10),
    /** A or B customer with more of the exposure over 30 days overdue than this gets grade-C terms. */
    maxOverdueShareOpenAccount: z.number().min(0).max(1).default(0.3),
    /** Orders at or below this amount may be paid by card when other terms are refused. */
    cardOnlyMaxOrder: z.number().nonnegative().default(2000),
    /** Grade E with a hard event (insolvency, moratorium, liquidation): decline instead of prepayment. */
    declineOnHardEvent: z.boolean().default(true),
    /**
     * Use of the approved limit (open ÷ approved, in percent) at which an alert goes out; crossing
     * 100 % always alerts. Default: 80 and 100.
     */
    limitAlertThresholds: z
      .array(z.number().int().min(1).max(1000))
      .default([80, 100])
      .transform((t) => [...new Set([...t, 100])].sort((a, b) => a - b)),
  })
  .refine((p) => p.minCreditLimit <= p.maxCreditLimit, {
    message: 'minCreditLimit must not exceed maxCreditLimit',
    path: ['minCreditLimit'],
  })
  .prefault({});
export type Policy = z.infer<typeof policySchema>;

/** The documented defaults, e.g. for tests and for scoring without a config file. */
export const DEFAULT_POLICY: Policy = policySchema.parse(undefined);
