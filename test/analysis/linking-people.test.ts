import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, linkEntities, type Feature } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

// Real sentences of the development corpus (analysis/eval/corpus/linking.dev.jsonl, with their URLs there):
// people who carry a company's name, written without a first name or with a role after it.

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'DE', industry: '', tags: [], ...extra };
}

const model = loadLinkModel();
const index = buildWatchlistIndex(
  [
    customer('bosch', 'Robert Bosch GmbH', { aliases: ['Bosch'], industry: '29' }),
    customer('gerloff-liebler', 'Gerloff Liebler Rechtsanwälte', { aliases: ['Gerloff Liebler'] }),
    customer('tennis-point', 'Tennis-Point GmbH', { aliases: ['Tennis-Point'], industry: '47' }),
    customer('puma', 'PUMA SE', { aliases: ['Puma'], industry: '15' }),
    customer('porsche', 'Dr. Ing. h.c. F. Porsche AG', { aliases: ['Porsche'], industry: '29' }),
  ],
  model,
);
// The same firm watched under its partner's surname alone: the name is then no short form.
const gerloffAlone = buildWatchlistIndex([customer('gerloff', 'Gerloff Rechtsanwälte', { aliases: ['Gerloff'] })], model);

/** The features of `customerId` at each of its mentions in `text`, in text order. */
function featuresAt(text: string, customerId: string, idx = index): Feature[][] {
  return findLinkCandidates(idx, { text }).flatMap((s) => s.candidates.filter((c) => c.customerId === customerId).map((c) => [...c.features.keys()] as Feature[]));
}
const clear = (text: string, idx = index) => linkEntities(idx, { text }).filter((m) => !m.ambiguous).map((m) => m.customerId);

describe('linking: people who carry a company name', () => {
  it('reads a role after "als" as a person: "Gerloff als Insolvenzverwalter" (ln-1781)', () => {
    const text = 'Zuletzt verkaufte Gerloff als Insolvenzverwalter die Sportkette Tennis-Point.';
    // Watched as "Gerloff Liebler": "Gerloff" is a short form with a person cue; the retailer it sold is linked.
    expect(featuresAt(text, 'gerloff-liebler')[0]).toContain('short_person');
    expect(clear(text)).toEqual(['tennis-point']);
    expect(featuresAt(text, 'gerloff', gerloffAlone)[0]).toContain('role_after');
    // "AS" in capitals is a legal form, not the English word.
    expect(featuresAt('Norske Skog AS as of today', 'gerloff', gerloffAlone)).toEqual([]);
  });

  it('reads words of a life (children, journeyman years, passion) around a bare surname as a biography (ln-53009, ln-53008, ln-52030)', () => {
    for (const [text, id] of [
      ['Bosch war das zweitjüngste von zwölf Kindern.', 'bosch'],
      ['Als Geselle reiste Bosch später nach Köln, Hanau, Nürnberg und Göppingen.', 'bosch'],
      ['Porsche besaß von Anfang an die Leidenschaft, Sport- und Rennwagen zu bauen.', 'porsche'],
    ] as const) {
      expect(featuresAt(text, id)[0], text).toContain('person_word_near');
      expect(clear(text), text).toEqual([]);
    }
  });

  it('takes a bare surname for the person the document names in full elsewhere, not for the company (was-war-wann.de, whoswho.de)', () => {
    const biography =
      'Robert Bosch wurde am 23. September 1861 in der Nähe von Ulm, in Albeck, geboren. In den folgenden Jahren entwickelte Bosch mehrere Innovationen für die damals noch sehr junge Autotechnik.';
    const [full, bare] = featuresAt(biography, 'bosch');
    expect(full).toContain('person_name');
    expect(bare).toContain('person_elsewhere');
    expect(clear(biography)).toEqual([]);
    // Written with its legal form, the first mention is the company: the later "Bosch" stays the company's.
    const company =
      'Der Ingenieur und Industrielle gründete 1886 in Stuttgart eine Werkstatt für Feinmechanik und Elektronik, die 1916 in eine Aktiengesellschaft umgewandelt wurde und seit 1937 als "Robert Bosch GmbH" firmiert. Zugleich lieferte Bosch die ersten einheitlichen Elektronikkomponenten wie Anlasser, Lichtmaschine, Wischer, Zündkerze usw.';
    for (const f of featuresAt(company, 'bosch')) expect(f).not.toContain('person_elsewhere');
    expect(clear(company)).toEqual(['bosch']);
  });

  it('does not take one name written twice for a list of companies ("Puma oder Puma", ln-0643)', () => {
    const text = 'Der Berglöwe, auch Puma oder Puma genannt, ist die viertgrößte Katze der Welt.';
    for (const f of featuresAt(text, 'puma')) expect(f).not.toContain('listed');
    expect(clear(text)).toEqual([]);
  });

  it('weighs a founder\'s surname alone, with no business word around it, as the person (ln-55011, ln-54036, ln-52031; ln-55020, ln-55034)', () => {
    for (const text of ['Bosch beobachtet es mit klarem Blick.', 'Porsche fährt mit seinen Autos Rennen und gewinnt unter anderem die Prinz-Heinrich-Wertungsfahrt.']) {
      expect(featuresAt(text, text.startsWith('Bosch') ? 'bosch' : 'porsche')[0], text).toContain('founder_surname');
      expect(clear(text), text).toEqual([]);
    }
    // "Zur Welt kam X": born, a life's verb phrase.
    const born = 'Zur Welt kam Porsche im böhmischen Reichenberg (heute Liberec in Tschechien), das damals Teil des Habsburger Kaiserreichs war.';
    expect(featuresAt(born, 'porsche')[0]).toEqual(expect.arrayContaining(['founder_surname', 'life_verb_near']));
    expect(clear(born)).toEqual([]);
    // Business words make the surname the company; a name that is no founder's never carries the cue.
    const buys = 'Im Jahr 2003 kaufte Porsche alle Anteile Ferdinand Alexanders an Porsche Design.';
    expect(featuresAt(buys, 'porsche')[0]).not.toContain('founder_surname');
    expect(clear(buys)).toEqual(['porsche']);
    const bayer = buildWatchlistIndex([customer('bayer', 'Bayer AG', { aliases: ['Bayer'], industry: '21' })], model);
    const lawsuits = 'Bayer hat sich in den USA inzwischen zwar bereits in drei Glyphosat-Prozessen in Folge durchgesetzt, zuvor jedoch auch drei Verfahren in Serie verloren.';
    expect(featuresAt(lawsuits, 'bayer', bayer)[0]).not.toContain('founder_surname');
  });
});
