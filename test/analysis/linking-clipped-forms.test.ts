import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, linkEntities } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

// Forms of a name news writes that the watchlist does not list, and the words around a name that
// say what it is, on real sentences of the development part of the labelled corpus
// (analysis/eval/corpus/linking.dev.jsonl, ln-57001 on; each with its source URL there and here).
function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'DE', industry: '29', tags: [], ...extra };
}

const index = buildWatchlistIndex(
  [
    customer('continental', 'Continental AG', { aliases: ['Continental'], industry: '22' }),
    customer('mercedes', 'Mercedes-Benz Group AG', { aliases: ['Mercedes-Benz Group', 'Daimler AG', 'Daimler'] }),
    customer('porsche', 'Dr. Ing. h.c. F. Porsche AG', { aliases: ['Porsche'] }),
    customer('bosch', 'Robert Bosch GmbH', { aliases: ['Bosch'] }),
    customer('ford', 'Ford Motor Company', { country: 'US', aliases: ['Ford'] }),
    customer('leonardo', 'Leonardo S.p.A.', { country: 'IT', aliases: ['Leonardo'], industry: '30' }),
    customer('commerzbank', 'Commerzbank AG', { aliases: ['Commerzbank'], industry: '64' }),
    customer('peterhahn', 'Peter Hahn GmbH', { aliases: ['Peter Hahn'], industry: '47' }),
    customer('lagarde', 'Lagarde Ltd.', { country: 'US', aliases: ['Lagarde'], industry: '43' }),
  ],
  loadLinkModel(),
);

const candidates = (text: string) => findLinkCandidates(index, { text }).flatMap((s) => s.candidates.map((c) => `${c.customerId}:${s.text}`));
const featuresOf = (text: string, id: string) => findLinkCandidates(index, { text }).flatMap((s) => s.candidates.filter((c) => c.customerId === id).map((c) => c.features))[0];
const clear = (text: string) =>
  linkEntities(index, { text })
    .filter((m) => !m.ambiguous)
    .map((m) => m.customerId);

describe('clipped forms: the first syllables of a long single-word name', () => {
  it('finds "Conti" for Continental, also in a compound, and links it where business words carry it', () => {
    // https://autohaus.de/nachrichten/autohersteller/zulieferer-reifengeschaeft-bei-conti-auf-vollen-touren-2745153
    const text = 'Die Conti-Spitze hatte bei der Bilanzvorlage in der vorigen Woche Rekordzahlen für den Gesamtkonzern bekanntgegeben.';
    expect(candidates(text)).toEqual(['continental:Conti']);
    expect(featuresOf(text, 'continental')?.has('clipped')).toBe(true);
    expect(clear(text)).toEqual(['continental']);
  });

  it('makes none that is a first name or an ordinary word ("Leona" of Leonardo, French "comme" of Commerzbank)', () => {
    expect(candidates('Leona sagte, sie komme morgen.')).toEqual([]);
    expect(candidates('Comme prévu, la banque a publié ses résultats.')).toEqual([]);
  });
});

describe('short forms: a first name joined by a hyphen is a brand, not a person', () => {
  it('links "Mercedes" for Mercedes-Benz Group where business words carry it', () => {
    // https://www.weser-kurier.de/bremen/bremen-wirtschaft_artikel,-chinesische-kaeufer-helfen-mercedes-_arid,1968711.html
    expect(clear('Zufrieden zeigte sich Mercedes mit seinem Absatz von elektrischen Fahrzeugen.')).toEqual(['mercedes']);
    // https://www.movefm.com.au/business/mercedes-profit-beats-estimates-on-strong-premium-car-demand
    expect(clear('The results prompted Mercedes to resume its share buyback program.')).toEqual(['mercedes']);
  });

  it('has no short form for a first name followed by a surname ("Peter" of Peter Hahn)', () => {
    expect(candidates('Peter sagte, die Zahlen seien gut.')).toEqual([]);
  });
});

describe('the words right after a name', () => {
  it('reads a lower-case "company" after the name as a company noun, a capitalised one as the legal form', () => {
    // https://wikiwand.com/simple/articles/Ferdinand%20Porsche
    const porsche = featuresOf('He started the Porsche company in 1931.', 'porsche')!;
    expect(porsche.has('legal_form')).toBe(false);
    expect(porsche.has('business_after')).toBe(true);
    // https://www.alibris.com/Henry-Ford-Jeffrey-Zuehlke/book/9897752
    expect(featuresOf('In 1903, he founded the Ford Motor Company, where he began manufacturing the popular Model T automobile.', 'ford')?.has('legal_form')).toBe(true);
  });

  it('takes a verb of a life beside the name as a person, so the business words of the sentence do not carry it', () => {
    // http://dullophob.org/Kalendertage/2015-03/15-03-12%20RobertBosch.html
    const text = 'Anschließend arbeitete Bosch sieben Jahre lang bei verschiedenen Unternehmen in Deutschland, in den USA (bei Edison) und in Großbritannien (Siemens Brothers & Co.).';
    const f = featuresOf(text, 'bosch')!;
    expect(f.has('life_verb_near')).toBe(true);
    expect(f.has('business_near')).toBe(false);
    expect(clear(text)).toEqual([]);
  });

  it('reads "insists" as a person speaking', () => {
    // https://www.irishexaminer.com/business/economy/arid-40789362.html
    const text = 'Lagarde insists that interest rates will not rise despite inflation hike';
    expect(featuresOf(text, 'lagarde')?.has('person_verb_near')).toBe(true);
    expect(clear(text)).toEqual([]);
  });
});
