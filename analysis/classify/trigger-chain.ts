/**
 * A trigger that hangs on another by a preposition of cause ("… to stop it being wound up over unpaid debts", "Insolvenz
 * wegen unbezahlter Rechnungen", "liquidation pour dettes impayées") is told of the same company as the trigger it hangs
 * on: the nearest organisation before it is no better guess than that trigger's subject. Original offsets, one sentence;
 * events changed in place.
 */
const CAUSE_LINK =
  /^\s*(?:over|for|because of|due to|on|wegen|aufgrund|infolge|pour|faute de|en raison de|per|a causa di|a causa del|a causa della|causa)\s+(?:(?:the|an?|its|their|der|die|des|seiner|ihrer|les|ses|leurs|le|la|i|gli|le|dei|delle|suoi|sue)\s+)?(?:[\p{L}-]+\s+)?$/u;

interface ChainEvent {
  triggerStart: number;
  triggerEnd: number;
  subject?: { start: number; end: number; text: string; kind: string };
  cues: string[];
}

/** Events whose subject was chosen by position only and whose trigger hangs on the trigger before it take that trigger's subject. */
export function shareSubjectAlongCause<E extends ChainEvent>(events: E[], lower: string): void {
  const ordered = [...events].sort((a, b) => a.triggerStart - b.triggerStart);
  for (let i = 1; i < ordered.length; i++) {
    const e = ordered[i]!;
    const head = ordered[i - 1]!;
    if (!head.subject || e.subject === head.subject || head.triggerEnd > e.triggerStart) continue;
    const rule = e.cues.find((c) => c.startsWith('role: ')) ?? '';
    if (!/^role: (?:before|after) trigger$/.test(rule)) continue;
    if (!CAUSE_LINK.test(lower.slice(head.triggerEnd, e.triggerStart))) continue;
    e.subject = head.subject;
    e.cues = [...e.cues.filter((c) => !c.startsWith('role: ')), 'role: cause: the subject of the trigger it hangs on'];
  }
}
