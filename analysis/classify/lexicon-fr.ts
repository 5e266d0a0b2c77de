import { W, type LexiconPatterns } from './lexicon-types.js';

/** French trigger patterns per event type, folded like French text (see lexicon.ts for the rules patterns follow). */
export const LEXICON_FR: LexiconPatterns = {
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
    '\\bn\'a pas (?:verse|paye|regle) (?:les |ses )?(?:salaires|factures|fournisseurs)', '\\bn\'(?:a|ont|avait|avaient) (?:toujours )?pas (?:verse|paye|regle|honore|acquitte) (?:' + W + ' ){0,3}(?:salaires|factures|loyers?|cotisations|dettes?|echeances?|fournisseurs|creanciers)\\b', '\\bfournisseurs? (?:impayes|attendent|pas payes)', '\\bdefaut de paiement\\b',
    '\\barrieres (?:de salaires|de paiement|de loyer)', '\\bfactures (?:en souffrance|impayees|en retard)',
  ],
  financial_distress: [
    '\\bdans la tourmente\\b', '\\ben difficultes?\\b', '\\bsur la sellette\\b', '\\bchute de (?:pres de |plus de )?[0-9]', '\\bbaisse de (?:pres de |plus de )?[0-9][0-9,]* ?%', "\\btete sous l'eau\\b", '\\ben crise\\b', '\\bperd(?:re|u|ait)? [0-9][0-9,.]* (?:millions|milliards)',
    '\\bavertissement sur (?:les )?(?:resultats|benefices)\\b', '\\bperte nette\\b', '\\bpertes? (?:record|importante|abyssale|massive|de [0-9])', '\\bdans le rouge\\b',
    '\\bchiffres rouges\\b', '\\bdifficultes financieres\\b', '\\bproblemes de (?:liquidite|tresorerie)', '\\btensions de tresorerie', '\\bmanque de liquidites',
    '\\bsurendettement', '\\bsurendettee?s?\\b', '\\bperte de capital\\b', '\\bart\\. ?725\\b', '\\bnote (?:' + W + ' )?(?:degradee|abaissee)', '\\bdegradation de (?:la |sa )?note',
    '\\b(?:abaisse|degrade) (?:sa|la) note', '\\bcontinuite d\'exploitation\\b', '\\bplan de sauvetage\\b', '\\bdepreciation(?:s)? (?:de|d\'actifs)', '\\babaisse (?:ses|son) (?:objectifs?|previsions?)',
    '\\bl\'action (?:' + W + ' )?(?:plonge|s\'effondre|chute)',
    'situation financiere (?:' + W + ' ){0,4}(?:inquiet|preoccupant|difficile|critique|degrade)', '\\b(?:s\'inquiet\\w*|inquiet\\w*) de la situation financiere', '\\bendettement (?:colossal|massif|record|abyssal)', '\\bdette (?:' + W + ' ){0,3}colossale', '\\bplombee? par (?:une |la |sa |ses )?dette', '\\ben (?:grande |grave )?difficulte\\b', '\\bcapitalisation (?:' + W + ' ){0,3}fondu', '\\bbaisse de (?:plus de )?\\d+ ?% en bourse',
    'situation financiere (?:' + W + ' ){0,3}(?:perilleuse|delicate|tendue|fragile|precaire|compliquee)', '\\bproblemes? de (?:rentabilite|financement)', '\\bperte (?:operationnelle|d\'exploitation|semestrielle|annuelle|trimestrielle)', '\\baccuse (?:une |des |de lourdes |une lourde )?(?:pertes?|baisse)\\b', '\\ba la baisse (?:ses |son |sa |les )?(?:objectifs?|previsions?|perspectives?)\\b', '\\b(?:objectifs?|previsions?|perspectives?) (?:' + W + ' ){0,3}a la baisse\\b', '\\bnote (?:de (?:' + W + ' ){1,3})?(?:a ete |est )?(?:abaissee|degradee|reduite)', '\\b(?:abaisse|degrade|reduit|coupe) (?:' + W + ' ){0,3}(?:la |sa )?note\\b',
  ],
  layoffs: [
    '\\bferme(?:nt|ront)? (?:definitivement|leurs portes)', '\\bfermeture (?:immediate |definitive )?(?:des|de ses) (?:[0-9]+ )?(?:magasins|boutiques|usines|sites)',
    '\\bsuppressions? (?:de |d\')?(?:' + W + ' ){0,2}(?:postes|emplois)', '\\bsupprim(?:e|er|era|ent|ait) (?:' + W + ' ){0,5}(?:postes|emplois)', '\\blicenciements?\\b',
    '\\bplan social\\b', '\\bchomage partiel\\b', '\\breduction de l\'horaire de travail\\b', '\\brht\\b', '\\bfermeture (?:de |d\'|du |des )(?:l\')?(?:' + W + ' ){0,2}(?:l\')?(?:usines?|sites?|magasins?|succursales?)',
    '\\blicencie\\b', '\\bplan de departs', '\\blicenciement collectif', '\\bdeparts volontaires\\b', '\\bplans sociaux\\b',
    '\\b(?:biff|sabr|supprim|taill)(?:e|er|era|ent|ait|ant|es|ee|ees)? (?:' + W + ' ){0,5}(?:postes|emplois|effectifs)\\b', '\\b(?:postes|emplois) (?:' + W + ' ){0,3}(?:supprimes|detruits)\\b', '\\bse separer de (?:' + W + ' ){0,3}(?:personnes|salaries|collaborateurs|employes)\\b', '\\breduction (?:des |de ses |de leurs )?effectifs\\b', '\\bchomage technique\\b', '\\bactivite partielle\\b',
  ],
  legal_dispute: [
    '\\bplainte\\b', '\\bporte plainte', '\\bpoursuivie? en justice', '\\bproces\\b', '\\bfraude\\b', '\\bescroquerie', '\\bblanchiment', '\\bcorruption',
    '\\bamende\\b', '\\benquete (?:penale|pour|contre|ouverte|sur)', '\\bperquisition', '\\bmise en examen', '\\bcondamnee?\\b', '\\bsanctions? (?:contre|infligee)',
    '\\blitige\\b', '\\baction (?:collective|en justice)', '\\bdetournement',
    '\\bsanctionnee?s? par\\b', '\\bfait grief\\b', '\\bappel interjete\\b', '\\bactions? judiciaires?\\b', '\\blitige\\b',
  ],
  management_change: [
    '\\bnominations?\\b', '\\bremplacer\\b', '\\bsucced(?:e|era|ait)\\b', '\\bpartira\\b', '\\brevocation\\b', '\\bdirect(?:eur|rice) general(?:e)? par interim\\b',
    '\\bdemission(?:ne|nent)?\\b', '\\bquitte (?:la direction|ses fonctions|son poste|la presidence)', '\\bnouveau (?:directeur|ceo|pdg|president|patron|directeur general)',
    '\\bnouvelle (?:directrice|ceo|pdg|presidente|patronne)', '\\bnommee? (?:' + W + ' ){0,2}(?:directeur|directrice|ceo|pdg|president|presidente)', '\\bprend la (?:direction|tete|presidence)',
    '\\b(?:procuration|signature) (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radiee?s?', '\\bsignature (?:collective|individuelle) (?:' + W + ' ){0,3}conferee',
    '\\bpouvoirs? (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radies?', '\\bmembres? (?:' + W + ' ){0,3}radies?', '\\bposte (?:' + W + ' ){0,2}(?:sera )?assure par\\b', '\\bprend (?:' + W + ' )?les renes\\b',
    '\\bdepart (?:de |d\'|du )(?:' + W + ' ){0,4}(?:directeur|directrice|pdg|ceo|president|presidente|patron|dg)\\b', '\\bdebarquee?\\b', '\\bprend (?:ses fonctions|la releve)\\b',
  ],
  ownership_change: [
    '\\bracheter\\b', '\\brepreneurs?\\b', '\\boffres? de reprise', "\\bmanifestation d'interet",
    '\\brachat\\b', '\\brachete(?:e)? par\\b', '\\brachete\\b', '\\bacquisition\\b', '\\bacquiert\\b', '\\bfusion\\b', '\\bfusionne', '\\bprise de controle',
    '\\bcede (?:sa|ses|son) ', '\\bcession de (?:sa|la|ses|l\')', '\\breprise (?:de la societe|de l\'entreprise|par)\\b', '\\breprise? par\\b', '\\bopa\\b', '\\bvendue? (?:a|au)\\b',
    '\\bmet(?:tre)? la main sur\\b', '\\bdans l\'escarcelle\\b', '\\bempocher\\b', '\\bceder\\b', '\\bvend (?:ses|sa|son)\\b', '\\breprendre\\b', '\\bfait (?:desormais )?partie du (?:' + W + ' ){0,4}portefeuille', '\\brepreneurs?\\b',
  ],
  positive: [
    "\\bcommande (?:de|d'|pour) (?:[0-9]|\\w+ [0-9])",
    '\\baugmentation (?:de|du) capital\\b', '\\blevee de fonds\\b', '\\bleve (?:' + W + ' )?[0-9]', '\\bbenefice record', '\\bchiffre d\'affaires record', '\\bgrosse commande',
    '\\bcommande (?:geante|record|importante)', '\\bdecroche (?:un|une) (?:' + W + ' )?(?:contrat|commande|marche)', '\\bremporte (?:un|une) (?:' + W + ' )?(?:contrat|marche|commande)',
    '\\bnote (?:' + W + ' )?(?:relevee|rehaussee)', '\\brelevement de (?:la |sa )?note', '\\bretour aux benefices', '\\bbenefice (?:' + W + ' )?en hausse',
    '\\bcreation de (?:' + W + ' )?(?:postes|emplois)', '\\brel[e]v(?:e|ent) (?:ses|leurs|son) (?:objectifs|previsions)',
    '\\b(?:remporte|remporter|decroche|decrocher|signe|signer|obtient|obtenu) (?:' + W + ' ){0,4}(?:contrats?|commandes?|marches?)\\b(?! (?:public|de l\'emploi|du travail))', '\\bcontrat (?:geant |gigantesque )?(?:de|d\'un montant de) [0-9]', '\\bresultats? (?:exceptionnels?|records?|en hausse)', '\\bhausse (?:des|du|de ses) (?:benefices?|resultats?|profits?)', '\\bbenefices? (?:' + W + ' ){0,2}(?:en hausse|record|bondit|grimpe|progresse)',
  ],
};
