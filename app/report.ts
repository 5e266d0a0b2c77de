import { describeFactor, describeReason, type Speaker } from '../platform/i18n/index.js';
import type { Assessment, Terms } from '../platform/schemas/index.js';

/** The terms in one line: kind, net days, advance, limit ("Open account, 30 days net, credit limit CHF 18,000"). */
export function describeTerms(terms: Terms, s: Speaker): string {
  const parts: string[] = [s.t.terms[terms.kind]];
  parts.push(...describeTermsDetails(terms, s));
  return parts.join(', ');
}

/** The details after the kind, which a heading may already show. */
export function describeTermsDetails(terms: Terms, s: Speaker): string[] {
  const parts: string[] = [];
  const credit = terms.kind === 'open_account' || terms.kind === 'short_terms' || terms.kind === 'partial_prepayment';
  if (terms.netDays !== null && credit) parts.push(s.t.termsParts.net(terms.netDays));
  if (terms.advancePercent !== null && terms.advancePercent > 0 && terms.kind === 'partial_prepayment') parts.push(s.t.termsParts.advance(s.f.percent(terms.advancePercent / 100)));
  if (terms.creditLimit !== null && terms.creditLimit > 0 && credit) parts.push(s.t.termsParts.limit(s.f.money(terms.creditLimit, terms.currency)));
  return parts;
}

/** Reasons for the terms, apart: against, in favour, the decision. Assessments stored before codes fall back to their English or German list. */
export function splitReasons(terms: Terms, s: Speaker): { against: string[]; inFavour: string[]; decision: string[] } {
  const codes = terms.reasonCodes;
  if (!codes) {
    const legacy = terms.reasons?.[s.lang === 'de' ? 'de' : 'en'] ?? [];
    return { against: [], inFavour: [], decision: legacy };
  }
  const pick = (stance: string) => codes.filter((r) => r.stance === stance).map((r) => describeReason(r, s));
  return { against: pick('against'), inFavour: pick('for'), decision: pick('decision') };
}

/** The pre-contract report as text: grade, terms, and the reasons a credit manager can check, in the reader's language. */
export function formatReport(a: Assessment, s: Speaker): string {
  const r = s.t.report;
  const lines: string[] = [];
  lines.push(`${a.name} (${a.customerId}) — ${r.asOf} ${s.f.date(a.asOf)}`);
  lines.push(`${r.grade} ${a.grade} · ${r.score} ${s.f.number(a.score)}/100 · ${r.pd} ${s.f.percent(a.pd, 1)}`);
  lines.push('');
  lines.push(`${r.terms}: ${describeTerms(a.terms, s)}`);
  const reasons = splitReasons(a.terms, s);
  for (const d of reasons.decision) lines.push(`  ${d}`);
  if (reasons.against.length > 0) lines.push(`  ${s.t.againstLabel}:`, ...reasons.against.map((x) => `    − ${x}`));
  if (reasons.inFavour.length > 0) lines.push(`  ${s.t.inFavourLabel}:`, ...reasons.inFavour.map((x) => `    + ${x}`));
  lines.push('');
  lines.push(`${r.why}:`);
  const factors = [...a.factors].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  if (factors.length === 0) lines.push(`  ${r.none}`);
  for (const f of factors) {
    const sign = f.contribution >= 0 ? '+' : '−';
    lines.push(`  ${sign}${s.f.number(Math.abs(f.contribution), 1).padStart(5)}  ${describeFactor(f, s)}`);
    for (const e of f.evidence.slice(0, 5)) lines.push(`          ${e}`);
    if (f.evidence.length > 5) lines.push(`          ${r.more(f.evidence.length - 5)}`);
  }
  lines.push('');
  lines.push(`${r.signals}:`);
  if (a.signals.length === 0) lines.push(`  ${r.none}`);
  for (const sig of a.signals) {
    lines.push(`  ${s.f.date(sig.occurredAt).padEnd(12)} ${s.t.severities[sig.severity].padEnd(9)} ${s.t.events[sig.type]}: ${sig.title}`);
    lines.push(`${' '.repeat(15)}${sig.url}`);
  }
  return lines.join('\n');
}
