import type { Language } from '../schemas/common.js';
import type { Coded, FactorCode, FactorParams, ReasonCode, ReasonParams, StepCode, StepParams } from './codes.js';
import { formatterFor, type Formatter } from './format.js';
import { DEFAULT_LOCALES } from './locale.js';
import { de } from './lang/de.js';
import { deWeb } from './lang/de.web.js';
import { en, type CoreCatalogue } from './lang/en.js';
import { enWeb, type WebStrings } from './lang/en.web.js';
import { fr } from './lang/fr.js';
import { frWeb } from './lang/fr.web.js';
import { it } from './lang/it.js';
import { itWeb } from './lang/it.web.js';

export * from './codes.js';
export * from './format.js';
export * from './locale.js';

/**
 * The one label catalogue: every word a page, mail or CLI report shows, per language. Stages and
 * the app read it from here; nothing user-visible is written anywhere else.
 */
export type Catalogue = CoreCatalogue & { web: WebStrings };

export const CATALOGUES: Record<Language, Catalogue> = {
  en: { ...en, web: enWeb },
  de: { ...de, web: deWeb },
  fr: { ...fr, web: frWeb },
  it: { ...it, web: itWeb },
};

/** A reader: their words (t) and their number, date and money conventions (f). */
export interface Speaker {
  lang: Language;
  t: Catalogue;
  f: Formatter;
}

export function speaker(lang: Language, locale: string = DEFAULT_LOCALES[lang]): Speaker {
  return { lang, t: CATALOGUES[lang], f: formatterFor(locale) };
}

/** Something stored with a code and parameters, and (for assessments made before codes) its English and German text. */
export interface Explained {
  code?: string;
  params?: Record<string, string | number>;
  description?: string;
  descriptionDe?: string;
  name?: string;
}

function render<P>(table: Record<string, (p: never, f: Formatter) => string>, code: string | undefined, params: Record<string, string | number> | undefined, s: Speaker): string | undefined {
  const message = code === undefined ? undefined : table[code];
  if (!message) return undefined;
  try {
    return message((params ?? {}) as never, s.f);
  } catch {
    return undefined;
  }
}

/** A factor's catalogue text in the reader's language; undefined when its code has none (or its parameters do not fit). */
export function renderFactor(x: Explained, s: Speaker): string | undefined {
  return render<FactorParams>(s.t.factors, x.code, x.params, s);
}

/** A factor in the reader's language; an assessment stored before codes existed falls back to its English or German text. */
export function describeFactor(x: Explained, s: Speaker): string {
  return (
    renderFactor(x, s) ??
    (s.lang === 'de' ? (x.descriptionDe ?? x.description) : x.description) ??
    x.name ??
    ''
  );
}

/** A reason for terms: a policy reason, or a scorecard factor quoted as a reason against or in favour. */
export function describeReason(x: Coded, s: Speaker): string {
  return render<ReasonParams>(s.t.reasons, x.code, x.params, s) ?? render<FactorParams>(s.t.factors, x.code, x.params, s) ?? x.code;
}

export function describeStep(x: Coded, s: Speaker): string {
  return render<StepParams>(s.t.steps, x.code, x.params, s) ?? x.code;
}

export function isFactorCode(code: string): code is FactorCode {
  return code in en.factors;
}
export function isReasonCode(code: string): code is ReasonCode {
  return code in en.reasons;
}
export function isStepCode(code: string): code is StepCode {
  return code in en.steps;
}
