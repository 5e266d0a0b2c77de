import type { Policy } from '../../platform/config/policy.js';
import { describeFactor, factorCode, isReasonCode, reasonCode, renderFactor, speaker } from '../../platform/i18n/index.js';
import type { Assessment, Exposure } from '../../platform/schemas/assessment.js';
import { gradeRank } from '../../platform/schemas/common.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import type { Signal } from '../../platform/schemas/signal.js';
import { explainFeature } from './explain.js';
import { computeLedgerFeatures, DEFAULT_LEDGER_OPTIONS, type LedgerFeatureOptions } from './ledger-features.js';
import { recommendTerms, suggestCreditLimit, type FactorText } from './recommend-terms.js';
import { applyOverride, type OverrideInput } from './apply-override.js';
import { findClaimDeadline, nextStep } from './next-step.js';
import { computeIndustryRisk } from './industry-risk.js';
import { industryBaseRate } from './base-rates.js';
import { computeRegisterFeatures, registerOverride, registerRisks, type RegisterFacts } from './register-features.js';
import {
  contributionsOf,
  GRADE_FLOORS,
  gradeForScore,
  logitToScore,
  POINTS_PER_LOGIT,
  scoreToLogit,
  sigmoid,
  toFeatureVector,
} from './scorecard.js';
import { assessSignals } from './signal-features.js';
import { DEFAULT_SIGNAL_MODEL, DEFAULT_WEIGHTS, FEATURE_NAMES, type SignalModel, type Weights } from './weights.js';

export interface AssessInput {
  customer: { id: string; name: string; industry?: string; currency?: string };
  /** This customer's invoices (rows of other customers are ignored). */
  ledger: readonly LedgerRow[];
  /** Signals about this customer (industry-only signals belong in industryRisk). */
  signals: readonly Signal[];
  asOf: Date;
  policy: Policy;
  /** Industry risk index 0 (calm) … 1 (industry in crisis); computed from industrySignals when absent. */
  industryRisk?: number;
  /** Signals about industries (signal.industry); those matching customer.industry feed the index. */
  industrySignals?: readonly Signal[];
  weights?: Weights;
  /** The order being decided on; drives limit checks and card-only. */
  orderAmount?: number;
  register?: RegisterFacts;
  /** Credibility 0..1 per signal sourceId; unknown sources count fully. */
  sourceCredibility?: Readonly<Record<string, number>>;
  signalModel?: SignalModel;
  ledgerOptions?: LedgerFeatureOptions;
  /** The credit limit the company approved for this customer (its currency); decisions and limit use follow it. */
  approvedLimit?: number;
  /** A credit manager's override in force: grade and terms follow it, the model's view is kept beside. */
  override?: OverrideInput;
  /**
   * Write the English and German texts (factors' description/descriptionDe, terms.reasons) for
   * readers of the older JSON; default true. The codes are always there. A backtest scoring
   * thousands of customers for their PD alone skips them.
   */
  texts?: boolean;
}

const TOP_REASONS = 3;
const TOP_IN_FAVOUR = 2;

/** Pure and deterministic: the same input gives the same assessment, byte for byte. */
export function assessCustomer(input: AssessInput): Assessment {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const { customer, asOf, policy } = input;
  const texts = input.texts ?? true;
  const rows = input.ledger.filter((r) => r.customerId === customer.id);
  const ledger = computeLedgerFeatures(rows, asOf, input.ledgerOptions ?? DEFAULT_LEDGER_OPTIONS);
  const register = computeRegisterFeatures(input.register, asOf);
  const industry =
    input.industryRisk === undefined && customer.industry && input.industrySignals
      ? computeIndustryRisk(customer.industry, input.industrySignals, asOf, input.signalModel, input.sourceCredibility)
      : undefined;
  const industryRisk = input.industryRisk ?? industry?.index;
  const vector = toFeatureVector(ledger, register, industryRisk);
  const contributions = contributionsOf(vector, weights);
  const signals = assessSignals(
    input.signals.filter((s) => s.customerId === customer.id),
    asOf,
    input.signalModel ?? DEFAULT_SIGNAL_MODEL,
    input.sourceCredibility,
  );

  const registerRisk = registerRisks(input.register);
  // Public data every customer has, invoices or not: how often its industry fails.
  const baseRate = industryBaseRate(customer.industry);
  let logit = weights.intercept + (baseRate?.logit ?? 0);
  for (const name of FEATURE_NAMES) logit += contributions[name];
  for (const c of signals.contributions) logit += c.logit;
  for (const r of registerRisk) logit += r.logit;

  const currency = ledger.currency ?? customer.currency ?? policy.currency;
  const ctx = { ledger, register, industry: customer.industry, industryRisk, industryEvidence: industry?.evidence, currency };
  const factors: ScoredFactor[] = [];
  for (const name of FEATURE_NAMES) {
    const points = round1(contributions[name] * POINTS_PER_LOGIT);
    if (points === 0) continue;
    const x = explainFeature(name, ctx);
    factors.push({ name, contribution: points, evidence: x.evidence, code: x.code, params: x.params });
  }
  for (const c of signals.contributions) {
    const points = round1(c.logit * POINTS_PER_LOGIT);
    if (points === 0) continue;
    const more = c.signals.length - 1;
    factors.push({ name: `signal_${c.type}`, contribution: points, evidence: c.evidence.slice(0, 10), ...factorCode('signal', { type: c.type, title: c.signals[0]!.title, more }) });
  }
  for (const r of registerRisk) {
    const code = r.name === 'register_confirmation_overdue' ? factorCode('register_confirmation_overdue', {}) : factorCode('register_accounts_overdue', {});
    factors.push({ name: r.name, contribution: round1(r.logit * POINTS_PER_LOGIT), evidence: r.evidence, ...code });
  }

  if (baseRate) {
    const points = round1(baseRate.logit * POINTS_PER_LOGIT);
    if (points !== 0) factors.push({ name: 'industry_base_rate', contribution: points, evidence: [`NACE ${baseRate.section}`], ...factorCode('industry_base_rate', { section: baseRate.section, ratio: baseRate.ratio }) });
  }

  let score = round1(logitToScore(logit));
  let grade = gradeForScore(score);
  const override = signals.override;
  if (override && gradeRank(grade) < gradeRank(override.grade)) {
    const floor = GRADE_FLOORS[override.grade];
    factors.push({
      name: `override_${override.type}`,
      contribution: round1(floor - score),
      evidence: [override.signal.url].filter((u) => u !== ''),
      ...factorCode('hard_event_floor', { type: override.type, grade: override.grade, title: override.signal.title }),
    });
    score = floor;
    logit = scoreToLogit(floor);
    grade = override.grade;
  }
  // The register's own word on the company: gone, being wound up, or failed before.
  const registerHard = registerOverride(input.register);
  const registerStatus = input.register?.status && input.register.status !== 'active' && input.register.status !== 'unknown' ? input.register.status : undefined;
  if (registerHard) {
    // Listed even when a signal already forced E: the register entry is the first evidence to check.
    factors.push({
      name: `override_register_${registerStatus ?? 'history'}`,
      contribution: round1(Math.max(0, GRADE_FLOORS.E - score)),
      evidence: registerHard.evidence,
      ...(registerHard.decline && registerStatus
        ? factorCode('register_status', { status: registerStatus, since: input.register?.dissolvedOn ?? '' })
        : factorCode('register_history', { liquidated: input.register?.hasBeenLiquidated ? 1 : 0 })),
    });
    if (grade !== 'E') {
      score = GRADE_FLOORS.E;
      logit = scoreToLogit(score);
      grade = 'E';
    }
  }

  factors.sort(byWeightThenName);
  const factorTexts = texts ? renderFactorTexts(factors) : undefined;
  const hardEvent =
    override?.grade === 'E'
      ? reasonCode('decline_hard_event', { type: override.type })
      : registerHard?.decline && registerStatus
        ? reasonCode('decline_register', { status: registerStatus })
        : undefined;
  const termsInput = {
    grade,
    policy,
    currency,
    monthlyVolume: ledger.monthlyVolume,
    hasHistory: ledger.maturedCount > 0,
    exposure: ledger.exposure,
    seriouslyOverdueShare: ledger.overdue30Share,
    openOverdueAmount: ledger.openOverdueAmount,
    orderAmount: input.orderAmount,
    approvedLimit: input.approvedLimit,
    hardEvent,
    gradeReasons: pickReasons(factors),
    texts,
    factorTexts,
  };
  const pd = Math.round(sigmoid(logit) * 10000) / 10000;
  const modelTerms = recommendTerms(termsInput);
  const decided = input.override ? applyOverride({ grade, score, pd, terms: modelTerms }, input.override, termsInput) : { grade, terms: modelTerms };
  const exposure = exposureOf(ledger, input.override?.limit ?? input.approvedLimit, suggestCreditLimit({ grade, policy, monthlyVolume: ledger.monthlyVolume, hasHistory: ledger.maturedCount > 0 }), currency, policy.limitAlertThresholds);
  // The notice that calls for claims may be another report of the same proceedings than the one that set the grade.
  const deadline = override && override.grade === 'E' ? signals.considered.filter((x) => x.type === override.type).map((x) => x.claimDeadline ?? findClaimDeadline(`${x.title}\n${x.evidence}`)).find((d) => d !== undefined) : undefined;
  const proceedings = override && override.grade === 'E' ? { type: override.type, ...(deadline ? { deadline } : {}) } : undefined;
  const step = nextStep({ grade: decided.grade, terms: decided.terms, exposure, oldestOverdueDays: ledger.oldestOverdueDays, hardEvent: proceedings, thresholds: policy.limitAlertThresholds, asOf });

  return {
    customerId: customer.id,
    name: customer.name,
    asOf: isoOf(asOf),
    score,
    pd,
    grade: decided.grade,
    terms: decided.terms,
    factors: factors.map((f) => {
      if (!texts) return { name: f.name, contribution: f.contribution, evidence: f.evidence, code: f.code, params: f.params };
      const known = factorTexts?.get(f.params);
      const en = known?.code === f.code ? known.en : describeFactor(f, EN);
      const de = known?.code === f.code ? known.de : describeFactor(f, DE);
      return { name: f.name, contribution: f.contribution, evidence: f.evidence, description: en, descriptionDe: de, code: f.code, params: f.params };
    }),
    signals: signals.considered.map((s) => ({
      type: s.type,
      severity: s.severity,
      occurredAt: s.occurredAt,
      title: s.title,
      url: s.url,
      ...(s.subject ? { subject: s.subject } : {}),
      ...(s.role ? { role: s.role } : {}),
      ...(s.evidence ? { evidence: s.evidence } : {}),
    })),
    modelVersion: weights.version,
    exposure,
    nextStep: step,
    ...(decided.override ? { override: decided.override, model: decided.model } : {}),
  };
}

/** Open and overdue against the approved limit, the suggested limit, and the highest limit-use threshold reached. */
function exposureOf(ledger: { exposure: number; openOverdueAmount: number }, approved: number | undefined, recommended: number, currency: string, thresholds: readonly number[]): Exposure {
  const open = Math.round(ledger.exposure * 100) / 100;
  const utilisation = approved !== undefined && approved > 0 ? Math.round((open / approved) * 10000) / 10000 : approved === 0 && open > 0 ? 999 : null;
  const level = utilisation === null ? 0 : Math.max(0, ...thresholds.filter((t) => utilisation * 100 >= t));
  return {
    open,
    overdue: Math.round(ledger.openOverdueAmount * 100) / 100,
    approvedLimit: approved ?? null,
    utilisation,
    currency,
    recommendedLimit: recommended,
    level,
    aboveRecommendation: approved !== undefined && recommended < approved,
  };
}

interface ScoredFactor {
  name: string;
  contribution: number;
  evidence: string[];
  code: string;
  params: Record<string, string | number>;
}

const EN = speaker('en');
const DE = speaker('de');

/**
 * Each factor's English and German text, rendered once: the factors list them and the terms
 * quote the top ones as reasons (the same code and params object). Only texts the catalogue
 * rendered are kept; anything else takes describeFactor's / describeReason's fallbacks.
 */
function renderFactorTexts(factors: readonly ScoredFactor[]): Map<object, FactorText> {
  const out = new Map<object, FactorText>();
  for (const f of factors) {
    if (isReasonCode(f.code)) continue;
    const en = renderFactor(f, EN);
    const de = renderFactor(f, DE);
    if (en !== undefined && de !== undefined) out.set(f.params, { code: f.code, en, de });
  }
  return out;
}

/** Ties of equal weight in name order, as String#localeCompare orders them (one Collator instead of one per call). */
const NAME_ORDER = new Intl.Collator();
function byWeightThenName(a: ScoredFactor, b: ScoredFactor): number {
  return Math.abs(b.contribution) - Math.abs(a.contribution) || NAME_ORDER.compare(a.name, b.name);
}

/** asOf as ISO text: one day is scored for a whole portfolio, so the last one is kept. */
let lastAsOf = NaN;
let lastAsOfIso = '';
function isoOf(asOf: Date): string {
  const ms = asOf.getTime();
  if (ms !== lastAsOf) {
    lastAsOfIso = asOf.toISOString();
    lastAsOf = ms;
  }
  return lastAsOfIso;
}

/**
 * Against: the hard event first, then the biggest risk drivers. In favour: what earned leniency.
 * They stay apart, so that a good payment history is never listed as a reason to decline.
 */
function pickReasons(factors: ScoredFactor[]) {
  const overrides = factors.filter((f) => f.name.startsWith('override_'));
  const risks = factors.filter((f) => !f.name.startsWith('override_') && f.contribution >= 1).slice(0, TOP_REASONS);
  const lenient = factors.filter((f) => f.contribution <= -1).slice(0, TOP_IN_FAVOUR);
  const asReason = (f: ScoredFactor) => ({ code: f.code, params: f.params });
  return { against: [...overrides, ...risks].map(asReason), inFavour: lenient.map(asReason) };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10 + 0; // + 0 turns -0 into 0
}
