import type { EventType, Grade, Language, Severity } from '../../schemas/common.js';
import type { TermsKind } from '../../schemas/assessment.js';
import type { FactorParams, Messages, ReasonParams, StepParams } from '../codes.js';
import type { PluralForms } from '../format.js';

const days: PluralForms = { one: 'day', other: 'days' };
const invoices: PluralForms = { one: 'invoice', other: 'invoices' };
const limitWord = (approved: number) => (approved ? 'approved limit' : 'suggested limit');

const events: Record<EventType, string> = {
  insolvency: 'Insolvency', debt_restructuring: 'Composition / restructuring', liquidation: 'Liquidation', debt_enforcement: 'Debt enforcement',
  payment_delay: 'Payment delays', financial_distress: 'Financial distress', layoffs: 'Layoffs', legal_dispute: 'Legal dispute',
  management_change: 'Management change', ownership_change: 'Ownership change', positive: 'Positive news',
};

/** English: the reference catalogue; every other language has exactly these keys. */
export const en = {
  lang: 'en' as Language,
  languageName: 'English',
  grades: { A: 'very low risk', B: 'low risk', C: 'moderate risk', D: 'high risk', E: 'very high risk' } as Record<Grade, string>,
  events,
  severities: { positive: 'positive', low: 'low', medium: 'medium', high: 'high', critical: 'critical' } as Record<Severity, string>,
  terms: { open_account: 'Open account', short_terms: 'Shorter payment terms', partial_prepayment: 'Partial prepayment', prepayment: 'Full prepayment', card_only: 'Card payment only', decline: 'Decline' } as Record<TermsKind, string>,
  frequencies: { instant: 'instant', daily: 'daily', weekly: 'weekly', monthly: 'monthly' } as Record<string, string>,
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  /** Fragments that describe a terms decision in one line. */
  termsParts: {
    net: (n: number) => `${n} days net`,
    advance: (p: string) => `${p} in advance`,
    limit: (amount: string) => `credit limit ${amount}`,
  },
  factors: {
    days_beyond_terms: (p, f) => `Pays on average ${f.count(p.days, days)} beyond terms (amount-weighted, open invoices included).`,
    payment_trend: (p, f) =>
      `${p.recent >= p.older ? 'Paying later' : 'Paying faster'} recently: ${f.count(p.recent, days)} beyond terms in the last 90 days against ${f.count(p.older, days)} before.`,
    share_paid_late: (p, f) => `${f.percent(p.share)} of ${f.count(p.count, { one: 'due invoice', other: 'due invoices' })} paid late or still unpaid.`,
    unpaid_share: (p, f) => `${f.percent(p.share)} of the amount that fell due was not paid (open, written off or credited after the due date; ${f.count(p.count, { one: 'invoice', other: 'invoices' })}).`,
    worst_delay: (p, f) => `Worst delay ${f.count(p.days, days)} beyond terms.`,
    oldest_overdue: (p, f) => `The oldest open invoice is ${f.count(p.days, days)} past due.`,
    overdue_share: (p, f) => `${f.money(p.overdue, p.currency)} of ${f.money(p.open, p.currency)} open is overdue (${f.percent(p.share)} weighted by days overdue).`,
    dunning_level: (p) => `Reached dunning level ${p.level} of 3.`,
    collection_cases: (p, f) => `${f.count(p.count, invoices)} handed to debt collection.`,
    written_off: (p, f) => `${f.count(p.count, invoices)} written off as uncollectable (${f.money(p.amount, p.currency)} lost).`,
    payment_track_record: (p, f) => `Good payment history: ${f.count(p.count, invoices)} paid on time.`,
    no_payment_history: () => 'No invoices yet: scored from public data (register, news, industry) and the starting risk of a company with nothing adverse known.',
    business_volume: (p, f) => `Business volume: ${f.money(p.amount, p.currency)} invoiced per month on average.`,
    company_age: (p, f) => `Young company: registered ${f.number(p.years, 1)} years ago.`,
    legal_form: () => 'Legal form with little liable capital.',
    low_capital: () => 'Low registered capital.',
    register_changes: (p, f) => `${f.count(p.count, { one: 'change', other: 'changes' })} of signatories or address in the last 12 months.`,
    industry_risk: (p, f) => `Industry ${p.industry} under stress (risk index ${f.number(p.index, 2)}).`,
    industry_base_rate: (p, f) => `Industry (NACE ${p.section}) fails ${f.number(p.ratio, 2)} times as often as the average (published insolvency rates).`,
    register_accounts_overdue: () => 'Annual accounts are overdue at the register.',
    register_confirmation_overdue: () => 'The confirmation statement is overdue at the register.',
    register_status: (p, f) => `The register lists the company as ${({ dissolved: 'dissolved', struck_off: 'struck off the register', in_liquidation: 'in liquidation', insolvent: 'in insolvency proceedings' } as Record<string, string>)[p.status] ?? p.status}${p.since ? ` since ${f.date(p.since)}` : ''}: grade E.`,
    register_history: (p): string => (p.liquidated ? 'The register shows the company has been liquidated before: grade E.' : 'The register shows an insolvency history: grade E.'),
    signal: (p, f) => `${events[p.type]}: “${p.title}”${p.more > 0 ? ` (and ${f.count(p.more, { one: 'more report', other: 'more reports' })})` : ''}.`,
    hard_event_floor: (p) => `${events[p.type]} forces at least grade ${p.grade}: “${p.title}”.`,
  } satisfies Messages<FactorParams>,
  reasons: {
    exposure_over_limit: (p, f) => `The open amount ${f.money(p.open, p.currency)} already exceeds the ${limitWord(p.approved)} of ${f.money(p.limit, p.currency)}.`,
    decline_hard_event: (p) => `Decline: ${events[p.type].toLowerCase()} is on record; no delivery, not even against prepayment.`,
    decline_register: (p) =>
      `Decline: ${({ dissolved: 'the dissolution in the register', struck_off: 'the striking off the register', in_liquidation: 'the liquidation in the register', insolvent: 'the insolvency proceedings in the register' } as Record<string, string>)[p.status] ?? p.status} is on record; no delivery, not even against prepayment.`,
    prepayment_grade: (p) => `Grade ${p.grade}: deliver only against full prepayment.`,
    card_only_small_order: (p, f) => `Grade ${p.grade}, small order (${f.money(p.order, p.currency)}, at most ${f.money(p.max, p.currency)}): card payment only.`,
    open_account: (p, f) => `Grade ${p.grade}: open account, ${p.days} days net, ${limitWord(p.approved)} ${f.money(p.limit, p.currency)}.`,
    overdue_terms_as_c: (p, f) => `${f.percent(p.share)} of the open amount is more than 30 days overdue: terms as for grade C.`,
    short_terms: (p, f) => `Grade C: shorter terms, ${p.days} days net, ${limitWord(p.approved)} ${f.money(p.limit, p.currency)}.`,
    limit_used_up: (p, f) => `The ${limitWord(p.approved)} of ${f.money(p.limit, p.currency)} is used up by the open amount ${f.money(p.open, p.currency)}: prepayment.`,
    partial_prepayment: (p, f) => `Partial prepayment: ${f.percent(p.advance / 100)} in advance, the rest ${p.days} days net.`,
    partial_prepayment_order: (p, f) =>
      `Partial prepayment: ${f.percent(p.advance / 100)} in advance, the rest ${p.days} days net (open ${f.money(p.open, p.currency)} + order ${f.money(p.order, p.currency)} against the ${limitWord(p.approved)} of ${f.money(p.limit, p.currency)}).`,
    order_beyond_headroom: (p, f) =>
      `Only ${f.money(p.headroom, p.currency)} of the ${limitWord(p.approved)} of ${f.money(p.limit, p.currency)} is left for an order of ${f.money(p.order, p.currency)}: prepayment.`,
    manual_override: (p, f) => `Set by ${p.by}: ${p.reason}${p.until ? ` (until ${f.date(p.until)})` : ''}.`,
  } satisfies Messages<ReasonParams>,
  steps: {
    lodge_claim_by: (p, f) => `Stop deliveries and lodge your claim with the ${p.type === 'insolvency' ? 'bankruptcy office' : 'administrator'} by ${f.date(p.date)}, the date in the notice.`,
    lodge_claim: (p) => `Stop deliveries and lodge your claim with the ${p.type === 'insolvency' ? 'bankruptcy office' : 'administrator'} as soon as the call for claims is published.`,
    stop_deliveries_overdue: (p, f) => `Stop deliveries until the overdue ${f.money(p.overdue, p.currency)} are paid.`,
    stop_deliveries_limit: (p, f) => `Stop deliveries on credit: ${f.money(p.open, p.currency)} open against an approved limit of ${f.money(p.limit, p.currency)}.`,
    ask_prepayment: () => 'Ask for prepayment before the next delivery.',
    call_customer: (p, f) => `Call the customer about the overdue ${f.money(p.overdue, p.currency)} (oldest ${f.count(p.days, days)} past due).`,
    lower_limit: (p, f) => `Review the approved limit: Bonitor suggests ${f.money(p.recommended, p.currency)} instead of ${f.money(p.approved, p.currency)}.`,
    watch_limit: (p, f) => `Limit use at ${f.percent(p.utilisation)}: check the next orders against the limit.`,
    no_action: () => 'Nothing to do: deliver on the recommended terms.',
  } satisfies Messages<StepParams>,
  stake: {
    title: 'What is at stake',
    open: 'Open',
    overdue: 'Overdue',
    limitUse: 'Limit use',
    approvedLimit: 'Approved limit',
    suggestedLimit: 'Suggested limit',
    noLimit: 'no approved limit',
    nextStep: 'Next step',
    line: (open: string, overdue: string, use: string) => `Open ${open} · overdue ${overdue}${use ? ` · limit use ${use}` : ''}`,
  },
  override: {
    title: 'Override',
    by: (by: string, at: string, until: string) => `Set by ${by} on ${at}${until ? `, valid until ${until}` : ''}`,
    model: 'The model’s own view',
    cleared: (by: string, at: string) => `Cleared by ${by} on ${at}`,
  },
  againstLabel: 'Against',
  inFavourLabel: 'In favour',
  decisionLabel: 'Decision',
  report: {
    asOf: 'as of',
    grade: 'Grade',
    score: 'score',
    pd: 'probability of default (12 months)',
    terms: 'Recommended terms',
    why: 'What moved the score',
    signals: 'Signals',
    none: 'none',
    more: (n: number) => `… ${n} more`,
    prospect: (n: number, entries: number) =>
      `Not a customer: assessed from ${entries > 0 ? `${entries} register ${entries === 1 ? 'entry' : 'entries'} and ` : ''}${n} public ${n === 1 ? 'document' : 'documents'} that name it.`,
    alsoMatching: 'Also matching',
    candidates: (q: string) => `Several companies match “${q}”; name one of them (or its id):`,
    notFound: (q: string) => `No customer matches “${q}”, no register knows it and no stored public document names it. Import your watchlist or ledger (bonitor watchlist import, bonitor ledger import), configure registers or add sources.`,
  },
  mail: {
    frequency: { daily: 'daily', weekly: 'weekly', monthly: 'monthly', instant: 'instant' } as Record<'daily' | 'weekly' | 'monthly' | 'instant', string>,
    subjectDigest: (freq: string, items: number, customers: number, date: string) =>
      `Bonitor ${freq} digest ${date}: ${items} ${items === 1 ? 'item' : 'items'} on ${customers} ${customers === 1 ? 'customer' : 'customers'}`,
    subjectQuiet: (freq: string, date: string) => `Bonitor ${freq} digest ${date}: all quiet`,
    subjectInstant: (names: string) => `Bonitor alert: ${names}`,
    subjectHealth: (source: string, recovered: boolean) => (recovered ? `Bonitor: source ${source} works again` : `Bonitor: source ${source} is failing`),
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    intro: (freq: string, date: string) => `your ${freq} Bonitor digest for ${date}.`,
    introInstant: 'something important happened to customers you follow:',
    allQuiet: 'All quiet: nothing new about your customers since the last digest.',
    summaryTitle: 'Needs your attention',
    summaryCounts: (customers: number, critical: number, changes: number) =>
      `${customers} ${customers === 1 ? 'customer' : 'customers'} with news, ${critical} critical, ${changes} ${changes === 1 ? 'grade change' : 'grade changes'}.`,
    biggestAtRisk: 'Biggest exposures at risk',
    gradeChanges: 'Grade changes',
    newSection: 'New',
    acknowledgedSection: 'Already acknowledged',
    acknowledgedBy: (by: string, date: string) => `acknowledged by ${by} on ${date}`,
    acknowledge: 'Acknowledge',
    grade: 'Grade',
    score: 'Score',
    newAssessment: 'first assessment',
    terms: 'Recommended terms',
    sources: 'Sources',
    check: 'Open the check',
    industries: 'Industries',
    industry: 'Industry',
    health: 'Source health',
    healthLine: (failures: number, lastSuccess: string) => `${failures} consecutive ${failures === 1 ? 'failure' : 'failures'}, last success ${lastSuccess}`,
    healthRecovered: (source: string) => `The source ${source} works again.`,
    healthFailing: (source: string, failures: number) => `The source ${source} failed ${failures} ${failures === 1 ? 'time' : 'times in a row'}. Alerts may miss news until it works again.`,
    unsubscribe: 'Unsubscribe',
    more: (k: number) => `… and ${k} more (see the check page)`,
    unsubscribeCli: (id: string) => `To unsubscribe, ask your administrator to run: bonitor subscriptions remove ${id}`,
    limitCrossed: (level: string) => `Limit use crossed ${level}`,
    limitBelow: (recommended: string, approved: string) => `Bonitor’s suggested limit ${recommended} is below the approved limit ${approved}`,
    overrideSet: (by: string, reason: string) => `Override by ${by}: ${reason}`,
  },
}

export type CoreCatalogue = typeof en;
