import { speaker, type Speaker } from '../platform/i18n/index.js';
import type { RegisterEntry, SourceReport } from '../platform/registers/register-entry.js';

/**
 * The register part of the text report: what each register says, then every source asked and
 * when, in the reader's language. A register's own words (status detail, legal form, notice
 * titles) and its diagnostic line ("not configured: …") stay as the register gave them.
 */
export function formatRegisterReport(entries: readonly RegisterEntry[], sources: readonly SourceReport[], s: Speaker = speaker('en')): string {
  const w = s.t.web;
  const lines: string[] = [];
  if (entries.length > 0) {
    lines.push(`${w.registerTitle}:`);
    for (const e of entries) {
      const facts = [
        `${w.registerStatus} ${w.companyStatuses[e.status] ?? e.status}${e.statusDetail ? ` (${e.statusDetail})` : ''}`,
        e.legalForm ? `${w.legalFormLabel} ${e.legalForm}` : undefined,
        e.foundedOn ? `${w.registered} ${s.f.date(e.foundedOn)}` : undefined,
        e.dissolvedOn ? `${w.ended} ${s.f.date(e.dissolvedOn)}` : undefined,
        e.capital ? `${w.capital} ${s.f.money(e.capital.amount, e.capital.currency)}` : undefined,
        e.seat ? `${w.seat} ${e.seat}` : undefined,
        e.accountsOverdue ? w.accountsOverdue.toUpperCase() : undefined,
        e.confirmationStatementOverdue ? w.confirmationOverdue.toUpperCase() : undefined,
        e.hasInsolvencyHistory ? w.insolvencyHistory : undefined,
        e.hasBeenLiquidated ? w.liquidatedBefore : undefined,
      ].filter(Boolean);
      lines.push(`  ${e.name} (${e.registerId}) — ${facts.join(', ')}`);
      lines.push(`    ${e.url}`);
      for (const c of e.insolvencyCases) lines.push(`    ${w.insolvencyCase}: ${c.type.replace(/-/g, ' ')} ${c.dates.map((d) => `${d.type.replace(/-/g, ' ')} ${s.f.date(d.date)}`).join(', ')}`);
      const recent = e.officerChanges.slice(0, 3);
      if (recent.length > 0) lines.push(`    ${w.officerChanges}: ${recent.map((c) => `${s.f.date(c.date)} ${c.kind}${c.name ? ` ${c.name}` : ''}`).join('; ')}${e.officerChanges.length > 3 ? ` (+${e.officerChanges.length - 3})` : ''}`);
      for (const n of e.notices.slice(0, 5)) lines.push(`    ${(n.date ? s.f.date(n.date) : '').padEnd(12)}  ${n.rubric.padEnd(12)} ${n.title}`);
      if (e.notices.length > 5) lines.push(`    ${w.moreNotices(e.notices.length - 5)}`);
    }
    lines.push('');
  }
  if (sources.length > 0) {
    lines.push(`${w.registerSources}:`);
    const width = Math.max(...sources.map((r) => r.label.length));
    for (const r of sources) lines.push(`  ${r.label.padEnd(width)}  ${r.detail}  [${s.f.date(r.at)}${r.cached ? `, ${w.cached}` : ''}]`);
  }
  return lines.join('\n');
}
