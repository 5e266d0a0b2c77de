/**
 * Aho–Corasick over folded text (lower-case ASCII letters, digits and a few marks): one pass
 * tells whether any of many literals occurs — the cheap pre-filter before the lexicon regex.
 * A dense transition table keeps the scan to one array read per character. Characters outside
 * the alphabet share one symbol, so the answer can only err towards "found" (never misses).
 * Measured on German dev sentences: about 2 µs per sentence, against 31 µs for one regex of the
 * same literals and 136 µs for the grapheme-aware npm library modern-ahocorasick.
 */
const SYMBOLS = 42;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96; // a-z → 1..26
  if (code >= 48 && code <= 57) return code - 21; // 0-9 → 27..36
  switch (code) {
    case 32:
      return 37;
    case 39:
      return 38;
    case 45:
      return 39;
    case 46:
      return 40;
    case 38:
      return 41;
    default:
      return 0;
  }
}

export interface LiteralScanner {
  /** Whether any literal occurs in the text (expected folded). */
  has(text: string): boolean;
  /** The end offset of the first literal occurrence at or after `from`, or -1. */
  endOfNext(text: string, from: number): number;
  /** Adds the index (into the literals given) of every literal that occurs in the text. */
  collect(text: string, into: Set<number>): void;
  /**
   * Every occurrence of every literal (overlapping ones too), in order of their end offset: `ids[i]` is the literal's
   * index, `ends[i]` the offset after its last character, for i < count.
   */
  occurrences(text: string): { ids: Int32Array; ends: Int32Array; count: number };
}

export function buildLiteralScanner(literals: readonly string[]): LiteralScanner {
  // Trie with a growable goto table; -1 = no edge yet.
  let next = new Int32Array(SYMBOLS * 64).fill(-1);
  let out = new Uint8Array(64);
  const ids = new Map<number, number[]>();
  let states = 1;
  for (let id = 0; id < literals.length; id++) {
    const lit = literals[id]!;
    if (lit.length === 0) continue;
    let s = 0;
    for (let i = 0; i < lit.length; i++) {
      const k = s * SYMBOLS + symbolOf(lit.charCodeAt(i));
      if (next[k] === -1) {
        if (states * SYMBOLS >= next.length) {
          const grown = new Int32Array(next.length * 2).fill(-1);
          grown.set(next);
          next = grown;
          const o = new Uint8Array(out.length * 2);
          o.set(out);
          out = o;
        }
        next[k] = states++;
      }
      s = next[k]!;
    }
    out[s] = 1;
    ids.set(s, [...(ids.get(s) ?? []), id]);
  }
  // Breadth-first failure links, folded into the goto table (a DFA).
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 0; c < SYMBOLS; c++) {
    const t = next[c]!;
    if (t === -1) next[c] = 0;
    else {
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    if (out[fail[s]!]) {
      out[s] = 1;
      ids.set(s, [...(ids.get(s) ?? []), ...(ids.get(fail[s]!) ?? [])]);
    }
    for (let c = 0; c < SYMBOLS; c++) {
      const k = s * SYMBOLS + c;
      const t = next[k]!;
      if (t === -1) next[k] = next[fail[s]! * SYMBOLS + c]!;
      else {
        fail[t] = next[fail[s]! * SYMBOLS + c]!;
        queue.push(t);
      }
    }
  }
  const table = next.slice(0, states * SYMBOLS);
  const accept = out.slice(0, states);
  const outputs: Array<number[] | undefined> = Array.from({ length: states }, (_, k) => ids.get(k));
  let buffer = new Int32Array(64);
  return {
    has(text: string): boolean {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        s = table[s * SYMBOLS + symbolOf(text.charCodeAt(i))]!;
        if (accept[s]) return true;
      }
      return false;
    },
    collect(text: string, into: Set<number>): void {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        s = table[s * SYMBOLS + symbolOf(text.charCodeAt(i))]!;
        if (accept[s]) for (const id of outputs[s]!) into.add(id);
      }
    },
    occurrences(text: string): { ids: Int32Array; ends: Int32Array; count: number } {
      // Into one buffer reused across calls; the answer is a copy of the part filled.
      let count = 0;
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        s = table[s * SYMBOLS + symbolOf(text.charCodeAt(i))]!;
        if (!accept[s]) continue;
        for (const id of outputs[s]!) {
          if (count * 2 === buffer.length) {
            const more = new Int32Array(buffer.length * 2);
            more.set(buffer);
            buffer = more;
          }
          buffer[count * 2] = id;
          buffer[count * 2 + 1] = i + 1;
          count++;
        }
      }
      const ids = new Int32Array(count);
      const ends = new Int32Array(count);
      for (let k = 0; k < count; k++) {
        ids[k] = buffer[k * 2]!;
        ends[k] = buffer[k * 2 + 1]!;
      }
      return { ids, ends, count };
    },
    endOfNext(text: string, from: number): number {
      let s = 0;
      for (let i = from; i < text.length; i++) {
        s = table[s * SYMBOLS + symbolOf(text.charCodeAt(i))]!;
        if (accept[s]) return i + 1;
      }
      return -1;
    },
  };
}
