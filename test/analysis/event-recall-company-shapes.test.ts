/**
 * Hard events told about a company by the shape of its description rather than its name: a German
 * headline that opens with a trade noun ("Bäckerei-Kette geht in die Insolvenz", "Großbäckerei insolvent:
 * …") and an English collapse told with a company noun ("the collapse of the travel operator", "the
 * collapse last week of the … giant Carillion"). Real sentences of the development corpus (URLs in
 * analysis/eval/corpus/events.dev.jsonl, ev-35301 on from queries 353-363); the rules alone must give the
 * event to the company and not to another party of the sentence.
 */
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { findMentions } from '../../analysis/classify/mentions.js';
import { devEventLine } from './support/dev-events.js';

function ruleEvents(id: string): { type: string; subject: string | undefined }[] {
  const l = devEventLine(id);
  return classifyDocument({ text: l.text, lang: l.lang }).events.map((e) => ({ type: e.type, subject: e.subject }));
}

describe('a German headline that opens with a trade noun names one specific company', () => {
  it.each([
    ['ev-35304', 'Bäckerei-Kette'], // "Bäckerei-Kette geht in die Insolvenz – Unternehmen nennt Pläne"
    ['ev-35308', 'Großbäckerei'], // "Großbäckerei insolvent: Mehr als 50 Filialen betroffen" (was given to "Mehr")
  ])('%s: insolvency of %s', (id, subject) => {
    expect(ruleEvents(id)).toContainEqual({ type: 'insolvency', subject });
  });

  it('a plural or a bare company word opening a law sentence stays a kind of company, not a reference', () => {
    // ev-1004 "Firmen droht der Konkurs, …", ev-7021 "Betriebe, die bis Ende März Kurzarbeit angemeldet haben, …"
    for (const id of ['ev-1004', 'ev-7021']) {
      const l = devEventLine(id);
      expect(findMentions(l.text, 'de').filter((m) => m.start === 0)).toEqual([]);
    }
    expect(ruleEvents('ev-1004').filter((e) => e.type === 'insolvency')).toEqual([]);
  });
});

describe('an English collapse told with a company noun', () => {
  it('"The collapse of the travel operator" is the operator\'s insolvency, not the UK\'s (ev-0258)', () => {
    expect(ruleEvents('ev-0258')).toContainEqual({ type: 'insolvency', subject: 'the travel operator' });
  });

  it('"the collapse last week of the £5bn-turnover … giant Carillion" is Carillion\'s, not the subcontractor\'s named before (ev-1075)', () => {
    const events = ruleEvents('ev-1075').filter((e) => e.type === 'insolvency');
    expect(events).toEqual([{ type: 'insolvency', subject: 'Carillion' }]);
  });
});
