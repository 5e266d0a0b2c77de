import type { OrgMention } from './mentions.js';

/**
 * Courts, registers and the places they are named after: the forum of a procedure and where it sits, never a party of
 * its event (roles.ts reads them). Folded text for the words around a mention; the mention's own text as written.
 */

/**
 * A court or register is the forum of a procedure, never a company it happens to: "Amtsgericht München", "Tribunale di
 * Milano", "the High Court", "Tribunal de commerce de Bobigny", "Companies Court".
 */
const FORUM =
  /^(?:(?:the|der|das|dem|le|la|l'|il|lo) )?(?:\p{L}+ )?(?:(?:amts|land|landes|handels|insolvenz|oberlandes|bezirks|kantons|bundes|konkurs|arbeits|verwaltungs|zivil)?gericht\w*|(?:high |crown |county |supreme |district |bankruptcy |companies )?court\b|tribunal\w*|tribunale\b|cour\b|corte\b|registrar\b|handelsregister\w*|registre\b|registro\b)/iu;
const FORUMS = new WeakMap<OrgMention, boolean>();
export function isForum(m: OrgMention): boolean {
  if (m.customerId !== undefined) return false;
  let forum = FORUMS.get(m);
  if (forum === undefined) FORUMS.set(m, (forum = FORUM.test(m.text)));
  return forum;
}
/**
 * The place a court is named after is part of the forum's name, no party: "the US District Court for the Southern District
 * of New York", "al Tribunale di Trieste", "le tribunal de commerce de Bobigny", "vor dem Landgericht Köln".
 */
const FORUM_OF =
  /(?:\bcourts? for the (?:[a-z]+ )?|\b(?:courts?|tribunal|tribunale|cour|corte|district|circuit|division|registry)(?: (?:d'appello|d'appel|de commerce|de grande instance|judiciaire|fallimentare|civile?|federale?|of appeals?))? (?:of|de|du|d'|di|del|della|dello) ?(?:the )?|\b[a-z]*gerichts? )$/;
export function inForumName(folded: string, toFolded: (o: number) => number, m: OrgMention): boolean {
  if (m.customerId !== undefined) return false;
  const fs = toFolded(m.start);
  return FORUM_OF.test(folded.slice(Math.max(0, fs - 40), fs));
}
/** A place or forum, not a party: "at the High Court", "vor dem Landgericht", "devant le tribunal", "presso il tribunale". */
export const LOCATIVE = /\b(?:at|in|before|vor|beim|am|im|au|aupres du|devant|presso|al|nel|davanti al)\s+(?:the |der |dem |le |la |l'|il )?$/;
