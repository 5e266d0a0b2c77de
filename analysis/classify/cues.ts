/**
 * Context cues that change what a trigger means. All patterns run on folded text (analysis/text/fold.ts).
 * - negation right before the trigger: "keine Insolvenz", "n'est pas en faillite", "not bankrupt"
 * - denial anywhere in the sentence: "weist Insolvenzgerüchte zurück", "dementiert", "denies"
 * - averted or historic: "avoided insolvency in 2009", "Konkurs abgewendet", "emerged from bankruptcy"
 * - hedge or hypothesis: "droht die Pleite", "could file for bankruptcy", "rischia il fallimento"
 */
export const NEGATION_BEFORE: Record<string, RegExp> = {
  de: /\b(?:kein|keine|keinen|keiner|keinem|keines|nicht|nie|niemals|ohne|weder|kaum)\b[^,;:]{0,30}$/,
  en: /\b(?:no|not|never|without|nor|neither|hardly)\b[^,;:]{0,30}$|n't\b[^,;:]{0,30}$/,
  fr: /\b(?:pas|aucun|aucune|jamais|sans|ni|non|plus de)\b[^,;:]{0,30}$/,
  it: /\b(?:non|nessun|nessuna|nessuno|senza|mai|ne)\b[^,;:]{0,30}$/,
};

export const DENIAL: Record<string, RegExp> = {
  de: /dementier|weis(?:t|en|s) [^.]{0,80}zuruck|zuruckgewiesen|bestreit|widersprich|falschmeldung|entwarnung|haltlos|unbegrundet|nichts dran/,
  en: /\bden(?:y|ies|ied|ying)\b|\brejec(?:t|ts|ted)\b[^.]{0,40}\b(?:reports?|rumou?rs?|claims?|speculation)|\bdismiss(?:es|ed)?\b[^.]{0,40}\b(?:reports?|rumou?rs?|speculation)|\brefut|\bunfounded\b|\bbaseless\b|\bfalse reports?\b/,
  fr: /\bdement(?:i|ent|ait)?\b|\bdementi|\bcontest(?:e|ent)\b|\brejett?e(?:nt)? [^.]{0,40}(?:rumeurs?|informations?)|\binfonde|\bfausses? (?:rumeurs?|informations?)/,
  it: /\bsmenti(?:sce|scono|to|ta|sca)|\bsmentit|\bnega(?:no)?\b|\brespinge [^.]{0,40}(?:voci|indiscrezioni)|\binfondat/,
};

export const AVERTED: Record<string, RegExp> = {
  de: /abgewendet|abwenden|vermieden|vermeiden|entgangen|entging|entgeht|gerettet|uberstanden|verhindert|verhindern|abgewehrt|aufgehoben|widerruf/,
  en: /\b(?:avoid(?:ed|s|ing)?|avert(?:ed|s|ing)?|escap(?:ed|es|ing)|stave[ds]? off|staving off|emerg(?:ed|es|ing) from|surviv(?:ed|es)|prevent(?:ed|s|ing)?|rescued|saved from)\b/,
  fr: /\bevit(?:e|er|ee|ant)\b|\bechapp(?:e|er|ee)\b|\bsauv(?:e|ee|er)\b|\bsorti(?:e)? de\b|\bempech|\brevoqu|\brevocation/,
  it: /\bevitat[oa]|\bevitare\b|\bscongiurat[oa]|\bscongiurare|\bsalvat[oa]|\buscit[oa] da|\bscampat|\brevoca/,
};

export const HISTORIC: Record<string, RegExp> = {
  de: /\bdamals\b|\bvor (?:\w+ )?(?:jahren|jahrzehnten)\b|\bfruher(?:en)?\b|\behemalig|\bdamalig|\bseinerzeit\b|\bnach der (?:insolvenz|pleite|konkurs)/,
  en: /\byears ago\b|\bdecades ago\b|\bformerly\b|\bhistor(?:y|ic|ical)\b|\bin the past\b|\bback in\b|\bsince (?:its|the) (?:bankruptcy|insolvency)/,
  fr: /\bil y a (?:\w+ )?ans\b|\bautrefois\b|\bancien(?:ne)?\b|\ba l'epoque\b|\bjadis\b|\bdepuis (?:sa|la) faillite/,
  it: /\banni fa\b|\ball'epoca\b|\bin passato\b|\bgia nel\b|\bun tempo\b/,
};

export const HEDGE: Record<string, RegExp> = {
  de: /\bdroh(?:t|en|te|ende|ender|enden)?\b|\bbefurcht|gefahr\b|\bfalls\b|\bmoglich(?:e|er|en)?\b|\brisiko\b|\bspekul|\bgerucht|\bangeblich|\bsoll\b|\bprufen?\b|\berwag|\bwarnt vor\b|\bsteht vor (?:der|dem)\b|\bam rande\b|\bkurz vor\b/,
  en: /\bcould\b|\bmight\b|\bmay\b|\bwould\b|\brisk(?:s|ing)? of\b|\bthreat(?:en|ens|ened|ening)?\b|\bfears? (?:of|that)\b|\bif\b|\bunless\b|\bwarn(?:s|ed)? (?:of|that)\b|\bpossible\b|\bpotential\b|\bconsider(?:s|ing)?\b|\bmulling\b|\bexplor(?:es|ing)\b|\bbrink of\b|\bverge of\b|\bon the edge of\b|\brumou?r|\bspeculat|\breportedly\b|\bprepar(?:es|ing) (?:to|for)\b|\bcontingency\b/,
  fr: /\bpourrai(?:t|ent)\b|\brisqu(?:e|ent)\b|\bmenac(?:e|ee|ent)\b|\bsi\b|\beventuel(?:le)?\b|\bcrain(?:t|dre|te)\b|\brumeurs?\b|\bspecul|\bau bord de\b|\bserai(?:t|ent)\b|\benvisag/,
  it: /\bpotrebbe(?:ro)?\b|\brischi(?:a|o|ano)\b|\bminacci(?:a|ata)\b|\bse\b|\beventuale\b|\bteme\b|\btimori?\b|\bvoci\b|\bspecula|\bsull'orlo\b|\bsarebbe(?:ro)?\b|\bvalut(?:a|ano)\b/,
};

const YEAR_RE = /\b(19[5-9]\d|20\d\d)\b/g;

/** Years mentioned in a window; used to tell "in 2009" from this year's news. */
export function yearsIn(window: string): number[] {
  return [...window.matchAll(YEAR_RE)].map((m) => Number(m[1]));
}

/**
 * "könnte" and "würde" fold to "konnte" (was able) and "wurde" (was), which are far more common;
 * these two are therefore looked up in the lower-cased text before folding.
 */
export const HEDGE_UNFOLDED_DE = /\bk(?:ö|oe)nnte(?:n)?\b|\bw(?:ü|ue)rde(?:n)?\b/;

/** Negation right after the trigger: "Eine Insolvenz ist kein Thema", "bankruptcy is not an option". */
export const NEGATION_AFTER: Record<string, RegExp> = {
  de: /^[^,;.]{0,25}\b(?:ist|sei|war|wird|werde|waren|sind) (?:kein|keine|nicht|ausgeschlossen)\b|^[^,;.]{0,25}\b(?:kein thema|ausgeschlossen|vom tisch)\b/,
  en: /^[^,;.]{0,25}\b(?:is|was|are|were|will be) (?:not|no longer|ruled out)\b|^[^,;.]{0,25}\b(?:ruled out|off the table|not an option)\b/,
  fr: /^[^,;.]{0,25}(?:\bn'est|\bne sera|\bn'etait|\bn'a) pas\b|^[^,;.]{0,25}\bexclue?\b/,
  it: /^[^,;.]{0,25}\b(?:non e|non sara|escluso|esclusa)\b/,
};

/** Talk about the law or how a procedure works, not about a company: "Revision des Insolvenzrechts". */
export const LAW_OR_GENERIC: Record<string, RegExp> = {
  de: /(?:insolvenz|konkurs|betreibungs|sanierungs)recht|\b(?:revision|reform|gesetz|gesetzes|gesetzgeber|parlament|nationalrat|standerat|bundesrat)\b|\bwie (?:ein|eine|das|der) /,
  en: /\b(?:law|laws|code|reform|legislation|bill|lawmakers|parliament|congress)\b|\bhow (?:a|an|the) /,
  fr: /\b(?:droit|loi|reforme|revision|parlement|conseil federal)\b|\bcomment (?:une|un) /,
  it: /\b(?:legge|riforma|codice|normativa|parlamento|diritto)\b|\bcome (?:un|una) /,
};

/** Sport pages use insolvency words as metaphors ("Pleite für den FC", "fallimento sportivo"). */
export const SPORT = /\b(?:fc|equipe|squadra|mannschaft|nationalmannschaft|spiel|match|partita|terrain|campo|cup|coupe|coppa|liga|saison|stagione|turno|halbfinal|finale|sportivo|sportive|goal)\b/;
