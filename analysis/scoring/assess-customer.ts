import type { Policy } from '../../platform/config/policy.js';
import type { Assessment, Factor } from '../../platform/schemas/assessment.js';
import type { LedgerRow } from '../../platform/schemas/ledger.js';
import type { Signal } from '../../platform/schemas/signal.js';
import { EVENT_LABEL, explainFeature } from './explain.js';
import { computeLedgerFeatures, DEFAULT_LEDGER_OPTIONS, type LedgerFeatureOptions } from './ledger-features.js';
import { recommendTerms } from './recommend-terms.js';
import { computeIndustryRisk } from './industry-risk.js';
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
  customer: { id: string; name: string; industry?: string };
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
}

const TOP_REASONS = 3;

/** Pure and deterministic: the same input gives the same assessment, byte for byte. */
export function assessCustomer(input: AssessInput): Assessment {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const { customer, asOf, policy } = input;
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
  let logit = weights.intercept;
  for (const name of FEATURE_NAMES) logit += contributions[name];
  for (const c of signals.contributions) logit += c.logit;
  for (const r of registerRisk) logit += r.logit;

  const currency = ledger.currency ?? policy.currency;
  const ctx = { ledger, register, industry: customer.industry, industryRisk, industryEvidence: industry?.evidence, currency };
  const factors: Array<Factor & { en: string; de: string }> = [];
  for (const name of FEATURE_NAMES) {
    const points = round1(contributions[name] * POINTS_PER_LOGIT);
    if (points === 0) continue;
    const x = explainFeature(name, ctx);
    factors.push({ name, contribution: points, evidence: x.evidence, description: x.en, en: x.en, de: x.de });
  }
  for (const c of signals.contributions) {
    const points = round1(c.logit * POINTS_PER_LOGIT);
    if (points === 0) continue;
    const label = EVENT_LABEL[c.type]!;
    const n = c.signals.length;
    const title = c.signals[0]!.title;
    factors.push({
      name: `signal_${c.type}`,
      contribution: points,
      evidence: c.evidence.slice(0, 10),
      description: `${cap(label.en)}: "${title}"${n > 1 ? ` (+${n - 1} more report${n > 2 ? 's' : ''})` : ''}.`,
      en: `${cap(label.en)}: "${title}".`,
      de: `${cap(label.de)}: «${title}».`,
    });
  }

  for (const r of registerRisk) {
    factors.push({ name: r.name, contribution: round1(r.logit * POINTS_PER_LOGIT), evidence: r.evidence, description: r.en, en: r.en, de: r.de });
  }

  let score = round1(logitToScore(logit));
  let grade = gradeForScore(score);
  const override = signals.override;
  if (override && 'ABCDE'.indexOf(grade) < 'ABCDE'.indexOf(override.grade)) {
    const floor = GRADE_FLOORS[override.grade];
    const label = EVENT_LABEL[override.type]!;
    factors.push({
      name: `override_${override.type}`,
      contribution: round1(floor - score),
      evidence: [override.signal.url].filter((u) => u !== ''),
      description: `${cap(label.en)} forces at least grade ${override.grade}.`,
      en: `${cap(label.en)} forces at least grade ${override.grade}: "${override.signal.title}".`,
      de: `${cap(label.de)} erzwingt mindestens Note ${override.grade}: «${override.signal.title}».`,
    });
    score = floor;
    logit = scoreToLogit(floor);
    grade = override.grade;
  }
  // The register's own word on the company: gone, being wound up, or failed before.
  const registerHard = registerOverride(input.register);
  if (registerHard) {
    // Listed even when a signal already forced E: the register entry is the first evidence to check.
    factors.push({
      name: `override_register_${input.register?.status && input.register.status !== 'active' && input.register.status !== 'unknown' ? input.register.status : 'history'}`,
      contribution: round1(Math.max(0, GRADE_FLOORS.E - score)),
      evidence: registerHard.evidence,
      description: `${registerHard.reason.en}: grade E.`,
      en: `${registerHard.reason.en}: grade E.`,
      de: `${registerHard.reason.de}: Note E.`,
    });
    if (grade !== 'E') {
      score = GRADE_FLOORS.E;
      logit = scoreToLogit(score);
      grade = 'E';
    }
  }

  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.name.localeCompare(b.name));
  const reasons = pickReasons(factors);
  const terms = recommendTerms({
    grade,
    policy,
    currency,
    monthlyVolume: ledger.monthlyVolume,
    hasHistory: ledger.maturedCount > 0,
    exposure: ledger.exposure,
    seriouslyOverdueShare: ledger.overdue30Share,
    openOverdueAmount: ledger.openOverdueAmount,
    orderAmount: input.orderAmount,
    hardEvent:
      override?.grade === 'E'
        ? { en: cap(EVENT_LABEL[override.type]!.en), de: cap(EVENT_LABEL[override.type]!.de) }
        : registerHard?.decline
          ? registerHard.label
          : undefined,
    gradeReasons: reasons,
  });

  return {
    customerId: customer.id,
    name: customer.name,
    asOf: asOf.toISOString(),
    score,
    pd: Math.round(sigmoid(logit) * 10000) / 10000,
    grade,
    terms,
    factors: factors.map(({ name, contribution, evidence, description, de }) => ({ name, contribution, evidence, description, descriptionDe: de })),
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
  };
}

/** The override first, then the biggest risk drivers, then what earned leniency. */
function pickReasons(factors: Array<{ name: string; contribution: number; en: string; de: string }>) {
  const overrides = factors.filter((f) => f.name.startsWith('override_'));
  const risks = factors.filter((f) => !f.name.startsWith('override_') && f.contribution >= 1).slice(0, TOP_REASONS);
  const lenient = factors.filter((f) => f.contribution <= -1).slice(0, 1);
  const picked = [...overrides, ...risks, ...lenient];
  return { en: picked.map((f) => f.en), de: picked.map((f) => f.de) };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10 + 0; // + 0 turns -0 into 0
}
