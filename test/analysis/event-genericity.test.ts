/**
 * No hard event where nothing happened: the genericity, tense and clause rules of the event extractor (genericity.ts,
 * modality.ts) on real sentences of the development corpus (analysis/eval/corpus/events.dev.jsonl, each line with its
 * page URL; ev-77xx come from source domains the corpus did not have before these rules were written). The rules are
 * tested alone (no trained layer), so a test fails when the rule breaks, not when the model happens to cover for it.
 */
import { describe, expect, it } from 'vitest';
import { genericityOf, hasPastTense } from '../../analysis/classify/genericity.js';
import { findMentions } from '../../analysis/classify/mentions.js';
import { foldText } from '../../analysis/text/fold.js';
import { devRuleHardTypes, devRulesReading } from './support/dev-events.js';

const rulesOf = devRulesReading;
const hardOf = devRuleHardTypes;
const typesOf = (id: string) => [...new Set(rulesOf(id).events.map((e) => e.type))].sort();
const rejectedCues = (id: string) => rulesOf(id).rejected.flatMap((e) => e.cues);

describe('a present-tense "when/once" clause states a rule', () => {
  it.each([
    ['ev-7701', 'once'], // As a director, your powers end once the company goes into Administration.
    ['ev-7704', 'when'], // Your director’s powers end when the company has gone into Administration.
    ['ev-7703', 'once'], // Once a company has entered Administration, no creditor can take any action …
    ['ev-7711', 'when'], // When you hear that a company has gone into administration, it can feel like an instant full stop.
  ])('%s: no hard event, the trigger is read as generic', (id, opener) => {
    expect(hardOf(id)).toEqual([]);
    expect(rejectedCues(id).some((c) => c.startsWith('generic: a present-tense') && c.includes(opener))).toBe(true);
  });

  it('a past tense in the clause dates an event: "when NODL entered administration in March" stays an insolvency', () => {
    expect(hardOf('ev-2074')).toEqual(['insolvency']);
  });

  it('reads past tenses, not participles after an auxiliary', () => {
    expect(hasPastTense('when the retailer went into administration', 'en')).toBe(true);
    expect(hasPastTense('once a company has entered administration', 'en')).toBe(false);
    expect(hasPastTense('the assets can be sold', 'en')).toBe(false);
    expect(hasPastTense(foldText('das Unternehmen meldete im Februar Insolvenz an', 'de'), 'de')).toBe(true);
    expect(hasPastTense(foldText('lorsqu’une entreprise est placée en redressement judiciaire', 'fr'), 'fr')).toBe(false);
    expect(hasPastTense(foldText('la société a été placée en redressement judiciaire', 'fr'), 'fr')).toBe(true);
    expect(hasPastTense(foldText('il tribunale ha dichiarato il fallimento', 'it'), 'it')).toBe(true);
    expect(hasPastTense(foldText('quando un’azienda fallisce', 'it'), 'it')).toBe(false);
  });
});

describe('a kind of company is no company', () => {
  it('"examples of bankrupt companies" names no bankruptcy, though three names stand before it (ev-7728)', () => {
    expect(hardOf('ev-7728')).toEqual([]);
    expect(rejectedCues('ev-7728')).toContain('generic: a kind of company (bankrupt companies)');
  });

  it('"the brand of an insolvent business" (ev-6035)', () => {
    expect(hardOf('ev-6035')).toEqual([]);
  });

  it('an indefinite article on the event noun itself is one event: "has had a winding up bid … adjourned" (ev-0337)', () => {
    expect(hardOf('ev-0337')).toEqual(['debt_enforcement']);
  });

  it('"einem insolventen Unternehmen" is a kind, "das insolvente Unternehmen" one company', () => {
    const at = (text: string) => {
      const folded = foldText(text, 'de');
      const start = folded.indexOf('insolvent');
      return genericityOf({ folded, lang: 'de', trigger: { start, end: start + 'insolventen'.length }, subjectKind: 'reference', linked: false, hard: true });
    };
    expect(at('Der Kauf von einem insolventen Unternehmen lohnt sich selten.')?.cue).toMatch(/kind of company/);
    expect(at('Der Verwalter verkauft das insolventen Unternehmen an einen Investor.')?.cue ?? '').not.toMatch(/kind of company/);
  });
});

describe('an unnamed company in a clause that states a rule', () => {
  it.each([
    'ev-7709', // The company may enter into another insolvency process or the assets can be sold … before the company is struck off.
    'ev-5081', // Bei einer Zahlungsunfähigkeit kann das Unternehmen laut § 17 Abs. 2 InsO …
    'ev-7770', // Elle doit être mise en œuvre par toute entreprise en cessation de paiements …
    'ev-7748', // Erst mit der Zahlungsunfähigkeit eines Unternehmens kann ein Insolvenzverfahren auf Antrag eingeleitet werden.
    'ev-7787', // I proprietari dell'azienda oggetto di fallimento perdono la possibilità …
  ])('%s: no hard event', (id) => {
    expect(hardOf(id)).toEqual([]);
  });

  it('a hedge keeps its company: "If the creditors cannot reach an agreement …, the group risks collapsing" (ev-1577)', () => {
    expect(typesOf('ev-1577')).toContain('financial_distress');
  });

  it('a day names one occurrence: "La justice doit se pencher lundi sur la situation financière de Go Sport" (ev-1720)', () => {
    expect(typesOf('ev-1720')).toContain('financial_distress');
  });

  it('a named company is one company, even in a "Quand …" headline (ev-7784)', () => {
    expect(typesOf('ev-7784')).toEqual(['financial_distress']);
  });
});

describe('the procedure as the topic of a present-tense sentence', () => {
  it.each([
    'ev-0190', // A Chapter 7 filing means that the business intends to sell all its assets, …
    'ev-0717', // Der Konkurs bedeutet das Aus für das Unternehmen.
    'ev-5140', // Le redressement judiciaire est une procédure destinée à sauvegarder l’entreprise en difficulté, …
  ])('%s: no hard event', (id) => {
    expect(hardOf(id)).toEqual([]);
    expect(rejectedCues(id).some((c) => c.startsWith('generic: the procedure as the topic'))).toBe(true);
  });

  it('the same opening with a past tense or a name tells one company\'s procedure', () => {
    const topic = (text: string, lang: string, names: Array<{ start: number; end: number }> = []) => {
      const folded = foldText(text, lang);
      const start = folded.indexOf(lang === 'de' ? 'insolvenzverfahren' : 'redressement');
      return genericityOf({ folded, lang, trigger: { start, end: start + (lang === 'de' ? 18 : 12) }, subjectKind: 'reference', linked: false, hard: true, names })?.cue ?? '';
    };
    expect(topic('Le redressement judiciaire est une procédure collective.', 'fr')).toMatch(/procedure as the topic/);
    expect(topic('Le redressement judiciaire a été prononcé mardi.', 'fr')).not.toMatch(/procedure as the topic/);
    expect(topic('Das Insolvenzverfahren ist eröffnet, teilte Galeria mit.', 'de', [{ start: 45, end: 52 }])).not.toMatch(/procedure as the topic/);
  });
});

describe('counts are statistics', () => {
  it('"sono state già 3.000 le procedure di fallimento" names no company\'s bankruptcy, though the source is named (ev-7799)', () => {
    expect(hardOf('ev-7799')).toEqual([]);
  });
});

describe('cues read where they apply', () => {
  it('a cue word inside a company name is no cue: "Rumeur Publique est placée en redressement judiciaire" (ev-7781, ev-7782)', () => {
    expect(hardOf('ev-7781')).toEqual(['insolvency']);
    expect(hardOf('ev-7782')).toEqual(['insolvency']);
  });

  it('a founding year does not date the event: "Rumeur Publique, créée en 1988" on a 2002 page stays factual (ev-7782)', () => {
    expect(rulesOf('ev-7782').events.every((e) => e.modality === 'factual')).toBe(true);
  });

  it('a hedging adverb does not reach past its comma clause: "… vermutlich in den Sand, das Unternehmen meldete im Februar Insolvenz an" (ev-7752)', () => {
    expect(hardOf('ev-7752')).toEqual(['insolvency']);
  });

  it('"in real danger of going into administration" is a hedged administration: distress, not insolvency (ev-7740)', () => {
    expect(typesOf('ev-7740')).toEqual(['financial_distress']);
  });
});

describe('no names made of openers', () => {
  it.each([
    ['fr', 'C’est une alternative à la liquidation judiciaire, cette dernière signifiant l’arrêt pur et simple de l’activité.', 'C’'],
    ['fr', 'Contrairement à une liquidation judiciaire, cette démarche vise à redresser l’entreprise pour lui offrir une seconde chance.', 'Contrairement'],
    ['en', 'Administration also triggers a statutory moratorium, meaning most creditor enforcement and legal actions are paused without permission.', 'Administration'],
  ])('%s: "%s" names no "%s"', (lang, text, word) => {
    expect(findMentions(text, lang).map((m) => m.text)).not.toContain(word);
  });

  it('a procedure noun opening a run of capitals is part of a name ("Administration Services Ltd")', () => {
    expect(findMentions('Administration Services Ltd has been wound up.', 'en').map((m) => m.text)).toContain('Administration Services Ltd');
  });
});
