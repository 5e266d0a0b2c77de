import { W, type LexiconPatterns } from './lexicon-types.js';

/** French trigger patterns per event type, folded like French text (see lexicon.ts for the rules patterns follow). */
export const LEXICON_FR: LexiconPatterns = {
  insolvency: [
    '\\bredressements judiciaires\\b', '\\bmandataire judiciaire\\b', '\\bliquidateur judiciaire\\b',
    '\\bfaillite\\b', '\\b(?:mise|mis|placee?s?|prononcee?) en faillite', '\\bredressement judiciaire\\b', '\\bliquidation judiciaire\\b',
    '\\bdepot de bilan\\b', '\\bdepose(?:r|nt)? (?:le|son) bilan', '\\binsolvab(?:le|ilite)\\b', '\\bcessation (?:des |de )?paiements?\\b',
    '\\bouverture de (?:la )?faillite', '\\bprocedure collective', '\\bsurendettement (?:' + W + ' )?avis',
    // The observation period exists only inside a court procedure ("prolongement de la période d'observation du groupe").
    '\\bperiode d\'observation\\b',
    '\\bprocedure (?:judiciaire )?de redressement\\b', '\\bprocedure ouverte (?:' + W + ' )?par le tribunal', '\\b(?:place|placee|places|placees|mise?s?) en liquidation\\b',
  ],
  debt_restructuring: [
    '\\bsursis concordataire\\b', '\\bconcordat\\b', '\\bprocedure de sauvegarde\\b', '\\bsauvegarde (?:acceleree|judiciaire)', '\\brestructuration de (?:la |sa |leur )?dette',
    '\\bmandat ad hoc\\b', '\\bmoratoire\\b', '\\bplan de (?:restructuration|sauvegarde|sauvetage)\\b(?! de l.emploi)', '\\bprocedure de restructuration\\b', '\\brestructuration financiere\\b', '\\bprocedure de conciliation\\b', '\\bplan de continuation\\b', '\\bsursis (?:provisoire|definitif)',
  ],
  liquidation: [
    '\\bliquidation\\b(?! (?:judiciaire|de (?:ses |leurs )?(?:positions|stocks)))', '\\ben liquidation\\b(?! judiciaire)', '\\bdissolution (?:de la |d\'une )?(?:societe|entreprise|association|cooperative)',
    '\\bsociete (?:' + W + ' ){0,2}dissoute', '\\bradiee? du registre du commerce', '\\bradiation (?:de la societe|d\'office|du registre)', '\\bcessation (?:immediate |definitive )?d\'activites?\\b', '\\bliquidee?s?\\b',
    '\\bferme (?:definitivement )?ses portes', '\\b(?:mis|met|mettent|mettre|mettra|mettront|mettait|mettaient) la cle sous la porte\\b',
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
    // Salaires non versés sous toutes les formes ("les salaires du mois de juin n’ont pas été versés", "sans paie", "attendent le paiement des salaires").,
    '\\bsalaires? (?:' + W + ' ){0,5}(?:non|pas|plus|jamais) (?:encore )?(?:ete |encore ete )?(?:verses|payes|regles)\\b',
    '\\bsans (?:paie|paye|salaires?|remuneration)\\b',
    '\\battend(?:ent|ait|aient|re)? (?:' + W + ' ){0,6}(?:paiement|versement|reglement) (?:de leurs |des |de leur |de leurs |du )?(?:salaires?|paies?|factures?)\\b',
    '\\b(?:retards?|arrieres|arriere) (?:de |dans le |du )?(?:paiement|versement) (?:des |de leurs |du )?(?:salaires?|loyers?|factures?|fournisseurs)\\b',
    '\\barrieres (?:des |de )?(?:salaires|loyers|cotisations)\\b',
    '\\bne (?:paie|paye|paient|payent|verse|versent|regle|reglent|rembourse|remboursent) (?:plus|pas) (?:' + W + ' ){0,3}(?:salaires|salaries|fournisseurs|factures|loyers|cotisations|dettes|echeances|creanciers|sous-traitants)\\b',
    '\\bpa(?:ie|ye|ient|yent) (?:ses|leurs) (?:fournisseurs|factures|sous-traitants|salaries) (?:en retard|avec retard)\\b',
    '\\bsalaires? (?:' + W + ' ){0,2}en retard\\b|\\bpercoivent leurs salaires en retard\\b',
    '\\b(?:echeances?|mensualites|loyers|coupons?|interets) (?:' + W + ' ){0,2}(?:impayes|impayees|non (?:payes|payees|honores|honorees|regles|reglees))\\b',
    '\\bincidents? de paiement\\b',
    // Plus les fonds pour payer, ne pouvant payer ses employés ("n'avait pas les fonds pour nous payer les salaires").
    '\\bpas (?:les|assez de|suffisamment de|de) (?:fonds|tresorerie|liquidites|argent) pour (?:' + W + ' ){0,2}payer\\b',
    '\\b(?:ne )?(?:peut|peuvent|pouvait|pouvaient|pouvant|a pu|ont pu) (?:plus |pas )?payer (?:ses|les|leurs) (?:' + W + ' )?(?:salaries|salaires|employes|fournisseurs|loyers|factures|dettes|sous-traitants)\\b',
    // Salaires pas reçus, dettes envers fournisseurs et salariés, paiements suspendus ("n'ont pas reçu leur salaire", "doit … à ses fournisseurs").
    '\\bn.(?:ont|a|avaient|avait) (?:toujours |plus |jamais |pas )(?:rien )?(?:recu|touche|percu) (?:' + W + ' ){0,2}(?:salaires?|paies?|payes?|remunerations?)\\b',
    '\\bdoi(?:t|vent|vait|vaient) (?:' + W + ' ){0,5}a (?:ses|leurs) (?:fournisseurs|salaries|employes|sous-traitants|creanciers)\\b',
    '\\bsuspend(?:u|re|ait|ent)? (?:le |les )?(?:paiements?|versements?|remboursements?) (?:des |de ses |du |de leurs )?(?:interets|coupons?|salaires|loyers|dettes?)\\b',
  ],
  financial_distress: [
    '\\bdans la tourmente\\b', '\\ben difficultes?\\b', '\\bsur la sellette\\b', '\\bchute de (?:pres de |plus de )?[0-9]', '\\bbaisse de (?:pres de |plus de )?[0-9][0-9,]* ?%', "\\btete sous l'eau\\b", '\\ben crise\\b', '\\bperd(?:re|u|ait)? [0-9][0-9,.]* (?:millions|milliards)',
    '\\bavertissement sur (?:les )?(?:resultats|benefices)\\b', '\\bperte nette\\b', '\\bpertes? (?:record|importante|abyssale|massive|de [0-9])', '\\bdans le rouge\\b',
    '\\bchiffres rouges\\b', '\\bdifficultes financieres\\b', '\\bproblemes de (?:liquidite|tresorerie)', '\\btensions de tresorerie', '\\bmanque de liquidites',
    '\\bsurendettement', '\\bsurendettee?s?\\b', '\\bperte de capital\\b', '\\bart\\. ?725\\b', '\\bnote (?:' + W + ' )?(?:degradee|abaissee)', '\\bdegradation de (?:la |sa )?note',
    '\\b(?:abaisse|degrade) (?:sa|la) note', '\\bcontinuite d\'exploitation\\b', '\\bplan de sauvetage\\b', '\\bdepreciation(?:s)? (?:de|d\'actifs)', '\\babaisse (?:ses|son) (?:objectifs?|previsions?)',
    '\\bl\'action (?:' + W + ' )?(?:plonge|s\'effondre|chute)',
    '(?<=situation financiere (?:' + W + ' ){0,4})(?:inquiet|preoccupant|difficile|critique|degrade)', '\\b(?:s\'inquiet\\w*|inquiet\\w*) de la situation financiere', '\\bendettement (?:colossal|massif|record|abyssal)', '\\bdette (?:' + W + ' ){0,3}colossale', '\\bplombee? par (?:une |la |sa |ses )?dette', '\\ben (?:grande |grave )?difficulte\\b', '\\bcapitalisation (?:' + W + ' ){0,3}fondu', '\\bbaisse de (?:plus de )?\\d+ ?% en bourse',
    '(?<=situation financiere (?:' + W + ' ){0,3})(?:perilleuse|delicate|tendue|fragile|precaire|compliquee)', '\\bproblemes? de (?:rentabilite|financement)', '\\bperte (?:operationnelle|d\'exploitation|semestrielle|annuelle|trimestrielle)', '\\baccuse (?:une |des |de lourdes |une lourde )?(?:pertes?|baisse)\\b', '\\ba la baisse (?:ses |son |sa |les )?(?:objectifs?|previsions?|perspectives?)\\b', '\\b(?:objectifs?|previsions?|perspectives?) (?:' + W + ' ){0,3}a la baisse\\b', '\\bnote (?:de (?:' + W + ' ){1,3})?(?:a ete |est )?(?:abaissee|degradee|reduite)', '\\b(?:abaisse|degrade|reduit|coupe) (?:' + W + ' ){0,3}(?:la |sa )?note\\b',
    // Pertes et trésorerie sous d'autres formes ("en perte", "lourdes pertes", "difficultés de trésorerie", "alerte sur ses résultats").,
    '\\ben perte\\b|\\blourdes? pertes?\\b|\\bpertes? (?:nettes?|operationnelles?|historiques?|colossales?)\\b',
    '\\bdifficultes de (?:tresorerie|financement|paiement)\\b|\\btresorerie (?:' + W + ' ){0,2}(?:tendue|exsangue|a sec|insuffisante)\\b',
    '\\balerte sur (?:ses |les |son |sa )?(?:resultats|benefices|marges|ventes|chiffre d.affaires)\\b',
    '\\b(?:replong|bascul|plong|tomb)(?:e|ee|ent|er|ait)? dans le rouge\\b',
    // Continuité d'exploitation dite sans le mot ("ne peut poursuivre son activité … sans obtenir de nouveaux financements"), "sent le sapin".
    '\\bne (?:peut|pourra|pourrait|pouvait|peuvent) (?:plus |pas )?(?:poursuivre|continuer|maintenir|assurer) (?:' + W + ' ){0,6}sans (?:' + W + ' ){0,3}(?:financements?|fonds|capitaux|liquidites|apports?|investisseurs?)\\b',
    '\\bsent le sapin\\b',
    // Un recul chiffré ("affichant un recul marqué de 16 %") et de grandes difficultés ("les grandes difficultés du groupe").
    '\\b(?:recul|repli) (?:marque |net |sensible |brutal )?de (?:pres de |plus de )?[0-9][0-9,]* ?%', '\\b(?:grandes|graves|serieuses|lourdes) difficultes\\b',
    // L'action qui dévisse ou s'effondre d'un pourcentage ("le titre dévisse de 20 %").
    '\\b(?:devisse|devissent|degringole|degringolent|s.effondre|s.effondrent|plonge|plongent|chute|chutent) (?:en bourse )?(?:de |d.environ |de pres de |de plus de )?[0-9][0-9,]* ?(?:%|pour ?cent)',
  ],
  layoffs: [
    '\\bferme(?:nt|ront)? (?:definitivement|leurs portes)', '\\bfermeture (?:immediate |definitive )?(?:des|de ses) (?:[0-9]+ )?(?:magasins|boutiques|usines|sites)',
    '\\bsuppressions? (?:de |d\')?(?:' + W + ' ){0,2}(?:postes|emplois)', '\\bsupprim(?:e|er|era|ent|ait) (?:' + W + ' ){0,5}(?:postes|emplois)', '\\blicenciements?\\b',
    '\\bplan social\\b', '\\bchomage partiel\\b', '\\breduction de l\'horaire de travail\\b', '\\brht\\b', '\\bfermeture (?:de |d\'|du |des )(?:l\')?(?:' + W + ' ){0,2}(?:l\')?(?:usines?|sites?|magasins?|succursales?)',
    '\\blicencie\\b', '\\bplan de departs', '\\blicenciement collectif', '\\bdeparts volontaires\\b', '\\bplans sociaux\\b',
    '\\b(?:biff|sabr|supprim|taill)(?:e|er|era|ent|ait|ant|es|ee|ees)? (?:' + W + ' ){0,5}(?:postes|emplois|effectifs)\\b', '\\b(?:postes|emplois) (?:' + W + ' ){0,3}(?:supprimes|detruits)\\b', '\\bse separer de (?:' + W + ' ){0,3}(?:personnes|salaries|collaborateurs|employes)\\b', '\\breduction (?:des |de ses |de leurs )?effectifs\\b', '\\bchomage technique\\b', '\\bactivite partielle\\b',
    // Fermetures et licenciements conjugués, plan de sauvegarde de l'emploi (PSE), rupture conventionnelle collective.,
    '\\bferme(?:r|ra|nt|ront|rait|ait)? (?:' + W + ' ){0,3}(?:usines?|sites?|magasins|boutiques|agences|succursales|points de vente|restaurants|entrepots)\\b',
    '\\blicenci(?:er|ent|era|eront|ait|aient|es|ees)\\b',
    '\\bplan de sauvegarde de l.emploi\\b|\\bpse\\b|\\brupture conventionnelle collective\\b',
    // Perdre son emploi au futur et au passé ("61 salariés de la SANE vont perdre leur emploi").
    '\\b(?:perdre|perdront|perdent|perdu|perdaient) (?:leur|leurs|son) (?:emplois?|postes?|travail)\\b',
  ],
  legal_dispute: [
    '\\bplainte\\b', '\\bporte plainte', '\\bpoursuivie? en justice', '\\bproces\\b', '\\bfraude\\b', '\\bescroquerie', '\\bblanchiment', '\\bcorruption',
    '\\bamende\\b', '\\benquete (?:penale|pour|contre|ouverte|sur)', '\\bperquisition', '\\bmise en examen', '\\bcondamnee?\\b', '\\bsanctions? (?:contre|infligee)',
    '\\blitige\\b', '\\baction (?:collective|en justice)', '\\bdetournement',
    '\\bsanctionnee?s? par\\b', '\\bfait grief\\b', '\\bappel interjete\\b', '\\bactions? judiciaires?\\b', '\\blitige\\b',
    // Plaintes, condamnations et ententes sous toutes les formes ("assignée en justice", "abus de position dominante", "condamné à verser").,
    '\\bassign(?:e|ee|es|ees|ent|er|ait) (?:' + W + ' ){0,3}en justice\\b',
    '\\b(?:attaqu|traduit|trainee?)(?:e|ee|es|ees|ent|er|ait)? (?:' + W + ' ){0,2}(?:en justice|devant (?:le |la |les )?(?:tribunal|justice|prud.hommes|juges?|cour))\\b',
    '\\bcondamne(?:e|es|s)? (?:a (?:payer|verser|rembourser|une amende)|pour)\\b',
    '\\bamendes?\\b',
    '\\babus de position dominante\\b|\\bentente (?:illicite|sur les prix)\\b|\\bpratiques anticoncurrentielles\\b',
    '\\bdommages(?: |-)et(?: |-)interets\\b',
    '\\bmise?s? en examen\\b|\\bmis en cause\\b',
    '\\bdepos(?:e|er|ent|ait)? (?:une )?plainte\\b|\\bplaintes? (?:contre|pour|deposee)\\b',
    // Assignations et poursuites ("une assignation en référé", "poursuivie pour fraude", "poursuivi devant le tribunal").
    '\\bassignations? (?:en |devant )', '\\bpoursuivie?s? (?:devant|pour)\\b',
    '\\bvisee?s? par (?:une |des |plusieurs )?(?:enquetes?|plaintes?|poursuites|procedures? judiciaires?|sanctions?|investigations?)\\b', '\\binformation judiciaire\\b',
  ],
  management_change: [
    '\\bnominations?\\b', '\\bremplacer\\b', '\\bsucced(?:e|era|ait)\\b', '\\bpartira\\b', '\\brevocation\\b', '\\bdirect(?:eur|rice) general(?:e)? par interim\\b',
    '\\bdemission(?:ne|nent)?\\b', '\\bquitte(?:ra|rait|nt)? (?:' + W + ' ){0,3}(?:la direction|ses fonctions|son poste|la presidence|le groupe|l.entreprise|la societe|son mandat)', '\\bnouveau (?:directeur|ceo|pdg|president|patron|directeur general)',
    '\\bnouvelle (?:directrice|ceo|pdg|presidente|patronne)', '\\bnommee? (?:' + W + ' ){0,2}(?:directeur|directrice|ceo|pdg|president|presidente)', '\\bprend la (?:direction|tete|presidence)',
    '\\b(?:procuration|signature) (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radiee?s?', '\\bsignature (?:collective|individuelle) (?:' + W + ' ){0,3}conferee',
    '\\bpouvoirs? (?:de (?:' + W + ' ){1,6})?(?:est |sont )?radies?', '\\bmembres? (?:' + W + ' ){0,3}radies?', '\\bposte (?:' + W + ' ){0,2}(?:sera )?assure par\\b', '\\bprend (?:' + W + ' )?les renes\\b',
    '\\bdepart (?:de |d\'|du )(?:' + W + ' ){0,4}(?:directeur|directrice|pdg|ceo|president|presidente|patron|dg)\\b', '\\bdebarquee?\\b', '\\bprend (?:ses fonctions|la releve)\\b',
    '\\blimoge(?:e|es|r|ait|ent)?\\b|\\bevince(?:e)?\\b|\\bremercie(?:e)? par\\b',
    '\\bremplace(?:ra|rait|e|ee)? (?:' + W + ' ){0,4}(?:a la tete|au poste|a la direction|a la presidence|comme (?:pdg|directeur|directrice|president|presidente|ceo))\\b',
    // Nommé à la tête, au poste de ("nommé à la tête du groupe").
    '\\bnommee?s? (?:' + W + ' ){0,2}(?:a la tete|au poste|a la direction|a la presidence)\\b',
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
    // Prévisions dépassées, chantiers et appels d'offres décrochés.
    '\\bdepass(?:e|ent|er|ant|ait|aient) (?:ses |les |leurs |nos |toutes les )?(?:' + W + ' )?(?:previsions|objectifs|attentes|estimations)\\b',
    '\\b(?:decroch|remport)(?:e|er|ent|era|ait|ee|es)? (?:' + W + ' ){0,3}(?:construction|chantier|(?:l.)?appel d.offres|livraison|concession)\\b',
    // Un carnet de commandes record ou bien rempli.
    '\\bcarnet de commandes (?:' + W + ' ){0,3}(?:record|plein|garni|rempli|en hausse)\\b',
    '\\bl[eè]v(?:e|ent|era|ait|ee)s? (?:' + W + ' ){0,2}fonds\\b',
    // Une levée chiffrée, signée, bouclée ou réalisée ("une levée de 8 millions d’euros", "signe de loin la levée la plus importante",
    // "la levée de 15 millions d’euros bouclée par Phenix"), un carnet de commandes qui s'est accru.
    '\\blevee (?:de fonds )?(?:de|d.un montant de) (?:pres de |plus de )?[0-9]', '\\b(?:signe|signent|boucle|bouclent|realise|realisent|finalise|finalisent|annonce|annoncent) (?:' + W + ' ){0,3}levee\\b', '\\blevee (?:' + W + ' ){0,6}(?:bouclee|realisee|finalisee)\\b',
    '\\bcarnet de commandes (?:' + W + ' ){0,3}(?:s.(?:est|etait) )?(?:accru|augmente|progresse|bondi|gonfle)\\b',
  ],
};
