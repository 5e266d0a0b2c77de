import { describe, expect, it } from 'vitest';
import { detectIndustryTrends, linkIndustries, sectionOfCode } from '../../analysis/industry/index.js';

describe('linkIndustries', () => {
  it('links branch news in four languages to NOGA/NACE sections', () => {
    expect(linkIndustries({ text: 'Die Schweizer Baubranche leidet unter hohen Zinsen.' })[0]).toMatchObject({ section: 'F', text: 'baubranche' });
    expect(linkIndustries({ text: 'UK retailers face a tough Christmas on the high street.' })[0]?.section).toBe('G');
    expect(linkIndustries({ text: "L'industrie horlogère voit ses exportations reculer." })[0]?.section).toBe('C');
    expect(linkIndustries({ text: 'Il settore alberghiero ticinese chiude una stagione record.' })[0]?.section).toBe('I');
  });

  it('ranks the section named in the title and repeatedly first', () => {
    const m = linkIndustries({ title: 'Gastgewerbe in der Krise', text: 'Restaurants und Hotellerie klagen; auch Baufirmen spüren es.' });
    expect(m.map((x) => x.section)).toEqual(['I', 'F']);
    expect(m[0]!.confidence).toBeGreaterThan(m[1]!.confidence);
  });

  it('does not call a single product mention an industry', () => {
    expect(linkIndustries({ text: 'Die Firma lanciert ein neues Velo und eine App.' })).toEqual([]);
  });
});

describe('detectIndustryTrends', () => {
  it('turns rising failure counts and downturns into adverse industry events', () => {
    expect(detectIndustryTrends('Firmenpleiten nehmen in der Baubranche deutlich zu.')).toMatchObject([{ type: 'financial_distress' }]);
    expect(detectIndustryTrends('Corporate insolvencies rose 10 percent last year.')).toMatchObject([{ type: 'financial_distress' }]);
    expect(detectIndustryTrends('Les faillites ont reculé au troisième trimestre.')).toMatchObject([{ type: 'positive' }]);
    expect(detectIndustryTrends('Die Firma eröffnet eine Filiale.')).toEqual([]);
  });
});

describe('sectionOfCode', () => {
  it.each([
    ['F', 'F'],
    ['41', 'F'],
    ['47.11', 'G'],
    ['471100', 'G'],
    ['C25.1', 'C'],
    ['64', 'K'],
    ['xx', undefined],
  ])('%s → %s', (code, section) => expect(sectionOfCode(code)).toBe(section));
});

describe('findIndustryEvents', () => {
  it('combines the sections of a branch article with its events and trends', async () => {
    const { classifyDocument, sectorWideEvents } = await import('../../analysis/classify/index.js');
    const { findIndustryEvents } = await import('../../analysis/industry/index.js');
    const doc = { title: 'Baubranche unter Druck', text: 'Die Konkurse in der Baubranche steigen auf einen Höchststand. Viele Baufirmen melden Kurzarbeit an.' };
    const c = classifyDocument(doc);
    // "Viele Baufirmen melden Kurzarbeit an" is about the branch, not one company: sector-wide, not a company event.
    expect(c.events).toEqual([]);
    const events = findIndustryEvents(doc, [...c.events, ...sectorWideEvents(c)]);
    expect(events.map((e) => [e.section, e.type]).sort()).toEqual([
      ['F', 'financial_distress'],
      ['F', 'layoffs'],
    ]);
    expect(events.every((e) => e.confidence > 0 && e.confidence <= 1 && e.evidence.length > 0)).toBe(true);
    expect(findIndustryEvents({ text: 'Die Firma lanciert ein Velo.' }, [])).toEqual([]);
  });
});
