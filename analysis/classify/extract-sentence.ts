import { HARD_EVENT_TYPES, type EventType } from '../../platform/schemas/common.js';
import type { EventRole, Modality } from '../../platform/schemas/event-role.js';
import { foldTextMapped } from '../text/fold.js';
import { findTriggers, type CompiledLexicon } from './lexicon.js';
import { findMentions, tokenize, type OrgMention } from './mentions.js';
import { modalityOf, type TriggerPosition } from './modality.js';
import { assignRoles, type MarkerCache } from './roles.js';

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
}

export interface SentenceContext {
  lang: string;
  lex: CompiledLexicon;
  refYear?: number;
  /** Mentions found by entity linking (customers), in sentence offsets; they win over own mentions that overlap. */
  linked?: readonly OrgMention[];
  /** The sentence as foldTextMapped folds it, and the lexicon's anchors found in it, when the caller has them already. */
  mapped?: { folded: string; map: Int32Array };
  anchors?: ReadonlySet<number>;
}

/** Every trigger in the sentence with its modality, subject and role. Pure. */
export function extractSentence(sentence: string, ctx: SentenceContext): SentenceEvent[] {
  const { folded, map } = ctx.mapped ?? foldTextMapped(sentence, ctx.lang);
  const triggers: Array<TriggerPosition & { type: EventType }> = findTriggers(folded, ctx.lex, false, ctx.mapped ? ctx.anchors : undefined);
  if (triggers.length === 0) return [];
  applyConventions(folded, triggers);
  const toFolded = inverse(map, sentence.length);
  const mentions = mergeMentions(findMentions(sentence, ctx.lang, tokenize(sentence)), ctx.linked ?? []);
  const lower = sentence.toLowerCase();
  const names = mentions.filter((m) => m.kind === 'name').length;
  const out: SentenceEvent[] = [];
  const markerCache: MarkerCache = new Map();
  for (const t of triggers) {
    const { modality, cues } = modalityOf({ folded, lower, lang: ctx.lang, refYear: ctx.refYear }, t, triggers.filter((o) => o !== t));
    // Mentions the trigger does not cut keep their identity, so the marker cache serves every trigger; a cut one is new.
    let roles = assignRoles({ folded, toFolded, lang: ctx.lang, type: t.type, trigger: t, mentions: cutAtTrigger(mentions, sentence, map[t.start]!), markerCache });
    // A creditor's petition is debt_enforcement for the debtor until a court opens proceedings.
    if (
      (t.type === 'insolvency' && (CREDITOR_PETITION.test(folded.slice(t.start, t.end)) || (PETITION.test(folded.slice(t.start, t.end)) && roles.parties.some((p) => p.role === 'creditor' || p.role === 'petitioner')))) ||
      ((t.type === 'insolvency' || t.type === 'liquidation') && isRequestedByAnother(folded, t))
    ) {
      t.type = 'debt_enforcement';
      roles = { ...roles, role: 'respondent', reason: `${roles.reason}; creditor's petition` };
    }
    const hedgedHard = modality === 'hedged' && HARD.has(t.type);
    const start = map[t.start]!;
    const end = map[t.end]!;
    out.push({
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
    });
  }
  return out;
}

/** A compulsory, court-ordered liquidation after insolvency is both insolvency and liquidation (annotation convention). */
const BOTH_INSOLVENCY_AND_LIQUIDATION =
  /compulsory liquidation|winding[- ]up order|wound up by the|liquidation judiciaire|liquidazione giudiziale|special managers?|(?:place|placee|places|placees|mise?s?) en liquidation|gerichtliche liquidation|auflosung durch konkurs/;
/** A court pronouncing the liquidation ("le tribunal a prononcé la liquidation d'Habitat"): a court-ordered liquidation. */
const COURT_PRONOUNCED = /\b(?:prononc|ordonn)\w* (?:[\w'-]+ ){0,4}(?:la |sa |une )?$/;
/** US Chapter 11 and "bankruptcy protection" are a debt restructuring, not an insolvency (annotation convention). */
const CHAPTER_11 = /chapter 11|bankruptcy protection|creditor protection/;
/** A request for bankruptcy; with a creditor as its author it is the creditor enforcing its claim. */
const PETITION = /antrag|begehren|petition|istanza|assignation|requisition|requete/;
/** Requests that only a creditor makes: Konkursbegehren (SchKG), Gläubiger-/Fremdantrag, creditor's petition. */
const CREDITOR_PETITION = /konkursbegehren|glaubigerantrag|fremdantrag|creditor'?s? petition|istanza di fallimento/;

/**
 * Someone asks a court to open the proceedings against the company: "i fondi hanno chiesto il
 * fallimento della società", "the taxman is seeking the club's liquidation", "a fait assigner la
 * SCI aux fins de voir prononcer … le redressement judiciaire". The company asking for its own
 * ("in proprio", "voluntary") is not a creditor's petition.
 */
const REQUESTED_BEFORE =
  /(?:\b(?:(?:ha|hanno|avevano|aveva) (?:\w+ )?(?:chiesto|richiesto)|chied(?:e|ono)|chiesta|richiesta) (?:il |la |l')?|\b(?:seek(?:s|ing)?|sought|pursu(?:ing|es)|demand(?:s|ing|ed)?) (?:the |an? )?(?:[a-z'-]+ ){0,3}|\bserved with (?:\w+ ){0,2}|\baux fins de voir prononcer [^.]{0,160}?|\bassign(?:e|er|ee|ation) [^.]{0,80}?(?:aux fins|en vue) [^.]{0,160}?)$/;
/** A cheap test before REQUESTED_BEFORE (anchored at the end, it would try every start). */
const REQUEST_WORD = /chiest|richiest|chied|seek|sought|pursu|demand|served with|aux fins|assign/;
const OWN_REQUEST = /\b(?:in proprio|proprio|voluntary|volontaire|own)\b/;
function isRequestedByAnother(folded: string, t: TriggerPosition): boolean {
  const before = folded.slice(Math.max(0, t.start - 260), t.start);
  return REQUEST_WORD.test(before) && REQUESTED_BEFORE.test(before) && !OWN_REQUEST.test(folded.slice(Math.max(0, t.start - 30), t.end + 20));
}

/** Eigenverwaltung and the Schutzschirm are debt_restructuring, also when written with "Insolvenz" (annotation convention). */
const SELF_ADMINISTERED_AFTER = /^[^.;,]{0,6}\b(?:in|mit|unter) (?:\w+ )?(?:eigenverwaltung|schutzschirm)/;
const SELF_ADMINISTERED_BEFORE = /(?:schutzschirm|eigenverwaltungs?)-?$/;

/** Words for the insolvency practitioner, and "as" before them: the person acting, not the company's event. */
const PRACTITIONER = /verwalter|administrat(?:or|rice|eur)|liquidat(?:or|eur|ore)|receiver|curatore|commissari|sachwalter/;
const AS_PRACTITIONER = /\b(?:als|as|comme|en qualite de|in qualita di|quale) (?:\w+ )?$/;
const OF_COMPANY = /^ (?:der|des|von|of|de|du|d'|di|del|della|dello|dell')\b/;
/** Restructuring procedures of their own (Austrian Sanierungsverfahren, StaRUG, Eigenverwaltung, Schutzschirm). */
const RESTRUCTURING_PROCEDURE = /eigenverwaltung|schutzschirm|sanierungsverfahren|restrukturierungsverfahren|restrukturierungsplan/;
/** Insolvency words that only name the court or the procedure's frame, not a second filing. */
const PROCEDURAL_INSOLVENCY = /^(?:insolvenzgericht|insolvente?[nrms]?|vor-?insolvenz|insolvenzverfahren)/;

/** Triggers that stand for two types, or for another type in the same sentence, by the annotation conventions. */
function applyConventions(folded: string, triggers: Array<TriggerPosition & { type: EventType }>): void {
  // "filed for Chapter 11" is an insolvency pattern until the loop below turns it: test the words after each trigger too.
  const chapter11 = triggers.some((t) => (t.type === 'debt_restructuring' || t.type === 'insolvency') && CHAPTER_11.test(folded.slice(t.start, t.end + 24)));
  // "Sanierungsverfahren mit Eigenverwaltung", "Restrukturierungsverfahren": a procedural insolvency word beside it
  // (Insolvenzgericht, insolvente Gesellschaft, Vor-Insolvenzverfahren) names the same restructuring, not a second event.
  const selfAdministered = triggers.some((t) => t.type === 'debt_restructuring' && RESTRUCTURING_PROCEDURE.test(folded.slice(t.start, t.end)));
  for (let i = triggers.length - 1; i >= 0; i--) {
    const t = triggers[i]!;
    const text = folded.slice(t.start, t.end);
    // The practitioner ("verkaufte Gerloff als Insolvenzverwalter …") is not an event of anyone in the sentence.
    if ((t.type === 'insolvency' || t.type === 'liquidation') && PRACTITIONER.test(text) && AS_PRACTITIONER.test(folded.slice(Math.max(0, t.start - 12), t.start)) && !OF_COMPANY.test(folded.slice(t.end, t.end + 12))) {
      triggers.splice(i, 1);
      continue;
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
    else if (t.type === 'insolvency' && BOTH_INSOLVENCY_AND_LIQUIDATION.test(text)) triggers.push({ ...t, type: 'liquidation' });
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

/** Own mentions that overlap a linked customer give way to it. */
function mergeMentions(own: OrgMention[], linked: readonly OrgMention[]): OrgMention[] {
  if (linked.length === 0) return own;
  const kept = own.filter((m) => !linked.some((l) => l.start < m.end && l.end > m.start));
  return [...kept, ...linked].sort((a, b) => a.start - b.start);
}

/** original offset → folded offset, from the folded → original map. */
function inverse(map: Int32Array, length: number): (original: number) => number {
  const inv = new Int32Array(length + 1).fill(-1);
  for (let i = map.length - 1; i >= 0; i--) inv[map[i]!] = i;
  for (let j = length - 1; j >= 0; j--) if (inv[j] === -1) inv[j] = inv[j + 1]!;
  return (o) => inv[Math.max(0, Math.min(length, o))]!;
}
