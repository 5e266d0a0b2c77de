import { describe, expect, it } from 'vitest';
import { buildPatternFilter, mayMatch } from '../../analysis/classify/anchors.js';
import { modalityAnchorTable } from '../../analysis/classify/modality.js';
import { buildAnchorTable } from '../../analysis/classify/lexicon.js';
import { firstMarker, markerFilter, roleMarkers } from '../../analysis/classify/role-markers.js';
import { readPatternHits, SentenceReading, wordsOf } from '../../analysis/classify/sentence-reading.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { foldText, foldTextMapped } from '../../analysis/text/fold.js';
import { buildLiteralScanner } from '../../analysis/text/literal-scanner.js';

describe('a sentence read once (sentence-reading.ts)', () => {
  it('lists every occurrence of every literal, overlapping ones too, by end offset', () => {
    const s = buildLiteralScanner(['he', 'she', 'hers', 'konkurs']);
    const { ids, ends, count } = s.occurrences('ushers privatkonkurs she');
    const found = Array.from({ length: count }, (_, i) => `${ids[i]}@${ends[i]}`);
    expect(found).toEqual(['1@4', '0@4', '2@6', '3@20', '1@24', '0@24']);
    expect(s.occurrences('nothing here').count).toBe(1); // "he" in "here"
    expect(s.occurrences('').count).toBe(0);
  });

  it('tells for a window exactly what a scan of that window tells: a pattern may match only where one of its anchors lies wholly inside', () => {
    const filter = buildPatternFilter(['\\bgegen (?:die )?$', '\\b(?:against|contre) ', '^,? (?:\\w+ )?(?:acquires|bought)\\b', '(?:ab|cd)x']);
    const text = 'klage gegen die firma, acquires against all';
    const hits = readPatternHits(filter, text);
    for (let from = 0; from <= text.length; from += 3)
      for (let to = from; to <= text.length; to += 2) {
        const run = mayMatch(filter, text.slice(from, to));
        for (let k = 0; k < filter.size; k++) expect(hits.may(k, from, to), `${k} ${from}-${to}`).toBe(run[k] === 1);
      }
    // The pattern without an anchor always runs.
    expect(hits.may(3, 0, 0)).toBe(true);
  });

  it('agrees with a scan of each window on the development corpus, for the role markers and the modality cues', () => {
    const table = buildAnchorTable();
    let windows = 0;
    for (const line of loadCorpus().events.dev.filter((_, i) => i % 4 === 0)) {
      const folded = foldText(line.text, line.lang);
      const { before, after } = roleMarkers(line.lang);
      for (const list of [before, after]) {
        const filter = markerFilter(list);
        const hits = readPatternHits(filter, folded);
        for (let from = 0; from < folded.length; from += 7) {
          const to = Math.min(folded.length, from + 70);
          const run = mayMatch(filter, folded.slice(from, to));
          for (let k = 0; k < filter.size; k++) expect(hits.may(k, from, to), `${line.id} ${from}`).toBe(run[k] === 1);
          windows++;
        }
      }
    }
    expect(windows).toBeGreaterThan(5000);
    // The modality cues' anchors are written into the built CLI like the lexicon's, so it never parses a pattern.
    for (const [src, anchors] of Object.entries(modalityAnchorTable())) expect(table[src], src).toEqual(anchors);
  });

  it('finds the first role marker of a window from the sentence-wide anchors as from a scan of the window', () => {
    let found = 0;
    for (const line of loadCorpus().events.dev.filter((_, i) => i % 5 === 0)) {
      const reading = new SentenceReading(line.text, line.lang);
      const folded = reading.folded;
      const { before, groups } = roleMarkers(line.lang);
      const hits = reading.hits(markerFilter(before));
      for (const m of folded.matchAll(/\b\w/g)) {
        const from = Math.max(0, m.index - 70);
        const window = folded.slice(from, m.index);
        for (const group of groups) {
          const want = firstMarker(before, group, window);
          expect(firstMarker(before, group, window, { hits, from, to: m.index }), `${line.id} ${m.index} ${group}`).toBe(want);
          if (want) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('folds once: offsets both ways, the plain fold and the feature words as the regexes give them', () => {
    const r = new SentenceReading('Die Müller AG ist insolvent – sagt „Gläubigerin“ X.', 'de');
    expect(r.folded).toBe(foldTextMapped(r.text, 'de').folded);
    expect(r.text.slice(r.map[r.toFolded(4)]!, r.map[r.toFolded(10)]!)).toBe('Müller');
    expect(r.plainFolded()).toBe(foldText(r.text, 'de'));
    // Beside a non-ASCII character a backtick is kept by the mapped fold and made an apostrophe by foldText: the plain fold is foldText's.
    const tick = new SentenceReading('It`s über', 'en');
    expect(tick.folded).toBe('it`s uber');
    expect(tick.plainFolded()).toBe("it's uber");
    for (const line of loadCorpus().events.dev) {
      const folded = foldText(line.text, line.lang);
      expect(new SentenceReading(line.text, line.lang).plainFolded(), line.id).toBe(folded);
      expect(wordsOf(folded), line.id).toEqual(folded.match(/[a-z][a-z'-]{2,}/g) ?? []);
    }
    expect(wordsOf("l'-ab x-'abc --de 'a'bc")).toEqual("l'-ab x-'abc --de 'a'bc".match(/[a-z][a-z'-]{2,}/g));
  });
});
