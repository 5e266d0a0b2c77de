import type { Subscription } from '../platform/config/subscriptions.js';
import { DEFAULT_LOCALES, speaker, type Language, type Speaker } from '../platform/i18n/index.js';

export type MailLanguage = Language;

/** The subscriber as a reader: their language, and their locale (subscription, then configuration, then the language's default). */
export function mailSpeaker(sub: Pick<Subscription, 'language' | 'locale'>, locales?: Partial<Record<Language, string>>): Speaker {
  return speaker(sub.language, sub.locale ?? locales?.[sub.language] ?? DEFAULT_LOCALES[sub.language]);
}

/** A calendar date in the subscriber's locale and time zone. */
export function mailDate(iso: string, s: Speaker, timeZone: string): string {
  return s.f.date(iso, timeZone);
}
