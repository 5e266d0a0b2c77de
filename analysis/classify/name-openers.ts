/**
 * Words that look like names by their capital but are not, told by their neighbours: a sentence's first word that the
 * next word shows to be a conjunction, an imperative, an adverb or a verb, and a German statute cited by its
 * abbreviation. Used by the mention finder (mentions.ts); pure.
 */
/** The token fields read here (mentions.ts Token). */
interface OpenerToken {
  raw: string;
  start: number;
  end: number;
  norm: string;
  cap: boolean;
}

/**
 * A sentence's first word that the words after it show to be no name: a French or Italian conjunction before "que"/"che"
 * ("Afin qu’une entreprise soit placée …", "Dopo che"), an English imperative before "in mind" or the reader ("Keep in mind
 * that …", "Ask your accountant"), a German adverb by its ending ("Wöchentlich meldeten …", "Grundsätzlich gilt …").
 */
export function openerIsNotName(sentence: string, tokens: readonly OpenerToken[], lang: string): boolean {
  const t = tokens[0]!;
  const next = tokens[1];
  if (!next || next.cap) return false;
  const gap = sentence.slice(t.end, next.start);
  if (/[,;:.!?]/.test(gap)) return false;
  if ((lang === 'fr' || lang === 'it') && /^(?:que|qu['’]\S*|che)$/i.test(next.raw)) return true;
  if (lang === 'en' && (/^(?:you|your|yourself)$/.test(next.norm) || (next.norm === 'in' && tokens[2]?.norm === 'mind'))) return true;
  // An Italian passive or copula auxiliary opening the sentence before a lower-case word ("Viene espunto il termine …",
  // "Vengono ammesse …", "Sono previste …"): a verb, not a name.
  if (lang === 'it' && /^(?:viene|vengono|verra|verranno|sono|sara|saranno|resta|restano|risulta|risultano)$/.test(t.norm)) return true;
  // German declaratives put the verb second: a first word straight before an article is a verb or a preposition ("Scheitert
  // der Sanierungsplan …", "Durch das ESUG …"), not a company's name.
  return lang === 'de' && (GERMAN_ADVERB_END.test(t.norm) || GERMAN_ARTICLE.test(next.norm));
}
const GERMAN_ARTICLE = /^(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines)$/;
const GERMAN_ADVERB_END = /[a-z]{3,}(?:lich|weise|dings|falls|mals|ends|wegs|zeitig)$/;
/** German statute abbreviations end in G (Gesetz), O (Ordnung) or GB (Gesetzbuch): "ESUG", "StaRUG", "InsO", "ZPO", "HGB". */
const STATUTE_DE = /^[A-Z](?:[A-Za-z]*[A-Z][a-z]*)?(?:G|O|GB)$/;
/** A German statute cited by its abbreviation after a neuter or masculine article or an article number ("Durch das ESUG
 *  wurde …", "nach dem StaRUG", "Art. 709 HG"): a law, not a company. */
export function statuteDe(tokens: readonly OpenerToken[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && STATUTE_DE.test(tokens[i]!.raw) && (/^(?:das|des|dem|im|vom|zum|beim|art|abs|ziff)$/.test(prev.norm) || /^\d/.test(prev.raw));
}

/** English common-noun endings of an office, an agent or an act ("Liquidator", "Directors", "Liquidation", "Constitutional"). */
const EN_COMMON_NOUN_END = /[a-z]{3,}(?:ator|ators|ector|ectors|ation|ations|ment|ments|tional)$/;
/**
 * A single capitalised English word after a lower-case article and before a lower-case word, with the ending of an office,
 * an agent or an act: a defined term of a law page ("the Directors can place the company in the hands of a Liquidator",
 * "a Constitutional amendment"), not a company's name. Names run over several capitals ("the General Services
 * Administration") or stand without such an ending ("a Tesco spokesman").
 */
export function capitalisedTerm(tokens: readonly OpenerToken[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || prev.cap || !/^(?:the|a|an)$/.test(prev.raw) || !t.cap || !EN_COMMON_NOUN_END.test(t.norm)) return false;
  return !next || !next.cap;
}
