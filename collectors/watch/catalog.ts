/**
 * Built-in source templates: what Bonitor can watch for each customer without the user
 * finding a single feed URL. `{query}` is the URL-encoded search, `{id}` a register id.
 */
export interface NewsEdition {
  /** Language of the articles ("de", "fr", "it", "en"). */
  lang: string;
  /** Country edition ("CH", "DE", "AT", "GB", "US", "FR", "IT"). */
  country: string;
}

export interface NewsTemplate {
  id: string;
  name: string;
  /** URL with {query}, {lang}, {country}, {hl} (language-COUNTRY for English editions). */
  url: string;
  terms: string;
}

export interface RegisterTemplate {
  id: string;
  name: string;
  country: string;
  kind: 'shab' | 'gazette' | 'edgar';
  /** A feed shared by all customers of the country (notices are linked by register id), or one per id ({id}). */
  url: string;
  perCustomer: boolean;
  terms: string;
}

export const NEWS_TEMPLATES: NewsTemplate[] = [
  {
    id: 'google-news',
    name: 'Google News search (RSS)',
    url: 'https://news.google.com/rss/search?q={query}&hl={hl}&gl={country}&ceid={country}:{lang}',
    terms: 'Google Terms of Service; the feeds are offered for personal, non-commercial reading — check that your use is covered; headlines link to the publishers, whose terms apply to the articles.',
  },
  {
    id: 'bing-news',
    name: 'Bing News search (RSS)',
    url: 'https://www.bing.com/news/search?q={query}&format=rss&setlang={lang}&cc={country}',
    terms: 'Microsoft Services Agreement; RSS output of the public search page, for personal use; the Bing News Search API is the licensed alternative for commercial volume.',
  },
];

export const REGISTER_TEMPLATES: RegisterTemplate[] = [
  ...['KK', 'SB', 'NA', 'HR'].map(
    (rubric): RegisterTemplate => ({
      id: `shab-${rubric.toLowerCase()}`,
      name: `SHAB / SOGC ${rubric === 'KK' ? 'bankruptcy (KK)' : rubric === 'SB' ? 'debt enforcement (SB)' : rubric === 'NA' ? 'composition (NA)' : 'commercial register (HR)'} notices`,
      country: 'CH',
      kind: 'shab',
      url: `https://amtsblattportal.ch/api/v1/publications?publicationStates=PUBLISHED&tenant=shab&rubrics=${rubric}&searchPeriod=LAST7DAYS&pageRequest.page=0&pageRequest.size=500`,
      perCustomer: false,
      terms: 'Amtsblattportal (SECO): free, no account for published notices; only the signed PDF is legally binding; be gentle (one request per second by default).',
    }),
  ),
  {
    id: 'gazette-insolvency',
    name: 'The Gazette (UK) corporate insolvency notices',
    country: 'GB',
    kind: 'gazette',
    url: 'https://www.thegazette.co.uk/insolvency/notice/data.feed?results-page-size=100&sort-by=latest-date',
    perCustomer: false,
    terms: 'Crown copyright, Open Government Licence v3.0; no key for reading; no published rate limit — be reasonable.',
  },
  {
    id: 'edgar-8k',
    name: 'SEC EDGAR 8-K filings of the company (Atom)',
    country: 'US',
    kind: 'edgar',
    url: 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={id}&type=8-K&dateb=&owner=include&count=40&output=atom',
    perCustomer: true,
    terms: 'SEC fair access: at most 10 requests per second, user agent with a contact address; EDGAR data is public domain.',
  },
];

/** News editions per watchlist country: Swiss customers are searched in German, French and Italian. */
export const COUNTRY_EDITIONS: Record<string, NewsEdition[]> = {
  CH: [{ lang: 'de', country: 'CH' }, { lang: 'fr', country: 'CH' }, { lang: 'it', country: 'CH' }],
  DE: [{ lang: 'de', country: 'DE' }],
  AT: [{ lang: 'de', country: 'AT' }],
  LI: [{ lang: 'de', country: 'CH' }],
  GB: [{ lang: 'en', country: 'GB' }],
  IE: [{ lang: 'en', country: 'IE' }],
  US: [{ lang: 'en', country: 'US' }],
  FR: [{ lang: 'fr', country: 'FR' }],
  IT: [{ lang: 'it', country: 'IT' }],
};
export const DEFAULT_EDITIONS: NewsEdition[] = [{ lang: 'en', country: 'GB' }];

/** Sector news: the branch in each language plus the words a credit manager watches for. */
export const SECTOR_TERMS: Record<string, Partial<Record<'de' | 'fr' | 'it' | 'en', string>>> = {
  C: { de: 'Industrie', fr: 'industrie', it: 'industria', en: 'manufacturing' },
  F: { de: 'Baubranche', fr: 'secteur de la construction', it: 'settore edile', en: 'construction industry' },
  G: { de: 'Detailhandel', fr: 'commerce de détail', it: 'commercio al dettaglio', en: 'retail sector' },
  H: { de: 'Transportbranche', fr: 'secteur des transports', it: 'settore dei trasporti', en: 'logistics sector' },
  I: { de: 'Gastronomie', fr: 'restauration', it: 'ristorazione', en: 'hospitality sector' },
  J: { de: 'IT-Branche', fr: 'secteur technologique', it: 'settore tecnologico', en: 'tech sector' },
  K: { de: 'Finanzbranche', fr: 'secteur bancaire', it: 'settore bancario', en: 'banking sector' },
  L: { de: 'Immobilienbranche', fr: 'secteur immobilier', it: 'settore immobiliare', en: 'property sector' },
  M: { de: 'Beratungsbranche', fr: 'fiduciaires', it: 'fiduciarie', en: 'consulting industry' },
  N: { de: 'Temporärbranche', fr: 'travail temporaire', it: 'lavoro interinale', en: 'staffing industry' },
  Q: { de: 'Gesundheitswesen', fr: 'secteur de la santé', it: 'settore sanitario', en: 'healthcare sector' },
  R: { de: 'Eventbranche', fr: 'événementiel', it: 'settore degli eventi', en: 'events industry' },
};
export const DISTRESS_WORDS: Record<'de' | 'fr' | 'it' | 'en', string> = {
  de: '(Konkurs OR Insolvenz OR Stellenabbau OR Zahlungsverzug)',
  fr: '(faillite OR insolvabilité OR licenciements OR retards de paiement)',
  it: '(fallimento OR insolvenza OR licenziamenti OR ritardi nei pagamenti)',
  en: '(insolvency OR administration OR layoffs OR late payments)',
};
