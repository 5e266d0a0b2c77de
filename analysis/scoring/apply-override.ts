import type { Policy } from '../../platform/config/policy.js';
import { reasonCode } from '../../platform/i18n/index.js';
import type { Grade } from '../../platform/schemas/common.js';
import type { Assessment, Terms, TermsKind } from '../../platform/schemas/assessment.js';
import { recommendTerms, withReasons, type TermsInput } from './recommend-terms.js';

/** A credit manager's override in force (platform/store/credit-state.ts OverrideChange with action "set"). */
export interface OverrideInput {
  grade?: Grade;
  terms?: TermsKind;
  limit?: number;
  reason: string;
  by: string;
  at: string;
  until?: string;
}

/**
 * Pure: grade and terms as the credit manager decided, with the model's own view kept beside
 * them. Terms named outright take the policy's days and advance for that kind; a grade alone gets
 * the policy's terms for that grade; a limit alone is checked like an approved one. The reasons
 * keep what speaks against and for the customer, and the override's reason comes first.
 */
export function applyOverride(
  model: { grade: Grade; score: number; pd: number; terms: Terms },
  ov: OverrideInput,
  termsInput: Omit<TermsInput, 'grade'>,
): Pick<Assessment, 'grade' | 'terms' | 'override' | 'model'> {
  const grade = ov.grade ?? model.grade;
  const policy = termsInput.policy;
  const approvedLimit = ov.limit ?? termsInput.approvedLimit;
  const basis = recommendTerms({ ...termsInput, grade, approvedLimit, hardEvent: grade === 'E' ? termsInput.hardEvent : undefined });
  const terms = ov.terms && ov.terms !== basis.kind ? { ...basis, ...forcedTerms(ov.terms, policy, approvedLimit ?? basis.creditLimit ?? 0) } : basis;
  const overrideReason = { ...reasonCode('manual_override', { by: ov.by, reason: ov.reason, until: ov.until ?? '' }), stance: 'decision' as const };
  const codes = terms.reasonCodes ?? [];
  const kept = ov.terms && ov.terms !== basis.kind ? codes.filter((r) => r.stance !== 'decision') : codes;
  const withOverride = withReasons(
    { kind: terms.kind, netDays: terms.netDays, advancePercent: terms.advancePercent, creditLimit: terms.creditLimit, currency: terms.currency },
    [overrideReason, ...kept.filter((r) => r.stance !== 'for')],
    kept.filter((r) => r.stance === 'for'),
    termsInput.texts ?? true,
  );
  return {
    grade,
    terms: withOverride,
    override: { grade: ov.grade ?? null, terms: ov.terms ?? null, limit: ov.limit ?? null, reason: ov.reason, by: ov.by, at: ov.at, until: ov.until ?? null },
    model,
  };
}

function forcedTerms(kind: TermsKind, policy: Policy, limit: number): Pick<Terms, 'kind' | 'netDays' | 'advancePercent' | 'creditLimit'> {
  switch (kind) {
    case 'open_account':
      return { kind, netDays: policy.standardNetDays, advancePercent: null, creditLimit: limit };
    case 'short_terms':
      return { kind, netDays: policy.shortNetDays, advancePercent: null, creditLimit: limit };
    case 'partial_prepayment':
      return { kind, netDays: policy.shortNetDays, advancePercent: policy.partialAdvancePercent, creditLimit: limit };
    case 'prepayment':
      return { kind, netDays: null, advancePercent: 100, creditLimit: 0 };
    case 'card_only':
      return { kind, netDays: 0, advancePercent: null, creditLimit: 0 };
    case 'decline':
      return { kind, netDays: null, advancePercent: null, creditLimit: 0 };
  }
}
