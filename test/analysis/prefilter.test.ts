import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../analysis/classify/anchors.js';
import { lexiconFor } from '../../analysis/classify/classify-document.js';
import { buildAnchorTable, compileLexicon, findTriggers } from '../../analysis/classify/lexicon.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { foldText } from '../../analysis/text/fold.js';
import { buildLiteralScanner } from '../../analysis/text/literal-scanner.js';
import { firstMarker, roleMarkers } from '../../analysis/classify/role-markers.js';
import { GENERIC_CUES, genericCuesOf, type GenericCue } from '../../analysis/classify/generic-cues.js';

describe('pre-filter before the lexicon regex', () => {
  it('finds the literals every match of a pattern must contain', () => {
    expect(anchorsOf('\\bfile[sd]? for (?:chapter (?:7|11)|bankruptcy|insolvency)')).toEqual(['chapter ', 'bankruptcy', 'insolvency']);
    expect(anchorsOf('(?:lohne|gehalter) (?:[a-z]+ ){0,4}nicht')).toEqual(['nicht']);
    expect(anchorsOf('konkurs(?:eroffnung|verfahren)?\\b')).toEqual(['konkurs']);
    expect(anchorsOf('\\b(?:went|gone) into (?:administration|receivership)')).toEqual(['administration', 'receivership']);
    expect(anchorsOf('(?:ab|cd)x')).toBeUndefined();
  });

  it('scans for many literals in one pass, overlapping and at the ends', () => {
    const s = buildLiteralScanner(['he', 'she', 'hers', 'konkurs']);
    expect(s.has('ushers')).toBe(true);
    expect(s.has('privatkonkurs')).toBe(true);
    expect(s.has('konkur')).toBe(false);
    expect(s.has('')).toBe(false);
    expect(s.endOfNext('a she b he', 0)).toBe(5);
    expect(s.endOfNext('a she b he', 5)).toBe(10);
    expect(s.endOfNext('xyz', 0)).toBe(-1);
  });

  it('never skips a sentence of the development corpus that the lexicon matches', () => {
    let matched = 0;
    let skipped = 0;
    for (const line of loadCorpus().events.dev) {
      const lex = lexiconFor(line.lang);
      const folded = foldText(line.text, line.lang);
      lex.all.lastIndex = 0;
      const hit = lex.all.test(folded);
      lex.all.lastIndex = 0;
      const anchored = lex.anchors.has(folded);
      if (hit) {
        matched++;
        expect(anchored, line.id).toBe(true);
      } else if (!anchored) skipped++;
    }
    expect(matched).toBeGreaterThan(200);
    expect(skipped).toBeGreaterThan(20);
  });

  it('finds exactly the triggers one scan of the whole lexicon regex finds, on every development sentence', () => {
    let triggers = 0;
    for (const line of loadCorpus().events.dev) {
      const lex = lexiconFor(line.lang);
      const folded = foldText(line.text, line.lang);
      const reference: string[] = [];
      lex.all.lastIndex = 0;
      for (let m = lex.all.exec(folded); m; m = lex.all.exec(folded)) {
        const type = lex.types[m.slice(1).findIndex((g) => g !== undefined)]!;
        reference.push(`${m.index}-${m.index + m[0].length}:${type}`);
      }
      lex.all.lastIndex = 0;
      const fast = findTriggers(folded, lex).map((t) => `${t.start}-${t.end}:${t.type}`);
      expect(fast, line.id).toEqual(reference);
      triggers += fast.length;
    }
    expect(triggers).toBeGreaterThan(300);
  });

  it('the anchor table the build writes into the CLI compiles each language as parsing its patterns does', () => {
    const table = buildAnchorTable();
    const dev = loadCorpus().events.dev;
    for (const lang of ['de', 'en', 'fr', 'it']) {
      const built = compileLexicon(lang, table);
      // An empty table: every pattern parsed here with regexpp, as under tsx and vitest.
      const parsed = compileLexicon(lang, {});
      expect(built.patterns.map((p) => `${p.type}:${p.re.source}`), lang).toEqual(parsed.patterns.map((p) => `${p.type}:${p.re.source}`));
      expect(built.owners, lang).toEqual(parsed.owners);
      for (const p of parsed.patterns) expect(table[p.re.source], p.re.source).toEqual(anchorsOf(p.re.source));
      for (const line of dev.filter((l) => l.lang === lang)) {
        const folded = foldText(line.text, lang);
        const [a, b] = [new Set<number>(), new Set<number>()];
        built.anchors.collect(folded, a);
        parsed.anchors.collect(folded, b);
        expect([...a].sort(), line.id).toEqual([...b].sort());
      }
    }
  });

  it('reads the generic cues of a sentence only where their anchors occur, finding exactly the cues every pattern run finds', () => {
    const table = buildAnchorTable();
    let cues = 0;
    let skipped = 0;
    for (const line of loadCorpus().events.dev) {
      for (const lang of ['de', 'en', 'fr', 'it']) {
        const folded = foldText(line.text, lang);
        const every = (Object.entries(GENERIC_CUES) as Array<[GenericCue, Partial<Record<string, RegExp>>]>).filter(([, t]) => (t[lang] ?? t.en)?.test(folded)).map(([c]) => c);
        expect(genericCuesOf(folded, lang), `${line.id} ${lang}`).toEqual(every);
        cues += every.length;
      }
    }
    for (const byLang of Object.values(GENERIC_CUES)) {
      for (const re of Object.values(byLang)) {
        // The build writes every cue pattern's anchors into the CLI (an empty list: always run), as anchorsOf finds them.
        expect(table[re!.source], re!.source).toEqual(anchorsOf(re!.source) ?? []);
        if ((anchorsOf(re!.source) ?? []).length > 0) skipped++;
      }
    }
    expect(cues).toBeGreaterThan(1500);
    expect(skipped).toBeGreaterThan(40); // most cue patterns have anchors, so most sentences skip most of them
  });

  it('finds the first role marker around a mention exactly as testing every marker does, running only those whose anchors occur', () => {
    const table = buildAnchorTable();
    let hits = 0;
    // Every third sentence keeps the test quick (about 60,000 windows).
    for (const line of loadCorpus().events.dev.filter((_, i) => i % 3 === 0)) {
      const { before, after, groups } = roleMarkers(line.lang);
      const folded = foldText(line.text, line.lang);
      // Every word start as a mention start and every word end as a mention end, with the windows markerAround reads.
      for (const m of folded.matchAll(/\b\w/g)) {
        const window = folded.slice(Math.max(0, m.index - 70), m.index);
        for (const group of groups) {
          const want = before.find((k) => k.groups.includes(group) && k.re.test(window));
          expect(firstMarker(before, group, window), `${line.id} before ${m.index} ${group}`).toBe(want);
          if (want) hits++;
        }
      }
      for (const m of folded.matchAll(/\w\b/g)) {
        const window = folded.slice(m.index + 1, m.index + 141);
        for (const group of groups) {
          const want = after.find((k) => k.groups.includes(group) && k.re.test(window));
          expect(firstMarker(after, group, window), `${line.id} after ${m.index} ${group}`).toBe(want);
          if (want) hits++;
        }
      }
    }
    for (const lang of ['de', 'en', 'fr', 'it']) {
      const { before, after } = roleMarkers(lang);
      for (const k of [...before, ...after]) expect(table[k.re.source], k.re.source).toEqual(anchorsOf(k.re.source) ?? []);
    }
    expect(hits).toBeGreaterThan(300);
  });
});

