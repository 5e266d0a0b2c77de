import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../platform/config/schema.js';
import { DEFAULT_LOCALES, LANGUAGES, type Language, type Speaker } from '../../platform/i18n/index.js';
import { localesOf, speakerFor } from '../locale.js';

export type Lang = Language;
export type { Speaker };

/** The page's reader: ?lang= (de, de-DE, fr, it, en…) wins, then the browser's Accept-Language, then English. */
export function pageSpeaker(config: Pick<AppConfig, 'locales'>, req: FastifyRequest): Speaker {
  return speakerFor(config, (req.query as { lang?: unknown } | undefined)?.lang, req.headers['accept-language']);
}

/** What ?lang= should carry in this page's links so that the next page speaks the same way (de, or de-DE when not the default). */
export function langParam(s: Speaker, config?: Pick<AppConfig, 'locales'>): string {
  const defaults = config ? localesOf(config) : DEFAULT_LOCALES;
  return s.f.locale === defaults[s.lang] ? s.lang : s.f.locale;
}

export const PAGE_LANGUAGES: readonly Language[] = LANGUAGES;

/** Money per currency, never summed across currencies: "CHF 1'200 · EUR 300". */
export function formatAmounts(amounts: Record<string, number>, s: Speaker): string {
  const parts = Object.entries(amounts)
    .filter(([, v]) => v > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, v]) => s.f.money(v, c));
  return parts.length > 0 ? parts.join(' · ') : '–';
}
