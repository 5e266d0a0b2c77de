import type { Assessment } from '../schemas/index.js';

/**
 * What makes an assessment "changed" for history and alerts: grade, score to one decimal,
 * and the recommended terms. A re-score that only moves asOf is not news.
 */
export function assessmentFingerprint(a: Assessment): string {
  const t = a.terms;
  return [a.grade, a.score.toFixed(1), t.kind, t.netDays ?? '', t.advancePercent ?? '', t.creditLimit ?? '', t.currency].join('|');
}
