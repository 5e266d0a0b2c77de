import { foldToken } from './normalize-name.js';

/**
 * The vocabularies the linking features look for around a mention, in German, French, Italian and
 * English. They only say which cue fired; how much each cue counts is fitted on labelled real
 * sentences (scripts/fit-link-model.ts), so a word here is evidence, never a decision.
 */
const folded = (words: string): Set<string> => new Set(words.split(/\s+/).filter((w) => w !== '').map(foldToken));

/** Forms of address and academic titles directly before a surname: "Herr Meier", "Dr. Schindler". */
export const TITLES = folded(`
  herr herrn frau mr mrs ms miss sir dame lord lady dr prof professor monsieur madame mme mlle m signor signora signore sig sigra dott dottor
  dottoressa ing avv on mag dipl lic`);

/** Roles that name a person right after them: "CEO Meier", "Präsident Schindler", "coach Favre". */
export const ROLES = folded(`
  ceo cfo coo cto chef chefin boss prasident prasidentin president presidente presidentessa chairman chairwoman chair vorsitzende vorsitzender
  direktor direktorin director directeur directrice direttore direttrice manager managerin grunder grunderin founder cofounder fondateur
  fondatrice fondatore fondatrice patron patronne pdg dg amministratore delegato ad coach trainer trainerin entraineur entraineuse allenatore
  minister ministerin ministre ministro ministra bundesrat bundesratin nationalrat nationalratin standerat standeratin senator senatorin
  mayor burgermeister burgermeisterin stadtprasident stadtprasidentin maire sindaco sindaca gouverneur governor governatore
  sturmer verteidiger torhuter goalie captain kapitan spieler spielerin player joueur joueuse giocatore giocatrice striker forward
  goalkeeper defender attaquant gardien defenseur attaccante portiere difensore centrocampista mittelfeldspieler midfielder
  schauspieler schauspielerin actor actress acteur actrice attore attrice sanger sangerin singer chanteur chanteuse cantante
  autor autorin author auteur autrice autore scrittore scrittrice writer journalist journalistin giornalista reporter
  anwalt anwaltin lawyer avocat avocate avvocato avvocata richter richterin judge juge giudice pfarrer priest cardinal kardinal
  kunstler kunstlerin artist artiste artista architekt architektin architect architecte architetto regisseur director regista
  star legende legend leggenda pilot pilote pilota fahrer fahrerin driver coureur`);

/** Verbs and attributions that follow a person's name more than a company's: "Meier sagte", "Schindler, 65,". */
export const PERSON_VERBS = folded(`
  geboren starb verstarb heiratete schrieb wrote born died married ne nee mort morte nato nata morto morta
  sagte sagt meinte meint betonte betont erklarte erzahlte erzahlt lachte lacht findet fand glaubt glaubte hofft hoffte freut freute
  said says told tells added explained laughed smiled recalled believes thinks feels hopes insisted insists admitted joked
  declare explique affirme estime raconte confie souligne ajoute precise reconnait sourit
  detto dichiarato spiega afferma racconta sottolinea aggiunge commenta ricorda`);

/**
 * Nouns of a person's life and work near a mention: biographies, founders, artists and families
 * ("die Biografien von Daimler und Benz", "the great travel pioneer", "Leonardo … artista").
 */
export const PERSON_WORDS = folded(`
  biografie biografien biografisch biografische biographie biographique biography biographies biographical biografia biografico biografica kindheit jugend childhood enfance infanzia lebenswerk lebenslauf
  pionier pioniere pioneer pioneers pionnier pioniere erfinder inventor inventeur inventore
  kunstler kunstlerin artist artiste artista maler painter peintre pittore gemalde painting paintings tableau tableaux dipinto dipinti
  quadro quadri skulptur sculpture scultura witwe widow veuve vedova ehefrau wife femme moglie ehemann husband mari marito
  sohn sohne fils figlio figli vater father pere padre mutter mother madre bruder brother frere fratello schwester sister
  soeur sorella enkel grandson nipote grab tombe tomba geburtstag birthday anniversaire compleanno verstorbene deceased
  decede scomparso campaigner campaigners evangelist preacher prediger reformer visionar visionary visionnaire visionario
  kindern geschwister eltern geselle gesellen lehrling lehrjahre wanderjahre militardienst schulzeit onkel tante neffe nichte grossvater
  grossmutter witwer hochzeit heirat leidenschaft memoiren beerdigung siblings apprentice apprenticeship uncle aunt nephew niece
  grandfather grandmother boyhood girlhood funeral memoirs apprenti apprentissage oncle neveu jeunesse funerailles memoires genitori
  apprendista apprendistato zio nonno nonna giovinezza funerale death tod todes deces
  geburtsjahr geburtsort geburtshaus lebzeiten posthum posthume posthumen posthumous posthumously postum postume postuma postumo
  elterliche elterlichen elterlicher freund freunde freunden freundin friends amis amici`);

/** Possessives of a person (or, in French and Italian, of anyone) before "Firma", "entreprise", "company": "Bolloré … son entreprise". */
export const POSSESSIVES = folded(`sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren his her son sa ses suo sua suoi`);
/** A firm as what someone owns or runs: "seine Firma", "son entreprise", "his company", "la sua azienda". */
export const OWNED_FIRM = folded(`firma unternehmen betrieb firmen entreprise entreprises firme societe company companies firm business azienda aziende ditta societa impresa`);

/** "als", "as", "comme", "come", "quale": what follows names the role the one before plays ("Gerloff als Insolvenzverwalter"). */
export const AS_WORDS = folded(`als as comme come quale`);

/**
 * Roles a person plays in a procedure, after "als"/"comme"/"come": a German, French or Italian
 * insolvency practitioner is a person ("Gerloff als Insolvenzverwalter"); English administrators are
 * firms, so they are not here.
 */
export const PERSON_ROLES_AFTER = folded(`
  insolvenzverwalter insolvenzverwalterin sachwalter sachwalterin konkursverwalter konkursverwalterin sanierungsverwalter
  liquidator liquidatorin mandataire liquidateur administrateur curatore curatrice commissario commissaria liquidatore`);

/** Pronouns that refer to a person, within a few words after the mention: English ones only name people. */
export const PERSON_PRONOUNS = folded(`he she his her him himself herself`);
/** Pronouns of grammatical gender: a person, or "das Unternehmen … seiner Insolvenz", "la société … elle". */
export const GENDER_PRONOUNS = folded(`er ihm ihn ihr seiner ihrer elle lui lei`);

/** Club prefixes: "FC Basel", "SC Bern", "AC Milan", "EHC Biel", "VfB Stuttgart". */
export const CLUB_BEFORE = folded(`
  fc sc ac hc ehc ev sv tsv vfb vfl bsc fsv tsg sg ssc ssv us as afc cf cd rc og ogc hsc sk fk nk ks bk if ik gc yb ehc zsc lhc
  olympique sporting rapid real dynamo dinamo racing stade union borussia eintracht fortuna hertha werder inter atletico athletic`);

/** Days and months in the four languages: "Tuesday Morning" shortened to "Tuesday" is a date. */
export const CALENDAR_WORDS = folded(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
  november december montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz maerz mai juni juli oktober
  dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril juin juillet aout septembre octobre
  novembre decembre lunedi martedi mercoledi giovedi venerdi sabato domenica gennaio febbraio marzo aprile maggio giugno luglio
  agosto settembre ottobre dicembre`);

/** Words after a name that make it a club or team: "Siemens Basket", "Post Volley", "X United". */
export const CLUB_AFTER = folded(`
  basket basketball volley volleyball handball hockey unihockey fc sc united city rovers wanderers athletic calcio futbol football
  team racing esports rugby cycling cyclisme rad ladies women frauen damen juniors club clubs klub verein vereins`);

/** Words after a name that make it a place or a venue: "X Arena", "X Stadion", "X Park". */
export const VENUE_AFTER = folded(`
  arena stadion stadium stade stadio halle hall hallenstadion theater theatre teatro park parc parco platz place piazza square strasse
  street rue via weg tower turm building gebaude airport flughafen aeroport aeroporto station bahnhof gare stazione campus museum musee
  museo center centre zentrum bridge brucke pont ponte tunnel velodrome palais palazzetto dome forum bowl ring circuit`);

/**
 * Things a brand names when it is not the company: its product, its guide's awards, a sign on a roof
 * ("Michelin stars", "étoile Michelin", "the Citgo sign", "Continental breakfast", "Bosch-Horn").
 * Only right beside the name (one lower-case word may stand between: "CITGO gas sign").
 */
export const OBJECT_WORDS = folded(`
  sign signs logo logos breakfast breakfasts star stars starred guide guides inspector inspectors horn
  stern sterne sternen sternekoch sternekoche sternerestaurant tester fuhrer
  etoile etoiles macaron macarons
  stella stelle stellato stellata stellati guida`);

/** A person's age written before the name: "der einunddreißigjährige Schindler", "der 45-jährige Meier", "the 45-year-old Smith". */
export const AGE_SUFFIXES = ['jahrige', 'jahrigen', 'jahriger'];

/**
 * Verbs of a life that a person, rarely a company, does: "arbeitete Bosch sieben Jahre lang bei …",
 * "studierte", "wuchs … auf", "emigrated". Right before or after the name.
 */
export const LIFE_VERBS = folded(`
  arbeitete studierte studiert lernte erlernte besuchte wohnte lebte wuchs promovierte emigrierte floh heiratet
  studied lived grew attended graduated emigrated fled
  etudia vecut grandit emigra
  studio visse crebbe emigro`);

/** Nouns after a company name that are about the company itself, not a different entity: "Siemens CEO", "UBS Aktie". */
export const BUSINESS_AFTER = folded(`
  ceo cfo coo chef chefin boss chairman chair president prasident prasidentin sprecher sprecherin spokesman spokeswoman spokesperson
  aktie aktien share shares stock konzern group gruppe groupe gruppo holding holdings management board verwaltungsrat geschaftsleitung
  mitarbeitende mitarbeiter staff employees workers kunden customers clients chief director head earnings results sales revenue revenues
  profit profits tochter tochterfirma subsidiary subsidiaries filiale division sparte unit company companies corporation`);

/**
 * Nouns that describe a company and stand right before its name in apposition: "Schuhhändler Reno",
 * "Wettbewerber Eon", "retailer Wilko", "le groupe Carrefour", "il gruppo Onorato".
 */
export const DESCRIPTORS = folded(`
  konzern konzerns gruppe unternehmen firma hersteller handler handlerin kette wettbewerber konkurrent konkurrenten rivale tochter
  mutterkonzern versicherer bank anbieter betreiber discounter investor fluggesellschaft reederei modehaus warenhaus
  company companies firm firms group retailer retailers chain maker makers carmaker manufacturer producer supplier rival rivals competitor
  lender lenders bank banks insurer operator airline brand giant subsidiary owner investor conglomerate
  societe groupe entreprise enseigne enseignes marque fabricant constructeur distributeur concurrent filiale geant chaine assureur banque
  operateur compagnie
  societa gruppo azienda marchio catena produttore costruttore concorrente controllata colosso compagnia banca operatore`);

/**
 * Heads of German compounds that make the whole word company vocabulary ("Schuhhändler", "Modekette",
 * "Autobauer", "Insolvenzverfahren"): found in the last letters of a word the lists do not have.
 */
export const BUSINESS_HEADS = [
  'handler', 'handlerin', 'hersteller', 'konzern', 'konzerne', 'kette', 'ketten', 'unternehmen', 'gesellschaft', 'firma', 'firmen', 'gruppe',
  'versicherer', 'anbieter', 'betreiber', 'lieferant', 'lieferanten', 'zulieferer', 'discounter', 'gigant', 'riese', 'bauer', 'investor',
  'insolvenz', 'verfahren', 'glaubiger', 'aktie', 'aktien', 'umsatz', 'gewinn', 'verlust', 'filiale', 'filialen', 'sanierung', 'pleite',
  'chef', 'chefin', 'preise', 'absatz', 'prognose',
].map(foldToken);

/** Of the heads above, those that make the word a company descriptor ("Schuhhändler", "Autobauer"), not just business talk. */
export const DESCRIPTOR_HEADS = [
  'handler', 'handlerin', 'hersteller', 'konzern', 'kette', 'versicherer', 'anbieter', 'betreiber', 'lieferant', 'zulieferer', 'discounter',
  'gigant', 'riese', 'bauer', 'investor', 'gruppe', 'unternehmen',
].map(foldToken);

/** Business vocabulary near a mention: the text is about a company. */
export const BUSINESS_WORDS = folded(`
  umsatz umsatze gewinn gewinne verlust verluste aktie aktien aktionare konzern unternehmen firma gesellschaft betrieb konkurs insolvenz
  insolvent pleite stellen stellenabbau arbeitsplatze mitarbeitende mitarbeiter angestellte kunden markt borse borsenkurs kurs millionen
  milliarden mio mrd franken euro dollar quartal geschaftsjahr bilanz dividende ubernahme fusion verkauf investition investitionen
  filiale filialen standort standorte werk fabrik produktion lieferant lieferanten auftrag auftrage preise tochter tochterfirma
  verwaltungsrat geschaftsleitung gewinnwarnung kapital kapitalerhohung glaubiger schulden anleihe kredit konzernchef
  revenue revenues sales profit profits loss losses shares shareholders stock company companies firm group business corporate jobs
  employees staff workforce customers market markets billion million quarter earnings results dividend acquisition merger takeover deal
  stake investors bonds debt creditors lenders administration insolvency bankruptcy bankrupt liquidation subsidiary factory plant plants
  stores branches supplier suppliers contract orders prices brand chief executive
  chiffre affaires benefice benefices perte pertes action actions actionnaires societe entreprise entreprises groupe salaries emplois
  effectifs clients marche bourse milliards millions trimestre resultats dividende rachat fusion acquisition filiale usine usines
  magasins fournisseur fournisseurs contrat commandes prix marque faillite redressement liquidation creanciers dette
  fatturato utile utili perdita perdite azioni azionisti societa azienda aziende gruppo dipendenti lavoratori clienti mercato borsa
  miliardi milioni trimestre risultati dividendo acquisizione fusione controllata stabilimento stabilimenti negozi fornitore fornitori
  contratto ordini prezzi marchio fallimento concordato creditori debito debiti
  investor investoren ubernommen ubernimmt ubernehmen sanierung sanierungsplan schutzschirm schutzschirmverfahren insolvenzverfahren
  spitze vorstand vorstande aufsichtsrat betriebsrat belegschaft zentrale
  insolvenzantrag zahlungsunfahig restrukturierung handel handler kette ketten marke marken geschaft geschafte filialnetz beschaftigte
  aktionar anleger rekordumsatz anteil anteile anteilen beteiligung beteiligungen
  retailer retailers retail store stores shop shops chain brands funding financing restructuring administrator administrators
  receiver receivership lawsuit judgment award payments investor analysts executives shareholder directors airline carrier lender
  magasin magasins enseigne enseignes rachat reprise cession judiciaire sauvegarde actionnaire licenciements hypermarches
  supermarches salaries boutique boutiques commerce postes suppressions
  layoffs cuts owners ownership besitzer eigentumer eigner posti
  esuberi sindacati commessa commissari straordinaria crisi fornitura impianti negozio
  ceo cfo chairman appointment appointments appoints appointed vorstand vorstandschef pdg amministratore
  salaries wages taxes payment employ employs fallito fallita finance finances finanze finanzen
  rent headquarters landlord lease purchase purchased acquire acquired divest miete mietvertrag firmensitz loyer siege bail affitto sede
  absatz auslieferungen prognose prognosen ausblick zahlen outlook forecast guidance turnover margin fiscal previsions perspectives previsioni`);

/** Auxiliaries in the plural right after a sentence-opening name: "Salamander sind Amphibien" — a plural noun, not a company. */
export const PLURAL_AUXILIARIES = folded(`sind haben werden waren hatten wurden konnen mussen sont ont font etaient avaient sono hanno erano avevano`);

/** Research and education near a mention: an acronym is then a school or an institute ("LSE research", "ETH-Studie"). */
export const ACADEMIC_WORDS = folded(`
  research researchers study studies survey university universities professor professors students student school academic
  forschung forscher forscherin studie studien umfrage universitat hochschule professorin studierende studenten
  recherche chercheur chercheurs etude etudes enquete universite etudiants ecole
  ricerca ricercatori studio studi indagine universita studenti scuola`);

/** Sports vocabulary near a mention: the name is likely a club or a player. */
export const SPORTS_WORDS = folded(`
  tor tore spiel spiele liga meisterschaft meister niederlage tabelle trainer sturmer torhuter playoff
  playoffs halbfinale viertelfinale derby pokal heimspiel auswartsspiel mannschaft fans stadion match matches
  goal goals league championship defeat coach striker goalkeeper semifinal
  quarterfinal cup fixture kickoff squad scored
  championnat victoire defaite entraineur joueur equipe coupe
  gol partita partite campionato vittoria sconfitta allenatore giocatore squadra coppa scudetto`);

/** Sports words of one language that are ordinary words of another ("but" is a goal in French, a conjunction in English). */
export const SPORTS_WORDS_FR = folded(`but buts`);

/** Country names and their adjectives, per country: "Nestlé Deutschland" is a subsidiary when the customer is Swiss. */
export const COUNTRY_NAMES: Record<string, Set<string>> = {
  CH: folded('schweiz schweizer schweizerische schweizerischen schweizerischer suisse suisses svizzera svizzero swiss switzerland helvetic helvetique'),
  DE: folded(`deutschland deutsche deutschen deutscher deutsches german germany allemagne allemand allemande allemands germania tedesco tedesca
    tedeschi bundesrepublik`),
  AT: folded('osterreich osterreichische osterreichischen osterreichischer osterreicher austria austrian autriche autrichien autrichienne austriaco austriaca'),
  FR: folded(`france francais francaise frankreich franzosische franzosischen franzosischer francia francese french hexagone`),
  IT: folded('italia italy italien italienne italie italienische italienischen italienischer italiano italiana italiani italian'),
  GB: folded(`uk britain british britische britischen britischer britannique britannico britannica england english scotland scottish
    wales welsh`),
  US: folded(`usa american americans america amerika amerikanische amerikanischen amerikanischer americain americaine americano americana
    statunitense`),
  BE: folded('belgique belge belges belgium belgian belgien belgische belgischen belgio'),
  NL: folded('nederland netherlands dutch niederlande niederlandische niederlandischen neerlandais neerlandaise olanda olandese'),
  ES: folded('spain spanish spanien spanische spanischen espagne espagnol espagnole spagna spagnolo spagnola'),
  JP: folded('japan japanese japanische japanischen japon japonais japonaise giappone giapponese'),
  CN: folded('china chinese chinesische chinesischen chine chinois chinoise cina cinese'),
  KR: folded('korea korean koreanische koreanischen coree coreen coreenne corea coreano coreana'),
  IN: folded('india indian indien indische indischen indienne indiano indiana'),
};

/** Places, institutions and currencies of one country: where the text is set. */
export const COUNTRY_PLACES: Record<string, Set<string>> = {
  CH: folded(`
    zurich zuerich bern berne basel bale genf geneve ginevra lausanne luzern lucerne lugano winterthur zug aargau thurgau tessin ticino
    wallis valais graubunden grisons fribourg freiburg neuchatel sion sitten solothurn schaffhausen chur biel bienne olten
    kanton kantonal kantonalbank canton cantonal cantone romandie eidgenossisch eidgenossenschaft confederation bundesrat finma seco snb
    shab fosc fusc chf franken rappen francs frs smi`),
  DE: folded(`
    berlin munchen munich hamburg koln cologne frankfurt stuttgart dusseldorf dortmund essen leipzig dresden hannover nurnberg bremen
    bayern bavaria nrw sachsen hessen niedersachsen brandenburg thuringen baden wurttemberg rheinland pfalz saarland schleswig holstein
    bundestag bundesregierung bafin bundeskartellamt ifo dax mdax amtsgericht landgericht`),
  AT: folded(`
    wien vienna vienne graz linz salzburg innsbruck klagenfurt karnten tirol steiermark vorarlberg burgenland niederosterreich
    oberosterreich atx ksv ksv1870 fma`),
  FR: folded(`
    paris lyon marseille toulouse bordeaux lille nantes strasbourg nice rennes grenoble montpellier roubaix bretagne normandie provence
    alsace bercy elysee cac amf insee`),
  IT: folded(`
    roma rome rom milano milan mailand torino turin napoli naples genova genoa bologna firenze florence venezia venice veneto lombardia
    piemonte toscana sicilia sardegna puglia lazio consob mib`),
  GB: folded(`
    london londres londra manchester birmingham leeds glasgow edinburgh liverpool bristol sheffield cardiff belfast leicester
    nottingham newcastle hmrc ftse westminster gbp sterling pounds pence`),
  US: folded(`
    york washington california texas chicago boston seattle florida nasdaq nyse wall street sec delaware usd dollars
    houston dallas atlanta detroit miami philadelphia denver angeles francisco pittsburgh cleveland minneapolis baltimore
    oklahoma ohio michigan illinois pennsylvania massachusetts virginia carolina arizona colorado tennessee nevada`),
};

/** Every country cue word: its names and its places. */
export const COUNTRY_WORDS: Record<string, Set<string>> = Object.fromEntries(
  Object.keys(COUNTRY_NAMES).map((c) => [c, new Set([...COUNTRY_NAMES[c]!, ...(COUNTRY_PLACES[c] ?? [])])]),
);

/** The languages a company of each country is written about in at home. */
export const COUNTRY_LANGUAGES: Record<string, readonly string[]> = {
  CH: ['de', 'fr', 'it'],
  DE: ['de'],
  AT: ['de'],
  LI: ['de'],
  FR: ['fr'],
  BE: ['fr'],
  LU: ['fr', 'de'],
  IT: ['it'],
  GB: ['en'],
  UK: ['en'],
  IE: ['en'],
  US: ['en'],
};

/** Currency signs that are not tokens: where they point. */
export const CURRENCY_SIGNS: Array<[string, string[]]> = [
  ['£', ['GB']],
  ['$', ['US']],
];

/** Marker words of the four languages, for documents that do not state their language. */
export const LANGUAGE_MARKERS: Record<string, Set<string>> = {
  de: folded('der die das ist nicht mit den von zu im fur auf ein eine dem sich hat wird werden auch nach bei wurde sind uber aus'),
  en: folded('the of to is for on with that by at from was has are its it will have be said after which this'),
  fr: folded('les est pour dans une du sur au aux par pas qui que avec son sa ses ont ete cette plus mais leur'),
  it: folded('il di che per con non una del della nel nella sono alla dei gli delle anche ha stato stata questo degli sul'),
};
