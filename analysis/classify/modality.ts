import type { Modality } from '../../platform/schemas/event-role.js';
import {
  AVERTED_AFTER,
  AVERTED_BEFORE,
  CONDITIONAL,
  DENIAL,
  FOUNDED_YEAR,
  GENERIC,
  HEDGE_ADJECTIVE,
  HEDGE_ADVERB,
  HEDGE_UNFOLDED_DE,
  HEDGE_VERBAL,
  HISTORIC,
  LAW_OR_GENERIC,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  SPORT,
  VERB_FIRST_DE,
  YEARS_AFTER,
  STATISTIC,
  yearsIn,
} from './cues.js';

export interface TriggerPosition {
  start: number;
  end: number;
}

export interface ModalityResult {
  modality: Modality;
  /** The cues that decided, for the explanation ("negation: keine", "hedge: droht"). */
  cues: string[];
}

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
  const cue = (re: RegExp, text: string): string | undefined => re.exec(text)?.[0]?.trim();
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

  let c = cue(pick(NEGATION_BEFORE), before) ?? cue(pick(NEGATION_AFTER), after);
  if (c) return { modality: 'negated', cues: [`negation: ${c}`] };
  c = once('denial', () => cue(pick(DENIAL), folded));
  if (c) return { modality: 'denied', cues: [`denial: ${c}`] };
  c = avertedCue(s, trigger, others);
  if (c) return { modality: 'negated', cues: [`averted: ${c}`] };
  c = cue(pick(YEARS_AFTER), folded.slice(Math.max(0, trigger.start - 50), trigger.start)) ?? once(`historic ${inClause}`, () => cue(pick(HISTORIC), clause) ?? historicYear(clause, s.refYear) ?? frontedHistoricYear(folded, clause, s.refYear));
  if (c) return { modality: 'historic', cues: [`historic: ${c}`] };
  c = once(`statistic ${inClause}`, () => cue(pick(STATISTIC), clause));
  if (c) return { modality: 'generic', cues: [`statistic: ${c}`] };
  c = once('sport', () => cue(SPORT, folded)) ?? once(`generic ${inClause}`, () => cue(pick(LAW_OR_GENERIC), clause) ?? cue(pick(GENERIC), clause));
  if (c) return { modality: 'generic', cues: [`generic: ${c}`] };
  c = cue(pick(CONDITIONAL), clause.slice(0, Math.max(0, clause.indexOf(folded.slice(trigger.start, trigger.end)))));
  if (c) return { modality: 'hypothetical', cues: [`condition: ${c}`] };
  if (lang === 'de' && VERB_FIRST_DE.test(folded)) return { modality: 'hypothetical', cues: [`condition: verb first (${folded.trim().split(/\s/)[0]})`] };
  // A question ("Is Wilko going bust?", "Droht die Pleite?") asks, it does not state: at most hedged.
  if (/^[^.!:;]*\?["'”»\s]*$/.test(folded.slice(trigger.end))) return { modality: 'hedged', cues: ['hedge: a question'] };
  c = cue(pick(HEDGE_ADJECTIVE), folded.slice(Math.max(0, trigger.start - 25), trigger.start)) ?? once(`hedge ${inClause}`, () => cue(pick(HEDGE_VERBAL), clause));
  if (c && HEDGE_ADVERB.test(c) && adverbOutOfScope(folded, c, bounds.from, trigger.start)) c = undefined;
  if (!c && lang === 'de') {
    const lowerBounds = clauseBounds(s.lower, trigger.start, trigger.end);
    c = once(`hedge unfolded ${lowerBounds.from}:${lowerBounds.to}`, () => cue(HEDGE_UNFOLDED_DE, s.lower.slice(lowerBounds.from, lowerBounds.to)));
  }
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
  const m1 = beforeRe.exec(s.folded.slice(Math.max(clause.from, trigger.start - 70), trigger.start));
  if (m1 && !others.some((o) => o.start < trigger.start && o.start > trigger.start - (m1[0].length)))
    return m1[0].split(/\s/)[0];
  const m2 = afterRe.exec(s.folded.slice(trigger.end, Math.min(clause.to, trigger.end + 70)));
  if (m2 && !others.some((o) => o.start >= trigger.end && o.start < trigger.end + m2[0].length)) return m2[0].trim().split(/\s/).pop();
  return undefined;
}

const AVERTED_PATTERNS = new Map<string, { beforeRe: RegExp; afterRe: RegExp }>();
function avertedPatterns(lang: string): { beforeRe: RegExp; afterRe: RegExp } {
  let p = AVERTED_PATTERNS.get(lang);
  if (!p) {
    const pre = (AVERTED_BEFORE[lang] ?? AVERTED_BEFORE.en!).source;
    const post = (AVERTED_AFTER[lang] ?? AVERTED_AFTER.en!).source;
    p = { beforeRe: new RegExp(`(?:${pre})[^.;:]{0,40}$`), afterRe: new RegExp(`^[^.;:,]{0,28}?(?:${post})`) };
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

function historicYear(clause: string, refYear: number | undefined): string | undefined {
  if (refYear === undefined) return undefined;
  const years = yearsIn(clause.replace(FOUNDED_YEAR, ' '));
  return years.length > 0 && years.every((y) => y <= refYear - 2) ? String(years[0]) : undefined;
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

function clauseBounds(folded: string, start: number, end: number): { from: number; to: number } {
  const from0 = Math.max(0, start - 90);
  const pre = folded.slice(from0, start);
  const cut = Math.max(pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf(' - '));
  const post = folded.slice(end, end + 70);
  const stop = post.search(/[;:]| - /);
  return { from: from0 + cut + 1, to: stop === -1 ? end + post.length : end + stop };
}

export function clauseAround(folded: string, start: number, end: number): string {
  const b = clauseBounds(folded, start, end);
  return folded.slice(b.from, b.to);
}
