import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';

// Loaded on first use: the built CLI gets every lexicon's anchors computed at build time (lexicon.ts) and never needs the parser.
let parser: RegExpParser | undefined;
function regexpParser(): RegExpParser {
  if (!parser) {
    const { RegExpParser: Parser } = createRequire(import.meta.url)('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
    parser = new Parser({ ecmaVersion: 2024 });
  }
  return parser;
}

/**
 * Literal anchors of a regular expression: strings of which every match contains at least one
 * ("insolvenz", "konkurs", "administration"), found from the pattern's syntax tree at start-up.
 * A text without any anchor cannot match, so the expensive lexicon regex runs only on the
 * sentences that contain one (the cheap pre-filter of classify-document.ts). Returns undefined
 * when some alternative has no literal of at least `minLength` characters (no guarantee).
 */
export function anchorsOf(source: string, minLength = 3): string[] | undefined {
  const pattern = regexpParser().parsePattern(source, 0, source.length, { unicode: false });
  const set = ofAlternatives(pattern.alternatives, minLength);
  return set ? [...new Set(set)] : undefined;
}

type Anchors = string[] | undefined;

function ofAlternatives(alternatives: readonly AST.Alternative[], min: number): Anchors {
  const out: string[] = [];
  for (const alt of alternatives) {
    const a = ofSequence(alt.elements, min);
    if (!a) return undefined;
    out.push(...a);
  }
  return out;
}

/** The best required set of a sequence: the literal run or group whose shortest anchor is longest. */
function ofSequence(elements: readonly AST.Element[], min: number): Anchors {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= min) candidates.push([run]);
    run = '';
  };
  for (const e of elements) {
    if (e.type === 'Character') {
      run += String.fromCodePoint(e.value);
      continue;
    }
    if (e.type === 'Assertion' && (e.kind === 'word' || e.kind === 'start' || e.kind === 'end')) continue; // zero-width: the run goes on
    flush();
    if (e.type === 'Group' || e.type === 'CapturingGroup') {
      const a = ofAlternatives(e.alternatives, min);
      if (a && a.length > 0) candidates.push(a);
    } else if (e.type === 'Quantifier' && e.min >= 1 && (e.element.type === 'Group' || e.element.type === 'CapturingGroup')) {
      const a = ofAlternatives(e.element.alternatives, min);
      if (a && a.length > 0) candidates.push(a);
    } else if (e.type === 'Quantifier' && e.min >= 1 && e.element.type === 'Character') {
      run = String.fromCodePoint(e.element.value);
    }
  }
  flush();
  if (candidates.length === 0) return undefined;
  const shortest = (xs: string[]) => Math.min(...xs.map((x) => x.length));
  return candidates.reduce((best, c) => (shortest(c) > shortest(best) || (shortest(c) === shortest(best) && c.length < best.length) ? c : best));
}
