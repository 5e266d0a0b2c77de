import type { Assessment, Terms } from '../platform/schemas/index.js';

type Lang = 'en' | 'de';

const T = {
  en: {
    asOf: 'as of', grade: 'Grade', score: 'score', pd: 'probability of default (12 months)', terms: 'Recommended terms',
    why: 'Why', signals: 'Signals', none: 'none', limit: 'credit limit', net: 'net', days: 'days', advance: 'in advance',
    kinds: { open_account: 'open account', short_terms: 'shorter payment terms', partial_prepayment: 'partial prepayment', prepayment: 'full prepayment', card_only: 'card payment only', decline: 'decline' },
  },
  de: {
    asOf: 'Stand', grade: 'Note', score: 'Score', pd: 'Ausfallwahrscheinlichkeit (12 Monate)', terms: 'Empfohlene Konditionen',
    why: 'Begründung', signals: 'Meldungen', none: 'keine', limit: 'Kreditlimite', net: 'netto', days: 'Tage', advance: 'im Voraus',
    kinds: { open_account: 'offene Rechnung', short_terms: 'verkürztes Zahlungsziel', partial_prepayment: 'Teil-Vorauszahlung', prepayment: 'Vorauskasse', card_only: 'nur Kartenzahlung', decline: 'ablehnen' },
  },
} as const;

export function describeTerms(terms: Terms, lang: Lang = 'en'): string {
  const t = T[lang];
  const money = (n: number) => `${terms.currency} ${Math.round(n).toLocaleString('de-CH')}`;
  const parts: string[] = [t.kinds[terms.kind]];
  if (terms.netDays !== null && terms.kind !== 'prepayment' && terms.kind !== 'decline' && terms.kind !== 'card_only') parts.push(`${t.net} ${terms.netDays} ${t.days}`);
  if (terms.advancePercent !== null && terms.advancePercent > 0) parts.push(`${terms.advancePercent} % ${t.advance}`);
  if (terms.creditLimit !== null && terms.creditLimit > 0) parts.push(`${t.limit} ${money(terms.creditLimit)}`);
  return parts.join(', ');
}

/** The pre-contract report as text: grade, terms, and the reasons a credit manager can check. */
export function formatReport(a: Assessment, lang: Lang = 'en'): string {
  const t = T[lang];
  const lines: string[] = [];
  lines.push(`${a.name} (${a.customerId}) — ${t.asOf} ${a.asOf.slice(0, 10)}`);
  lines.push(`${t.grade} ${a.grade} · ${t.score} ${a.score.toFixed(0)}/100 · ${t.pd} ${(a.pd * 100).toFixed(1)} %`);
  lines.push('');
  lines.push(`${t.terms}: ${describeTerms(a.terms, lang)}`);
  for (const reason of a.terms.reasons?.[lang] ?? []) lines.push(`  - ${reason}`);
  lines.push('');
  lines.push(`${t.why}:`);
  const factors = [...a.factors].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  if (factors.length === 0) lines.push(`  ${t.none}`);
  for (const f of factors) {
    const sign = f.contribution >= 0 ? '+' : '−';
    lines.push(`  ${sign}${Math.abs(f.contribution).toFixed(1).padStart(5)}  ${f.description ?? f.name}`);
    for (const e of f.evidence.slice(0, 5)) lines.push(`          ${e}`);
    if (f.evidence.length > 5) lines.push(`          … ${f.evidence.length - 5} more`);
  }
  lines.push('');
  lines.push(`${t.signals}:`);
  if (a.signals.length === 0) lines.push(`  ${t.none}`);
  for (const s of a.signals) lines.push(`  ${s.occurredAt.slice(0, 10)}  ${s.severity.padEnd(8)} ${s.type.padEnd(18)} ${s.title}\n${' '.repeat(14)}${s.url}`);
  return lines.join('\n');
}
