import type { OrgMention } from './mentions.js';

/**
 * Relative clauses around a trigger: which organisation a relative clause hangs on (its antecedent is the
 * event's subject), and whether a mention sits in a relative clause that closes before the trigger. Folded text.
 */

/** What a relative clause is read from: the folded sentence, its offset map, the language, the trigger and the mentions. */
export interface ClauseInput {
  folded: string;
  toFolded: (original: number) => number;
  lang: string;
  trigger: { start: number; end: number }; // folded offsets
  mentions: readonly OrgMention[]; // original offsets
}

/** ", which|who|that", ", der|die|das|welche", ", qui|lequel", ", che|il quale|cui" opening the clause the trigger stands in. */
const RELATIVE: Record<string, RegExp> = {
  en: /, (?:which|who|that|whose \w+) (?:[\w'’-]+ ){0,5}$/,
  de: /, (?:der|die|das|welche[rs]?|deren|dessen) (?:[\w'’-]+ ){0,5}$/,
  fr: /, (?:qui|laquelle|lequel|lesquel(?:le)?s|dont \w+) (?:[\w'’-]+ ){0,5}$/,
  it: /, (?:che|il quale|la quale|i quali|le quali|la cui \w+|il cui \w+) (?:[\w'’-]+ ){0,5}$/,
};
/** A German relative clause ends in its finite verb; "…, die Insolvenz der X" is an article, not a relative pronoun. */
const GERMAN_VERB_FINAL = /^[^,.;:]{0,80}\b(?:hat|hatte|haben|hatten|ist|war|sind|waren|wurde|wurden|wird|werden|musste|mussten|muss|meldete|meldet|beantragte|beantragt|stellte|stellt|ging|geht|rutschte|schlitterte|befindet|befand)(?=[,.;:]|$)/;
/** "X is the latest retailer, which …": a predicate noun of the name carries the relative clause back to it. */
const PREDICATE_TAIL = /^ (?:is|was|are|were|has become|became|becomes|ist|war|wurde|est|etait|devient|e|era|diventa) (?:the|a|an|another|der|die|das|ein|eine|le|la|l'|un|une|il|lo|una|uno)\s?(?:[\w'’&-]+ ){0,4}[\w'’&-]+$/;
/** An apposition between a name and the relative pronoun: "Carillion, the construction group, which …". */
const APPOSITION_TAIL = /^[,:]? \(?(?:the|a|an|its|der|die|das|ein|eine|le|la|l'|les|un|une|il|lo|una|uno)\s?(?:[\w'’&-]+ ){0,4}[\w'’&-]+\)?$/;

/** ", which include X," / ", die X gehört," / ", qui détient X,": X sits in a relative clause that closes before the trigger. */
export function insideClosedRelative(folded: string, start: number, end: number, triggerStart: number, lang: string): boolean {
  const close = folded.indexOf(',', end);
  if (close === -1 || close >= triggerStart) return false;
  if ((RELATIVE_OPENER[lang] ?? RELATIVE_OPENER.en!).exec(folded.slice(Math.max(0, start - 60), start))) return true;
  // "Le groupe de presse régional, qui regroupe les titres Nice-Matin, Var-Matin, Monaco-Matin et 50 % de Corse-Matin, a été
  // placé …": a list the relative clause names goes on past its commas; the clause closes at the comma after its last item.
  if (!(RELATIVE_LIST[lang] ?? RELATIVE_LIST.en!).test(folded.slice(Math.max(0, start - 180), start))) return false;
  const before = folded.slice(Math.max(0, start - 60), start);
  const lastItem = LAST_ITEM.test(before.slice(before.lastIndexOf(',')));
  const rest = folded.slice(end, triggerStart);
  return lastItem ? /^[^,;:.]*, /.test(rest) : LIST_CLOSED_AFTER.test(rest);
}
/** A relative pronoun and its clause, commas of a list included, up to the mention. */
const RELATIVE_LIST: Record<string, RegExp> = {
  en: /, (?:which|who|whose|that) [^;:.]*, [^;:.]*$/,
  de: /, (?:der|die|das|welche[rs]?|deren|dessen|dem|denen) [^;:.]*, [^;:.]*$/,
  fr: /, (?:qui|dont|lequel|laquelle|lesquel(?:le)?s) [^;:.]*, [^;:.]*$/,
  it: /, (?:che|il quale|la quale|i quali|le quali|cui) [^;:.]*, [^;:.]*$/,
};
const CONJ = '(?:and|or|und|oder|sowie|et|ou|e|ed|o)';
/** The mention is the last item of a list: a conjunction between the last comma and it. */
const LAST_ITEM = new RegExp(`^, [^,]{0,40}\\b${CONJ}\\b[^,]{0,24}$`);
/** The mention is an earlier item: the list goes on to a conjunction and closes with a comma before the trigger. */
const LIST_CLOSED_AFTER = new RegExp(`^(?:[^,;:.]{0,40}, ){0,8}?[^,;:.]{0,40}\\b${CONJ}\\b[^,;:.]{0,40}, `);
const RELATIVE_OPENER: Record<string, RegExp> = {
  en: /, (?:which|who|whose|that) (?:[\w'’-]+ ){0,6}$/,
  de: /, (?:der|die|das|welche[rs]?|deren|dessen|dem|denen) (?:[\w'’-]+ ){0,6}$/,
  fr: /, (?:qui|dont|lequel|laquelle|lesquel(?:le)?s) (?:[\w'’-]+ ){0,6}$/,
  it: /, (?:che|il quale|la quale|i quali|le quali|cui) (?:[\w'’-]+ ){0,6}$/,
};

/**
 * "companies that enter administration", "les entreprises qui font faillite": a restrictive relative clause on a plural
 * common noun talks of a kind of company, not of one (no comma, so it is not caught by RELATIVE).
 */
const PLURAL_RESTRICTIVE: Record<string, RegExp> = {
  en: /\b(?:companies|businesses|firms|retailers|chains|employers|debtors|traders|enterprises|entities|brands|groups|clubs|restaurants|stores|shops|suppliers|contractors|manufacturers|builders|developers|lenders|banks|insurers) (?:that|which|who) (?:[\w'’-]+ ){0,8}$/,
  fr: /\b(?:entreprises|societes|enseignes|commercants|employeurs|debiteurs|groupes|magasins|pme|artisans) qui (?:[\w'’-]+ ){0,8}$/,
  it: /\b(?:imprese|aziende|societa|attivita|negozi|catene|datori di lavoro) che (?:[\w'’-]+ ){0,8}$/,
};

/**
 * The antecedent of a relative clause the trigger stands in: the organisation mention right before the relative pronoun
 * (or before its apposition), `null` when the clause hangs on a noun phrase that is no organisation, `undefined` when the
 * trigger is not in a relative clause.
 */
export function relativeAntecedent(input: ClauseInput): OrgMention | null | undefined {
  const { folded, toFolded, lang, trigger, mentions } = input;
  const re = RELATIVE[lang] ?? RELATIVE.en!;
  const before = folded.slice(Math.max(0, trigger.start - 70), trigger.start);
  if (PLURAL_RESTRICTIVE[lang]?.test(before) && !/[,;:]/.test(before.slice(before.search(/\b(?:that|which|who|qui|che) [^,;:]*$/) + 1))) return null;
  const m = re.exec(before);
  if (!m) return undefined;
  if (lang === 'de' && !GERMAN_VERB_FINAL.test(folded.slice(trigger.start))) return undefined;
  const comma = trigger.start - before.length + m.index;
  // A mention inside the relative clause before the trigger is that clause's own subject or object: the usual rules read it.
  if (mentions.some((x) => toFolded(x.start) > comma && toFolded(x.end) <= trigger.start)) return undefined;
  let best: OrgMention | undefined;
  for (const x of mentions) if (toFolded(x.end) <= comma && (!best || x.end > best.end)) best = x;
  if (!best) return null;
  const gap = folded.slice(toFolded(best.end), comma);
  return /^[)"'’”»]*$/.test(gap) || APPOSITION_TAIL.test(gap) || PREDICATE_TAIL.test(gap) ? best : null;
}
