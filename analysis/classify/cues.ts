import { foldText } from '../text/fold.js';
/**
 * Context cues that change what a trigger means. All patterns run on folded text (analysis/text/fold.ts).
 * - negation right before the trigger: "keine Insolvenz", "n'est pas en faillite", "not bankrupt"
 * - denial anywhere in the sentence: "weist Insolvenzgerüchte zurück", "dementiert", "denies"
 * - averted or historic: "avoided insolvency in 2009", "Konkurs abgewendet", "emerged from bankruptcy"
 * - hedge or hypothesis: "droht die Pleite", "could file for bankruptcy", "rischia il fallimento"
 */
export const NEGATION_BEFORE: Record<string, RegExp> = {
  de: /\b(?:kein|keine|keinen|keiner|keinem|keines|nicht|nie|niemals|ohne|weder|kaum)\b[^,;:]{0,30}$/,
  en: /\b(?:no(?! (?:choice|alternative|option) but)|not|never|without|nor|neither|hardly|fail(?:ed|s)? to|unable to)\b[^,;:]{0,30}$|n't\b[^,;:]{0,30}$/,
  fr: /\b(?:pas|aucun|aucune|jamais|sans|ni|non|plus de)\b[^,;:]{0,30}$/,
  it: /\b(?:non|nessun|nessuna|nessuno|senza|mai|ne)\b[^,;:]{0,30}$/,
};

export const DENIAL: Record<string, RegExp> = {
  de: /dementier|weis(?:t|en|s) [^.]{0,80}zuruck|zuruckgewiesen|bestreit|widersprich|falschmeldung|entwarnung|haltlos|unbegrundet|nichts dran/,
  en: /\bden(?:y|ies|ied|ying)\b|\brejec(?:t|ts|ted)\b[^.]{0,40}\b(?:reports?|rumou?rs?|claims?|speculation)|\bdismiss(?:es|ed)?\b[^.]{0,40}\b(?:reports?|rumou?rs?|speculation)|\brefut|\bunfounded\b|\bbaseless\b|\bfalse reports?\b/,
  fr: /\bdement(?:i|ent|ait)?\b|\bdementi|\bcontest(?:e|ent)\b|\brejett?e(?:nt)? [^.]{0,40}(?:rumeurs?|informations?)|\binfonde|\bfausses? (?:rumeurs?|informations?)/,
  it: /\bsmenti(?:sce|scono|to|ta|sca)|\bsmentit|\bnega(?:no)?\b|\brespinge [^.]{0,40}(?:voci|indiscrezioni)|\binfondat/,
};

/** Averted or undone, written before the trigger it governs: "avoided insolvency", "a évité la faillite". */
export const AVERTED_BEFORE: Record<string, RegExp> = {
  de: /\b(?:abgewendet|abwenden|vermieden|vermeiden|entgangen|entging|entgeht|gerettet vor|erholt(?:e|en)? sich (?:von|nach)|verhindert|verhindern|abgewehrt|aufgehoben|widerruf(?:en)?|ohne)\b/,
  en: /\b(?:avoid(?:ed|s|ing)?|avert(?:ed|s|ing)?|escap(?:ed|es|ing)|stave[ds]? off|staving off|emerg(?:ed|es|ing) from|surviv(?:ed|es)|prevent(?:ed|s|ing)?|rescued from(?! administration)|saved from(?! administration)|exit(?:ed|s)? from|bounc(?:e|ed|es|ing) back from|recover(?:ed|s|ing)? from|rebound(?:ed|s|ing)? from|c(?:a|o)me out of|coming out of|lift(?:ed|s)? (?:the|its)|revok(?:ed|es)|withdr(?:ew|awn|aws)|dismiss(?:ed|es)|restrain(?:ed|s|ing)?)\b/,
  fr: /\b(?:evit(?:e|er|ee|ant|ent)|echapp(?:e|er|ee|ent)|sauv(?:e|ee|er)(?: de)?|sorti(?:e)? de|rebondi(?:r|t)? apres|se (?:relever|remettre|redresser) (?:de|d'|apres)|sortie de|empech(?:e|er|ee)|revoqu(?:e|ee)|revocation|levee? de)\b/,
  it: /\b(?:evitat[oa]|evitare|evita|scongiurat[oa]|scongiurare|salvat[oa] da|uscit[oa] da|uscire da|ripres[oa] da|riemers[oa] da|scampat[oa]|revoca(?:to|ta)?)\b/,
};

/** Averted or undone, written after the trigger: "Konkurs abgewendet", "la faillite a été évitée", "bankruptcy was averted". */
export const AVERTED_AFTER: Record<string, RegExp> = {
  de: /\b(?:abgewendet|abgewandt|vermieden|verhindert|abgewehrt|aufgehoben|widerrufen|zuruckgezogen|uberstanden|abgeschlossen|beendet|abgelehnt|abgewiesen)\b/,
  en: /\b(?:averted|avoided|withdrawn|dismissed|lifted|revoked|rescinded|discharged|was over|ended|rejected|refused|thrown out)\b/,
  fr: /\b(?:evitee?s?|ecartee?s?|revoquee?s?|levee?s?|retiree?s?|close?s?|rejetee?s?|refusee?s?)\b/,
  it: /\b(?:evitat[oaie]|scongiurat[oaie]|revocat[oaie]|ritirat[oaie]|respint[oaie]|bocciat[oaie])\b/,
};

export const HISTORIC: Record<string, RegExp> = {
  de: /\bdamals\b|\bvor (?:\w+ )?(?:jahren|jahrzehnten)\b|\bfruher(?:en)?\b|\behemalig|\bdamalig|\bseinerzeit\b|\bnach (?:der|dem) (?:(?:letzten|ersten|zweiten|dritten|vorigen|damaligen|fruheren) )?(?:insolvenz|pleite|konkurs)/,
  en: /\byears ago\b|\bdecades ago\b|(?<!\()\bformerly\b(?! known as)|\bhistor(?:y|ic|ical)\b|\bin the past\b|\bback in\b|\bsince (?:its|the) (?:bankruptcy|insolvency)/,
  fr: /\bil y a (?:\w+ )?ans\b|\bautrefois\b|\bancien(?:ne)?\b|\ba l'epoque\b|\bjadis\b|\bdepuis (?:sa|la) faillite/,
  it: /\banni fa\b|\ball'epoca\b|\bin passato\b|\bgia nel\b|\bun tempo\b/,
};

/** "Ten years after its collapse into administration": the trigger is what the years are counted from. Read right before it. */
export const YEARS_AFTER: Record<string, RegExp> = {
  de: /\b(?:jahre|jahrzehnte) nach (?:(?:der|dem|seiner|ihrer) )?(?:[\w-]+ ){0,2}$/,
  en: /\b(?:years|decades) (?:after|since) (?:(?:its|the|their|his|her) )?(?:[\w-]+ ){0,2}$/,
  fr: /\bans (?:apres|depuis) (?:(?:sa|son|la|le|leur) )?(?:[\w-]+ ){0,2}$/,
  it: /\banni dopo (?:(?:il|la|lo|l'|il suo|la sua) ?)?(?:[\w-]+ ){0,2}$/,
};

/** Verbal hedges and reports of a threat, read in the trigger's clause. */
/**
 * German "sich abzeichnen" (to loom): "Ein Konkurs der Dachgesellschaft hatte sich abgezeichnet", "Es zeichnet sich eine
 * Insolvenz ab" — the procedure is a threat, not a fact. Read in the trigger's comma clause only: the clause after the
 * comma ("…, nachdem die Aktionäre den Sanierungsplänen zugestimmt hatten") tells a fact of its own.
 */
export const LOOMING_DE = /\bzeichne(?:t|te|ten) sich (?:[\w-]+ ){0,6}ab\b|\bsich (?:[\w-]+ ){0,3}abgezeichnet\b|\babzuzeichnen\b/;

export const HEDGE_VERBAL: Record<string, RegExp> = {
  de: /\bdroh(?:t|en|te|ten)\b|\bbefurcht|\bgefahr\b|\bfalls\b|\brisiko\b|\bspekul|\bgerucht|\bangeblich|\bsoll(?:en)? (?:\w+ ){0,6}(?:haben|sein|stehen)\b|\bpruf(?:t|en)\b|\berwag|\bwarnt vor\b|\bsteh(?:t|en) (?:\w+ )?vor (?:der|dem|einer|einem)\b|\bam rande\b|\bkurz vor\b|\bvor dem aus\b|\bplan(?:t|en) (?:\w+ ){0,3}(?:zu|einzu)|\bbeantragen (?:will|wollen)\b|\bwill (?:\w+ ){0,4}beantragen\b|\bmuss(?:te)? (?:\w+ ){0,3}(?:furchten|bangen)\b|\bsteh(?:e|t|en) (?:\w+ ){0,2}vor (?:der|dem|einer|einem)\b|\b(?:moglicherweise|womoglich|eventuell|vermutlich|offenbar|anscheinend)\b|\bentscheid(?:et|en) (?:\w+ ){0,6}(?:ob|uber)\b/,
  en: /\b(?:could|might|may|would)(?: (?:soon|still|also|well|yet|eventually|even|ultimately|potentially|possibly|have to|need to|not|then))? (?:be|have|file|go|enter|face|need|seek|collapse|fail|default|run|become|lose|cut|slash|shed|breach|miss|trigger|force|push|tip|end|head|fall|declare|apply|put|lead|call|appoint|start|bring|wind|sell|close)\b|\brisk(?:s|ing)? (?:of|going|falling|collapse)\b|\bat risk of\b|\bthreat(?:en|ens|ened|ening)? (?:to|with|of)\b|\bfears? (?:of|that|for)\b|\bfeared\b|\bwarn(?:s|ed|ing)? (?:of|that)\b|\bconsider(?:s|ing)? (?:filing|a|an|bankruptcy|insolvency|administration|options)\b|\bmulling\b|\bexplor(?:es|ing) (?:options|a)\b|\bbrink of\b|\bverge of\b|\bdanger of\b|\bon the edge of\b|\brumou?r|\bspeculat|\breportedly\b|\bprepar(?:es|ing) (?:to|for)\b|\bcontingency\b|\bheading for\b|\bteeter|\bplan(?:s|ned|ning)? to (?:file|enter|appoint|seek|put|go into|call in)\b|\bintend(?:s|ed)? to (?:file|appoint|enter|go into|call in)\b|\bnotice of intention\b|\bnotices? (?:of (?:intention|intent) )?to appoint\b|\bintention to (?:appoint|call in|file|enter|go into)\b|\blining up\b|\bbeing considered\b|\blooming\b|\bpossibility of\b|\bspectre of\b|\bfac(?:e|es|ing) (?:\w+ ){0,2}(?:liquidation|administration|insolvency|bankruptcy|collapse)\b|\breports? suggests?\b|\bapparently\b|\ballegedly\b|\bto (?:decide|rule) (?:whether|on)\b|\bdecision on whether\b/,
  fr: /\bpourrai(?:t|ent)\b|\brisqu(?:e|ent) (?:de|la|le|d')|\brisque de\b|\bmenac(?:e|ee|ent|ees)\b|\beventuel(?:le)?\b|\bcrain(?:t|dre|te|tes)\b|\brumeurs?\b|\bspecul|\bau bord de\b|\bserai(?:t|ent)\b|\benvisag|\bau seuil de\b|\bproche de la\b|\bfrole\b|\bs'achemine vers\b|\bpourrait\b|\bdevrai(?:t|ent)\b|\bse dirige vers\b|\bapparemment\b|\bsemble-t-il\b|\bstatuer sur\b|\bse prononcer sur\b/,
  it: /\bpotrebbe(?:ro)?\b|\brischi(?:a|o|ano) (?:di|il|la|l')|\brischio (?:di|del|della)\b|\bminacci(?:a|ata|ano)\b|\beventuale\b|\btem(?:e|ono)\b|\btimori?\b|\bvoci\b|\bspecula|\bsull'orlo\b|\bsarebbe(?:ro)?\b|\bvalut(?:a|ano)\b|\bverso il\b|\bin bilico\b|\bsull'orlo del\b|\bpericolo di\b|\ba quanto pare\b|\bpronunciarsi su\b|\bdecidere (?:se|sul|sulla)\b/,
};

/** Adjective hedges: only when they modify the trigger itself ("mögliche Insolvenz", not "a potential buyer"). */
export const HEDGE_ADJECTIVE: Record<string, RegExp> = {
  de: /\b(?:mogliche[nrsm]?|drohende[nrsm]?|befurchtete[nrsm]?|angebliche[nrsm]?|bevorstehende[nrsm]?|eventuelle[nrsm]?|potenzielle[nrsm]?|geplante[nrsm]?) $/,
  en: /\b(?:possible|potential|looming|threatened|imminent|impending|likely|feared|alleged|rumou?red|proposed|planned|prospective) (?:\w+ )?$/,
  fr: /\b(?:eventuel(?:le)?|possible|potentiel(?:le)?|imminente?|menacant(?:e)?|probable|presumee?) (?:\w+ )?$/,
  // A risk noun right before the event noun, with no preposition in a headline ("Rischio fallimento per la Brasilia").
  it: /\b(?:possibile|potenziale|eventuale|imminente|probabile|presunt[oa]) (?:\w+ )?$|\b(?:rischio|pericolo|spettro) $/,
};

/**
 * A German sentence that opens with its finite verb is a condition ("Erklärt ein Finanzamt seinen Antrag für erledigt, …
 * rechtfertigt …") or a question, not a statement of fact: read on the whole folded sentence.
 */
export const VERB_FIRST_DE =
  // Or any verb in -t opening a clause before an article whose main clause follows without a comma ("Scheitert der
  // Sanierungsplan wird das Verfahren als Konkurs weitergeführt"): a condition without "wenn".
  /^[\s"'„“«»(]*[a-z]{3,}(?<!itt|heit|keit|schaft|tat|ist|ost|ust|nft|cht|kunft)t (?:der|die|das|ein|eine|den|dem) [^,.;:]{0,60}?\b(?:wird|werden|ist|sind|kann|konnen|muss|mussen|gilt|droht|bleibt)\b|^[\s"'„“«»(]*(?:erklart|erklaren|stellt|stellen|beantragt|beantragen|gerat|geraten|zahlt|zahlen|begleicht|begleichen|meldet|melden|liegt|liegen|kommt|kommen|fallt|fallen|bleibt|bleiben|kann|konnen|muss|mussen|darf|durfen|soll|sollen|sollte|sollten|hat|haben|ist|sind|wird|werden|gibt|geht|droht|drohen|verliert|tritt|erfullt|nimmt|lehnt|weist)\b/;

/** Conditions before the trigger: "if the company fails", "falls es zur Insolvenz kommt", "si la société fait faillite". */
export const CONDITIONAL: Record<string, RegExp> = {
  de: /\b(?:falls|sofern|wenn|ob|im falle|fur den fall)\b/,
  en: /\b(?:if|unless|whether|in case|in the event|should the)\b/,
  fr: /\b(?:si|au cas ou|en cas de|dans le cas ou)\b/,
  it: /\b(?:se|qualora|nel caso|in caso di)\b/,
};

/**
 * A condition that opens the sentence scopes over its main clause, however long the condition: "Im Falle der
 * Überschuldung einer Gesellschaft (AG, GmbH, …) wird der Konkurs … eröffnet", "Should the talks fail, the group will
 * file", "Dans l'hypothèse d'une cession …, le licenciement …". Read on the folded sentence from its start.
 */
export const FRONTED_CONDITION: Record<string, RegExp> = {
  de: /^[\s"'„“«»(]*(?:falls|sofern|wenn|im falle|fur den fall|sollte|sollten)\b/,
  en: /^[\s"'“(]*(?:if|unless|should|in case of|in the event of|in the event that)\b/,
  fr: /^[\s"'«(]*(?:si|s'il|s'ils|en cas d|au cas ou|dans le cas ou|dans l'hypothese)\b/,
  it: /^[\s"'«(]*(?:se|qualora|in caso d|nel caso (?:in cui|di)|nell'ipotesi|ove)\b/,
};

/**
 * Talk about events in general, not one company's: procedure ("ein Konkurs wird eröffnet, wenn",
 * "a winding-up order is made when"), statistics ("N winding-up petitions were issued", "le nombre
 * de faillites"), advice ("how to avoid insolvency") and sayings.
 */
/** Counts and statistics over many companies: "N winding-up petitions were issued", "le nombre de faillites", "viele Baufirmen". */
export const STATISTIC: Record<string, RegExp> = {
  de: /\d ?(?:%|prozent) (?:aller|der)\b|\b(?:anzahl|zahl) (?:der|von)\b|(?<!\b(?:alle|die|der|den|ihre|seine|deren|dessen|diese|und|sowie) )\b(?:zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwanzig|dutzende|hunderte|tausende) (?:(?!weitere |andere |eigene )[\w-]+e )?(?:firmen|unternehmen|betriebe|gesellschaften)\b|\b\d[\d'.]* (?:firmen|unternehmen|betriebe|gesellschaften|konkurse|insolvenzen|pleiten|betreibungen|handler|einzelhandler|handwerksbetriebe|kmu|start-ups)\b|\b(?:jede|jeder|jedes|viele|immer mehr|zahlreiche|etliche|mehrere|manche|einige) (?:\w+ )?(?:firmen|unternehmen|betriebe|gesellschaften|schuldner|kmu|baufirmen|handler|hersteller)\b|\bstatistik|\bquote\b|\bimmer (?:haufiger|ofter|mehr)\b|\bzunehmend\b/,
  en: /\d ?% of (?:all |the )?|\bper ?cent of (?:all |the )?|\bof all (?:\w+ ){0,3}(?:petitions|insolvencies|bankruptcies|liquidations|administrations|cases)\b|\bnumber of\b|\b\d[\d,.]* (?:(?:[\w-]+ )?(?:retailers|traders|employers|builders|contractors|start-ups|startups|smes)\b|companies|firms|businesses|winding[- ]up petitions|petitions|insolvencies|bankruptcies|liquidations|administrations|cases)\b|\b(?:many|more|most|several|some|numerous|record numbers of|thousands of|hundreds of) (?:\w+ )?(?:companies|firms|businesses|retailers|debtors|creditors)\b|\bstatistic|\brate of\b|\bincreasingly\b|\bmore and more\b|\ba growing number of\b|\bever more\b/,
  fr: /\d ?(?:%|pour ?cent) (?:des|de toutes les)\b|\bnombre de\b|\b\d[\d' .]* (?:(?:les|des) )?(?:entreprises|societes|faillites|procedures|poursuites|defaillances|commerces|commercants|restaurateurs|artisans|pme|tpe)\b|\b(?:de nombreuses|beaucoup d'|plusieurs|certaines) (?:\w+ )?(?:entreprises|societes|pme|debiteurs)\b|\bstatistique|\btaux de\b|\bde plus en plus\b/,
  it: /\d ?(?:%|per ?cento) (?:di tutti|di tutte|dei|delle)\b|\bnumero (?:di|dei|delle)\b|\b\d[\d'.]* (?:(?:le|i|gli|delle|dei) )?(?:imprese|aziende|societa|fallimenti|procedure|commercianti|artigiani|ditte|pmi|negozianti)\b|\b(?:molte|numerose|diverse|alcune|tante) (?:\w+ )?(?:imprese|aziende|societa)\b|\bstatistic|\btasso di\b|\bsempre piu\b|\bsempre di piu\b/,
};

/**
 * Talk about events in general, not one company's: procedure ("ein Konkurs wird eröffnet,
 * sobald"), advice ("how to avoid insolvency") and sayings.
 */
export const GENERIC: Record<string, RegExp> = {
  de: /\bratgeber\b|\bentspricht\b|\bim volksmund\b|\btipps?\b|\bwas (?:tun|passiert)\b|\bwie (?:man|sie)\b|\bsobald\b|\bgrundsatzlich\b|\bin der regel\b|\bbeispielsweise\b|\bzum beispiel\b/,
  en: /\bhow (?:to|does|do|can)\b|\bwhat (?:is|happens)\b|\bguide to\b|\bcorresponds? to\b|\bbackground on\b|\bbasics\b|\bexplainer\b|\btips?\b|\bcan be (?:wound up|made bankrupt|liquidated)\b|\ba (?:company|creditor|debtor|business|director) (?:can|may|must|will|is|that|which|who)\b|\bwhen a (?:company|business|firm)\b|\bin general\b|\btypically\b|\busually\b|\bfor example\b/,
  fr: /\bcomment (?:eviter|faire|fonctionne)\b|\bcorrespond (?:a|au|aux)\b|\bdans le langage courant\b|\bqu'est-ce\b|\bconseils?\b|\blorsqu'une? (?:entreprise|societe|debiteur)\b|\bune (?:entreprise|societe) (?:qui|peut|doit)\b|\ben general\b|\bpar exemple\b|\ben principe\b/,
  it: /\bcome (?:evitare|funziona|fare)\b|\bcorrisponde (?:a|al|alla|ai)\b|\bnel linguaggio comune\b|\bconsigli\b|\bquando un'? ?(?:impresa|azienda|societa)\b|\bun'? ?(?:impresa|azienda|societa) (?:che|puo|deve)\b|\bin generale\b|\bad esempio\b|\bper esempio\b/,
};

const YEAR_RE = /\b(19[5-9]\d|20\d\d)\b/g;

/**
 * Adverbs that hedge the clause they stand in ("vermutlich", "apparently"): inside a sentence, a comma after them closes
 * their clause, so "X setzten vermutlich … in den Sand, das Unternehmen meldete Insolvenz an" reports the filing as fact.
 */
export const HEDGE_ADVERB = /^(?:vermutlich|moglicherweise|womoglich|eventuell|offenbar|anscheinend|angeblich|apparently|allegedly|reportedly|possibly|probably|apparemment|probablement|a quanto pare|probabilmente|forse)$/;

/** A founding year names when the company began, not when the event happened: "Rumeur Publique, créée en 1988". */
export const FOUNDED_YEAR = /\b(?:founded|established|incorporated|created|formed|set up|started|gegrundet|grundete|creee?s?|fondee?s?|fondat[oaie]|costituit[oaie]|nat[oaie]) (?:(?:in|en|im|nel|au) )?(?:[a-z]+ )?(?:19[5-9]\d|20\d\d)\b/g;

/** Years mentioned in a window; used to tell "in 2009" from this year's news. */
export function yearsIn(window: string): number[] {
  return [...window.matchAll(YEAR_RE)].map((m) => Number(m[1]));
}

const DECADE_RE = /\b(19[5-9]0|20[0-2]0)(?:s|er(?: jahren?)?)\b|\bannees (19[5-9]0|20[0-2]0|[5-9]0)\b|\banni (?:'|’)?([5-9]0)\b|\banni (cinquanta|sessanta|settanta|ottanta|novanta)\b/g;
const ITALIAN_DECADES: Record<string, number> = { cinquanta: 1950, sessanta: 1960, settanta: 1970, ottanta: 1980, novanta: 1990 };
/**
 * The last year of each decade a window names: "in the 1990s", "in den 1990er Jahren", "dans les années 90", "negli
 * anni '90" / "anni novanta" (a two-digit decade is of the last century). A decade is history once its last year is.
 */
export function decadeEndsIn(window: string): number[] {
  return [...window.matchAll(DECADE_RE)].map((m) => {
    const d = m[1] ?? m[2] ?? m[3];
    const start = d ? (d.length === 2 ? 1900 + Number(d) : Number(d)) : ITALIAN_DECADES[m[4]!]!;
    return start + 9;
  });
}

/**
 * "könnte" and "würde" fold to "konnte" (was able) and "wurde" (was), which are far more common;
 * these two are therefore looked up in the lower-cased text before folding.
 */
export const HEDGE_UNFOLDED_DE = /\bk(?:ö|oe)nnte(?:n)?\b|\bw(?:ü|ue)rde(?:n)?\b/;

/** Negation right after the trigger: "Eine Insolvenz ist kein Thema", "bankruptcy is not an option". */
export const NEGATION_AFTER: Record<string, RegExp> = {
  de: /^[^,;.]{0,25}\b(?:ist|sei|war|wird|werde|waren|sind) (?:kein|keine|nicht|ausgeschlossen)\b|^[^,;.]{0,25}\b(?:kein thema|ausgeschlossen|vom tisch|nicht betroffen|nicht beruhrt)\b/,
  en: /^[^,;.]{0,25}\b(?:is|was|are|were|will be) (?:not|no longer|ruled out)\b|^[^,;.]{0,25}\b(?:ruled out|off the table|not an option)\b/,
  fr: /^[^,;.]{0,25}(?:\bn'est|\bne sera|\bn'etait|\bn'a) pas\b|^[^,;.]{0,25}\bexclue?\b/,
  it: /^[^,;.]{0,25}\b(?:non e|non sara|escluso|esclusa)\b/,
};

/** Talk about the law or how a procedure works, not about a company: "Revision des Insolvenzrechts". */
export const LAW_OR_GENERIC: Record<string, RegExp> = {
  de: /\b(?:ist|sind) (?:es )?(?:nicht |auch )?(?:zulassig|unzulassig|erlaubt|verboten|moglich|notwendig|erforderlich|statthaft)\b|(?:insolvenz|konkurs|betreibungs|sanierungs)recht|\b(?:revision|reform|gesetz|gesetzes|gesetzgeber|parlament|nationalrat|standerat|bundesrat)\b|(?<!^|, )\bwie (?:ein|eine|das|der) /,
  en: /\bit is (?:not )?(?:permitted|allowed|possible|necessary|prohibited|lawful|unlawful|illegal)\b|\byour (?:company|business|firm|limited company)\b|\b(?:law|laws|reform|legislation|lawmakers|parliament|congress)\b|\bhow (?:a|an|the) /,
  fr: /\bil (?:est|n'est pas) (?:possible|permis|interdit|necessaire|obligatoire)\b|\bvotre (?:entreprise|societe)\b|\b(?:droit|loi|reforme|revision|parlement|conseil federal)\b|\bcomment (?:une|un) /,
  it: /\b(?:e|non e) (?:possibile|consentito|vietato|necessario|obbligatorio|ammesso)\b|\b(?:tua|vostra) (?:azienda|impresa|societa)\b|\b(?:legge|riforma|codice|normativa|parlamento|diritto)\b|\bcome (?:un|una) /,
};

/**
 * A law, a code or the lawmaker as the subject opening the sentence ("Il nuovo Codice della crisi d’impresa e
 * dell’insolvenza … riscrive …", "Der Gesetzgeber hat … Änderungen in der Insolvenzordnung vorgenommen", "The new Act
 * abolishes …"): every trigger after it tells what the law does, however far from the law word — law reform, no event.
 */
export const LAW_SUBJECT: Record<string, RegExp> = {
  de: /^[\s"'„“«»(]*(?:der|die|das|dieses|diese|dieser) (?:(?:neue|neuen|neues|geplante|aktuelle|reformierte) )?(?:gesetzgeber|gesetz|gesetzentwurf|gesetzesentwurf|reform|novelle|verordnung|richtlinie|insolvenzordnung|[a-z]+gesetz|[a-z]+ordnung)\b/,
  en: /^[\s"'“(]*(?:the|this) (?:(?:new|proposed|current|reformed|amended) )?(?:law|act|code|legislation|legislature|lawmaker|lawmakers|legislator|legislators|directive|statute)\b(?! (?:firm|firms|school|student|students|enforcement|office|offices)\b)/,
  fr: /^[\s"'«(]*(?:le|la|l'|cette|ce) ?(?:(?:nouveau|nouvelle|present|presente|future?) )?(?:code|loi|decret|reforme|ordonnance|legislateur|directive)\b/,
  it: /^[\s"'«(]*(?:il|la|l'|lo|questo|questa|tale) ?(?:(?:nuovo|nuova|presente|vigente|previgente|attuale|citato|citata) )?(?:codice|legge|decreto|riforma|normativa|legislatore|regolamento|testo unico|direttiva)\b/,
};

/** Sport pages use insolvency words as metaphors ("Pleite für den FC", "fallimento sportivo"). */
export const SPORT = /\bsconfitt|\beliminazion|\ballenator|\bcampionat|\bniederlage|\bdefaite|\bentraineur|\b(?:fc|equipe|squadra|mannschaft|nationalmannschaft|spiel|match|partita|terrain|campo|cup|coupe|coppa|liga|saison|stagione|turno|halbfinal|finale|sportivo|sportive|goal)\b/;

// German text is folded with the transcriptions ue/ae/oe → u/a/o; German cues are folded the same way.
for (const table of [NEGATION_BEFORE, DENIAL, AVERTED_BEFORE, AVERTED_AFTER, HISTORIC, YEARS_AFTER, HEDGE_VERBAL, HEDGE_ADJECTIVE, CONDITIONAL, FRONTED_CONDITION, STATISTIC, GENERIC, NEGATION_AFTER, LAW_OR_GENERIC, LAW_SUBJECT]) {
  const de = table.de;
  if (de) table.de = new RegExp(foldText(de.source, 'de'), de.flags);
}
