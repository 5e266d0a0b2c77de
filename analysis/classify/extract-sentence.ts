import { HARD_EVENT_TYPES, type EventType } from '../../platform/schemas/common.js';
import type { EventRole, Modality } from '../../platform/schemas/event-role.js';
import { foldTextMapped } from '../text/fold.js';
import { findTriggers, type CompiledLexicon } from './lexicon.js';
import { findMentions, type OrgMention } from './mentions.js';
import { tokenize } from './mention-tokens.js';
import { genericityOf } from './genericity.js';
import { modalityOf, type TriggerPosition } from './modality.js';
import { assignRoles, type MarkerCache } from './roles.js';
import { anchorIndexOf, SentenceReading } from './sentence-reading.js';
import { dropPetitionGround, readPetitionForNonPayment } from './requester.js';
import { keepOnePartPerParty, shareSubjectAlongCause } from './trigger-chain.js';

const HARD: ReadonlySet<EventType> = new Set(HARD_EVENT_TYPES);

/** One trigger of one sentence, read for type, modality and parties. Offsets are into the sentence. */
export interface SentenceEvent {
  /** The type after modality: a hedged hard event is financial_distress. */
  type: EventType;
  /** The type the trigger named. */
  triggerType: EventType;
  modality: Modality;
  subject?: OrgMention;
  role: EventRole;
  parties: Array<{ mention: OrgMention; role: EventRole }>;
  /** The trigger as written in the sentence. */
  trigger: string;
  triggerStart: number;
  triggerEnd: number;
  /** What decided: cues and the role rule. */
  cues: string[];
  /** How many organisations the sentence names (mentions of kind name). */
  names: number;
  /** How many organisations it names or refers to by a definite description ("dem Unternehmen", "the retailer"). */
  companies: number;
}

export interface SentenceContext {
  lang: string;
  lex: CompiledLexicon;
  refYear?: number;
  /** Mentions found by entity linking (customers), in sentence offsets; they win over own mentions that overlap. */
  linked?: readonly OrgMention[];
  /** The sentence as foldTextMapped folds it, and the lexicon's anchors found in it, when the caller has them already. */
  mapped?: { folded: string; map: Int32Array };
  /** The sentence read once (sentence-reading.ts), when the caller has it; built here otherwise. */
  reading?: SentenceReading;
  anchors?: ReadonlySet<number>;
}

/** Every trigger in the sentence with its modality, subject and role. Pure. */
export function extractSentence(sentence: string, ctx: SentenceContext): SentenceEvent[] {
  const { folded, map } = ctx.reading ?? ctx.mapped ?? foldTextMapped(sentence, ctx.lang);
  const triggers: Trigger[] = findTriggers(folded, ctx.lex, false, ctx.mapped || ctx.reading ? ctx.anchors : undefined);
  if (triggers.length === 0) return [];
  applyConventions(folded, triggers);
  const reading = ctx.reading ?? new SentenceReading(sentence, ctx.lang, { folded, map });
  const toFolded = reading.toFolded;
  const mentions = mergeMentions(findMentions(sentence, ctx.lang, tokenize(sentence)), ctx.linked ?? []);
  const lower = sentence.toLowerCase();
  const names = mentions.filter((m) => m.kind === 'name').length;
  const companies = names + mentions.filter((m) => m.kind === 'reference').length;
  const out: SentenceEvent[] = [];
  const markerCache: MarkerCache = new Map();
  const requests = new Set<SentenceEvent>();
  // Cue words inside a company's name say nothing about the event ("Rumeur Publique est placée en redressement judiciaire").
  const masked = maskNames(folded, lower, mentions, toFolded, triggers);
  const nameSpans = mentions.filter((m) => m.kind === 'name').map((m) => ({ start: toFolded(m.start), end: toFolded(m.end) }));
  const sentenceCues = {
    folded: masked.folded,
    lower: masked.lower,
    lang: ctx.lang,
    refYear: ctx.refYear,
    memo: new Map<string, string | undefined>(),
    anchors: masked.folded === folded ? reading.anchorIndex : anchorIndexOf(masked.folded),
  };
  for (const t of triggers) {
    // "ha presentato istanza di fallimento in proprio", "l'amministratore unico … ha presentato … l'istanza di fallimento per il
    // club": a company (through its own organ) asking for its own bankruptcy files for insolvency; it is no creditor's petition.
    const own = t.type === 'debt_enforcement' && isOwnFiling(folded, t);
    if (own) t.type = 'insolvency';
    let { modality, cues } = modalityOf(sentenceCues, t, triggers.filter((o) => o !== t));
    // Mentions the trigger does not cut keep their identity, so the marker cache serves every trigger; a cut one is new.
    let roles = assignRoles({ sentence, folded, toFolded, lang: ctx.lang, type: t.type, trigger: t, mentions: cutAtTrigger(mentions, sentence, map[t.start]!), markerCache, reading });
    // A creditor's petition is debt_enforcement for the debtor until a court opens proceedings.
    if (
      (t.type === 'insolvency' &&
        ((!own && CREDITOR_PETITION.test(folded.slice(t.start, t.end))) ||
          INVOLUNTARY_BEFORE.test(folded.slice(Math.max(0, t.start - 24), t.start)) ||
          BY_CREDITORS_AFTER.test(folded.slice(t.end, t.end + 80)) ||
          ((t.requested || PETITION.test(folded.slice(t.start, t.end))) && roles.parties.some((p) => p.role === 'creditor' || p.role === 'petitioner')))) ||
      ((t.type === 'insolvency' || t.type === 'liquidation') && (roles.requestedByAnother || isRequestedByAnother(folded, t))) ||
      (t.type === 'insolvency' && (t.requested || PETITION.test(folded.slice(t.start, t.end))) && roles.subject !== undefined && isAgainst(sentence, folded, map, toFolded(roles.subject.start), t, mentions)) ||
      (t.type === 'insolvency' && ctx.lang === 'de' && isRequestedAgainstDe(folded, t))
    ) {
      t.type = 'debt_enforcement';
      roles = { ...roles, role: 'respondent', reason: `${roles.reason}; creditor's petition` };
    }
    // "Winding-Up petitions … Government steps": a bare plural event noun talks of such events in general; an organisation
    // named after it without a marker is not the one it happened to.
    if (modality === 'factual' && HARD.has(t.type) && PLURAL_EVENT[ctx.lang]?.test(folded.slice(t.start, t.end + (/^[a-z]*/.exec(folded.slice(t.end))?.[0].length ?? 0))) && !SPECIFIC_BEFORE_PLURAL.test(folded.slice(Math.max(0, t.start - 12), t.start)) && /^(?:after trigger|no organisation)/.test(roles.reason)) {
      modality = 'generic';
      cues = [...cues, 'generic: a plural event noun'];
    }
    // A rule about companies in general, told by the sentence's structure: a kind of company, a present tense or a modal
    // with an unnamed subject, a present-tense "when/once/lorsque" clause (genericity.ts).
    if ((modality === 'factual' || modality === 'hedged') && (HARD.has(t.type) || t.type === 'financial_distress')) {
      const g = genericityOf({ folded, lang: ctx.lang, trigger: t, subjectKind: roles.subject?.kind, linked: roles.subject?.customerId !== undefined, hedged: modality === 'hedged', hard: HARD.has(t.type), names: nameSpans });
      if (g) {
        modality = g.modality;
        cues = [...cues, g.cue];
      }
    }
    const hedgedHard = modality === 'hedged' && HARD.has(t.type);
    const start = map[t.start]!;
    const end = map[t.end]!;
    const event: SentenceEvent = {
      type: hedgedHard ? 'financial_distress' : t.type,
      triggerType: t.type,
      modality,
      ...(roles.subject ? { subject: roles.subject } : {}),
      role: hedgedHard && (roles.role === 'debtor' || roles.role === 'respondent') ? 'subject' : roles.role,
      parties: roles.parties,
      trigger: sentence.slice(start, end),
      triggerStart: start,
      triggerEnd: end,
      cues: [...cues, `role: ${roles.reason}`],
      names,
      companies,
    };
    out.push(event);
    if (t.type === 'insolvency' && (t.requested || PETITION.test(folded.slice(t.start, t.end)))) requests.add(event);
  }
  shareSubjectAlongCause(out, lower);
  readPetitionForNonPayment(out, lower, (e) => requests.has(e));
  dropPetitionGround(out, lower);
  keepOnePartPerParty(out);
  // A sentence that defines a procedure ("Le redressement judiciaire est une procédure destinée à sauvegarder l'entreprise en
  // difficulté") defines; what else it says about an unnamed company is part of the definition.
  if (out.some((e) => e.cues.some((c) => c.startsWith(PROCEDURE_TOPIC))))
    for (const e of out)
      if ((e.modality === 'factual' || e.modality === 'hedged') && e.subject?.kind !== 'name' && e.subject?.customerId === undefined) {
        e.modality = 'generic';
        e.type = e.triggerType;
        e.cues = [...e.cues, `${PROCEDURE_TOPIC} of the sentence)`];
      }
  return out;
}

const PROCEDURE_TOPIC = 'generic: the procedure as the topic (';

/** Plural event nouns: talk of such events in general unless a marker ties them to an organisation. */
const PLURAL_EVENT: Record<string, RegExp> = {
  en: /(?:petitions|bankruptcies|insolvencies|liquidations|administrations|receiverships|foreclosures|winding[- ]up orders)$/,
  de: /(?:insolvenzen|konkurse|pleiten|betreibungen|insolvenzantrage|liquidationen|zwangsvollstreckungen|pfandungen)$/,
  fr: /(?:faillites|liquidations(?: judiciaires)?|redressements judiciaires|procedures collectives|poursuites|saisies)$/,
  it: /(?:fallimenti|liquidazioni(?: giudiziali)?|istanze di fallimento|pignoramenti|procedure concorsuali)$/,
};
/** A number, a determiner or a possessive before a plural makes it specific ("two winding-up petitions", "its administrations"). */
const SPECIFIC_BEFORE_PLURAL = /(?:^|[\s(])(?:the|its|their|two|three|four|five|several|\d+|die|ihre|seine|zwei|drei|mehrere|les|ses|leurs|deux|trois|plusieurs|i|le|gli|sue|suoi|loro|due|tre|diverse|diversi)\s$/;

/**
 * German "hat … einen Insolvenzantrag über das Vermögen seiner GmbH gestellt", "hat … die Eröffnung des Insolvenzverfahrens
 * über das Vermögen der Schuldnerin beantragt": an active request about another's assets is a creditor's petition (a
 * company filing for itself asks about "ihr Vermögen" or just "meldet Insolvenz an").
 */
const ABOUT_ANOTHERS_ASSETS_DE = /^[^.;]{0,30}?\buber das vermogen (?:der|des|seiner|ihrer|dieser|dieses|von)\b/;
const ACTIVE_REQUEST_DE = /\b(?:hat|hatte|haben|hatten)\b[^;]{0,160}\b(?:beantragt|gestellt)\b|\b(?:beantragte|beantragten|stellte|stellten|beantragt|stellt)\b[^;]{0,40}$/;
function isRequestedAgainstDe(folded: string, t: TriggerPosition): boolean {
  if (!ABOUT_ANOTHERS_ASSETS_DE.test(folded.slice(t.end, t.end + 60))) return false;
  const clauseStart = Math.max(0, folded.lastIndexOf(',', t.start) + 1, folded.lastIndexOf(';', t.start) + 1);
  const clause = folded.slice(clauseStart, Math.min(folded.length, t.end + 200));
  // Passive ("wurde … beantragt") leaves open who asked.
  return ACTIVE_REQUEST_DE.test(clause) && !/\b(?:wurde|wurden|worden|wird)\b/.test(clause);
}

/** A request noun governing the trigger: "istanza di", "domanda di apertura della", "demande d'ouverture d'une", "Antrag auf", "petition for the". */
const REQUEST_NOUN_BEFORE =
  /\b(?:istanza|domanda|richiesta|ricorso|demande|requete|assignation|antrag|begehren|petition|application|request|motion)(?: (?:di|per|d'|de|en|pour|aux fins de|auf|for|to))? (?:(?:l'|la |il |le |una |un |apertura |ouverture |eroffnung |einleitung |die |the |a |an )?(?:della |del |dell'|de la |d'une |d'un |du |des |eines |einer )?){0,2}$/;

/** Event nouns used as the modifier of a profession ("general bankruptcy counsel", "insolvency practitioners"): no event. */
const PROFESSION_HEAD = /^[\s-]+(?:counsel|lawyers?|attorneys?|solicitors?|specialists?|experts?|practitioners?|advis[eo]rs?|consultants?|teams?|practice|partners?|boutiques?|departments?|professionals?|anwalt|anwaltin|anwalte|berater|beraterin|experte|expertin|avocats?|conseils?|specialistes?|esperti|esperto|avvocat[oi]|consulenti)\b/;

/** A compulsory, court-ordered liquidation after insolvency is both insolvency and liquidation (annotation convention). */
const BOTH_INSOLVENCY_AND_LIQUIDATION =
  /compulsory liquidation|winding[- ]up order|wound up by the|ordered to be wound[- ]up|liquidation judiciaire|liquidazione giudiziale|special managers?|(?:place|placee|places|placees|mise?s?) en liquidation|gerichtliche liquidation|auflosung durch konkurs/;
/** A court pronouncing the liquidation ("le tribunal a prononcé la liquidation d'Habitat"): a court-ordered liquidation. */
const COURT_PRONOUNCED = /\b(?:prononc|ordonn)\w* (?:[\w'-]+ ){0,4}(?:la |sa |une )?$/;
/** US Chapter 11 and "bankruptcy protection" are a debt restructuring, not an insolvency (annotation convention). */
const CHAPTER_11 = /chapter 11|bankruptcy protection|creditor protection/;
/** A request for bankruptcy; with a creditor as its author it is the creditor enforcing its claim. */
const PETITION = /antrag|begehren|petition|istanza|assignation|requisition|requete/;
/**
 * The subject of a petition named after an adversative preposition ("Insolvenzantrag gegen KTZ", "petition against the
 * retailer", "assignation contre la société", "istanza nei confronti di X"): nobody petitions against itself, so another
 * party asked, a creditor's petition. "über das Vermögen der X" is not adversative (a company files about its own assets).
 */
const AGAINST = "(?:gegen|against|contre|a l'encontre (?:de|du|des|d')|contro|nei confronti (?:di|del|della|dello|dei|degli|delle))\\s*(?:(?:der|die|das|den|dem|des|the|la|le|l'|les|il|lo|i|gli) ?)?$";
/**
 * Before the trigger the phrase must belong to the clause's verb ("Gegen die X wurde der Antrag gestellt", "wurde von der Y gegen
 * die X ein Insolvenzantrag eingebracht"), not hang on another noun ("Bilanzmanipulationsvorwürfe gegen die X"): a German noun
 * is capitalised, so a capitalised word right before the preposition, unless it opens the sentence or ends a name, is the noun it hangs on.
 */
const AGAINST_WITH_WORD = new RegExp(`(?:^|(\\S+)\\s+)\\b${AGAINST}`);
function isAgainst(sentence: string, folded: string, map: Int32Array, subjectStart: number, t: TriggerPosition, mentions: readonly OrgMention[]): boolean {
  const from = Math.max(0, subjectStart - 60);
  const m = AGAINST_WITH_WORD.exec(folded.slice(from, subjectStart));
  if (!m) return false;
  if (subjectStart >= t.end || m[1] === undefined || /[:;,.]$/.test(m[1])) return true;
  const wordStart = map[from + m.index]!;
  const first = sentence.charAt(wordStart);
  // A name does not govern the preposition ("von der Kärntner Gebietskrankenkasse gegen die X"): it is the other party.
  return wordStart === 0 || first === first.toLowerCase() || mentions.some((o) => o.kind === 'name' && o.start <= wordStart && o.end > wordStart);
}
/** Requests that only a creditor makes: Konkursbegehren (SchKG), Gläubiger-/Fremdantrag, creditor's petition. */
const CREDITOR_PETITION = /konkursbegehren|glaubigerantrag|fremdantrag|creditor'?s? petition|istanza di fallimento/;
/** A US involuntary case is the creditors' petition ("a petitioning creditor commenced an involuntary bankruptcy case"). */
const INVOLUNTARY_BEFORE = /\binvoluntary (?:chapter 7 )?$/;
/** A request told with its authors, the creditors, right after it ("la richiesta di fallimento intentata dai creditori della Spal"). */
const BY_CREDITORS_AFTER =
  /^[^.;]{0,30}?\b(?:intentat|presentat|promoss|depositat|propost|filed|brought|presented|lodged|deposee?|introduite?|formee?)\w* (?:da|dai|dal|dalla|dagli|by|par) (?:(?:the|its|one of its|some of its|i|il|la|uno dei|alcuni|les|ses|un|des|l'un des) )?(?:\w+ )?(?:creditors?|creditori|creditore|creanciers?)\b/;

/**
 * Someone asks a court to open the proceedings against the company: "i fondi hanno chiesto il
 * fallimento della società", "the taxman is seeking the club's liquidation", "a fait assigner la
 * SCI aux fins de voir prononcer … le redressement judiciaire". The company asking for its own
 * ("in proprio", "voluntary") is not a creditor's petition.
 */
const REQUESTED_BEFORE =
  /(?:\b(?:(?:ha|hanno|avevano|aveva) (?:\w+ )?(?:chiesto|richiesto)|chied(?:e|ono)|chiesta|richiesta) (?:(?:al|alla|allo|ai|agli|alle) [^,.;]{0,40}? )?(?:il |la |l')?|\b(?:seek(?:s|ing)?|sought|pursu(?:ing|es)|demand(?:s|ing|ed)?) (?:the |an? )?(?:[a-z'-]+ ){0,3}|\bserved with (?:\w+ ){0,2}|\b(?:(?:ont|a|avait|avaient|auraient|aurait) (?:\w+ )?)?(?:demande|demandent|requis|requierent|sollicite|sollicitent|reclame|reclament) (?:la |le |l')(?:ouverture (?:d'une |de la |du )|mise en )?|\baux fins de voir prononcer [^.]{0,160}?|\bassign(?:e|er|ee|ation) [^.]{0,80}?(?:aux fins|en vue) [^.]{0,160}?)$/;
/** A cheap test before REQUESTED_BEFORE (anchored at the end, it would try every start). */
const REQUEST_WORD = /chiest|richiest|chied|seek|sought|pursu|demand|served with|aux fins|assign|requi|sollicit|reclam/;
const OWN_REQUEST = /\b(?:in proprio|proprio|voluntary|volontaire|own)\b/;
function isRequestedByAnother(folded: string, t: TriggerPosition): boolean {
  const before = folded.slice(Math.max(0, t.start - 260), t.start);
  return REQUEST_WORD.test(before) && REQUESTED_BEFORE.test(before) && !OWN_REQUEST.test(folded.slice(Math.max(0, t.start - 30), t.end + 20));
}

/** An Italian request for bankruptcy, which the lexicon reads as a creditor's (debt_enforcement) unless the company files. */
const BANKRUPTCY_REQUEST_NOUN = /^(?:istanz|domand|richiest)[ae] di fallimento/;
/** "… in proprio": the company's own request. */
const IN_PROPRIO_AFTER = /^ in proprio\b/;
/** The company's own organ as the subject of the filing verb, opening the clause before the request. */
const OWN_ORGAN_FILES =
  /(?:^|[–:;] |\. )[^.;–]{0,40}?\b(?:l'|il |la )?(?:amministratore (?:unico|delegato)|consiglio di amministrazione|cda|legale rappresentante)\b[^.;]{0,160}?\b(?:ha|hanno) (?:\w+ )?(?:presentato|depositato)\b[^.;]{0,120}$/;
function isOwnFiling(folded: string, t: TriggerPosition): boolean {
  if (!BANKRUPTCY_REQUEST_NOUN.test(folded.slice(t.start, t.end))) return false;
  return IN_PROPRIO_AFTER.test(folded.slice(t.end, t.end + 12)) || OWN_ORGAN_FILES.test(folded.slice(Math.max(0, t.start - 320), t.start));
}

/** Eigenverwaltung and the Schutzschirm are debt_restructuring, also when written with "Insolvenz" (annotation convention). */
const SELF_ADMINISTERED_AFTER = /^[^.;,]{0,6}\b(?:in|mit|unter) (?:\w+ )?(?:eigenverwaltung|schutzschirm)/;
const SELF_ADMINISTERED_BEFORE = /(?:schutzschirm|eigenverwaltungs?)-?$/;

/** Words for the insolvency practitioner, and "as" before them: the person acting, not the company's event. */
const PRACTITIONER = /verwalter|administrat(?:or|rice|eur)|liquidat(?:or|eur|ore)|receiver|curatore|commissari|sachwalter/;
const AS_PRACTITIONER = /\b(?:als|as|comme|en qualite de|in qualita di|quale) (?:\w+ )?$/;
const CITED_SOURCE = /\b(?:laut|berufung auf|zufolge|according to|selon|d'apres|secondo|stando a) (?:dem |der |den |the |le |la |les |l'|il |i |gli )?(?:vorlaufigen |provisorischen |joint |provisional )?$/;
const OF_COMPANY = /^ (?:der|des|von|of|de|du|d'|di|del|della|dello|dell')\b/;
/** Restructuring procedures of their own (Austrian Sanierungsverfahren, StaRUG, Eigenverwaltung, Schutzschirm). */
const RESTRUCTURING_PROCEDURE = /eigenverwaltung|schutzschirm|sanierungsverfahren|restrukturierungsverfahren|restrukturierungsplan/;
/**
 * Austrian insolvency law has two procedures: the Sanierungsverfahren (with a Sanierungsplan) and the Konkurs, which sells the
 * company off. A Konkurs named beside a Sanierungsplan/-verfahren ("hat ihren Sanierungsplan zurückgezogen und … ein
 * Konkursverfahren beantragt") is that liquidating procedure: both insolvency and liquidation (annotation convention).
 * A creditor's Konkursbegehren, a Konkursandrohung or the Konkursamt/-richter are not the procedure.
 */
const SANIERUNG_PROCEDURE = /sanierungsplan|sanierungsverfahren/;
const KONKURS_PROCEDURE = /^(?!konkurs(?:begehren|androhung|betreibung|amt|richter|gericht))(?:\w+ )?konkurs/;
/** Insolvency words that only name the court or the procedure's frame, not a second filing. */
const PROCEDURAL_INSOLVENCY = /^(?:insolvenzgericht|insolvente?[nrms]?|vor-?insolvenz|insolvenzverfahren)/;

/** Triggers that stand for two types, or for another type in the same sentence, by the annotation conventions. */
type Trigger = TriggerPosition & { type: EventType; requested?: boolean };

function applyConventions(folded: string, triggers: Trigger[]): void {
  // "filed for Chapter 11" is an insolvency pattern until the loop below turns it: test the words after each trigger too.
  const chapter11 = triggers.some((t) => (t.type === 'debt_restructuring' || t.type === 'insolvency') && CHAPTER_11.test(folded.slice(t.start, t.end + 24)));
  // "Sanierungsverfahren mit Eigenverwaltung", "Restrukturierungsverfahren": a procedural insolvency word beside it
  // (Insolvenzgericht, insolvente Gesellschaft, Vor-Insolvenzverfahren) names the same restructuring, not a second event.
  const selfAdministered = triggers.some((t) => t.type === 'debt_restructuring' && RESTRUCTURING_PROCEDURE.test(folded.slice(t.start, t.end)));
  const sanierungBeside = SANIERUNG_PROCEDURE.test(folded);
  for (let i = triggers.length - 1; i >= 0; i--) {
    const t = triggers[i]!;
    const text = folded.slice(t.start, t.end);
    if (HARD.has(t.type) && !/\s/.test(text) && PROFESSION_HEAD.test(folded.slice(t.end, t.end + 24))) {
      triggers.splice(i, 1);
      continue;
    }
    // The practitioner ("verkaufte Gerloff als Insolvenzverwalter …") is not an event of anyone in the sentence.
    // So is the practitioner quoted as a source ("laut Insolvenzverwalter", "unter Berufung auf Insolvenzverwalter X", "according to the administrators").
    if (
      (t.type === 'insolvency' || t.type === 'liquidation') &&
      PRACTITIONER.test(text) &&
      (AS_PRACTITIONER.test(folded.slice(Math.max(0, t.start - 12), t.start)) || CITED_SOURCE.test(folded.slice(Math.max(0, t.start - 30), t.start))) &&
      !OF_COMPANY.test(folded.slice(t.end, t.end + 12))
    ) {
      triggers.splice(i, 1);
      continue;
    }
    // "l'istanza di liquidazione giudiziale", "domanda di apertura della liquidazione", "petition for the winding up": a
    // liquidation asked for is a filing (insolvency), by a creditor a petition (below), not a liquidation yet.
    if ((t.type === 'liquidation' || t.type === 'insolvency') && REQUEST_NOUN_BEFORE.test(folded.slice(Math.max(0, t.start - 50), t.start))) {
      t.type = 'insolvency';
      t.requested = true;
    }
    // A pre-insolvency procedure ("Vor-Insolvenzverfahren", "pre-insolvency") is a restructuring.
    if (t.type === 'insolvency' && /\b(?:vor|pre)-?$/.test(folded.slice(Math.max(0, t.start - 4), t.start))) t.type = 'debt_restructuring';
    if (selfAdministered && t.type === 'insolvency' && PROCEDURAL_INSOLVENCY.test(text)) {
      triggers.splice(i, 1);
      continue;
    }
    // "filed for Chapter 11", "sought bankruptcy protection": the insolvency word is part of a restructuring.
    if (t.type === 'insolvency' && CHAPTER_11.test(folded.slice(t.start, t.end + 24))) t.type = 'debt_restructuring';
    else if (t.type === 'insolvency' && (SELF_ADMINISTERED_AFTER.test(folded.slice(t.end, t.end + 50)) || SELF_ADMINISTERED_BEFORE.test(folded.slice(Math.max(0, t.start - 20), t.start)))) t.type = 'debt_restructuring';
    else if (chapter11 && t.type === 'insolvency' && /bankrupt|filed for|filing for/.test(text)) triggers.splice(i, 1);
    else if (t.type === 'insolvency' && !t.requested && (BOTH_INSOLVENCY_AND_LIQUIDATION.test(text) || (sanierungBeside && KONKURS_PROCEDURE.test(text))))
      triggers.push({ ...t, type: 'liquidation' });
    else if (t.type === 'liquidation' && (BOTH_INSOLVENCY_AND_LIQUIDATION.test(text) || COURT_PRONOUNCED.test(folded.slice(Math.max(0, t.start - 60), t.start))))
      triggers.push({ ...t, type: 'insolvency' });
  }
}

/**
 * A Title Case headline runs its name into the trigger ("Torquay's Famous Grosvenor Hotel Goes Into Administration"): an
 * own name that starts before the trigger and runs into it ends where the trigger begins. Linked customers stay as linked.
 */
function cutAtTrigger(mentions: readonly OrgMention[], sentence: string, triggerStart: number): OrgMention[] {
  return mentions.flatMap((m) => {
    if (m.customerId !== undefined || m.kind !== 'name' || m.start >= triggerStart || m.end <= triggerStart) return [m];
    const text = sentence.slice(m.start, triggerStart).replace(/[\s,;:'’-]+$/u, '');
    return text.length >= 2 ? [{ ...m, end: m.start + text.length, text }] : [];
  });
}

/**
 * The sentence with the names of organisations blanked for the modality cues: a linked customer or a name of two words or
 * more ("Rumeur Publique", "Nichts Dran GmbH"); a lone word stays (it may be a sentence's opening adverb read as a name).
 * Names that overlap a trigger stay too. Offsets are kept.
 */
function maskNames(folded: string, lower: string, mentions: readonly OrgMention[], toFolded: (o: number) => number, triggers: readonly TriggerPosition[]): { folded: string; lower: string } {
  const names = mentions.filter((m) => m.kind === 'name' && (m.customerId !== undefined || /\s/.test(m.text.trim())));
  if (names.length === 0) return { folded, lower };
  let f = folded;
  let l = lower;
  for (const m of names) {
    const a = toFolded(m.start);
    const b = toFolded(m.end);
    if (triggers.some((t) => t.start < b && t.end > a)) continue;
    f = f.slice(0, a) + 'x'.repeat(b - a) + f.slice(b);
    l = l.slice(0, m.start) + 'x'.repeat(m.end - m.start) + l.slice(m.end);
  }
  return { folded: f, lower: l };
}

/** Own mentions that overlap a linked customer give way to it. */
function mergeMentions(own: OrgMention[], linked: readonly OrgMention[]): OrgMention[] {
  if (linked.length === 0) return own;
  const kept = own.filter((m) => !linked.some((l) => l.start < m.end && l.end > m.start));
  return [...kept, ...linked].sort((a, b) => a.start - b.start);
}
