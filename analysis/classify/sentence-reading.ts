import { foldText, foldTextMapped } from '../text/fold.js';
import type { PatternFilter } from './anchors.js';

/**
 * A sentence read once, for every rule that looks at it: the folded text with its offset map, the
 * inverse map, and for each family of patterns (role markers, modality cues, generic cues — one
 * PatternFilter each) where their literal anchors occur, from one Aho–Corasick pass over the whole
 * sentence. A rule that tests a pattern on a window of the sentence (the 45 characters before a
 * trigger, the words after a mention, a clause) asks `hits(filter).may(k, from, to)` first: false
 * means the pattern cannot match that window, so its regex is not run. The answer is exact in the
 * only direction that matters — never false where the regex would match — so a rule written this
 * way decides exactly as the regex alone (see analysis/classify/README.md).
 */
export class SentenceReading {
  readonly folded: string;
  /** Folded offset → offset in `text` (one more entry than `folded`: its end). */
  readonly map: Int32Array;
  private inverse?: Int32Array;
  private anchors?: AnchorIndex;
  private plain?: string;

  constructor(
    readonly text: string,
    readonly lang: string,
    mapped: { folded: string; map: Int32Array } = foldTextMapped(text, lang),
  ) {
    this.folded = mapped.folded;
    this.map = mapped.map;
  }

  /** Where each family's anchors occur in `folded` (built on first use: most sentences have no trigger and need none). */
  get anchorIndex(): AnchorIndex {
    return (this.anchors ??= anchorIndexOf(this.folded));
  }

  /** Offset in the text as written → offset in the folded text (the first folded character it gave). */
  readonly toFolded = (original: number): number => {
    const inv = (this.inverse ??= inverseOf(this.map, this.text.length));
    return inv[Math.max(0, Math.min(this.text.length, original))]!;
  };

  /** Where the anchors of a family of patterns occur in the folded sentence (one scan, kept for every later window). */
  hits(filter: PatternFilter): PatternHits {
    return this.anchorIndex.hits(filter);
  }

  /**
   * The sentence as foldText folds it. foldTextMapped folds character by character, so the two differ only for a
   * backtick (kept by the mapped fold), a Greek capital sigma (final form in a whole-string lower-casing) and characters
   * outside the basic plane: only then is the sentence folded a second time.
   */
  plainFolded(): string {
    return (this.plain ??= NOT_CHARWISE.test(this.text) ? foldText(this.text, this.lang) : this.folded);
  }

  /** The folded words of three letters or more (letters, apostrophes, hyphens; as /[a-z][a-z'-]{2,}/g finds them). */
  words(folded = this.plainFolded()): string[] {
    return wordsOf(folded);
  }
}

const NOT_CHARWISE = /[`\u03a3\ud800-\udfff]/;

/** Where the anchors of each family of patterns occur in one text, each family scanned once, on first use. */
export interface AnchorIndex {
  readonly text: string;
  hits(filter: PatternFilter): PatternHits;
}

export function anchorIndexOf(text: string): AnchorIndex {
  const byFilter = new Map<PatternFilter, PatternHits>();
  return {
    text,
    hits(filter: PatternFilter): PatternHits {
      let h = byFilter.get(filter);
      if (!h) byFilter.set(filter, (h = readPatternHits(filter, text)));
      return h;
    },
  };
}

/** Which patterns of a family may match a window of one text: where their literal anchors occur. */
export interface PatternHits {
  /**
   * Whether pattern `k` (its index in the family) may match `text.slice(from, to)`: it has no anchor, or one of its
   * anchors occurs wholly inside the window. False only where the pattern cannot match.
   */
  may(k: number, from?: number, to?: number): boolean;
}

export function readPatternHits(filter: PatternFilter, text: string): PatternHits {
  const { ids, ends, count } = filter.scanner.occurrences(text);
  return {
    may(k: number, from = 0, to = text.length): boolean {
      const anchors = filter.anchorsOfPattern[k]!;
      if (anchors.length === 0) return true;
      // A sentence holds a few occurrences: reading them all is cheaper than indexing them.
      for (let o = 0; o < count; o++) {
        const end = ends[o]!;
        if (end > to || end - filter.lengths[ids[o]!]! < from) continue;
        if (anchors.includes(ids[o]!)) return true;
      }
      return false;
    },
  };
}

/** /[a-z][a-z'-]{2,}/g by character codes: in each run of [a-z'-], the match starts at the first letter with two more run characters after it. */
export function wordsOf(folded: string): string[] {
  const out: string[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isWordChar(folded.charCodeAt(end))) end++;
    for (let s = i; end - s >= 3; s++) {
      const c = folded.charCodeAt(s);
      if (c >= 97 && c <= 122) {
        out.push(folded.slice(s, end));
        break;
      }
    }
    i = end;
  }
  return out;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/** original offset → folded offset, from the folded → original map. */
function inverseOf(map: Int32Array, length: number): Int32Array {
  const inv = new Int32Array(length + 1).fill(-1);
  for (let i = map.length - 1; i >= 0; i--) inv[map[i]!] = i;
  for (let j = length - 1; j >= 0; j--) if (inv[j] === -1) inv[j] = inv[j + 1]!;
  return inv;
}
