import { sectionOfCode } from '../industry/index.js';
import { foldToken } from './normalize-name.js';

/**
 * What a company of each NACE section makes or does, in the words news uses next to its name
 * ("Post" near "Pakete" and "Briefe", "Shell" near "Öl" and "Tankstellen"). A cue only: its
 * weight is fitted on labelled sentences. Keyed by section letter (analysis/industry/nace-sections.ts).
 */
const WORDS: Record<string, string> = {
  A: 'landwirtschaft bauern milch getreide agriculture farm farms farmers crops ferme agricole agricoltura latte',
  B: 'bergbau mine minen kohle erz kupfer gold mining miner coal ore copper iron mine charbon minerai miniera carbone',
  C: `produktion fabrik werk werke maschinen fahrzeuge autos auto uhren chemie pharma medikamente stahl zement lebensmittel getranke
    schokolade kaffee produkte hersteller production factory plant plants machines vehicles cars car watches chemicals drugs medicines
    steel cement food beverages chocolate coffee products manufacturer carmaker engines turbines chips semiconductors usine usines
    voitures vehicules montres medicaments acier ciment produits fabricant constructeur stabilimento fabbrica auto automobili orologi
    farmaci acciaio cemento prodotti produttore`,
  D: 'strom energie gas kraftwerk kraftwerke netz electricity power energy gas grid utility electricite energie reseau elettricita energia centrale',
  E: 'abfall recycling wasser entsorgung waste recycling water dechets eau rifiuti acqua',
  F: 'bau baustelle bauprojekt wohnungen gebaude construction building buildings homes housing chantier logements batiments cantiere edilizia costruzioni',
  G: `laden laden filiale filialen supermarkt supermarkte detailhandel handel kunden sortiment produkte preise onlineshop einkauf
    stores store shops retailer retail supermarket supermarkets shoppers customers prices online magasin magasins supermarche
    supermarches distributeur enseigne clients prix negozio negozi supermercato supermercati catena clienti prezzi`,
  H: `post pakete paket briefe brief zustellung logistik transport flug fluge airline bahn zuge zug lastwagen spedition passagiere
    schiff schiffe frachter hafen reederei flotte ship ships vessel vessels cargo port ports container containers fleet navire navires
    porte conteneurs navi nave flotta porto
    parcels parcel letters mail delivery logistics transport flights flight airline airlines rail trains trucks shipping passengers
    colis courrier lettres livraison vols vol compagnie trains camions passagers pacchi lettere consegna voli treni camion passeggeri`,
  I: 'hotel hotels restaurant restaurants gaste ubernachtungen guests rooms hotel hotels restaurants clients camere albergo alberghi ristorante ospiti',
  J: `telekom mobilfunk netz internet breitband kunden abonnenten software app apps daten cloud medien zeitung verlag sender
    telecom mobile network broadband subscribers software app data cloud media newspaper publisher broadcaster
    telecom mobile reseau abonnes logiciel donnees medias journal editeur telefonia rete abbonati dati giornale editore`,
  K: `bank banken kredit kredite hypotheken konto konten vermogen vermogensverwaltung versicherung versicherungen pramien police
    bank banks loans loan mortgages deposits accounts wealth assets insurance insurer premiums policies
    banque banques credit credits hypotheques comptes patrimoine assurance assureur primes banca banche credito crediti mutui conti
    patrimonio assicurazione assicurazioni premi`,
  L: 'immobilien liegenschaften mieten wohnungen buros property properties real estate rents offices immobilier loyers bureaux immobili affitti uffici',
  M: 'beratung treuhand anwalte kanzlei werbung consulting advisory law firm advertising audit conseil cabinet publicite consulenza studio pubblicita',
  N: 'personal temporar reisen vermietung staffing travel rental security interim voyages location lavoro viaggi noleggio',
  Q: 'spital spitaler klinik kliniken patienten pflege hospital hospitals clinic patients care hopital clinique patients ospedale clinica pazienti',
  R: `konzert festival casino kultur verein club liga spiel spiele saison spieler stadion fans fussball concert culture club league
    football match season players stadium fans championnat saison joueurs stade supporters concerto cultura campionato stagione
    giocatori stadio tifosi calcio`,
};

const BY_SECTION = new Map(Object.entries(WORDS).map(([s, w]) => [s, new Set(w.split(/\s+/).filter((x) => x !== '').map(foldToken))]));
const SECTIONS_OF_WORD = new Map<string, string[]>();
for (const [section, words] of BY_SECTION) for (const w of words) SECTIONS_OF_WORD.set(w, [...(SECTIONS_OF_WORD.get(w) ?? []), section]);

/** The NACE sections whose cue words include this folded word ("pakete" → H); undefined for most words. */
export function industrySectionsOfWord(norm: string): readonly string[] | undefined {
  return SECTIONS_OF_WORD.get(norm);
}

/** Sports clubs and venues (NACE 93): for them sports words are their business, not a namesake's. */
export function isSportsIndustry(code: string): boolean {
  return /^\s*R?\s*93/i.test(code);
}

/** The NACE section of a customer's code when the cue lists know it. */
export function industrySectionOf(code: string): string | undefined {
  const section = sectionOfCode(code);
  return section && BY_SECTION.has(section) ? section : undefined;
}

/** The industry cue words of a customer's NOGA/NACE code; empty when the code is unknown. */
export function industryWordsOf(code: string): ReadonlySet<string> | undefined {
  const section = sectionOfCode(code);
  return section ? BY_SECTION.get(section) : undefined;
}
