import type { EventType } from '../../platform/schemas/common.js';
import type { EventRole } from '../../platform/schemas/event-role.js';
import type { OrgMention } from './mentions.js';
import { AFTER, BEFORE, bracketedCreditor, firstMarker, GROUP, isCaption, markerFilter, type Group, type Marker } from './role-markers.js';
import type { SentenceReading } from './sentence-reading.js';
import { insideClosedRelative, relativeAntecedent } from './relative-clause.js';
import { activeRequest, isRequester } from './requester.js';
import { ACTIVE_BUY, markInvertedBuyer } from './buyer-roles.js';
import { AGENT_AFTER, isRatingAgent, RATING_ACTION } from './rating-agent.js';
import { aliasHeads } from './party-aliases.js';
import { actsAgainstAnother, governs, governsNoSufferer, placesOrder } from './action-parties.js';
import { inForumName, isForum, LOCATIVE } from './forum.js';
import { possessedUnit } from './possessed-unit.js';

/**
 * Who suffers the event of one trigger, and who plays another part. Each organisation mention
 * is read against the words right before and after it ("gegen X", "against X", "à l'encontre de
 * X", "nei confronti di X", "Gläubigerin: X", "presented by X", "X was appointed administrator",
 * "X übernimmt Y", "acquired by X") and, failing a marker, the subject is the organisation the
 * sentence puts in front of the trigger (active voice), or the one the trigger noun governs
 * ("Konkurs der X", "faillite de X", "bankrupt X"). Every rule works on folded text.
 */
export interface RoleAssignment {
  subject?: OrgMention;
  role: EventRole;
  /** Other organisations of the sentence with the part they play (creditor, acquirer, …). */
  parties: Array<{ mention: OrgMention; role: EventRole }>;
  /** The marker that decided, for the explanation. */
  reason: string;
  /** An active verb of asking governs the trigger and its subject is another party than the one the request is about. */
  requestedByAnother?: boolean;
}

const BEARING_FOR: Record<Group, EventRole> = { debt: 'debtor', ownership: 'acquired', legal: 'defendant', other: 'subject' };
const COUNTERPART: Partial<Record<EventRole, EventRole>> = { acquirer: 'acquired', plaintiff: 'defendant', creditor: 'debtor', petitioner: 'respondent', customer: 'subject' };

export interface RoleInput {
  /** The sentence as written (the mentions' offsets are into it). */
  sentence?: string;
  /** The sentence folded, with `toFolded[i]` = folded offset of original character i. */
  folded: string;
  toFolded: (original: number) => number;
  lang: string;
  type: EventType;
  trigger: { start: number; end: number }; // folded offsets
  mentions: readonly OrgMention[]; // original offsets
  /**
   * The marker each mention's surroundings give, per event group: the same for every trigger of a sentence,
   * so the caller passes one cache per sentence and each mention's markers are tested once per group.
   */
  markerCache?: MarkerCache;
  /** The sentence read once (sentence-reading.ts): its marker anchors are found by one scan for all mentions. */
  reading?: SentenceReading;
}

/** Mention → group → the marker found around it (null: none). */
export type MarkerCache = Map<OrgMention, Map<Group, Marker | null>>;

export function assignRoles(input: RoleInput): RoleAssignment {
  const base = assignByPosition(input);
  return GROUP[input.type] === 'debt' ? readRequester(input, base) : base;
}

/**
 * The one who asks is not the one asked about. A debt enforcement is a creditor's act: the subject of the active verb that
 * carries it out ("HMRC … duly served a petition") is the petitioner, and the sufferer is another organisation of the
 * sentence (none when it names no other). An insolvency or liquidation asked for by a subject before the verb, about an
 * organisation after the trigger ("Die Antragstellerin … beantragte die Eröffnung eines Insolvenzverfahrens … der
 * Schuldnerin", "la Procura … la richiesta di liquidazione giudiziale per Bioera spa"), is asked for by another party.
 * A company's organs asking (board, managing director) ask for the company itself.
 */
function readRequester(input: RoleInput, base: RoleAssignment): RoleAssignment {
  const { folded, toFolded, lang, type, trigger, mentions } = input;
  if (type !== 'debt_enforcement' && type !== 'insolvency' && type !== 'liquidation') return base;
  const s = base.subject;
  if (!s) return base;
  const fs = toFolded(s.start);
  const fe = toFolded(s.end);
  if (fs >= trigger.end) {
    // Only an organisation the trigger's own clause goes on to name ("… der Schuldnerin", "per Bioera spa"), not one after a
    // comma ("…gestellt, teilte das Unternehmen mit").
    // A debtor a marker names after the trigger ("… Antrag … gegen den Regionalligisten KFC Uerdingen gestellt hat") is asked
    // about all the same: the subject of the verb of asking before the trigger is the petitioner.
    const marked = /^marker /.test(base.reason);
    if (type === 'debt_enforcement' || (!marked && /[,;:]/.test(folded.slice(trigger.end, fs)))) return base;
    const request = activeRequest(folded, lang, trigger);
    if (!request || request.ownOrgan) return base;
    const sameAsSubject = (m: OrgMention) => m.text.toLowerCase() === s.text.toLowerCase();
    const requesters = mentions.filter((m) => isRequester(request, toFolded(m.start), toFolded(m.end), trigger.start) && !base.parties.some((p) => p.mention === m) && !sameAsSubject(m));
    if (marked && requesters.length === 0) return base;
    const petitioners = requesters.map((m) => ({ mention: m, role: 'petitioner' as EventRole }));
    return { ...base, role: 'respondent', parties: [...base.parties, ...petitioners], reason: `${base.reason}; asked for by the subject of an active verb`, requestedByAnother: true };
  }
  // An insolvency asked for "über das Vermögen der/des …", "against …", "à l'encontre de …": about another's assets.
  const aboutAnother = type !== 'debt_enforcement' && ABOUT_ANOTHER.test(folded.slice(trigger.end, trigger.end + 40));
  if ((type !== 'debt_enforcement' && !aboutAnother) || !base.reason.startsWith('before trigger')) return base;
  const request = activeRequest(folded, lang, trigger);
  if (!request || request.ownOrgan || !isRequester(request, fs, fe, trigger.start)) return base;
  const same = (m: OrgMention) => m.text.toLowerCase() === s.text.toLowerCase();
  const petitioners = mentions.filter(same).map((m) => ({ mention: m, role: 'petitioner' as EventRole }));
  const aliases = aliasHeads(folded, toFolded, mentions);
  const others = mentions.filter((m) => !same(m) && !isForum(m) && !inForumName(folded, toFolded, m) && !aliases.has(m) && !base.parties.some((p) => p.mention === m) && !overlapsTrigger(toFolded(m.start), toFolded(m.end), trigger) && !LOCATIVE.test(folded.slice(Math.max(0, toFolded(m.start) - 16), toFolded(m.start))));
  const debtor = others.length > 0 ? nearest(others, trigger, toFolded) : undefined;
  return {
    ...(debtor ? { subject: debtor } : {}),
    role: 'respondent',
    parties: [...base.parties.filter((p) => p.mention !== debtor), ...petitioners],
    reason: 'requester: the subject of the active verb is the petitioner',
    ...(aboutAnother ? { requestedByAnother: true } : {}),
  };
}
/** Right after an insolvency trigger: the request is about another's assets or against another party. */
const ABOUT_ANOTHER =
  /^[^.;,]{0,12}?\b(?:uber das vermogen (?:der|des|dieser|dieses|einer|eines|seiner|ihrer|von)|gegen (?:die|den|das)|against|for the winding[- ]up of|a l'encontre (?:de|du|des|d')|a l'egard (?:de|du|des|d')|contre (?:la|le|l')|nei confronti (?:di|del|della|dello|dei)|contro (?:la|il|lo|l'))\b/;

function assignByPosition(input: RoleInput): RoleAssignment {
  const { folded, toFolded, lang, type, trigger, mentions } = input;
  const group = GROUP[type];
  const bearing = BEARING_FOR[group];
  const parties: RoleAssignment['parties'] = [];
  const roles = new Map<OrgMention, { role: EventRole; reason: string }>();
  for (const m of mentions) {
    const fs = toFolded(m.start);
    const fe = toFolded(m.end);
    if (overlapsTrigger(fs, fe, trigger)) continue;
    const marker = markerAround(input, m, fs, fe, group);
    // "… held the Supreme Court in Raju Jhurani v Ceminda Pvt Ltd": a caption after the trigger cites the case a rule comes from.
    const hit = marker && isCaption(marker) && fs >= input.trigger.end ? undefined : marker;
    if (hit) roles.set(m, { role: hit.role, reason: isCaption(hit) ? 'court caption' : hit.re.source.slice(0, 40) });
    else if (actsAgainstAnother(input.folded, input.type, input.trigger, fs, fe)) roles.set(m, { role: group === 'legal' ? 'plaintiff' : 'petitioner', reason: 'the agent of an action noun against another' });
    else if (input.type === 'positive' && placesOrder(folded, fs)) roles.set(m, { role: 'customer', reason: 'the customer an order or contract comes from' });
  }
  shareConjunctRoles(input, roles);
  // "Rio Tinto (ex-Alcan Pechiney)", "No Ordinary Designer Label, trading as Ted Baker": the alias is the head's party.
  const aliases = aliasHeads(folded, toFolded, mentions);
  for (const [alias, head] of aliases) {
    const r = roles.get(head);
    if (r && !roles.has(alias)) roles.set(alias, { role: r.role, reason: `alias of ${head.text}` });
  }
  const standsForAnother = (m: OrgMention) => {
    const head = aliases.get(m);
    return head !== undefined && !overlapsTrigger(toFolded(head.start), toFolded(head.end), trigger);
  };
  // "tax was owed by the club", "pursued by": the trigger ends in the passive agent, so the sufferer follows it and
  // an organisation before it is the one owed.
  const agentTrigger = / by$/.test(folded.slice(trigger.start, trigger.end)) && group === 'debt';
  if (agentTrigger) {
    for (const m of mentions) if (!roles.has(m) && toFolded(m.end) <= trigger.start) roles.set(m, { role: 'creditor', reason: 'before a passive agent trigger' });
  }
  // German verb-second ("Im April übernahm ein Konsortium aus X … die Kette von Y"): the buyer follows the verb.
  if (group === 'ownership' && lang === 'de') markInvertedBuyer(input, roles);
  for (const [m, r] of roles) parties.push({ mention: m, role: r.role });
  const isBearing = (r: EventRole) => r === bearing || r === 'debtor' || r === 'respondent' || r === 'acquired' || r === 'defendant';
  // 0. "Victoria Secret's UK arm falls into administration": the unit a possessive names suffers the event, not its owner
  // (the owner is the parent); the unit is a reference the name finder did not see.
  const unit = input.sentence === undefined ? undefined : possessedUnit(input.sentence, parties, trigger, toFolded);
  // 1. A marker names the sufferer.
  // An alias marked only through its head ("gegen die Kärntner Tageszeitung (KTZ)") leaves the choice to the head.
  const marked = parties.filter((p) => isBearing(p.role) && !(aliases.has(p.mention) && roles.get(p.mention)!.reason.startsWith('alias of ')));
  if (marked.length === 0 && unit) return { subject: unit, role: roleFor(group, bearing, type), parties, reason: 'possessed unit of a parent' };
  if (marked.length > 0) {
    const best = nearest(marked.map((p) => p.mention), trigger, toFolded);
    return { subject: best, role: roleFor(group, roles.get(best)!.role, type), parties: parties.filter((p) => p.mention !== best), reason: `marker ${roles.get(best)!.reason}` };
  }
  // 2. A counterpart is marked ("presented by HMRC", "X übernimmt"): the sufferer is another organisation.
  // The same organisation named twice ("Cairn filed … awarded to Cairn") keeps the part its first marker gave it.
  // A short form in brackets ("Claude Mayo Construction Company (Claude Mayo)") is the same organisation.
  const partyNames = [...roles].filter(([, r]) => !isBearing(r.role)).map(([m]) => m.text.toLowerCase());
  const sameAsParty = (m: OrgMention) => {
    const t = m.text.toLowerCase();
    return partyNames.some((p) => p === t || (t.length >= 4 && p.startsWith(t)) || (p.length >= 4 && t.startsWith(p)));
  };
  const free = mentions.filter((m) => !roles.has(m) && !sameAsParty(m) && !isForum(m) && !inForumName(folded, toFolded, m) && !standsForAnother(m) && !overlapsTrigger(toFolded(m.start), toFolded(m.end), trigger));
  const counterpart = parties.find((p) => COUNTERPART[p.role]);
  // An organisation inside a relative clause closed before the trigger ("Carnival, che controlla Costa Crociere e Aida, una
  // commessa") describes another noun: it is no counterpart's counterpart.
  // A description inside a bracket that glosses the parties ("(…, créancier du groupe)") stands for a company named outside it.
  const open = counterpart
    ? free.filter((m) => toFolded(m.end) > trigger.start || (!insideClosedRelative(folded, toFolded(m.start), toFolded(m.end), trigger.start, lang) && !(m.kind === 'reference' && inBracketBefore(folded, toFolded(m.start), trigger.start))))
    : free;
  if (counterpart && open.length > 0) {
    const best = nearest(open, trigger, toFolded);
    return { subject: best, role: roleFor(group, COUNTERPART[counterpart.role]!, type), parties, reason: `counterpart ${counterpart.role}` };
  }
  // 3. The organisation the trigger noun governs: "Konkurs der X", "faillite de X", "bankrupt X", "bankruptcy of X".
  const governed = free.find((m) => {
    if (toFolded(m.start) < trigger.end || governsNoSufferer(type, folded.slice(trigger.start, trigger.end))) return false;
    const gap = folded.slice(trigger.end, toFolded(m.start));
    return governs(gap);
  });
  if (governed) return { subject: governed, role: roleFor(group, bearing, type), parties, reason: 'governed by trigger' };
  // 3'. A rating action: the agency acts, the company rated is its object ("Moody's downgraded the senior unsecured rating of BP
  // Finance", "Herabstufung der Kreditwürdigkeit von Thyssenkrupp"); the agency is never the subject, neither as the one named
  // right before the verb nor as a passive agent ("von Moody's herabgestuft").
  let candidates = free;
  if (RATING_ACTION.test(folded.slice(trigger.start, trigger.end))) {
    const rated = free.find((m) => {
      const fs = toFolded(m.start);
      const gap = folded.slice(trigger.end, fs);
      return fs >= trigger.end && fs - trigger.end <= AFTER_REACH && !/[;:.]/.test(gap) && !AGENT_AFTER.test(gap);
    });
    if (rated) return { subject: rated, role: roleFor(group, bearing, type), parties, reason: 'rated: the object of a rating action' };
    candidates = free.filter((m) => !isRatingAgent(folded, toFolded(m.start), toFolded(m.end), trigger));
  }
  // 3a. A relative clause ("X, which collapsed", "a chain of restaurants, that had fallen into insolvency"): its subject is
  // the noun phrase it hangs on. When that is no organisation, no other organisation of the sentence is the subject.
  const relative = relativeAntecedent(input);
  // Workers or stores a layoff clause hangs on ("trois salariées, qui se retrouvent en licenciement") belong to the company:
  // only a debt event or distress is refused to the others.
  if (relative === null && (group === 'debt' || type === 'financial_distress')) return { role: roleFor(group, bearing, type), parties, reason: NOT_AN_ORGANISATION };
  if (relative && !roles.has(relative) && !sameAsParty(relative)) return { subject: relative, role: roleFor(group, bearing, type), parties, reason: 'antecedent of a relative clause' };
  // 3b. An active verb of buying ("Coca-Cola … was acquiring coffee chain Costa"): the organisation after it is bought, the one before buys.
  if (group === 'ownership' && ACTIVE_BUY[lang]?.test(folded.slice(trigger.start, trigger.end + 4))) {
    const after = free.filter((m) => toFolded(m.start) >= trigger.end && !/[;:.]/.test(folded.slice(trigger.end, toFolded(m.start))));
    if (after.length > 0) {
      const buyers = free.filter((m) => toFolded(m.end) <= trigger.start).map((m) => ({ mention: m, role: 'acquirer' as EventRole }));
      return { subject: after[0], role: 'acquired', parties: [...parties, ...buyers], reason: 'object of a buying verb' };
    }
  }
  // 4. Active voice: the nearest organisation before the trigger in its clause; else the nearest after.
  // The speaker of a reporting verb ("X … claims the defendants owe …", "X said Y filed …") is not the trigger's subject.
  // An organisation inside a relative clause closed before the trigger ("creditors, which include X, met to vote on the CVA")
  // describes another noun; it is not the subject of the main clause.
  const beforeTrigger = candidates.filter(
    (m) =>
      toFolded(m.end) <= trigger.start &&
      !/[;]/.test(folded.slice(toFolded(m.end), trigger.start)) &&
      !speaksOfTrigger(folded.slice(toFolded(m.end), trigger.start)) &&
      !insideClosedRelative(folded, toFolded(m.start), toFolded(m.end), trigger.start, lang),
  );
  if (beforeTrigger.length > 0) {
    // Prefer a name over a later pronoun/reference only when the reference is far away.
    let best = beforeTrigger[beforeTrigger.length - 1]!;
    // "Die Pierer Group muss für die KTM AG … einen Restrukturierungsplan vorlegen": the one something is done for is no clause
    // subject; the clause's subject before it, with no comma between, is.
    if (BENEFICIARY.test(folded.slice(Math.max(0, toFolded(best.start) - 12), toFolded(best.start)))) {
      const subject = beforeTrigger.find(
        (m) => m !== best && !PREPOSITION_BEFORE.test(folded.slice(Math.max(0, toFolded(m.start) - 16), toFolded(m.start))) && !/[,;:(]/.test(folded.slice(toFolded(m.end), toFolded(best.start))),
      );
      if (subject) best = subject;
    }
    // "FoodFirst, the parent company of the Brio and Bravo chains, filed for Chapter 11": not a name inside the apposition.
    // "Le groupe Altia, propriétaire de …": a description and the name right after it are one head.
    const first = beforeTrigger[0]!;
    const second = beforeTrigger[1];
    const head = first.kind === 'reference' && second && /^\s+$/.test(folded.slice(toFolded(first.end), toFolded(second.start))) ? second : first;
    if (best !== head && APPOSITION.test(folded.slice(toFolded(head.end), trigger.start)) && folded.slice(toFolded(best.end), trigger.start).includes(','))
      return { subject: head, role: roleFor(group, bearing, type), parties, reason: 'before trigger, past an apposition' };
    // "Hostmore, the owners of TGI Fridays has gone into administration": a description in apposition stands for the name.
    if (best.kind === 'reference') {
      const named = beforeTrigger.find((m) => m.kind === 'name' && /^, $/.test(folded.slice(toFolded(m.end), toFolded(best.start))));
      if (named) return { subject: named, role: roleFor(group, bearing, type), parties, reason: 'before trigger, the name of an apposition' };
    }
    // "… won another chance to sort out its finances with HM Revenue & Customs to stop it being wound up": a pronoun right
    // before the trigger is its subject, and it stands for the clause's subject, not for an organisation after a preposition.
    if (lang === 'en' && PRONOUN_BEFORE_TRIGGER.test(folded.slice(Math.max(toFolded(best.end), trigger.start - 40), trigger.start))) {
      const antecedent = beforeTrigger.find((m) => m !== best && !AFTER_PREPOSITION.test(folded.slice(Math.max(0, toFolded(m.start) - 12), toFolded(m.start))));
      if (antecedent && AFTER_PREPOSITION.test(folded.slice(Math.max(0, toFolded(best.start) - 12), toFolded(best.start))))
        return { subject: antecedent, role: roleFor(group, bearing, type), parties, reason: 'before trigger, the antecedent of its pronoun' };
    }
    return { subject: best, role: roleFor(group, bearing, type), parties, reason: 'before trigger' };
  }
  // After the trigger only when it is close ("Cette acquisition … renforcer la position de leader de Carrefour" is not about Carrefour).
  const near = candidates.filter((m) => toFolded(m.start) >= trigger.end && toFolded(m.start) - trigger.end <= AFTER_REACH);
  if (near.length > 0) return { subject: near[0], role: roleFor(group, bearing, type), parties, reason: 'after trigger' };
  return { role: roleFor(group, bearing, type), parties, reason: 'no organisation' };
}

/** The marker the words around a mention give for an event group (before and after it, not the trigger's own words). */
function markerAround(input: RoleInput, m: OrgMention, fs: number, fe: number, group: Group): Marker | undefined {
  const cached = input.markerCache?.get(m)?.get(group);
  if (cached !== undefined) return cached ?? undefined;
  const { folded, lang } = input;
  const from = Math.max(0, fs - 70);
  const before = folded.slice(from, fs);
  // The sentence read once knows where every marker's anchors are: each window asks it instead of scanning again.
  const reading = input.reading?.folded === folded ? input.reading : undefined;
  // A possessive the mention's own token carries ("the Company’s creditors") is read as the words after it read it.
  const possessive = POSSESSIVE_END.test(m.text);
  const after = (possessive ? "'s" : '') + folded.slice(fe, fe + 140);
  const afterTable = AFTER[lang] ?? AFTER.en!;
  const afterHit = firstMarker(afterTable, group, after, reading && !possessive ? { hits: reading.hits(markerFilter(afterTable)), from: fe, to: fe + 140 } : undefined);
  // "acquire Vodafone's stake in X": the possessive stake makes Vodafone the seller, whatever precedes it.
  const beforeTable = BEFORE[lang] ?? BEFORE.en!;
  const beforeHits = reading?.hits(markerFilter(beforeTable));
  const beforeHit = (text: string) => firstMarker(beforeTable, group, text, beforeHits ? { hits: beforeHits, from, to: from + text.length } : undefined);
  // "sold to the new company, X", "against its former parent, X": the marker governs the description X stands in apposition to.
  const descriptor = DESCRIPTOR_TAIL.exec(before);
  const found =
    (afterHit?.role === 'seller' ? afterHit : undefined) ??
    beforeHit(before) ??
    (descriptor ? beforeHit(before.slice(0, descriptor.index + 1)) : undefined) ??
    afterHit ??
    (group === 'debt' && bracketedCreditor(folded.slice(Math.max(0, fs - 200), fs)) ? BRACKETED_CREDITOR : undefined);
  const hit = found?.namesOnly && m.kind !== 'name' ? undefined : found;
  if (input.markerCache) {
    let byGroup = input.markerCache.get(m);
    if (!byGroup) input.markerCache.set(m, (byGroup = new Map()));
    byGroup.set(group, hit ?? null);
  }
  return hit;
}

const POSSESSIVE_END = /['’‘]s$/;
const BRACKETED_CREDITOR: Marker = { re: /a creditor named in a bracket after a creditor noun/, role: 'creditor', groups: ['debt'] };
/** A definite or indefinite description closed by a comma right before a mention: the mention is its apposition. */
const DESCRIPTOR_TAIL = /\s(?:the|a|an|its|their|der|die|das|den|dem|des|le|la|les|l'|un|une|il|lo|gli|una|uno)\s?(?:[\w'’&-]+ ){0,3}[\w'’&-]+, $/;

/**
 * Between an organisation and a later trigger, a reporting verb whose own clause goes on past it: "In Gear Fashions, which
 * supplies Sears, claims the defendants owe …" — the organisation is the one speaking; the clause it reports has its own
 * subject. Not when the trigger follows the verb at once ("X says it filed" keeps X through its pronoun elsewhere).
 */
const REPORTING =
  /(?:^|,|\s)(?:claims?|claimed|claiming|alleges?|alleged|alleging|argues?|argued|insists?|insisted|behauptet|behauptete|wirft|warf|affirme|affirmait|soutient|pretend|sostiene|sosteneva|afferma|lamenta)\s+(?:that |dass |que |qu'|che )?(?:the|die|der|les|le|la|i|gli|le) ([a-z][\w'-]+ ){0,3}$/;
function speaksOfTrigger(between: string): boolean {
  return REPORTING.test(between);
}

/**
 * Organisations joined by a conjunction share their part: "formé par Tally Weijl et Etam", "gegen A und B", "acquired by A
 * and B". Only an explicit conjunction links them (a bare comma may start another clause: "Lidl kauft Kochzauber, Lieferando …").
 */
function shareConjunctRoles(input: RoleInput, roles: Map<OrgMention, { role: EventRole; reason: string }>): void {
  const { folded, toFolded, mentions } = input;
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const m = ordered[i]!;
    const r = roles.get(prev);
    if (!r || roles.has(m)) continue;
    const gap = folded.slice(toFolded(prev.end), toFolded(m.start));
    if (CONJUNCT.test(gap)) roles.set(m, { role: r.role, reason: `joined to ${prev.text}` });
    // "sold to the new company, Internacionale UK Ltd": a name in apposition to a description is the same party.
    else if (prev.kind === 'reference' && m.kind === 'name' && /^, $/.test(gap)) roles.set(m, { role: r.role, reason: `apposition to ${prev.text}` });
  }
}
const CONJUNCT = /^,? (?:and|et|und|e|ed|sowie|as well as|ainsi que|oder|or|ou|o) (?:(?:the|der|die|das|den|dem|des|le|la|l'|les|il|lo|la|gli|i) )?$/;

/** "… to stop it being wound up", "forced them into administration": a pronoun is the trigger's own subject or object. */
const PRONOUN_BEFORE_TRIGGER = /\b(?:it|them|itself)(?: (?:from|being|going|into|to|in|was|is))* $/;
/**
 * The one something is done for, with its article: "für die KTM AG", "for the group". Without an article "for" often
 * introduces an amount or a reason ("petition for GBP 1.1 million"); French "pour" and Italian "per" as often a purpose.
 */
const BENEFICIARY = /\b(?:fur|for)\s+(?:the|der|die|das|den|dem|des)\s$/;
/** Any preposition right before an organisation, in the four languages: it is no clause subject there. */
const PREPOSITION_BEFORE =
  /\b(?:with|to|from|by|for|against|of|at|in|on|over|under|between|than|mit|von|zu|zur|zum|bei|fur|gegen|uber|nach|aus|an|auf|avec|a|au|aux|de|du|des|par|pour|contre|chez|sur|con|da|dal|dalla|di|del|della|per|contro|su|presso)\s+(?:(?:the|a|an|der|die|das|den|dem|des|la|le|l'|les|il|lo|i|gli)\s?)?$/;
/** An organisation right after a preposition is no clause subject ("with HM Revenue & Customs", "from the club"). */
const AFTER_PREPOSITION = /\b(?:with|to|from|by|for|against|of|at|in|on|over|under|between|than)\s+(?:the |a |an )?$/;

/** How far after a trigger an organisation without a marker can be its subject (folded characters). */
const AFTER_REACH = 60;
/**
 * ", the parent company of …, " / ", die Mutter der …, " / ", propriétaire de Caddie et de 47 autres entreprises, " between the
 * sentence's first organisation and the trigger: a description in apposition, with or without an article.
 */
const APPOSITION =
  /^(?: \([^()]{1,40}\))?, (?:(?:the|a|an|its|which|who|der|die|das|ein|eine|le|la|l'|un|une|il|lo|una|che|qui|dont)\b|[a-z][\w'-]* (?:of|de|du|des|d'|der|von|di|del|della|dello|dell')\b)[^;:]*, (?:[\w'-]+ ){0,6}$/;

/** The reason given when the trigger's clause is about something that is not an organisation (classify-document locks it). */
export const NOT_AN_ORGANISATION = 'not an organisation: the relative clause hangs on another noun';

/** A position inside a bracket that closes before the trigger. */
function inBracketBefore(folded: string, at: number, triggerStart: number): boolean {
  const open = folded.lastIndexOf('(', at);
  if (open < 0 || folded.lastIndexOf(')', at) > open) return false;
  const close = folded.indexOf(')', at);
  return close !== -1 && close < triggerStart;
}

/** A mention that contains the trigger's start or lies inside it is part of the trigger ("il fallimento"), not a party. */
function overlapsTrigger(fs: number, fe: number, trigger: { start: number; end: number }): boolean {
  return fs <= trigger.start ? fe > trigger.start : fe <= trigger.end;
}

function roleFor(group: Group, role: EventRole, type: EventType): EventRole {
  if (group === 'debt') return type === 'debt_enforcement' && role === 'respondent' ? 'respondent' : 'debtor';
  return role;
}

function nearest(ms: readonly OrgMention[], trigger: { start: number; end: number }, toFolded: (o: number) => number): OrgMention {
  let best = ms[0]!;
  let bestD = Infinity;
  for (const m of ms) {
    const s = toFolded(m.start);
    const e = toFolded(m.end);
    const d = e <= trigger.start ? trigger.start - e : s - trigger.end;
    if (d < bestD) {
      bestD = d;
      best = m;
    }
  }
  return best;
}
