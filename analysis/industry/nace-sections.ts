/**
 * NOGA 2008 (Switzerland) and NACE Rev. 2 (EU) share their sections A–U and two-digit divisions.
 * Keywords are folded patterns (see analysis/text/fold.ts) for the four languages; they name a
 * branch as a whole ("Baubranche", "secteur de la construction", "settore edile"), not single
 * products, so that an article about one company's product does not become an industry signal.
 */
import { NACE_SECTION_RANGES, type NaceSectionRange } from '../../platform/schemas/nace.js';

export { sectionOfCode } from '../../platform/schemas/nace.js';

export interface NaceSection extends NaceSectionRange {
  keywords: string[];
}

/** Industry keywords per section; codes, names and divisions come from platform/schemas/nace.ts. */
const KEYWORDS: Record<string, string[]> = {
  A: ['landwirtschaft', 'bauern(?:betriebe|stand)', 'forstwirtschaft', 'agriculture', 'agricole', 'agricoltura', 'farming sector', 'farmers', 'agriculteurs', 'agricoltori', 'milchbauern', 'fischerei'],
  B: ['bergbau', 'mining (?:industry|sector)', 'miners', 'secteur minier', 'industrie miniere', 'settore minerario', 'kiesabbau', 'steinbruch'],
  C: ['industrie(?:branche|sektor|firmen|betriebe|unternehmen)', 'maschinenbau', 'mem-industrie', 'metallindustrie', 'uhrenindustrie', 'textilindustrie', 'chemieindustrie', 'pharmaindustrie', 'autoindustrie', 'automobilindustrie', 'autozulieferer', 'zulieferindustrie', 'stahlindustrie', 'exportindustrie', 'manufacturing (?:sector|industry)', 'manufacturers', 'factory output', 'carmakers', 'car industry', 'auto industry', 'steel industry', 'chemical industry', 'industrie horlogere', 'horlogerie', 'industrie manufacturiere', 'secteur industriel', 'industrie automobile', 'industria manifatturiera', 'settore manifatturiero', 'industria orologiera', 'industria automobilistica', 'industria tessile', 'industria meccanica', 'lebensmittelindustrie', 'food industry', 'industrie alimentaire', 'industria alimentare'],
  D: ['energieversorger', 'energiebranche', 'strombranche', 'stromversorger', 'elektrizitatswirtschaft', 'energy (?:sector|industry)', 'utilities', 'power companies', 'secteur de l\'energie', 'fournisseurs d\'electricite', 'settore energetico', 'aziende elettriche'],
  E: ['entsorgungsbranche', 'abfallwirtschaft', 'recyclingbranche', 'wasserversorgung', 'waste management (?:sector|industry)', 'recycling industry', 'gestion des dechets', 'secteur du recyclage', 'gestione dei rifiuti'],
  F: ['baubranche', 'bauindustrie', 'baugewerbe', 'bauwirtschaft', 'bauhauptgewerbe', 'ausbaugewerbe', 'baufirmen', 'bauunternehmen', 'handwerksbetriebe', 'construction (?:sector|industry|firms|companies)', 'housebuilders', 'builders', 'secteur de la construction', 'secteur du batiment', 'btp', 'entreprises de construction', 'edilizia', 'settore edile', 'settore delle costruzioni', 'imprese edili'],
  G: ['detailhandel', 'einzelhandel', 'grosshandel', 'handelsbranche', 'modehandel', 'onlinehandel', 'autohandel', 'autogewerbe', 'retail (?:sector|industry)', 'retailers', 'high street', 'wholesalers', 'commerce de detail', 'detaillants', 'grande distribution', 'commercio al dettaglio', 'dettaglianti', 'grande distribuzione'],
  H: ['transportbranche', 'logistikbranche', 'speditionsbranche', 'transportgewerbe', 'luftfahrt(?:branche|industrie)?', 'airlines', 'reedereien', 'shipping (?:industry|sector)', 'logistics (?:sector|industry)', 'hauliers', 'trucking', 'aviation (?:industry|sector)', 'secteur des transports', 'transporteurs', 'secteur aerien', 'compagnies aeriennes', 'settore dei trasporti', 'trasportatori', 'compagnie aeree', 'settore logistico'],
  I: ['gastronomie', 'gastgewerbe', 'gastrobranche', 'hotellerie', 'hotelbranche', 'restaurants', 'beizen', 'hospitality (?:sector|industry)', 'hotels and restaurants', 'pubs', 'restauration', 'hotellerie-restauration', 'cafetiers', 'ristorazione', 'settore alberghiero', 'albergatori', 'esercenti'],
  J: ['it-branche', 'techbranche', 'softwarebranche', 'telekombranche', 'medienbranche', 'verlagsbranche', 'tech (?:sector|industry)', 'software industry', 'telecoms (?:sector|industry)', 'media industry', 'secteur technologique', 'secteur des medias', 'telecoms', 'settore tecnologico', 'settore dei media', 'telecomunicazioni'],
  K: ['bankenbranche', 'finanzbranche', 'finanzplatz', 'versicherungsbranche', 'regionalbanken', 'kantonalbanken', 'banking (?:sector|industry)', 'lenders', 'insurers', 'insurance industry', 'secteur bancaire', 'banques cantonales', 'assureurs', 'settore bancario', 'banche', 'assicuratori', 'piazza finanziaria'],
  L: ['immobilienbranche', 'immobilienmarkt', 'immobilienwirtschaft', 'projektentwickler', 'real estate (?:sector|market|industry)', 'property (?:market|sector|developers)', 'commercial property', 'secteur immobilier', 'marche immobilier', 'promoteurs', 'settore immobiliare', 'mercato immobiliare'],
  M: ['beratungsbranche', 'treuhandbranche', 'architekturburos', 'ingenieurburos', 'werbebranche', 'consulting (?:industry|sector)', 'law firms', 'advertising industry', 'fiduciaires', 'bureaux d\'ingenieurs', 'fiduciarie', 'studi di ingegneria'],
  N: ['temporarbranche', 'personalverleih', 'reinigungsbranche', 'sicherheitsbranche', 'reisebranche', 'reiseburos', 'staffing (?:industry|agencies)', 'travel agencies', 'travel industry', 'travail temporaire', 'agences de voyage', 'lavoro interinale', 'agenzie di viaggio'],
  O: ['offentliche verwaltung', 'public sector', 'secteur public', 'settore pubblico', 'pubblica amministrazione'],
  P: ['bildungsbranche', 'privatschulen', 'education sector', 'private schools', 'ecoles privees', 'scuole private'],
  Q: ['gesundheitswesen', 'spitaler', 'kliniken', 'pflegeheime', 'pflegebranche', 'healthcare (?:sector|industry)', 'hospitals', 'care homes', 'nursing homes', 'hopitaux', 'cliniques', 'ems', 'secteur de la sante', 'ospedali', 'cliniche', 'case di cura', 'settore sanitario'],
  R: ['kulturbranche', 'eventbranche', 'veranstaltungsbranche', 'fitnessbranche', 'entertainment industry', 'events industry', 'live music', 'secteur culturel', 'evenementiel', 'settore culturale', 'settore degli eventi'],
  S: ['coiffeurbranche', 'coiffeure', 'wascherei', 'hairdressers', 'salons', 'coiffeurs', 'parrucchieri'],
  T: ['hausangestellte', 'domestic workers', 'employes de maison', 'lavoratori domestici'],
  U: ['internationale organisationen', 'international organisations', 'organisations internationales', 'organizzazioni internazionali'],
};

export const NACE_SECTIONS: NaceSection[] = NACE_SECTION_RANGES.map((r) => ({ ...r, keywords: KEYWORDS[r.code] ?? [] }));
