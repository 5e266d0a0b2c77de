import { z } from 'zod';
import { scoreCustomer } from '../analysis/scoring/score-customer.js';
import { UserError } from '../platform/errors.js';
import { stableId } from '../platform/ids.js';
import { TERMS_KINDS, TOPICS, grade, isoDate, type Assessment, type Customer } from '../platform/schemas/index.js';
import { activeOverride, type Acknowledgement, type Note, type OverrideChange } from '../platform/store/credit-state.js';
import type { App } from './compose.js';
import { publishAll } from './publish.js';
import { scorerDeps } from './roles/scorer-deps.js';

/**
 * The credit manager's own decisions, shared by CLI, API and web pages: the approved limit,
 * overrides of grade or terms (every change kept), notes, acknowledgements. Each change that
 * moves the assessment re-scores the customer at once, so the answer already shows it and the
 * alerts follow it (a new assessment is stored and published like any other).
 */

type CreditApp = Pick<App, 'store' | 'bus' | 'config' | 'clock' | 'weights' | 'log'>;

/** Scores one customer now, stores the assessment and publishes it when it changed. */
export async function rescoreNow(app: CreditApp, customerId: string): Promise<Assessment | undefined> {
  const assessment = await scoreCustomer(scorerDeps(app as App), customerId, app.clock.now());
  if (assessment && (await app.store.saveAssessment(assessment)) === 'new') await publishAll(app.bus, TOPICS.assessments, [assessment]);
  return assessment;
}

/** The customer on the watchlist, undefined for one known only from the ledger; exit 1 for an id the store does not know. */
export async function knownCustomer(app: Pick<App, 'store'>, customerId: string): Promise<Customer | undefined> {
  const customer = await app.store.getCustomer(customerId);
  if (customer) return customer;
  if ((await app.store.ledgerCustomerIds()).includes(customerId)) return undefined;
  throw new UserError(`no customer with id "${customerId}" (see the portfolio or bonitor check)`, 1);
}

const limitSchema = z.object({
  creditLimit: z.number({ error: 'creditLimit must be a number or null' }).nonnegative('creditLimit must not be negative').max(1e12).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as CHF').optional(),
});

/** Sets (or, with null, removes) the limit the company approved for a customer on the watchlist. */
export async function setCreditLimit(app: CreditApp, customerId: string, input: unknown): Promise<Assessment | undefined> {
  const parsed = limitSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => i.message).join('; '), 2);
  const customer = await app.store.getCustomer(customerId);
  if (!customer) throw new UserError(`no customer with id "${customerId}" on the watchlist: limits belong to watchlist entries`, 1);
  const { creditLimit: _old, ...rest } = customer;
  const next: Customer = { ...rest, ...(parsed.data.creditLimit !== null ? { creditLimit: parsed.data.creditLimit } : {}), ...(parsed.data.currency ? { currency: parsed.data.currency } : {}) };
  await app.store.upsertCustomers([next]);
  app.log.info({ module: 'credit', customer_id: customerId, credit_limit: parsed.data.creditLimit }, 'credit_limit_set');
  return rescoreNow(app, customerId);
}

export const overrideInputSchema = z
  .object({
    grade: grade.optional(),
    terms: z.enum(TERMS_KINDS).optional(),
    limit: z.number().nonnegative().max(1e12).optional(),
    reason: z.string({ error: 'a reason is required: everyone sees it' }).trim().min(3, 'a reason is required: everyone sees it').max(1000),
    by: z.string().trim().min(1).max(200),
    until: isoDate.optional(),
  })
  .refine((o) => o.grade !== undefined || o.terms !== undefined || o.limit !== undefined, { message: 'name a grade, terms or a limit to override' });

/** Sets an override of grade, terms or limit (the change is kept) and re-scores the customer. */
export async function setOverride(app: CreditApp, customerId: string, input: unknown): Promise<{ change: OverrideChange; assessment?: Assessment }> {
  const parsed = overrideInputSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => `${i.path.join('.') || 'override'}: ${i.message}`).join('; '), 2);
  await knownCustomer(app, customerId);
  const now = app.clock.now();
  if (parsed.data.until && parsed.data.until < now.toISOString().slice(0, 10)) throw new UserError(`until ${parsed.data.until} is in the past`, 2);
  const at = now.toISOString();
  const change: OverrideChange = { id: stableId('override', customerId, at, parsed.data.by), customerId, action: 'set', ...parsed.data, at };
  await app.store.credit.addOverrideChange(change);
  app.log.info({ module: 'credit', customer_id: customerId, by: change.by, grade: change.grade, terms: change.terms }, 'override_set');
  return { change, assessment: await rescoreNow(app, customerId) };
}

/** Ends the override in force (the clearing is kept too) and re-scores the customer. */
export async function clearOverride(app: CreditApp, customerId: string, by: string, reason = 'cleared'): Promise<{ change: OverrideChange; assessment?: Assessment }> {
  const now = app.clock.now();
  if (!activeOverride(await app.store.credit.overrideChanges(customerId), now)) throw new UserError(`no override in force for "${customerId}"`, 1);
  const at = now.toISOString();
  const change: OverrideChange = { id: stableId('override', customerId, at, by, 'clear'), customerId, action: 'clear', reason: reason.trim() || 'cleared', by, at };
  await app.store.credit.addOverrideChange(change);
  app.log.info({ module: 'credit', customer_id: customerId, by }, 'override_cleared');
  return { change, assessment: await rescoreNow(app, customerId) };
}

/** The overrides in force now, one per customer. */
export async function listOverrides(app: Pick<App, 'store' | 'clock'>): Promise<OverrideChange[]> {
  const byCustomer = new Map<string, OverrideChange[]>();
  for (const c of await app.store.credit.overrideChanges()) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
  const now = app.clock.now();
  return [...byCustomer.values()].map((changes) => activeOverride(changes, now)).filter((c): c is OverrideChange => c !== undefined);
}

const noteInput = z.object({ text: z.string().trim().min(1, 'the note is empty').max(4000, 'a note is at most 4000 characters'), by: z.string().trim().min(1).max(200) });

export async function addNote(app: CreditApp, customerId: string, input: unknown): Promise<Note> {
  const parsed = noteInput.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => i.message).join('; '), 2);
  await knownCustomer(app, customerId);
  const at = app.clock.now().toISOString();
  const note: Note = { id: stableId('note', customerId, at, parsed.data.by, parsed.data.text), customerId, text: parsed.data.text, by: parsed.data.by, at };
  await app.store.credit.addNote(note);
  return note;
}

/** Acknowledges alerted items (signal or assessment keys) of one customer; the first acknowledgement of an item stays. */
export async function acknowledge(app: Pick<App, 'store' | 'clock'>, customerId: string, itemKeys: string[], by: string): Promise<number> {
  const keys = [...new Set(itemKeys.map((k) => k.trim()).filter((k) => /^(signal|assessment):/.test(k)))];
  if (keys.length === 0) throw new UserError('nothing to acknowledge: give signal:<id> or assessment:<customer>:<asOf> keys', 2);
  const at = app.clock.now().toISOString();
  const acks: Acknowledgement[] = keys.map((itemKey) => ({ itemKey, customerId, by, at }));
  return app.store.credit.acknowledge(acks);
}
