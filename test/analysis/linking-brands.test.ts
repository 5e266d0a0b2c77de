import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, linkEntities, type Feature } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

// Real sentences of the development corpus (analysis/eval/corpus/linking.dev.jsonl, ln-54001 on, with their
// URLs there; queries 317-325): a brand named as a thing (the Michelin guide's stars, Boston's Citgo sign, a
// continental breakfast), people named by surname alone with an age or a verb of a life, and the company itself.

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'DE', industry: '', tags: [], ...extra };
}

const model = loadLinkModel();
const index = buildWatchlistIndex(
  [
    customer('michelin', 'Compagnie Générale des Établissements Michelin', { aliases: ['Michelin'], country: 'FR', industry: '22' }),
    customer('citgo', 'CITGO Petroleum Corporation', { aliases: ['Citgo', 'Citgo Petroleum'], country: 'US', industry: '19' }),
    customer('continental', 'Continental AG', { aliases: ['Continental'], industry: '22' }),
    customer('bosch', 'Robert Bosch GmbH', { aliases: ['Bosch'], industry: '29' }),
    customer('schindler', 'Schindler Holding AG', { aliases: ['Schindler'], country: 'CH', industry: '28' }),
    customer('juventus', 'Juventus Football Club S.p.A.', { aliases: ['Juventus', 'Juventus Football Club', 'Juve'], country: 'IT', industry: '93' }),
  ],
  model,
);

function featuresAt(text: string, customerId: string): Feature[][] {
  return findLinkCandidates(index, { text }).flatMap((s) => s.candidates.filter((c) => c.customerId === customerId).map((c) => [...c.features.keys()] as Feature[]));
}
const clear = (text: string) => linkEntities(index, { text }).filter((m) => !m.ambiguous).map((m) => m.customerId);

describe('linking: a brand named as a thing', () => {
  it('reads an award or guide word beside the name as the product, in four languages (ln-54015, ln-54008, ln-54009, ln-54004)', () => {
    for (const text of [
      'Lo chef Bartolini ha infatti collezionato ben 9 stelle Michelin, com’è possibile?',
      'Vor zwei Jahren gerade erst mit zwei MICHELIN Sternen ausgezeichnet, ist das geschmackvolle Restaurant im luxuriösen Hotel „Das Achental“ nun ganz an die Spitze der internationalen Gastronomie aufgestiegen.',
      'Insgesamt 15 Häuser tragen zwei Sterne, 183 können sich mit einem Michelin-Stern schmücken.',
      'It might be hard to believe but there isn’t such thing as a Michelin starred chef, it’s the restaurant that holds the star(s) not the chef.',
      'Aucun restaurant n’a jamais reçu plus de trois étoiles Michelin ; le système s’arrête là, sans exception, quelle que soit l’excellence atteinte.',
    ]) {
      expect(featuresAt(text, 'michelin')[0], text).toContain('object_near');
      expect(clear(text), text).toEqual([]);
    }
  });

  it('still links the tyre maker that publishes the guide (ln-54002)', () => {
    const text = 'The guide is published by Michelin, a French tire company, which has since made it their mission to highlight exceptional restaurants around the world.';
    expect(featuresAt(text, 'michelin')[0]).not.toContain('object_near');
    expect(clear(text)).toEqual(['michelin']);
  });

  it('reads "the Citgo sign" as the landmark and Citgo paying rent as the company (ln-54022, ln-54027, ln-1686, ln-54023)', () => {
    for (const text of [
      "It's not like it's the original Citgo sign anyway.",
      'Boston’s CITGO Sign',
      'Boston’s iconic Charles River skyline contains a bright, conspicuous CITGO gas sign.',
    ]) {
      expect(featuresAt(text, 'citgo')[0], text).toContain('object_near');
      expect(clear(text), text).toEqual([]);
    }
    const company = "If that happens, Citgo stands to save a ton of cash since the new owners of the building won't be able to raise the rent for the space as high.";
    expect(clear(company)).toEqual(['citgo']);
  });

  it('takes an English word that is also a verb for the object only after a determiner: "Citgo signs" opening a sentence is the company acting', () => {
    // The determiner rule, on the words of ln-54024 ("Why is Boston's Citgo sign such a big deal?"): with the possessive, an object.
    expect(featuresAt("Why is Boston's Citgo sign such a big deal?", 'citgo')[0]).toContain('object_near');
    expect(featuresAt('Citgo signs such a big deal.', 'citgo')[0]).not.toContain('object_near');
  });

  it('reads a German noun glued to the name as the product in any case: "das legendäre Bosch-Horn" (ln-0676)', () => {
    const text = 'Nach dem Krieg setzte Robert Bosch auf neue Produkte für das Auto, entwickelte das legendäre Bosch-Horn, Scheibenwischer und die Dieseleinspritzung.';
    const [person, horn] = featuresAt(text, 'bosch');
    expect(person).toContain('person_name');
    expect(horn).toContain('object_near');
    // "Robert Bosch" is also the company's own name without its legal form: that mention is still weighed as a name (a remaining error).
  });

  it('reads a continental breakfast as the meal (ln-0743, ln-54019)', () => {
    for (const text of [
      'Continental breakfasts often include items such as pastries, bread, cold cuts, cheese, fruit, yogurt, and coffee or tea.',
      'Continental breakfasts in Europe have been the standard for many, many years (and some of these breakfast are quite elaborate).',
    ]) {
      expect(featuresAt(text, 'continental')[0], text).toContain('object_near');
      expect(clear(text), text).toEqual([]);
    }
  });
});

describe('linking: people by surname alone', () => {
  it('reads an age written before the name as a person: "der einunddreißigjährige Schindler" (ln-54028)', () => {
    const text = 'Kurz nach Ausbruch des Krieges im September 1939 tauchte der einunddreißigjährige Schindler im besetzten Krakau auf.';
    expect(featuresAt(text, 'schindler')[0]).toContain('age_before');
    expect(clear(text)).toEqual([]);
  });

  it('reads a verb of a life beside the name as a person: "arbeitete Bosch sieben Jahre lang" (ln-53011)', () => {
    const text =
      'Anschließend arbeitete Bosch sieben Jahre lang bei verschiedenen Unternehmen in Deutschland, in den USA (bei Edison) und in Großbritannien (Siemens Brothers & Co.).';
    expect(featuresAt(text, 'bosch')[0]).toContain('life_verb_near');
    expect(clear(text)).toEqual([]);
  });

  it('takes a later bare "Schindler" for the person the document names in full first (theconstantreader.com)', () => {
    const text =
      'Oskar Schindler wurde am 28.April 1908 in Zwittau/Mähren (heute Tschechien) geboren. Als das Sudetenland 1938 in das nationalsozialistische Deutschland eingegliedert wurde, wurde Schindler formelles Mitglied der NSDAP.';
    const [full, bare] = featuresAt(text, 'schindler');
    expect(full).toContain('first_name_before');
    expect(bare).toContain('person_elsewhere');
    expect(clear(text)).toEqual([]);
  });
});

describe('linking: the company under a clipped name', () => {
  it('links "Juve" and "Juventus" in news about the club company\'s accounts (ln-54038, ln-54040)', () => {
    expect(
      clear(
        'Per effetto della perdita dell’anno scorso, scrive la Gazzetta dello Sport, il patrimonio netto della Juve al 30 giugno 2023 si è ridotto a circa 50 milioni, perciò non è da escludere un aumento di capitale in tempi brevi.',
      ),
    ).toEqual(['juventus']);
    expect(clear('Il CdA della Juventus ha approvato il bilancio al 30 giugno 2023.')).toEqual(['juventus']);
  });
});
