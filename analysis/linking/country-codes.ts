import { lookupKey } from '../../platform/text/lookup-key.js';
/**
 * Country names as watchlists write them (German, French, Italian, English, and ISO alpha-3)
 * → ISO 3166-1 alpha-2. The countries Bonitor's users trade with most; any two-letter code is
 * taken as it is.
 */
const NAMES: Record<string, string[]> = {
  CH: ['schweiz', 'suisse', 'svizzera', 'svizra', 'switzerland', 'che', 'confoederatio helvetica'],
  DE: ['deutschland', 'allemagne', 'germania', 'germany', 'deu', 'brd', 'bundesrepublik deutschland'],
  AT: ['oesterreich', 'osterreich', 'autriche', 'austria', 'aut'],
  LI: ['liechtenstein', 'lie'],
  GB: ['united kingdom', 'uk', 'great britain', 'grossbritannien', 'vereinigtes koenigreich', 'royaume-uni', 'royaume uni', 'regno unito', 'england', 'scotland', 'wales', 'gbr'],
  FR: ['frankreich', 'france', 'francia', 'fra'],
  IT: ['italien', 'italie', 'italia', 'italy', 'ita'],
  NL: ['niederlande', 'holland', 'pays-bas', 'pays bas', 'paesi bassi', 'netherlands', 'nld'],
  BE: ['belgien', 'belgique', 'belgio', 'belgium', 'bel'],
  LU: ['luxemburg', 'luxembourg', 'lussemburgo', 'lux'],
  ES: ['spanien', 'espagne', 'spagna', 'spain', 'espana', 'esp'],
  PT: ['portugal', 'portogallo', 'prt'],
  PL: ['polen', 'pologne', 'polonia', 'poland', 'pol'],
  CZ: ['tschechien', 'tschechische republik', 'republique tcheque', 'repubblica ceca', 'czech republic', 'czechia', 'cze'],
  DK: ['daenemark', 'danemark', 'danimarca', 'denmark', 'dnk'],
  SE: ['schweden', 'suede', 'svezia', 'sweden', 'swe'],
  NO: ['norwegen', 'norvege', 'norvegia', 'norway', 'nor'],
  FI: ['finnland', 'finlande', 'finlandia', 'finland', 'fin'],
  IE: ['irland', 'irlande', 'irlanda', 'ireland', 'irl'],
  HU: ['ungarn', 'hongrie', 'ungheria', 'hungary', 'hun'],
  SK: ['slowakei', 'slovaquie', 'slovacchia', 'slovakia', 'svk'],
  SI: ['slowenien', 'slovenie', 'slovenia', 'svn'],
  HR: ['kroatien', 'croatie', 'croazia', 'croatia', 'hrv'],
  US: ['usa', 'vereinigte staaten', 'etats-unis', 'etats unis', 'stati uniti', 'united states', 'united states of america'],
  CN: ['china', 'chine', 'cina', 'chn'],
  TR: ['tuerkei', 'turquie', 'turchia', 'turkey', 'turkiye', 'tur'],
};

const LOOKUP = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) for (const n of names) LOOKUP.set(n, code);

/** ISO alpha-2 code for a country name or code; undefined when it is neither. */
export function countryCode(text: string): string | undefined {
  const t = lookupKey(text)
    .replace(/\./g, '')
    .replace(/\s+/g, ' ');
  const named = LOOKUP.get(t);
  if (named) return named;
  if (/^[a-z]{2}$/.test(t)) return t === 'el' ? 'GR' : t.toUpperCase();
  return undefined;
}
