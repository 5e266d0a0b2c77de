import type { RegisterEntry, SourceReport } from '../../../platform/registers/register-entry.js';
import { html, link, type SafeHtml } from '../html.js';
import type { Speaker } from '../i18n.js';

/**
 * What each register answered, and when. The outcome is in the reader's language; the register's
 * detail line ("not configured: needs an API key") is a diagnostic in English, marked as such.
 */
export function sourcesCard(sources: readonly SourceReport[], s: Speaker): SafeHtml | '' {
  if (sources.length === 0) return '';
  const w = s.t.web;
  const rows = sources.map(
    (r) => html`<tr class="source-${r.outcome}"><td>${r.label}</td><td><strong>${w.sourceOutcomes[r.outcome] ?? r.outcome}</strong> <span class="muted" lang="en">${r.detail}</span></td><td class="nowrap">${s.f.date(r.at)}${r.cached ? ` (${w.cached})` : ''}</td></tr>`,
  );
  return html`<section class="card" aria-labelledby="sources-h"><h2 id="sources-h">${w.registerSources}</h2><div class="table-wrap"><table class="stack"><tbody>${rows}</tbody></table></div></section>`;
}

/** The register entries found (status, dates, capital, filing flags, notices) with links to the entries. */
export function registerCard(entries: readonly RegisterEntry[], sources: readonly SourceReport[], s: Speaker): SafeHtml {
  const w = s.t.web;
  const items = entries.map((e) => {
    const facts = [
      html`${w.registerStatus}: ${w.companyStatuses[e.status] ?? e.status}${e.statusDetail ? html` (<span class="src">${e.statusDetail}</span>)` : ''}`,
      e.legalForm ? html`<span class="src">${e.legalForm}</span>` : undefined,
      e.foundedOn ? html`${w.registered} ${s.f.date(e.foundedOn)}` : undefined,
      e.dissolvedOn ? html`${w.ended} ${s.f.date(e.dissolvedOn)}` : undefined,
      e.capital ? html`${w.capital} ${s.f.money(e.capital.amount, e.capital.currency)}` : undefined,
      e.accountsOverdue ? html`${w.accountsOverdue}` : undefined,
      e.confirmationStatementOverdue ? html`${w.confirmationOverdue}` : undefined,
      e.hasInsolvencyHistory ? html`${w.insolvencyHistory}` : undefined,
    ].filter((x): x is SafeHtml => x !== undefined);
    const notices = e.notices.slice(0, 8).map((n) => html`<li><span class="muted nowrap">${n.date ? s.f.date(n.date) : ''}</span> ${link(n.url, n.title)}</li>`);
    return html`<li><strong>${link(e.url, `${e.name} (${e.registerId})`)}</strong><p>${facts.map((f, i) => html`${i > 0 ? ' · ' : ''}${f}`)}</p>${notices.length > 0 ? html`<p class="muted">${w.notices}:</p><ul class="docs">${notices}</ul>` : ''}</li>`;
  });
  return html`<section class="card" aria-labelledby="register-h"><h2 id="register-h">${w.registerTitle}</h2>${entries.length > 0 ? html`<ul class="docs">${items}</ul>` : ''}</section>${sourcesCard(sources, s)}`;
}
