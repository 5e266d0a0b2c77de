import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLinkModel } from '../../app/link-model.js';
import { buildWatchlistIndex, linkEntities, parseWatchlistCsv } from '../../analysis/linking/index.js';
import type { Customer } from '../../platform/schemas/customer.js';

const MODEL = loadLinkModel();

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: '', tags: [], ...extra };
}

const WATCHLIST: Customer[] = [
  customer('migros', 'Migros-Genossenschafts-Bund', { aliases: ['Migros'], registerIds: ['CHE-105.829.940'] }),
  customer('rysaffe', 'Rysaffe Administrateurs Sàrl', { registerIds: ['CHE-114.723.217'] }),
  customer('swiss-holding', 'Swiss Holding AG'),
  customer('generic-bau', 'Bau Gruppe GmbH'),
  customer('post', 'Die Schweizerische Post AG', { aliases: ['Post'], domains: ['post.ch'] }),
  customer('ubs', 'UBS Group AG', { aliases: ['UBS'] }),
  customer('mueller', 'Müller Bau GmbH & Co. KG', { country: 'DE' }),
  customer('orange', 'Orange SA', { country: 'FR' }),
  customer('nestle', 'Nestlé S.A.'),
  customer('loreal', "L'Oréal S.A.", { country: 'FR' }),
  customer('pg', 'Procter & Gamble Co.', { country: 'US' }),
  customer('candour', 'Candour Group Limited', { registerIds: ['08957400'], country: 'GB' }),
  customer('fenaco-a', 'Fenaco Genossenschaft'),
  customer('fenaco-b', 'Fenaco AG'),
  customer('zurich', 'Zürich Versicherungs-Gesellschaft AG', { aliases: ['Zurich Insurance'] }),
];
const index = buildWatchlistIndex(WATCHLIST, MODEL);
const link = (text: string, extra: object = {}) => linkEntities(index, { text, ...extra });
const ids = (text: string) => link(text).map((m) => m.customerId);

describe('linkEntities: names as news writes them', () => {
  it('finds German inflection and hyphen compounds ("der Migros", "Migros-Chef")', () => {
    expect(ids('Der Migros-Chef tritt zurück.')).toEqual(['migros']);
    expect(ids('Bei der Migros wird gespart.')).toEqual(['migros']);
    expect(link('Migros’ Umsatz sinkt')[0]).toMatchObject({ customerId: 'migros', text: 'Migros', ambiguous: false });
  });

  it('finds a distinctive name glued into a German compound, but not a common word', () => {
    expect(link('Der Migroschef äussert sich.')[0]).toMatchObject({ customerId: 'migros', text: 'Migroschef', ambiguous: false });
    expect(ids('Die Nestléaktie fällt.')).toEqual(['nestle']);
    expect(ids('Der Postchef tritt ab.')).toEqual([]);
    expect(ids('der migroschef')).toEqual([]);
  });

  it('matches umlaut transcriptions, diacritics and the legal form written differently', () => {
    expect(link('Die Mueller Bau GmbH & Co KG hat Insolvenz angemeldet')[0]).toMatchObject({
      customerId: 'mueller',
      text: 'Mueller Bau GmbH & Co KG',
      ambiguous: false,
    });
    expect(ids('MÜLLER BAU meldet Kurzarbeit')).toEqual(['mueller']);
    expect(ids('Nestles Aktie fällt; Nestle SA bestätigt')).toEqual(['nestle']);
    expect(ids("L'Oreal annonce un rachat")).toEqual(['loreal']);
    expect(ids('Procter and Gamble cuts jobs')).toEqual(['pg']);
  });

  it('tries the shorter name where a longer alias fails the case check ("the Helix group said")', () => {
    const helix = buildWatchlistIndex([customer('helix', 'Helix', { aliases: ['Helix Group'] })], MODEL);
    const found = (text: string) => linkEntities(helix, { text }).map((m) => [m.customerId, m.text]);
    expect(found('Helix said it would cut jobs')).toEqual([['helix', 'Helix']]);
    expect(found('the Helix group said it would cut jobs')).toEqual([['helix', 'Helix']]);
    expect(found('the Helix Group said it would cut jobs')).toEqual([['helix', 'Helix Group']]);
  });

  it('gives the character spans of every mention in title + "\\n" + text', () => {
    const [m] = link('Neues von der Migros', { title: 'Migros-Chef tritt ab' });
    expect(m!.spans).toEqual([
      { start: 0, end: 6 },
      { start: 35, end: 41 },
    ]);
    const full = 'Migros-Chef tritt ab\nNeues von der Migros';
    expect(m!.spans.map((s) => full.slice(s.start, s.end))).toEqual(['Migros', 'Migros']);
    expect(m!.reasons.length).toBeGreaterThan(0);
  });

  it('raises confidence when the legal form follows the name', () => {
    const withForm = link('Orange SA publie ses résultats')[0]!;
    const bare = link('Les résultats de Orange sont bons')[0]!;
    expect(withForm.confidence).toBeGreaterThan(bare.confidence);
  });
});

describe('linkEntities: generic names and ambiguity', () => {
  it('never matches a name that reduces to a legal form and generic words', () => {
    expect(ids('Swiss Holding AG meldet Konkurs')).toEqual([]);
    expect(ids('Die Bau Gruppe GmbH expandiert')).toEqual([]);
    expect(index.unnamed.sort()).toEqual(['generic-bau', 'swiss-holding']);
  });

  it('does not match ordinary lower-case words or acronyms in the wrong case', () => {
    expect(ids('orange juice prices rose')).toEqual([]);
    expect(ids('die ubs-kurse')).toEqual([]);
    expect(ids('UBS streicht Stellen')).toEqual(['ubs']);
  });

  it('keeps a common-word name without support as ambiguous, and with a legal form as clear', () => {
    expect(link('Die Post kommt heute später.')).toMatchObject([{ customerId: 'post', confidence: 0.4, text: 'Post', ambiguous: true, spans: [{ start: 4, end: 8 }] }]);
    expect(link('Die Post AG meldet einen Gewinn.')[0]).toMatchObject({ customerId: 'post', ambiguous: false });
    // the customer's own domain supports the otherwise common word
    expect(link('Die Post kommt heute später.', { url: 'https://www.post.ch/de/news/1' })[0]).toMatchObject({
      customerId: 'post',
      ambiguous: false,
    });
  });

  it('links a web domain written in the text or in the document URL exactly', () => {
    expect(link('Mehr unter www.post.ch/de/medien.')).toEqual([
      { customerId: 'post', confidence: 0.9, text: 'post.ch', ambiguous: false, spans: [{ start: 11, end: 22 }], reasons: [{ feature: 'domain_in_text', weight: 0.9 }] },
    ]);
    expect(link('Siehe apost.ch oder post.chx')).toEqual([]);
    expect(link('Medienmitteilung', { url: 'https://news.post.ch/2026/11/x' })[0]).toMatchObject({ customerId: 'post', confidence: 0.95 });
  });

  it('marks two customers behind the same words as ambiguous', () => {
    const m = link('Fenaco erhöht die Preise');
    expect(m.map((x) => x.customerId).sort()).toEqual(['fenaco-a', 'fenaco-b']);
    expect(m.every((x) => x.ambiguous && x.confidence <= 0.5)).toBe(true);
  });

  it('prefers the longest name at a position', () => {
    expect(link('Die Zürich Versicherungs-Gesellschaft AG erhöht die Prämien')).toMatchObject([
      { customerId: 'zurich', confidence: 0.97, text: 'Zürich Versicherungs-Gesellschaft AG', ambiguous: false, spans: [{ start: 4, end: 40 }] },
    ]);
  });

  it('matches a name made of a place and a sector word only as ambiguous', () => {
    expect(link('Zurich Insurance posts results')).toMatchObject([{ customerId: 'zurich', confidence: 0.4, text: 'Zurich Insurance', ambiguous: true }]);
  });
});

describe('linkEntities: register ids', () => {
  it('links a real SHAB notice by its UID exactly', () => {
    const xml = readFileSync(new URL('../fixtures/analysis/ch_shab_HR02-1006747585_mutation.xml', import.meta.url), 'utf8');
    const text = /<publicationText>([^<]*)<\/publicationText>/.exec(xml)![1]!;
    const matches = linkEntities(index, { text, registerIds: { uid: ['CHE-114.723.217'] } });
    expect(matches[0]).toMatchObject({ customerId: 'rysaffe', confidence: 1, text: 'CHE-114.723.217', ambiguous: false });
    // the source gave the UID; the notice prints the name and the UID, and each has its place
    expect(matches[0]!.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Rysaffe Administrateurs Sàrl', 'CHE-114.723.217']);
  });

  it('matches a Companies House number given by the source even when the name is absent', () => {
    expect(linkEntities(index, { text: 'Notice of striking-off action', registerIds: { companyNumber: ['08957400'] } })).toEqual([
      { customerId: 'candour', confidence: 1, text: '08957400', ambiguous: false, spans: [], reasons: [{ feature: 'register_id_of_document', weight: 1 }] },
    ]);
  });

  it('does not link on an unknown or partial id', () => {
    expect(linkEntities(index, { text: 'CHE-114.723.21 und CHE-999.999.999' })).toEqual([]);
  });
});

describe('parseWatchlistCsv', () => {
  it('reads the documented format with BOM, semicolons, quotes and | lists', () => {
    const csv =
      '\uFEFFcustomer_id;name;aliases;register_ids;country;industry;tags\r\n' +
      'c1;"Müller Bau GmbH & Co. KG";"Müller Bau|Mueller";"HRB 1234 B";de;41;bau|key\r\n' +
      'c2;Migros-Genossenschafts-Bund;Migros;CHE-105.829.940;CH;47.11;\r\n';
    const { customers, errors } = parseWatchlistCsv(csv);
    expect(errors).toEqual([]);
    expect(customers[0]).toEqual({
      id: 'c1',
      name: 'Müller Bau GmbH & Co. KG',
      aliases: ['Müller Bau', 'Mueller'],
      registerIds: ['HRB 1234 B'],
      domains: [],
      country: 'DE',
      industry: '41',
      tags: ['bau', 'key'],
    });
    expect(customers[1]!.aliases).toEqual(['Migros']);
  });

  it('reports bad rows with their line numbers and keeps the good ones', () => {
    const csv = [
      'customer_id,name,aliases,register_ids,country,industry,tags',
      'c1,Alpha AG,,,CH,,',
      ',No Id AG,,,CH,,',
      'c3,,,,CH,,',
      'c1,Duplicate AG,,,CH,,',
      'c5,Too, Many, Cells, Here, x, y, z',
      'c6,Omega SA',
    ].join('\n');
    const { customers, errors } = parseWatchlistCsv(csv);
    expect(customers.map((c) => c.id)).toEqual(['c1', 'c6']);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[2]!.reason).toMatch(/already defined on line 2/);
  });

  it('rejects a file without the required header columns', () => {
    const { customers, errors } = parseWatchlistCsv('id,company\n1,Alpha');
    expect(customers).toEqual([]);
    expect(errors[0]).toMatchObject({ line: 1 });
    expect(errors[0]!.reason).toMatch(/customer_id/);
  });
});
