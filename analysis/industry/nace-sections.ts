/**
 * NOGA 2008 (Switzerland) and NACE Rev. 2 (EU) share their sections A–U and two-digit divisions.
 * Keywords are folded patterns (see analysis/text/fold.ts) for the four languages; they name a
 * branch as a whole ("Baubranche", "secteur de la construction", "settore edile"), not single
 * products, so that an article about one company's product does not become an industry signal.
 */
export interface NaceSection {
  code: string;
  name: string;
  /** First and last two-digit division of the section. */
  divisions: [number, number];
  keywords: string[];
}

export const NACE_SECTIONS: NaceSection[] = [
  { code: 'A', name: 'Agriculture, forestry and fishing', divisions: [1, 3], keywords: ['landwirtschaft', 'bauern(?:betriebe|stand)', 'forstwirtschaft', 'agriculture', 'agricole', 'agricoltura', 'farming sector', 'farmers', 'agriculteurs', 'agricoltori', 'milchbauern', 'fischerei'] },
  { code: 'B', name: 'Mining and quarrying', divisions: [5, 9], keywords: ['bergbau', 'mining (?:industry|sector)', 'miners', 'secteur minier', 'industrie miniere', 'settore minerario', 'kiesabbau', 'steinbruch'] },
  { code: 'C', name: 'Manufacturing', divisions: [10, 33], keywords: ['industrie(?:branche|sektor|firmen|betriebe|unternehmen)', 'maschinenbau', 'mem-industrie', 'metallindustrie', 'uhrenindustrie', 'textilindustrie', 'chemieindustrie', 'pharmaindustrie', 'autoindustrie', 'automobilindustrie', 'autozulieferer', 'zulieferindustrie', 'stahlindustrie', 'exportindustrie', 'manufacturing (?:sector|industry)', 'manufacturers', 'factory output', 'carmakers', 'car industry', 'auto industry', 'steel industry', 'chemical industry', 'industrie horlogere', 'horlogerie', 'industrie manufacturiere', 'secteur industriel', 'industrie automobile', 'industria manifatturiera', 'settore manifatturiero', 'industria orologiera', 'industria automobilistica', 'industria tessile', 'industria meccanica', 'lebensmittelindustrie', 'food industry', 'industrie alimentaire', 'industria alimentare'] },
  { code: 'D', name: 'Electricity, gas, steam and air conditioning supply', divisions: [35, 35], keywords: ['energieversorger', 'energiebranche', 'strombranche', 'stromversorger', 'elektrizitatswirtschaft', 'energy (?:sector|industry)', 'utilities', 'power companies', 'secteur de l\'energie', 'fournisseurs d\'electricite', 'settore energetico', 'aziende elettriche'] },
  { code: 'E', name: 'Water supply; sewerage, waste management and remediation', divisions: [36, 39], keywords: ['entsorgungsbranche', 'abfallwirtschaft', 'recyclingbranche', 'wasserversorgung', 'waste management (?:sector|industry)', 'recycling industry', 'gestion des dechets', 'secteur du recyclage', 'gestione dei rifiuti'] },
  { code: 'F', name: 'Construction', divisions: [41, 43], keywords: ['baubranche', 'bauindustrie', 'baugewerbe', 'bauwirtschaft', 'bauhauptgewerbe', 'ausbaugewerbe', 'baufirmen', 'bauunternehmen', 'handwerksbetriebe', 'construction (?:sector|industry|firms|companies)', 'housebuilders', 'builders', 'secteur de la construction', 'secteur du batiment', 'btp', 'entreprises de construction', 'edilizia', 'settore edile', 'settore delle costruzioni', 'imprese edili'] },
  { code: 'G', name: 'Wholesale and retail trade; repair of motor vehicles', divisions: [45, 47], keywords: ['detailhandel', 'einzelhandel', 'grosshandel', 'handelsbranche', 'modehandel', 'onlinehandel', 'autohandel', 'autogewerbe', 'retail (?:sector|industry)', 'retailers', 'high street', 'wholesalers', 'commerce de detail', 'detaillants', 'grande distribution', 'commercio al dettaglio', 'dettaglianti', 'grande distribuzione'] },
  { code: 'H', name: 'Transportation and storage', divisions: [49, 53], keywords: ['transportbranche', 'logistikbranche', 'speditionsbranche', 'transportgewerbe', 'luftfahrt(?:branche|industrie)?', 'airlines', 'reedereien', 'shipping (?:industry|sector)', 'logistics (?:sector|industry)', 'hauliers', 'trucking', 'aviation (?:industry|sector)', 'secteur des transports', 'transporteurs', 'secteur aerien', 'compagnies aeriennes', 'settore dei trasporti', 'trasportatori', 'compagnie aeree', 'settore logistico'] },
  { code: 'I', name: 'Accommodation and food service activities', divisions: [55, 56], keywords: ['gastronomie', 'gastgewerbe', 'gastrobranche', 'hotellerie', 'hotelbranche', 'restaurants', 'beizen', 'hospitality (?:sector|industry)', 'hotels and restaurants', 'pubs', 'restauration', 'hotellerie-restauration', 'cafetiers', 'ristorazione', 'settore alberghiero', 'albergatori', 'esercenti'] },
  { code: 'J', name: 'Information and communication', divisions: [58, 63], keywords: ['it-branche', 'techbranche', 'softwarebranche', 'telekombranche', 'medienbranche', 'verlagsbranche', 'tech (?:sector|industry)', 'software industry', 'telecoms (?:sector|industry)', 'media industry', 'secteur technologique', 'secteur des medias', 'telecoms', 'settore tecnologico', 'settore dei media', 'telecomunicazioni'] },
  { code: 'K', name: 'Financial and insurance activities', divisions: [64, 66], keywords: ['bankenbranche', 'finanzbranche', 'finanzplatz', 'versicherungsbranche', 'regionalbanken', 'kantonalbanken', 'banking (?:sector|industry)', 'lenders', 'insurers', 'insurance industry', 'secteur bancaire', 'banques cantonales', 'assureurs', 'settore bancario', 'banche', 'assicuratori', 'piazza finanziaria'] },
  { code: 'L', name: 'Real estate activities', divisions: [68, 68], keywords: ['immobilienbranche', 'immobilienmarkt', 'immobilienwirtschaft', 'projektentwickler', 'real estate (?:sector|market|industry)', 'property (?:market|sector|developers)', 'commercial property', 'secteur immobilier', 'marche immobilier', 'promoteurs', 'settore immobiliare', 'mercato immobiliare'] },
  { code: 'M', name: 'Professional, scientific and technical activities', divisions: [69, 75], keywords: ['beratungsbranche', 'treuhandbranche', 'architekturburos', 'ingenieurburos', 'werbebranche', 'consulting (?:industry|sector)', 'law firms', 'advertising industry', 'fiduciaires', 'bureaux d\'ingenieurs', 'fiduciarie', 'studi di ingegneria'] },
  { code: 'N', name: 'Administrative and support service activities', divisions: [77, 82], keywords: ['temporarbranche', 'personalverleih', 'reinigungsbranche', 'sicherheitsbranche', 'reisebranche', 'reiseburos', 'staffing (?:industry|agencies)', 'travel agencies', 'travel industry', 'travail temporaire', 'agences de voyage', 'lavoro interinale', 'agenzie di viaggio'] },
  { code: 'O', name: 'Public administration and defence', divisions: [84, 84], keywords: ['offentliche verwaltung', 'public sector', 'secteur public', 'settore pubblico', 'pubblica amministrazione'] },
  { code: 'P', name: 'Education', divisions: [85, 85], keywords: ['bildungsbranche', 'privatschulen', 'education sector', 'private schools', 'ecoles privees', 'scuole private'] },
  { code: 'Q', name: 'Human health and social work activities', divisions: [86, 88], keywords: ['gesundheitswesen', 'spitaler', 'kliniken', 'pflegeheime', 'pflegebranche', 'healthcare (?:sector|industry)', 'hospitals', 'care homes', 'nursing homes', 'hopitaux', 'cliniques', 'ems', 'secteur de la sante', 'ospedali', 'cliniche', 'case di cura', 'settore sanitario'] },
  { code: 'R', name: 'Arts, entertainment and recreation', divisions: [90, 93], keywords: ['kulturbranche', 'eventbranche', 'veranstaltungsbranche', 'fitnessbranche', 'entertainment industry', 'events industry', 'live music', 'secteur culturel', 'evenementiel', 'settore culturale', 'settore degli eventi'] },
  { code: 'S', name: 'Other service activities', divisions: [94, 96], keywords: ['coiffeurbranche', 'coiffeure', 'wascherei', 'hairdressers', 'salons', 'coiffeurs', 'parrucchieri'] },
  { code: 'T', name: 'Activities of households as employers', divisions: [97, 98], keywords: ['hausangestellte', 'domestic workers', 'employes de maison', 'lavoratori domestici'] },
  { code: 'U', name: 'Activities of extraterritorial organisations', divisions: [99, 99], keywords: ['internationale organisationen', 'international organisations', 'organisations internationales', 'organizzazioni internazionali'] },
];

/**
 * The section of a customer's industry code: a section letter ("F"), a NOGA/NACE division or
 * class ("41", "47.11", "471100", "C25.1"). Undefined when the code cannot be read.
 */
export function sectionOfCode(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-U]$/.test(c)) return c;
  const m = /^([A-U])?\s*(\d{2})/.exec(c);
  if (!m) return undefined;
  const division = Number(m[2]);
  return NACE_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code;
}
