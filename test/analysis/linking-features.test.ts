import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, type Feature } from '../../analysis/linking/index.js';
import { findLinkCandidates } from '../../analysis/linking/link-entities.js';
import { loadLinkModel } from '../../app/link-model.js';
import type { Customer } from '../../platform/schemas/customer.js';

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: '', tags: [], ...extra };
}

const index = buildWatchlistIndex(
  [
    customer('meier', 'Meier Tobler AG', { aliases: ['Meier'] }),
    customer('schindler', 'Schindler Holding AG', { aliases: ['Schindler'], industry: '28' }),
    customer('siemens', 'Siemens AG', { country: 'DE', aliases: ['Siemens'] }),
    customer('tim', 'Telecom Italia S.p.A.', { country: 'IT', aliases: ['TIM'] }),
    customer('basel', 'Basler Versicherung AG', { aliases: ['Basler'] }),
    customer('helix', 'Helix', { aliases: ['Helix Group'], country: 'GB' }),
    customer('dbank', 'Deutsche Bank AG', { country: 'DE' }),
    customer('psa', 'PSA Group', { country: 'FR' }),
    customer('post-ch', 'Die Schweizerische Post AG', { aliases: ['Post', 'La Poste'], industry: '53' }),
    customer('poste-fr', 'La Poste SA', { country: 'FR', industry: '53' }),
    customer('nestle', 'Nestlé S.A.', { aliases: ['Nestlé'] }),
    customer('salamander', 'Salamander GmbH', { country: 'DE', industry: '47' }),
    customer('merck', 'Merck KGaA', { country: 'DE', aliases: ['Merck'], industry: '21' }),
    customer('mps', 'Banca Monte dei Paschi di Siena S.p.A.', { country: 'IT', aliases: ['MPS', 'Mps'], industry: '64' }),
    customer('breal', 'Breal Capital Limited', { country: 'GB', aliases: ['Breal'], industry: '64' }),
    customer('rolls', 'Rolls-Royce Holdings plc', { country: 'GB', aliases: ['Rolls-Royce'], industry: '30' }),
    customer('fsg', 'FSG-Nobiskrug Holding GmbH', { country: 'DE', aliases: ['FSG'], industry: '30' }),
    customer('hanjin', 'Hanjin Shipping Co., Ltd.', { country: 'KR', aliases: ['Hanjin'], industry: '50' }),
    customer('signa', 'SIGNA Holding GmbH', { country: 'AT', aliases: ['Signa', 'Signa Holding'], industry: '68' }),
    customer('astaldi', 'Astaldi S.p.A.', { country: 'IT', industry: '42' }),
    customer('esprit-de', 'Esprit Retail GmbH', { country: 'DE', aliases: ['Esprit'], industry: '47' }),
    customer('esprit-hk', 'Esprit Holdings Limited', { country: 'HK', industry: '47' }),
    customer('hmrc', 'HM Revenue & Customs', { country: 'GB', aliases: ['HMRC'] }),
    customer('tk', 'ThyssenKrupp AG', { country: 'DE', aliases: ['ThyssenKrupp'] }),
    customer('holcim', 'Holcim AG', { aliases: ['Holcim'] }),
    customer('heinemann', 'Gebr. Heinemann SE & Co. KG', { country: 'DE' }),
    customer('mercedes', 'Mercedes-Benz Group AG', { country: 'DE', aliases: ['Daimler'] }),
    customer('conti', 'Continental AG', { country: 'DE', aliases: ['Continental'] }),
    customer('camaieu', 'Camaïeu International', { country: 'FR', aliases: ['Camaïeu'] }),
    customer('leonardo', 'Leonardo S.p.A.', { country: 'IT', aliases: ['Leonardo'] }),
  ],
  loadLinkModel(),
);

/** The features of the candidate `customerId` at its first mention in `text` (written as `as`, when given). */
function features(text: string, customerId: string, as?: string): Feature[] {
  for (const s of findLinkCandidates(index, { text })) {
    if (as !== undefined && s.text !== as) continue;
    const c = s.candidates.find((x) => x.customerId === customerId);
    if (c) return [...c.features.keys()].sort() as Feature[];
  }
  throw new Error(`no candidate ${customerId} in: ${text}`);
}
const candidates = (text: string) => findLinkCandidates(index, { text }).flatMap((s) => s.candidates.map((c) => `${c.customerId}:${s.text}`));

describe('linking candidates: one pass, every way news writes a name', () => {
  it('tries the shorter alias where the longer one fails the case check ("the Helix group said")', () => {
    expect(candidates('the Helix group said it would cut jobs')).toEqual(['helix:Helix']);
    expect(candidates('the Helix Group said it would cut jobs')).toEqual(['helix:Helix Group']);
  });

  it('finds declined German adjectives ("der Deutschen Bank") and group words in either order ("Groupe PSA")', () => {
    expect(candidates('Die Aktie der Deutschen Bank fällt.')).toEqual(['dbank:Deutschen Bank']);
    expect(candidates('Le Groupe PSA annonce des résultats')).toEqual(['psa:PSA']);
    expect(features('Le Groupe PSA annonce des résultats', 'psa')).toContain('reduced');
  });

  it('offers an acronym written like a word ("Tim" for TIM) as a candidate the features weigh, never lower case', () => {
    expect(features('Tim taglia i costi della rete', 'tim')).toContain('acronym_title_case');
    expect(features('TIM taglia i costi della rete', 'tim')).toContain('acronym');
    expect(candidates('tim taglia i costi')).toEqual([]);
  });

  it('finds each index its own names when two watchlists are scanned in turn (words remember their entry per index)', () => {
    const other = buildWatchlistIndex([customer('acme', 'Acme Widgets AG', { aliases: ['Acme'] })], loadLinkModel());
    const text = 'Acme und Nestlé melden Zahlen; Nestlés Gewinn steigt.';
    const ids = (idx: typeof index) => findLinkCandidates(idx, { text }).flatMap((s) => s.candidates.map((c) => c.customerId));
    for (let round = 0; round < 2; round++) {
      expect(ids(index)).toEqual(['nestle', 'nestle']);
      expect(ids(other)).toEqual(['acme']);
    }
  });

  it('gives both customers of the same words as competing candidates ("La Poste")', () => {
    expect(candidates('La Poste augmente ses tarifs').sort()).toEqual(['post-ch:Poste', 'poste-fr:Poste']);
    expect(features('La Poste augmente ses tarifs', 'poste-fr')).toContain('competing');
  });
});

describe('linking features: people, clubs, venues, namesakes, context', () => {
  it('sees a person: first name, title, role, initial, age, speech verb', () => {
    expect(features('Thomas Meier sagte, er sei zufrieden.', 'meier')).toEqual(expect.arrayContaining(['first_name_before', 'person_verb_near']));
    expect(features('Laut Herr Schindler ist das falsch.', 'schindler')).toContain('title_before');
    expect(features('Das sagte Präsident Schindler am Montag.', 'schindler')).toContain('role_before');
    expect(features('Wie T. Meier erklärte, bleibt alles.', 'meier')).toContain('initial_before');
    expect(features('Anna Schindler, 54, wohnt in Luzern.', 'schindler')).toEqual(expect.arrayContaining(['first_name_before', 'age_after']));
    expect(features('Mr Meier said he was pleased.', 'meier')).toEqual(expect.arrayContaining(['title_before', 'person_pronoun_near']));
  });

  it('sees clubs, venues and names extended into another entity', () => {
    expect(features('Der FC Basler gewinnt das Derby.', 'basel')).toEqual(expect.arrayContaining(['club_before', 'sports_near']));
    expect(features('Konzert in der Schindler Arena am Samstag.', 'schindler')).toContain('venue_after');
    expect(features('Siemens Energy cuts 4,000 jobs.', 'siemens')).toContain('extension_after');
    expect(features('Nestlé Deutschland schliesst ein Werk.', 'nestle')).toContain('country_suffix_other');
  });

  it('sees the company: legal form, business words, industry, country and language', () => {
    const f = features('Die Schindler Holding AG steigert Umsatz und Gewinn mit Aufzügen in Luzern.', 'schindler');
    expect(f).toEqual(expect.arrayContaining(['name', 'legal_form', 'business_near', 'country_match', 'language_match']));
    expect(features('Siemens CEO Roland Busch presented the results.', 'siemens')).toContain('business_after');
    expect(features('La Poste distribue moins de lettres et de colis.', 'poste-fr')).toContain('industry_near');
  });

  it('tells the Swiss Post from La Poste by the country of the text', () => {
    const text = 'La Poste augmente le prix du courrier A à Lausanne, Fribourg et Genève: 1.20 franc.';
    expect(features(text, 'post-ch')).toContain('country_match');
    expect(features(text, 'poste-fr')).toContain('country_other');
  });

  it('sees an acronym spelled out as something else, or as the customer', () => {
    expect(features('Il Trasporto Integrato Metropolitano (TIM) aumenta le tariffe. TIM spiega.', 'tim')).toContain('acronym_expanded_other');
    expect(features('Telecom Italia Mobile (TIM) taglia i costi.', 'tim', 'TIM')).toContain('acronym_expanded_same');
  });

  it('sees a name that is an ordinary word elsewhere in the same text', () => {
    expect(features('Die Post kommt. Die post kommt heute später.', 'post-ch')).toContain('lowercase_elsewhere');
  });
});

describe('linking features: descriptors, enumerations, compounds, history, research', () => {
  it('sees a company noun right before the name, also a German compound one ("Schuhhändler", "le groupe suisse")', () => {
    expect(features('Der Schuhhändler Salamander ist insolvent.', 'salamander')).toContain('business_before');
    expect(features('Auch Wettbewerber Salamander wechselte den Chef.', 'salamander')).toContain('business_before');
    expect(features('Le groupe suisse Nestlé annonce des résultats.', 'nestle')).toContain('business_before');
    expect(features('Der Salamander wird etwa 20 cm lang.', 'salamander')).not.toContain('business_before');
    expect(features('Vorausgegangen war die Schieflage des Mutterkonzerns Salamander.', 'salamander')).toContain('business_before');
  });

  it('sees an article right before a single-word name, as common nouns are written ("Der Salamander")', () => {
    expect(features('Der Salamander wird etwa 20 cm lang.', 'salamander')).toContain('article_before');
    expect(features('Salamander meldet Insolvenz an.', 'salamander')).not.toContain('article_before');
  });

  it('sees an enumeration of watchlist names ("Görtz, Klauser und Salamander", "Siemens/Nestlé") and nothing for a lone name', () => {
    expect(features('Nach Görtz, Schindler und Salamander rutscht nun auch Reno in die Insolvenz.', 'salamander')).toContain('listed');
    expect(features('Zwei Vorhaben (Siemens/Nestlé) wurden freigegeben.', 'nestle')).toContain('listed');
    expect(features('Salamander bewegen sich nur langsam.', 'salamander')).not.toContain('listed');
  });

  it('sees a hyphen compound with a capitalised word and an extension that ends in a legal form', () => {
    expect(features('Die Siemens-Energy-Aktie stürzte ab.', 'siemens')).toContain('hyphen_suffix_upper');
    expect(features('Die Deutsche-Bank-Chefs traten zurück.', 'dbank')).toContain('business_after');
    expect(features('darunter die Meier Retail Selection AG, zu der GKK gehört.', 'meier')).toContain('extension_legal_form');
  });

  it('sees people written with particles: "Léonard de Vinci" (first name, particle) and "Leonardo da Vinci" (particle after)', () => {
    expect(features('Tous ses manuscrits montrent que Léonard de Nestlé est un précurseur.', 'nestle')).toContain('first_name_before');
    expect(features('Fu dipinto da Helix da Vinci a partire dal 1503.', 'helix')).toContain('particle_after');
  });

  it('sees history (a year before 1950) and research words near the name', () => {
    expect(features('Robert Schindler starb am 12. März 1942 in Stuttgart.', 'schindler')).toContain('historic_year_near');
    expect(features('Schindler baut 2024 neue Aufzüge.', 'schindler')).not.toContain('historic_year_near');
    expect(features('New PSA research sheds some light on the issue.', 'psa')).toContain('academic_near');
  });
});

describe('linking features: what the watchlist entry knows against what the text says', () => {
  it('sees another legal form than the customer\'s own ("Merck & Co" for Merck KGaA), and not its own in another spelling', () => {
    expect(features('Merck & Co raised its forecast.', 'merck')).toContain('legal_form_mismatch');
    expect(features('Die Merck KGaA erhöht die Prognose.', 'merck')).not.toContain('legal_form_mismatch');
    expect(features('Siemens Aktiengesellschaft erhöht die Prognose.', 'siemens')).not.toContain('legal_form_mismatch');
    expect(features('Die Merck KGaA in Liquidation.', 'merck')).not.toContain('legal_form_mismatch');
  });

  it('sees a country right around the mention: its own ("le groupe belge"), or only another ("USA-based Merck")', () => {
    expect(features('Shares in New Jersey, USA-based Merck & Co are trading lower.', 'merck')).toContain('country_near_other');
    expect(features('Der deutsche Konzern Merck erhöht die Prognose.', 'merck')).toContain('country_near_match');
    expect(features('Merck erhöht die Prognose.', 'merck')).not.toContain('country_near_other');
  });

  it('sees an acronym of a foreign customer in another language with no cue of its country ("Liverpool owners FSG")', () => {
    expect(features('Liverpool owners FSG put the club up for sale.', 'fsg')).toContain('acronym_foreign');
    expect(features('Die FSG hatte Insolvenz beantragt.', 'fsg')).not.toContain('acronym_foreign');
  });

  it("sees the customer's industry nearby, or only another industry's words", () => {
    expect(features('Hanjin vessels are carrying cargo worth billions.', 'hanjin')).toContain('industry_near');
    expect(features('Hanjin opened a new hotel with 300 rooms.', 'hanjin')).toContain('industry_other_near');
  });

  it("sees a person's life and work nearby (biography, artist, pioneer)", () => {
    expect(features('Die Biografien von Merck und Schindler beginnen in der Kindheit.', 'merck')).toContain('person_word_near');
    expect(features('Merck erhöht die Prognose für das Jahr.', 'merck')).not.toContain('person_word_near');
  });

  it('sees the plural of another acronym ("MPs") and accents the names do not have ("Bréal")', () => {
    expect(features('The CEO told MPs that administration was a nuclear option.', 'mps')).toContain('acronym_plural');
    expect(features('MPS chiude il trimestre in utile.', 'mps')).not.toContain('acronym_plural');
    expect(features('Les marques Cache Cache, Bréal et Bonobo.', 'breal')).toContain('diacritics_added');
    expect(features('Breal Capital invests in brands.', 'breal')).not.toContain('diacritics_added');
  });

  it('sees a longer extension ("Rolls-Royce Motor Cars") and then does not count the business words for the customer', () => {
    const f = features('Rolls-Royce Motor Cars has announced plans to inject £300m into its factory.', 'rolls');
    expect(f).toEqual(expect.arrayContaining(['extension_after', 'extension_long']));
    expect(f).not.toContain('business_near');
    expect(features('Rolls-Royce has announced plans to inject £300m into its factory.', 'rolls')).toContain('business_near');
  });
});

describe('linking features: compounds, possessives, abbreviations and rivals read as a reader does', () => {
  it('reads a hyphen compound with a business word or a role as the company\'s own ("Signa-Pleite", "Siemens-Manager")', () => {
    const f = features('Die Signa-Pleite ist die größte Insolvenz Österreichs.', 'signa');
    expect(f).toContain('business_after');
    expect(f).not.toContain('hyphen_suffix_upper');
    expect(f).not.toContain('article_before');
    expect(features('Der ehemalige Siemens-Manager Sen wechselte.', 'siemens')).toContain('business_after');
    expect(features('die Schlappe ihrer Siemens-Kollegen aus Salzburg', 'siemens')).toContain('hyphen_suffix_upper');
  });

  it('does not read a person\'s possessive as a longer name ("René Benkos Signa Holding")', () => {
    expect(features('René Benkos Signa Holding beantragt Konkurs', 'signa')).not.toContain('extension_before_de');
    expect(features('Die Tiroler Signa Holding beantragt Konkurs', 'signa')).toContain('extension_before_de');
  });

  it('reads a two-letter role only in capitals ("ad Astaldi" is a preposition)', () => {
    expect(features('Salini ha presentato ad Astaldi una manifestazione di interesse.', 'astaldi')).not.toContain('role_before');
    expect(features('Lo ha detto AD Astaldi in conferenza.', 'astaldi')).toContain('role_before');
  });

  it("does not count another customer's name without its group word against an alias (\"Esprit\")", () => {
    expect(features('Schon seit längerer Zeit stand Esprit auf wackligen Beinen.', 'esprit-de')).not.toContain('competing');
    expect(features('Schon seit längerer Zeit stand Esprit auf wackligen Beinen.', 'esprit-hk')).toContain('competing');
  });

  it('marks only a bare acronym as foreign, not a name that contains one ("HM Revenue & Customs")', () => {
    expect(features("Le fisc HM Revenue & Customs a demandé la mise en liquidation de la société.", 'hmrc', 'HM Revenue & Customs')).not.toContain('acronym_foreign');
  });
});

describe('linking features: places, plural nouns and plural business words', () => {
  it('reads "X-based" as a place and other lower-case hyphen words as before', () => {
    expect(features('Shares of Meier-based JD Sports rose.', 'meier')).toContain('place_based');
    expect(features('Die Meier-fans jubelten.', 'meier')).toContain('hyphen_suffix_lower');
  });

  it('reads a sentence-opening name with a plural auxiliary as a plural noun ("Salamander sind Amphibien")', () => {
    expect(features('Salamander sind Amphibien.', 'salamander')).toContain('plural_verb_after');
    expect(features('Salamander ist insolvent.', 'salamander')).not.toContain('plural_verb_after');
    expect(features('Heute sind Salamander selten.', 'salamander')).not.toContain('plural_verb_after');
  });

  it('gives plurals the cue of their noun ("marques", "brands")', () => {
    expect(features('Nestlé fait partie du catalogue de marques prestigieuses.', 'nestle')).toContain('business_near');
    expect(features('Nestlé fait partie du catalogue de poèmes prestigieux.', 'nestle')).not.toContain('business_near');
  });
});

describe('linking features: ordinary words of the text\'s language (Hunspell dictionaries)', () => {
  it('marks a single-word name that is a word of the text\'s language, of another language, or of none', () => {
    expect(features('Der Salamander lebt im Wald.', 'salamander')).toContain('common_word');
    expect(features('Salamander closes its shops.', 'salamander')).toContain('common_word');
    expect(features('Hanjin muss Schiffe verkaufen.', 'hanjin')).toContain('coined_name');
    expect(features('Astaldi vince una gara in Cile.', 'astaldi')).toContain('coined_name');
    expect(features('Esprit ferme ses boutiques.', 'esprit-de')).toContain('common_word');
    expect(features('Esprit schließt seine Filialen.', 'esprit-de')).toContain('common_word_abroad');
  });

  it('leaves names of several words and acronyms to the other features', () => {
    const f = features('Die Aktie der Deutschen Bank fällt.', 'dbank');
    expect(f.filter((x) => x.startsWith('common_word') || x === 'coined_name')).toEqual([]);
    expect(features('MPS taglia i costi', 'mps').filter((x) => x.startsWith('common_word') || x === 'coined_name')).toEqual([]);
  });

  it('stays silent without the vocabulary (a model passed in without it)', () => {
    const { commonWords: _unused, ...bare } = loadLinkModel();
    const plain = buildWatchlistIndex([customer('salamander', 'Salamander GmbH', { country: 'DE' })], bare);
    const found = findLinkCandidates(plain, { text: 'Der Salamander lebt im Wald.' })[0]!.candidates[0]!;
    expect([...found.features.keys()].filter((x) => x.startsWith('common_word') || x === 'coined_name')).toEqual([]);
  });
});

describe('linking candidates: spellings of one name', () => {
  it('splits a name at its inner capitals ("Thyssen-Krupp", "Thyssen Krupp" for ThyssenKrupp)', () => {
    expect(candidates('Die Aktie von Thyssen-Krupp fällt.')).toEqual(['tk:Thyssen-Krupp']);
    expect(candidates('Thyssen Krupp streicht Stellen.')).toEqual(['tk:Thyssen Krupp']);
    expect(candidates('ThyssenKrupp streicht Stellen.')).toEqual(['tk:ThyssenKrupp']);
    expect(candidates('Fritz Thyssen und Alfried Krupp.')).toEqual([]);
  });

  it('writes abbreviations out and shortens them ("Gebrüder Heinemann" for Gebr. Heinemann)', () => {
    expect(candidates('Gebrüder Heinemann eröffnet einen Laden.')).toEqual(['heinemann:Gebrüder Heinemann']);
    expect(candidates('Gebr. Heinemann eröffnet einen Laden.')).toEqual(['heinemann:Gebr. Heinemann']);
  });

  it("takes a Swiss company's legal form in another official language as its own (Holcim AG is Holcim SA)", () => {
    expect(features('Holcim SA annonce la fermeture de son site.', 'holcim')).toContain('legal_form');
    expect(features('Holcim SA annonce la fermeture de son site.', 'holcim')).not.toContain('legal_form_mismatch');
    expect(features('Holcim Ltd announced the closure.', 'holcim')).toContain('legal_form_mismatch');
    // Germany has one language: Siemens SA is the French subsidiary of Siemens AG.
    expect(features('Siemens SA annonce des résultats.', 'siemens')).toContain('legal_form_mismatch');
  });
});

describe('linking features: what the words around a name are in their language', () => {
  it('tells English news about a foreign company from news in another foreign language', () => {
    expect(features('German automotive supplier Continental has reduced its sales guidance.', 'conti')).toContain('language_english');
    expect(features('Il fornitore tedesco Continental ha ridotto le previsioni di vendita.', 'conti')).toContain('language_other');
    expect(features('Continental senkt die Prognose.', 'conti')).toContain('language_match');
  });

  it('reads a hyphen-joined name as no first name and surname ("Mercedes-Benz")', () => {
    expect(features('Mercedes-Benz cuts its outlook.', 'mercedes')).not.toContain('person_name');
    expect(features('Mercedes Benz, the painter, was born in Ulm.', 'mercedes')).toContain('person_name');
  });

  it('reads a German article or a place after a name as no family-name particle', () => {
    expect(features('Der warme Winter verdirbt Continental das Reifengeschäft.', 'conti')).not.toContain('particle_after');
    expect(features('Les 512 boutiques Camaïeu de France ferment.', 'camaieu')).not.toContain('particle_after');
    expect(features('Il ritratto di Leonardo da Vinci.', 'leonardo')).toContain('particle_after');
  });
});

describe('linking features: an ordinary word in business wording, and sports words that are only sports', () => {
  it('marks a name that is an ordinary word with business words or a company noun around it', () => {
    expect(features('Der Umsatz von Continental fällt.', 'conti')).toContain('word_in_business');
    expect(features('Der Salamander lebt im Wald.', 'salamander')).not.toContain('word_in_business');
    expect(features('Hanjin meldet Umsatz und Gewinn.', 'hanjin')).not.toContain('word_in_business');
  });

  it('does not read market moves ("lost some ground", "points") as sports', () => {
    expect(features('Continental lost some ground, down 3 points in Frankfurt trading.', 'conti')).not.toContain('sports_near');
    expect(features('Continental schoss im Spiel zwei Tore für die Mannschaft.', 'conti')).toContain('sports_near');
  });
});
