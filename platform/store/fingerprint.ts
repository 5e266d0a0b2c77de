import type { Assessment } from '../schemas/index.js';

/**
 * What makes an assessment "changed" for history and alerts: grade, score to one decimal,
 * the recommended terms, and — once a customer has an approved limit or an override — the
 * limit-use threshold reached, whether the suggested limit fell below the approved one, and the
 * override itself. A re-score that only moves asOf is not news.
 */
export function assessmentFingerprint(a: Assessment): string {
  const t = a.terms;
  const base = [a.grade, a.score.toFixed(1), t.kind, t.netDays ?? '', t.advancePercent ?? '', t.creditLimit ?? '', t.currency];
  const e = a.exposure;
  if (e && e.approvedLimit !== null) base.push(`L${e.level ?? 0}`, e.aboveRecommendation ? 'R' : '', String(e.approvedLimit));
  if (a.override) base.push(`O${a.override.at}`);
  return base.join('|');
}
