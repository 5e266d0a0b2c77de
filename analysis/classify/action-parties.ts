import type { EventType } from '../../platform/schemas/common.js';

/**
 * Parts read from the shape around an action noun, for the role rules (roles.ts): the organisation a trigger noun
 * governs, the author of an action directed against another, and the customer an order comes from. Folded text only.
 */

/** The words between a trigger noun and the organisation it governs ("Konkurs der X", "faillite de X", "bankrupt X"). */
const GOVERNED_GAP = /^[a-z]{0,6}\s*(?:(?:of|der|des|von|de|du|d'|di|del|della|dello|dell'|de la|de l')\s*)?(?:\w+\s)?$/;
/** "administration by Sports Direct": a passive agent acts, the noun does not govern it. */
export function governs(gap: string): boolean {
  return gap.length <= 24 && GOVERNED_GAP.test(gap) && !/[,;:]/.test(gap) && !AGENT.test(gap);
}

/**
 * "Schadensersatzklage von VW gegen ein Zulieferer-Unternehmen", "the petition of HMRC against X", "la plainte de X contre
 * Y": an action noun (a lawsuit, a petition) whose genitive is followed by an adversative preposition names its author
 * there, and the one it is directed against after the preposition. The author never suffers it.
 */
const AGAINST_AFTER = /^[^;:]{0,80}?(?:\s|\))(?:gegen|wider|against|contre|a l'encontre|contro|nei confronti)\b/;
export function actsAgainstAnother(folded: string, type: EventType, trigger: { end: number }, fs: number, fe: number): boolean {
  if ((type !== 'legal_dispute' && type !== 'debt_enforcement') || fs < trigger.end) return false;
  return governs(folded.slice(trigger.end, fs)) && AGAINST_AFTER.test(folded.slice(fe, fe + 100));
}

/**
 * "einen weiteren Auftrag von Stockholm Transport (SL) erhalten", "décroché un contrat … avec la SNCF", "ha firmato con il
 * gruppo americano Carnival … una commessa", "won a contract from X": in good news the organisation after a preposition of
 * source or partnership is the customer who places the order; the one who wins it is another organisation of the sentence.
 */
const FROM_OR_WITH = /(?:^|\s)(?:from|with|by|von|mit|seitens|avec|aupres de|de la part de|con|da|dal|dalla|dallo|dai|dagli|presso)\s+(?:(?:the|der|die|dem|den|des|la|le|l'|les|il|lo|i|gli)\s?)?(?:[a-z][\w'-]*\s){0,2}$/;
export function placesOrder(folded: string, fs: number): boolean {
  return FROM_OR_WITH.test(folded.slice(Math.max(0, fs - 40), fs));
}

/**
 * Trigger nouns whose following organisation is never the one the event is about: in good news an order noun governs the
 * customer who places the order ("remporter l’appel d’offres de l’ESA", "won the contract of the city"), and a trigger
 * that opens with a passive agent governs the agent ("rescued from administration by retail giant Next": the buyer).
 */
const ORDER_NOUN = /(?:appel d.offres|commandes?|contrats?|marches?|orders?|contracts?|tenders?|auftrag|auftrage|commess[ae]|appalt[oi]|gara)$/;
export function governsNoSufferer(type: EventType, triggerText: string): boolean {
  return (type === 'positive' && ORDER_NOUN.test(triggerText)) || /^by\b/.test(triggerText);
}

/** A passive agent between a trigger noun and an organisation: "by", "par", "durch", "da(l/lla)". */
const AGENT = /\b(?:by|par|durch|da|dal|dalla|dallo|dai|dagli|dalle)\b/;
