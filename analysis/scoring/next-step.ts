import { stepCode, type Coded } from '../../platform/i18n/index.js';
import type { Exposure, Terms } from '../../platform/schemas/assessment.js';
import type { EventType, Grade } from '../../platform/schemas/common.js';

export interface NextStepInput {
  grade: Grade;
  terms: Terms;
  exposure: Exposure;
  /** Days the oldest open invoice is past due. */
  oldestOverdueDays: number;
  /** An insolvency, composition or liquidation on record, with the claims deadline its notice gives. */
  hardEvent?: { type: EventType; deadline?: string };
  /** Limit-use thresholds in percent (policy.limitAlertThresholds). */
  thresholds: readonly number[];
  asOf: Date;
}

const PROCEEDINGS: readonly EventType[] = ['insolvency', 'debt_restructuring', 'liquidation'];

/**
 * Pure: the one thing to do next for the situation, most urgent first — lodge the claim (by the
 * notice's deadline), stop deliveries while overdue or over the limit, ask for prepayment, call
 * about what is overdue, review a limit the model no longer supports, watch a limit nearly used.
 */
export function nextStep(x: NextStepInput): Coded {
  const { exposure: e } = x;
  const cur = e.currency;
  if (x.hardEvent && PROCEEDINGS.includes(x.hardEvent.type)) {
    const deadline = x.hardEvent.deadline;
    return deadline && deadline >= x.asOf.toISOString().slice(0, 10)
      ? stepCode('lodge_claim_by', { type: x.hardEvent.type, date: deadline })
      : stepCode('lodge_claim', { type: x.hardEvent.type });
  }
  const noCredit = x.terms.kind === 'prepayment' || x.terms.kind === 'decline' || x.terms.kind === 'card_only';
  if (noCredit && e.overdue > 0) return stepCode('stop_deliveries_overdue', { overdue: Math.round(e.overdue), currency: cur });
  if (e.approvedLimit !== null && e.approvedLimit > 0 && e.open > e.approvedLimit) {
    return stepCode('stop_deliveries_limit', { open: Math.round(e.open), limit: e.approvedLimit, currency: cur });
  }
  if (noCredit) return stepCode('ask_prepayment', {});
  if (e.overdue > 0 && x.oldestOverdueDays >= 30) return stepCode('call_customer', { overdue: Math.round(e.overdue), days: Math.round(x.oldestOverdueDays), currency: cur });
  if (e.aboveRecommendation && e.approvedLimit !== null && e.recommendedLimit !== undefined) {
    return stepCode('lower_limit', { recommended: e.recommendedLimit, approved: e.approvedLimit, currency: cur });
  }
  const lowest = Math.min(...x.thresholds);
  if (e.utilisation !== null && e.utilisation * 100 >= lowest) return stepCode('watch_limit', { utilisation: Math.round(e.utilisation * 100) / 100 });
  if (e.overdue > 0 && x.oldestOverdueDays > 5) return stepCode('call_customer', { overdue: Math.round(e.overdue), days: Math.round(x.oldestOverdueDays), currency: cur });
  return stepCode('no_action', {});
}

const DATE = String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})-(\d{2})-(\d{2})`;
/** Words that introduce the deadline for lodging claims in SHAB, Gazette and German notices. */
const DEADLINE = new RegExp(
  String.raw`(?:eingabefrist|anmeldefrist|forderungen[^.]{0,80}?(?:bis|innert)|d[ée]lai de production|productions?[^.]{0,60}?jusqu|termine per (?:l'insinuazione|le insinuazioni)|insinuazioni[^.]{0,60}?entro)\D{0,40}?(?:${DATE})`,
  'i',
);

/** The deadline for lodging claims a notice gives ("Eingabefrist: 14.01.2027"), as YYYY-MM-DD; undefined when it names none. */
export function findClaimDeadline(text: string): string | undefined {
  const m = DEADLINE.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, m[5]!, m[4]!];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? undefined : iso;
}
