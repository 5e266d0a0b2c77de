import { LANGUAGES, type Language } from '../schemas/common.js';

export type { Language };
export { LANGUAGES };

/**
 * Numbers, dates and money follow a locale (language + region), words follow the language.
 * A credit manager in Zurich reads 1'234.50, in Munich 1.234,50, in Geneva 1 234,50 and in
 * London 1,234.50: the default region per language is Switzerland's (the product's first
 * market) except English (UK); `locales:` in the config or a full tag (`?lang=de-DE`) changes it.
 */
export const DEFAULT_LOCALES: Record<Language, string> = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en-GB' };

export interface LocaleChoice {
  lang: Language;
  /** BCP 47 tag for Intl, e.g. de-CH. */
  locale: string;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A tag such as "de", "de-DE", "fr_CH" → language and locale; undefined for unsupported languages or malformed tags. */
export function parseLocaleTag(tag: string, defaults: Record<Language, string> = DEFAULT_LOCALES): LocaleChoice | undefined {
  const m = /^([a-z]{2})(?:[-_]([a-z]{2}))?$/i.exec(tag.trim());
  if (!m) return undefined;
  const lang = m[1]!.toLowerCase();
  if (!isLanguage(lang)) return undefined;
  if (!m[2]) return { lang, locale: defaults[lang] };
  const candidate = `${lang}-${m[2].toUpperCase()}`;
  return { lang, locale: Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : defaults[lang] };
}

/** ?lang= (or a subscription's setting) wins, then the browser's Accept-Language in its order of preference, then English. */
export function chooseLocale(requested: unknown, acceptLanguage: string | undefined, defaults: Record<Language, string> = DEFAULT_LOCALES): LocaleChoice {
  if (typeof requested === 'string' && requested !== '') {
    const chosen = parseLocaleTag(requested, defaults);
    if (chosen) return chosen;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((x) => x !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag !== '' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const chosen = parseLocaleTag(tag, defaults);
    if (chosen) return chosen;
  }
  return { lang: 'en', locale: defaults.en };
}
