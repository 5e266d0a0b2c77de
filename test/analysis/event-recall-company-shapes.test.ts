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

describe('a company noun with its name right after it: the name is the mention', () => {
  it.each([
    ['ev-5118', 'de', 'Orsay'], // "… der Insolvenzantrag des Modehändlers Orsay …" (was "Modehändlers")
    ['ev-35306', 'de', 'Lila Bäcker'], // "Von der Insolvenz der Bäckereikette «Lila Bäcker» (Pasewalk) …" (a quoted name, noun-shaped words and all)
    ['ev-1236', 'de', 'Reno'],
  ])('%s: %s names %s, and no description stands beside it', (id, lang, name) => {
    const l = devEventLine(id);
    const mentions = findMentions(l.text, lang);
    expect(mentions.map((m) => m.text)).toContain(name);
    expect(mentions.some((m) => m.kind === 'reference' && l.text.slice(m.end).trimStart().replace(/^[«„“"]/, '').startsWith(name))).toBe(false);
  });

  it('the insolvency of "der Bäckereikette «Lila Bäcker»" is Lila Bäcker\'s (ev-35306)', () => {
    expect(ruleEvents('ev-35306')).toContainEqual({ type: 'insolvency', subject: 'Lila Bäcker' });
  });

  it('a word in a bracket or a German common noun after "das Unternehmen" is no name standing for it (ev-0008, ev-1847)', () => {
    // "… mit dem Unternehmen (Vergleich) …", "… braucht das Unternehmen Liquidität, …"
    expect(findMentions(devEventLine('ev-0008').text, 'de').map((m) => m.kind === 'reference' && m.text)).toContain('dem Unternehmen');
    expect(findMentions(devEventLine('ev-1847').text, 'de').map((m) => m.kind === 'reference' && m.text)).toContain('das Unternehmen');
  });
});

describe('sentence openers that are no names', () => {
  it('an Italian verb in the conditional opening reported speech is no name ("Sarebbe stata respinta …", ev-35331)', () => {
    const l = devEventLine('ev-35331');
    expect(findMentions(l.text, 'it').filter((m) => m.start === 0)).toEqual([]);
  });

  it('a German sentence opened by the preposition "Von" does not name "Von" (ev-35306)', () => {
    expect(findMentions(devEventLine('ev-35306').text, 'de').filter((m) => m.start === 0)).toEqual([]);
  });
});
