import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../../analysis/linking/normalize-name.js';
import { scanTokens } from '../../analysis/linking/scan-text.js';
import { BUSINESS, DESCRIPTOR, SPORTS, wordCue } from '../../analysis/linking/word-cues.js';

/** The reference: the regular-expression tokenizer the watchlist index folds names with. */
function reference(text: string) {
  const t = tokenizeText(text);
  return { norms: t.map((x) => x.norm), starts: t.map((x) => x.start), ends: t.map((x) => x.end) };
}

const corpusTexts = readFileSync(new URL('../../analysis/eval/corpus/linking.dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const feed = readFileSync(new URL('../fixtures/analysis/de_heise-newsticker_rss090.rdf', import.meta.url), 'utf8');

describe('scanTokens: the character-code scanner agrees with the reference tokenizer', () => {
  it('gives the same folds and offsets on every development sentence of real text (de, fr, it, en)', () => {
    expect(corpusTexts.length).toBeGreaterThan(500);
    let differing = 0;
    for (const text of corpusTexts) {
      const { norms, starts, ends } = scanTokens(text);
      const want = reference(text);
      if (JSON.stringify({ norms, starts, ends }) !== JSON.stringify(want)) differing++;
    }
    expect(differing).toBe(0);
  });

  it('gives the same tokens on a captured German feed with markup, entities and umlauts', () => {
    const { norms, starts, ends } = scanTokens(feed);
    expect({ norms, starts, ends }).toEqual(reference(feed));
    expect(norms.length).toBeGreaterThan(500);
  });

  it('keeps "P&G" and "AT&T" whole, "&" alone, and makes "und"/"and"/"et" the same "&"', () => {
    const s = scanTokens('P&G und AT&T & Procter and Gamble, B&Bs');
    expect(s.norms).toEqual(['p&g', '&', 'at&t', '&', 'procter', '&', 'gamble', 'b', '&', 'bs']);
    expect(s).toMatchObject(reference('P&G und AT&T & Procter and Gamble, B&Bs'));
  });

  it('folds diacritics, ß and German transcriptions like names ("Zürich" = "Zuerich", "Nestlé", "Straße")', () => {
    expect(scanTokens('Zürich Zuerich Nestlé Straße ÖBB').norms).toEqual(['zurich', 'zurich', 'nestle', 'strasse', 'obb']);
  });

  it('keeps offsets right for letters outside the basic plane and for text whose length changes when lower-cased', () => {
    for (const text of ['𝐀lpha Beta 𝒳 Gamma', 'İstanbul Holding AG meldet', 'Ünal und İnci GmbH']) {
      const { norms, starts, ends } = scanTokens(text);
      expect({ norms, starts, ends }).toEqual(reference(text));
    }
  });

  it('reads each word\'s cue in the same lookup: business, sports, country and language words', () => {
    const s = scanTokens('Der Umsatz in Zürich stieg, das Tor fiel spät.');
    const cueOf = (w: string) => s.words[s.norms.indexOf(w)]!.cue;
    expect(cueOf('umsatz')!.flags & BUSINESS).toBe(BUSINESS);
    expect(cueOf('tor')!.flags & SPORTS).toBe(SPORTS);
    expect(cueOf('zurich')!.countries).toContain('CH');
    expect(cueOf('der')!.lang).toBe('de');
    expect(cueOf('stieg')).toBeUndefined();
    for (let k = 0; k < s.norms.length; k++) expect(s.words[k]!.cue).toEqual(wordCue(s.norms[k]!));
  });

  it('gives a German compound the cue of its head ("Schuhhändler", "Insolvenzverfahren") but not a short word that only ends like one', () => {
    const [schuh, verfahren, bauer, autobauer] = scanTokens('Schuhhändler Insolvenzverfahren Bauer Autobauer').words.map((w) => w.cue);
    expect(schuh!.flags & DESCRIPTOR).toBe(DESCRIPTOR);
    expect(verfahren!.flags & (BUSINESS | DESCRIPTOR)).toBe(BUSINESS);
    expect(bauer).toBeUndefined();
    expect(autobauer!.flags & DESCRIPTOR).toBe(DESCRIPTOR);
  });
});
