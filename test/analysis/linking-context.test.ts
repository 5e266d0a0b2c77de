import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, type Feature } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

// Real sentences of the development corpus (analysis/eval/corpus/linking.dev.jsonl, ids below, URLs there):
// the words around a mention read as what they are in the text's language.

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'DE', industry: '', tags: [], ...extra };
}

const index = buildWatchlistIndex(
  [
    customer('citgo', 'CITGO Petroleum Corporation', { country: 'US', aliases: ['Citgo', 'CITGO'], industry: '19' }),
    customer('bayer', 'Bayer AG', { aliases: ['Bayer'], industry: '20' }),
    customer('reno', 'Reno Schuhcentrum GmbH', { aliases: ['Reno'], industry: '47' }),
    customer('hanjin', 'Hanjin Shipping Co., Ltd.', { country: 'KR', aliases: ['Hanjin'], industry: '50' }),
    customer('chievo', 'AC ChievoVerona S.r.l.', { country: 'IT', aliases: ['Chievo'], industry: '93' }),
    customer('adidas', 'adidas AG', { aliases: ['Adidas'], industry: '15' }),
    customer('fib', 'Financière Immobilière Bordelaise', { country: 'FR', aliases: ['FIB'], industry: '68' }),
    customer('bollore', 'Bolloré SE', { country: 'FR', aliases: ['Bolloré'], industry: '64' }),
  ],
  loadLinkModel(),
);

/** The features of `customerId` at its first mention in `text`. */
function features(text: string, customerId: string): Feature[] {
  for (const s of findLinkCandidates(index, { text })) {
    const c = s.candidates.find((x) => x.customerId === customerId);
    if (c) return [...c.features.keys()] as Feature[];
  }
  throw new Error(`no candidate ${customerId} in: ${text}`);
}
const candidates = (text: string) => findLinkCandidates(index, { text }).flatMap((s) => s.candidates.map((c) => c.customerId));

describe('linking context: words read in the language of the text', () => {
  it('reads "but" as a sports word in French only (ln-1691)', () => {
    expect(features('It has withstood the test of five hurricanes, but almost lost its perch in 1983 when Citgo decided to dismantle it.', 'citgo')).not.toContain('sports_near');
  });

  it('does not take a German line for a title-case headline: every noun has a capital (ln-0723)', () => {
    const f = features('Einwechslung bei Bayer Leverkusen: Odilon Kossounou', 'bayer');
    expect(f).toContain('extension_after_de');
    expect(f).not.toContain('extension_after_titlecase');
  });

  it('reads a four-digit count as a count, not a year of a biography (ln-1205)', () => {
    expect(features('Schuhhändler Reno ist insolvent – fast 1100 Mitarbeiter betroffen', 'reno')).not.toContain('historic_year_near');
  });

  it('reads research words inside a capitalised name as part of that name, outside German (ln-1491)', () => {
    const text = 'Drewry Maritime Research said in a note on Monday it was hard to see how Hanjin can survive as customers look for alternative carriers.';
    expect(features(text, 'hanjin')).not.toContain('academic_near');
  });

  it('weighs the article before a name in Italian and French apart: companies take it there as a rule (ln-1827)', () => {
    const f = features('Il Chievo è ufficialmente fallito.', 'chievo');
    expect(f).toContain('article_before_romance');
    expect(f).not.toContain('article_before');
  });

  it('reads the head of a hyphen compound "Spitze" as the company\'s own management (ln-0235)', () => {
    const text = 'Aufsehen erregte der Wechsel an der Adidas-Spitze, der nicht nur weitere Wellen in der Sportartikelbranche schlug, sondern auch die Adidas-Aktie an einem Tag um rund ein Viertel in die Höhe trieb.';
    const f = features(text, 'adidas');
    expect(f).toContain('business_after');
    expect(f).not.toContain('hyphen_suffix_upper');
  });

  it('takes no inflected ordinary word for a short form ("Financière" of Financière Immobilière Bordelaise, ln-53115)', () => {
    const text = 'Vincent Bolloré est à la tête d’un réseau complexe de holdings qui détient une grande partie de la Financière de l’Odet, contrôlant elle-même 64 % du groupe Bolloré.';
    expect(candidates(text)).not.toContain('fib');
  });

  it('reads the owner of "son entreprise" as a person (ln-53117)', () => {
    const text =
      "En trente ans, Bolloré parvient à faire de son entreprise un conglomérat international présent dans les secteurs de l'énergie, de l’agriculture (plantations en Afrique, vin en France), du transport, de la logistique, du fret maritime, de la publicité (Havas) ou encore des médias (Direct Matin, institut de sondage CSA).";
    const f = features(text, 'bollore');
    expect(f).toContain('owner_after');
    // A person is another entity: the business words around it are his, not the group's.
    expect(f).not.toContain('business_near');
  });
});
