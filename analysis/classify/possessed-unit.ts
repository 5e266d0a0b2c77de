import type { EventRole } from '../../platform/schemas/event-role.js';
import type { OrgMention } from './mentions.js';

/**
 * The unit or related company a possessive names right after its possessor: "'s UK arm", "’s German subsidiary", "’s UK business"
 * (a modifier makes a business a unit), "‘s bottom club", "'s owner", "'s supplier".
 */
const POSSESSED_UNIT =
  /^(?:['’‘]s)?\s+((?:[\p{L}\p{N}-]+\s+){0,2}(?:arm|unit|subsidiary|subsidiaries|division|branch|offshoot|affiliate|affiliates|club|team|side|franchise|owners?|parent company|holding company|suppliers?)|(?:[\p{L}\p{N}-]+\s+){1,2}(?:business|businesses|operations?))\b/iu;
export function possessedUnit(
  sentence: string,
  parties: ReadonlyArray<{ mention: OrgMention; role: EventRole }>,
  trigger: { start: number },
  toFolded: (o: number) => number,
): OrgMention | undefined {
  for (const p of parties) {
    if (p.role !== 'parent') continue;
    const m = POSSESSED_UNIT.exec(sentence.slice(p.mention.end, p.mention.end + 60));
    if (!m) continue;
    const end = p.mention.end + m[0].length;
    const start = end - m[1]!.length;
    if (toFolded(end) <= trigger.start) return { start, end, text: sentence.slice(start, end), kind: 'reference' };
  }
  return undefined;
}
