import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument, detectLanguage, mapRubric } from '../../analysis/classify/index.js';
import type { EventType } from '../../platform/schemas/common.js';

const types = (text: string, extra: object = {}): EventType[] => classifyDocument({ text, ...extra }).events.map((e) => e.type);

describe('classifyDocument: events in four languages', () => {
  it.each([
    ['Die Swissair-Tochter hat beim Bezirksgericht die Konkurseröffnung beantragt.', 'insolvency'],
    ['Der Autozulieferer hat beim Amtsgericht Insolvenzantrag gestellt.', 'insolvency'],
    ['Le tribunal a prononcé la faillite de la société genevoise.', 'insolvency'],
    ['Il tribunale ha dichiarato il fallimento della società.', 'insolvency'],
    ['The company filed for Chapter 11 bankruptcy protection on Monday.', 'debt_restructuring'], // annotation convention: Chapter 11 is a restructuring
    ['The retailer collapsed into administration, putting 2,000 jobs at risk.', 'insolvency'],
    ['Das Nachlassgericht gewährt der Firma eine provisorische Nachlassstundung.', 'debt_restructuring'],
    ['Le groupe obtient un sursis concordataire de quatre mois.', 'debt_restructuring'],
    ['Die Generalversammlung beschliesst die Auflösung der Gesellschaft.', 'liquidation'],
    ['The firm was struck off the register and dissolved.', 'liquidation'],
    ['Gegen die Firma wurden mehrere Betreibungen eingeleitet.', 'debt_enforcement'],
    ['A winding-up petition was presented by HMRC against the company.', 'debt_enforcement'],
    ['Die Firma konnte die Löhne im März nicht mehr bezahlen.', 'payment_delay'],
    ['Der Maschinenbauer streicht 500 Stellen und führt Kurzarbeit ein.', 'layoffs'],
    ['Novartis erhöht die Prognose und meldet einen Rekordgewinn.', 'positive'],
  ] as Array<[string, EventType]>)('%s → %s', (text, type) => {
    const c = classifyDocument({ text });
    expect(c.events.map((e) => e.type)).toContain(type);
    const ev = c.events.find((e) => e.type === type)!;
    expect(ev.evidence).toBe(text);
    expect(ev.confidence).toBeGreaterThan(0.5);
  });

  it('gives severity from the taxonomy and an adverse polarity for an insolvency', () => {
    const c = classifyDocument({ title: 'Konkurs eröffnet', text: 'Das Bezirksgericht hat über die Firma den Konkurs eröffnet.' });
    expect(c.lang).toBe('de');
    expect(c.events[0]).toMatchObject({ type: 'insolvency', severity: 'critical' });
    expect(c.polarity).toBeLessThan(-0.8);
    expect(classifyDocument({ text: 'Das Wetter ist schön.' })).toEqual({ lang: 'de', events: [], rejected: [], polarity: 0 });
  });
});

describe('classifyDocument: denials, negation, hedges and history are not events', () => {
  it.each([
    'Der Konzern weist Insolvenzgerüchte entschieden zurück.',
    'Die Firma dementiert Konkursgerüchte.',
    'Es gibt keine Insolvenz, sagt der CEO.',
    "La société n'est pas en faillite, affirme son directeur.",
    "L'azienda smentisce le voci di fallimento.",
    'The company denies reports that it is preparing a bankruptcy filing.',
    'The retailer avoided insolvency in 2009 thanks to a rescue deal.',
    'Die Insolvenz konnte dank neuer Investoren abgewendet werden.',
    'Herbe Pleite für den FC Basel im Cup.',
    'Der Bundesrat will das Insolvenzrecht reformieren.',
    'Firmenpleiten nehmen in der Schweiz weiter zu.',
  ])('%s', (text) => {
    const hard = types(text).filter((t) => ['insolvency', 'debt_restructuring', 'liquidation', 'debt_enforcement'].includes(t));
    expect(hard).toEqual([]);
  });

  it('reports a threatened insolvency as financial distress, not insolvency', () => {
    expect(types('Dem Autozulieferer droht die Pleite.')).toEqual(['financial_distress']);
    expect(types('The airline could file for bankruptcy within weeks.')).toEqual(['financial_distress']);
  });

  it('treats an insolvency two years before publication as historic', () => {
    const text = 'Die Firma ging 2015 in Konkurs.';
    expect(types(text, { publishedAt: '2026-11-20T00:00:00Z' })).toEqual([]);
    expect(types('Die Firma ging im November 2026 in Konkurs.', { publishedAt: '2026-11-20T00:00:00Z' })).toEqual(['insolvency']);
  });
});

describe('register rubrics map deterministically', () => {
  const hr02 = readFileSync(new URL('../fixtures/analysis/ch_shab_HR02-1006747585_mutation.xml', import.meta.url), 'utf8');
  const hr02Text = /<publicationText>([^<]*)<\/publicationText>/.exec(hr02)![1]!;
  const sb01 = readFileSync(new URL('../fixtures/analysis/ch_shab_SB01-0000004345_auction.xml', import.meta.url), 'utf8');

  it('HR02 mutation of signing powers (real notice) → management_change', () => {
    const c = classifyDocument({ text: hr02Text, rubric: 'HR02' });
    expect(c.events).toMatchObject([{ type: 'management_change', severity: 'low', confidence: 0.99, evidence: expect.stringContaining('Rysaffe'), role: 'subject', modality: 'factual' }]);
  });

  it('HR02 announcing dissolution → liquidation; with bankruptcy → insolvency', () => {
    expect(types('Die Gesellschaft ist durch Beschluss der Generalversammlung aufgelöst und in Liquidation.', { rubric: 'HR02' })).toEqual(['liquidation']);
    expect(types('La société est dissoute par suite de faillite prononcée.', { rubric: 'HR02' })).toEqual(['insolvency']);
  });

  it('SB01 real auction notice → debt_enforcement; KK, NA, HR03 by prefix', () => {
    const text = /<auctionObjects>([\s\S]*?)<\/auctionObjects>/.exec(sb01)![1]!;
    expect(types(text, { rubric: 'SB01' })).toEqual(['debt_enforcement']);
    expect(types('Konkurseröffnung', { rubric: 'KK01' })).toEqual(['insolvency']);
    expect(types('Widerruf des Konkurses', { rubric: 'KK05' })).toEqual(['positive']);
    expect(types('Nachlassstundung', { rubric: 'NA01' })).toEqual(['debt_restructuring']);
    expect(types('Löschung', { rubric: 'HR03' })).toEqual(['liquidation']);
    expect(types('Neueintragung', { rubric: 'HR01' })).toEqual([]);
  });

  it('UK Gazette codes and Companies House statuses', () => {
    expect(mapRubric('2450', 'Petitions to Wind Up (Companies)')?.type).toBe('debt_enforcement');
    expect(mapRubric('2410', 'Appointment of Administrators')?.type).toBe('insolvency');
    expect(mapRubric('2432', 'Appointment of Liquidators')?.type).toBe('liquidation');
    expect(mapRubric('2510', 'Bankruptcy Orders')?.type).toBe('insolvency');
    expect(mapRubric('1119', 'State notice')).toBeUndefined();
    expect(mapRubric('voluntary-arrangement', '')?.type).toBe('debt_restructuring');
    expect(mapRubric('liquidation', '')?.type).toBe('liquidation');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Der Konzern meldet einen Verlust und streicht Stellen.', 'de'],
    ['The company reported a loss and cut jobs.', 'en'],
    ["L'entreprise annonce des suppressions de postes dans le canton.", 'fr'],
    ["L'azienda annuncia tagli del personale nella sede di Lugano.", 'it'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
