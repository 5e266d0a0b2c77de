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

interface PartyEvent extends ChainEvent {
  type: string;
  triggerType: string;
  subject?: { start: number; end: number; text: string; kind: string };
  parties: Array<{ mention: { start: number; end: number; text: string; kind: string }; role: string }>;
}
const DEBT_TYPES = new Set(['insolvency', 'debt_restructuring', 'liquidation', 'debt_enforcement', 'payment_delay']);
const ACTING = new Set(['petitioner', 'creditor']);

/**
 * One party plays one part in a sentence's debt: an organisation another trigger of the sentence reads as the petitioner or
 * creditor ("HMRC have … been forced to consent to the dismissal of a winding-up petition … after … presenting a winding-up
 * petition") is not the debtor of a trigger that chose it by position alone. That trigger takes the debtor the other one
 * names, or none (the creditor is then a party of it, so a watched creditor never gets the event). Events changed in place.
 */
export function keepOnePartPerParty<E extends PartyEvent>(events: E[]): void {
  if (events.length < 2) return;
  const acting = new Map<string, E['parties'][number]['mention']>();
  for (const e of events) if (DEBT_TYPES.has(e.triggerType)) for (const p of e.parties) if (ACTING.has(p.role)) acting.set(p.mention.text.toLowerCase(), p.mention);
  if (acting.size === 0) return;
  for (const e of events) {
    const s = e.subject;
    if (!s || !DEBT_TYPES.has(e.triggerType) || !acting.has(s.text.toLowerCase())) continue;
    const rule = e.cues.find((c) => c.startsWith('role: ')) ?? '';
    if (!/^role: (?:before trigger|after trigger|governed by trigger)/.test(rule)) continue;
    const debtor = events.find((o) => o !== e && DEBT_TYPES.has(o.triggerType) && o.subject && !acting.has(o.subject.text.toLowerCase()) && o.parties.some((p) => p.mention.text.toLowerCase() === s.text.toLowerCase()))?.subject;
    if (debtor) e.subject = debtor;
    else delete e.subject;
    e.parties = [...e.parties.filter((p) => p.mention !== s), { mention: s, role: 'petitioner' }];
    e.cues = [...e.cues.filter((c) => !c.startsWith('role: ')), `role: ${s.text} is the petitioner another trigger of the sentence names`];
  }
}
