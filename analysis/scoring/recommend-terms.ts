import type { Policy } from '../../platform/config/policy.js';
import { reasonCode, describeReason, speaker, type Coded } from '../../platform/i18n/index.js';
import type { Grade } from '../../platform/schemas/common.js';
import type { ReasonStance, Terms, TermsKind } from '../../platform/schemas/assessment.js';

/** A grade reason: a scorecard factor as a catalogue code (see explain.ts). */
export type GradeReason = Coded;

export interface TermsInput {
  grade: Grade;
  policy: Policy;
  currency: string;
  /** Average amount invoiced per month (0 for a new customer). */
  monthlyVolume: number;
  /** True when the ledger holds at least one invoice that is due or paid. */
  hasHistory: boolean;
  /** Open receivables now. */
  exposure: number;
  /** Share of the exposure more than 30 days overdue. */
  seriouslyOverdueShare: number;
  openOverdueAmount: number;
  /** The order being decided on, if any. */
  orderAmount?: number;
  /** The credit limit the company approved for this customer; decisions use it instead of the suggested one. */
  approvedLimit?: number;
  /** Set when an insolvency, moratorium or liquidation (news or register) forced grade E: the decline reason. */
  hardEvent?: Coded;
  /** What speaks against the customer and what in their favour (top factors), shown apart. */
  gradeReasons: { against: GradeReason[]; inFavour: GradeReason[] };
  /** Also write the reasons in English and German (`reasons`); default true. */
  texts?: boolean;
  /** The factors' texts already rendered, by their params object: a reason quoting a factor reuses them. */
  factorTexts?: FactorTexts;
}

/** A factor's English and German catalogue texts, as renderFactor made them. */
export interface FactorText {
  code: string;
  en: string;
  de: string;
}
export type FactorTexts = ReadonlyMap<object, FactorText>;

type Reason = Coded & { stance: ReasonStance };
const decision = (c: Coded): Reason => ({ ...c, stance: 'decision' });

/** Pure: the terms policy's decision table (documented in platform/config/policy.ts). */
export function recommendTerms(input: TermsInput): Terms {
  const { grade, policy, currency } = input;
  const order = input.orderAmount ?? 0;
  const suggested = suggestCreditLimit(input);
  const approved = input.approvedLimit !== undefined ? 1 : 0;
  const limit = input.approvedLimit ?? suggested;
  const against: Reason[] = input.gradeReasons.against.map((r) => ({ ...r, stance: 'against' as const }));
  const inFavour: Reason[] = input.gradeReasons.inFavour.map((r) => ({ ...r, stance: 'for' as const }));
  const result = (kind: TermsKind, netDays: number | null, advancePercent: number | null, creditLimit: number | null, decided: Reason[]): Terms =>
    withReasons({ kind, netDays, advancePercent, creditLimit, currency }, against.concat(decided), inFavour, input.texts ?? true, input.factorTexts);
  // Without an order the standing terms are recommended; the limit is checked when there is an order to decide on.
  const need = input.orderAmount === undefined ? 0 : input.exposure + order;
  if (input.orderAmount === undefined && limit > 0 && input.exposure > limit && grade !== 'D' && grade !== 'E') {
    against.push({ ...reasonCode('exposure_over_limit', { open: Math.round(input.exposure), limit, approved, currency }), stance: 'against' });
  }

  if (grade === 'E') {
    if (input.hardEvent && policy.declineOnHardEvent) {
      return result('decline', null, null, 0, [decision(input.hardEvent)]);
    }
    return result('prepayment', null, 100, 0, [decision(reasonCode('prepayment_grade', { grade }))]);
  }
  if (grade === 'D') {
    if (input.orderAmount !== undefined && order <= policy.cardOnlyMaxOrder) {
      return result('card_only', 0, null, 0, [decision(reasonCode('card_only_small_order', { grade, order, max: policy.cardOnlyMaxOrder, currency }))]);
    }
    return result('prepayment', null, 100, 0, [decision(reasonCode('prepayment_grade', { grade }))]);
  }

  const tooMuchOverdue = input.seriouslyOverdueShare > policy.maxOverdueShareOpenAccount;
  if ((grade === 'A' || grade === 'B') && !tooMuchOverdue) {
    if (need <= limit) {
      return result('open_account', policy.standardNetDays, null, limit, [decision(reasonCode('open_account', { grade, days: policy.standardNetDays, limit, approved, currency }))]);
    }
    return overLimit(input, limit, approved, policy.minAdvancePercent, policy.standardNetDays, result);
  }

  // Grade C, or A/B with much of the exposure overdue.
  if (tooMuchOverdue && grade !== 'C') {
    against.push({ ...reasonCode('overdue_terms_as_c', { share: Math.round(input.seriouslyOverdueShare * 100) / 100 }), stance: 'against' });
  }
  if (need <= limit && !tooMuchOverdue) {
    return result('short_terms', policy.shortNetDays, null, limit, [decision(reasonCode('short_terms', { days: policy.shortNetDays, limit, approved, currency }))]);
  }
  return overLimit(input, limit, approved, policy.partialAdvancePercent, policy.shortNetDays, result);
}

type Result = (kind: TermsKind, netDays: number | null, advancePercent: number | null, creditLimit: number | null, decided: Reason[]) => Terms;

/**
 * The order (or the standing terms of a C customer) goes beyond the limit: the part beyond it is
 * asked in advance, rounded up to 5 % but at least `minAdvance`; when the open amount alone uses
 * the limit up, or the order leaves less than 5 % of itself within the limit, full prepayment.
 */
function overLimit(input: TermsInput, limit: number, approved: number, minAdvance: number, netDays: number, result: Result): Terms {
  const { currency } = input;
  const order = input.orderAmount ?? 0;
  const open = Math.round(input.exposure);
  const headroom = limit - input.exposure;
  if (input.orderAmount !== undefined && headroom <= 0) {
    return result('prepayment', null, 100, limit, [decision(reasonCode('limit_used_up', { limit, open, approved, currency }))]);
  }
  const excessShare = input.orderAmount === undefined || order <= 0 ? 0 : Math.max(0, order - headroom) / order;
  const advance = Math.max(minAdvance, Math.ceil(excessShare * 20 - 1e-9) * 5);
  if (advance >= 100) {
    return result('prepayment', null, 100, limit, [decision(reasonCode('order_beyond_headroom', { order, headroom: Math.round(headroom), limit, approved, currency }))]);
  }
  const reason =
    input.orderAmount !== undefined
      ? reasonCode('partial_prepayment_order', { advance, days: netDays, open, order, limit, approved, currency })
      : reasonCode('partial_prepayment', { advance, days: netDays });
  return result('partial_prepayment', netDays, advance, limit, [decision(reason)]);
}

const EN = speaker('en');
const DE = speaker('de');

/**
 * The reasons as codes (rendered per language by pages, mails and reports) and, for readers of
 * the older JSON, in English and German: what speaks against, then the decision; what speaks in
 * favour only when the decision grants credit — a good payment history is never a reason to decline.
 */
export function withReasons(terms: Omit<Terms, 'reasons' | 'reasonCodes'>, againstAndDecision: Reason[], inFavour: Reason[], texts = true, factorTexts?: FactorTexts): Terms {
  const grantsCredit = terms.kind === 'open_account' || terms.kind === 'short_terms';
  const all = againstAndDecision.concat(inFavour);
  const legacy = grantsCredit ? all : againstAndDecision;
  // Written out rather than spread (a spread that adds keys is V8's slow path): the five terms fields, in their order.
  const { kind, netDays, advancePercent, creditLimit, currency } = terms;
  if (!texts) return { kind, netDays, advancePercent, creditLimit, currency, reasonCodes: all };
  const en: string[] = [];
  const de: string[] = [];
  for (const r of legacy) {
    // A factor quoted as a reason reads as the factor does (no factor code is also a reason code).
    const known = factorTexts?.get(r.params);
    if (known !== undefined && known.code === r.code) {
      en.push(known.en);
      de.push(known.de);
    } else {
      en.push(describeReason(r, EN));
      de.push(describeReason(r, DE));
    }
  }
  return { kind, netDays, advancePercent, creditLimit, currency, reasons: { en, de }, reasonCodes: all };
}

/**
 * Credit limit from behaviour and grade: the customer's typical receivable (monthly volume
 * over net days plus a month of slack) times the grade factor, rounded to a tidy figure.
 */
export function suggestCreditLimit(input: Pick<TermsInput, 'grade' | 'policy' | 'monthlyVolume' | 'hasHistory'>): number {
  const { policy, grade } = input;
  const factor = policy.creditLimitFactor[grade];
  if (factor <= 0) return 0;
  const typical = input.hasHistory
    ? input.monthlyVolume * ((policy.standardNetDays + 30) / 30)
    : policy.newCustomerCreditLimit;
  const raw = Math.min(policy.maxCreditLimit, Math.max(policy.minCreditLimit, typical * factor));
  return roundLimit(raw);
}

function roundLimit(x: number): number {
  const step = x >= 100_000 ? 10_000 : x >= 10_000 ? 1_000 : 100;
  return Math.floor(x / step) * step;
}
