import type { EventType } from '../../platform/schemas/common.js';
import type { EventRole } from '../../platform/schemas/event-role.js';
import { foldText } from '../text/fold.js';
import { anchorsOf, buildPatternFilter, mayMatch, type PatternFilter } from './anchors.js';
import type { OrgMention } from './mentions.js';

/**
 * Who suffers the event of one trigger, and who plays another part. Each organisation mention
 * is read against the words right before and after it ("gegen X", "against X", "à l'encontre de
 * X", "nei confronti di X", "Gläubigerin: X", "presented by X", "X was appointed administrator",
 * "X übernimmt Y", "acquired by X") and, failing a marker, the subject is the organisation the
 * sentence puts in front of the trigger (active voice), or the one the trigger noun governs
 * ("Konkurs der X", "faillite de X", "bankrupt X"). Every rule works on folded text.
 */
export interface RoleAssignment {
  subject?: OrgMention;
  role: EventRole;
  /** Other organisations of the sentence with the part they play (creditor, acquirer, …). */
  parties: Array<{ mention: OrgMention; role: EventRole }>;
  /** The marker that decided, for the explanation. */
  reason: string;
}

type Group = 'debt' | 'ownership' | 'legal' | 'other';
const ALL: Group[] = ['debt', 'ownership', 'legal', 'other'];
const GROUP: Record<EventType, Group> = {
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

interface Marker {
  re: RegExp;
  role: EventRole;
  groups: Group[];
}

const ART = "(?:(?:der|die|das|den|dem|des|the|la|le|l'|les|il|lo|i|gli|del|della|dello|dell'|du|de la|de l') ?)?";
const COMPANY = "(?:(?:firma|gesellschaft|company|societe|societa|entreprise|azienda|ditta|impresa) ?)?";

// Words right before a mention ("…gegen die X"): the pattern ends where the mention starts.
const BEFORE: Record<string, Marker[]> = {
  de: [
    // The one a payment or debt is owed to ("Zahlung an die X", "Schulden gegenüber der X") is the creditor, before any other reading of "gegenüber".
    { re: new RegExp(`\\b(?:zahlung|zahlungen|schulden|verbindlichkeiten|forderungen?|ruckstande|betrag|betrage) (?:\\w+ ){0,3}(?:an|gegenuber) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:gegen|uber|uber das vermogen|im vermogen) ${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:schuldner(?:in)?|betriebene[rn]?|konkursitin|insolvenzschuldnerin)\\s*[:,]?\\s*${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:glaubiger(?:in)?|betreibende[rn]?|glaubigerin ist|antragsteller(?:in)?)\\s*[:,]?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:auf (?:begehren|antrag|verlangen|betreiben)|im auftrag) (?:der|des|von) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:insolvenzverwalter(?:in)?|sachwalter(?:in)?|liquidator(?:in)?|konkursverwalter(?:in)?|konkursamt|sanierungsberater(?:in)?|verwalter(?:in)?)\\s*[:,]?\\s*(?:ist |wurde |wird )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:ubernimmt|kauft|erwirbt|ubernahme (?:von|der|des)|kauf (?:von|der|des)|verkauf (?:von|der|des)) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:kaufer|erwerber|eigentumer|bieter|investor)(?:in)? (?:der|des|von|fur) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:kaufer|erwerber|eigentumer|besitzer|investor|mehrheitseigner)(?:in)?,? (?:die |der )?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:von|durch|an) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:unter das dach|unter dem dach|in die hande|unter die kontrolle|unter der kontrolle) (?:von|der|des) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:klage|anklage|strafanzeige|verfahren|ermittlungen|vorwurfe) (?:gegen|wider) ${ART}$|\\bverklagt ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:berater(?:in)?|partner(?:in)?|anwalt|anwaltin|kanzlei|sanierungsexperte[n]?|wirtschaftsprufer) (?:bei|von|der|des|aus)? ?${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:tochter(?:gesellschaft|firma)?|teil|sparte|beteiligung) (?:der|des|von) ${ART}$|\\b(?:gehort|gehorte|gehoren) (?:\\w+ )?(?:zur|zum|zu) ${ART}$|\\b(?:mehrheitlich |ganz )?im besitz (?:der|des|von) ${ART}$`), role: 'parent', groups: ALL },
  ],
  en: [
    // "payment to Conoco", "debts to HMRC", "money owed to X": the one paid is the creditor.
    { re: new RegExp(`\\b(?:payments?|paid|pay|paying|owed|owing|debts?|money|sums?|amounts?|arrears|liabilities) (?:[\\w'-]+ ){0,3}to ${ART}$|\\b(?:owes|owed|owing) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:against|in the matter of|re:?|creditors? of|owed by|debtor:?|respondent:?) ${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:assets|shares|accounts|property|properties|vessels|ships) (?:of|in|held by) ${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:presented|filed|brought|issued|lodged|started|initiated|sought|served|pursued|chased) (?:[\\w'-]+ ){0,4}by ${ART}$|\\b(?:petitioner|creditor|claimant):? ${ART}$|\\bon the petition of ${ART}$`), role: 'petitioner', groups: ['debt'] },
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
    { re: new RegExp(`\\b(?:sued by|lawsuit (?:filed )?by|complaint by) ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:plaintiffs?|claimants?|petitioners?)(?: in (?:this|the) (?:case|action))?,? ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\bdefendants?,? ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:against|sued|sues|suing|charged|fined|probe into|investigation into) ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:bid|petition|claim|demand|action|proceedings|application) (?:\\w+ )?(?:from|by) ${ART}$`), role: 'petitioner', groups: ['debt'] },
    { re: new RegExp(`\\b(?:partner|advisers?|advisors?|specialists?|consultants?|supervisors?|lawyers?|accountants?|bankers?|experts?) (?:at|from|of|with) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:owned|controlled|backed) (?:\\w+ )?by ${ART}$|\\b(?:subsidiary|unit|arm|division|parent company|shareholder) of ${ART}$`), role: 'parent', groups: ALL },
    { re: new RegExp(`\\bstake in ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:creditors?|landlords?|lenders?|bondholders?|claimants?)\\b[^.;]{0,30}\\binclud(?:e|es|ed|ing)\\b[^.;]{0,30}$`), role: 'creditor', groups: ['debt'] },
  ],
  fr: [
    // "dettes envers l'URSSAF", "paiement à X": the one owed is the creditor.
    { re: new RegExp(`\\b(?:paiements?|dettes?|dues?|sommes?|redevables?|arrieres|impayes) (?:[\\w'-]+ ){0,3}(?:a|au|aux|envers) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:contre|a l'encontre de|a l'egard de|envers|debiteur|debitrice|poursuivie?)\\s*:?\\s*${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:biens|comptes|avoirs|actifs|actions|navires)(?: [a-z]+){0,3} (?:de|du|des|d') ?${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:(?:a|sur) (?:la )?(?:requete|demande|requisition|instance) (?:de|du|des|d')|creancier|creanciere|poursuivant(?:e)?|requerant(?:e)?)\\s*:?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:administrateur|mandataire|liquidateur|commissaire|curateur|gerant) (?:judiciaire |au sursis |ad hoc )?(?:est |a ete |designe |nomme )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:rachete|acquiert|reprend|rachat (?:de|du|d')|reprise (?:de|du|d')|acquisition (?:de|du|d')|cede|cession (?:de|du|d')) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:repreneur|acquereur|acheteur|proprietaire)s? (?:de|du|des|d') ?${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:repreneur|acquereur|acheteur|proprietaire|actionnaire majoritaire)s?,? (?:le |la |l')?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:par|a) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    // "tomber dans l'escarcelle de Leclerc", "passer sous le contrôle de X": the new owner.
    { re: new RegExp(`\\b(?:dans l'escarcelle|dans le giron|sous le controle|sous la coupe|aux mains|entre les mains|dans le portefeuille) (?:de|du|des|d') ?${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:plainte|enquete|proces|action) (?:\\w+ )?(?:contre|visant) ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:demandes?|requetes?|actions?|recours|plaintes?|pretentions?) (?:en [a-z]+ )?(?:de|du|d'|des) ${ART}$`), role: 'plaintiff', groups: ['legal'] },
    { re: new RegExp(`\\b(?:associe|avocat|conseil|cabinet|expert) (?:chez|de|du) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\b(?:filiale|detenue?|controlee?) (?:\\w+ )?(?:de|du|par) ${ART}$`), role: 'parent', groups: ALL },
  ],
  it: [
    // "il debito verso i fornitori", "pagamento allo Stato", "debiti nei confronti di X": the one owed is the creditor.
    { re: new RegExp(`\\b(?:pagament[oi]|debit[oi]|dovuto|somm[ae]|arretrati) (?:[\\w'-]+ ){0,3}(?:a|al|alla|allo|ai|agli|alle|verso|nei confronti (?:di|del|della|dello|dei)) ${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:nei confronti (?:di|del|della|dello|dei)|contro|debitore|debitrice|esecutat[oa])\\s*:?\\s*${ART}${COMPANY}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:beni|conti|patrimonio|azioni|quote|navi)(?: [a-z]+){0,4} (?:di|del|della|dello|dei) ${ART}$`), role: 'debtor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:su (?:istanza|richiesta|ricorso) (?:di|del|della|dei)|creditore|creditrice|ricorrente|istante)\\s*:?\\s*${ART}$`), role: 'creditor', groups: ['debt'] },
    { re: new RegExp(`\\b(?:curatore|commissario|liquidatore|commissari)(?: giudiziale| straordinari[oa]| fallimentare)? (?:e |e stato |nominato )?${ART}$`), role: 'liquidator', groups: ['debt'] },
    { re: new RegExp(`\\b(?:acquisisce|acquista|rileva|compra|acquisizione (?:di|del|della|dell')|cessione (?:di|del|della|dell')|cede) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:acquirente|compratore|proprietari[oa]) (?:di|del|della|dello|dell'|dei) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: /\b(?:acquirente|compratore|proprietari[oa]|azionista di maggioranza),? (?:il |la |l')?$/, role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:offerta|opa|ops)\\b[^.;]{0,60}\\b(?:su|per) ${ART}$`), role: 'acquired', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:siglato|firmato|concluso|raggiunto|sottoscritto) (?:\\w+ ){0,2}con ${ART}$`), role: 'seller', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:da|a) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:sotto il controllo|nelle mani|nell'orbita|nel perimetro) (?:di|del|della|dello|dei) ${ART}$`), role: 'acquirer', groups: ['ownership'] },
    { re: new RegExp(`\\b(?:denuncia|indagine|causa|processo) (?:\\w+ )?(?:contro|nei confronti (?:di|del|della)) ${ART}$`), role: 'defendant', groups: ['legal'] },
    { re: new RegExp(`\\b(?:advisor|consulente|studio|partner) (?:di|del|della) ${ART}$`), role: 'adviser', groups: ALL },
    { re: new RegExp(`\\bcontrollat[oa] (?:\\w+ ){0,3}da ${ART}$|\\bdetenut[oa] (?:\\w+ )?da ${ART}$|\\bper il \\d+ ?% (?:\\w+ )?da ${ART}$|\\be da ${ART}$`), role: 'parent', groups: ALL },
  ],
};

// Words right after a mention ("X, claiming to be a creditor", "X übernimmt"): the pattern starts where the mention ends.
const AFTER: Record<string, Marker[]> = {
  de: [
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
    { re: /^,? (?:\w+ ){0,3}(?:filed|files|presented|presents|issued|issues|lodged|brought|brings|served|petitioned|petitions|started|launched|obtained|secured|sought|seeks)\b[^.;]{0,80}\bagainst\b/, role: 'petitioner', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:petitioned|petitions|has petitioned|took over the petition|(?:is|was|were|are) pursuing)\b/, role: 'petitioner', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,2}(?:advisers?|advisors?|consultants?|restructuring specialists|accountants|lawyers)\b/, role: 'adviser', groups: ALL },
    { re: /^,? (?:which|who|that) (?:\w+ ){0,2}(?:oversee|oversees|oversaw|overseeing|supervise[sd]?|advis(?:e|es|ed|ing)|handl(?:e|es|ed|ing)|run|runs|ran)\b/, role: 'adviser', groups: ALL },
    { re: /^(?:'s)? (?:\d+ per ?cent |majority |minority |controlling )?stake\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:claiming to be |who (?:is|are) |which is |as |being )?(?:a |an |the |its )?(?:largest |biggest |main |major |secured |unsecured )?(?:creditors?|petitioners?|claimants?|lenders?)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:(?:was|were|has been|have been|is|are|had been) )?(?:appointed|named|installed)(?: as)? (?:joint |the |interim |special )*(?:administrators?|liquidators?|receivers?|trustees?|monitors?)\b/, role: 'liquidator', groups: ['debt'] },
    // "X is owed", "X, owed £5m": X is the creditor; "X owes / owed Barclays £50m": X is the debtor.
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
    { re: /^,? (?:\w+ ){0,3}(?:a (?:\w+ )?(?:requis|engage|introduit|depose|lance|intente)|requiert|engage|introduit|depose|lance|intente|poursuit)\b[^.;]{0,80}\b(?:contre|a l'encontre)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:un |une |le |la |son |sa )?(?:creancier|creanciere|principal creancier|poursuivant)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:a ete |est |sera )?(?:nomme|designe|desigee?)e? (?:comme |en qualite d')?(?:administrateur|liquidateur|mandataire|commissaire)/, role: 'liquidator', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,3}(?:rachete|acquiert|reprend|a rachete|a acquis|a repris|va racheter|s'offre|met la main|a mis la main|reprendre|racheter|empocher)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:est|a ete|sera|va etre) (?:\w+ ){0,2}(?:rachetee?|reprise?|acquise?|cedee?|vendue?)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:vend|cede|a vendu|a cede)\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:porte plainte|a porte plainte|poursuit|attaque en justice)\b/, role: 'plaintiff', groups: ['legal'] },
    { re: /^,? [^.;]{0,100}\b(?:initie|intente|engage|lance)\w* [«"“]?\s?(?:\w+ ){0,2}actions? (?:judiciaires?|en justice)/, role: 'plaintiff', groups: ['legal'] },
  ],
  it: [
    { re: /^,? (?:\w+ ){0,3}(?:ha (?:\w+ )?(?:presentato|avviato|chiesto|depositato|promosso)|presenta|avvia|chiede|promuove)\b[^.;]{0,80}\b(?:contro|nei confronti)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:il |la |un |una )?(?:creditore|creditrice|principale creditore)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:a|ad) (?:procedere|agire|avviare|chiedere|richiedere)\b/, role: 'creditor', groups: ['debt'] },
    { re: /^,? (?:e stato |e stata |viene )?(?:nominat[oa]|designat[oa]) (?:\w+ )?(?:curatore|commissario|liquidatore)/, role: 'liquidator', groups: ['debt'] },
    { re: /^,? (?:\w+ ){0,2}(?:acquisisce|acquista|rileva|compra|ha acquisito|ha rilevato|ha acquistato)\b/, role: 'acquirer', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,3}(?:e stata|e stato|viene|sara) (?:\w+ ){0,2}(?:acquisit[oa]|rilevat[oa]|acquistat[oa]|ceduta|ceduto|venduta|venduto)\b/, role: 'acquired', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:vende|cede|ha venduto|ha ceduto)\b/, role: 'seller', groups: ['ownership'] },
    { re: /^,? (?:\w+ ){0,2}(?:denuncia|ha denunciato|fa causa|ha fatto causa)\b/, role: 'plaintiff', groups: ['legal'] },
  ],
};

// "contenzioso tra A e B", "litige opposant A à B", "dispute between A and B": the first named is the claimant.
const BETWEEN: Marker = { re: /\b(?:contenzioso|causa|lite|litige|dispute|streit|rechtsstreit|litigation)\b[^.;]{0,30}\b(?:tra|fra|between|entre|zwischen|opposant) (?:(?:der|die|dem|den|the|la|le|l'|les|il|lo|i|gli) )?$/, role: 'plaintiff', groups: ['legal'] };
for (const table of [BEFORE]) for (const lang of Object.keys(table)) table[lang]!.push(BETWEEN);

const BEARING_FOR: Record<Group, EventRole> = { debt: 'debtor', ownership: 'acquired', legal: 'defendant', other: 'subject' };
const COUNTERPART: Partial<Record<EventRole, EventRole>> = { acquirer: 'acquired', plaintiff: 'defendant', creditor: 'debtor', petitioner: 'respondent' };

for (const table of [BEFORE, AFTER]) for (const m of table.de ?? []) m.re = new RegExp(foldText(m.re.source, 'de'), m.re.flags);

export interface RoleInput {
  /** The sentence folded, with `toFolded[i]` = folded offset of original character i. */
  folded: string;
  toFolded: (original: number) => number;
  lang: string;
  type: EventType;
  trigger: { start: number; end: number }; // folded offsets
  mentions: readonly OrgMention[]; // original offsets
  /**
   * The marker each mention's surroundings give, per event group: the same for every trigger of a sentence,
   * so the caller passes one cache per sentence and each mention's markers are tested once per group.
   */
  markerCache?: MarkerCache;
}

/** Mention → group → the marker found around it (null: none). */
export type MarkerCache = Map<OrgMention, Map<Group, Marker | null>>;

export function assignRoles(input: RoleInput): RoleAssignment {
  const { folded, toFolded, lang, type, trigger, mentions } = input;
  const group = GROUP[type];
  const bearing = BEARING_FOR[group];
  const parties: RoleAssignment['parties'] = [];
  const roles = new Map<OrgMention, { role: EventRole; reason: string }>();
  for (const m of mentions) {
    const fs = toFolded(m.start);
    const fe = toFolded(m.end);
    if (overlapsTrigger(fs, fe, trigger)) continue;
    const hit = markerAround(input, m, fs, fe, group);
    if (hit) roles.set(m, { role: hit.role, reason: hit.re.source.slice(0, 40) });
  }
  shareConjunctRoles(input, roles);
  // "tax was owed by the club", "pursued by": the trigger ends in the passive agent, so the sufferer follows it and
  // an organisation before it is the one owed.
  const agentTrigger = / by$/.test(folded.slice(trigger.start, trigger.end)) && group === 'debt';
  if (agentTrigger) {
    for (const m of mentions) if (!roles.has(m) && toFolded(m.end) <= trigger.start) roles.set(m, { role: 'creditor', reason: 'before a passive agent trigger' });
  }
  // German verb-second ("Im April übernahm ein Konsortium aus X … die Kette von Y"): the buyer follows the verb.
  if (group === 'ownership' && lang === 'de') markInvertedBuyer(input, roles);
  for (const [m, r] of roles) parties.push({ mention: m, role: r.role });
  const isBearing = (r: EventRole) => r === bearing || r === 'debtor' || r === 'respondent' || r === 'acquired' || r === 'defendant';
  // 1. A marker names the sufferer.
  const marked = parties.filter((p) => isBearing(p.role));
  if (marked.length > 0) {
    const best = nearest(marked.map((p) => p.mention), trigger, toFolded);
    return { subject: best, role: roleFor(group, roles.get(best)!.role, type), parties: parties.filter((p) => p.mention !== best), reason: `marker ${roles.get(best)!.reason}` };
  }
  // 2. A counterpart is marked ("presented by HMRC", "X übernimmt"): the sufferer is another organisation.
  // The same organisation named twice ("Cairn filed … awarded to Cairn") keeps the part its first marker gave it.
  // A short form in brackets ("Claude Mayo Construction Company (Claude Mayo)") is the same organisation.
  const partyNames = [...roles].filter(([, r]) => !isBearing(r.role)).map(([m]) => m.text.toLowerCase());
  const sameAsParty = (m: OrgMention) => {
    const t = m.text.toLowerCase();
    return partyNames.some((p) => p === t || (t.length >= 4 && p.startsWith(t)) || (p.length >= 4 && t.startsWith(p)));
  };
  const free = mentions.filter((m) => !roles.has(m) && !sameAsParty(m) && !overlapsTrigger(toFolded(m.start), toFolded(m.end), trigger));
  const counterpart = parties.find((p) => COUNTERPART[p.role]);
  if (counterpart && free.length > 0) {
    const best = nearest(free, trigger, toFolded);
    return { subject: best, role: roleFor(group, COUNTERPART[counterpart.role]!, type), parties, reason: `counterpart ${counterpart.role}` };
  }
  // 3. The organisation the trigger noun governs: "Konkurs der X", "faillite de X", "bankrupt X", "bankruptcy of X".
  const governed = free.find((m) => {
    if (toFolded(m.start) < trigger.end) return false;
    const gap = folded.slice(trigger.end, toFolded(m.start));
    // "administration by Sports Direct": a passive agent acts, the noun does not govern it.
    return gap.length <= 24 && /^[a-z]{0,6}\s*(?:(?:of|der|des|von|de|du|d'|di|del|della|dello|dell'|de la|de l')\s*)?(?:\w+\s)?$/.test(gap) && !/[,;:]/.test(gap) && !AGENT.test(gap);
  });
  if (governed) return { subject: governed, role: roleFor(group, bearing, type), parties, reason: 'governed by trigger' };
  // 3a. A relative clause ("X, which collapsed", "a chain of restaurants, that had fallen into insolvency"): its subject is
  // the noun phrase it hangs on. When that is no organisation, no other organisation of the sentence is the subject.
  const relative = relativeAntecedent(input);
  // Workers or stores a layoff clause hangs on ("trois salariées, qui se retrouvent en licenciement") belong to the company:
  // only a debt event or distress is refused to the others.
  if (relative === null && (group === 'debt' || type === 'financial_distress')) return { role: roleFor(group, bearing, type), parties, reason: NOT_AN_ORGANISATION };
  if (relative && !roles.has(relative) && !sameAsParty(relative)) return { subject: relative, role: roleFor(group, bearing, type), parties, reason: 'antecedent of a relative clause' };
  // 3b. An active verb of buying ("Coca-Cola … was acquiring coffee chain Costa"): the organisation after it is bought, the one before buys.
  if (group === 'ownership' && ACTIVE_BUY[lang]?.test(folded.slice(trigger.start, trigger.end + 4))) {
    const after = free.filter((m) => toFolded(m.start) >= trigger.end && !/[;:.]/.test(folded.slice(trigger.end, toFolded(m.start))));
    if (after.length > 0) {
      const buyers = free.filter((m) => toFolded(m.end) <= trigger.start).map((m) => ({ mention: m, role: 'acquirer' as EventRole }));
      return { subject: after[0], role: 'acquired', parties: [...parties, ...buyers], reason: 'object of a buying verb' };
    }
  }
  // 4. Active voice: the nearest organisation before the trigger in its clause; else the nearest after.
  // The speaker of a reporting verb ("X … claims the defendants owe …", "X said Y filed …") is not the trigger's subject.
  // An organisation inside a relative clause closed before the trigger ("creditors, which include X, met to vote on the CVA")
  // describes another noun; it is not the subject of the main clause.
  const beforeTrigger = free.filter(
    (m) =>
      toFolded(m.end) <= trigger.start &&
      !/[;]/.test(folded.slice(toFolded(m.end), trigger.start)) &&
      !speaksOfTrigger(folded.slice(toFolded(m.end), trigger.start)) &&
      !insideClosedRelative(folded, toFolded(m.start), toFolded(m.end), trigger.start, lang),
  );
  if (beforeTrigger.length > 0) {
    // Prefer a name over a later pronoun/reference only when the reference is far away.
    const best = beforeTrigger[beforeTrigger.length - 1]!;
    // "FoodFirst, the parent company of the Brio and Bravo chains, filed for Chapter 11": not a name inside the apposition.
    const head = beforeTrigger[0]!;
    if (best !== head && APPOSITION.test(folded.slice(toFolded(head.end), trigger.start)) && folded.slice(toFolded(best.end), trigger.start).includes(','))
      return { subject: head, role: roleFor(group, bearing, type), parties, reason: 'before trigger, past an apposition' };
    // "Hostmore, the owners of TGI Fridays has gone into administration": a description in apposition stands for the name.
    if (best.kind === 'reference') {
      const named = beforeTrigger.find((m) => m.kind === 'name' && /^, $/.test(folded.slice(toFolded(m.end), toFolded(best.start))));
      if (named) return { subject: named, role: roleFor(group, bearing, type), parties, reason: 'before trigger, the name of an apposition' };
    }
    return { subject: best, role: roleFor(group, bearing, type), parties, reason: 'before trigger' };
  }
  // After the trigger only when it is close ("Cette acquisition … renforcer la position de leader de Carrefour" is not about Carrefour).
  const near = free.filter((m) => toFolded(m.start) >= trigger.end && toFolded(m.start) - trigger.end <= AFTER_REACH);
  if (near.length > 0) return { subject: near[0], role: roleFor(group, bearing, type), parties, reason: 'after trigger' };
  return { role: roleFor(group, bearing, type), parties, reason: 'no organisation' };
}

/** The marker the words around a mention give for an event group (before and after it, not the trigger's own words). */
function markerAround(input: RoleInput, m: OrgMention, fs: number, fe: number, group: Group): Marker | undefined {
  const cached = input.markerCache?.get(m)?.get(group);
  if (cached !== undefined) return cached ?? undefined;
  const { folded, lang } = input;
  const before = folded.slice(Math.max(0, fs - 70), fs);
  const after = folded.slice(fe, fe + 140);
  const afterHit = firstMarker(AFTER[lang] ?? AFTER.en!, group, after);
  // "acquire Vodafone's stake in X": the possessive stake makes Vodafone the seller, whatever precedes it.
  const beforeTable = BEFORE[lang] ?? BEFORE.en!;
  const beforeHit = (text: string) => firstMarker(beforeTable, group, text);
  // "sold to the new company, X", "against its former parent, X": the marker governs the description X stands in apposition to.
  const descriptor = DESCRIPTOR_TAIL.exec(before);
  const hit =
    (afterHit?.role === 'seller' ? afterHit : undefined) ?? beforeHit(before) ?? (descriptor ? beforeHit(before.slice(0, descriptor.index + 1)) : undefined) ?? afterHit;
  if (input.markerCache) {
    let byGroup = input.markerCache.get(m);
    if (!byGroup) input.markerCache.set(m, (byGroup = new Map()));
    byGroup.set(group, hit ?? null);
  }
  return hit;
}

/**
 * The first marker of the list (in its order) for the group that matches the text. A marker runs only when one of its
 * literal anchors occurs in the text (one scan for the whole list, anchors.ts): the same first match, fewer tests.
 */
export function firstMarker(list: Marker[], group: Group, text: string): Marker | undefined {
  let filter = MARKER_FILTERS.get(list);
  if (!filter) MARKER_FILTERS.set(list, (filter = buildPatternFilter(list.map((k) => k.re.source))));
  const run = mayMatch(filter, text);
  for (let k = 0; k < list.length; k++) {
    const marker = list[k]!;
    if (run[k] && marker.groups.includes(group) && marker.re.test(text)) return marker;
  }
  return undefined;
}
const MARKER_FILTERS = new Map<Marker[], PatternFilter>();

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

/** A definite or indefinite description closed by a comma right before a mention: the mention is its apposition. */
const DESCRIPTOR_TAIL = /\s(?:the|a|an|its|their|der|die|das|den|dem|des|le|la|les|l'|un|une|il|lo|gli|una|uno)\s?(?:[\w'’&-]+ ){0,3}[\w'’&-]+, $/;

/** A passive agent between a trigger noun and an organisation: "by", "par", "durch", "da(l/lla)". */
const AGENT = /\b(?:by|par|durch|da|dal|dalla|dallo|dai|dagli|dalle)\b/;

/**
 * Between an organisation and a later trigger, a reporting verb whose own clause goes on past it: "In Gear Fashions, which
 * supplies Sears, claims the defendants owe …" — the organisation is the one speaking; the clause it reports has its own
 * subject. Not when the trigger follows the verb at once ("X says it filed" keeps X through its pronoun elsewhere).
 */
const REPORTING =
  /(?:^|,|\s)(?:claims?|claimed|claiming|alleges?|alleged|alleging|argues?|argued|insists?|insisted|behauptet|behauptete|wirft|warf|affirme|affirmait|soutient|pretend|sostiene|sosteneva|afferma|lamenta)\s+(?:that |dass |que |qu'|che )?(?:the|die|der|les|le|la|i|gli|le) ([a-z][\w'-]+ ){0,3}$/;
function speaksOfTrigger(between: string): boolean {
  return REPORTING.test(between);
}

/**
 * Organisations joined by a conjunction share their part: "formé par Tally Weijl et Etam", "gegen A und B", "acquired by A
 * and B". Only an explicit conjunction links them (a bare comma may start another clause: "Lidl kauft Kochzauber, Lieferando …").
 */
function shareConjunctRoles(input: RoleInput, roles: Map<OrgMention, { role: EventRole; reason: string }>): void {
  const { folded, toFolded, mentions } = input;
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const m = ordered[i]!;
    const r = roles.get(prev);
    if (!r || roles.has(m)) continue;
    const gap = folded.slice(toFolded(prev.end), toFolded(m.start));
    if (CONJUNCT.test(gap)) roles.set(m, { role: r.role, reason: `joined to ${prev.text}` });
    // "sold to the new company, Internacionale UK Ltd": a name in apposition to a description is the same party.
    else if (prev.kind === 'reference' && m.kind === 'name' && /^, $/.test(gap)) roles.set(m, { role: r.role, reason: `apposition to ${prev.text}` });
  }
}
const CONJUNCT = /^,? (?:and|et|und|e|ed|sowie|as well as|ainsi que|oder|or|ou|o) (?:(?:the|der|die|das|den|dem|des|le|la|l'|les|il|lo|la|gli|i) )?$/;

/** How far after a trigger an organisation without a marker can be its subject (folded characters). */
const AFTER_REACH = 60;
/** ", the parent company of …, " / ", die Mutter der …, " between the sentence's first organisation and the trigger. */
const APPOSITION = /^, (?:the|a|an|its|which|who|der|die|das|ein|eine|le|la|l'|un|une|il|lo|una|che|qui|dont)\b[^;:]*, (?:[\w'-]+ ){0,3}$/;

const INVERTED_BUY_DE = /^(?:ubernimmt|ubernahm|ubernehmen|ubernahmen|kauft|kaufte|kauften|erwirbt|erwarb|schluckt|schluckte)\b/;
/**
 * German verb-second with the buyer after the verb: no organisation before the verb in its clause. The first
 * organisation after it and those joined to it ("und der Beteiligungsfirma X") buy; one after "von" sells.
 */
function markInvertedBuyer(input: RoleInput, roles: Map<OrgMention, { role: EventRole; reason: string }>): void {
  const { folded, toFolded, trigger, mentions } = input;
  if (!INVERTED_BUY_DE.test(folded.slice(trigger.start, trigger.end))) return;
  const clauseStart = Math.max(folded.lastIndexOf(',', trigger.start), folded.lastIndexOf(';', trigger.start), 0);
  if (mentions.some((m) => toFolded(m.end) <= trigger.start && toFolded(m.start) >= clauseStart)) return;
  const after = mentions.filter((m) => toFolded(m.start) >= trigger.end);
  let previousEnd = trigger.end;
  let buyers = 0;
  for (const m of after) {
    const gap = folded.slice(previousEnd, toFolded(m.start));
    if (/\bvon (?:der |dem |den )?$/.test(gap)) roles.set(m, { role: 'seller', reason: 'von after an inverted buying verb' });
    else if (buyers === 0 || /^[^.;]{0,50}\b(?:und|sowie)\b[^.;]{0,40}$/.test(gap)) {
      roles.set(m, { role: 'acquirer', reason: 'after an inverted buying verb' });
      buyers++;
    } else break;
    previousEnd = toFolded(m.end);
  }
}

/** The reason given when the trigger's clause is about something that is not an organisation (classify-document locks it). */
export const NOT_AN_ORGANISATION = 'not an organisation: the relative clause hangs on another noun';

/** ", which|who|that", ", der|die|das|welche", ", qui|lequel", ", che|il quale|cui" opening the clause the trigger stands in. */
const RELATIVE: Record<string, RegExp> = {
  en: /, (?:which|who|that|whose \w+) (?:[\w'’-]+ ){0,5}$/,
  de: /, (?:der|die|das|welche[rs]?|deren|dessen) (?:[\w'’-]+ ){0,5}$/,
  fr: /, (?:qui|laquelle|lequel|lesquel(?:le)?s|dont \w+) (?:[\w'’-]+ ){0,5}$/,
  it: /, (?:che|il quale|la quale|i quali|le quali|la cui \w+|il cui \w+) (?:[\w'’-]+ ){0,5}$/,
};
/** A German relative clause ends in its finite verb; "…, die Insolvenz der X" is an article, not a relative pronoun. */
const GERMAN_VERB_FINAL = /^[^,.;:]{0,80}\b(?:hat|hatte|haben|hatten|ist|war|sind|waren|wurde|wurden|wird|werden|musste|mussten|muss|meldete|meldet|beantragte|beantragt|stellte|stellt|ging|geht|rutschte|schlitterte|befindet|befand)(?=[,.;:]|$)/;
/** "X is the latest retailer, which …": a predicate noun of the name carries the relative clause back to it. */
const PREDICATE_TAIL = /^ (?:is|was|are|were|has become|became|becomes|ist|war|wurde|est|etait|devient|e|era|diventa) (?:the|a|an|another|der|die|das|ein|eine|le|la|l'|un|une|il|lo|una|uno)\s?(?:[\w'’&-]+ ){0,4}[\w'’&-]+$/;
/** An apposition between a name and the relative pronoun: "Carillion, the construction group, which …". */
const APPOSITION_TAIL = /^[,:]? \(?(?:the|a|an|its|der|die|das|ein|eine|le|la|l'|les|un|une|il|lo|una|uno)\s?(?:[\w'’&-]+ ){0,4}[\w'’&-]+\)?$/;

/** ", which include X," / ", die X gehört," / ", qui détient X,": X sits in a relative clause that closes before the trigger. */
function insideClosedRelative(folded: string, start: number, end: number, triggerStart: number, lang: string): boolean {
  const opener = (RELATIVE_OPENER[lang] ?? RELATIVE_OPENER.en!).exec(folded.slice(Math.max(0, start - 60), start));
  if (!opener) return false;
  const close = folded.indexOf(',', end);
  return close !== -1 && close < triggerStart;
}
const RELATIVE_OPENER: Record<string, RegExp> = {
  en: /, (?:which|who|whose|that) (?:[\w'’-]+ ){0,6}$/,
  de: /, (?:der|die|das|welche[rs]?|deren|dessen|dem|denen) (?:[\w'’-]+ ){0,6}$/,
  fr: /, (?:qui|dont|lequel|laquelle|lesquel(?:le)?s) (?:[\w'’-]+ ){0,6}$/,
  it: /, (?:che|il quale|la quale|i quali|le quali|cui) (?:[\w'’-]+ ){0,6}$/,
};

/**
 * "companies that enter administration", "les entreprises qui font faillite": a restrictive relative clause on a plural
 * common noun talks of a kind of company, not of one (no comma, so it is not caught by RELATIVE).
 */
const PLURAL_RESTRICTIVE: Record<string, RegExp> = {
  en: /\b(?:companies|businesses|firms|retailers|chains|employers|debtors|traders|enterprises|entities|brands|groups|clubs|restaurants|stores|shops|suppliers|contractors|manufacturers|builders|developers|lenders|banks|insurers) (?:that|which|who) (?:[\w'’-]+ ){0,8}$/,
  fr: /\b(?:entreprises|societes|enseignes|commercants|employeurs|debiteurs|groupes|magasins|pme|artisans) qui (?:[\w'’-]+ ){0,8}$/,
  it: /\b(?:imprese|aziende|societa|attivita|negozi|catene|datori di lavoro) che (?:[\w'’-]+ ){0,8}$/,
};

/**
 * The antecedent of a relative clause the trigger stands in: the organisation mention right before the relative pronoun
 * (or before its apposition), `null` when the clause hangs on a noun phrase that is no organisation, `undefined` when the
 * trigger is not in a relative clause.
 */
function relativeAntecedent(input: RoleInput): OrgMention | null | undefined {
  const { folded, toFolded, lang, trigger, mentions } = input;
  const re = RELATIVE[lang] ?? RELATIVE.en!;
  const before = folded.slice(Math.max(0, trigger.start - 70), trigger.start);
  if (PLURAL_RESTRICTIVE[lang]?.test(before) && !/[,;:]/.test(before.slice(before.search(/\b(?:that|which|who|qui|che) [^,;:]*$/) + 1))) return null;
  const m = re.exec(before);
  if (!m) return undefined;
  if (lang === 'de' && !GERMAN_VERB_FINAL.test(folded.slice(trigger.start))) return undefined;
  const comma = trigger.start - before.length + m.index;
  // A mention inside the relative clause before the trigger is that clause's own subject or object: the usual rules read it.
  if (mentions.some((x) => toFolded(x.start) > comma && toFolded(x.end) <= trigger.start)) return undefined;
  let best: OrgMention | undefined;
  for (const x of mentions) if (toFolded(x.end) <= comma && (!best || x.end > best.end)) best = x;
  if (!best) return null;
  const gap = folded.slice(toFolded(best.end), comma);
  return /^[)"'’”»]*$/.test(gap) || APPOSITION_TAIL.test(gap) || PREDICATE_TAIL.test(gap) ? best : null;
}

/** Triggers that are an active verb of buying: the object is the company bought. "acquired by" and nouns are not. */
const ACTIVE_BUY: Record<string, RegExp> = {
  en: /^(?:acquir(?:e|es|ing)|acquired (?!by\b)|buy(?:s|ing)?\b|bought (?!by\b)|takes? over|took over|taking over)/,
  fr: /^(?:rachete|acquiert|reprend|racheter)\b/,
  it: /^(?:acquisisce|acquista|rileva|acquisire)\b/,
};

/** A mention that contains the trigger's start or lies inside it is part of the trigger ("il fallimento"), not a party. */
function overlapsTrigger(fs: number, fe: number, trigger: { start: number; end: number }): boolean {
  return fs <= trigger.start ? fe > trigger.start : fe <= trigger.end;
}

function roleFor(group: Group, role: EventRole, type: EventType): EventRole {
  if (group === 'debt') return type === 'debt_enforcement' && role === 'respondent' ? 'respondent' : 'debtor';
  return role;
}

function nearest(ms: readonly OrgMention[], trigger: { start: number; end: number }, toFolded: (o: number) => number): OrgMention {
  let best = ms[0]!;
  let bestD = Infinity;
  for (const m of ms) {
    const s = toFolded(m.start);
    const e = toFolded(m.end);
    const d = e <= trigger.start ? trigger.start - e : s - trigger.end;
    if (d < bestD) {
      bestD = d;
      best = m;
    }
  }
  return best;
}
