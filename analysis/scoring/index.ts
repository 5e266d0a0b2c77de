/**
 * Payment-risk scoring and payment-terms recommendations: pure functions only. The
 * consumer that feeds them from the bus and store lives in app/ (composition root).
 */
export { assessCustomer, type AssessInput } from './assess-customer.js';
export { computeLedgerFeatures, DEFAULT_LEDGER_OPTIONS, type LedgerFeatures, type LedgerFeatureOptions } from './ledger-features.js';
export { ledgerPositions, summarizePositions } from './ledger-positions.js';
export { computeIndustryRisk, industryMatches, type IndustryRisk } from './industry-risk.js';
export {
  computeRegisterFeatures,
  registerFactsFrom,
  registerOverride,
  registerRisks,
  type RegisterFacts,
  type RegisterFeatures,
  type RegisterOverride,
} from './register-features.js';
export { assessSignals, type SignalAssessment } from './signal-features.js';
export { recommendTerms, suggestCreditLimit, type TermsInput } from './recommend-terms.js';
export { GRADE_FLOORS, gradeForScore, logitToScore, sigmoid, toFeatureVector, type FeatureVector } from './scorecard.js';
export {
  DEFAULT_SIGNAL_MODEL,
  DEFAULT_WEIGHTS,
  evaluateShape,
  FEATURE_DIRECTION,
  FEATURE_NAMES,
  modelOfKind,
  parseWeights,
  weightsSchema,
  type FeatureName,
  type Shape,
  type SignalModel,
  type Weights,
} from './weights.js';
export { DEFAULT_SETTLEMENT_OPTIONS, settleLedger, type LedgerSettlement, type SettlementOptions } from './ledger-settlement.js';
export { summarizeOpenItems, type OpenItemsSummary } from './open-items.js';
export { assessLedger, groupByCustomer, inferAsOf, iterateLedgerAssessments, type AssessLedgerInput } from './assess-ledger.js';
export { calibrationTable, computeAuc, computeKs, deriveOutcomes, runBacktest, type BacktestReport, type CalibrationRow, type ScoredOutcome } from './backtest.js';
export { backtestLedger, prepareEvaluation, type EvaluationSet, type LedgerBacktest } from './evaluate-ledger.js';
export { parseOutcomesCsv, type OutcomesParseResult } from './outcomes.js';
export { buildExamples, trainWeights, TRAIN_KNOTS, type KindFit, type ModelKind, type TrainingExample, type TrainOptions, type TrainResult } from './train.js';
export { fitConstrained, type Design } from './fit-logistic.js';
