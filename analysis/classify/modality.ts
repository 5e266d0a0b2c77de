import { HARD_EVENT_TYPES } from '../../platform/schemas/common.js';
import type { Modality } from '../../platform/schemas/event-role.js';
import {
  AVERTED_AFTER,
  AVERTED_BEFORE,
  CONDITIONAL,
  DENIAL,
  FOUNDED_YEAR,
  FRONTED_CONDITION,
  GENERIC,
  HEDGE_ADJECTIVE,
  HEDGE_ADVERB,
  HEDGE_UNFOLDED_DE,
  HEDGE_VERBAL,
  HISTORIC,
  LAW_OR_GENERIC,
  LAW_SUBJECT,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  SPORT,
  VERB_FIRST_DE,
  YEARS_AFTER,
  STATISTIC,
  yearsIn,
  decadeEndsIn,
  LOOMING_DE,
} from './cues.js';

import { anchorsOf, buildPatternFilter, type PatternFilter } from './anchors.js';
import type { AnchorIndex } from './sentence-reading.js';

export interface TriggerPosition {
  start: number;
  end: number;
  /** The trigger's event type, where the caller knows it (a condition makes a hard event a threat, a softer one hypothetical). */
  type?: string;
}

export interface ModalityResult {
  modality: Modality;
  /** The cues that decided, for the explanation ("negation: keine", "hedge: droht"). */
  cues: string[];
}

const HARD: ReadonlySet<string> = new Set(HARD_EVENT_TYPES);

export interface SentenceCues {
  folded: string;
  /** The sentence lower-cased but not folded ("könnte" ≠ "konnte"). */
  lower: string;
  lang: string;
  refYear?: number;
  /**
   * Cues already read in this sentence, for its other triggers: those of the whole sentence (denial, sport) and of
   * each clause (history, statistics, law, hedges), keyed by what they read. The caller passes one per sentence.
   */
  memo?: Map<string, string | undefined>;
  /** Where the cue patterns' anchors occur in `folded` (sentence-reading.ts): a cue runs only on a window that has one. */
  anchors?: AnchorIndex;
}

/** Every cue pattern of a language in one anchor filter; `index` gives each pattern's place in it. Patterns with flags run always. */
const CUE_FILTERS = new Map<string, { filter: PatternFilter; index: Map<RegExp, number> }>();
function cueFilter(lang: string): { filter: PatternFilter; index: Map<RegExp, number> } {
  let f = CUE_FILTERS.get(lang);
  if (f) return f;
  const pick = <T>(table: Record<string, T>): T => table[lang] ?? table.en!;
  const { beforeRe, afterRe } = avertedPatterns(lang);
  const tables = [NEGATION_BEFORE, NEGATION_AFTER, DENIAL, YEARS_AFTER, HISTORIC, STATISTIC, LAW_OR_GENERIC, LAW_SUBJECT, GENERIC, CONDITIONAL, HEDGE_ADJECTIVE, HEDGE_VERBAL];
  const res = [...new Set([...tables.map(pick), SPORT, beforeRe, afterRe])].filter((re) => re.flags === '');
  f = { filter: buildPatternFilter(res.map((re) => re.source)), index: new Map(res.map((re, k) => [re, k])) };
  CUE_FILTERS.set(lang, f);
  return f;
}

/** Every modality cue pattern's source with its anchors ([] for none): what the build writes into the CLI (lexicon.ts buildAnchorTable). */
export function modalityAnchorTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const lang of ['de', 'en', 'fr', 'it']) for (const src of cueFilterSources(lang)) table[src] = anchorsOf(src) ?? [];
  return table;
}
function cueFilterSources(lang: string): string[] {
  const { index } = cueFilter(lang);
  return [...index.keys()].map((re) => re.source);
}

/**
 * How a sentence states the event of one trigger. Cues are scoped: negation sits right before or
 * after the trigger; an averted-cue ("abgewendet", "avoided") governs the nearest trigger only;
 * an adjective hedge ("mögliche", "potential") must modify the trigger itself, a verbal hedge
 * ("droht", "could", "risque de") its clause; history, law and statistics are read in the clause.
 */
export function modalityOf(s: SentenceCues, trigger: TriggerPosition, others: readonly TriggerPosition[]): ModalityResult {
  const { folded, lang } = s;
  const pick = <T>(table: Record<string, T>): T => table[lang] ?? table.en!;
  const before = folded.slice(Math.max(0, trigger.start - 45), trigger.start);
  const after = folded.slice(trigger.end, trigger.end + 45);
  const bounds = clauseBounds(folded, trigger.start, trigger.end);
  const clause = folded.slice(bounds.from, bounds.to);
  // `from`: where the window `text` starts in `folded`; a cue none of whose anchors occurs in the window is not run.
  const anchors = s.anchors?.text === folded ? s.anchors : undefined;
  const filter = anchors ? cueFilter(lang) : undefined;
  const cue = (re: RegExp, text: string, from?: number): string | undefined => {
    const k = filter && from !== undefined ? filter.index.get(re) : undefined;
    if (k !== undefined && !anchors!.hits(filter!.filter).may(k, from, from! + text.length)) return undefined;
    return re.exec(text)?.[0]?.trim();
  };
  // A cue of the whole sentence or of this clause, read once for all the triggers that share it.
  const memo = s.memo;
  const once = (key: string, read: () => string | undefined): string | undefined => {
    if (!memo) return read();
    if (memo.has(key)) return memo.get(key);
    const v = read();
    memo.set(key, v);
    return v;
  };
  const inClause = `${bounds.from}:${bounds.to}`;

  // "… l'amministrazione straordinaria, ossia la procedura del diritto fallimentare che permette … un piano di risanamento":
  // a trigger inside the definition of a procedure named before it tells what such a procedure does.
  const def = DEFINITION_OPENER.exec(folded.slice(0, trigger.start));
  if (def) return { modality: 'generic', cues: [`generic: a definition after "${def[1]}"`] };
  let c = cue(pick(NEGATION_BEFORE), before, Math.max(0, trigger.start - 45)) ?? cue(pick(NEGATION_AFTER), after, trigger.end);
  if (c) return { modality: 'negated', cues: [`negation: ${c}`] };
  c = once('denial', () => cue(pick(DENIAL), folded, 0));
  if (c) return { modality: 'denied', cues: [`denial: ${c}`] };
  c = avertedCue(s, trigger, others);
  if (c) return { modality: 'negated', cues: [`averted: ${c}`] };
  c = cue(pick(YEARS_AFTER), folded.slice(Math.max(0, trigger.start - 50), trigger.start), Math.max(0, trigger.start - 50)) ?? once(`historic ${inClause}`, () => cue(pick(HISTORIC), clause, bounds.from) ?? historicYear(clause, s.refYear) ?? frontedHistoricYear(folded, clause, s.refYear) ?? eraHistoric(clause, s.refYear) ?? undatedFrontedYear(folded, s.refYear) ?? BEFORE_RISE.exec(folded)?.[0]);
  if (c) return { modality: 'historic', cues: [`historic: ${c}`] };
  c = once(`statistic ${inClause}`, () => cue(pick(STATISTIC), clause, bounds.from));
  if (c) return { modality: 'generic', cues: [`statistic: ${c}`] };
  const law = once('law subject', () => cue(pick(LAW_SUBJECT), folded, 0));
  if (law) return { modality: 'generic', cues: [`generic: a law as the sentence's subject (${law})`] };
  c = once('sport', () => cue(SPORT, folded, 0)) ?? once(`generic ${inClause}`, () => cue(pick(LAW_OR_GENERIC), clause, bounds.from) ?? cue(pick(GENERIC), clause, bounds.from));
  if (c) return { modality: 'generic', cues: [`generic: ${c}`] };
  c = cue(pick(CONDITIONAL), clause.slice(0, Math.max(0, clause.indexOf(folded.slice(trigger.start, trigger.end)))), bounds.from);
  if (c) return { modality: 'hypothetical', cues: [`condition: ${c}`] };
  // A condition opening the sentence, when the trigger stands after its comma, in the main clause it conditions: what
  // follows is a threat, not a fact ("If the creditors cannot agree, the group risks collapsing into administration";
  // "Im Falle der Überschuldung einer Gesellschaft … wird der Konkurs … eröffnet" — a rule, read as generic elsewhere).
  // A softer event under it is left alone: its trigger is often the threat itself ("the group risks collapsing").
  const fronted = folded.lastIndexOf(',', trigger.start) > 0 ? once('fronted condition', () => cue(pick(FRONTED_CONDITION), folded)) : undefined;
  if (fronted && HARD.has(trigger.type ?? '')) return { modality: 'hedged', cues: [`hedge: a condition opens the sentence (${fronted})`] };
  if (lang === 'de' && VERB_FIRST_DE.test(folded)) return { modality: 'hypothetical', cues: [`condition: verb first (${folded.trim().split(/\s/)[0]})`] };
  // A question ("Is Wilko going bust?", "Droht die Pleite?") asks, it does not state: at most hedged.
  if (/^[^.!:;]*\?["'”»\s]*$/.test(folded.slice(trigger.end))) return { modality: 'hedged', cues: ['hedge: a question'] };
  c = cue(pick(HEDGE_ADJECTIVE), folded.slice(Math.max(0, trigger.start - 25), trigger.start), Math.max(0, trigger.start - 25)) ?? once(`hedge ${inClause}`, () => cue(pick(HEDGE_VERBAL), clause, bounds.from));
  if (c && HEDGE_ADVERB.test(c) && adverbOutOfScope(folded, c, bounds.from, trigger.start)) c = undefined;
  if (!c && lang === 'de') {
    const lowerBounds = clauseBounds(s.lower, trigger.start, trigger.end);
    c = once(`hedge unfolded ${lowerBounds.from}:${lowerBounds.to}`, () => cue(HEDGE_UNFOLDED_DE, s.lower.slice(lowerBounds.from, lowerBounds.to)));
  }
  if (!c && lang === 'de') c = loomingDe(folded, trigger);
  if (c) return { modality: 'hedged', cues: [`hedge: ${c}`] };
  return { modality: 'factual', cues: [] };
}

/**
 * "Die Insolvenz wurde abgewendet", "avoided insolvency": the cue governs the nearest trigger in
 * its direction, so "Stellenabbau beschlossen, Konkurs abgewendet" keeps the layoff.
 */
function avertedCue(s: SentenceCues, trigger: TriggerPosition, others: readonly TriggerPosition[]): string | undefined {
  const clause = clauseBounds(s.folded, trigger.start, trigger.end);
  const { beforeRe, afterRe } = avertedPatterns(s.lang);
  // A cue before the trigger: nothing but this trigger between them.
  const anchors = s.anchors?.text === s.folded ? s.anchors : undefined;
  const filter = anchors ? cueFilter(s.lang) : undefined;
  const may = (re: RegExp, from: number, to: number) => {
    const k = filter?.index.get(re);
    return k === undefined || anchors!.hits(filter!.filter).may(k, from, to);
  };
  const fromBefore = Math.max(clause.from, trigger.start - 70);
  const m1 = may(beforeRe, fromBefore, trigger.start) ? beforeRe.exec(s.folded.slice(fromBefore, trigger.start)) : null;
  if (m1 && !others.some((o) => o.start < trigger.start && o.start > trigger.start - (m1[0].length)))
    return m1[0].split(/\s/)[0];
  const toAfter = Math.min(clause.to, trigger.end + 70);
  const m2 = may(afterRe, trigger.end, toAfter) ? afterRe.exec(s.folded.slice(trigger.end, toAfter)) : null;
  if (m2 && !others.some((o) => o.start >= trigger.end && o.start < trigger.end + m2[0].length)) return m2[0].trim().split(/\s/).pop();
  return undefined;
}

/** German verbs of averting (folded): only these reach to the end of a long verb-final clause. */
const GERMAN_AVERTING = 'abgewendet|abgewandt|vermieden|verhindert|abgewehrt';
const AVERTED_PATTERNS = new Map<string, { beforeRe: RegExp; afterRe: RegExp }>();
function avertedPatterns(lang: string): { beforeRe: RegExp; afterRe: RegExp } {
  let p = AVERTED_PATTERNS.get(lang);
  if (!p) {
    const pre = (AVERTED_BEFORE[lang] ?? AVERTED_BEFORE.en!).source;
    const post = (AVERTED_AFTER[lang] ?? AVERTED_AFTER.en!).source;
    // German puts the participle at the end of its clause ("wird der Konkurs durch ein Vergleichsverfahren abgewendet"):
    // a verb of averting reaches further there than the other cues.
    const far = lang === 'de' ? `|^[^.;:,]{29,64}?\\b(?:${GERMAN_AVERTING})\\b` : '';
    p = { beforeRe: new RegExp(`(?:${pre})[^.;:]{0,40}$`), afterRe: new RegExp(`^[^.;:,]{0,28}?(?:${post})${far}`) };
    AVERTED_PATTERNS.set(lang, p);
  }
  return p;
}

/**
 * A hedging adverb inside an earlier comma clause ("… setzten vermutlich … in den Sand, das Unternehmen meldete Insolvenz
 * an") does not reach the trigger; one that opens the sentence ("Reportedly, X filed …") does.
 */
function adverbOutOfScope(folded: string, adverb: string, from: number, triggerStart: number): boolean {
  const at = folded.slice(from, triggerStart).lastIndexOf(adverb);
  if (at === -1) return false;
  const before = folded.slice(from, from + at);
  return /[a-z]/.test(before) && folded.slice(from + at + adverb.length, triggerStart).includes(',');
}

/** "sich abzeichnen" in the trigger's own comma clause (cues.ts LOOMING_DE); the verb's particle test comes first. */
function loomingDe(folded: string, trigger: TriggerPosition): string | undefined {
  const from = folded.lastIndexOf(',', trigger.start) + 1;
  const next = folded.indexOf(',', trigger.end);
  const clause = folded.slice(from, next === -1 ? folded.length : next);
  return clause.includes('zeichne') ? LOOMING_DE.exec(clause)?.[0] : undefined;
}

function historicYear(clause: string, refYear: number | undefined): string | undefined {
  if (refYear === undefined) return undefined;
  const unfounded = clause.replace(FOUNDED_YEAR, ' ');
  // A decade counts by its last year ("filed for bankruptcy three times in the 1990s" on a 2005 page).
  const decades = decadeEndsIn(unfounded);
  const years = [...yearsIn(unfounded).filter((y) => !decades.some((d) => y >= d - 9 && y <= d)), ...decades];
  return years.length > 0 && years.every((y) => y <= refYear - 2) ? (decades.length > 0 ? `the ${decades[0]! - 9}s` : String(years[0])) : undefined;
}

/**
 * A time adverbial fronted before the sentence's first comma scopes over the main clause: "Dès la fin mai 2020, la marque …
 * avait été placée en redressement judiciaire", "Im März 2019, nach …, meldete X Insolvenz an". Read only when the
 * trigger's own clause names no year.
 */
const FRONTED_YEAR = /^[^,;:]{0,50}?\b(19[5-9]\d|20\d\d)\b[^,;:]{0,25},/;
function frontedHistoricYear(folded: string, clause: string, refYear: number | undefined): string | undefined {
  if (refYear === undefined || yearsIn(clause).length > 0) return undefined;
  const m = FRONTED_YEAR.exec(folded);
  return m && Number(m[1]) <= refYear - 2 ? m[1] : undefined;
}

/**
 * An era named instead of a year, as the span the fact lasted ("während der Corona-Pandemie bereits insolvent", "during the
 * financial crisis"): the era's last year stands for it, read like a year against the page's date. "In der Pandemie" is
 * left alone: background of recent news ("Die Umsätze waren in der Corona-Pandemie eingebrochen").
 */
const ERAS: ReadonlyArray<[RegExp, number]> = [
  [/\bwahrend der (?:corona-?|covid-?)?(?:pandemie|coronakrise|corona-krise)\b|\bduring the (?:covid(?:-19)? |coronavirus )?pandemic\b|\bpendant la (?:crise sanitaire|pandemie)\b|\bdurante (?:la )?pandemia\b/, 2021],
  [/\bwahrend der (?:welt)?finanzkrise\b|\bduring the (?:global )?financial crisis\b|\bpendant la crise financiere\b|\bdurante (?:la )?crisi finanziaria\b/, 2009],
];
function eraHistoric(clause: string, refYear: number | undefined): string | undefined {
  if (refYear === undefined) return undefined;
  for (const [re, last] of ERAS) {
    const m = re.exec(clause);
    if (m && last <= refYear - 2) return m[0];
  }
  return undefined;
}

/** Without a page date, a bare year opening the sentence ("In 2018, Maplin collapsed …", "1999 musste Pfaff …") dates
 *  a history: news of the day gives the day or the month, a retrospective gives the year. */
const OPENING_YEAR = /^[\s"'„“«(]*(?:(?:in|im jahr|im jahre|en|nel|dans) )?(?:19[5-9]\d|20\d\d)(?:,| (?![\d.]))/;
function undatedFrontedYear(folded: string, refYear: number | undefined): string | undefined {
  return refYear === undefined ? OPENING_YEAR.exec(folded)?.[0]?.replace(/,$/, '').trim() : undefined;
}

/** The company's story before its rise, told in a fronted clause: "Before Marvel became a blockbuster movie giant, …". */
const BEFORE_RISE = /(?:^|: )[^,;:]{0,40}\b(?:long before|before|bevor|lange bevor|avant de devenir|avant qu'\S+ ne devienne|prima di diventare|prima che \S+ diventasse)\b[^,;:]{0,40}\b(?:became|grew into|turned into|wurde|devienne|devenir|diventare|diventasse)\b[^,;:]*,/;

/**
 * A definition in apposition to a named procedure: ", ossia la procedura …", ", cioè una procedura …", ", i.e. a procedure …",
 * ", c'est-à-dire la procédure …", ", d. h. ein Verfahren …". It ends the clause of the trigger before it (its law words
 * describe the procedure, not this company's case), and what stands after it defines.
 */
const DEFINITION = ", (ossia|cioe|vale a dire|i\\.e\\.|that is|c'est-a-dire|d\\. ?h\\.|das heisst) (?:(?:la|una|il|un|a|an|the|une|le|die|das|der|eine|ein) )?(?:\\w+ )?(?:procedura|procedimento|procedure|process|proceeding|verfahren)\\b";
const DEFINITION_OPENER = new RegExp(DEFINITION);

function clauseBounds(folded: string, start: number, end: number): { from: number; to: number } {
  const from0 = Math.max(0, start - 90);
  const pre = folded.slice(from0, start);
  const cut = Math.max(pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf(' - '));
  const post = folded.slice(end, end + 70);
  const stops = [post.search(/[;:]| - /), post.search(DEFINITION_OPENER)].filter((i) => i !== -1);
  const stop = stops.length ? Math.min(...stops) : -1;
  return { from: from0 + cut + 1, to: stop === -1 ? end + post.length : end + stop };
}

export function clauseAround(folded: string, start: number, end: number): string {
  const b = clauseBounds(folded, start, end);
  return folded.slice(b.from, b.to);
}
