import { foldName } from '../text/fold.js';

/**
 * The words of a sentence as the mention finder reads them: offsets into the sentence as written, the folded form
 * (dots removed), and whether a word is capitalised or all upper case. An elided article ("l'", "dell'") is a word of
 * its own; a final dot stays only on abbreviations ("Co.", "S.p.A.").
 */
export interface Token {
  raw: string;
  start: number;
  end: number;
  /** folded, dots removed */
  norm: string;
  cap: boolean;
  upper: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|&/gu;
const ELISION_RE = /^((?:[ldjmnstc]|qu|dell|all|dall|nell|sull|un|quell)['’])(.+)$/iu;

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    let raw = m[0];
    let start = m.index;
    const el = raw.includes("'") || raw.includes('’') ? ELISION_RE.exec(raw) : null;
    if (el && el[2]!.length > 1) {
      out.push(token(el[1]!, start));
      start += el[1]!.length;
      raw = el[2]!;
    }
    // A final dot belongs to abbreviations ("Co.", "S.p.A.", "Inc.") only, not to the last word of a sentence.
    if (raw.endsWith('.') && !raw.slice(0, -1).includes('.') && raw.length > 4) raw = raw.slice(0, -1);
    out.push(token(raw, start));
  }
  return out;
}

function token(raw: string, start: number): Token {
  const first = raw.charCodeAt(0);
  // ASCII letters decide case without a lower-cased copy; other characters as the language has them.
  const cap = first < 0x80 ? first >= 65 && first <= 90 : raw.charAt(0) !== raw.charAt(0).toLowerCase();
  return { raw, start, end: start + raw.length, norm: normOf(raw), cap, upper: isUpperWord(raw) };
}

/** At least two cased letters and none in lower case ("UBS", "S.P.A."); stops at the first lower-case letter. */
function isUpperWord(raw: string): boolean {
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0x80) return isUpperWordAnyScript(raw);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) letters++;
  }
  return letters >= 2;
}

function isUpperWordAnyScript(raw: string): boolean {
  let letters = 0;
  for (const ch of raw) {
    const up = ch.toUpperCase();
    if (up === ch.toLowerCase()) continue; // digit, punctuation or a letter without case
    if (ch !== up) return false;
    letters++;
  }
  return letters >= 2;
}

// Words repeat across sentences and documents: their folded form is remembered (bounded).
const NORMS = new Map<string, string>();
function normOf(raw: string): string {
  let n = NORMS.get(raw);
  if (n === undefined) {
    if (NORMS.size >= 100_000) NORMS.clear();
    NORMS.set(raw, (n = foldName(raw).replace(/[.']/g, '')));
  }
  return n;
}
