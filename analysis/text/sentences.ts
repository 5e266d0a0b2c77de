/** Sentence splitting shared by event extraction and industry detection; offsets refer to the input. */
export interface Sentence {
  text: string;
  start: number;
}

// Short words before a dot that do not end a sentence: "Art. 725 OR", "St. Gallen", "Dr. Meier", "Nr. 12".
const ABBREVIATIONS = new Set([
  'art', 'abs', 'nr', 'st', 'dr', 'prof', 'bzw', 'vgl', 'ca', 'co', 'inc', 'ltd', 'corp', 'mr', 'mrs', 'ms', 'jr', 'sr', 'mio', 'mrd', 'mia',
  'bspw', 'usw', 'etc', 'resp', 'ziff', 'lit', 'sog', 'evtl', 'ggf', 'inkl', 'zzgl', 'gem', 'mme', 'mlle', 'av', 'no', 'vs', 'ch', 'cf', 'ss',
  'sig', 'dott', 'ing', 'avv', 'spa', 'sa', 'ag', 'plc', 'cie', 'gmbh', 'kg',
]);

/** Splits at . ! ? followed by space and a capital or quote, and at line breaks; keeps offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: start + raw.indexOf(trimmed) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r') continue;
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const after = text[j];
    if (after !== undefined && !/[\p{Lu}\d"«„“'(]/u.test(after) && after !== '\n') continue;
    if (c === '.') {
      const word = /([\p{L}\d]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\d{1,2}$/.test(word) || (word.length === 1 && /\p{L}/u.test(word))) continue;
    }
    push(i + 1);
    start = i + 1;
  }
  push(text.length);
  return out;
}
