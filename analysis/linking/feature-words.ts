import FIRST_NAME_LIST from './first-names.json' with { type: 'json' };
import { COUNTRY_NAMES, COUNTRY_PLACES, TITLES } from './cue-words.js';

/** The word lists and patterns more than one feature family reads. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAME_LIST as string[]);
/** A dot after these does not end a sentence ("Dr. Meier", "St. Gallen"). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLES, 'st', 'nr', 'art', 'co', 'inc', 'ltd', 'corp', 'bzw', 'vgl', 'ca']);
/** Folded country name or adjective → the countries it names ("deutschland", "swiss"). */
export const COUNTRY_OF_NAME = new Map<string, string[]>();
for (const [country, words] of Object.entries(COUNTRY_NAMES)) for (const w of words) COUNTRY_OF_NAME.set(w, [...(COUNTRY_OF_NAME.get(w) ?? []), country]);
export const PLACES: ReadonlySet<string> = new Set(Object.values(COUNTRY_PLACES).flatMap((s) => [...s]));
export const SPACE_ONLY = /^[ \t\u00a0]+$/;
export const SPACE_OR_HYPHEN = /^[ \t\u00a0]*[-–]?[ \t\u00a0]*$/;
// Lower-case particles of family names ("de Vinci", "von der Leyen", "da Silva"), as written.
export const PARTICLES: ReadonlySet<string> = new Set(['de', 'von', 'van', 'da', 'di', 'du', 'del', 'della', 'der', 'zu', 'dos', 'das']);
