import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, linkEntities } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { respellings } from '../../analysis/linking/watchlist-index.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

// Names written otherwise than the watchlist has them, on real sentences of the development part of
// the labelled corpus (analysis/eval/corpus/linking.dev.jsonl, each with its source URL there).
function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'GB', industry: '', tags: [], ...extra };
}

const index = buildWatchlistIndex(
  [
    customer('thames', 'Thames Water Utilities Limited', { aliases: ['Thames Water'], industry: '36' }),
    customer('jd', 'JD Sports Fashion plc', { aliases: ['JD Sports Fashion', 'JD Sports'], industry: '47' }),
    customer('hanjin', 'Hanjin Shipping Co., Ltd.', { country: 'KR', industry: '50' }),
    customer('verizon', 'Verizon Communications Inc.', { country: 'US', aliases: ['Verizon'], industry: '61' }),
    customer('verizon-wireless', 'Cellco Partnership', { country: 'US', aliases: ['Verizon Wireless'], industry: '61' }),
    customer('tuesday', 'Tuesday Morning Corporation', { country: 'US', aliases: ['Tuesday Morning'], industry: '47' }),
    customer('tedbaker', 'Ted Baker plc', { aliases: ['Ted Baker'], industry: '14' }),
    customer('credit-suisse', 'Credit Suisse Group AG', { country: 'CH', aliases: ['Credit Suisse'], industry: '64' }),
    customer('pier1', 'Pier 1 Imports, Inc.', { country: 'US', industry: '47' }),
    customer('manutd', 'Manchester United plc', { aliases: ['Manchester United'], industry: '93' }),
    customer('messina', 'FC Messina', { country: 'IT', industry: '93' }),
    customer('jm', 'Johnson Matthey Plc', { aliases: ['Johnson Matthey', 'JM'], industry: '20' }),
    customer('lseg', 'London Stock Exchange Group plc', { aliases: ['LSEG', 'LSE'], industry: '66' }),
    customer('easyjet', 'easyJet plc', { aliases: ['easyJet'], industry: '51' }),
    customer('atos', 'Atos SE', { country: 'FR', aliases: ['Atos'], industry: '62' }),
    customer('merck', 'Merck KGaA', { country: 'DE', aliases: ['Merck'], industry: '21' }),
    customer('dg', 'DG Resources', { industry: '46' }),
    customer('bbc-worldwide', 'BBC Worldwide Limited', { aliases: ['BBC Worldwide'], industry: '59' }),
  ],
  loadLinkModel(),
);

const candidates = (text: string) => findLinkCandidates(index, { text }).flatMap((s) => s.candidates.map((c) => `${c.customerId}:${s.text}`));
const clear = (text: string, title?: string) =>
  linkEntities(index, { text, title })
    .filter((m) => !m.ambiguous)
    .map((m) => m.customerId);

describe('short forms: the leading word of a longer name', () => {
  it('links "Thames" for Thames Water where the article names Thames Water, or where business words carry it (a person cue does not: linking-people.test.ts, "Gerloff als Insolvenzverwalter")', () => {
    const text = 'Two years on, Thames has secured financing of up to £3 billion from senior creditors via an interim restructuring plan that was upheld on appeal.';
    expect(clear(text, 'Thames Water Creditors Submit Enhanced Rescue Plan to Avert Special Administration')).toEqual(['thames']);
    // The weights fitted on the development part (short_business against short) carry a short form with business words alone.
    expect(linkEntities(index, { text })).toMatchObject([{ customerId: 'thames', text: 'Thames', ambiguous: false }]);
  });

  it('links "JD" for JD Sports where business words carry it', () => {
    expect(clear('JD said it expected annual headline pretax profit for the full year to be at least £750m.')).toEqual(['jd']);
    expect(clear("\"Weaker updates and consequent downgrades in the sports sector have impacted JD's share price, resulting in the loss of the gains since its Capital Markets Day in February,\" the broker said.")).toEqual(['jd']);
  });

  it('has none for a role\'s abbreviation ("nouveau DG" is a directeur général, not DG Resources; ln-0262)', () => {
    expect(candidates("Renault-Délai incertain pour la nomination d'un nouveau DG - Senard")).toEqual([]);
    expect(candidates('DG Resources went into administration.')).toEqual(['dg:DG Resources']);
  });

  it('reads a short form after an article as the institution ("told the BBC" is the broadcaster, not BBC Worldwide; ln-0944, ln-1890)', () => {
    const text = '"The sale process remains ongoing, with no decisions having been made to close any existing stores, and TGI Fridays continues to operate normally across the country," a Hostmore spokesperson told the BBC.';
    const [span] = findLinkCandidates(index, { text }).filter((s) => s.text === 'BBC');
    expect([...span!.candidates[0]!.features.keys()]).toContain('short_namesake');
    expect(clear(text)).toEqual([]);
  });

  it('weighs a short form by its own features, and the longer name elsewhere in the document counts', () => {
    const [span] = findLinkCandidates(index, { title: 'Thames Water Creditors Submit Enhanced Rescue Plan to Avert Special Administration', text: 'Ross’ comments came after Thames’ previous Chairman and CEO had unexpectedly resigned.' }).filter((s) => s.text === 'Thames');
    const features = [...span!.candidates[0]!.features.keys()].sort();
    expect(features).toContain('short');
    expect(features).toContain('short_full_in_document');
    expect(features).toContain('short_business');
    // Only short-form features: its many weak candidates do not move the weights of full names.
    expect(features.every((f) => f.startsWith('short') || f === 'competing')).toBe(true);
  });

  it('gives way where another customer\'s own name is written ("Verizon" is Verizon, not Verizon Wireless)', () => {
    expect(candidates('Verizon will pay Vodafone $58.9 billion in cash.')).toEqual(['verizon:Verizon']);
    expect(candidates('Verizon Wireless raised prices.')).toEqual(['verizon-wireless:Verizon Wireless']);
  });

  it('has none for a first name, a day, a place, a club prefix or an ordinary word', () => {
    expect(candidates('AbbVie Inc. (ABBV) Tuesday said it has signed a definitive transaction agreement to acquire Allergan plc (AGN).')).toEqual([]);
    expect(candidates('Ted said the shop would open on Monday.')).toEqual([]);
    expect(candidates('The rain in Manchester stopped play.')).toEqual([]);
    expect(candidates('Das Stadion von FC Bayern München ist ausverkauft.')).toEqual([]);
    expect(candidates('The credit markets tightened and the pier was closed.')).toEqual([]);
  });

  it('links the full name as before where it is written', () => {
    expect(clear('Hanjin Shipping has filed for bankruptcy in South Korea, and indications are this will lead to liquidation of Hanjin assets.')).toEqual(['hanjin']);
  });
});

describe('numbers in names, in figures or in words', () => {
  it('respells "Pier 1 Imports" as "Pier One Imports" and back, never a leading number', () => {
    expect(respellings('Pier 1 Imports, Inc.')).toContain('Pier One Imports, Inc.');
    expect(respellings('Pier One Imports')).toContain('Pier 1 Imports');
    expect(respellings('3M Company')).toEqual([]);
  });

  it('links "Pier One Imports" to Pier 1 Imports in a real sentence', () => {
    expect(candidates('Take Fort Worth, Texas-based Pier One Imports, which sought bankruptcy protection in February 2020, failed to find a buyer, and has since taken steps to shutter its brick-and-mortar operations.')).toEqual([
      'pier1:Pier One Imports',
    ]);
  });
});

describe('words that look like legal forms or tickers', () => {
  it('reads "as", "se", "sa" in lower case as words, not as a legal form after the name', () => {
    const text = 'Liam Condon, who will join JM as Chief Executive on 1st March 2022, is currently a Member of the Board of Management of Bayer AG.';
    const [jm] = findLinkCandidates(index, { text }).filter((s) => s.candidates.some((c) => c.customerId === 'jm'));
    expect(jm!.text).toBe('JM');
    expect([...jm!.candidates[0]!.features.keys()]).not.toContain('legal_form_mismatch');
    expect(clear(text)).toEqual(['jm']);
    // Written in capitals it is the form: "Atos SE".
    const [atos] = findLinkCandidates(index, { text: 'Atos SE a publié ses résultats.' });
    expect(atos!.text).toBe('Atos SE');
  });

  it('does not link an exchange written before a ticker in parentheses ("easyJet (LSE: EZJ)")', () => {
    const text = 'easyJet (LSE: EZJ) is currently up 7.5%, after announcing that it expects todeliver record profits for the fourth year in a row when it publishes its full-year results on 18 November.';
    const lse = findLinkCandidates(index, { text }).find((s) => s.text === 'LSE')!;
    expect([...lse.candidates[0]!.features.keys()]).toContain('exchange_ticker');
    expect(clear(text)).toEqual(['easyjet']);
    expect(clear('Shares of the London Stock Exchange Group rose after LSE reported record trading volumes.')).toContain('lseg');
  });
});

describe('a listing after the name', () => {
  it('reads "Merck (NYSE: MRK)" as a namesake listed abroad for Merck KGaA, and a home listing as its own', () => {
    const text = 'Merck (NYSE: MRK), known as MSD outside the United States and Canada, today announced financial results for the second quarter of 2021.';
    const merck = findLinkCandidates(index, { text }).find((s) => s.text === 'Merck')!;
    expect([...merck.candidates[0]!.features.keys()]).toContain('listed_abroad');
    expect(clear(text)).toEqual([]);
    const atos = findLinkCandidates(index, { text: 'Atos SE (EPA: ATO) a publié ses résultats annuels.' }).find((s) => s.text === 'Atos SE')!;
    expect([...atos.candidates[0]!.features.keys()]).toContain('listed_home');
  });
});
