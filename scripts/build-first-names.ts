/**
 * Builds analysis/linking/first-names.json, the first-name list behind the linker's person cue
 * ("Thomas Meier said…" is a person, not Meier Tobler AG). Data only, from two MIT-licensed npm
 * packages (devDependencies; the product reads the generated file):
 *   - @faker-js/faker: the first names of its de, de_CH, de_AT, fr, fr_CH, it and en locales;
 *   - gender-detection-from-name: its de and it lists whole, and the names of its en, fr and es
 *     lists that at least two of those three agree on (each alone holds rare spellings and words
 *     such as "the" or "general").
 * Words that are also function words or months in the four languages are left out: they stand
 * before company names for other reasons ("The", "May", "Will").
 *   tsx scripts/build-first-names.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as faker from '@faker-js/faker';
import { foldToken } from '../analysis/linking/normalize-name.js';

const require = createRequire(import.meta.url);
const gender = (lang: string): Set<string> =>
  new Set([...(require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string>).keys()].filter((n) => /^[\p{L}'-]+$/u.test(n)));

const names = new Set<string>();
for (const locale of ['de', 'de_CH', 'de_AT', 'fr', 'fr_CH', 'it', 'en'] as const) {
  const lists = faker[locale].person?.first_name ?? {};
  for (const list of Object.values(lists) as Array<string[] | undefined>) for (const n of list ?? []) names.add(n);
}
const [de, it, en, fr, es] = ['de', 'it', 'en', 'fr', 'es'].map(gender) as [Set<string>, Set<string>, Set<string>, Set<string>, Set<string>];
for (const n of [...de, ...it]) names.add(n);
for (const n of new Set([...en, ...fr, ...es])) if ([en, fr, es].filter((l) => l.has(n)).length >= 2) names.add(n);

const natural = (file: string): string[] => (require(`natural/lib/natural/util/${file}`) as { words: string[] }).words;
const excluded = new Set(
  [
    ...natural('stopwords.js'),
    ...natural('stopwords_fr.js'),
    ...natural('stopwords_it.js'),
    ...'der die das den dem des ein eine einer und oder mit von vom zu zum zur im am an auf aus bei nach seit vor fur uber unter wie so sie er es wir ihr'.split(' '),
    ...'january february march april may june july august september october november december januar februar marz juni juli oktober dezember'.split(' '),
    ...'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre dicembre'.split(' '),
    ...'will said art bill mark winner van von del della di de da le la les il lo sir saint san santa'.split(' '),
  ].map(foldToken),
);

// Hyphenated names ("Jean-Pierre", "Hans-Peter") are tokens on both sides of the hyphen in text.
const out = new Set<string>();
for (const n of names) for (const part of n.split(/[-' ]/)) {
  const f = foldToken(part);
  if (f.length >= 2 && !excluded.has(f)) out.add(f);
}
const sorted = [...out].sort();
writeFileSync(new URL('../analysis/linking/first-names.json', import.meta.url), `${JSON.stringify(sorted)}\n`);
console.log(`analysis/linking/first-names.json: ${sorted.length} first names`);
