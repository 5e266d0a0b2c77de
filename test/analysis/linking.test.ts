import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLinkModel } from '../../app/link-model.js';
import { buildWatchlistIndex, explainLink, linkEntities, parseLinkModel, parseWatchlistCsv, type LinkModel } from '../../analysis/linking/index.js';
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

  it('finds a distinctive name glued into a German compound, never in lower case', () => {
    expect(link('Der Migroschef äussert sich.')[0]).toMatchObject({ customerId: 'migros', text: 'Migroschef' });
    expect(ids('Die Nestléaktie fällt.')).toEqual(['nestle']);
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
    // A coined name: "helix" is an English word, which the common_word feature rightly weighs against a bare mention.
    // A British customer in English news: what is tested is which alias is tried, not how English news about a foreign company weighs.
    const helix = buildWatchlistIndex([customer('helvix', 'Helvix', { aliases: ['Helvix Group'], country: 'GB' })], MODEL);
    const found = (text: string) => linkEntities(helix, { text }).map((m) => [m.customerId, m.text]);
    expect(found('Helvix said it would cut jobs')).toEqual([['helvix', 'Helvix']]);
    expect(found('the Helvix group said it would cut jobs')).toEqual([['helvix', 'Helvix']]);
    expect(found('the Helvix Group said it would cut jobs')).toEqual([['helvix', 'Helvix Group']]);
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
    expect(withForm.reasons.map((r) => r.feature)).toContain('legal_form');
  });
});

describe('linkEntities: generic names, common words and competing customers', () => {
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

  it('decides a common-word name from evidence: a legal form or the own domain make it clear, the word in lower case elsewhere weakens it', () => {
    // "Post" is an ordinary German word: bare, it is at most ambiguous; its legal form makes it clear.
    const bare = link('Die Post kommt heute später.')[0];
    const withForm = link('Die Post AG meldet einen Gewinn.')[0]!;
    const asWord = link('Die Post kommt heute später, die post von gestern auch.')[0];
    expect(withForm).toMatchObject({ customerId: 'post', ambiguous: false });
    expect(bare === undefined || (bare.ambiguous && bare.confidence < withForm.confidence)).toBe(true);
    expect(asWord === undefined || (bare !== undefined && asWord.confidence < bare.confidence)).toBe(true);
    expect(link('Die Post kommt heute später.', { url: 'https://www.post.ch/de/news/1' })[0]).toMatchObject({ customerId: 'post', ambiguous: false });
  });

  it('links a web domain written in the text or in the document URL exactly', () => {
    expect(link('Mehr unter www.post.ch/de/medien.')).toEqual([
      { customerId: 'post', confidence: 0.9, text: 'post.ch', ambiguous: false, spans: [{ start: 11, end: 22 }], reasons: [{ feature: 'domain_in_text', weight: 0.9 }] },
    ]);
    expect(link('Siehe apost.ch oder post.chx')).toEqual([]);
    expect(link('Medienmitteilung', { url: 'https://news.post.ch/2026/11/x' })[0]).toMatchObject({ customerId: 'post', confidence: 0.95 });
  });

  it('keeps two customers behind the same words ambiguous unless the evidence separates them', () => {
    const m = link('Fenaco erhöht die Preise');
    expect(m.map((x) => x.customerId).sort()).toEqual(['fenaco-a', 'fenaco-b']);
    expect(m.every((x) => x.ambiguous && x.reasons.some((r) => r.feature === 'competing'))).toBe(true);
  });

  it('prefers the longest name at a position', () => {
    expect(link('Die Zürich Versicherungs-Gesellschaft AG erhöht die Prämien')).toMatchObject([
      { customerId: 'zurich', text: 'Zürich Versicherungs-Gesellschaft AG', ambiguous: false, spans: [{ start: 4, end: 40 }] },
    ]);
  });

  it('weighs a name made of a place and a sector word as generic', () => {
    const m = link('Zurich Insurance posts results');
    expect(m.every((x) => x.reasons.some((r) => r.feature === 'generic_name'))).toBe(true);
  });
});

describe('linkEntities: the decision', () => {
  // Hand-set models isolate the decision rules from the fitted weights.
  const model = (weights: Record<string, number>, extra: Partial<LinkModel> = {}): LinkModel =>
    parseLinkModel({ version: 't', bias: 0, weights, threshold: 0.8, ambiguousFrom: 0.4, competitionMargin: 1, fitted: {}, ...extra });
  const two = [customer('la-poste', 'La Poste SA', { country: 'FR' }), customer('post-ch', 'Die Schweizerische Post AG', { aliases: ['La Poste'] })];

  it('links clearly from the threshold on, keeps the split evidence as ambiguous, drops the rest', () => {
    const linkWith = (bias: number) => linkEntities(buildWatchlistIndex([customer('x', 'Xylotec AG')], model({}, { bias })), { text: 'Xylotec wächst.' });
    expect(linkWith(2)).toMatchObject([{ customerId: 'x', ambiguous: false, confidence: 0.88 }]);
    expect(linkWith(0)).toMatchObject([{ customerId: 'x', ambiguous: true, confidence: 0.5 }]);
    expect(linkWith(-2)).toEqual([]);
  });

  it('gives shared words to the customer the evidence clearly favours, and leaves a close race ambiguous', () => {
    const text = 'La Poste augmente le prix du courrier à Lausanne et Genève.';
    const clear = linkEntities(buildWatchlistIndex(two, model({ country_match: 2, country_other: -2 }, { bias: 2 })), { text });
    expect(clear).toMatchObject([{ customerId: 'post-ch', ambiguous: false }]);
    const close = linkEntities(buildWatchlistIndex(two, model({}, { bias: 2 })), { text });
    expect(close.map((m) => [m.customerId, m.ambiguous]).sort()).toEqual([
      ['la-poste', true],
      ['post-ch', true],
    ]);
  });

  it('keeps a tie ambiguous however much the model weighs a rival: the words name one of them', () => {
    const text = 'La Poste augmente le prix du courrier.';
    const tied = linkEntities(buildWatchlistIndex(two, model({ competing: -6 }, { bias: 2 })), { text });
    expect(tied.map((m) => [m.customerId, m.ambiguous]).sort()).toEqual([
      ['la-poste', true],
      ['post-ch', true],
    ]);
    expect(tied.every((m) => m.confidence < 0.4 && m.spans.length === 1)).toBe(true);
    // Without the rival the same evidence is too weak to keep.
    expect(linkEntities(buildWatchlistIndex(two, model({ competing: -6 }, { bias: -1 })), { text })).toEqual([]);
  });

  it('explains every link in one line with the features and their weights', () => {
    const [m] = linkEntities(buildWatchlistIndex([customer('x', 'Xylotec AG')], model({ legal_form: 1.5 }, { bias: 0.5 })), { text: 'Die Xylotec AG wächst.' });
    expect(m!.reasons).toEqual([
      { feature: 'legal_form', weight: 1.5 },
      { feature: 'bias', weight: 0.5 },
    ]);
    expect(explainLink(m!, 'Xylotec AG')).toBe('Xylotec AG 0.88 clear "Xylotec AG": legal_form +1.50, bias +0.50');
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
