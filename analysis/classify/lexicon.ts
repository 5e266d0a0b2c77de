import type { EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import type { LiteralScanner } from '../text/literal-scanner.js';
import { anchorsOf, buildPatternFilter, builtAnchorTable } from './anchors.js';
import { cueAnchorTable } from './generic-cues.js';
import { markerAnchorTable } from './role-markers.js';
import { modalityAnchorTable } from './modality.js';
import { LEXICON_DE } from './lexicon-de.js';
import { LEXICON_EN } from './lexicon-en.js';
import { LEXICON_FR } from './lexicon-fr.js';
import { LEXICON_IT } from './lexicon-it.js';
import type { LexiconPatterns } from './lexicon-types.js';

/**
 * Trigger patterns per language and event type, written as they appear in news and notices and
 * folded like the text (see analysis/text/fold.ts: German patterns with the German transcriptions), so umlauts may be written as ä/ö/ü or a/o/u.
 * German terms have no leading word boundary on purpose: compounds put them inside words
 * ("Privatkonkurs", "Firmeninsolvenz"). Plurals of insolvency words are left out on purpose:
 * "Firmenpleiten nehmen zu" is statistics about an industry, not an event at one company.
 * Patterns must not use upper-case escapes (\S, \W, \B): folding lower-cases the source.
 */
export type LexiconLang = 'de' | 'en' | 'fr' | 'it' | 'any';
type Lexicon = Record<LexiconLang, LexiconPatterns>;

export const LEXICON: Lexicon = {
  any: {
    insolvency: ['\\bchapter 7\\b'],
    debt_restructuring: ['\\bchapter 11\\b'],
    financial_distress: ['\\bgoing[- ]concern\\b', '\\bprofit warnings?\\b'],
  },
  de: LEXICON_DE,
  en: LEXICON_EN,
  fr: LEXICON_FR,
  it: LEXICON_IT,
};

export interface CompiledLexicon {
  /**
   * All triggers of the language in one global regex, one capture group per event type (in
   * `types` order): the reference `findTriggers` reproduces (the pre-filter test checks it).
   */
  all: RegExp;
  types: EventType[];
  /**
   * The literal anchors of every trigger pattern (anchors.ts) in one Aho–Corasick scanner: a
   * folded text without an anchor has no trigger, and a pattern runs only where one of its own
   * anchors occurs.
   */
  anchors: LiteralScanner;
  /** Every trigger pattern on its own, in the order of `all`. */
  patterns: Array<{ re: RegExp; type: EventType }>;
  /** Anchor index → the patterns that own that anchor. */
  owners: number[][];
}

/** Folded pattern source → its anchors. */
export type AnchorTable = Readonly<Record<string, readonly string[]>>;

/** Each event type's patterns for a language (the language-free ones first), folded like that language's text. */
function patternsOf(lang: string): Map<EventType, string[]> {
  const langs: LexiconLang[] = ['any', (['de', 'en', 'fr', 'it'] as const).find((l) => l === lang) ?? 'en'];
  const byTypeSrc = new Map<EventType, string[]>();
  for (const l of langs) {
    for (const [type, patterns] of Object.entries(LEXICON[l]) as Array<[EventType, string[]]>) {
      byTypeSrc.set(type, [...(byTypeSrc.get(type) ?? []), ...patterns.map((p) => foldPattern(p, lang))]);
    }
  }
  return byTypeSrc;
}

/**
 * What the build writes into the CLI: the anchors of every pattern of the four languages, as anchorsOf finds them, and
 * those of the generic cue patterns (generic-cues.ts) and role markers (roles.ts; an empty list where one has none).
 */
export function buildAnchorTable(): Record<string, string[]> {
  const table: Record<string, string[]> = { ...cueAnchorTable(), ...markerAnchorTable(), ...modalityAnchorTable() };
  for (const lang of ['de', 'en', 'fr', 'it']) {
    for (const sources of patternsOf(lang).values()) {
      for (const src of sources) {
        const a = anchorsOf(src);
        if (a) table[src] = a;
      }
    }
  }
  return table;
}

/** `known`: anchors already computed (the build's table); a pattern it lacks is parsed here. */
export function compileLexicon(lang: string, known: AnchorTable | undefined = builtAnchorTable()): CompiledLexicon {
  const byTypeSrc = patternsOf(lang);
  const types = [...byTypeSrc.keys()];
  const patterns: CompiledLexicon['patterns'] = [];
  const sources: string[] = [];
  for (const type of types) {
    for (const src of byTypeSrc.get(type)!) {
      patterns.push({ re: new RegExp(src, 'g'), type });
      sources.push(src);
    }
  }
  const filter = buildPatternFilter(sources, known);
  const unanchored = filter.always[0];
  if (unanchored !== undefined) throw new Error(`lexicon pattern without a literal of three letters (no pre-filter anchor): ${sources[unanchored]}`);
  return {
    all: new RegExp(types.map((t) => `(${byTypeSrc.get(t)!.join('|')})`).join('|'), 'g'),
    types,
    anchors: filter.scanner,
    patterns,
    owners: filter.owners,
  };
}

export interface TriggerMatch {
  start: number;
  end: number;
  type: EventType;
}

/**
 * The triggers in a folded text, as one scan of `all` finds them (leftmost match first, the
 * earlier pattern on a tie, no overlaps), but running only the patterns whose anchors occur.
 */
export function findTriggers(folded: string, lex: CompiledLexicon, first = false, anchors?: ReadonlySet<number>): TriggerMatch[] {
  // `anchors`: the caller's own collect() of the same text (one scan of a sentence for its pre-filter and its triggers).
  let found = anchors;
  if (!found) lex.anchors.collect(folded, (found = new Set<number>()));
  if (found.size === 0) return [];
  const run = new Set<number>();
  for (const id of found) for (const p of lex.owners[id]!) run.add(p);
  const hits: Array<TriggerMatch & { order: number }> = [];
  for (const order of run) {
    const { re, type } = lex.patterns[order]!;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, type, order });
      if (first) break;
    }
    re.lastIndex = 0;
    // Asked whether there is any trigger at all: the first one found settles it.
    if (first && hits.length > 0) return [hits[0]!];
  }
  hits.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: TriggerMatch[] = [];
  let to = 0;
  for (const h of hits) {
    if (h.start < to) continue;
    out.push({ start: h.start, end: h.end, type: h.type });
    to = h.end;
    if (first) break;
  }
  return out;
}

/** Folds umlauts and case in a pattern like the text, leaving escapes (all lower-case) intact. */
function foldPattern(p: string, lang: string): string {
  return foldText(p, lang);
}
