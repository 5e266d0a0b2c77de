import type { EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';
import { buildLiteralScanner, type LiteralScanner } from '../text/literal-scanner.js';
import { anchorsOf } from './anchors.js';

/**
 * Trigger patterns per language and event type, written as they appear in news and notices and
 * folded like the text (see analysis/text/fold.ts: German patterns with the German transcriptions), so umlauts may be written as ä/ö/ü or a/o/u.
 * German terms have no leading word boundary on purpose: compounds put them inside words
 * ("Privatkonkurs", "Firmeninsolvenz"). Plurals of insolvency words are left out on purpose:
 * "Firmenpleiten nehmen zu" is statistics about an industry, not an event at one company.
 * Patterns must not use upper-case escapes (\S, \W, \B): folding lower-cases the source.
 */
export type LexiconLang = 'de' | 'en' | 'fr' | 'it' | 'any';
type Lexicon = Record<LexiconLang, Partial<Record<EventType, string[]>>>;

const W = "[a-z0-9'-]+(?:[.,][0-9]+)*,?"; // one word in folded text, numbers like 4,000 included

export const LEXICON: Lexicon = {
  any: {
    insolvency: ['\\bchapter 7\\b'],
    debt_restructuring: ['\\bchapter 11\\b'],
    financial_distress: ['\\bgoing[- ]concern\\b', '\\bprofit warning\\b'],
  },
  de: {
    insolvency: [
      '\\binsolvent(?:e[nrms]?)?\\b', 'insolvenz (?:an)?gemeldet|meldet(?:e|en)? (?:\\w+ ){0,3}insolvenz an',
      'insolvenz(?:antrag|antrage|verfahren|eroffnung|anmeldung|verwalter|verwalterin|verwaltung|reif|fall|masse|gericht)',
      'insolvenz\\b(?! ?(?:recht|rechts|ordnung|reform|gesetz|statistik))',
      'konkurs(?:eroffnung|verfahren|antrag|verwaltung|masse|amt|anmeldung|erkenntnis|begehren)?\\b',
      'zahlungsunfahig',
      '(?:ist|sind|geht|gehen|ging|gingen|war|waren|wird|wurde|erneut|wieder|abermals) (?:nun |jetzt |endgultig |offiziell |erneut |wieder |schon wieder )?pleite',
      'insolvenz-(?:verfahren|antrag|eroffnung)',
      'pleite gegangen',
      '(?:in die|vor der|nach der|die) pleite\\b',
      'pleite(?:firma|unternehmen|konzern|bank|airline|gesellschaft)',
      'bankrott',
      'bilanz deponier|deponiert(?:e|en)? (?:[a-z-]+ ){0,4}(?:die|ihre|seine) bilanz|uberschuldungsanzeige',
    ],
    debt_restructuring: [
      'nachlassstundung', 'nachlassvertrag', 'nachlassverfahren', 'schutzschirm', 'eigenverwaltung', 'glaubigerschutz', 'schuldenschnitt',
      'sanierungsverfahren', 'restrukturierungsverfahren', 'umschuldung', 'stundungsvereinbarung', 'stillhalteabkommen',
      'moratorium\\b', '(?:restrukturierungs|sanierungs)plan(?:e|en)?\\b', 'sanierung (?:' + W + ' ){0,5}(?:rechtskraftig )?abgeschlossen',
    ],
    liquidation: [
      'liquidation(?:sverfahren|sbeschluss)?\\b(?! ?(?:wert|preis|praferenz))',
      '\\bliquidiert\\b',
      'auflosung (?:der|einer|dieser) (?:gesellschaft|firma|genossenschaft|aktiengesellschaft|gmbh|stiftung)',
      '(?:gesellschaft|firma|genossenschaft|unternehmen) (?:ist|wird|wurde) (?:' + W + ' ){0,3}aufgelost',
      'beschliesst (?:die )?auflosung|auflosung beschlossen',
      '(?:im|aus dem) handelsregister gelöscht|löschung im handelsregister|von amtes wegen gelöscht|firma (?:ist|wird|wurde) gelöscht',
      'geschaftsaufgabe', 'betriebsaufgabe', 'stellt (?:den|seinen|ihren) (?:betrieb|geschaftsbetrieb) ein',
      '(?:den|seinen|ihren) (?:geschafts|flug)?betrieb (?:' + W + ' ){0,3}eingestellt', '\\babgewickelt\\b', '\\babzuwickeln\\b', '\\b(?:geordnete[nr]?|stille[nr]?) abwicklung\\b',
    ],
    debt_enforcement: [
      'glaubiger (?:fordern|verlangen|betreiben)',
      '\\bbetreibung(?:en)?\\b', 'betreibungsamt(?!lich)', 'betreibungsamtlich', 'zahlungsbefehl', 'pfandung', 'gepfandet', 'zwangsvollstreckung',
      'konkursandrohung', 'verlustschein', 'zwangsversteigerung', 'grundstucksteigerung', 'mahnbescheid', 'vollstreckungsbescheid', 'rechtsoffnung',
      'arrest(?:befehl|legung)',
    ],
    payment_delay: [
      '(?:lohne|gehalter|beitrage|abgaben|steuern|miete|rechnungen) (?:\\w+ ){0,4}nicht (?:\\w+ ){0,3}(?:bezahlt|gezahlt|uberwiesen|beglichen)',
      'zahlungsverzug', 'zahlungsruckstand', 'zahlungsschwierigkeit', 'zahlungsstockung',
      '(?:lohne|gehalter|lohn|gehalt|rechnungen|lieferanten|mieten|sozialabgaben|beitrage) (?:' + W + ' ){0,4}(?:nicht|verspatet|unpunktlich) (?:mehr )?(?:bezahl|beglich|gezahlt|zahlen|ausbezahl|uberwies)',
      'lieferanten (?:' + W + ' ){0,3}warten', 'warten (?:' + W + ' ){0,4}auf (?:ihre|ihren|den) (?:lohn|lohne|gehalt|gehalter)', 'offene rechnungen', 'unbezahlte (?:rechnungen|lohne|gehalter)', 'ausstehende (?:lohne|gehalter|zahlungen)',
      'verspatete (?:zahlung|lohnzahlung)', '(?:lohn|gehalts)zahlungen (?:' + W + ' ){0,2}(?:ausgesetzt|verschoben|verspatet)',
      'zahlt (?:seine|ihre|die) (?:rechnungen|lieferanten|lohne) nicht', 'zahlungsfristen (?:' + W + ' ){0,2}(?:uberschritten|nicht eingehalten)',
    ],
    financial_distress: [
      '\\bverlust(?:e)?\\b(?! ?(?:von arbeitsplatzen|der arbeitsplatze))', '(?:existenzielle[nr]?|schwere[nr]?|tiefe[nr]?) krise', '\\bin (?:der|einer) krise\\b', '\\bturbulenzen\\b', 'kein geld mehr', 'aktie (?:\\w+ ){0,4}(?:sturzt|sturzte|verlor|bricht|brach|fiel)', '\\brekordtief\\b',
      'gewinnwarnung', 'umsatzwarnung', 'prognose (?:' + W + ' ){0,2}(?:gesenkt|gekappt|kassiert)|senkt (?:die |seine |ihre )?prognose',
      '(?:rekord|millionen|milliarden|jahres|netto|halbjahres|quartals|betriebs|rein|konzern)verlust',
      'rote(?:n)? zahlen', 'ins minus', 'kapitalverlust', 'art\\. ?725', 'uberschuldung', 'uberschuldet',
      'liquiditatsengpass', 'liquiditatsprobleme', 'liquiditatskrise', 'finanzielle(?:n)? (?:schwierigkeiten|probleme|notlage)', 'schieflage',
      'herabgestuft', 'herabstufung', 'rating (?:' + W + ' )?gesenkt', 'sanierungsfall', 'existenz (?:' + W + ' ){0,4}(?:bedroht|gefahrdet)|existenzbedrohend',
      'fortbestand (?:' + W + ' )?gefahrdet', 'fortfuhrungsfahigkeit', 'kreditlinie (?:' + W + ' )?gekundigt', 'wertberichtigung', 'rettungspaket',
      'kurssturz', 'aktie (?:' + W + ' )?(?:bricht ein|sturzt ab)',
    ],
    layoffs: [
      'stellen (?:\\w+ ){0,2}(?:zu )?streichen', 'mitarbeiterzahl (?:\\w+ ){0,6}senken', 'filialen (?:\\w+ ){0,3}(?:geschlossen|schliessen)', '\\bschliessungen\\b',
      'stellenabbau', 'arbeitsplatzabbau', 'personalabbau', 'jobabbau', 'abbau von (?:' + W + ' ){0,3}(?:stellen|arbeitsplatzen|jobs)',
      'streicht (?:' + W + ' ){0,4}(?:stellen|jobs|arbeitsplatze)', 'entlassungen', 'entlasst (?:' + W + ' ){0,3}(?:mitarbeitende|mitarbeiter|angestellte|beschaftigte)',
      'massenentlassung', 'kurzarbeit', 'werk(?:s)?schliessung', 'betriebsschliessung', 'standortschliessung', 'filialschliessung',
      'schliesst (?:' + W + ' ){0,3}(?:werk|fabrik|standort|filialen|produktion)', 'sozialplan', 'verlieren (?:ihre|ihren) (?:stelle|job|arbeitsplatz)', 'baut (?:' + W + ' ){0,4}(?:stellen|arbeitsplatze|jobs) ab', 'konsultationsverfahren', 'kundigungen',
    ],
    legal_dispute: [
      '\\bklage\\b', 'verklagt', 'klagt gegen', 'strafverfahren', 'strafanzeige', 'strafuntersuchung', 'anklage', 'ermittlungen gegen',
      'staatsanwaltschaft (?:' + W + ' ){0,2}ermittelt', 'betrugs(?:verdacht|vorwurf|vorwurfe|fall)', '\\bbetrug\\b', 'veruntreuung',
      'geldwasche', 'schadenersatz', 'bussgeld', '\\bbusse von', 'razzia', 'hausdurchsuchung', 'sanktionen gegen', 'verurteilt', 'rechtsstreit',
      'schiedsverfahren', 'kartellstrafe', 'korruption', 'bestechung', 'sammelklage', 'prozess gegen',
    ],
    management_change: [
      '\\bnachfolge\\b|\\bnachfolger(?:in)?\\b', 'wechsel an der (?:\\w+-)?spitze', 'ubernimmt (?:die )?(?:leitung|fuhrung|geschaftsleitung|vorsitz)|ubernahm (?:\\w+ ){0,3}(?:die )?(?:leitung|fuhrung|geschaftsleitung|vorsitz|posten)', '(?:das unternehmen|den konzern|die firma) (?:\\w+ ){0,5}verlassen', 'wechselte den chef', '\\babgelost\\b', 'neue[rn]? (?:vorstandschef|vorstandsvorsitzende|konzernchefin)', '\\bneuen ceo\\b',
      'rucktritt', 'tritt (?:' + W + ' ){0,4}zuruck\\b', 'zurucktreten', 'verlasst (?:das unternehmen|die firma|den konzern|die bank)',
      'neue(?:r|n)? (?:ceo|cfo|chef|chefin|geschaftsfuhrer|geschaftsfuhrerin|konzernchef|konzernchefin|verwaltungsratsprasident|verwaltungsratsprasidentin|finanzchef|finanzchefin)',
      '(?:ceo|cfo|chef|chefin|geschaftsfuhrer|geschaftsfuhrerin|finanzchef|finanzchefin) (?:' + W + ' ){0,3}(?:geht|muss gehen|tritt ab|wird abgesetzt)', '(?:ceo|cfo|chef|chefin|finanzchef|finanzchefin|geschaftsfuhrer|geschaftsfuhrerin) verlasst', 'abberufen',
      'zum (?:neuen )?(?:ceo|cfo|chef|geschaftsfuhrer) ernannt', 'fuhrungswechsel', 'chefwechsel', 'ausgeschieden',
      'zeichnungsberechtigung (?:' + W + ' ){0,4}(?:geloscht|erloschen)', 'unterschrift (?:' + W + ' ){0,4}erloschen', 'prokura (?:' + W + ' ){0,4}erloschen',
      'eingetragene personen neu oder mutierend',
      '(?:posten|amt|nachfolge|vorsitz) (?:' + W + ' ){0,3}(?:ubernimmt|ubernommen|ubernehmen)', 'einen (?:' + W + ' )?wechsel (?:gab es )?(?:bei|an der spitze)',
    ],
    ownership_change: [
      'neue[nr]? (?:besitzer|eigentumer|eigner|investor|mehrheitseigner)', '(?:wurde|wurden|war|worden) (?:\\w+ ){0,6}(?:ubernommen|gekauft|verkauft)\\b', '\\bverkauf (?:von|der|des)\\b', '\\bubernahm\\b(?! (?:die|den) (?:leitung|fuhrung|vorsitz|verantwortung))',
      'ubernahme(?!angebot abgelehnt)', 'ubernimmt (?:die |den |das )?(?!(?:verantwortung|fuhrung|leitung|kosten|haftung|aufgabe|rolle|funktion|prasidium|vorsitz|geschaftsfuhrung|verwertung)\\b)(?=[a-z])',
      '(?:wird|wurde|werden|wurden) (?:von|durch) (?:' + W + ' ){0,4}ubernommen', 'fusion\\b', 'fusioniert', 'zusammenschluss', 'verkauft (?:' + W + ' ){0,3}(?:an|sparte|tochter|geschaft|division)',
      '(?:kauft|erwirbt) (?:die |den |das )?(?:' + W + ' ){0,3}(?:ag|gmbh|firma|konzern|unternehmen|hersteller|anbieter|tochter|mehrheit|konkurrenten|gruppe)',
      'mehrheitsbeteiligung', 'aktienmehrheit', 'akquisition', 'neuer (?:eigentumer|besitzer|mehrheitsaktionar)',
    ],
    positive: [
      'auftrag (?:\\w+ ){0,5}erhalten|erhalt (?:\\w+ ){0,4}auftrag|(?:grossen|grosser|weiteren|weiterer|neuen|neuer) auftrag',
      'kapitalerhohung', 'finanzierungsrunde', 'grossauftrag', '(?:milliarden|millionen)auftrag', 'rekord(?:gewinn|umsatz|ergebnis|jahr)', 'gewinnsprung',
      'gewinn (?:' + W + ' )?(?:gesteigert|steigt|verdoppelt|erhoht)', 'hochgestuft', 'heraufgestuft', 'rating (?:' + W + ' )?angehoben',
      'schwarze(?:n)? zahlen', 'gewinnzone', 'prognose (?:' + W + ' ){0,2}(?:angehoben|erhoht)', 'hebt (?:die |seine |ihre )?prognose',
      'schafft (?:' + W + ' ){0,3}(?:stellen|arbeitsplatze|jobs)', 'neue arbeitsplatze', 'erfolgreich saniert', 'sanierung (?:' + W + ' )?abgeschlossen',
      'refinanzierung (?:' + W + ' )?(?:gesichert|abgeschlossen)', 'auftrag (?:im wert|uber)',
      'im wert von (?:' + W + ' ){0,4}(?:millionen|milliarden) (?:' + W + ' ){0,3}bestellt', 'bestell(?:t|te|ten|ung) (?:' + W + ' ){0,8}im wert von', 'gewinn (?:' + W + ' ){0,4}(?:gesteigert|verdoppelt|erhoht|um [0-9])', '(?:umsatz|gewinn|ergebnis) (?:' + W + ' ){0,3}(?:uber den erwartungen|ubertrifft|ubertraf)', 'rekorddividende', 'erwartungen (?:' + W + ' ){0,3}ubertroffen',
    ],
  },
  en: {
    insolvency: [
      "'s collapse\\b", '\\b(?:its|their) collapse\\b', '\\bcollapsed (?:last|earlier|this|in|on|after|with|owing|leaving)\\b', '\\b(?:succumb(?:ed|s)? to|rescued from|bought out of|emerged? from|sold out of|fell into) administration\\b', '\\b(?:hired|hires|hiring|appointed|appoints) (?:\\w+ ){0,2}administrators\\b', '\\bordered to be wound[- ]up\\b',
      '\\bfile[sd]? for (?:chapter (?:7|11)|bankruptcy|insolvency|administration|creditor protection)',
      '\\bfiling for (?:chapter (?:7|11)|bankruptcy|insolvency|administration)',
      '(?<!(?:morally|emotionally|intellectually|spiritually|morale|emotional|moral) )\\bbankrupt(?:cy)?\\b(?! (?:law|laws|code|reform|rules|judge|judges|court|courts|lawyers?|experts?))', '\\binsolven(?:t|cy)\\b(?! (?:law|laws|reform|rules|regime|practitioners?|experts?|specialists?|lawyers?|firms?))',
      '\\b(?:went|go(?:es|ing)?|gone|enter(?:s|ed|ing)?|placed|placing|put|plunged?|fell|fall(?:s|en|ing)?|slip(?:s|ped)?|tip(?:s|ped)?|collapsed?) into (?:administration|receivership)',
      '\\b(?:call(?:s|ed|ing)?|brought|bring(?:s|ing)?|draft(?:s|ed)?) in (?:the )?(?:joint )?administrators',
      '\\bto enter administration\\b', '\\bin administration\\b', '\\bsaved from administration\\b', '\\bout of administration\\b',
      '\\bspecial managers?\\b', '\\bcollapse of (?:the )?(?:' + W + ' ){0,3}(?:operator|company|firm|group|retailer|chain|airline|bank|business|lender|builder|carrier)\\b',
      '(?<=\\b(?:company|firm|retailer|chain|airline|group|business|lender|carrier|operator) (?:has |had )?)collapsed\\b(?! into)',
      '\\b(?:administrators?|receivers?) (?:' + W + ' ){0,5}(?:appointed|called in)', '\\bappoint(?:s|ed|ing)? (?:' + W + ' )?(?:administrators?|receivers?)',
      '\\breceivership\\b', '\\b(?:entered|enters|entering|placed in|placed into|is in|was in|now in) administration\\b', '\\b(?:goes|went|gone|going) bust\\b', '\\bwinding[- ]up order', '\\bcompulsory liquidation\\b', '\\bwound up by the (?:high )?court\\b',
    ],
    debt_restructuring: [
      '\\bdebt restructuring\\b', '\\brestructur(?:e|es|ed|ing) (?:its |their |the )?(?:' + W + ' )?(?:debts?|bonds|loans)\\b', '\\bcreditor protection\\b',
      '\\bbankruptcy protection\\b', '\\bcompany voluntary arrangements\\b', '\\bcvas?\\b',
      '\\bscheme of arrangement\\b', '\\bcompany voluntary arrangement\\b', '\\bcva\\b', '\\bmoratorium\\b', '\\bstandstill agreement\\b',
      '\\bdebt[- ]for[- ]equity\\b', '\\brestructuring plan\\b', '\\bdebt relief\\b', '\\bhaircut\\b', '\\brehabilitation (?:plan|proceedings?)\\b',
    ],
    liquidation: [
      '(?<!compulsory )\\b(?:voluntary |members\'? |creditors\'? )?liquidation\\b(?! (?:preference|preferences|value|of (?:its |their )?(?:positions|holdings|stake|shares|inventory)))',
      '\\bwound up\\b', '\\bdissolution of the (?:company|firm|partnership|business|group)\\b', '\\b(?:company|firm|business) (?:was|has been|will be|is being) dissolved\\b',
      '\\bstruck off\\b', '\\bstrike[- ]off\\b', '\\bstriking off\\b', '\\bceas(?:e|es|ed|ing) trading\\b', '\\bwill liquidate\\b', '\\bliquidat(?:e|es|ed|ing) (?:its|their|the) (?:remaining )?(?:stores|business|assets|operations)\\b',
      '\\b(?:go(?:es|ing)?|went|gone|enter(?:s|ed|ing)?|placed|put) into (?:voluntary |compulsory |creditors\' voluntary |members\' voluntary )?liquidation\\b', '\\bwind(?:s|ing)? down (?:its |the )?(?:operations|business)',
    ],
    debt_enforcement: [
      '\\bserved (?:with )?(?:the |a |an )?(?:winding[- ]up )?petitions?\\b', '\\bbeing pursued (?:\\w+ ){0,2}for (?:unpaid|outstanding)\\b', '\\bpetition (?:against|to wind up)\\b', '\\barrest orders?\\b|\\breleased from arrest\\b|\\bships? (?:\\w+ )?(?:were |was )?arrested\\b',
      '\\bwinding[- ]up petition', '\\bpetition(?:s|ed)? (?:' + W + ' ){0,2}(?:to wind up|for (?:the )?winding[- ]up|to wind-up)',
      '\\bwinding[- ]up (?:bid|proceedings|hearing|case|action)', '\\b(?:the )?petition (?:was |has been |had been |is )?(?:adjourned|withdrawn|dismissed|heard|presented)\\b', '\\b(?:had|have|has) the petition\\b',
      '\\bwound up over (?:unpaid|outstanding)', '\\btook over the petition\\b', '\\bcounty court judgments?\\b', '\\bccjs?\\b',
      '\\bstatutory demand\\b', '\\bdebt collectors?\\b', '\\bgarnish(?:ee|ment)\\b', '\\bassets (?:' + W + ' )?(?:were |have been )?(?:seized|frozen)\\b',
      '\\bforeclos(?:ure|ed|es)\\b', '\\bseiz(?:e|es|ed|ing|ure) (?:of )?(?:' + W + ' ){0,4}(?:assets|shares|payments|accounts|property|propert(?:y|ies)|ships?|vessels?|funds)\\b', '\\b(?:assets|shares|payments|accounts) (?:' + W + ' ){0,2}for seizure\\b',
      '\\benforce (?:' + W + ' ){0,2}(?:arbitration|judg(?:e)?ments?|arbitral|awards?)\\b', '\\bdefault judgment\\b', '\\bbailiffs?\\b', '\\bsued by (?:' + W + ' ){0,2}(?:creditors?|lenders?|suppliers?) (?:for|over) (?:unpaid|outstanding)',
    ],
    payment_delay: [
      '\\bowes? (?:\\w+ ){0,4}(?:[£$€]|suppliers|subcontractors|creditors|hmrc|staff|workers|employees|landlords?)', '\\bowed (?:\\w+ ){0,3}by\\b', '\\blate payers?\\b', '\\bdebts? to hmrc\\b', '\\bfail(?:ed|s|ing)? to (?:repay|reimburse|make (?:a |the )?(?:\\w+ )?payments?)\\b', '\\bstruggling to repay\\b', '\\bunpaid (?:tax|taxes|rent|bills|debts?)\\b',
      '\\blate payments?\\b', '\\b(?:missed|misses|missing|skipped|defaulted on|default on|defaults on) (?:' + W + ' ){0,3}(?:payments?|coupons?|instalments?|installments?|interest|loans?|bonds?|debt)',
      '\\bunpaid (?:wages|invoices|bills|suppliers|staff|salaries|workers)', '\\bsuppliers? (?:' + W + ' ){0,3}(?:not been paid|unpaid|still waiting|waiting to be paid)',
      '\\b(?:payment |rent |wage )?arrears\\b', '\\bdelayed (?:salary|salaries|wages?|payments?)', '\\bfailed to pay\\b', '\\bfailing to pay\\b',
      '\\boverdue (?:invoices|payments|bills|debts)', '\\bstopped paying\\b', '\\bwages (?:' + W + ' ){0,2}(?:not|late|delayed)\\b',
    ],
    financial_distress: [
      '\\bbrink of (?:collapse|administration|insolvency|bankruptcy|liquidation)\\b', '\\bfight for survival\\b', '\\bno longer viable\\b', '\\bunprofitab', '\\b(?:in|of) debts?\\b(?= (?:of|to|and|after|with)|[.,])', '[£$€][0-9][0-9.,]*(?:m|bn| million| billion)? (?:of|in) debts?\\b', '\\b(?:in|into) crisis\\b', '\\brestructuring (?:specialists|advisers|experts|firm)\\b', '\\bhalt(?:ed|s)? production\\b',
      '\\b(?:issue[sd]?|issuing) a (?:profit |revenue |sales )?warning', '\\bnet loss\\b', '\\bwiden(?:ed|s|ing)? (?:its |their )?(?:' + W + ' )?loss',
      '\\b(?:swung|swings|plunged|slipped|fell) (?:to|into) (?:a )?(?:' + W + ' )?loss\\b', '\\brecord loss\\b', '\\bheavy losses\\b', '\\bmaterial uncertainty\\b',
      '\\bdowngrade[ds]?\\b', '\\bcut to junk\\b', '\\bjunk status\\b', '\\bcash crunch\\b', '\\bliquidity (?:crisis|crunch|problems|squeeze|shortfall)\\b',
      '\\bcash[- ]strapped\\b', '\\bfinancial (?:difficulties|trouble|distress|problems)\\b', '\\bstruggling to (?:raise|refinance|pay)',
      '\\bbreach(?:ed|es)? (?:of )?(?:its |their )?(?:loan |debt |banking )?covenants?\\b', '\\bcovenant breach', '\\bimpairment\\b',
      '\\bwrite[- ]?downs?\\b', '\\bwr(?:ote|ites) down\\b', '\\bshares? (?:' + W + ' ){0,3}(?:plunge[sd]?|tumble[sd]?|crash(?:ed|es)?|slump(?:ed|s)?)', '\\bbail-?out\\b',
      '\\brescue (?:deal|talks|package|financing|plan)', '\\bcuts? (?:its |their )?(?:' + W + ' )?(?:guidance|forecast|outlook)\\b', '\\blowers? (?:its |their )?(?:guidance|forecast|outlook)',
    ],
    layoffs: [
      '\\bjobs? (?:go|goes|to go|will go|lost|losses|at risk)\\b', '\\bloss of (?:\\w+ ){0,3}jobs\\b', '\\bshops? will close\\b', '\\bstores? (?:will )?close\\b', '\\bclosed (?:nearly |about |around )?[0-9]+ (?:locations|stores|sites|shops|restaurants)',
      '\\blay(?:s|ing)? off\\b', '\\blaid off\\b', '\\blayoffs?\\b', '\\bjob cuts?\\b', '\\bcut(?:s|ting)? (?:' + W + ' ){0,3}jobs\\b', '\\bslash(?:es|ed|ing)? (?:' + W + ' ){0,3}jobs\\b',
      '\\bredundanc(?:y|ies)\\b', '\\bheadcount reduction', '\\bworkforce reduction', '\\bplant closures?\\b',
      '\\bclos(?:e|es|ed|ing) (?:' + W + ' ){0,2}(?:plant|plants|factory|factories|stores|sites|mill|mine)\\b', '\\bshort[- ]time work', '\\bfurlough', '\\bcost(?:ing|s)? (?:' + W + ' ){0,6}(?:their|its) jobs\\b', '\\b(?:axe|axes|axed|axing|shed|sheds|shedding) (?:' + W + ' ){0,3}(?:jobs|roles|staff|posts)\\b',
    ],
    legal_dispute: [
      '\\blawsuits?\\b', '\\bsued\\b', '\\bsues\\b', '\\bsuing\\b', '\\bclass action\\b', '\\bfraud\\b', '\\bindict(?:ed|ment)\\b', '\\bprobe (?:into|over)\\b',
      '\\binvestigation (?:into|over|of)\\b', '\\bcharged with\\b', '\\bfined\\b', '\\bpenalty of\\b', '\\bsanctions? (?:on|against)\\b', '\\bsanctioned by (?:the )?(?:us|eu|uk|treasury|ofac|seco)\\b',
      '\\bmoney laundering\\b', '\\bbribery\\b', '\\bcorruption\\b', '\\blitigation\\b', '\\barbitration\\b', '\\bsettle(?:d|s)? (?:a |the )?(?:lawsuit|case|claims)', '\\braid(?:ed|s)?\\b',
      '\\bembezzle',
    ],
    management_change: [
      '\\bsucceed(?:s|ed)? (?:\\w+ ){0,3}as (?:chief executive|ceo|chair|chairman|cfo)\\b', '\\breplac(?:e|es|ed|ing) (?:\\w+ ){0,3}as (?:chief executive|ceo|chair|chairman|cfo)\\b', '\\btak(?:e|es|ing)|took over as (?:chief executive|ceo|chair|chairman|cfo)\\b',
      '\\bresign(?:s|ed|ation)?\\b', '\\bstep(?:s|ped|ping)? down\\b', '\\bsteps aside\\b',
      '\\bappoint(?:s|ed)? (?:' + W + ' ){0,3}(?:as )?(?:new )?(?:chief executive|ceo|cfo|chairman|chairwoman|chair|finance director|managing director|chief financial officer)',
      '\\bnamed (?:as )?(?:new )?(?:chief executive|ceo|cfo|chairman|chair|chief financial officer)', '\\bnew (?:ceo|cfo|chief executive|chairman|chief financial officer)',
      '\\b(?:ceo|cfo|chief executive|chairman) (?:departs|quits|leaves|ousted|fired|exits|to leave|to step down)', '\\bousted\\b', '\\bquits\\b',
      '\\bretir(?:e|es|ing|ement) (?:' + W + ' ){0,2}as (?:group )?(?:chief executive|ceo|chair|chairman|cfo|chief financial officer|managing director)', '\\b(?:will )?succeed (?:him|her)\\b', '\\bjoin(?:s|ed)? (?:' + W + ' ){0,2}as (?:group |its |the )?(?:new )?(?:chief executive|ceo|cfo|chair|chairman|chief financial officer|managing director)', '\\bnew (?:boss|leader|chief)\\b', '\\bchange (?:in|of) (?:boss|ceo|chief executive|leadership)\\b',
    ],
    ownership_change: [
      '\\bpurchased\\b', '\\bup for sale\\b', '\\bnew owners?\\b', '\\bbid for\\b', '\\brescued (?:\\w+ ){0,3}by\\b', '\\bsaved (?:\\w+ ){0,4}by (?:an? )?(?:\\w+ )?buyer\\b', '\\bprivate ownership\\b',
      '\\bacqui(?:re|res|red|ring|sition)\\b', '\\btakeover\\b', '\\bmerger\\b', '\\bmerge(?:s|d)? with\\b', '\\bbuy(?:s|ing)? (?:out )?(?:rival|competitor)',
      '\\bbuyout\\b', '\\bagreed to (?:buy|sell|acquire)\\b', '\\bsold to\\b', '\\b(?:sells?|sold|selling) (?:its |the )?(?:' + W + ' ){0,2}(?:unit|division|business|stake|subsidiary|arm)\\b',
      '\\bstake in\\b', '\\btakes? over\\b', '\\bbought by\\b', '\\bto be bought\\b',
    ],
    positive: [
      '\\bbeats? (?:\\w+ )?targets\\b', '\\btop(?:s|ped)? (?:\\w+ )?estimates\\b',
      '\\brecord (?:profit|revenue|sales|earnings|results|year)\\b', '\\brais(?:es|ed|ing) (?:\\$|£|€|chf|usd|eur)? ?[0-9]', '\\bfunding round\\b', '\\bseries [a-f] (?:round|funding)',
      '\\bcapital (?:increase|injection)\\b', '\\bupgrade[ds]?\\b(?! (?:of|to) (?:its|the) (?:software|systems?|network|plant|facilit))', '\\bwins? (?:a |an )?(?:' + W + ' ){0,2}(?:contract|order|deal|tender)\\b', '\\bwon (?:a |an )?(?:' + W + ' ){0,2}(?:contract|order|deal|tender)\\b',
      '\\bmajor (?:contract|order)\\b', '\\bbeats? (?:' + W + ' )?(?:expectations|estimates|forecasts)', '\\brais(?:es|ed) (?:its |full-year )?(?:guidance|forecast|outlook)',
      '\\bprofits? (?:rose|jumped|soared|surged|doubled)', '\\breturn(?:ed|s)? to profit', '\\bback (?:in|to) (?:the )?black', '\\bemerge[sd]? from (?:bankruptcy|administration|chapter 11)',
      '\\brefinanc(?:ing|ed) (?:' + W + ' )?(?:secured|completed)', '\\bhir(?:e|es|ing) [0-9]',
      '\\b(?:profits?|earnings|revenues?|sales|turnover) (?:' + W + ' ){0,4}(?:rose|increased|jumped|soared|surged|doubled|climbed|grew|up [0-9])', '\\b(?:profit|earnings|revenue|sales) (?:rise|jump|surge|growth) of\\b', '\\b[0-9]+(?:\\.[0-9]+)? (?:per ?cent|percent|%) (?:profit|earnings|revenue|sales) (?:rise|jump|increase)',
      '\\b(?:ahead of|above|beating|beat|exceed(?:ed|ing|s)?) (?:' + W + ' ){0,2}(?:expectations|estimates|forecasts|consensus)', '\\brecord profits\\b', '\\b(?:largest|biggest|record)[- ](?:ever )?(?:' + W + ' )?dividend', '\\breinstat(?:e|es|ed|ing) (?:the |its )?(?:dividend|payout)', '\\bshare buyback\\b',
      '\\b(?:secures?|secured|awarded|lands?|landed|signs?|signed) (?:a |an )?(?:' + W + ' ){0,3}(?:contract|order|deal)s? (?:worth|valued|for|to (?:build|supply|deliver))',
    ],
  },
  fr: {
    insolvency: [
      '\\bredressements judiciaires\\b', '\\bmandataire judiciaire\\b', '\\bliquidateur judiciaire\\b',
      '\\bfaillite\\b', '\\b(?:mise|mis|placee?s?|prononcee?) en faillite', '\\bredressement judiciaire\\b', '\\bliquidation judiciaire\\b',
      '\\bdepot de bilan\\b', '\\bdepose(?:r|nt)? (?:le|son) bilan', '\\binsolvab(?:le|ilite)\\b', '\\bcessation (?:des |de )?paiements?\\b',
      '\\bouverture de (?:la )?faillite', '\\bprocedure collective', '\\bsurendettement (?:' + W + ' )?avis',
      '\\bprocedure (?:judiciaire )?de redressement\\b', '\\bprocedure ouverte (?:' + W + ' )?par le tribunal', '\\b(?:place|placee|places|placees|mise?s?) en liquidation\\b',
    ],
    debt_restructuring: [
      '\\bsursis concordataire\\b', '\\bconcordat\\b', '\\bprocedure de sauvegarde\\b', '\\bsauvegarde (?:acceleree|judiciaire)', '\\brestructuration de (?:la |sa |leur )?dette',
      '\\bmandat ad hoc\\b', '\\bmoratoire\\b', '\\bplan de (?:restructuration|sauvegarde|sauvetage)\\b', '\\bprocedure de restructuration\\b', '\\brestructuration financiere\\b', '\\bprocedure de conciliation\\b', '\\bplan de continuation\\b', '\\bsursis (?:provisoire|definitif)',
    ],
    liquidation: [
      '\\bliquidation\\b(?! (?:judiciaire|de (?:ses |leurs )?(?:positions|stocks)))', '\\ben liquidation\\b(?! judiciaire)', '\\bdissolution (?:de la |d\'une )?(?:societe|entreprise|association|cooperative)',
      '\\bsociete (?:' + W + ' ){0,2}dissoute', '\\bradiee? du registre du commerce', '\\bradiation (?:de la societe|d\'office|du registre)', '\\bcessation (?:immediate |definitive )?d\'activites?\\b', '\\bliquidee?s?\\b',
      '\\bferme (?:definitivement )?ses portes',
    ],
    debt_enforcement: [
      '\\bfait assigner\\b',
      '\\boffice des poursuites\\b', '\\bpoursuites? (?:pour dettes|contre|engagees?)', '\\bcontrainte (?:de|d\'un montant|pour)\\b', '\\bassignation en (?:redressement|liquidation)', '\\brequerir la poursuite\\b', '\\brequisition de (?:poursuite|faillite)\\b', '\\bcommandement de payer\\b', '\\bsaisie(?:s)? (?:de|des|sur) (?:biens|comptes|salaires?|avoirs)',
      '\\bsaisie-execution', '\\bsaisie (?:[a-z0-9\',.]+ ){1,5}sur (?:les |ses )?(?:comptes|biens|avoirs)', '\\bsaisie conservatoire', '\\bcomminatoire de faillite', '\\bactes? de defaut de biens\\b', '\\bencheres forcees\\b',
      '\\bvente (?:aux encheres )?forcee', '\\bhuissier', '\\binjonction de payer\\b', '\\bsequestre\\b', '\\brealisation forcee',
    ],
    payment_delay: [
      '\\bretards? (?:de|dans les) paiements?', '\\bimpayes?\\b', '\\bsalaires? (?:' + W + ' ){0,2}(?:non|pas) (?:ete )?(?:verses|payes)', '\\bsalaires? impayes',
      '\\bn\'a pas (?:verse|paye|regle) (?:les |ses )?(?:salaires|factures|fournisseurs)', '\\bfournisseurs? (?:impayes|attendent|pas payes)', '\\bdefaut de paiement\\b',
      '\\barrieres (?:de salaires|de paiement|de loyer)', '\\bfactures (?:en souffrance|impayees|en retard)',
    ],
    financial_distress: [
      '\\bdans la tourmente\\b', '\\ben difficultes?\\b', '\\bsur la sellette\\b', '\\bchute de (?:pres de |plus de )?[0-9]', '\\bbaisse de (?:pres de |plus de )?[0-9][0-9,]* ?%', "\\btete sous l'eau\\b", '\\ben crise\\b', '\\bperd(?:re|u|ait)? [0-9][0-9,.]* (?:millions|milliards)',
      '\\bavertissement sur (?:les )?(?:resultats|benefices)\\b', '\\bperte nette\\b', '\\bpertes? (?:record|importante|abyssale|massive|de [0-9])', '\\bdans le rouge\\b',
      '\\bchiffres rouges\\b', '\\bdifficultes financieres\\b', '\\bproblemes de (?:liquidite|tresorerie)', '\\btensions de tresorerie', '\\bmanque de liquidites',
      '\\bsurendettement', '\\bsurendettee?s?\\b', '\\bperte de capital\\b', '\\bart\\. ?725\\b', '\\bnote (?:' + W + ' )?(?:degradee|abaissee)', '\\bdegradation de (?:la |sa )?note',
      '\\b(?:abaisse|degrade) (?:sa|la) note', '\\bcontinuite d\'exploitation\\b', '\\bplan de sauvetage\\b', '\\bdepreciation(?:s)? (?:de|d\'actifs)', '\\babaisse (?:ses|son) (?:objectifs?|previsions?)',
      '\\bl\'action (?:' + W + ' )?(?:plonge|s\'effondre|chute)',
    ],
    layoffs: [
      '\\bferme(?:nt|ront)? (?:definitivement|leurs portes)', '\\bfermeture (?:immediate |definitive )?(?:des|de ses) (?:[0-9]+ )?(?:magasins|boutiques|usines|sites)',
      '\\bsuppressions? (?:de |d\')?(?:' + W + ' ){0,2}(?:postes|emplois)', '\\bsupprim(?:e|er|era|ent|ait) (?:' + W + ' ){0,5}(?:postes|emplois)', '\\blicenciements?\\b',
      '\\bplan social\\b', '\\bchomage partiel\\b', '\\breduction de l\'horaire de travail\\b', '\\brht\\b', '\\bfermeture (?:de |d\'|du |des )(?:l\')?(?:' + W + ' ){0,2}(?:l\')?(?:usines?|sites?|magasins?|succursales?)',
      '\\blicencie\\b', '\\bplan de departs', '\\blicenciement collectif', '\\bdeparts volontaires\\b', '\\bplans sociaux\\b',
    ],
    legal_dispute: [
      '\\bplainte\\b', '\\bporte plainte', '\\bpoursuivie? en justice', '\\bproces\\b', '\\bfraude\\b', '\\bescroquerie', '\\bblanchiment', '\\bcorruption',
      '\\bamende\\b', '\\benquete (?:penale|pour|contre|ouverte|sur)', '\\bperquisition', '\\bmise en examen', '\\bcondamnee?\\b', '\\bsanctions? (?:contre|infligee)',
      '\\blitige\\b', '\\baction (?:collective|en justice)', '\\bdetournement',
    ],
    management_change: [
      '\\bnominations?\\b', '\\bremplacer\\b', '\\bsucced(?:e|era|ait)\\b', '\\bpartira\\b', '\\brevocation\\b', '\\bdirect(?:eur|rice) general(?:e)? par interim\\b',
      '\\bdemission(?:ne|nent)?\\b', '\\bquitte (?:la direction|ses fonctions|son poste|la presidence)', '\\bnouveau (?:directeur|ceo|pdg|president|patron|directeur general)',
      '\\bnouvelle (?:directrice|ceo|pdg|presidente|patronne)', '\\bnommee? (?:' + W + ' ){0,2}(?:directeur|directrice|ceo|pdg|president|presidente)', '\\bprend la (?:direction|tete|presidence)',
      '\\b(?:procuration|signature) (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radiee?s?', '\\bsignature (?:collective|individuelle) (?:' + W + ' ){0,3}conferee',
      '\\bpouvoirs? (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radies?', '\\bmembres? (?:' + W + ' ){0,3}radies?', '\\bposte (?:' + W + ' ){0,2}(?:sera )?assure par\\b', '\\bprend (?:' + W + ' )?les renes\\b',
    ],
    ownership_change: [
      '\\bracheter\\b', '\\brepreneurs?\\b', '\\boffres? de reprise', "\\bmanifestation d'interet",
      '\\brachat\\b', '\\brachete(?:e)? par\\b', '\\brachete\\b', '\\bacquisition\\b', '\\bacquiert\\b', '\\bfusion\\b', '\\bfusionne', '\\bprise de controle',
      '\\bcede (?:sa|ses|son) ', '\\bcession de (?:sa|la|ses|l\')', '\\breprise (?:de la societe|de l\'entreprise|par)\\b', '\\breprise? par\\b', '\\bopa\\b', '\\bvendue? (?:a|au)\\b',
    ],
    positive: [
      "\\bcommande (?:de|d'|pour) (?:[0-9]|\\w+ [0-9])",
      '\\baugmentation (?:de|du) capital\\b', '\\blevee de fonds\\b', '\\bleve (?:' + W + ' )?[0-9]', '\\bbenefice record', '\\bchiffre d\'affaires record', '\\bgrosse commande',
      '\\bcommande (?:geante|record|importante)', '\\bdecroche (?:un|une) (?:' + W + ' )?(?:contrat|commande|marche)', '\\bremporte (?:un|une) (?:' + W + ' )?(?:contrat|marche|commande)',
      '\\bnote (?:' + W + ' )?(?:relevee|rehaussee)', '\\brelevement de (?:la |sa )?note', '\\bretour aux benefices', '\\bbenefice (?:' + W + ' )?en hausse',
      '\\bcreation de (?:' + W + ' )?(?:postes|emplois)', '\\brel[e]v(?:e|ent) (?:ses|leurs|son) (?:objectifs|previsions)',
      '\\b(?:remporte|remporter|decroche|decrocher|signe|signer|obtient|obtenu) (?:' + W + ' ){0,4}(?:contrats?|commandes?|marches?)\\b(?! (?:public|de l\'emploi|du travail))', '\\bcontrat (?:geant |gigantesque )?(?:de|d\'un montant de) [0-9]', '\\bresultats? (?:exceptionnels?|records?|en hausse)', '\\bhausse (?:des|du|de ses) (?:benefices?|resultats?|profits?)', '\\bbenefices? (?:' + W + ' ){0,2}(?:en hausse|record|bondit|grimpe|progresse)',
    ],
  },
  it: {
    insolvency: [
      '\\bcommissario straordinario\\b', '\\bdichiarat[oa] (?:\\w+ ){0,2}fallit',
      '\\bfallimento\\b', '\\bfallit[oa]\\b', '\\bdichiarat[oa] fallit', '\\binsolvenza\\b', '\\binsolvente\\b', '\\bbancarotta\\b(?! fraudolent)', '\\bliquidazione giudiziale\\b',
      '\\bprocedura concorsuale', '\\bamministrazione straordinaria\\b', '\\bapertura del fallimento', '\\bcrac\\b', '\\bcrack\\b',
      '\\bfallisce\\b', '\\bfalliscono\\b', '\\bcommissariamento\\b', '\\bdichiara(?:to|ta)? (?:il )?fallimento\\b',
    ],
    debt_restructuring: [
      '\\bconcordato (?:preventivo|in bianco|con riserva)?', '\\bristrutturazione del (?:debito|suo debito)', '\\baccordo di ristrutturazione', '\\bmoratoria\\b',
      '\\bcomposizione negoziata\\b', '\\bmoratoria concordataria\\b', '\\bpiano di risanamento\\b', '\\baccordi di ristrutturazione', '\\bpiano (?:di ristrutturazione|di concordato|concordatario)\\b',
      '\\b(?:sentenza di )?omolog(?:a|azione|ando|ato|ata) (?:' + W + ' ){0,3}(?:accordi|concordato|piano)',
    ],
    liquidation: [
      '\\bliquidazione\\b(?! giudiziale)', '\\bin liquidazione\\b', '\\bscioglimento (?:della|di una) societa', '\\bmessa in liquidazione\\b',
      '\\bcancellazione dal registro (?:delle imprese|di commercio)', '\\bcancellata dal registro', '\\bcessazione dell\'attivita', '\\bchiude i battenti',
    ],
    debt_enforcement: [
      '\\besecuzione forzata\\b', '\\bsequestro conservativo\\b', '\\bprecetto\\b', '\\bistanza di fallimento\\b', '\\bricorso per (?:la dichiarazione di )?fallimento\\b', '\\bdecreto ingiuntivo\\b', '\\bpignoramento', '\\bpignorat[oia]', '\\basta giudiziaria\\b', '\\bincanto\\b',
      '\\bufficio (?:di |delle )?esecuzion[ei]', '\\bcommination[ei] di fallimento', '\\battestato di carenza beni', '\\bprecetto esecutivo',
    ],
    payment_delay: [
      '\\bstipendi[oa]? (?:\\w+ ){0,3}(?:in ritardo|a rischio)', '\\bmeta dello stipendio\\b', '\\britardare (?:i )?pagamenti\\b',
      '\\britard[oi] (?:nei|nel|dei) pagament', '\\bstipendi (?:non pagati|arretrati|in ritardo|non versati)', '\\bmancat[oi] pagament', '\\bfornitori (?:non pagati|in attesa)',
      '\\binsolut[ie]\\b', '\\bdebiti scaduti', '\\bfatture (?:non pagate|scadute)', '\\bnon (?:ha |hanno )?(?:pagato|versato) (?:gli |i )?(?:stipendi|fornitori|salari)',
    ],
    financial_distress: [
      '\\bin crisi\\b', "\\bcrisi (?:della|del|dell'|di)\\b", '\\bproblem[ai] di liquidita', '\\bin difficolta\\b',
      '\\ballarme (?:sugli )?utili\\b', '\\bperdita netta\\b', '\\bperdite (?:record|pesanti|per)\\b', '\\bin rosso\\b', '\\bconti in rosso', '\\bdifficolta finanziarie\\b',
      '\\bcrisi di liquidita', '\\bcrisi finanziaria', '\\bdeclassat[oa]\\b', '\\bdeclassamento', '\\btaglio del rating', '\\brating (?:' + W + ' )?(?:tagliato|abbassato|ridotto)',
      '\\bcontinuita aziendale\\b', '\\bsovraindebitamento', '\\bsalvataggio', '\\bsvalutazion[ei]', '\\btaglia (?:le )?stime', '\\btitolo (?:' + W + ' )?(?:crolla|affonda)',
      '\\bperdita di capitale\\b', '\\bart\\. ?725\\b',
    ],
    layoffs: [
      'posti di lavoro a rischio', '\\bcontratti di solidarieta\\b',
      '\\blicenziament[io]\\b', '\\btagli(?:o)? (?:di |dei |del )?(?:' + W + ' ){0,2}(?:posti|dipendenti|personale)', '\\besuberi\\b', '\\bcassa integrazione\\b',
      '\\bchiusura (?:dello |della |del |di )(?:' + W + ' ){0,2}(?:stabilimento|stabilimenti|fabbrica|sito|negozi|filiali)', '\\bridimensionamento del personale', '\\blavoro ridotto\\b',
      '\\btaglia (?:' + W + ' ){0,3}posti di lavoro', '\\btagli(?:a|ano|era)? (?:' + W + ' ){0,3}(?:dipendenti|posti|lavoratori)\\b',
    ],
    legal_dispute: [
      '\\bdenuncia (?:contro|nei confronti|penale)', '\\b(?:sporto|presentato|presentata) (?:una )?denuncia', '\\bquerela', '\\bbancarotta fraudolenta', '\\bindagat[oia]', '\\bindagine (?:su|per|nei confronti)', '\\bfrode\\b', '\\btruffa\\b', '\\briciclaggio', '\\bcorruzione', '\\bmulta\\b',
      '\\bsanzion[ei] (?:a|contro|per)', '\\bcondannat[oa]', '\\bprocesso (?:a|contro)', '\\bcausa (?:legale|contro)', '\\bperquisizion', '\\bcontenzioso', '\\bsequestr[oa]',
    ],
    management_change: [
      '\\bnomina (?:di|del|della)\\b', '\\bsuccede\\b', '\\bnomina (?:pro tempore|come|quale|alla|al)\\b', '\\bnuovo vertice\\b', '\\bal vertice (?:di|del|della)\\b',
      '\\bdimission[ie]\\b', '\\bsi (?:e )?dimess[oa]', '\\bsi dimette', '\\bnuov[oa] (?:amministratore delegato|amministratrice delegata|ad|ceo|direttore|direttrice|presidente)',
      '\\bnominat[oa] (?:' + W + ' ){0,2}(?:amministratore delegato|ceo|direttore|direttrice|presidente)', '\\blascia (?:la guida|l\'incarico|il ruolo|la carica)',
      '\\bprocura (?:' + W + ' ){0,4}(?:cancellata|estinta)', '\\bfirma (?:collettiva|individuale) (?:' + W + ' ){0,3}conferita', '\\bpoteri di firma (?:' + W + ' ){0,3}(?:cancellati|estinti)',
    ],
    ownership_change: [
      '\\bacquisire\\b', '\\bmanifestazione di interesse\\b', '\\bnuov[oi] propriet',
      '\\bacquisizione\\b', '\\bacquisisce\\b', '\\bacquista\\b', '\\bfusione\\b', '\\bcessione (?:di|del|della)\\b', '\\bcede (?:il|la|le|i)\\b', '\\bcedut[oa] a\\b',
      '\\brilev(?:a|ata|ato)\\b', '\\bopa\\b', '\\bpassa (?:sotto il controllo|nelle mani)', '\\bincorporazione',
    ],
    positive: [
      '\\buna commessa\\b', '\\bcommesse\\b',
      '\\baumento di capitale\\b', '\\bround di finanziamento\\b', '\\butile record\\b', '\\bricavi record', '\\bmaxi[- ]?commessa', '\\bcommessa (?:da|di|record|importante)',
      '\\baggiudica(?:ta|to)? (?:' + W + ' )?(?:un|una) (?:' + W + ' )?(?:commessa|appalto|contratto)', '\\bpromoss[oa]\\b', '\\brating (?:' + W + ' )?(?:alzato|migliorato)',
      '\\butile (?:' + W + ' )?(?:in crescita|in aumento)', '\\bnuove assunzioni', '\\bassum(?:e|era) [0-9]', '\\btorna (?:all\'utile|in utile)', '\\balza (?:le )?stime',
      '\\brisultati (?:' + W + ' )?(?:in crescita|in aumento|record|sopra le attese)', '\\bnuovo record\\b', '\\b(?:ricavi|fatturato|utile|utili) (?:' + W + ' ){0,3}(?:in crescita|in aumento|cresc(?:e|ono|iuti?)|balza(?:no)?|sal(?:e|gono))', '\\b(?:vince|vinto|ottiene|ottenuto|firma(?:to)?) (?:' + W + ' ){0,3}(?:commessa|commesse|contratto|appalto)',
    ],
  },
};

export interface CompiledLexicon {
  /**
   * All triggers of the language in one global regex, one capture group per event type (in
   * `types` order): the reference `findTriggers` reproduces (the pre-filter test checks it).
   */
  all: RegExp;
  types: EventType[];
  /**
   * The literal anchors of every trigger pattern (anchors.ts) in one Aho–Corasick scanner: a
   * folded text without an anchor has no trigger, and a pattern runs only where one of its own
   * anchors occurs.
   */
  anchors: LiteralScanner;
  /** Every trigger pattern on its own, in the order of `all`. */
  patterns: Array<{ re: RegExp; type: EventType }>;
  /** Anchor index → the patterns that own that anchor. */
  owners: number[][];
}

export function compileLexicon(lang: string): CompiledLexicon {
  const langs: LexiconLang[] = ['any', (['de', 'en', 'fr', 'it'] as const).find((l) => l === lang) ?? 'en'];
  const byTypeSrc = new Map<EventType, string[]>();
  for (const l of langs) {
    for (const [type, patterns] of Object.entries(LEXICON[l]) as Array<[EventType, string[]]>) {
      byTypeSrc.set(type, [...(byTypeSrc.get(type) ?? []), ...patterns.map((p) => foldPattern(p, lang))]);
    }
  }
  const types = [...byTypeSrc.keys()];
  const patterns: CompiledLexicon['patterns'] = [];
  const anchorIds = new Map<string, number>();
  const owners: number[][] = [];
  for (const type of types) {
    for (const src of byTypeSrc.get(type)!) {
      const a = anchorsOf(src);
      if (!a) throw new Error(`lexicon pattern without a literal of three letters (no pre-filter anchor): ${src}`);
      const index = patterns.length;
      patterns.push({ re: new RegExp(src, 'g'), type });
      for (const x of a) {
        let id = anchorIds.get(x);
        if (id === undefined) {
          anchorIds.set(x, (id = owners.length));
          owners.push([]);
        }
        owners[id]!.push(index);
      }
    }
  }
  return {
    all: new RegExp(types.map((t) => `(${byTypeSrc.get(t)!.join('|')})`).join('|'), 'g'),
    types,
    anchors: buildLiteralScanner([...anchorIds.keys()]),
    patterns,
    owners,
  };
}

export interface TriggerMatch {
  start: number;
  end: number;
  type: EventType;
}

/**
 * The triggers in a folded text, as one scan of `all` finds them (leftmost match first, the
 * earlier pattern on a tie, no overlaps), but running only the patterns whose anchors occur.
 */
export function findTriggers(folded: string, lex: CompiledLexicon, first = false): TriggerMatch[] {
  const found = new Set<number>();
  lex.anchors.collect(folded, found);
  if (found.size === 0) return [];
  const run = new Set<number>();
  for (const id of found) for (const p of lex.owners[id]!) run.add(p);
  const hits: Array<TriggerMatch & { order: number }> = [];
  for (const order of run) {
    const { re, type } = lex.patterns[order]!;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, type, order });
      if (first) break;
    }
    re.lastIndex = 0;
    // Asked whether there is any trigger at all: the first one found settles it.
    if (first && hits.length > 0) return [hits[0]!];
  }
  hits.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: TriggerMatch[] = [];
  let to = 0;
  for (const h of hits) {
    if (h.start < to) continue;
    out.push({ start: h.start, end: h.end, type: h.type });
    to = h.end;
    if (first) break;
  }
  return out;
}

/** Folds umlauts and case in a pattern like the text, leaving escapes (all lower-case) intact. */
function foldPattern(p: string, lang: string): string {
  return foldText(p, lang);
}
