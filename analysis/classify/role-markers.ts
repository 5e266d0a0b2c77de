import type { EventType } from '../../platform/schemas/common.js';
import type { EventRole } from '../../platform/schemas/event-role.js';
import { foldText } from '../text/fold.js';
import { anchorsOf, buildPatternFilter, mayMatch, type PatternFilter } from './anchors.js';
import type { PatternHits } from './sentence-reading.js';

/**
 * The words around an organisation mention that give it its part in an event ("gegen X", "against X",
 * "Gläubigerin: X", "X übernimmt", "acquired by X"), per language and event group; roles.ts reads them.
 * Every pattern works on folded text (the German ones are folded here, once).
 */

export type Group = 'debt' | 'ownership' | 'legal' | 'other';
export const ALL: Group[] = ['debt', 'ownership', 'legal', 'other'];
export const GROUP: Record<EventType, Group> = {
  insolvency: 'debt',
  debt_restructuring: 'debt',
  liquidation: 'debt',
  debt_enforcement: 'debt',
  payment_delay: 'debt',
  financial_distress: 'other',
  layoffs: 'other',
  legal_dispute: 'legal',
  management_change: 'other',
  ownership_change: 'ownership',
  positive: 'other',
};

export interface Marker {
  re: RegExp;
  role: EventRole;
  groups: Group[];
  /** Read only for a name: a description after it ("créancier du groupe") stands for a company the sentence names elsewhere. */
  namesOnly?: boolean;
}

const ART = "(?:(?:der|die|das|den|dem|des|the|la|le|l'|les|il|lo|i|gli|del|della|dello|dell'|du|de la|de l') ?)?";
const COMPANY = "(?:(?:firma|gesellschaft|company|societe|societa|entreprise|azienda|ditta|impresa) ?)?";

// Words right before a mention ("…gegen die X"): the pattern ends where the mention starts.
export const BEFORE: Record<string, Marker[]> = {
  de: [
    // The one a payment or debt is owed to ("Zahlung an die X", "Schulden gegenüber der X") is the creditor, before any other reading of "gegenüber".
    { re: new RegExp(`\\b(?:zahlung|zahlungen|schulden|verbindlichkeiten|forderungen?|ruckstande|betrag|betrage) (?:\\w+ ){0,3}(?:an|gegenuber) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:gegen|uber|uber das vermogen|im vermogen) ${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    // "gegen den Regionalligisten KFC Uerdingen", "gegen die Modekette X": a description noun between the article and the name.
    { re: /\bgegen (?:den|die|das|dem) [a-z-]{4,} $/, role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:schuldner(?:in)?|betriebene[rn]?|konkursitin|insolvenzschuldnerin)\\s*[:,]?\\s*${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:glaubiger(?:in)?|betreibende[rn]?|glaubigerin ist|antragsteller(?:in)?)\\s*[:,]?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    // The bank or employer a seizure is served on holds the debtor's money: "Drittschuldnerin: die X".
    { re: new RegExp(`\\bdrittschuldner(?:in)?\\s*[:,]?\\s*${ART}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:auf (?:begehren|antrag|verlangen|betreiben)|im auftrag) (?:der|des|von) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:insolvenzverwalter(?:in)?|sachwalter(?:in)?|liquidator(?:in)?|konkursverwalter(?:in)?|konkursamt|sanierungsberater(?:in)?|verwalter(?:in)?)\\s*[:,]?\\s*(?:ist |wurde |wird )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:ubernimmt|kauft|erwirbt|ubernahme (?:von|der|des)|kauf (?:von|der|des)|verkauf (?:von|der|des)) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:kaufer|erwerber|eigentumer|bieter|investor)(?:in)? (?:der|des|von|fur) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:kaufer|erwerber|eigentumer|besitzer|investor|mehrheitseigner)(?:in)?,? (?:die |der )?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:von|durch|an) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:unter das dach|unter dem dach|in die hande|unter die kontrolle|unter der kontrolle) (?:von|der|des) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:klage|anklage|strafanzeige|verfahren|ermittlungen|vorwurfe) (?:gegen|wider) ${ART}(?:[a-z-]{4,} )?$|\\bverklagt ${ART}(?:[a-z-]{4,} )?$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:berater(?:in)?|partner(?:in)?|anwalt|anwaltin|kanzlei|sanierungsexperte[n]?|wirtschaftsprufer) (?:bei|von|der|des|aus)? ?${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:tochter(?:gesellschaft|firma)?|teil|sparte|beteiligung) (?:der|des|von) ${ART}$|\\b(?:gehort|gehorte|gehoren) (?:\\w+ )?(?:zur|zum|zu) ${ART}$|\\b(?:mehrheitlich |ganz )?im besitz (?:der|des|von) ${ART}$`), role: 'parent', groups: ALL },
  ],
  en: [
    // "payment to Conoco", "debts to HMRC", "money owed to X": the one paid is the creditor.
    { re: new RegExp(`\\b(?:payments?|paid|pay|paying|owed|owing|debts?|money|sums?|amounts?|arrears|liabilities) (?:[\\w'-]+ ){0,3}to ${ART}$|\\b(?:owes|owed|owing) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:against|in the matter of|re:?|creditors? of|owed by|debtor:?|respondent:?) ${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:assets|accounts|property|properties|vessels|ships) (?:of|in|held by) ${ART}$|\\bshares held by ${ART}$`), role: 'debtor', groups: ['debt'] },
    // "seizure of shares in X", "le quote sociali del Calcio Avellino": the company whose shares are seized is not the one that owes.
    { re: new RegExp(`\\b(?:shares|stakes?|equity) (?:of|in) ${ART}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:garnishees?|third[- ]party debtors?),? ${ART}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:presented|filed|brought|issued|lodged|started|initiated|sought|served|pursued|chased) (?:[\\w'-]+ ){0,4}by ${ART}$|\\b(?:petitioner|creditor|claimant):? ${ART}$|\\bon the petition of ${ART}$`), role: 'petitioner', groups: ['debt'] },
    // "one of the Company's creditors, Top Shine Global Limited", "landlord LCP", "its lender, X": a name in apposition to a
    // creditor noun (or with it as a title) is that creditor.
    { re: new RegExp(`\\b(?:creditors?|landlords?|lenders?|bondholders?|noteholders?),? ${ART}$`), role: 'creditor', groups: ['debt'] },
    // "liquidator of X", "administrators to X": X is the company wound up; "administrators from X" is the practitioners' firm.
    { re: new RegExp(`\\b(?:administrators?|liquidators?|receivers?|special managers?|trustees?) (?:of|to|for|over) ${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:administrators?|liquidators?|receivers?|trustees?|insolvency practitioners?)(?: from| at)? (?:the )?(?:firm |accountancy firm )?$|\\bappointed by the court,? ${ART}$`), role: 'liquidator', groups: ['debt'] },
    // "Hostmore, the owners of TGI Fridays, has gone into administration": the owned company inside the apposition is not the debtor.
    { re: new RegExp(`, (?:the |its |their )?(?:[\\w-]+ )?(?:owners?|parent|parent company|holding company) of ${ART}$`), role: 'parent', groups: ['debt', 'legal', 'other'] },
    { re: new RegExp(`\\b(?:owners?|buyers?|purchasers?|acquirers?|bidders?) (?:of|for) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:owners?|buyers?|purchasers?|acquirers?|bidders?),? (?:the )?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|takeover of|acquisition of|purchase of|take(?:s|n)? over|took over|merger with|sale of|sells?|sold) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:acquired|bought|taken over|purchased|sold|owned) by ${ART}$|\\bto ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:under the (?:control|ownership|wing) of|into the hands of|into the (?:arms|fold) of) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    // "rescued from administration by retail giant Next": the agent of a rescue or sale, with a description between, is the buyer.
    { re: new RegExp(`\\b(?:rescued|saved|bought|sold|snapped up)\\b[^.;]{0,40}\\bby ${ART}(?:(?!an? )[\\w'-]+ ){0,2}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:sued by|lawsuit (?:filed )?by|complaint by) ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:plaintiffs?|claimants?|petitioners?)(?: in (?:this|the) (?:case|action))?,? ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\bdefendants?,? ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:against|sued|sues|suing|charged|fined|probe into|investigation into) ${ART}$`), role: 'defendant', groups: ['legal'] },
    // A passive agent of a sanction and the one a fine is paid or a case is settled with stand on the claimant's side ("was fined
    // $185 million by regulatory agencies including the Consumer Financial Protection Bureau", "paid a fine of $25 million to the
    // U.S. Treasury to settle a case … with the Federal Communications Commission"): the sanctioned company is the other one.
    { re: new RegExp(`\\b(?:fined|penali[sz]ed|sanctioned|charged|censured|prosecuted)\\b[^.;]{0,60}\\bby (?:[\\w'-]+ ){0,3}(?:including |such as |led by )?${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:fine|penalty|settlement|damages)\\b[^.;]{0,40}\\bto ${ART}(?:[\\w.'-]+ ){0,2}$|\\bsettle[sd]?\\b[^.;]{0,50}\\bwith ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:bid|petition|claim|demand|action|proceedings|application) (?:\\w+ )?(?:from|by) ${ART}$`), role: 'petitioner', groups: ['debt'] },
    { re: new RegExp(`\\b(?:partner|advisers?|advisors?|specialists?|consultants?|supervisors?|lawyers?|accountants?|bankers?|experts?) (?:at|from|of|with) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:owned|controlled) (?:\\w+ )?by ${ART}(?:[\\w'-]+ ){0,3}$|\\bbacked (?:\\w+ )?by ${ART}$|\\b(?:subsidiary|unit|arm|division|parent company|shareholder) of ${ART}$`), role: 'parent', groups: ALL },
    { re: new RegExp(`\\bstake in ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:creditors?|landlords?|lenders?|bondholders?|claimants?)\\b[^.;]{0,30}\\binclud(?:e|es|ed|ing)\\b[^.;]{0,30}$`), role: 'creditor', groups: ['debt'] },
  ],
  fr: [
    // "dettes envers l'URSSAF", "paiement à X": the one owed is the creditor.
    { re: new RegExp(`\\b(?:paiements?|dettes?|dues?|sommes?|redevables?|arrieres|impayes) (?:[\\w'-]+ ){0,3}(?:a|au|aux|envers) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:contre|a l'encontre de|a l'egard de|envers|debiteur|debitrice|poursuivie?)\\s*:?\\s*${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    // "la saisie … diligentée entre les mains de la société CIC Est": the tiers saisi holds the debtor's money, it owes nothing.
    { re: new RegExp(`\\bentre les mains (?:de|du|des|d') ?${ART}${COMPANY}$|\\btiers saisie?,? ${ART}${COMPANY}$`), role: 'third_party', groups: ['debt'] },
    // "les créanciers de la société X": X is the one that owes.
    { re: new RegExp(`\\bcreancier(?:e|s|es)? (?:de|du|des|d') ?${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'], namesOnly: true },
    { re: new RegExp(`\\b(?:actions|parts sociales|titres|participations?)(?: [a-z]+){0,2} (?:de|du|des|d') ?${ART}${COMPANY}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:biens|comptes|avoirs|actifs|navires)(?: [a-z]+){0,3} (?:de|du|des|d') ?${ART}$`), role: 'debtor', groups: ['debt'] },
    // "une créance de 2 millions sur la société X": the one the claim is on owes; "X, qui détient une créance": X is owed.
    { re: new RegExp(`\\bcreances? (?:[\\w'-]+ ){0,6}(?:sur|envers|a l'encontre de|a l'egard de) ${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:(?:a|sur) (?:la )?(?:requete|demande|requisition|instance) (?:de|du|des|d')|creancier|creanciere|poursuivant(?:e)?|requerant(?:e)?)\\s*[:,]?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:administrateur|mandataire|liquidateur|commissaire|curateur|gerant) (?:judiciaire |au sursis |ad hoc )?(?:est |a ete |designe |nomme )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:rachete|acquiert|reprend|rachat (?:de|du|d')|reprise (?:de|du|d')|acquisition (?:de|du|d')|cede|cession (?:de|du|d')) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:repreneur|acquereur|acheteur|proprietaire)s? (?:de|du|des|d') ?${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:repreneur|acquereur|acheteur|proprietaire|actionnaire majoritaire)s?,? (?:le |la |l')?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:par|a) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    // "tomber dans l'escarcelle de Leclerc", "passer sous le contrôle de X": the new owner.
    { re: new RegExp(`\\b(?:dans l'escarcelle|dans le giron|sous le controle|sous la coupe|aux mains|entre les mains|dans le portefeuille) (?:de|du|des|d') ?${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:plainte|enquete|proces|action) (?:\\w+ )?(?:contre|visant) ${ART}$`), role: 'defendant', groups: ['legal'] },
    // "sanctionnée par l'Autorité de la concurrence", "condamnée … par la CNIL": the one who sanctions is on the claimant's side.
    { re: new RegExp(`\\b(?:sanctionnee?s?|condamnee?s?|mise?s? a l'amende|poursuivie?s?)\\b[^.;]{0,60}\\bpar ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:demandes?|requetes?|actions?|recours|plaintes?|pretentions?) (?:en [a-z]+ )?(?:de|du|d'|des) ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:associe|avocat|conseil|cabinet|expert) (?:chez|de|du) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:filiale|detenue?s?|controlee?s?) (?:\\w+ )?(?:de|du|des|par) ${ART}(?:[\\w'-]+ ){0,3}$`), role: 'parent', groups: ALL },
  ],
  it: [
    // "il debito verso i fornitori", "pagamento allo Stato", "debiti nei confronti di X": the one owed is the creditor.
    { re: new RegExp(`\\b(?:pagament[oi]|debit[oi]|dovuto|somm[ae]|arretrati) (?:[\\w'-]+ ){0,3}(?:a|al|alla|allo|ai|agli|alle|verso|nei confronti (?:di|del|della|dello|dei)) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:nei confronti (?:di|del|della|dello|dei)|contro|debitore|debitrice|esecutat[oa])\\s*:?\\s*${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    // "la richiesta di fallimento intentata dai creditori della Spal", "era creditore della società EPI": the one that owes.
    { re: new RegExp(`\\bcredit(?:ori|ore|rice|rici) (?:di|del|della|dello|dell'|dei|delle) ?${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'], namesOnly: true },
    { re: new RegExp(`\\b(?:pignoramento|sequestro) presso terzi\\b[^.;]{0,60}\\bpresso ${ART}$|\\bterzo pignorato,? ${ART}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:azioni|quote|partecipazion[ei])(?: [a-z]+){0,2} (?:di|del|della|dello|dei) ${ART}$`), role: 'third_party', groups: ['debt'] },
    { re: new RegExp(`\\b(?:beni|conti|patrimonio|navi)(?: [a-z]+){0,4} (?:di|del|della|dello|dei) ${ART}$`), role: 'debtor', groups: ['debt'] },
    // "un credito di quasi 80mila euro con il Trento Calcio": the one the claim is on owes; "presentato dall'azienda X": X asks.
    { re: new RegExp(`\\bcredit[oi] (?:[\\w'-]+ ){0,6}(?:con|verso|nei confronti (?:di|del|della|dello|dei)) ${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    // Only an enforcement step is someone else's by nature: "la richiesta di concordato presentata da Astaldi" is Astaldi's own.
    { re: new RegExp(`\\b(?:decreto ingiuntivo|decreti ingiuntivi|ingiunzione|precetto|pignoramento|sequestro conservativo)\\b[^.;]{0,40}\\b(?:presentat[oaie]|depositat[oaie]|promoss[oaie]|propost[oaie]|avanzat[oaie]|intentat[oaie]|ottenut[oaie]|richiest[oaie]|notificat[oaie]) (?:\\w+ ){0,3}(?:da|dal|dalla|dallo|dall'|dai|dagli|dalle) ?${ART}${COMPANY}$`), role: 'petitioner', groups: ['debt'] },
    { re: new RegExp(`\\b(?:su (?:istanza|richiesta|ricorso) (?:di|del|della|dei)|creditore|creditrice|ricorrente|istante)\\s*[:,]?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:curatore|commissario|liquidatore|commissari)(?: giudiziale| straordinari[oa]| fallimentare)? (?:e |e stato |nominato )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:acquisisce|acquista|rileva|compra|acquisizione (?:di|del|della|dell')|cessione (?:di|del|della|dell')|cede) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:acquirente|compratore|proprietari[oa]) (?:di|del|della|dello|dell'|dei) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:acquirente|compratore|proprietari[oa]|azionista di maggioranza),? (?:il |la |l')?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:offerta|opa|ops)\\b[^.;]{0,60}\\b(?:su|per) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:siglato|firmato|concluso|raggiunto|sottoscritto) (?:\\w+ ){0,2}con ${ART}$`), role: 'seller', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:da|a) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:sotto il controllo|nelle mani|nell'orbita|nel perimetro) (?:di|del|della|dello|dei) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:denuncia|indagine|causa|processo) (?:\\w+ )?(?:contro|nei confronti (?:di|del|della)) ${ART}$`), role: 'defendant', groups: ['legal'] },
    // "multata dall'Antitrust", "sanzionata dalla Consob": the one who sanctions is on the claimant's side.
    { re: /\b(?:sanzionat[oaie]|multat[oaie]|condannat[oaie]|denunciat[oaie])\b[^.;]{0,60}\b(?:dall'|(?:da|dal|dalla|dallo|dai|dagli|dalle) )$/, role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:advisor|consulente|studio|partner) (?:di|del|della) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\bcontrollat[oaie] (?:\\w+ ){0,3}(?:da|dal|dalla|dallo|dai|dagli|dalle) (?:[\\w'-]+ ){0,3}$|\\bdetenut[oaie] (?:\\w+ )?da ${ART}$|\\bper il \\d+ ?% (?:\\w+ )?da ${ART}$|\\be da ${ART}$`), role: 'parent', groups: ALL },
  ],
};

// Words right after a mention ("X, claiming to be a creditor", "X übernimmt"): the pattern starts where the mention ends.
export const AFTER: Record<string, Marker[]> = {
  de: [
    // A role label in a bracket right after the name, as court releases write it: "der Volkswagen AG (Klägerin)".
    { re: /^ \((?:die |der )?(?:klager(?:in)?|antragsteller(?:in)?)\)/, role: 'plaintiff', groups: ['legal'] },
    { re: /^ \((?:die |der )?(?:beklagte[rn]?|antragsgegner(?:in)?)\)/, role: 'defendant', groups: ['legal'] },
    { re: /^ \((?:die |der )?(?:glaubiger(?:in)?|antragsteller(?:in)?|betreibende[rn]?)\)/, role: 'creditor', groups: ['debt'] },
    { re: /^ \((?:die |der )?(?:schuldner(?:in)?|antragsgegner(?:in)?|betriebene[rn]?)\)/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:hat|haben|reicht|stellt|stellte|beantragt|beantragte|leitet|leitete|fordert|betreibt|verlangt)\b[^.;]{0,80}\bgegen\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:die |der )?(?:glaubigerin|glaubiger|grossglaubigerin|hauptglaubigerin|glaubigerbank)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^ (?:wurde |ist |wird )?(?:zum|zur|als) (?:\w+ )?(?:insolvenzverwalter|sachwalter|liquidator|verwalter|konkursverwalter)/, role: 'liquidator', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,2}(?:ubernimmt|kauft|erwirbt|schluckt|ubernahm|kaufte|erwarb)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:wird|wurde|werden|ist) (?:\w+ ){0,4}(?:ubernommen|verkauft|gekauft|erworben)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}verkauft\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:als |ein |eine |der |die )?(?:neue[rnms]? )?(?:investor|investorin|eigentumer|eigentumerin|kaufer|kauferin|besitzer|mehrheitseigner)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:verklagt|klagt|zeigt)\b/, role: 'plaintiff', groups: ['legal'] },
  ],
  en: [
    // A role label in a bracket right after the name: "Acme Ltd (the petitioner)", "X (defendant)".
    { re: /^ \((?:the )?(?:plaintiffs?|claimants?|petitioners?|applicants?)\)/, role: 'plaintiff', groups: ['legal'] },
    { re: /^ \((?:the )?(?:defendants?|respondents?)\)/, role: 'defendant', groups: ['legal'] },
    { re: /^ \((?:the )?(?:petitioners?|petitioning creditors?|creditors?|applicants?)\)/, role: 'petitioner', groups: ['debt'] },
    { re: /^ \((?:the )?(?:respondents?|debtors?)\)/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:filed|files|presented|presents|issued|issues|lodged|brought|brings|served|petitioned|petitions|started|launched|obtained|secured|sought|seeks)\b[^.;]{0,80}\bagainst\b/, role: 'petitioner', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:petitioned|petitions|has petitioned|took over the petition|(?:is|was|were|are) pursuing)\b/, role: 'petitioner', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,2}(?:advisers?|advisors?|consultants?|restructuring specialists|accountants|lawyers)\b/, role: 'adviser', groups: ALL },
    { re: /^,? (?:which|who|that) (?:\w+ ){0,2}(?:oversee|oversees|oversaw|overseeing|supervise[sd]?|advis(?:e|es|ed|ing)|handl(?:e|es|ed|ing)|run|runs|ran)\b/, role: 'adviser', groups: ALL },
    { re: /^(?:'s)? (?:\d+ per ?cent |majority |minority |controlling )?stake\b/, role: 'seller', groups: ['ownership'] },
    // "Victoria Secret's UK arm falls into administration": the owner of the unit named is its parent, not the unit.
    // "The National League's bottom club", "the retailer's owner", "Nissan's supplier": the possessor of a related company is not it.
    { re: /^'s (?:[\w-]+ ){0,2}(?:arm|unit|subsidiary|subsidiaries|division|branch|offshoot|affiliate|affiliates|club|team|side|franchise|owners?|parent company|holding company|suppliers?)\b|^'s (?:[\w-]+ ){1,2}(?:business|businesses|operations?)\b/, role: 'parent', groups: ALL },
    // "ConocoPhillips seeks seizure of Citgo parent", "a Siemens unit": a name modifying a relational noun names the other company's relative.
    { re: /^ (?:parent|parent company|holding company|owners?|subsidiary|unit|arm|affiliate|suppliers?)\b(?! of\b)/, role: 'parent', groups: ALL },
    // "one of the Company's creditors": the possessor of the creditors is the debtor.
    { re: /^'s (?:(?:largest|biggest|main|major|secured|unsecured|other|trade|former) )*(?:creditors?|lenders?|landlords?|bondholders?)\b/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:claiming to be |who (?:is|are) |which is |as |being )?(?:one of (?:its|the|their|his|her|[\w&-]+'s?) |a |an |the |its )?(?:largest |biggest |main |major |secured |unsecured )*(?:creditors?|petitioners?|claimants?|lenders?|landlords?)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:(?:was|were|has been|have been|is|are|had been) )?(?:appointed|named|installed)(?: as)? (?:joint |the |interim |special )*(?:administrators?|liquidators?|receivers?|trustees?|monitors?)\b/, role: 'liquidator', groups: ['debt'] },
    // "X is owed", "X, owed £5m": X is the creditor; "X owes / owed Barclays £50m": X is the debtor.
    // "X lodged a proof of debt", "X filed a proof of claim": a creditor in the proceedings.
    { re: /^,? (?:\w+ ){0,2}(?:lodged|lodges|filed|files|submitted|submits) (?:a |its |their )?proofs? of (?:debt|claim)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:(?:is|was|were|are|being|still|reportedly) )+owed\b|^, owed\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:still |reportedly )?(?:owes|owed)\b(?! by)/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:(?:acting|serving|appointed|installed|named|engaged|retained|working) )?as (?:joint |the |interim |special |provisional |official |its |their )*(?:administrators?|liquidators?|receivers?|special managers?|trustees?)\b/, role: 'liquidator', groups: ['debt'] },
    { re: /^(?:'s)? (?:\w+ ){0,2}(?:acquires|acquired|buys|bought|agreed to buy|agrees to buy|to buy|to acquire|takes over|took over|will acquire|will purchase|will buy|is buying|purchases|completed the acquisition|snaps up|snapped up|secured a rescue deal)\b|^'s (?:acquisition|takeover|purchase) of\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:is|was|has been|will be|to be|were) (?:\w+ ){0,2}(?:acquired|bought|taken over|sold|purchased)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:sells|sold|agreed to sell|agrees to sell|to sell|divests|divested|offloads)\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:wants|seeks|is seeking|seeking|has been pursuing|is pursuing|pursues) compensation\b/, role: 'plaintiff', groups: ['legal'] },
    { re: /^,? (?:\w+ ){0,2}(?:sued|sues|has sued|(?:filed|files|brought|brings|launched|lodged) (?:a |an |the |its )?(?:[\w-]+ )?(?:lawsuit|suit|complaint|claim|action))\b/, role: 'plaintiff', groups: ['legal'] },
  ],
  fr: [
    // Un rôle entre parenthèses après le nom : "la société X (demanderesse)", "Y (débitrice)".
    { re: /^ \((?:la |le )?(?:demanderesse|demandeur|requerante?|appelante?|partie civile)\)/, role: 'plaintiff', groups: ['legal'] },
    { re: /^ \((?:la |le )?(?:defenderesse|defendeur|intimee?)\)/, role: 'defendant', groups: ['legal'] },
    { re: /^ \((?:la |le )?(?:creanciere?|poursuivante?|requerante?)\)/, role: 'creditor', groups: ['debt'] },
    { re: /^ \((?:la |le )?(?:debitrice|debiteur|poursuivie?)\)/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:a (?:\w+ )?(?:requis|engage|introduit|depose|lance|intente)|requiert|engage|introduit|depose|lance|intente|poursuit)\b[^.;]{0,80}\b(?:contre|a l'encontre)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:un |une |le |la |son |sa )?(?:creancier|creanciere|principal creancier|poursuivant)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:qui|laquelle|lequel) (?:\w+ ){0,2}(?:detient|detenait|possede|revendique|reclame|reclamait) (?:une |des |la |sa )?creances?\b/, role: 'creditor', groups: ['debt'] },
    // "le CIC a déclaré sa créance entre les mains du liquidateur": who declares a claim in the proceedings is a creditor.
    { re: /^,? (?:\w+ ){0,2}(?:a|avait|ont|avaient) (?:\w+ )?declare (?:sa|ses|leur|leurs|une|des) creances?\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:a ete |est |sera )?(?:nomme|designe|desigee?)e? (?:comme |en qualite d')?(?:administrateur|liquidateur|mandataire|commissaire)/, role: 'liquidator', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:rachete|acquiert|reprend|a rachete|a acquis|a repris|va racheter|s'offre|met la main|a mis la main|reprendre|racheter|empocher)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:est|a ete|sera|va etre) (?:\w+ ){0,2}(?:rachetee?|reprise?|acquise?|cedee?|vendue?)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:vend|cede|a vendu|a cede)\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:porte plainte|a porte plainte|poursuit|attaque en justice)\b/, role: 'plaintiff', groups: ['legal'] },
    { re: /^,? [^.;]{0,100}\b(?:initie|intente|engage|lance)\w* [«"“]?\s?(?:\w+ ){0,2}actions? (?:judiciaires?|en justice)/, role: 'plaintiff', groups: ['legal'] },
  ],
  it: [
    // Un ruolo tra parentesi dopo il nome: "X (ricorrente)", "Y (resistente)".
    { re: /^ \((?:la |il )?(?:ricorrente|attrice|attore|istante|appellante)\)/, role: 'plaintiff', groups: ['legal'] },
    { re: /^ \((?:la |il )?(?:resistente|convenut[oa]|appellat[oa])\)/, role: 'defendant', groups: ['legal'] },
    { re: /^ \((?:la |il )?(?:creditrice|creditore|ricorrente|istante)\)/, role: 'creditor', groups: ['debt'] },
    { re: /^ \((?:la |il )?(?:debitrice|debitore|resistente)\)/, role: 'debtor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:ha (?:\w+ )?(?:presentato|avviato|chiesto|depositato|promosso)|presenta|avvia|chiede|promuove)\b[^.;]{0,80}\b(?:contro|nei confronti)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:il |la |un |una )?(?:creditore|creditrice|principale creditore)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:che|il quale|la quale) (?:\w+ ){0,2}(?:vanta|vantava|vantano|vantavano|reclama|reclamava|rivendica) (?:un |dei |il |i )?credit[oi]\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:a|ad) (?:procedere|agire|avviare|chiedere|richiedere)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:e stato |e stata |viene )?(?:nominat[oa]|designat[oa]) (?:\w+ )?(?:curatore|commissario|liquidatore)/, role: 'liquidator', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,2}(?:acquisisce|acquista|rileva|compra|ha acquisito|ha rilevato|ha acquistato)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:e stata|e stato|viene|sara) (?:\w+ ){0,2}(?:acquisit[oa]|rilevat[oa]|acquistat[oa]|ceduta|ceduto|venduta|venduto)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:vende|cede|ha venduto|ha ceduto)\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:denuncia|ha denunciato|fa causa|ha fatto causa)\b/, role: 'plaintiff', groups: ['legal'] },
  ],
};

/**
 * A court caption names the parties in order: "U.S. Bank National Association v. Nesbitt Bellevue Property LLC", "Société X c/
 * Société Y", "X ./. Y", "X contro Y". The one after the sign is the defendant or debtor, the one before it the claimant or creditor.
 */
const CAPTION_AFTER_SIGN = /[a-z0-9.)] (?:v\.?|vs\.?|versus|c\.|c\/|\.\/\.) $/;
const CAPTION_BEFORE_SIGN = /^(?:,? et al\.?,?)? (?:v\.?|vs\.?|versus|c\.|c\/|\.\/\.) \S/;
const CAPTION: Marker[] = [
  { re: CAPTION_AFTER_SIGN, role: 'debtor', groups: ['debt'] },
  { re: CAPTION_AFTER_SIGN, role: 'defendant', groups: ['legal'] },
];
const CAPTION_LEAD: Marker[] = [
  { re: CAPTION_BEFORE_SIGN, role: 'creditor', groups: ['debt'] },
  { re: CAPTION_BEFORE_SIGN, role: 'plaintiff', groups: ['legal'] },
];
for (const lang of Object.keys(BEFORE)) BEFORE[lang]!.unshift(...CAPTION.map((m) => ({ ...m })));
for (const lang of Object.keys(AFTER)) AFTER[lang]!.unshift(...CAPTION_LEAD.map((m) => ({ ...m })));
/** A caption's marker: it names the parties of the case it opens, not of a rule a caption cited after the trigger stands for. */
export function isCaption(marker: Marker): boolean {
  return marker.re.source === CAPTION_AFTER_SIGN.source || marker.re.source === CAPTION_BEFORE_SIGN.source;
}

// "contenzioso tra A e B", "litige opposant A à B", "dispute between A and B": the first named is the claimant.
const BETWEEN: Marker = { re: /\b(?:contenzioso|causa|lite|litige|dispute|streit|rechtsstreit|litigation)\b[^.;]{0,30}\b(?:tra|fra|between|entre|zwischen|opposant) (?:(?:der|die|dem|den|the|la|le|l'|les|il|lo|i|gli) )?$/, role: 'plaintiff', groups: ['legal'] };
for (const table of [BEFORE]) for (const lang of Object.keys(table)) table[lang]!.push(BETWEEN);

for (const table of [BEFORE, AFTER]) for (const m of table.de ?? []) m.re = new RegExp(foldText(m.re.source, 'de'), m.re.flags);

/**
 * The first marker of the list (in its order) for the group that matches the text. A marker runs only when one of its
 * literal anchors occurs in the text (one scan for the whole list, anchors.ts): the same first match, fewer tests.
 */
export function firstMarker(list: Marker[], group: Group, text: string, window?: WindowOf): Marker | undefined {
  const filter = markerFilter(list);
  // A window of a sentence read once (sentence-reading.ts) knows where the anchors are; a bare text is scanned.
  const run = window ? undefined : mayMatch(filter, text);
  for (let k = 0; k < list.length; k++) {
    const marker = list[k]!;
    // The group first: it costs one look-up, and a marker of another group needs no anchor question.
    if (marker.groups.includes(group) && (run ? run[k] : window!.hits.may(k, window!.from, window!.to)) && marker.re.test(text)) return marker;
  }
  return undefined;
}
/** `text` is `sentence.slice(from, to)` of a sentence whose anchors of this list's filter are `hits`. */
export interface WindowOf {
  hits: PatternHits;
  from: number;
  to: number;
}
const MARKER_FILTERS = new Map<Marker[], PatternFilter>();
/** The anchor filter of a marker list (one per list, built on first use). */
export function markerFilter(list: Marker[]): PatternFilter {
  let filter = MARKER_FILTERS.get(list);
  if (!filter) MARKER_FILTERS.set(list, (filter = buildPatternFilter(list.map((k) => k.re.source))));
  return filter;
}

/**
 * "avec ses créanciers majeurs (EP Global Commerce, Fimalac et Attestor, …)", "its lenders (Barclays and HSBC)": a name
 * inside a bracket that opens right after a creditor noun is one of those creditors. Read only for a mention inside an
 * open bracket (`before` is the folded text before the mention, up to the sentence start).
 */
export function bracketedCreditor(before: string): boolean {
  const open = before.lastIndexOf('(');
  if (open < 0 || before.lastIndexOf(')') > open) return false;
  return CREDITOR_NOUN_TAIL.test(before.slice(Math.max(0, open - 60), open));
}
const CREDITOR_NOUN_TAIL =
  /\b(?:creditors?|lenders?|bondholders?|noteholders?|landlords?|banks|creanciers?|preteurs|banques|bailleurs?|glaubiger(?:n|innen)?|kreditgeber(?:n)?|banken|vermieter|creditori|banche|finanziatori|obbligazionisti)(?: [\w'-]+){0,3} ?$/;

/** The role markers of a language, read before and after a mention (for tests). */
export function roleMarkers(lang: string): { before: Marker[]; after: Marker[]; groups: Group[] } {
  return { before: BEFORE[lang] ?? BEFORE.en!, after: AFTER[lang] ?? AFTER.en!, groups: ALL };
}

/** Every role marker's source with its anchors ([] for none): what the build writes into the CLI (lexicon.ts buildAnchorTable). */
export function markerAnchorTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const byLang of [BEFORE, AFTER]) for (const list of Object.values(byLang)) for (const k of list) table[k.re.source] = anchorsOf(k.re.source) ?? [];
  return table;
}
