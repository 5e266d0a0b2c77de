import type { RegisterEntry, SourceReport } from '../platform/registers/register-entry.js';

/** The register part of the text report: what each register says, then every source asked and when. */
export function formatRegisterReport(entries: readonly RegisterEntry[], sources: readonly SourceReport[]): string {
  const lines: string[] = [];
  if (entries.length > 0) {
    lines.push('Register:');
    for (const e of entries) {
      const facts = [
        `status ${e.status.replace('_', ' ')}${e.statusDetail ? ` (${e.statusDetail})` : ''}`,
        e.legalForm ? `legal form ${e.legalForm}` : undefined,
        e.foundedOn ? `registered ${e.foundedOn}` : undefined,
        e.dissolvedOn ? `ended ${e.dissolvedOn}` : undefined,
        e.capital ? `capital ${e.capital.currency} ${e.capital.amount.toLocaleString('de-CH')}` : undefined,
        e.seat ? `seat ${e.seat}` : undefined,
        e.accountsOverdue ? 'accounts OVERDUE' : undefined,
        e.confirmationStatementOverdue ? 'confirmation statement OVERDUE' : undefined,
        e.hasInsolvencyHistory ? 'insolvency history' : undefined,
        e.hasBeenLiquidated ? 'has been liquidated' : undefined,
      ].filter(Boolean);
      lines.push(`  ${e.name} (${e.registerId}) — ${facts.join(', ')}`);
      lines.push(`    ${e.url}`);
      for (const c of e.insolvencyCases) lines.push(`    insolvency case: ${c.type.replace(/-/g, ' ')} ${c.dates.map((d) => `${d.type.replace(/-/g, ' ')} ${d.date}`).join(', ')}`);
      const recent = e.officerChanges.slice(0, 3);
      if (recent.length > 0) lines.push(`    officer changes: ${recent.map((c) => `${c.date} ${c.kind}${c.name ? ` ${c.name}` : ''}`).join('; ')}${e.officerChanges.length > 3 ? ` (+${e.officerChanges.length - 3} more)` : ''}`);
      for (const n of e.notices.slice(0, 5)) lines.push(`    ${n.date ?? '          '}  ${n.rubric.padEnd(12)} ${n.title}`);
      if (e.notices.length > 5) lines.push(`    … ${e.notices.length - 5} more notices`);
    }
    lines.push('');
  }
  if (sources.length > 0) {
    lines.push('Sources asked:');
    const width = Math.max(...sources.map((s) => s.label.length));
    for (const s of sources) lines.push(`  ${s.label.padEnd(width)}  ${s.detail}  [${s.at.slice(0, 16).replace('T', ' ')} UTC${s.cached ? ', cached' : ''}]`);
  }
  return lines.join('\n');
}
