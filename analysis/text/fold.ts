/**
 * The one text-folding module of the code base: lexicons, cues, register rubrics, industry
 * keywords, the sentence model, entity linking and the customer search all fold through here.
 *
 * Folding = lower case, ß → ss, æ/œ → ae/oe, ø → o, diacritics removed, typographic quotes,
 * apostrophes, dashes and no-break spaces made plain. The German transcriptions ue/ae/oe → u/a/o
 * ("Konkurseroeffnung" → "konkurseroffnung") are German spelling: they run on German text only
 * (`lang === 'de'`), because elsewhere they break words ("goes" → "gos", "risque" → "risqu").
 *
 * Names are the exception: a German company name appears in an article of any language
 * ("Mueller AG" in English news), and names are only ever compared with names folded the same
 * way, so `foldName` always transcribes.
 */

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case and diacritics only: what every fold starts with. */
function foldBase(lower: string): string {
  if (!NON_ASCII.test(lower)) return lower;
  // Character by character (each fold below maps one character on its own), non-ASCII ones remembered.
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80 && code !== 0x60) continue; // the backtick is folded to an apostrophe
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length ? 2 : 1;
    const ch = lower.slice(i, i + wide);
    let f = CHAR_FOLDS.get(ch);
    if (f === undefined) CHAR_FOLDS.set(ch, (f = foldChars(ch)));
    out += lower.slice(from, i) + f;
    i += wide - 1;
    from = i + 1;
  }
  return out + lower.slice(from);
}

/** Non-ASCII characters folded one by one (a bounded set: the alphabets of the texts read). */
const CHAR_FOLDS = new Map<string, string>();

function foldChars(lower: string): string {
  return lower
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/[’‘`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u00a0/g, ' ')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

// ae and oe anywhere ("Oesterreich"), ue only after a letter (so "uebel" at a word start stays as written).
const TRANSCRIPTION = /([a-z])ue|ae|oe/g;
const dropE = (m: string, before: string | undefined) => (before === undefined ? m[0]! : `${before}u`);

/** ue/ae/oe → u/a/o on already folded text. */
export function foldTranscriptions(folded: string): string {
  if (!folded.includes('e')) return folded;
  return folded.replace(TRANSCRIPTION, dropE);
}

/** Text folding for lexicons and cues; German transcriptions only when `lang` is German. */
export function foldText(text: string, lang?: string): string {
  const t = foldBase(text.toLowerCase());
  return lang === 'de' ? foldTranscriptions(t) : t;
}

/** Folds one name token (or a whole name): always with the German transcriptions, see above. */
export function foldName(raw: string): string {
  return foldLowerName(raw.toLowerCase());
}

/** foldName for text that is already lower case (scanners lower-case whole texts at once). */
export function foldLowerName(lower: string): string {
  const t = foldBase(lower);
  return t.length > 2 ? foldTranscriptions(t) : t;
}

/** A search key for names typed by a user: folded like names, anything but letters and digits is one space. */
export function foldSearchKey(s: string): string {
  return foldName(s.normalize('NFKC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function grown(a: Int32Array, least: number): Int32Array {
  const b = new Int32Array(Math.max(least, a.length * 2));
  b.set(a);
  return b;
}

/**
 * foldText plus, for each position of the folded text, the offset of the character of `text`
 * it came from, so a match in folded text can be shown and compared with spans of the original
 * (entity-linking spans). `map` has one more entry than the folded text (its end).
 */
export function foldTextMapped(text: string, lang?: string): { folded: string; map: Int32Array } {
  const lower = text.toLowerCase();
  let out: string;
  let pos: Int32Array;
  // Lower-casing never changes the length of ASCII text: the common case needs no per-character fold.
  if (lower.length === text.length && !NON_ASCII.test(lower)) {
    out = lower;
    pos = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) pos[i] = i;
  } else {
    // Runs of ASCII characters are lower-cased and mapped as runs; other characters fold one by one (from the cache).
    out = '';
    pos = new Int32Array(text.length + 8);
    let n = 0;
    for (let i = 0; i < text.length; ) {
      let j = i;
      while (j < text.length && text.charCodeAt(j) < 0x80) j++;
      if (j > i) {
        out += text.slice(i, j).toLowerCase();
        if (n + (j - i) + 1 > pos.length) pos = grown(pos, n + (j - i) + 1);
        for (let k = i; k < j; k++) pos[n++] = k;
        i = j;
        continue;
      }
      const f = foldBase(text[i]!.toLowerCase());
      out += f;
      if (n + f.length + 1 > pos.length) pos = grown(pos, n + f.length + 1);
      for (let k = 0; k < f.length; k++) pos[n++] = i;
      i++;
    }
    pos[n++] = text.length;
    pos = pos.subarray(0, n);
  }
  if (lang !== 'de' || !out.includes('e')) return { folded: out, map: pos };
  // The transcriptions only drop characters: the folded text is at most as long as `out`.
  let folded = '';
  const map = new Int32Array(out.length + 1);
  let n = 0;
  let last = 0;
  for (const m of out.matchAll(TRANSCRIPTION)) {
    const at = m.index;
    for (let k = last; k < at; k++) map[n++] = pos[k]!;
    folded += out.slice(last, at);
    const kept = dropE(m[0], m[1]);
    folded += kept;
    for (let k = 0; k < kept.length; k++) map[n++] = pos[at + k]!;
    last = at + m[0].length;
  }
  folded += out.slice(last);
  for (let k = last; k <= out.length; k++) map[n++] = pos[k]!;
  return { folded, map: n === map.length ? map : map.subarray(0, n) };
}
