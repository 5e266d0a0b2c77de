import type { Modality } from '../../platform/schemas/event-role.js';
import { foldText } from '../text/fold.js';
import { GENERIC_CUES } from './generic-cues.js';

/**
 * Whether a sentence states a rule about companies in general rather than an event of one company, read from its
 * structure, not its topic words: who the subject is (a kind — "a company", "companies", "toute entreprise" — or one
 * company), what tense the clause has (the present or a modal states a rule; a past tense reports an event), and what
 * kind of clause the trigger stands in ("when/once/lorsque/quando …" with a present tense is a rule or a condition).
 * Runs on folded text (analysis/text/fold.ts) after the subject is known; pure.
 */
export interface GenericityInput {
  folded: string;
  lang: string;
  trigger: { start: number; end: number };
  /** The subject the role rules chose: a name (or a linked customer) refers to one company, a reference may not. */
  subjectKind?: 'name' | 'reference' | 'pronoun';
  linked: boolean;
  /** Organisation names of the sentence: a procedure told beside a name may be that company's. */
  names?: ReadonlyArray<{ start: number; end: number }>;
  /** The clause already reads as hedged ("risks collapsing", "droht"). */
  hedged?: boolean;
  /** A hard event's trigger: an ability or obligation makes only these a rule (a plan that "doit permettre au groupe de faire
   *  face à son endettement" still tells the group's debt). */
  hard?: boolean;
}

export interface GenericityResult {
  modality: Modality;
  cue: string;
}

export function genericityOf(g: GenericityInput): GenericityResult | undefined {
  const { folded, lang, trigger } = g;
  const before = folded.slice(0, trigger.start);
  // 1. The trigger describes a kind of company, not one: "examples of bankrupt companies", "an insolvent business",
  //    "aziende fallite", "une entreprise en difficulté", "einem insolventen Unternehmen".
  const kind = kindPhrase(folded, trigger, lang, g.names ?? []);
  if (kind) return { modality: 'generic', cue: `generic: a kind of company (${kind})` };
  // A procedure named as what something else is compared with ("Contrairement à une liquidation judiciaire, cette
  //    démarche …", "Contrary to other forms of liquidation", "im Gegensatz zu einer Insolvenz") is a kind of procedure.
  const contrast = pick(CONTRAST, lang).exec(folded.slice(Math.max(0, trigger.start - 45), trigger.start));
  if (contrast) return { modality: 'generic', cue: `generic: a comparison with the procedure (${contrast[0].trim()})` };
  // A procedure said to exist, as one of its kind ("Es gibt auch eine Insolvenz in Eigenregie", "Il existe une procédure
  //    de sauvegarde accélérée", "Esiste anche il concordato in bianco", "There are three types of liquidation"): no event.
  const exists = pick(EXISTENTIAL, lang).exec(folded.slice(Math.max(0, trigger.start - 40), trigger.start));
  if (exists) return { modality: 'generic', cue: `generic: a kind of procedure said to exist (${exists[0].trim()})` };
  // The word itself, not an event: the trigger named as a term ("il termine “fallimento”", "the term bankruptcy", "der
  //    Begriff Insolvenz", "le mot faillite").
  const word = pick(WORD_MENTION, lang).exec(folded.slice(Math.max(0, trigger.start - 30), trigger.start));
  if (word) return { modality: 'generic', cue: `generic: the word as a term (${word[0].trim()})` };
  // A term in quotes as what another term is replaced by or renamed to ("viene rimpiazzato da “liquidazione giudiziale”",
  //    "renamed “administration”", "ersetzt durch „Restrukturierung“"): the quotes close right after the trigger.
  const renamed = pick(RENAMED_TO, lang).exec(folded.slice(Math.max(0, trigger.start - 30), trigger.start));
  if (renamed && /^\s?["'»”“’]/.test(folded.slice(trigger.end))) return { modality: 'generic', cue: `generic: the word as a term (${renamed[0].trim()})` };
  // A judgement, not a procedure: the event noun as the predicate of a copula with an indefinite article ("Il D’Aversa bis
  //    a Parma è un fallimento", "Das Spiel war eine Pleite"); a company's procedure is told with a verb or a genitive.
  const predicate = PREDICATE_NOUN[lang]?.exec(folded.slice(Math.max(0, trigger.start - 30), trigger.start));
  // The noun ends its clause and no name follows it ("Über X ist ein Konkursverfahren eröffnet worden" tells one).
  if (predicate && /^\s*(?:[.,;:!?"')]|$)/.test(folded.slice(trigger.end)) && !(g.names ?? []).some((n) => n.start >= trigger.end)) return { modality: 'generic', cue: `generic: the event noun as a predicate (${predicate[0].trim()})` };
  // Whoever it is, not one company: "con tutto il rispetto per chi ha fallito", "anyone who has gone bankrupt".
  const whoever = pick(WHOEVER, lang).exec(folded.slice(Math.max(0, trigger.start - 30), trigger.start));
  if (whoever) return { modality: 'generic', cue: `generic: whoever is meant (${whoever[0].trim()})` };
  // Unnamed companies counted, not one: "many" or "most" standing for the companies as the trigger's subject ("with many
  //    falling into administration since the pandemic", "viele davon meldeten Insolvenz an").
  const many = pick(QUANTIFIER_SUBJECT, lang).exec(folded.slice(Math.max(0, trigger.start - 30), trigger.start));
  if (many) return { modality: 'generic', cue: `generic: companies counted, none named (${many[0].trim()})` };
  // A kind of company made to do what the trigger says by a cause ("COVID-19 has forced companies from several industries
  //    to seek out Chapter 11 bankruptcy protection"): the kind, not the cause, is the subject; no name between.
  const caused = causedKind(folded, trigger, lang, g.names ?? []);
  if (caused) return { modality: 'generic', cue: `generic: a kind of company driven to it (${caused})` };
  // 2. The procedure itself is the topic: the event noun opens the clause with an article and a present-tense verb of
  //    being, meaning or allowing follows ("La liquidation judiciaire est une procédure collective", "Der Konkurs bedeutet
  //    das Aus", "A Chapter 7 filing means …"), with no name between — no company's event is told.
  const topic = procedureTopic(folded, trigger, lang, g.names ?? []);
  if (topic) return { modality: 'generic', cue: `generic: the procedure as the topic (${topic})` };
  // What the procedure does to a company, stated in the present with the procedure as the subject ("Cette procédure
  //    entraîne la dissolution de la société", "The process results in the company being wound up"): a rule.
  const consequence = pick(PROCEDURE_CONSEQUENCE, lang).exec(folded.slice(Math.max(0, trigger.start - 60), trigger.start));
  if (consequence && !(g.names ?? []).length) return { modality: 'generic', cue: `generic: what the procedure entails (${consequence[0].trim()})` };
  // A named company is one company, whatever the tense ("Quand la rumeur pousse Dunlopillo vers la faillite").
  if (g.subjectKind === 'name' || g.linked) return undefined;
  // A date or a day tells one occurrence ("lundi", "on Monday", "am 3. März").
  const span = sentenceClause(folded, trigger);
  const when = pick(SPECIFIC_TIME, lang);
  if (when && when.test(span)) return undefined;
  // 3. The trigger inside a temporal clause with a present or perfect tense: "your powers end when the company has gone
  //    into administration", "lorsqu'une entreprise est placée en redressement". With a past tense it dates an event
  //    ("when the retailer went into administration last year"); after a comma the trigger is in another clause.
  const opener = lastMatch(pick(TEMPORAL_OPENER, lang), before);
  if (opener && !/[.;:?!,]/.test(before.slice(opener.index))) {
    if (!hasPastTense(folded.slice(opener.index, trigger.end), lang)) return { modality: 'generic', cue: `generic: a present-tense ${opener.text} clause` };
  }
  // The same clause fronted before the sentence's first comma, its main clause in the present ("Une fois tous les actifs
  //    vendus et les créanciers remboursés …, l'entreprise est définitivement fermée et radiée du registre du commerce").
  const fronted = pick(FRONTED_TEMPORAL, lang).exec(before);
  if (fronted && !hasPastTense(folded.slice(0, trigger.end), lang)) return { modality: 'generic', cue: `generic: a present-tense fronted ${fronted[1]} clause` };
  // 4. An unnamed subject ("the company", "l'entreprise", "das Unternehmen") in a clause that states a rule: no past
  //    tense, and a kind of company or the reader addressed, or an ability or obligation (a hedge already reads a
  //    modal: "if the creditors cannot agree, the group risks collapsing" stays hedged).
  if (hasPastTense(span, lang)) return undefined;
  const rule = pick(INDEFINITE_COMPANY, lang).exec(span)?.[0] ?? pick(SECOND_PERSON, lang).exec(span)?.[0] ?? (g.hedged || !g.hard ? undefined : pick(DEONTIC, lang).exec(span)?.[0]);
  return rule ? { modality: 'generic', cue: `generic: a rule about an unnamed company (${rule.trim()})` } : undefined;
}

/** Past tenses and the passé composé / passato prossimo: an event reported, not a rule. */
export function hasPastTense(text: string, lang: string): boolean {
  if (lang === 'en') {
    const words = text.match(/[a-z']+/g) ?? [];
    return words.some((w, i) => EN_PAST.test(w) || ((/^[a-z]{3,}ed$/.test(w) || EN_PAST_OR_PARTICIPLE.test(w)) && !EN_PASSIVE_OR_PERFECT.test(words[i - 1] ?? '') && !EN_PASSIVE_OR_PERFECT.test(words[i - 2] ?? '')));
  }
  return pick(PAST, lang).test(text);
}

const pick = <T>(table: Record<string, T>, lang: string): T => table[lang] ?? table.en!;
const SPECIFIC_TIME = GENERIC_CUES.specific_time as Record<string, RegExp>;

function lastMatch(re: RegExp, text: string): { index: number; text: string } | undefined {
  let last: { index: number; text: string } | undefined;
  for (const m of text.matchAll(re)) last = { index: m.index, text: m[0].trim() };
  return last;
}

/** The trigger's sentence part between semicolons, colons and full stops: the span a rule is stated in. */
function sentenceClause(folded: string, trigger: { start: number; end: number }): string {
  const from = Math.max(folded.lastIndexOf(';', trigger.start), folded.lastIndexOf(':', trigger.start)) + 1;
  const stop = folded.slice(trigger.end).search(/[;:]/);
  return folded.slice(from, stop === -1 ? folded.length : trigger.end + stop);
}

function procedureTopic(folded: string, trigger: { start: number; end: number }, lang: string, names: ReadonlyArray<{ start: number; end: number }>): string | undefined {
  const t = TOPIC[lang] ?? TOPIC.en!;
  const from = Math.max(folded.lastIndexOf(';', trigger.start), folded.lastIndexOf(':', trigger.start), folded.lastIndexOf('.', trigger.start)) + 1;
  if (!t.before.test(folded.slice(from, trigger.start))) return undefined;
  const verb = t.after.exec(folded.slice(trigger.end, trigger.end + 60));
  if (!verb) return undefined;
  const end = trigger.end + verb.index + verb[0].length;
  // Any name in the sentence may be whose procedure it is ("Das Insolvenzverfahren ist eröffnet, teilte Galeria mit").
  if (names.length > 0) return undefined;
  const span = sentenceClause(folded, trigger);
  if (hasPastTense(folded.slice(from, end), lang) || pick(SPECIFIC_TIME, lang)?.test(span)) return undefined;
  return folded.slice(trigger.start, end).trim();
}

function kindPhrase(folded: string, trigger: { start: number; end: number }, lang: string, names: ReadonlyArray<{ start: number; end: number }>): string | undefined {
  const k = KIND[lang] ?? KIND.en!;
  const before = folded.slice(Math.max(0, trigger.start - 30), trigger.start);
  const after = folded.slice(trigger.end, trigger.end + 30);
  const m = k.after?.exec(after) ?? null;
  if (m && (!k.specificBefore || !k.specificBefore.test(before))) return `${folded.slice(trigger.start, trigger.end)}${m[0]}`.trim();
  // An indefinite determiner counts only where the trigger modifies a company noun ("an insolvent business"), not where it
  // is the event noun itself ("filed a winding-up petition").
  // A kind of company the procedure is told of by a prepositional phrase or a relative clause: "a company in
  // administration", "a store that's in administration", "einem Unternehmen in der Insolvenz".
  // German compounds are long ("eines Handelsunternehmens in der Insolvenz"): the description is read in a wider window.
  const wide = folded.slice(Math.max(0, trigger.start - 50), trigger.start);
  const r = k.described?.exec(wide);
  const trig = folded.slice(trigger.start, trigger.end);
  // Not in apposition to a name ("Wilko, a retailer in administration since August") and not in a past tense ("a
  // retailer that went into administration"): those tell one company's event.
  const at = trigger.start - wide.length + (r?.index ?? 0);
  const apposition = names.some((n) => n.end <= at && at - n.end <= 3);
  if (r && !apposition && !hasPastTense(`${r[0]}${trig}`, lang) && (/ (?:in|into|under|entering|going into|that|which|im|in der|in einem|in einer)\b[^ ]* $/.test(r[0]) || /^(?:in|into|under|im|in der)\b/.test(trig))) return `${r[0]}${folded.slice(trigger.start, trigger.end)}`.trim();
  const b = k.before?.exec(before);
  if (!b || (k.singularAfter && !k.singularAfter.test(after))) return undefined;
  return `${b[0]}${folded.slice(trigger.start, trigger.end)}`.trim();
}

const EN_PAST = /^(?:was|were|had|did|went|fell|came|became|ran|took|began)$/;
/** Irregular forms that are past tense or participle: past unless an auxiliary stands before them ("can be sold"). */
const EN_PAST_OR_PARTICIPLE = /^(?:said|told|won|lost|made|paid|sought|got|left|sold|bought|brought|put|shut|cut)$/;
/** An auxiliary, a modal or the infinitive marker before a form like "put": not a past tense ("cannot directly put the
 *  club into administration", "to put it into liquidation"). */
const EN_PASSIVE_OR_PERFECT = /^(?:has|have|is|are|be|been|being|get|gets|will|can|cannot|can't|won't|may|might|must|shall|should|would|could|not|to|do|does|did|don't|doesn't|didn't)$/;

const PAST: Record<string, RegExp> = {
  de: /\b(?:wurde|wurden|war|waren|hatte|hatten|meldete|meldeten|stellte|stellten|beantragte|beantragten|ging|gingen|musste|mussten|teilte|gab|kam|kamen|geriet|gerieten)\b|\b(?:hat|haben|ist|sind)\b[^,.;]{0,80}\b(?:ge\w+(?:t|en)|\w+iert|worden)\b/,
  fr: /\b(?:a|ont|avait|avaient|aurait|auraient) (?:(?:deja|bien|aussi|finalement|egalement|officiellement|enfin|ete) )?(?:ete|eu|fait|(?:depos|demand|prononc|plac|annonc|decid|engag|lanc|confirm|indiqu|declar|ced|rachet|ferm|licenci|supprim|enregistr|sign|accept|valid|homologu|arret|cess|not|publi|precis|assign|saisi|ouvert|obtenu|perdu|connu|subi|vendu|acquis|conclu|mis|pris|repris|fini)(?:e|ee|es|ees|is|ise|ises)?)\b|\b(?:est|sont|etait|etaient) (?:\w+ )?(?:entree?s?|tombee?s?|passee?s?|allee?s?|devenue?s?|ete)\b|\b\w{3,}(?:ait|aient)\b/,
  it: /\b(?:e|sono) (?:stat[oaie]|\w{2,}(?:at[oaie]|ut[oaie]|it[oaie]))\b|\b(?:ha|hanno|aveva|avevano|era|erano) (?:\w+ )?(?:stat[oaie]|\w{2,}(?:ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite))\b|\b\w{2,}(?:ava|avano|eva|evano|iva|ivano)\b|\b(?:fu|furono|venne|vennero|ebbe|ebbero|fallì|falli|chiuse|dichiaro|presento)\b/,
};

/** Subordinators of time and condition that make a present tense a rule: "when", "once", "lorsque", "quando". */
const TEMPORAL_OPENER: Record<string, RegExp> = {
  en: /\b(?:when|whenever|once|where|as soon as|in the event that|before|until)\b/g,
  de: /\b(?:wenn|sobald|sofern|falls|bevor)\b/g,
  fr: /\b(?:lorsqu'|avant qu'|(?:lorsque|quand|des que|des lors que|une fois que|a partir du moment ou|avant que)\b)/g,
  it: /\b(?:quando|qualora|una volta che|non appena|nel momento in cui|allorche|prima che)\b/g,
};

/** A temporal clause opening the sentence and closed by its first comma, the trigger after it. */
const FRONTED_TEMPORAL: Record<string, RegExp> = {
  en: /^[\s"'“(]*(once|when|whenever|as soon as)\b[^,;:]{0,150},/,
  de: /^[\s"'„“«(]*(sobald|wenn|nachdem)\b[^,;:]{0,150},/,
  fr: /^[\s"'«(]*(une fois|lorsqu'|lorsque|quand|des que|des lors que)[^,;:]{0,150},/,
  it: /^[\s"'«(]*(una volta|quando|non appena|nel momento in cui)\b[^,;:]{0,150},/,
};

const COMPANY_NOUN = {
  en: '(?:company|business|firm|debtor|employer|enterprise|entity|partnership|trader|retailer|organisation|organization)',
  de: '(?:unternehmen|firma|gesellschaft|schuldner|schuldnerin|betrieb|arbeitgeber|gmbh|unternehmer|kapitalgesellschaft)',
  fr: '(?:entreprise|societe|debiteur|debitrice|employeur|commercant|personne morale|pme)',
  it: '(?:impresa|azienda|societa|debitore|imprenditore|datore di lavoro|ditta)',
};
const COMPANY_PLURAL = {
  en: '(?:companies|businesses|firms|debtors|employers|enterprises|entities|partnerships|traders|retailers|organisations|organizations)',
  de: '(?:unternehmen|firmen|gesellschaften|schuldner|betriebe|arbeitgeber|unternehmer)',
  fr: '(?:entreprises|societes|debiteurs|employeurs|commercants|pme)',
  it: '(?:imprese|aziende|societa|debitori|imprenditori|ditte)',
};

/** "a company", "any business", "toute entreprise", "ein Unternehmen", "un'impresa": a kind, not one company. */
const INDEFINITE_COMPANY: Record<string, RegExp> = {
  en: new RegExp(`\\b(?:a|an|any|every|each|no|another|such a) (?:[\\w-]+ )?${COMPANY_NOUN.en}\\b`),
  de: new RegExp(`\\b(?:ein|eine|einer|eines|einem|einen|jede|jeder|jedes|jedem|jeden|kein|keine|keinem|keinen) (?:[\\w-]+ )?${COMPANY_NOUN.de}\\b`),
  fr: new RegExp(`\\b(?:une?|toute?|chaque|aucune?|d'une?|qu'une?|l'une?) (?:[\\w-]+ )?${COMPANY_NOUN.fr}\\b`),
  it: new RegExp(`\\b(?:un'|una |un |ogni |qualsiasi |qualunque |nessun[ao]? |di un |di una |di un')(?:[\\w-]+ )?${COMPANY_NOUN.it}\\b`),
};

/** A comparison opener right before the trigger with an indefinite article, "other forms of" or nothing between. */
const CONTRAST: Record<string, RegExp> = {
  en: /\b(?:unlike|contrary to|as opposed to|compared (?:to|with)|in contrast to|distinct from|different from) (?:an? |other (?:forms|types|kinds) of |(?:a|an) (?:formal|voluntary|compulsory|normal|standard|ordinary|traditional) )?$/,
  de: /\b(?:im gegensatz zu|anders als|verglichen mit|gegenuber) (?:einer?|einem|anderen formen de[rs]) ?(?:[\w-]+ )?$/,
  fr: /\b(?:contrairement a|a la difference d'|a la difference de|par opposition a|par rapport a) (?:une?|d'autres formes de) ?(?:[\w-]+ )?$/,
  it: /\b(?:a differenza d(?:i|el|ella|ell')|contrariamente a|rispetto a) ?(?:un'|una |un |altre forme di )?$/,
};

/** "There is a …" right before the trigger, its article indefinite or a kind word: the procedure exists as a kind. */
const EXISTENTIAL: Record<string, RegExp> = {
  en: /\bthere (?:is|are) (?:also )?(?:several|two|three|four|different|various|other) (?:types|kinds|forms) of (?:[\w-]+ )?$/,
  de: /\bes gibt (?:(?:auch|zudem|ausserdem|noch|daneben) )?(?:eine?n?|verschiedene|mehrere|zwei|drei) (?:[\w-]+ )?$/,
  fr: /\bil existe (?:(?:aussi|egalement|encore) )?(?:une?|des|plusieurs|deux|trois) (?:[\w-]+ )?$/,
  it: /\b(?:esiste|esistono|c'e|ci sono) (?:(?:anche|inoltre) )?(?:un'|una |un |il |lo |la |diverse |varie |due |tre )(?:[\w-]+ )?$/,
};

/** A noun that names the trigger as a word right before it, an opening quote allowed: "the term", "il termine “". */
const WORD_MENTION: Record<string, RegExp> = {
  en: /\b(?:the|a) (?:term|word|expression|notion|concept|label) ["'“‘]?$/,
  de: /\b(?:der|den|dem|des) (?:begriff|begriffs|ausdruck|ausdrucks|terminus)|\b(?:das|dem) (?:wort|wortes|stichwort) ["'„“‚]?$/,
  fr: /\b(?:le|du|au) (?:terme|mot|vocable|concept) (?:de |d')?["'«“‘]? ?$|\bla (?:notion|denomination) (?:de |d')?["'«“‘]? ?$/,
  it: /\b(?:il|al|del|dal|nel) (?:termine|vocabolo|concetto) (?:di )?["'«“‘]?$|\b(?:la|alla|della|dalla) (?:parola|voce|espressione|nozione) (?:di )?["'«“‘]?$/,
};

/** A verb of replacing, renaming or calling and an opening quote right before the trigger. */
const RENAMED_TO: Record<string, RegExp> = {
  en: /\b(?:replaced (?:by|with)|renamed(?: as| to)?|now called|called|termed|known as) ["'«“‘]$/,
  de: /\b(?:ersetzt (?:durch|von)|umbenannt in|heisst (?:nun |jetzt )?|genannt|bezeichnet als) ["'„“‚«]$/,
  fr: /\b(?:remplacee? (?:par|de)|rebaptisee?|renommee?|appelee?|denommee?|dite?) ["'«“‘] ?$/,
  it: /\b(?:rimpiazzat[oaie] (?:da|con)|sostituit[oaie] (?:da|con)|ribattezzat[oaie]|rinominat[oaie]|denominat[oaie]|chiamat[oaie]|dett[oaie]) ["'«“‘]$/,
};

/** A copula and an indefinite article right before the event noun that ends its clause: a judgement ("è un fallimento",
 *  "war eine Pleite"). Not English: "there is a winding-up petition" and "is an administration" tell procedures. */
const PREDICATE_NOUN: Record<string, RegExp | undefined> = {
  de: /\b(?:ist|war|waren|sind|ware|bleibt) (?:(?:ja|doch|also|eher|wohl|schlicht|einfach|nur|eben) )?(?:eine?|die nachste|eine (?:totale|echte|komplette|grosse|herbe)) $/,
  fr: /\b(?:est|etait|fut|c'est|c'etait|a ete|serait) (?:une?|un veritable|une veritable|un total|un vrai|une vraie) $/,
  it: /(?:^|\be|\bera|\bfu|\bsarebbe|\bresta|\brimane|\bstato|\bstata) (?:un|uno|una|un'|un vero|una vera|un totale|un completo)(?: |$)$/,
};

/** A pronoun of anyone as the trigger's subject: "chi ha fallito", "anyone who has gone bankrupt", "ceux qui ont fait faillite". */
const WHOEVER: Record<string, RegExp> = {
  en: /\b(?:anyone|anybody|whoever|those|people) (?:who|that) (?:has |have |had |is |are )?(?:gone |been |filed for |declared )?$/,
  de: /(?:^|[,.;:] ?)wer (?:(?:schon|einmal|bereits|mal) )?$/,
  fr: /\b(?:quiconque|ceux qui|celles qui|celui qui|celle qui) (?:a |ont |est |sont |fait |font |ont fait |a fait )?$/,
  it: /\bchi (?:ha |hanno |e |sia |abbia |fa |ha fatto )?$/,
};

/** What one may, can or must do: the mood of a rule ("may" and "could" hedge news and are read as hedges). */
const DEONTIC: Record<string, RegExp> = {
  en: /\b(?:can|cannot|can't|must|should|shall|needs? to|has to|have to|is required to|are required to)\b/,
  de: /\b(?:kann|konnen|muss|mussen|darf|durfen|ist zu|sind zu)\b/,
  fr: /\b(?:peut|peuvent|doit|doivent|pourra|pourront|devra|devront|il faut|est tenue?)\b/,
  it: /\b(?:puo|possono|deve|devono|potra|potranno|dovra|dovranno|occorre|bisogna)\b/,
};

/** The reader addressed: advice, not news. */
const SECOND_PERSON: Record<string, RegExp> = {
  en: /\b(?:you|your|yours)\b/,
  de: /\b(?:sie als|ihr unternehmen|ihre firma|ihrem unternehmen|ihrer firma|ihnen)\b/,
  fr: /\b(?:vous|votre|vos)\b/,
  it: /\b(?:tu|tuo|tua|voi|vostr[oaie]|la sua azienda)\b/,
};

/**
 * A trigger that modifies a company noun of a kind: after it a plural company noun (not after a definite singular), or
 * before it an indefinite determiner with a company noun ("une entreprise en", "an insolvent").
 */
const KIND: Record<string, { after?: RegExp; before?: RegExp; specificBefore?: RegExp; singularAfter?: RegExp; described?: RegExp }> = {
  en: {
    described: new RegExp(`\\b(?:a|an|any|every|no) (?:[\\w-]+ )?(?:${COMPANY_NOUN.en.slice(3, -1)}|store|shop|brand|chain|supplier|customer|client|landlord|tenant|contractor|charity) (?:(?:that|which)(?:'s| is| are| has| goes| has gone| enters)? )?(?:(?:in|into|under|entering|going into) )?$`),
    after: new RegExp(`^ (?:[\\w-]+ )?${COMPANY_PLURAL.en}\\b`),
    before: /\b(?:a|an|any|every|no) (?:[\w-]+ )?$/,
    singularAfter: new RegExp(`^ (?:[\\w-]+ )?${COMPANY_NOUN.en}\\b`),
    specificBefore: /\b(?:its|their|the|this|these|those|two|three|\d+) (?:[\w-]+ )?$/,
  },
  de: {
    described: new RegExp(`\\b(?:ein|eine|einer|eines|einem|einen|jede[mnrs]?) (?:[\\w-]+ )?(?:[\\w-]*${COMPANY_NOUN.de}(?:s|es)?|[\\w-]*(?:kunde|kunden|abnehmer|abnehmers|lieferant|lieferanten|geschaftspartner|geschaftspartners|vertragspartner|vertragspartners|mieter|mieters|vermieter|vermieters|schuldners)) (?:(?:in der|im|in einem|in einer|in) )?$`),
    after: new RegExp(`^ (?:[\\w-]+ )?${COMPANY_PLURAL.de}\\b`),
    specificBefore: /\b(?:das|dem|des|der|die|dieses|diesem|seine[mnrs]?|ihre[mnrs]?|\d+|zwei|drei) (?:[\w-]+ )?$/,
    before: /\b(?:ein|eine|einer|eines|einem|einen|jede[mnrs]?|kein[emnrs]?) $/,
    singularAfter: new RegExp(`^ (?:[\\w-]+ )?${COMPANY_NOUN.de}\\b`),
  },
  fr: {
    before: new RegExp(`\\b(?:une?|toute?|chaque|aucune?|d'une?|les|des|aux) ${COMPANY_NOUN.fr}s? (?:[\\w-]+ )?(?:en |de )?$|\\b(?:les|des|aux) ${COMPANY_PLURAL.fr} (?:[\\w-]+ )?(?:en |de )?$`),
  },
  it: {
    before: new RegExp(`\\b(?:un'|una |un |ogni |qualsiasi |le |delle |alle |dalle |di )(?:${COMPANY_NOUN.it}|${COMPANY_PLURAL.it}) (?:in )?$`),
  },
};

/**
 * The event noun opening its clause — an article, at most two words, or a fronted adverbial and a verb-second "wird/ist"
 * before it — and a present-tense verb of being, meaning, allowing or a present passive after it, within a few words.
 */
const TOPIC: Record<string, { before: RegExp; after: RegExp }> = {
  en: {
    before: /^\s*(?:[^,]{0,40},\s*)?(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$/,
    after: /^(?:[^,.;:]{0,40}?)\s(?:is|are|means|refers to|allows|involves|occurs|happens|applies|gives|lets|protects|provides|can|cannot|may|must|does not|is not|leads to|results in|triggers|terminates|ends|puts an end|brings|has the effect)\b/,
  },
  de: {
    before: /^\s*(?:(?:[\w-]+\s+){1,2}(?:wird|werden|ist|sind)\s+)?(?:der|die|das|ein|eine|im|in einem|in einer|bei der|bei dem|beim|bei einer|bei einem)\s+(?:[\w-]+\s+){0,1}(?:(?:des|der|eines|einer)\s+)?$/,
    after: /^(?:[^,.;:]{0,40}?)\s(?:ist|sind|bedeutet|bedeuten|bezeichnet|dient|ermoglicht|regelt|kann|konnen|muss|mussen|wird|werden|gilt|setzt|handelt es sich|gibt es|fuhrt (?:dazu|zu|zur|zum)|fuhren (?:dazu|zu|zur|zum)|bewirkt|bewirken|beendet|unterbricht|hat zur folge)\b|^\s(?:[^,.;:]{0,60}?)\b(?:eingeleitet|eroffnet|abgewendet|beantragt|durchgefuhrt|angeordnet)(?: werden)?\.?$/,
  },
  fr: {
    before: /^\s*(?:[^,]{0,40},\s*)?(?:le|la|l'|les|un|une)\s*(?:[\w-]+\s+){0,1}$/,
    after: /^(?:[^,.;:]{0,30}?)\s(?:est|sont|signifie|designe|consiste|permet|peut|doit|s'applique|intervient|vise|correspond|constitue|concerne|ne peut|entraine|conduit a|met fin|emporte|a pour (?:effet|consequence|objet)|implique|suspend|interrompt)\b/,
  },
  it: {
    before: /^\s*(?:[^,]{0,40},\s*)?(?:il|lo|la|l'|i|gli|le|un|una|un')\s*(?:[\w-]+\s+){0,1}$/,
    after: /^(?:[^,.;:]{0,30}?)\s(?:e|sono|significa|consiste|permette|consente|puo|deve|viene|si applica|prevede|comporta|costituisce|non comporta|determina|implica|porta a|produce|sospende|interrompe|ha (?:come )?effetto)\b/,
  },
};

function causedKind(folded: string, trigger: { start: number; end: number }, lang: string, names: ReadonlyArray<{ start: number; end: number }>): string | undefined {
  const from = Math.max(0, trigger.start - 90);
  const m = pick(CAUSED_KIND, lang).exec(folded.slice(from, trigger.start));
  if (!m) return undefined;
  const at = from + m.index;
  return names.some((n) => n.start >= at && n.start < trigger.start) ? undefined : m[0].trim();
}

/** "many" or "most" (with "of them", an auxiliary) right before the trigger, no noun between: counted companies. */
const QUANTIFIER_SUBJECT: Record<string, RegExp> = {
  en: /(?:^|[,;:] |\b(?:with|and|while|but) )(?:many|most|several|dozens|hundreds|thousands)(?: (?:more|others|of them|of these|of those))? (?:(?:have|had|are|were|now|already|since|then) ){0,2}$/,
  de: /(?:^|[,;:] |\b(?:und|aber|wobei) )(?:viele|einige|zahlreiche|etliche|die meisten)(?: (?:davon|von ihnen|weitere))? (?:(?:haben|hatten|sind|waren|mussten|bereits|schon) ){0,2}$/,
  fr: /(?:^|[,;:] |\b(?:et|mais|dont) )(?:beaucoup|plusieurs|la plupart|nombre|certaines|certains)(?: d'entre elles| d'entre eux)? (?:(?:ont|sont|avaient|etaient|deja) ){0,2}$/,
  it: /(?:^|[,;:] |\b(?:e|ma|di cui) )(?:molte|molti|tante|tanti|diverse|diversi|parecchie|la maggior parte)(?: di (?:esse|loro))? (?:(?:hanno|sono|erano|avevano|gia) ){0,2}$/,
};

/** A cause making a kind of companies (a bare plural) do what the trigger says: "has forced companies … to seek out". */
const CAUSED_KIND: Record<string, RegExp> = {
  en: new RegExp(`\\b(?:forced|forces|forcing|force|pushed|pushes|pushing|push|drove|driven|drives|driving|led|leads|leading) (?:many |some |several |numerous |(?:[\\w-]+ )?)?${COMPANY_PLURAL.en}\\b[^.;:]{0,60}? (?:to|into) (?:[\\w-]+ ){0,4}$`),
  de: new RegExp(`\\b(?:zwang|zwingt|gezwungen|trieb|treibt|getrieben) (?:viele |zahlreiche |etliche )?(?:[\\w-]+ )?${COMPANY_PLURAL.de}\\b[^.;:]{0,60}?$`),
  fr: new RegExp(`\\b(?:contraint|contraint|pousse|poussent|force|forcent|conduit|conduisent|a conduit|a pousse|a contraint|a force) (?:de nombreuses |des |les |plusieurs )(?:[\\w-]+ )?${COMPANY_PLURAL.fr}\\b[^.;:]{0,60}? (?:a|en|au|vers) (?:la |l')?$`),
  it: new RegExp(`\\b(?:costretto|costringe|spinto|spinge|portato|porta) (?:molte |diverse |numerose |le )?(?:[\\w-]+ )?${COMPANY_PLURAL.it}\\b[^.;:]{0,60}? (?:a|al|alla|verso il|verso la) (?:[\\w-]+ )?$`),
};

/** The procedure as the subject of a present-tense verb of consequence right before the trigger (and its article). */
const PROCEDURE_CONSEQUENCE: Record<string, RegExp> = {
  en: /\b(?:this|the|such a|a) (?:[\w-]+ )?(?:procedure|process|proceeding|order) (?:usually |typically |generally |then |also )?(?:leads to|results in|entails|involves|means|ends with|ends in|brings about) (?:the |a |an )?(?:[\w-]+ )?$/,
  de: /\b(?:dieses|das|ein|dieses) (?:[\w-]+ )?verfahren (?:(?:in der regel|meist|dann|auch|schliesslich) )?(?:fuhrt (?:zur|zum|zu einer|zu)|bewirkt|bedeutet|hat (?:die|eine) (?:[\w-]+ )?zur folge|endet (?:mit der|mit einer|in der|mit)) (?:die |der |das |eine |einer )?(?:[\w-]+ )?$/,
  fr: /\b(?:cette|la|une|ce) (?:[\w-]+ )?(?:procedure|mesure|jugement|decision) (?:(?:generalement|alors|aussi|egalement|donc) )?(?:entraine|conduit a|aboutit a|emporte|implique|provoque|signifie) (?:la |le |l'|une |un )?(?:[\w-]+ )?$/,
  it: /\b(?:questa|la|una|tale|il|questo) (?:[\w-]+ )?(?:procedura|provvedimento|sentenza) (?:(?:generalmente|quindi|anche|poi) )?(?:comporta|porta al|porta alla|determina|implica|conduce al|conduce alla|provoca) (?:la |il |l'|lo |una |un )?(?:[\w-]+ )?$/,
};

// German patterns are folded like German text (ä → a, ue → u).
for (const table of [PAST, TEMPORAL_OPENER, INDEFINITE_COMPANY, DEONTIC, SECOND_PERSON, CONTRAST, EXISTENTIAL, WORD_MENTION, PREDICATE_NOUN, WHOEVER, RENAMED_TO, FRONTED_TEMPORAL, QUANTIFIER_SUBJECT, CAUSED_KIND, PROCEDURE_CONSEQUENCE]) {
  const de = table.de;
  if (de) table.de = new RegExp(foldText(de.source, 'de'), de.flags);
}
