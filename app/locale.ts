import type { AppConfig } from '../platform/config/schema.js';
import { chooseLocale, DEFAULT_LOCALES, parseLocaleTag, speaker, type Language, type Speaker } from '../platform/i18n/index.js';

/** The configured locale per language (config `locales:`), Swiss defaults otherwise. */
export function localesOf(config: Pick<AppConfig, 'locales'>): Record<Language, string> {
  return { ...DEFAULT_LOCALES, ...Object.fromEntries(Object.entries(config.locales).filter(([, v]) => v !== undefined)) };
}

/** A reader for a `--lang` / `?lang=` value ("de", "de-DE") and the browser's Accept-Language. */
export function speakerFor(config: Pick<AppConfig, 'locales'>, requested: unknown, acceptLanguage?: string): Speaker {
  const choice = chooseLocale(requested, acceptLanguage, localesOf(config));
  return speaker(choice.lang, choice.locale);
}

/** Strictly parses a --lang value; undefined when it names no supported language. */
export function parseLang(config: Pick<AppConfig, 'locales'>, value: string): Speaker | undefined {
  const choice = parseLocaleTag(value, localesOf(config));
  return choice && speaker(choice.lang, choice.locale);
}
