import { foldText } from '../text/fold.js';
import { anchorsOf, buildPatternFilter, mayMatch, type PatternFilter } from './anchors.js';

/**
 * Sentence-level cues that tell talk about events in general — law, procedure, advice, statistics —
 * from news about one company. None decides alone: they are features of the trained event model
 * (event-features.ts), which weighs them against the specific cues (a name, a date, a past tense).
 * Patterns run on folded text (analysis/text/fold.ts); German ones are folded like German text.
 */
export type GenericCue =
  | 'indefinite_company'
  | 'generic_party'
  | 'plural_companies'
  | 'modal'
  | 'second_person'
  | 'law_reference'
  | 'law_word'
  | 'definition'
  | 'general_condition'
  | 'frequency'
  | 'percent'
  | 'specific_time'
  | 'past_tense'
  | 'reported'
  | 'future_plan';

type CueTable = Record<GenericCue, Partial<Record<string, RegExp>>>;

const COMPANY_WORDS = {
  en: '(?:company|companies|business|businesses|firm|firms|debtor|debtors|creditor|creditors|director|directors|employer|employers|enterprise|entity|entities|partnership|sole trader|limited company)',
  de: '(?:unternehmen|firma|firmen|gesellschaft|gesellschaften|schuldner|schuldnerin|glaubiger|glaubigerin|betrieb|betriebe|arbeitgeber|kmu|unternehmer|gmbh|aktiengesellschaft)',
  fr: '(?:entreprises?|societes?|debiteurs?|debitrices?|creanciers?|dirigeants?|employeurs?|commercants?|pme|entrepreneurs?)',
  it: "(?:impres[ae]|aziend[ae]|societa|debitor[ei]|creditor[ei]|imprenditor[ei]|datore di lavoro|datori di lavoro)",
};

export const GENERIC_CUES: CueTable = {
  indefinite_company: {
    en: new RegExp(`\\b(?:a|an|any|every|each|no|another|such a|the relevant) (?:\\w+ )?${COMPANY_WORDS.en}\\b`),
    de: new RegExp(`\\b(?:ein|eine|einer|eines|einem|einen|jede|jeder|jedes|jedem|jeden|kein|keine|solche[rsmn]?) (?:\\w+ )?${COMPANY_WORDS.de}\\b`),
    fr: new RegExp(`\\b(?:une?|toute?|chaque|aucune?|d'une?|l'une?) (?:\\w+ )?${COMPANY_WORDS.fr}\\b`),
    it: new RegExp(`\\b(?:un|una|un'|ogni|qualsiasi|qualunque|nessun[ao]?|di un|di una) ?(?:\\w+ )?${COMPANY_WORDS.it}\\b`),
  },
  generic_party: {
    en: /\bthe (?:debtor|creditor|creditors|petitioner|respondent|insolvent company|company's directors|directors|applicant|claimant|employer|court)\b/,
    de: /\b(?:der|die|des|dem|den) (?:schuldner|schuldnerin|glaubiger|glaubigerin|glaubigern|antragsteller|betreibungsamt|konkursamt|insolvenzgericht|arbeitgeber)\b/,
    fr: /\b(?:le|la|du|au|les|des) (?:debiteur|debitrice|creancier|creanciers|tribunal|juge|mandataire|employeur|dirigeant)\b/,
    it: /\b(?:il|la|del|dei|al|i) (?:debitore|creditore|creditori|tribunale|giudice|curatore|datore)\b/,
  },
  plural_companies: {
    en: /\b(?:companies|businesses|firms|retailers|employers|debtors|creditors)\b/,
    de: /\b(?:unternehmen (?:sind|haben|konnen|mussen|die)|firmen|betriebe|gesellschaften|schuldner (?:sind|haben|konnen|mussen))\b/,
    fr: /\b(?:les |des |aux )(?:\w+ )?(?:entreprises|societes|debiteurs|creanciers|employeurs|pme)\b/,
    it: /\b(?:le |delle |alle |dalle )(?:\w+ )?(?:imprese|aziende|societa)\b|\b(?:i |dei |ai )(?:debitori|creditori)\b/,
  },
  modal: {
    en: /\b(?:can|cannot|can't|may|must|should|shall|need to|needs to|have to|has to|is able to|are able to)\b/,
    de: /\b(?:kann|konnen|muss|mussen|darf|durfen|soll|sollen|sollte|sollten|ist zu|sind zu)\b/,
    fr: /\b(?:peut|peuvent|doit|doivent|pourra|pourront|devra|devront|il faut|est tenue?)\b/,
    it: /\b(?:puo|possono|deve|devono|potra|dovra|occorre|bisogna|e tenut[oa])\b/,
  },
  second_person: {
    en: /\b(?:you|your|yours|yourself)\b/,
    de: /\b(?:ihnen|ihr unternehmen|ihre firma|ihrem|ihrer firma|sie als)\b/,
    fr: /\b(?:vous|votre|vos)\b/,
    it: /\b(?:tu|tuo|tua|voi|vostr[oa]|la sua azienda|lei deve)\b/,
  },
  law_reference: {
    en: /§|\bart\. ?\d|\barticle \d|\bsection \d|\bs\. ?\d|\b(?:insolvency|companies|enterprise|bankruptcy) act\b|\binsolvency rules\b|\bbankruptcy code\b|\b11 u\.?s\.?c\b|\bu\.s\.c\./,
    de: /§|\bart\. ?\d|\bartikel \d|\babs\. ?\d|\binso\b|\bschkg\b|\bhgb\b|\bgmbhg\b|\baktg\b|\bstarug\b|\bsgb\b|\b(?:des|im|nach) or\b|\bzpo\b|\bbgb\b/,
    fr: /§|\bart\. ?\d|\barticles? [l\d]|\bal\. ?\d|\balinea\b|\blp\b|\bcode de commerce\b|\bcode civil\b|\bco\b/,
    it: /§|\bart\. ?\d|\bartt\. ?\d|\barticolo \d|\bcomma \d|\bl\. ?f\.|\blegge fallimentare\b|\bcodice (?:civile|della crisi)|\bc\.c\.|\bd\. ?lgs|\bdecreto legislativo\b/,
  },
  law_word: {
    en: /\b(?:law|laws|legislation|statutory|statute|legal framework|regulations?|procedure|procedures|process|regime|court rules)\b/,
    de: /\b(?:gesetz|gesetze|gesetzes|gesetzlich|gesetzliche[nrms]?|verordnung|recht|rechts|rechtlich|verfahren|verfahrens|vorschrift|vorschriften|rechtsprechung)\b|(?:insolvenz|konkurs|betreibungs|sanierungs)rechts?\b/,
    fr: /\b(?:loi|lois|legal|legale|legislation|reglementation|procedure|procedures|regime|dispositif|jurisprudence)\b/,
    it: /\b(?:legge|leggi|normativa|disciplina|procedura|procedure|istituto|regime|giurisprudenza|ordinamento)\b/,
  },
  definition: {
    en: /\b(?:is|are) (?:a|an|the) (?:\w+ ){0,2}(?:process|procedure|legal|formal|type|form|way|term|mechanism|tool|order|route|option|document)\b|\bmeans\b|\brefers to\b|\bis defined\b|\bis when\b|\bwhat is\b|\bwhich allows\b|\ballows (?:a|the) (?:company|business|debtor|creditor)/,
    de: /\b(?:ist|sind) (?:ein|eine|das|der|die) (?:\w+ ){0,2}(?:verfahren|prozess|instrument|mittel|begriff|form|moglichkeit|weg)\b|\bbedeutet\b|\bbezeichnet\b|\bversteht man\b|\bhandelt es sich\b|\bdient\b|\bermoglicht\b|\bregelt\b/,
    fr: /\b(?:est|sont) (?:une?|la|le) (?:\w+ ){0,2}(?:procedure|mesure|outil|moyen|forme|terme|dispositif|etape|solution)\b|\bsignifie\b|\bdesigne\b|\bconsiste\b|\bpermet\b|\bvise a\b|\bs'applique\b/,
    it: /\b(?:e|sono) (?:un|una|la|il|lo|l') ?(?:\w+ ){0,2}(?:procedura|strumento|istituto|mezzo|forma|termine|misura)\b|\bsignifica\b|\bconsiste\b|\bpermette\b|\bconsente\b|\bsi applica\b|\bdisciplina\b/,
  },
  general_condition: {
    en: /\b(?:if|when|whenever|unless|once|where a|in the event|in case)\b/,
    de: /\b(?:wenn|falls|sofern|sobald|soweit|wird .{0,40} wenn)\b/,
    fr: /\b(?:si|lorsque|lorsqu'|quand|des lors que|en cas de|a condition)\b/,
    it: /\b(?:se|quando|qualora|nel caso|in caso di|laddove|ove)\b/,
  },
  frequency: {
    en: /\b(?:often|usually|typically|generally|normally|commonly|frequently|always|sometimes|in most cases|in general|most|many|few)\b/,
    de: /\b(?:oft|haufig|meist|meistens|in der regel|grundsatzlich|normalerweise|ublicherweise|immer|manchmal|viele|wenige|allgemein)\b/,
    fr: /\b(?:souvent|generalement|habituellement|toujours|parfois|en general|en principe|la plupart|nombreuses?|frequemment)\b/,
    it: /\b(?:spesso|solitamente|generalmente|normalmente|sempre|talvolta|in genere|in generale|di solito|molte|molti)\b/,
  },
  percent: {
    en: /\d ?%|\bper ?cent\b|\b\d[\d,.]* (?:companies|firms|businesses|insolvencies|cases|petitions)\b/,
    de: /\d ?%|\bprozent\b|\b\d[\d'.]* (?:unternehmen|firmen|fallen|falle|insolvenzen|konkurse)\b/,
    fr: /\d ?%|\bpour ?cent\b|\b\d[\d' .]* (?:entreprises|societes|defaillances|faillites|procedures)\b/,
    it: /\d ?%|\bper ?cento\b|\b\d[\d'.]* (?:imprese|aziende|fallimenti|procedure)\b/,
  },
  specific_time: {
    en: /\b(?:yesterday|today|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (?:week|month)|this (?:week|morning|month)|(?:january|february|march|april|may|june|july|august|september|october|november|december) (?:\d|20\d\d)|\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)|earlier this)\b/,
    de: /\b(?:gestern|heute|vorgestern|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|diese woche|letzte woche|vergangene woche|\d{1,2}\. (?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember)|(?:ende|anfang|mitte) (?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember))\b/,
    fr: /\b(?:hier|aujourd'hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|cette semaine|\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)|(?:fin|debut|mi-)(?: |-)?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre))\b/,
    it: /\b(?:ieri|oggi|(?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica) scors[oa]|questa settimana|\d{1,2} (?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))\b/,
  },
  past_tense: {
    en: /\b(?:has|have|had) (?:\w+ )?(?:been|filed|entered|gone|appointed|announced|collapsed|fallen|called|confirmed|secured|agreed)\b|\b(?:was|were) (?:\w+ )?(?:placed|put|wound|declared|appointed|forced|sold|acquired|bought|struck)\b|\b(?:filed|entered|collapsed|announced|appointed|went|fell|confirmed|said|declared)\b/,
    de: /\b(?:hat|haben|hatte|hatten) (?:\w+ ){0,4}(?:gestellt|angemeldet|beantragt|eroffnet|angekundigt|bekanntgegeben|mitgeteilt|entschieden|ubernommen|gekauft|verkauft|gestrichen|abgebaut)\b|\b(?:wurde|wurden|ist|sind) (?:\w+ ){0,4}(?:eroffnet|beantragt|angeordnet|aufgelost|geloscht|verkauft|ubernommen|eingestellt|gestellt|bestellt|ernannt)\b|\b(?:meldete|stellte|beantragte|teilte|kundigte|gab)\b/,
    fr: /\b(?:a|ont|avait|avaient) (?:\w+ )?(?:ete|depose|annonce|prononce|place|demande|decide|obtenu|cede|rachete|supprime|licencie|confirme)\b|\b(?:a|ont) ete (?:\w+ )?(?:placee?s?|misee?s?|prononcee?s?|declaree?s?|rachetee?s?)\b/,
    it: /\b(?:ha|hanno|aveva|avevano) (?:\w+ )?(?:presentato|dichiarato|annunciato|depositato|chiesto|deciso|ceduto|acquisito|tagliato|licenziato|confermato)\b|\b(?:e stat[oa]|sono stat[ie]) (?:\w+ )?(?:dichiarat|ammess|mess|pronunciat|acquisit|cedut)/,
  },
  reported: {
    en: /\b(?:said|says|according to|announced|confirmed|told|reported|reports)\b/,
    de: /\b(?:sagte|sagt|teilte mit|teilt mit|mitteilte|laut|gemass|bestatigte|berichtet|berichtete|heisst es|hiess es|gab bekannt)\b/,
    fr: /\b(?:a (?:indique|annonce|declare|precise|confirme)|selon|d'apres|rapporte|annonce)\b/,
    it: /\b(?:ha (?:detto|dichiarato|annunciato|comunicato|confermato)|secondo|riferisce|annuncia|comunica)\b/,
  },
  future_plan: {
    en: /\b(?:will|plans? to|planning to|intends? to|is set to|are set to|is to|expects? to)\b/,
    de: /\b(?:wird|werden|will|wollen|plant|planen|beabsichtigt|soll)\b/,
    fr: /\b(?:va|vont|prevoit|envisage|compte|devrait|sera|seront)\b/,
    it: /\b(?:sara|saranno|intende|prevede|pianifica|dovrebbe|vuole)\b/,
  },
};

// German cues are folded like German text (ä → a, ue → u).
for (const table of Object.values(GENERIC_CUES)) {
  const de = table.de;
  if (de) table.de = new RegExp(foldText(de.source, 'de'), de.flags);
}

const COMPILED = new Map<string, { cues: Array<[GenericCue, RegExp]>; filter: PatternFilter }>();
function compiledCues(lang: string): { cues: Array<[GenericCue, RegExp]>; filter: PatternFilter } {
  let c = COMPILED.get(lang);
  if (c) return c;
  const cues: Array<[GenericCue, RegExp]> = [];
  for (const [cue, table] of Object.entries(GENERIC_CUES) as Array<[GenericCue, Partial<Record<string, RegExp>>]>) {
    const re = table[lang] ?? table.en;
    if (re) cues.push([cue, re]);
  }
  COMPILED.set(lang, (c = { cues, filter: buildPatternFilter(cues.map(([, re]) => re.source)) }));
  return c;
}

/** Every cue pattern's source with its anchors ([] for none): what the build writes into the CLI. */
export function cueAnchorTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const byLang of Object.values(GENERIC_CUES)) for (const re of Object.values(byLang)) if (re) table[re.source] = anchorsOf(re.source) ?? [];
  return table;
}

/**
 * The generic and specific cues that occur in a folded sentence. A pattern runs only when one of its literal anchors
 * occurs (one scan for all of them): a sentence of 2,000 characters is not searched fifteen times.
 */
export function genericCuesOf(folded: string, lang: string): GenericCue[] {
  const { cues, filter } = compiledCues(lang);
  const run = mayMatch(filter, folded);
  const out: GenericCue[] = [];
  for (let k = 0; k < cues.length; k++) if (run[k] && cues[k]![1].test(folded)) out.push(cues[k]![0]);
  return out;
}

/**
 * Which of `cues` — cues the whole sentence has — also occur in a part of it (a trigger's clause): only those are tested,
 * each with its one pattern, so a candidate costs no scan of its own.
 */
export function genericCuesIn(part: string, lang: string, cues: readonly GenericCue[]): GenericCue[] {
  const out: GenericCue[] = [];
  for (const cue of cues) {
    const re = GENERIC_CUES[cue][lang] ?? GENERIC_CUES[cue].en;
    if (re && re.test(part)) out.push(cue);
  }
  return out;
}
