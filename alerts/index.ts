/** The alerts stage: subscriptions → digests and instant alerts → outbox → mail. */
export { runDigestRound } from './digest.job.js';
export { deliverPending, retryDelayMs, summarizeDeliveries, type DeliveryHealth } from './deliver.js';
export { createMailer, envelopeAddress, emlFileName, type MailerOptions } from './mailer.js';
export { lastDueSlot, digestKey, zonedHourToInstant, type DueSlot, type DigestFrequency } from './periods.js';
export { buildDigest, mergeEvents, describeChange, type Digest } from './build-digest.js';
export { renderDigest, escapeHtml } from './render-digest.js';
export { signUnsubscribeToken, verifyUnsubscribeToken, unsubscribeUrl } from './unsubscribe-token.js';
export * from './types.js';
export { runInstantRound, type InstantOptions, type InstantRoundResult } from './instant.job.js';
export { INSTANT_TYPES, planInstant, instantCandidates, DEFAULT_INSTANT_RULES, type InstantRules } from './instant-plan.js';
export { dueDigests, pickDigestsToBuild, nextDigestState } from './digest-plan.js';
export { alertSourceHealth, createHealthAlertStep, renderHealthMail } from './health.job.js';
export { startAlertScheduler, planSchedules, cronExpressionFor, type AlertScheduler, type SchedulerOptions } from './scheduler.js';
export { createSubscriptionRepo, type SubscriptionRepo, type ListedSubscription } from './subscription-repo.js';
export { validateSubscription, type ValidationResult } from './validate-subscription.js';
