/**
 * Feed dates as they really come: RFC 822 (also with German or French day and month
 * names), ISO 8601, dates without a time zone, numeric German dates. A date without a
 * zone is read in `defaultOffsetMinutes` (UTC unless the source says otherwise).
 * Returns undefined rather than guessing when nothing matches.
 */
export function parseFeedDate(input: string | undefined | null, defaultOffsetMinutes = 0): Date | undefined {
  if (!input) return undefined;
  const s = input.replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  // A string shaped like one of the known formats but invalid (31 Feb, unknown day name) is
  // rejected, not handed to Date.parse, which would roll it over or ignore the bad part.
  // Each pattern runs once: its match is what the reader takes apart.
  const iso = ISO.exec(s);
  if (iso) return parseIso(iso, defaultOffsetMinutes);
  const rfc = RFC822.exec(s);
  if (rfc) return parseRfc822(rfc, defaultOffsetMinutes);
  const dmy = NUMERIC_DMY.exec(s);
  if (dmy) return parseNumericDmy(dmy, defaultOffsetMinutes);
  return parseLoose(s);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(m: RegExpExecArray, defOffset: number): Date | undefined {
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, m[8] ? zoneOffset(m[8]) : defOffset);
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['jan', 'january', 'januar', 'jänner', 'jän', 'janvier', 'janv'],
  ['feb', 'february', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev'],
  ['mar', 'march', 'märz', 'maerz', 'mär', 'mrz', 'mars'],
  ['apr', 'april', 'avril', 'avr'],
  ['may', 'mai'],
  ['jun', 'june', 'juni', 'juin'],
  ['jul', 'july', 'juli', 'juillet', 'juil'],
  ['aug', 'august', 'août', 'aout', 'aoû'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'okt', 'oktober', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'dez', 'dezember', 'décembre', 'decembre', 'déc'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const DAY_NAMES = new Set(
  [
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
    'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  ],
);

// [day name,] DD Month YYYY [HH:MM[:SS]] [zone]
const RFC822 = /^(?:([\p{L}.]+),?\s+)?(\d{1,2})\.?\s+([\p{L}.]+)\s+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/u;

function parseRfc822(m: RegExpExecArray, defOffset: number): Date | undefined {
  if (m[1] && !DAY_NAMES.has(m[1].toLowerCase().replace(/\.$/, ''))) return undefined;
  const month = MONTHS[m[3]!.toLowerCase().replace(/\.$/, '')];
  if (!month) return undefined;
  let year = +m[4]!;
  if (m[4]!.length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[8]?.trim();
  const offset = zone ? zoneOffset(zone) : defOffset;
  if (offset === undefined) return undefined;
  return build(year, month, +m[2]!, +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? 0), 0, offset);
}

// 28.10.2018 [13:48[:00]]
const NUMERIC_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Uhr|h))?$/i;

function parseNumericDmy(m: RegExpExecArray, defOffset: number): Date | undefined {
  return build(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, defOffset);
}

function parseLoose(s: string): Date | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t);
}

const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  bst: 60, ist: 60, cet: 60, mez: 60, met: 60, wat: 60,
  cest: 120, mesz: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** "+0100", "+01:00", "-05", "GMT", "CEST"… → minutes east of UTC. */
function zoneOffset(zone: string): number | undefined {
  const z = zone.trim().replace(/^\(|\)$/g, '');
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{2}):?(\d{2})?$/i.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +(m[3] ?? 0));
  return ZONES[z.toLowerCase()];
}

function build(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number | undefined): Date | undefined {
  if (offsetMin === undefined) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000;
  const date = new Date(t);
  // Reject 31 February and friends instead of rolling over into March.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const EMBEDDED = [
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?/,
  /\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?/,
  /\d{1,2}\.?\s+[\p{L}.]{3,10}\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?/u,
];

/** A date inside a label such as "Bekannt gemacht am: 16.02.2015 15:14 Uhr" or "Publié le 4 février 2025". */
export function findDateInText(text: string | undefined | null, defaultOffsetMinutes = 0): Date | undefined {
  if (!text) return undefined;
  const whole = parseFeedDate(text, defaultOffsetMinutes);
  if (whole) return whole;
  const s = text.replace(/\s+/g, ' ');
  for (const re of EMBEDDED) {
    const m = re.exec(s);
    const d = m ? parseFeedDate(m[0], defaultOffsetMinutes) : undefined;
    if (d) return d;
  }
  return undefined;
}

/** Minutes east of UTC of an IANA zone at a given instant ("Europe/Zurich" → 60 or 120). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = name ? /GMT([+-])(\d{2}):?(\d{2})?/.exec(name) : null;
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** A calendar day (YYYY-MM-DD) as midnight in an IANA zone. */
export function startOfDayIn(day: string, timeZone: string): Date | undefined {
  const utcMidnight = parseFeedDate(day, 0);
  if (!utcMidnight) return undefined;
  // The offset at local midnight equals the offset a few hours later except on DST days at 00:00, which no zone uses.
  return new Date(utcMidnight.getTime() - zoneOffsetMinutes(timeZone, new Date(utcMidnight.getTime() + 12 * 3600_000)) * 60_000);
}
