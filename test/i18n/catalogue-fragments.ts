import { CATALOGUES, type Language } from '../../platform/i18n/index.js';

/**
 * The fixed words of a catalogue: every string leaf, and every message function called with a
 * stand-in for its parameters and split where the stand-in appears. "Good payment history: \u0001
 * paid on time." yields "Good payment history:" and "paid on time.".
 */
const MARK = '\u0001';

function standIn(): unknown {
  const fn = () => MARK;
  return new Proxy(fn, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => MARK : key === 'toString' || key === 'valueOf' ? () => MARK : standIn()),
    apply: () => MARK,
  });
}

function leaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    try {
      const args = Array.from({ length: Math.max(value.length, 2) }, standIn);
      const rendered = (value as (...a: unknown[]) => unknown)(...args);
      if (typeof rendered === 'string') out.push(...rendered.split(MARK));
    } catch {
      // A message that needs real parameters to render at all: its fixed parts are checked elsewhere.
    }
  } else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
}

const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

export function fragmentsOf(lang: Language): Set<string> {
  const out: string[] = [];
  leaves(CATALOGUES[lang], out);
  return new Set(out.map(norm).filter((f) => f.length >= 8 && /\p{L}{3}/u.test(f) && !f.includes('undefined')));
}

/**
 * Fragments of other languages that must not appear in a text of `lang`: those of at least two
 * words or ten letters (short words such as "Status" or "Portfolio" are shared) and not also
 * part of `lang`'s own catalogue.
 */
export function foreignFragments(lang: Language): Map<string, Language> {
  const own = [...fragmentsOf(lang)];
  const foreign = new Map<string, Language>();
  for (const other of Object.keys(CATALOGUES) as Language[]) {
    if (other === lang) continue;
    for (const f of fragmentsOf(other)) {
      if (!(f.includes(' ') || f.length >= 10)) continue;
      if (own.some((o) => o.includes(f))) continue;
      foreign.set(f, other);
    }
  }
  return foreign;
}

/** The foreign fragments found in a text, with the language they belong to. */
export function findForeign(text: string, lang: Language, foreign = foreignFragments(lang)): string[] {
  const t = norm(text);
  return [...foreign.entries()].filter(([f]) => t.includes(f)).map(([f, l]) => `${l}: "${f}"`);
}
