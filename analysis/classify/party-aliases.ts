import type { OrgMention } from './mentions.js';

/**
 * Names that stand for the name right before them and so are never a second party of its event: a short bracket opened
 * right after a name ("Rio Tinto (ex-Alcan Pechiney)", "La Redoute (Redcats, PPR)", "Ted Baker (NODL)", "Claude Mayo
 * Construction Company (Claude Mayo)", "la société CIC Est (le CIC)") holds its former name, ticker, short form (also the one a
 * judgment defines with an article) or the group it belongs to; an alias
 * apposition (", trading as Ted Baker", ", formerly X", ", vormals X", ", anciennement X", ", già X") renames it. The
 * alias shares the head's part; when the head has none, the head, not its alias, is the one a rule may choose.
 * Folded offsets through `toFolded`; the map goes alias → head.
 */
export function aliasHeads(folded: string, toFolded: (original: number) => number, mentions: readonly OrgMention[]): Map<OrgMention, OrgMention> {
  const out = new Map<OrgMention, OrgMention>();
  if (mentions.length < 2) return out;
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const m = ordered[i]!;
    const fs = toFolded(m.start);
    const fe = toFolded(m.end);
    const head = bracketHead(folded, toFolded, ordered.slice(0, i), fs, fe) ?? appositionHead(folded, toFolded, ordered[i - 1]!, fs);
    if (head) out.set(m, out.get(head) ?? head);
  }
  return out;
}

/** How much a short bracket may hold before and after the alias (folded characters). */
const BRACKET_BEFORE = 40;
const BRACKET_AFTER = 40;
/**
 * Before the alias inside the bracket: nothing, a word of renaming ("ex-", "formerly"), or another name of a list ("Redcats,
 * PPR"); a clause ("holding che controlla Cin Tirrenia e Moby") describes, it does not rename.
 */
const BRACKET_LEAD =
  /^(?:(?:ex-?|formerly|previously|vormals|ehemals|anciennement|gia|now|nee)\s*|(?:[^\s,();]+ ){0,3}[^\s,();]+, |(?:ci-apres |hereinafter |nachfolgend |di seguito )?(?:(?:le|la|les|l'|the|der|die|das|il|lo|gli|i) ?)(?:(?:societe|company|gesellschaft|firma|societa|banque|bank|banca) )?)?$/;
/** After the alias up to the closing bracket: nothing, or more names of the list. */
const BRACKET_TAIL = /^(?:, [^();]{1,38})?$/;

function bracketHead(folded: string, toFolded: (o: number) => number, earlier: readonly OrgMention[], fs: number, fe: number): OrgMention | undefined {
  const open = folded.lastIndexOf('(', fs - 1);
  if (open < 0 || fs - open > BRACKET_BEFORE || !BRACKET_LEAD.test(folded.slice(open + 1, fs))) return undefined;
  const close = folded.indexOf(')', fe);
  if (close < 0 || close - fe > BRACKET_AFTER || !BRACKET_TAIL.test(folded.slice(fe, close))) return undefined;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const h = earlier[k]!;
    const he = toFolded(h.end);
    if (he > open) continue;
    return /^\s*$/.test(folded.slice(he, open)) ? h : undefined;
  }
  return undefined;
}

/** ", trading as X", ", t/a X", ", formerly X", ", the online retailer known as X", ", vormals X", ", anciennement X", ", già X" right after the head. */
const ALIAS_APPOSITION =
  /^,? (?:(?:the|a|an|die|der|das|la|le|l'|il|lo) (?:[\w'-]+ ){0,3})?(?:(?:(?:trading|operating|doing business) as|t\/a|d\/b\/a|(?:also |better |now |formerly |previously )?known as|formerly|previously|now called|vormals|ehemals|fruher|anciennement|ex|gia|gia nota come|precedentemente) )$/;

function appositionHead(folded: string, toFolded: (o: number) => number, prev: OrgMention, fs: number): OrgMention | undefined {
  const gap = folded.slice(toFolded(prev.end), fs);
  return gap.length <= 40 && ALIAS_APPOSITION.test(gap) ? prev : undefined;
}
