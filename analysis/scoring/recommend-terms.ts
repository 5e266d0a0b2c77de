import type { Policy } from '../../platform/config/policy.js';
import type { Grade } from '../../platform/schemas/common.js';
import type { Terms } from '../../platform/schemas/assessment.js';

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
  /** Set when an insolvency, moratorium or liquidation forced grade E. */
  hardEvent?: { en: string; de: string };
  /** Short reasons for the grade (top factors), prepended to the terms reasons. */
  gradeReasons: { en: string[]; de: string[] };
}

/** Pure: the terms policy's decision table (documented in platform/config/policy.ts). */
export function recommendTerms(input: TermsInput): Terms {
  const { grade, policy } = input;
  const order = input.orderAmount ?? 0;
  const limit = suggestCreditLimit(input);
  const en = [...input.gradeReasons.en];
  const de = [...input.gradeReasons.de];
  const base = { currency: input.currency, creditLimit: limit as number | null };
  const money = (x: number) => `${input.currency} ${formatAmount(x)}`;
  // Without an order the standing terms are recommended; the limit is checked when there is an order to decide on.
  const need = input.orderAmount === undefined ? 0 : input.exposure + order;
  if (input.orderAmount === undefined && limit > 0 && input.exposure > limit) {
    en.push(`The open amount ${money(input.exposure)} already exceeds the suggested limit ${money(limit)}.`);
    de.push(`Die offenen Posten von ${money(input.exposure)} übersteigen die empfohlene Limite von ${money(limit)} bereits.`);
  }

  if (grade === 'E') {
    if (input.hardEvent && policy.declineOnHardEvent) {
      en.push(`Decline: ${input.hardEvent.en} is on record; no delivery, not even against prepayment.`);
      de.push(`Ablehnen: ${input.hardEvent.de} ist bekannt; keine Lieferung, auch nicht gegen Vorauskasse.`);
      return { kind: 'decline', netDays: null, advancePercent: null, creditLimit: 0, currency: input.currency, reasons: { en, de } };
    }
    en.push('Grade E: deliver only against full prepayment.');
    de.push('Note E: Lieferung nur gegen Vorauskasse.');
    return { kind: 'prepayment', netDays: null, advancePercent: 100, creditLimit: 0, currency: input.currency, reasons: { en, de } };
  }
  if (grade === 'D') {
    if (input.orderAmount !== undefined && order <= policy.cardOnlyMaxOrder) {
      en.push(`Grade D, small order (${money(order)} ≤ ${money(policy.cardOnlyMaxOrder)}): card payment only.`);
      de.push(`Note D, kleiner Auftrag (${money(order)} ≤ ${money(policy.cardOnlyMaxOrder)}): nur Kartenzahlung.`);
      return { kind: 'card_only', netDays: 0, advancePercent: null, creditLimit: 0, currency: input.currency, reasons: { en, de } };
    }
    en.push('Grade D: deliver only against full prepayment.');
    de.push('Note D: Lieferung nur gegen Vorauskasse.');
    return { kind: 'prepayment', netDays: null, advancePercent: 100, creditLimit: 0, currency: input.currency, reasons: { en, de } };
  }

  const tooMuchOverdue = input.seriouslyOverdueShare > policy.maxOverdueShareOpenAccount;
  if ((grade === 'A' || grade === 'B') && !tooMuchOverdue) {
    if (need <= limit) {
      en.push(`Grade ${grade}: open account, ${policy.standardNetDays} days net, credit limit ${money(limit)}.`);
      de.push(`Note ${grade}: offene Rechnung, ${policy.standardNetDays} Tage netto, Kreditlimite ${money(limit)}.`);
      return { kind: 'open_account', netDays: policy.standardNetDays, advancePercent: null, ...base, reasons: { en, de } };
    }
    return overLimit(input, limit, Math.max(policy.minAdvancePercent, excessPercent(need, limit, order)), policy.standardNetDays, en, de);
  }

  // Grade C, or A/B with much of the exposure overdue.
  if (tooMuchOverdue && grade !== 'C') {
    en.push(`${pct(input.seriouslyOverdueShare)} of the open amount is more than 30 days overdue: grade-C terms.`);
    de.push(`${pct(input.seriouslyOverdueShare)} der offenen Posten sind über 30 Tage überfällig: Konditionen wie Note C.`);
  }
  if (need <= limit && !tooMuchOverdue) {
    en.push(`Grade C: shorter terms, ${policy.shortNetDays} days net, credit limit ${money(limit)}.`);
    de.push(`Note C: verkürztes Zahlungsziel, ${policy.shortNetDays} Tage netto, Kreditlimite ${money(limit)}.`);
    return { kind: 'short_terms', netDays: policy.shortNetDays, advancePercent: null, ...base, reasons: { en, de } };
  }
  const advance = Math.max(policy.partialAdvancePercent, excessPercent(need, limit, order));
  return overLimit(input, limit, advance, policy.shortNetDays, en, de);
}

function overLimit(input: TermsInput, limit: number, advance: number, netDays: number, en: string[], de: string[]): Terms {
  const money = (x: number) => `${input.currency} ${formatAmount(x)}`;
  if (advance >= 100) {
    en.push(`Credit limit ${money(limit)} is used up by the open amount ${money(input.exposure)}: prepayment.`);
    de.push(`Kreditlimite ${money(limit)} ist durch offene Posten von ${money(input.exposure)} ausgeschöpft: Vorauskasse.`);
    return { kind: 'prepayment', netDays: null, advancePercent: 100, creditLimit: limit, currency: input.currency, reasons: { en, de } };
  }
  en.push(
    `Partial prepayment: ${advance} % in advance, the rest ${netDays} days net` +
      (input.orderAmount ? ` (open ${money(input.exposure)} + order ${money(input.orderAmount)} against limit ${money(limit)}).` : '.'),
  );
  de.push(
    `Teil-Vorauszahlung (Akonto): ${advance} % im Voraus, Rest ${netDays} Tage netto` +
      (input.orderAmount ? ` (offen ${money(input.exposure)} + Auftrag ${money(input.orderAmount)} gegenüber Limite ${money(limit)}).` : '.'),
  );
  return { kind: 'partial_prepayment', netDays, advancePercent: advance, creditLimit: limit, currency: input.currency, reasons: { en, de } };
}

/** Share of the order beyond the limit, rounded up to 10 %; 100 when the limit is already used up. */
function excessPercent(need: number, limit: number, order: number): number {
  if (need <= limit) return 0;
  if (order <= 0) return 100;
  const excess = Math.min(order, need - limit);
  return Math.min(100, Math.ceil((excess / order) * 10) * 10);
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

export function formatAmount(x: number): string {
  return Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "'");
}

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}
