/**
 * Recall of the soft event types a credit manager reads — payment delays and legal disputes first — on
 * real sentences from the source domains added to the development corpus by the fourth recall shift
 * (ev-7001 on, queries 241–252; each line carries its page URL in analysis/eval/corpus/events.dev.jsonl).
 * Before the lexicons were widened each positive below got no trigger of its type; the negatives are the
 * law, advice and short-time-work explainers of the same searches, which named no company and still got a
 * payment delay or a layoff (why payment_delay precision fell on unseen domains).
 */
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { classifyDevLine as classified, devEventLine as line, devEventTypes as eventTypes, devTriggerTypes as triggerTypes } from './support/dev-events.js';

describe('unpaid wages, rent and suppliers in any tense, voice and word order', () => {
  it.each([
    ['ev-7026', 'fr', 'les salaires du mois de juin n’ont pas été versés'],
    ['ev-7029', 'fr', 'Sans paie, ni travail, des salariés du chausseur Clergerie … (headline without a verb)'],
    ['ev-7030', 'fr', 'les salariés … attendent … le paiement des salaires'],
    ['ev-1653', 'it', 'Il debito dell’ex Ilva verso i fornitori'],
    ['ev-2068', 'en', 'the latter’s failures to meet its financial obligations'],
    ['ev-5018', 'en', 'Vendor files lawsuit against Sears over unpaid merchandise'],
    ['ev-1383', 'en', 'Twitter failed to make a roughly $3.4 million rent payment'],
  ])('%s (%s) has a payment-delay trigger: %s', (id) => {
    expect(triggerTypes(id)).toContain('payment_delay');
  });

  it('the French wages sentence gives the company both the distress and the payment delay', () => {
    expect(eventTypes('ev-7026')).toEqual(['financial_distress', 'payment_delay']);
  });
});

describe('lawsuits, verdicts and fines told with any verb', () => {
  it.each([
    ['ev-7010', 'Dirk Rossmann GmbH was guilty of an intentional antitrust violation'],
    ['ev-7017', 'Das Unternehmen Rügenwalder … hat nun vor dem Oberlandesgericht Düsseldorf verloren.'],
    ['ev-7019', '… ein Urteil, demzufolge die Firma Bahlsen … zahlen muss.'],
    ['ev-7039', "… la sanzione comminata all'impresa appellante …"],
  ])('%s is a legal dispute: %s', (id) => {
    expect(triggerTypes(id)).toContain('legal_dispute');
  });
});

describe('a softer event needs a company it could be about', () => {
  it.each([
    ['ev-7015', 'de advice: Für verspätete Lohnzahlungen schuldet die/der Arbeitgeber*in dir einen Verzugszins.'],
    ['ev-7024', 'fr law: Un simple découvert ou un retard de paiement ne suffit pas …'],
    ['ev-0465', 'it law: Il mancato pagamento dello stipendio rappresenta …'],
    ['ev-1067', 'fr statistic: Les impayés de salaires sont en augmentation de 50% sur un an.'],
    ['ev-7021', 'de law: Betriebe, die bis Ende März Kurzarbeit angemeldet haben, …'],
    ['ev-7027', 'fr: Une quarantaine d’employés d’une usine … sont en chômage technique'],
  ])('%s keeps its trigger but gets no event (%s)', (id) => {
    expect(triggerTypes(id).length).toBeGreaterThan(0);
    const c = classified(id);
    expect(c.events).toEqual([]);
    expect(c.rejected.some((e) => e.cues.includes('no company in the document it could be about'))).toBe(true);
  });

  it('the same trigger with a linked customer stands for that customer', () => {
    const l = line('ev-7024');
    const text = 'Bei Muster AG: un simple découvert ou un retard de paiement.';
    const linked = [{ customerId: 'c-1', text: 'Muster AG', spans: [{ start: 4, end: 13 }] }];
    const c = classifyDocument({ text, lang: l.lang, linked });
    expect(c.rejected.some((e) => e.cues.includes('no company in the document it could be about'))).toBe(false);
  });

  it('a sentence-opening Italian first person plural or French elided conjunction is not the debtor', () => {
    expect(eventTypes('ev-7036')).toEqual([]); // "Vediamo dunque, con questa guida, come comportarsi quando lo stipendio viene pagato in ritardo."
    expect(classified('ev-0364').events.map((e) => e.subject)).not.toContain('Lorsqu’un');
  });
});
