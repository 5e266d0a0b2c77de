import type { SourceInput } from '../../platform/config/sources.js';
import type { WatchingConfig } from '../../platform/config/watching.js';
import { parseRegisterIds } from '../../platform/registers/register-id.js';
import type { Customer } from '../../platform/schemas/index.js';
import { sectionOfCode } from '../../platform/schemas/nace.js';
import { countryCode } from '../registers/lookup/refresh-facts.js';
import { COUNTRY_EDITIONS, DEFAULT_EDITIONS, DISTRESS_WORDS, NEWS_TEMPLATES, REGISTER_TEMPLATES, SECTOR_TERMS, type NewsEdition } from './catalog.js';

export interface DerivedSource {
  source: SourceInput;
  /** Why it is watched: the customers (or the industry) it serves. */
  reason: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
const LEGAL_FORM = /[,\s]+(AG|SA|GmbH|Sàrl|Sarl|Sagl|Ltd\.?|Limited|plc|Inc\.?|LLC|Corp\.?|KG|OHG|UG( \(haftungsbeschränkt\))?|S\.?A\.?S?|S\.?p\.?A\.?|S\.?r\.?l\.?)$/i;

/** The search for one customer: its name without legal form and its aliases, each quoted. */
export function newsQuery(c: Customer): string {
  const names = [...new Set([c.name, ...c.aliases].map((n) => n.replace(LEGAL_FORM, '').trim()).filter((n) => n.length >= 3))];
  return names.map((n) => `"${n}"`).join(' OR ');
}

function fill(template: string, query: string, e: NewsEdition): string {
  const hl = e.lang === 'en' ? `en-${e.country}` : e.lang;
  return template
    .replaceAll('{query}', encodeURIComponent(query))
    .replaceAll('{lang}', e.lang)
    .replaceAll('{country}', e.country)
    .replaceAll('{hl}', hl);
}

/**
 * Pure: the watchlist → the sources to collect, with stable ids (a re-derivation of the same
 * watchlist gives the same sources, so their health and seen items carry over). Register
 * feeds shared by a country are derived once; per-company ones once per register id.
 */
export function deriveWatchSources(customers: readonly Customer[], watching: WatchingConfig): DerivedSource[] {
  if (!watching.enabled) return [];
  const out = new Map<string, DerivedSource>();
  const add = (source: SourceInput, reason: string) => {
    const known = out.get(source.id);
    if (known) known.reason = `${known.reason}, ${reason}`.slice(0, 300);
    else out.set(source.id, { source, reason });
  };
  const templates = watching.news.map((id) => NEWS_TEMPLATES.find((t) => t.id === id)?.url ?? id);
  for (const c of customers) {
    const country = countryCode(c.country) ?? '';
    const editions = COUNTRY_EDITIONS[country] ?? DEFAULT_EDITIONS;
    const query = newsQuery(c);
    if (query) {
      templates.forEach((template, t) => {
        for (const e of editions) {
          const id = `watch-news-${slug(c.id)}-${e.lang}-${e.country.toLowerCase()}${t > 0 ? `-${t + 1}` : ''}`;
          add({ id, kind: 'rss', url: fill(template, query, e), documentKind: 'news', language: e.lang, schedule: watching.schedule }, `news about ${c.name}`);
        }
      });
    }
    if (watching.registers) {
      const ids = parseRegisterIds(c.registerIds);
      for (const t of REGISTER_TEMPLATES) {
        if (t.perCustomer) {
          for (const id of ids.filter((i) => t.kind === 'edgar' && i.kind === 'cik' && (country === 'US' || country === ''))) {
            add({ id: `watch-${t.id}-${id.value}`, kind: t.kind, url: t.url.replace('{id}', id.value), documentKind: 'register', schedule: watching.schedule }, `${t.name} for ${c.name}`);
          }
        } else if (t.country === country || (t.country === 'CH' && ids.some((i) => i.kind === 'uid')) || (t.country === 'GB' && country === '' && ids.some((i) => i.kind === 'companyNumber'))) {
          add({ id: `watch-${t.id}`, kind: t.kind, url: t.url, documentKind: 'register', schedule: watching.schedule }, c.name);
        }
      }
    }
    if (watching.sectors) {
      const section = sectionOfCode(c.industry);
      const terms = section ? SECTOR_TERMS[section] : undefined;
      if (terms) {
        for (const e of editions) {
          const lang = e.lang as keyof typeof DISTRESS_WORDS;
          const word = terms[lang];
          if (!word) continue;
          const id = `watch-sector-${section!.toLowerCase()}-${e.lang}-${e.country.toLowerCase()}`;
          add({ id, kind: 'rss', url: fill(templates[0] ?? NEWS_TEMPLATES[0]!.url, `"${word}" ${DISTRESS_WORDS[lang]}`, e), documentKind: 'news', language: e.lang, schedule: watching.schedule }, `industry ${section}`);
        }
      }
    }
  }
  return [...out.values()];
}
