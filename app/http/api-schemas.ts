import { PORTFOLIO_SORTS } from '../../platform/store/port.js';
import { PORTFOLIO_PAGE } from '../web/portfolio.js';
import { z } from 'zod';
import { registerCandidateSchema, registerEntrySchema, sourceReportSchema } from '../../platform/registers/register-entry.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import { assessmentSchema, grade, signalSchema, TERMS_KINDS } from '../../platform/schemas/index.js';

/** Response shapes for /api/openapi.json; requests are validated by the schemas in the route files. */

const amounts = z.record(z.string(), z.number()).describe('amount per ISO currency');

export const checkAnswerSchema = assessmentSchema.extend({
  match: z.object({
    kind: z.enum(['customer', 'prospect']).describe('prospect: not a customer, assessed from stored public documents'),
    alternatives: z.array(z.object({ id: z.string(), name: z.string() })),
    documents: z.array(z.object({ title: z.string(), url: z.string(), sourceId: z.string(), publishedAt: z.string().optional() })).optional(),
    register: z
      .object({
        entries: z.array(registerEntrySchema),
        sources: z.array(sourceReportSchema).describe('one line per register: asked (found, not found, failed: timeout…), not asked, or not configured, with when'),
        candidates: z.array(registerCandidateSchema),
      })
      .optional()
      .describe('what the commercial registers say (register lookups, see README "Sources → registers")'),
  }),
});

export const customerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  grade: grade.nullable(),
  score: z.number().nullable(),
  pd: z.number().nullable(),
  terms: z.enum(TERMS_KINDS).nullable(),
  industry: z.string(),
  tags: z.array(z.string()),
  asOf: z.string().nullable(),
  open: amounts,
  overdue: amounts,
  delta: z.number().describe('score change against the previous assessment'),
  approvedLimit: z.number().nullable().describe('the credit limit the company approved'),
  utilisation: z.number().nullable().describe('open ÷ approved limit'),
  currency: z.string().nullable(),
  nextStep: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  overridden: z.boolean().describe('a credit manager\'s override is in force'),
  openReporting: z.number().nullable().describe('open in the reporting currency (config reporting:), null without a rate'),
  overdueReporting: z.number().nullable(),
});

const historyItem = z.object({ asOf: z.string(), score: z.number(), grade, pd: z.number(), terms: z.enum(TERMS_KINDS) });

export const customerDetailSchema = z.object({
  customer: z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), registerIds: z.array(z.string()), country: z.string(), industry: z.string(), tags: z.array(z.string()) }).nullable(),
  assessment: assessmentSchema.nullable(),
  history: z.array(historyItem),
  ledger: z.object({ invoices: z.number(), open: amounts, overdue: amounts, paid: z.number(), paidLate: z.number() }),
});

export const signalItemSchema = z.object({
  seq: z.number().optional(),
  signal: signalSchema,
  source: z.object({ id: z.string(), kind: z.string().nullable(), url: z.string().nullable() }),
});

export const signalPageSchema = z.object({ signals: z.array(signalItemSchema), next: z.number().nullable().describe('pass as `after` for the next page') });

export const listedSubscriptionSchema = z.object({
  subscription: subscriptionSchema,
  origin: z.enum(['config', 'added']),
  unsubscribedAt: z.string().optional(),
});

/** GET /api/deliveries: the outbox as alerts see it (ok is false while mails wait for a retry or were given up). */
export const deliveryHealthSchema = z.object({
  ok: z.boolean(),
  pending: z.number(),
  retrying: z.number(),
  failed: z.number(),
  oldestPendingSince: z.string().optional(),
  lastError: z.string().optional(),
});

export const sourceItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  url: z.string(),
  schedule: z.string(),
  enabled: z.boolean(),
  status: z.enum(['ok', 'failing', 'parked', 'never_run']),
  health: z.record(z.string(), z.unknown()).nullable(),
});

export const portfolioSchema = z.object({
  rows: z.array(customerListItemSchema.omit({ terms: true }).extend({ termsKind: z.enum(TERMS_KINDS).nullable(), previousGrade: grade.nullable() })).describe('one page of customers (limit, offset, sort, order)'),
  total: z.number().describe('customers matching the filters, over all pages'),
  page: z.object({ limit: z.number(), offset: z.number(), sort: z.string(), order: z.enum(['asc', 'desc']), grade: z.string().optional(), tag: z.string().optional(), industry: z.string().optional() }),
  grades: z.record(z.string(), z.object({ count: z.number(), open: amounts })),
  unassessed: z.number(),
  open: amounts,
  atRisk: amounts.describe('open receivables of customers graded D or E'),
  movers: z.array(z.unknown()),
  reporting: z.object({ currency: z.string(), open: z.number(), overdue: z.number(), atRisk: z.number(), unconverted: amounts, ratesAsOf: z.string().optional() }).describe('totals in the reporting currency at the configured rates'),
});

const stageStatus = z.enum(['ok', 'degraded', 'down']);
const loopSchema = z.object({
  name: z.string(),
  stage: z.string(),
  state: z.enum(['starting', 'running', 'failing', 'restarting', 'stopped']),
  consecutiveFailures: z.number(),
  restarts: z.number(),
  handled: z.number(),
  lastError: z.string().optional(),
  lastErrorAt: z.string().optional(),
  lastOkAt: z.string().optional(),
  lastProgressAt: z.string().optional(),
  nextAttemptAt: z.string().optional(),
});
const stageSchema = z.object({
  status: stageStatus,
  reasons: z.array(z.string()),
  running: z.boolean(),
  loops: z.array(loopSchema),
  lag: z.object({ messages: z.number(), withoutProgressMs: z.number(), lastProgressAt: z.string().optional() }).optional(),
});
/** 200 when nothing is down, 503 (same body) when a stage is down or the store cannot be written. */
export const healthSchema = z.object({
  status: stageStatus,
  checkedAt: z.string(),
  stages: z.record(z.string(), stageSchema),
  store: z.object({ writable: z.boolean(), error: z.string().optional() }),
  bus: z.object({ answering: z.boolean(), error: z.string().optional() }).describe('false while the broker (or the local log) does not answer the lag reading'),
  deliveries: z.object({ waiting: z.number(), failing: z.number(), givenUp: z.number(), lastError: z.string().optional(), oldestWaitingSince: z.string().optional() }),
  documents: z.number().optional(),
  consumerLag: z.record(z.string(), z.number()),
  failingSources: z.array(z.string()),
});

/** Filters, sorting and paging of the customer list and the portfolio: all done by the store, in SQL. */
export const portfolioListQuery = z.object({
  grade: grade.optional(),
  tag: z.string().max(100).optional(),
  industry: z.string().max(20).optional(),
  sort: z.enum(PORTFOLIO_SORTS).default('risk').describe('risk (score), name, pd, open, overdue (in the reporting currency), change, movement (size of the change), limitUse'),
  order: z.enum(['asc', 'desc']).optional().describe('default: riskiest, largest, most changed first; names A to Z'),
  limit: z.coerce.number().int().min(1).max(10_000).default(PORTFOLIO_PAGE).describe(`rows per page (default ${PORTFOLIO_PAGE}, at most 10000)`),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
