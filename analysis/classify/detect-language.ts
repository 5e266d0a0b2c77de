/**
 * Stop-word vote over the first 500 characters (a title and a sentence or two are enough).
 * Words shared by two languages ("la", "le", "des") count half for each; a few word endings
 * break ties in short headlines. Falls back to `fallback` when nothing is recognised.
 */
const MARKERS: Record<'de' | 'en' | 'fr' | 'it', string[]> = {
  de: ['der', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'im', 'fur', 'für', 'auf', 'ein', 'eine', 'dem', 'sich', 'hat', 'wird', 'werden', 'auch', 'nach', 'bei', 'wurde', 'einen', 'sind', 'uber', 'über', 'aus', 'oder', 'wie', 'noch', 'gegen', 'des'],
  en: ['the', 'and', 'of', 'to', 'is', 'for', 'on', 'with', 'that', 'by', 'at', 'from', 'was', 'has', 'are', 'its', 'it', 'will', 'have', 'be', 'said', 'after', 'which', 'this', 'over', 'been', 'were', 'into'],
  fr: ['les', 'et', 'est', 'pour', 'dans', 'une', 'du', 'sur', 'au', 'aux', 'par', 'pas', 'qui', 'que', 'avec', 'son', 'sa', 'ses', 'ont', 'ete', 'été', 'cette', 'plus', 'mais', 'ne', 'leur', 'societe', 'selon', 'entreprise', 'société', 'tribunal', 'le', 'la', 'un', 'de', 'des'],
  it: ['il', 'di', 'che', 'per', 'con', 'non', 'una', 'del', 'della', 'nel', 'nella', 'sono', 'alla', 'dei', 'gli', 'delle', 'anche', 'ha', 'stato', 'stata', 'essere', 'questo', 'dalla', 'degli', 'sul', 'all', 'societa', 'società', 'ai', 'piu', 'più', 'è', 'lo', 'le', 'la', 'un'],
};

const LOOKUP = new Map<string, Array<keyof typeof MARKERS>>();
for (const [lang, words] of Object.entries(MARKERS) as Array<[keyof typeof MARKERS, string[]]>) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

export function detectLanguage(text: string, fallback = 'en'): string {
  const counts = { de: 0, en: 0, fr: 0, it: 0 };
  // Lower-casing is enough here (no folding): the marker words are listed in both spellings.
  const words = text.slice(0, 500).toLowerCase().split(/[^a-zäöüàâçéèêëîïôùûìíòóúß']+|'/);
  for (const w of words) {
    const langs = LOOKUP.get(w);
    if (langs) for (const l of langs) counts[l] += 1 / langs.length;
    else if (w.length > 5) {
      // Word endings break ties in short headlines without stop words.
      if (/(?:ung|keit|heit|schaft)$/.test(w)) counts.de += 0.5;
      else if (/(?:zione|zioni|mento|menti)$/.test(w)) counts.it += 0.5;
      else if (/(?:tion|ing|ness)$/.test(w)) counts.en += 0.25;
    }
  }
  let best = fallback;
  let bestCount = 0;
  for (const [lang, n] of Object.entries(counts)) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
