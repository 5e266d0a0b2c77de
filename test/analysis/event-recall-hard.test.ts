/**
 * Hard events told in wording the lexicons and conventions missed: real sentences of the development
 * corpus (analysis/eval/corpus/events.dev.jsonl, each with its page URL; ev-29301 on came from source
 * domains new to the corpus, queries 293-304). Before this change each sentence below got no hard event,
 * the wrong one, or one for a party that is only a source; the negatives must stay without one.
 */
import { describe, expect, it } from 'vitest';
import { classifyDevLine, devEventTypes as eventTypes, devRuleEventTypes as ruleEventTypes, devTriggerTypes as triggerTypes } from './support/dev-events.js';

describe('a business shut down, told with a separable verb or an idiom', () => {
  it.each([
    ['ev-29305', 'Die Traditionsfirma stellt den Geschäftsbetrieb Ende des Monats ein, wie der Fränkische Tag … berichtet.'],
    ['ev-2024', '… das Unternehmen zum Wochenende den Betrieb am Flugplatz Oberpfaffenhofen weitestgehend eingestellt hat.'],
    ['ev-29308', 'L’entreprise d’électricité Ecoelec a mis la clé sous la porte du jour au lendemain …'],
  ])('%s is liquidation: %s', (id) => {
    expect(triggerTypes(id)).toContain('liquidation');
    // The rules' event; the precision-first layer (hard threshold 0.75) may still veto a borderline one (ev-2024: p 0.74).
    expect(ruleEventTypes(id)).toContain('liquidation');
  });
});

describe('the company put into a procedure by its directors, a court or a creditor', () => {
  it('"place the company into administration" is insolvency of the company, the reference kept as subject', () => {
    const ev = classifyDevLine('ev-8006').events.find((e) => e.type === 'insolvency');
    expect(ev?.subject).toBe('the company');
  });

  it('"Ordered to be Wound-Up" is both insolvency and liquidation (a court-ordered winding up)', () => {
    expect(eventTypes('ev-1496')).toEqual(['insolvency', 'liquidation']);
  });

  it('a concordato fallimentare is a composition inside bankruptcy: insolvency, not a restructuring', () => {
    expect(triggerTypes('ev-29313')).toEqual(['insolvency']);
    expect(ruleEventTypes('ev-29313')).toEqual(['insolvency']);
    expect(eventTypes('ev-29313')).not.toContain('debt_restructuring');
  });

  it.each([
    ['ev-29317', "… finding instead that HMRC’s petition for GBP 1.1 million in unpaid tax should proceed."],
    ['ev-1624', 'ConocoPhillips seeks seizure of Citgo parent to collect on PDVSA award'],
  ])('%s is debt enforcement: %s', (id) => {
    expect(triggerTypes(id)).toContain('debt_enforcement');
    expect(eventTypes(id)).toContain('debt_enforcement');
  });
});

describe('a German reporting clause ("wie der Club mitteilte") is a source, not a comparison', () => {
  it.each([
    ['ev-1409', 'Wie der Club mitteilte, deponierte der Verwaltungsrat die Bilanz des Vereins beim Konkursrichter.'],
    ['ev-1255', '… gegen den Mutterkonzern Reno Schuhcentrum GmbH … ein Insolvenzverfahren eröffnet, wie das Gericht am Mittwoch bestätigte.'],
  ])('%s is insolvency: %s', (id) => {
    const events = classifyDevLine(id).events.filter((e) => e.type === 'insolvency');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.modality === 'factual' && !e.cues.some((c) => c.startsWith('generic: wie')))).toBe(true);
  });

  it('the club of the genitive is the subject ("die Bilanz des Vereins")', () => {
    expect(classifyDevLine('ev-1409').events.find((e) => e.type === 'insolvency')?.subject).toBe('Vereins');
  });
});

describe('negatives', () => {
  it('an insolvency practitioner quoted as the source ("Laut Insolvenzverwalter …, so die MZ") is no event of anyone', () => {
    expect(eventTypes('ev-29304')).toEqual([]);
    expect(classifyDevLine('ev-29305').events.map((e) => e.type)).not.toContain('insolvency');
  });

  it.each([
    ['ev-29319', 'A Compulsory Liquidation occurs when a creditor files a winding up petition in court …'],
    ['ev-29320', 'When a court makes a winding up order the company is in compulsory liquidation.'],
  ])('%s, a law explainer, gets no event: %s', (id) => {
    expect(eventTypes(id)).toEqual([]);
  });
});
