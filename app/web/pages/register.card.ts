import type { RegisterEntry, SourceReport } from '../../../platform/registers/register-entry.js';
import { html, link, type SafeHtml } from '../html.js';
import type { Lang } from '../i18n.js';

const WORDS = {
  en: { register: 'Register', sources: 'Sources asked', status: 'Status', registered: 'registered', ended: 'ended', capital: 'capital', overdue: 'accounts overdue', confirmation: 'confirmation statement overdue', history: 'insolvency history', notices: 'notices', cached: 'cached' },
  de: { register: 'Register', sources: 'Abgefragte Quellen', status: 'Status', registered: 'eingetragen', ended: 'beendet', capital: 'Kapital', overdue: 'Jahresabschluss überfällig', confirmation: 'Bestätigung überfällig', history: 'frühere Insolvenz', notices: 'Meldungen', cached: 'zwischengespeichert' },
} as const;

const words = (lang: Lang) => (lang === 'de' ? WORDS.de : WORDS.en);

/** What each register answered, and when: "found", "not configured", "failed: timeout" as plain lines. */
export function sourcesCard(sources: readonly SourceReport[], lang: Lang): SafeHtml | '' {
  if (sources.length === 0) return '';
  const w = words(lang);
  const rows = sources.map((s) => html`<tr class="source-${s.outcome}"><td>${s.label}</td><td>${s.detail}</td><td class="nowrap">${s.at.slice(0, 16).replace('T', ' ')} UTC${s.cached ? ` (${w.cached})` : ''}</td></tr>`);
  return html`<section class="card" aria-labelledby="sources-h"><h2 id="sources-h">${w.sources}</h2><div class="table-wrap"><table><tbody>${rows}</tbody></table></div></section>`;
}

/** The register entries found (status, dates, capital, filing flags, notices) with links to the entries. */
export function registerCard(entries: readonly RegisterEntry[], sources: readonly SourceReport[], lang: Lang): SafeHtml {
  const w = words(lang);
  const items = entries.map((e) => {
    const facts = [
      `${w.status}: ${e.status.replace('_', ' ')}${e.statusDetail ? ` (${e.statusDetail})` : ''}`,
      e.legalForm,
      e.foundedOn ? `${w.registered} ${e.foundedOn}` : undefined,
      e.dissolvedOn ? `${w.ended} ${e.dissolvedOn}` : undefined,
      e.capital ? `${w.capital} ${e.capital.currency} ${e.capital.amount.toLocaleString('de-CH')}` : undefined,
      e.accountsOverdue ? w.overdue : undefined,
      e.confirmationStatementOverdue ? w.confirmation : undefined,
      e.hasInsolvencyHistory ? w.history : undefined,
    ].filter((x): x is string => !!x);
    const notices = e.notices.slice(0, 8).map((n) => html`<li><span class="muted nowrap">${n.date ?? ''}</span> ${link(n.url, n.title)}</li>`);
    return html`<li><strong>${link(e.url, `${e.name} (${e.registerId})`)}</strong><p>${facts.join(' · ')}</p>${notices.length > 0 ? html`<p class="muted">${w.notices}:</p><ul class="docs">${notices}</ul>` : ''}</li>`;
  });
  return html`<section class="card" aria-labelledby="register-h"><h2 id="register-h">${w.register}</h2>${entries.length > 0 ? html`<ul class="docs">${items}</ul>` : ''}</section>${sourcesCard(sources, lang)}`;
}
