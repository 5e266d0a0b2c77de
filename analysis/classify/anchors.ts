import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';
import { buildLiteralScanner, type LiteralScanner } from '../text/literal-scanner.js';

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

/**
 * The anchors of every lexicon, cue and role-marker pattern, written into the built CLI by scripts/build.ts (esbuild
 * `define`, see lexicon.ts buildAnchorTable; an empty list for a pattern without one), so a command parses no pattern
 * at start-up. Undefined when the sources run as they are (tsx, vitest): then anchorsOf parses them.
 */
declare const BONITOR_LEXICON_ANCHORS: string | undefined;
let builtAnchors: Readonly<Record<string, readonly string[]>> | undefined;
export function builtAnchorTable(): Readonly<Record<string, readonly string[]>> | undefined {
  if (!builtAnchors && typeof BONITOR_LEXICON_ANCHORS !== 'undefined') builtAnchors = JSON.parse(BONITOR_LEXICON_ANCHORS) as Record<string, string[]>;
  return builtAnchors;
}

/**
 * Several patterns tested on one text, behind one scan for their literal anchors: a pattern none of whose anchors
 * occurs cannot match and is not run. Patterns without anchors always run.
 */
export interface PatternFilter {
  scanner: LiteralScanner;
  /** Anchor index → the patterns (indexes into the sources given) that own it. */
  owners: number[][];
  always: number[];
  size: number;
  /** Anchor index → its length (an occurrence ending at e starts at e − length). */
  lengths: number[];
  /** Pattern index → its anchors (indexes into `owners`). */
  anchorsOfPattern: number[][];
}

export function buildPatternFilter(sources: readonly string[], known = builtAnchorTable()): PatternFilter {
  const ids = new Map<string, number>();
  const owners: number[][] = [];
  const always: number[] = [];
  sources.forEach((src, k) => {
    const anchors = known?.[src] ?? anchorsOf(src) ?? [];
    if (anchors.length === 0) always.push(k);
    for (const a of anchors) {
      let id = ids.get(a);
      if (id === undefined) {
        ids.set(a, (id = owners.length));
        owners.push([]);
      }
      owners[id]!.push(k);
    }
  });
  const anchorsOfPattern: number[][] = sources.map(() => []);
  owners.forEach((ks, id) => ks.forEach((k) => anchorsOfPattern[k]!.push(id)));
  return { scanner: buildLiteralScanner([...ids.keys()]), owners, always, size: sources.length, lengths: [...ids.keys()].map((a) => a.length), anchorsOfPattern };
}

/** 1 for each pattern that may match the text (one of its anchors occurs, or it has none), 0 for the others. */
export function mayMatch(filter: PatternFilter, text: string): Uint8Array {
  const run = new Uint8Array(filter.size);
  for (const k of filter.always) run[k] = 1;
  const found = new Set<number>();
  filter.scanner.collect(text, found);
  for (const id of found) for (const k of filter.owners[id]!) run[k] = 1;
  return run;
}
