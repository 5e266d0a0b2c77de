import type { EventType, Grade } from '../schemas/common.js';
import type { TermsKind } from '../schemas/assessment.js';
import type { Formatter } from './format.js';

/**
 * What scoring, the terms policy and the next-step rules say, as codes with parameters: the
 * assessment JSON stores these, and every page, mail and report renders them in its reader's
 * language. Adding a code here makes TypeScript ask for its words in every language.
 */
export type Msg<P> = (p: P, f: Formatter) => string;

type None = Record<string, never>;
type Money = { currency: string };

/** Scorecard features and signal factors (Assessment.factors[].code). */
export interface FactorParams {
  days_beyond_terms: { days: number };
  payment_trend: { recent: number; older: number };
  share_paid_late: { share: number; count: number };
  unpaid_share: { share: number; count: number };
  worst_delay: { days: number };
  oldest_overdue: { days: number };
  overdue_share: Money & { overdue: number; open: number; share: number };
  dunning_level: { level: number };
  collection_cases: { count: number };
  written_off: Money & { count: number; amount: number };
  payment_track_record: { count: number };
  no_payment_history: None;
  business_volume: Money & { amount: number };
  company_age: { years: number };
  legal_form: None;
  low_capital: None;
  register_changes: { count: number };
  industry_risk: { industry: string; index: number };
  /** The industry's published insolvency frequency over the all-industry average (Destatis). */
  industry_base_rate: { section: string; ratio: number };
  /** An event from a news article or register notice; `more` further reports of it. */
  signal: { type: EventType; title: string; more: number };
  /** Register filings overdue (Companies House accounts, confirmation statement). */
  register_accounts_overdue: None;
  register_confirmation_overdue: None;
  /** The register lists the company as gone or being wound up (dissolved, struck_off, in_liquidation, insolvent). */
  register_status: { status: string; since: string };
  /** The register shows a liquidation (1) or an insolvency (0) before. */
  register_history: { liquidated: number };
  /** A hard event forcing at least a grade. */
  hard_event_floor: { type: EventType; grade: Grade; title: string };
}
export type FactorCode = keyof FactorParams;

/**
 * Reasons for the recommended terms (Assessment.terms.reasonCodes[]). `approved` is 1 when the
 * limit is the one the company approved, 0 when it is Bonitor's suggestion.
 */
export interface ReasonParams {
  exposure_over_limit: Money & { open: number; limit: number; approved: number };
  decline_hard_event: { type: EventType };
  decline_register: { status: string };
  prepayment_grade: { grade: Grade };
  card_only_small_order: Money & { grade: Grade; order: number; max: number };
  open_account: Money & { grade: Grade; days: number; limit: number; approved: number };
  overdue_terms_as_c: { share: number };
  short_terms: Money & { days: number; limit: number; approved: number };
  limit_used_up: Money & { limit: number; open: number; approved: number };
  partial_prepayment: { advance: number; days: number };
  partial_prepayment_order: Money & { advance: number; days: number; open: number; order: number; limit: number; approved: number };
  /** The order leaves almost nothing of the limit: ask for the whole order in advance. */
  order_beyond_headroom: Money & { order: number; headroom: number; limit: number; approved: number };
  /** A credit manager's override of grade or terms. */
  manual_override: { by: string; reason: string; until: string };
}
export type ReasonCode = keyof ReasonParams;

/** What the credit manager should do next (Assessment.nextStep). */
export interface StepParams {
  lodge_claim_by: { type: EventType; date: string };
  lodge_claim: { type: EventType };
  stop_deliveries_overdue: Money & { overdue: number };
  stop_deliveries_limit: Money & { open: number; limit: number };
  ask_prepayment: None;
  call_customer: Money & { overdue: number; days: number };
  lower_limit: Money & { recommended: number; approved: number };
  watch_limit: { utilisation: number };
  no_action: None;
}
export type StepCode = keyof StepParams;

export type Messages<P> = { [K in keyof P]: Msg<P[K]> };

/** A code with its parameters as stored in JSON. */
export interface Coded<C extends string = string> {
  code: C;
  params: Record<string, string | number>;
}

/** Coded messages with parameters checked against the code at compile time. */
export function factorCode<C extends FactorCode>(code: C, params: FactorParams[C]): Coded<C> {
  return { code, params: params as Record<string, string | number> };
}
export function reasonCode<C extends ReasonCode>(code: C, params: ReasonParams[C]): Coded<C> {
  return { code, params: params as Record<string, string | number> };
}
export function stepCode<C extends StepCode>(code: C, params: StepParams[C]): Coded<C> {
  return { code, params: params as Record<string, string | number> };
}

export type { TermsKind };
