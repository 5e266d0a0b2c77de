/**
 * Who asks for a procedure or carries out an enforcement step: the grammatical subject of an active verb of
 * requesting or serving that governs the trigger ("HMRC … served a petition", "die TK hatte … Insolvenzantrag
 * gestellt", "Die Antragstellerin … beantragte die Eröffnung eines Insolvenzverfahrens …", "La Procura … ha ribadito
 * … la richiesta di liquidazione giudiziale per X", "l'URSSAF a assigné la société en liquidation"). The one who asks
 * is not the one the request is about unless nothing else is named; a company's own organs (board, managing
 * director) ask for the company. Folded text throughout (roles.ts reads it).
 */

/** A request or enforcement noun right before the trigger ("petition for the", "richiesta di", "Antrag auf"): the verb governs it. */
const REQUEST_NOUN_TAIL =
  /\b(?:istanza|domanda|richiesta|ricorso|demande|requete|assignation|antrag|begehren|petition|application|request|motion)(?: (?:di|per|d'|de|en|pour|aux fins de|auf|for|to))? (?:(?:l'|la |il |le |una |un |apertura |ouverture |eroffnung |einleitung |die |the |a |an )?(?:della |del |dell'|de la |d'une |d'un |du |des |eines |einer )?){0,2}$/;

/** Auxiliaries and copulas of the passive right before a participle: "has been served", "wurde … gestellt", "a été assignée". */
const PASSIVE_BEFORE = /\b(?:been|was|were|is|are|be|being|get|gets|got|wurde|wurden|worden|ist|sind|war|waren|a ete|ont ete|est|sont|etait|e stata|e stato|sono stati|sono state|viene|vengono|fu|era stata|era stato) (?:\w+ )?$/;

/**
 * Per language: an active verb of asking, serving or enforcing, then up to four words (no preposition that would hang
 * the trigger on another noun) before the trigger or its request noun. "filed for bankruptcy" is a company's own filing:
 * "for" never stands between.
 */
const ACTIVE_VERB_BEFORE: Record<string, RegExp> = {
  en: /\b(?:served|serves|serve|serving|issued|issues|issue|issuing|presented|presents|present|presenting|lodged|lodges|lodge|filed|files|file|filing|brought|brings|bring|launched|launches|launch|started|starts|initiated|initiates|obtained|obtains|secured|secures|won|wins|sought|seeks|seek|seeking|petitioned|renewed|reiterated|pursued|pursues|pursuing)(?: (?!for\b|against\b|of\b|over\b|to\b|from\b|by\b)[^\s,;:]+){0,4} $/,
  de: /\b(?:beantragte|beantragten|beantragt|stellte|stellten|stellt|reichte|reichten|reicht|leitete|leiteten|leitet|erwirkte|erwirkten|erwirkt|begehrte|begehrten|verlangte|verlangten|forderte|forderten|fordert)(?: (?!gegen\b)[^\s,;:]+){0,16} $/,
  // "Holnest a aussi engagé une procédure … et obtenu une saisie conservatoire": a participle coordinated with the auxiliary's.
  fr: /\b(?:(?:a|ont|avait|avaient|aurait|auraient) (?:\w+ ){0,2}(?:demande|requis|assigne|sollicite|engage|depose|introduit|obtenu|reclame|presente|forme|fait assigner)|et (?:a |ont )?(?:obtenu|demande|requis|sollicite|reclame|fait assigner)|assigne|assignent|requiert|requierent|sollicite|sollicitent|reclame|reclament)(?: (?!contre\b|par\b|pour\b)[^\s,;:]+){0,4} $/,
  it: /\b(?:(?:ha|hanno|aveva|avevano|avrebbe|avrebbero) (?:\w+ ){0,2}(?:chiesto|richiesto|presentato|depositato|ribadito|avanzato|promosso|proposto|ottenuto|notificato|sollecitato|reiterato)|chiede|chiedono|richiede|richiedono|presenta|presentano|deposita|depositano|ribadisce|ribadiscono|avanza|promuove)(?: (?!contro\b|da\b|dal\b|dalla\b)[^\s,;:]+){0,4} $/,
};

/**
 * German verb-final and verb-second: the participle or separable verb right after the trigger, with "hat/hatte" in the clause.
 * The trigger may end inside its word ("Insolvenzverfahren|s"), and the one the request is against may stand between
 * ("… einen Antrag auf Eröffnung eines Insolvenzverfahrens gegen den Regionalligisten KFC Uerdingen gestellt hat").
 */
const GERMAN_PARTICIPLE_AFTER = /^[\w-]*(?:(?: [\w-]+){0,4}?|(?: [\w-]+){0,1}? gegen(?: [\w-]+){1,5}?) (?:gestellt|beantragt|eingereicht|eingeleitet|erwirkt|eingebracht|begehrt)\b/;
const GERMAN_PERFECT_AUX = /\b(?:hat|hatte|haben|hatten|habe)\b/;
const GERMAN_PASSIVE = /\b(?:wurde|wurden|worden|wird|werden)\b/;
/** A German subordinate clause opened by a conjunction after a comma: its verb comes last. */
const GERMAN_SUBORDINATOR = /, (?:dass|da|weil|nachdem|ob|wie|wonach|seit|seitdem) /g;
/** The auxiliary right after a verb-final participle: "… gestellt hat", "… beantragt hatte"; of the passive, "… gestellt worden". */
const GERMAN_AUX_AFTER = /^ (?:hat|hatte|haben|hatten|habe)\b/;
const GERMAN_PASSIVE_AFTER = /^ (?:worden|wurde|wurden|wird|werden)\b/;
function lastMatchEnd(re: RegExp, text: string): number | undefined {
  let end: number | undefined;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** A company's own organs asking for it (its board, its managing director, its liquidator): no other party asks. */
const OWN_ORGAN =
  /\b(?:geschaftsfuhr\w*|vorstand\w*|aufsichtsrat\w*|gesellschafter\w*|management|board|directors?|gerant\w*|dirigeant\w*|conseil d'administration|amministrator\w*|consiglio di amministrazione|cda|soci)\b/;

/** How far before the trigger the verb of asking and its subject are looked for (folded characters). */
const WINDOW = 220;
/** The stems every verb below starts with: a cheap test before the anchored patterns (which would try every start). */
const REQUEST_STEM =
  /obtenu|serv|issu|present|lodg|file|filing|br[io]ng|brought|launch|start|initiat|obtain|secur|won|wins|sought|seek|petition|renew|reiterat|pursu|beantrag|stell|reich|leit|erwirk|begehr|verlang|forder|demand|requi|assign|sollicit|engag|depos|introdui|reclam|form|chiest|chied|richie|presenta|deposit|ribad|avanz|promo|propost|ottenut|notificat|sollecit|eingebracht/;

/** A sentence-internal boundary: a full stop, colon or semicolon before a space (not "20.9.04"). */
const CLAUSE_END = /[.;:?!]\s/g;

export interface ActiveRequest {
  /** Folded offset where the clause holding the verb starts: a requester lies between it and `verbStart`, or (German) up to the trigger. */
  clauseStart: number;
  /** Folded offset of the verb (before the trigger), or the trigger's start when the German participle follows it. */
  verbStart: number;
  /** The words of the clause before the verb name a company organ ("Der Vorstand beantragte …"): the company asks for itself. */
  ownOrgan: boolean;
}

/** The active verb of asking that governs the trigger, if any. `before` is the clause text before the trigger. */
export function activeRequest(folded: string, lang: string, trigger: { start: number; end: number }): ActiveRequest | undefined {
  // The verb is at most sixteen words before the trigger: read no further back than the window, and not past a clause end.
  const from = Math.max(0, trigger.start - WINDOW);
  let clauseStart = from;
  for (const b of folded.slice(from, trigger.start).matchAll(CLAUSE_END)) clauseStart = from + b.index + b[0].length;
  let before = folded.slice(clauseStart, trigger.start);
  if (!REQUEST_STEM.test(folded.slice(clauseStart, lang === 'de' ? trigger.end + 60 : trigger.end))) return undefined;
  const noun = REQUEST_NOUN_TAIL.exec(before);
  if (noun) before = before.slice(0, noun.index);
  // The trigger may open with the verb itself ("served a petition", "issued a statutory demand").
  const own = noun ? '' : (/^[a-z]+/.exec(folded.slice(trigger.start, trigger.end))?.[0] ?? '');
  const re = ACTIVE_VERB_BEFORE[lang] ?? ACTIVE_VERB_BEFORE.en!;
  const m = re.exec(own ? `${before}${own} ` : before);
  if (m && !PASSIVE_BEFORE.test(before.slice(0, m.index))) {
    const verbStart = Math.min(clauseStart + m.index, trigger.start);
    return { clauseStart, verbStart, ownOrgan: OWN_ORGAN.test(folded.slice(clauseStart, verbStart)) };
  }
  if (lang === 'de') {
    // A subordinate clause ("…, dass das Finanzamt … gestellt hat") is read from its conjunction, its auxiliary after the participle.
    const sub = lastMatchEnd(GERMAN_SUBORDINATOR, folded.slice(clauseStart, trigger.start));
    const start = sub === undefined ? clauseStart : clauseStart + sub;
    const clause = folded.slice(start, trigger.start);
    const participle = GERMAN_PARTICIPLE_AFTER.exec(folded.slice(trigger.end, trigger.end + 80));
    const tail = participle ? folded.slice(trigger.end + participle[0].length, trigger.end + participle[0].length + 12) : '';
    const perfect = GERMAN_PERFECT_AUX.test(clause) || (sub !== undefined && GERMAN_AUX_AFTER.test(tail));
    if (participle && perfect && !GERMAN_PASSIVE.test(clause) && !GERMAN_PASSIVE_AFTER.test(tail))
      return { clauseStart: start, verbStart: trigger.start, ownOrgan: OWN_ORGAN.test(clause) };
  }
  return undefined;
}

/** Whether a mention (folded offsets) is the requester: in the verb's clause, before the verb (or, German, before the trigger). */
export function isRequester(request: ActiveRequest, start: number, end: number, triggerStart: number): boolean {
  if (start < request.clauseStart) return false;
  return end <= request.verbStart || (request.verbStart === triggerStart && end <= triggerStart);
}

/** A subordinate clause of cause or time: "da/weil", "because/as/since/after", "car/parce que/puisque", "perché/poiché/dato che". */
const CAUSAL = /(?:^|[\s,;(])(?:da|weil|nachdem|because|as|since|after|car|parce que|parce qu'|puisque|puisqu'|perche|poiche|dato che|siccome)\s/;

interface ReadEvent {
  type: string;
  triggerType: string;
  triggerStart: number;
  triggerEnd: number;
  role: string;
  subject?: { start: number; end: number; text: string; kind: string };
  parties: Array<{ mention: { start: number; end: number; text: string; kind: string }; role: string }>;
  cues: string[];
}

/**
 * "Ende September hatte die TK … Insolvenzantrag gestellt, da die Neue Elsa die ausstehenden Beiträge nicht gezahlt
 * hatte": a request for insolvency told together with another organisation's non-payment, in a clause of cause after it,
 * is that creditor's petition against the one that did not pay. Events of one sentence, original offsets; changed in place.
 */
export function readPetitionForNonPayment<E extends ReadEvent>(events: E[], lower: string, requested: (e: E) => boolean): void {
  for (const e of events) {
    if (e.type !== 'insolvency' || !e.subject || e.subject.kind !== 'name' || !requested(e)) continue;
    const x = e.subject;
    const unpaid = events.find(
      (d) =>
        d.triggerType === 'payment_delay' &&
        d.triggerStart > e.triggerEnd &&
        d.subject?.kind === 'name' &&
        d.subject.text.toLowerCase() !== x.text.toLowerCase() &&
        d.subject.start > e.triggerEnd &&
        CAUSAL.test(lower.slice(e.triggerEnd, d.subject.start)) &&
        !/[.;]/.test(lower.slice(e.triggerEnd, d.subject.start)),
    );
    if (!unpaid?.subject) continue;
    e.type = 'debt_enforcement';
    e.role = 'respondent';
    e.parties = [...e.parties.filter((p) => p.mention !== unpaid.subject), { mention: x, role: 'petitioner' }];
    e.subject = unpaid.subject;
    e.cues = [...e.cues.filter((c) => !c.startsWith('role: ')), "role: unpaid: the one that did not pay, in a clause of cause; creditor's petition"];
  }
}

/** A state of insolvency (not a procedure): "insolvenza", "insolvent", "zahlungsunfähig", "insolvabilité". */
const INSOLVENCY_STATE = /^(?:insolvenza|insolvente|insolvency|insolvent|insolvable|insolvabilite|zahlungsunfahig\w*|cessation des paiements|stato di insolvenza)$/;
/** A relative clause of the party named before it: "la cui insolvenza", "whose insolvency", "dont l'insolvabilité", "deren Zahlungsunfähigkeit". */
const RELATIVE_OWNER = /\b(?:la cui|il cui|whose|dont l'|dont la|deren|dessen)\s*$/;

/**
 * One fact, one event: "… aveva chiesto al Tribunale … la pronuncia del fallimento di detta società, la cui insolvenza era
 * palese" — the debtor's state of insolvency told in a relative clause after a creditor's petition is the petition's ground,
 * not a second, opened insolvency. Same subject, after the petition, no clause end between. Original offsets; in place.
 */
export function dropPetitionGround<E extends ReadEvent & { trigger: string }>(events: E[], lower: string): void {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'insolvency' || !INSOLVENCY_STATE.test(e.trigger.toLowerCase())) continue;
    if (!RELATIVE_OWNER.test(lower.slice(Math.max(0, e.triggerStart - 12), e.triggerStart))) continue;
    const petition = events.some(
      (d) =>
        d.type === 'debt_enforcement' &&
        d.cues.some((c) => c.includes("creditor's petition")) &&
        d.triggerEnd <= e.triggerStart &&
        (d.subject === undefined || e.subject === undefined || d.subject.text.toLowerCase() === e.subject.text.toLowerCase()) &&
        !/[.;]\s/.test(lower.slice(d.triggerEnd, e.triggerStart)),
    );
    if (petition) events.splice(i, 1);
  }
}
