import type { EventRole } from '../../platform/schemas/event-role.js';
import type { OrgMention } from './mentions.js';

/** Buyers and sellers by the shape of a buying verb (roles.ts reads these for the ownership group). */

/** What the buyer rule reads of roles.ts's input: the folded sentence, its mentions and the trigger. */
export interface BuyerInput {
  folded: string;
  toFolded: (offset: number) => number;
  trigger: { start: number; end: number };
  mentions: readonly OrgMention[];
}

/** Triggers that are an active verb of buying: the object is the company bought. "acquired by" and nouns are not. */
export const ACTIVE_BUY: Record<string, RegExp> = {
  en: /^(?:acquir(?:e|es|ing)|acquired (?!by\b)|buy(?:s|ing)?\b|bought (?!by\b)|takes? over|took over|taking over)/,
  fr: /^(?:rachete|acquiert|reprend|racheter)\b/,
  it: /^(?:acquisisce|acquista|rileva|acquisire)\b/,
};

const INVERTED_BUY_DE = /^(?:ubernimmt|ubernahm|ubernehmen|ubernahmen|kauft|kaufte|kauften|erwirbt|erwarb|schluckt|schluckte)\b/;
/**
 * German verb-second with the buyer after the verb: no organisation before the verb in its clause. The first
 * organisation after it and those joined to it ("und der Beteiligungsfirma X") buy; one after "von" sells.
 */
export function markInvertedBuyer(input: BuyerInput, roles: Map<OrgMention, { role: EventRole; reason: string }>): void {
  const { folded, toFolded, trigger, mentions } = input;
  if (!INVERTED_BUY_DE.test(folded.slice(trigger.start, trigger.end))) return;
  const clauseStart = Math.max(folded.lastIndexOf(',', trigger.start), folded.lastIndexOf(';', trigger.start), 0);
  if (mentions.some((m) => toFolded(m.end) <= trigger.start && toFolded(m.start) >= clauseStart)) return;
  const after = mentions.filter((m) => toFolded(m.start) >= trigger.end);
  let previousEnd = trigger.end;
  let buyers = 0;
  for (const m of after) {
    const gap = folded.slice(previousEnd, toFolded(m.start));
    if (/\bvon (?:der |dem |den )?$/.test(gap)) roles.set(m, { role: 'seller', reason: 'von after an inverted buying verb' });
    else if (buyers === 0 || /^[^.;]{0,50}\b(?:und|sowie)\b[^.;]{0,40}$/.test(gap)) {
      roles.set(m, { role: 'acquirer', reason: 'after an inverted buying verb' });
      buyers++;
    } else break;
    previousEnd = toFolded(m.end);
  }
}
