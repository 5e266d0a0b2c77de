import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../analysis/classify/anchors.js';
import { lexiconFor } from '../../analysis/classify/classify-document.js';
import { buildAnchorTable, compileLexicon, findTriggers } from '../../analysis/classify/lexicon.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { foldText } from '../../analysis/text/fold.js';
import { buildLiteralScanner } from '../../analysis/text/literal-scanner.js';

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
});
