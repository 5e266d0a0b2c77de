import { z } from 'zod';
import { currency, eventType, grade, isoDateTime, severity } from './common.js';
import { eventRole } from './event-role.js';

export const TERMS_KINDS = [
  'open_account',
  'short_terms',
  'partial_prepayment',
  'prepayment',
  'card_only',
  'decline',
] as const;
export type TermsKind = (typeof TERMS_KINDS)[number];

/** A message of the label catalogue (platform/i18n) with its parameters: rendered in each reader's language. */
export const codedSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** Whether a reason speaks against the customer, in their favour, or states the decision. */
export const REASON_STANCES = ['against', 'for', 'decision'] as const;
export type ReasonStance = (typeof REASON_STANCES)[number];

export const termsSchema = z.object({
  kind: z.enum(TERMS_KINDS),
  netDays: z.number().int().nonnegative().nullable(),
  advancePercent: z.number().min(0).max(100).nullable(),
  creditLimit: z.number().nonnegative().nullable(),
  currency,
  /** The reasons in English and German, for readers of the older JSON; reasonCodes has them for every language. */
  reasons: z.object({ en: z.array(z.string()), de: z.array(z.string()) }).optional(),
  /** Against, in favour, and the decision, as catalogue codes. */
  reasonCodes: z.array(codedSchema.extend({ stance: z.enum(REASON_STANCES) })).optional(),
});
export type Terms = z.infer<typeof termsSchema>;

export const factorSchema = z.object({
  name: z.string(),
  contribution: z.number(), // score points, positive = riskier
  evidence: z.array(z.string()), // invoice ids, source links, facts
  description: z.string().optional(),
  /** The same in German, for German reports and mails. */
  descriptionDe: z.string().optional(),
  /** The catalogue code and parameters of the description, rendered in any language (platform/i18n). */
  code: z.string().optional(),
  params: codedSchema.shape.params.optional(),
});
export type Factor = z.infer<typeof factorSchema>;

export const assessmentSignalSchema = z.object({
  type: eventType,
  severity,
  occurredAt: isoDateTime,
  title: z.string(),
  url: z.string(),
  /** The organisation the event is about as the source names it, and its part (debtor, subject …). */
  subject: z.string().optional(),
  role: eventRole.optional(),
  /** The sentence that states the event. */
  evidence: z.string().optional(),
});

/** What is at stake: open and overdue receivables against the limit the company approved. */
export const exposureSchema = z.object({
  open: z.number(),
  overdue: z.number(),
  /** The credit limit the company approved (watchlist, API or page); null when none is set. */
  approvedLimit: z.number().nonnegative().nullable(),
  /** open ÷ approvedLimit; null without an approved limit. */
  utilisation: z.number().nonnegative().nullable(),
  currency,
  /** Bonitor's suggested limit for the grade (the model's view). */
  recommendedLimit: z.number().nonnegative().optional(),
  /** The highest limit-use threshold reached, in percent (policy.limitAlertThresholds), 0 below all. */
  level: z.number().int().min(0).optional(),
  /** The suggested limit is below the approved one: the approved limit deserves a review. */
  aboveRecommendation: z.boolean().optional(),
});
export type Exposure = z.infer<typeof exposureSchema>;

/** A credit manager's override as it stands in this assessment. */
export const overrideViewSchema = z.object({
  grade: grade.nullable(),
  terms: z.enum(TERMS_KINDS).nullable(),
  limit: z.number().nonnegative().nullable(),
  reason: z.string(),
  by: z.string(),
  at: isoDateTime,
  until: z.string().nullable(),
});

/** The assessment JSON every interface shares (CLI, API, alerts). */
export const assessmentSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  asOf: isoDateTime,
  score: z.number().min(0).max(100),
  pd: z.number().min(0).max(1),
  grade,
  terms: termsSchema,
  factors: z.array(factorSchema),
  signals: z.array(assessmentSignalSchema),
  modelVersion: z.string(),
  /** Open, overdue, approved limit and its use. */
  exposure: exposureSchema.optional(),
  /** What to do next (stop deliveries, ask for prepayment, lodge the claim by a date, call the customer …), a catalogue code. */
  nextStep: codedSchema.optional(),
  /** Set while a credit manager's override is in force: grade and terms above follow it. */
  override: overrideViewSchema.optional(),
  /** The model's own view, beside an override. */
  model: z.object({ grade, score: z.number(), pd: z.number(), terms: termsSchema }).optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
