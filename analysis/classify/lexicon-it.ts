import { W, type LexiconPatterns } from './lexicon-types.js';

/** Italian trigger patterns per event type, folded like Italian text (see lexicon.ts for the rules patterns follow). */
export const LEXICON_IT: LexiconPatterns = {
  insolvency: [
    '\\bcommissario straordinario\\b', '\\bdichiarat[oa] (?:\\w+ ){0,2}fallit',
    '\\bfallimento\\b', '\\bfallit[oa]\\b', '\\bdichiarat[oa] fallit', '\\binsolvenza\\b', '\\binsolvente\\b', '\\bbancarotta\\b(?! fraudolent)', '\\bliquidazione giudiziale\\b',
    '\\bprocedura concorsuale', '\\bamministrazione straordinaria\\b', '\\bapertura del fallimento', '\\bcrac\\b', '\\bcrack\\b',
    '\\bfallisce\\b', '\\bfalliscono\\b', '\\bcommissariamento\\b', '\\bdichiara(?:to|ta)? (?:il )?fallimento\\b',
    '\\bport(?:are|ato|a|ano) i libri in tribunale',
    // A composition inside bankruptcy is no concordato preventivo: the company is already in fallimento.
    '\\bconcordato fallimentare\\b',
  ],
  debt_restructuring: [
    '\\bconcordato (?:preventivo|in bianco|con riserva)?', '\\bristrutturazione del (?:debito|suo debito)', '\\baccordo di ristrutturazione', '\\bmoratoria\\b',
    '\\bcomposizione negoziata\\b', '\\bmoratoria concordataria\\b', '\\bpiano di risanamento\\b', '\\baccordi di ristrutturazione', '\\bpiano (?:di ristrutturazione|di concordato|concordatario)\\b',
    '\\b(?:sentenza di )?omolog(?:a|azione|ando|ato|ata) (?:' + W + ' ){0,3}(?:accordi|concordato|piano)',
  ],
  liquidation: [
    '\\bliquidazione\\b(?! giudiziale)', '\\bin liquidazione\\b', '\\bscioglimento (?:della|di una) societa', '\\bmessa in liquidazione\\b',
    '\\bcancellazione dal registro (?:delle imprese|di commercio)', '\\bcancellata dal registro', '\\bcessazione dell\'attivita', '\\bchiude i battenti',
    '\\b(?:ha chiuso|chiude|chiudera|chiudono) (?:improvvisamente|definitivamente|per sempre)\\b', '\\bannunciat[oa] la (?:propria )?chiusura\\b(?! (?:dello|della|del|di|dei|delle|degli))',
  ],
  debt_enforcement: [
    '\\besecuzione forzata\\b', '\\bsequestro conservativo\\b', '\\b(?:richiesta|istanza|domanda) di sequestro (?:conservativo|preventivo )?(?:dei |di )?beni\\b', '\\bprecetto\\b', '\\b(?:istanz|domand)[ae] di fallimento\\b', '\\bricorso per (?:la dichiarazione di )?fallimento\\b', '\\bdecreto ingiuntivo\\b', '\\bpignoramento', '\\bpignorat[oia]', '\\basta giudiziaria\\b', '\\bincanto\\b',
    '\\bufficio (?:di |delle )?esecuzion[ei]', '\\bcommination[ei] di fallimento', '\\battestato di carenza beni', '\\bprecetto esecutivo',
  ],
  payment_delay: [
    '\\bstipendi[oa]? (?:\\w+ ){0,3}(?:in ritardo|a rischio)', '\\bmeta dello stipendio\\b', '\\britardare (?:i )?pagamenti\\b',
    '\\britard[oi] (?:nei|nel|dei) pagament', '\\bstipendi (?:non pagati|arretrati|in ritardo|non versati)', '\\bmancat[oi] pagament', '\\bfornitori (?:non pagati|in attesa)',
    '\\binsolut[ie]\\b', '\\bdebiti scaduti', '\\bfatture (?:non pagate|scadute)', '\\bnon (?:ha |hanno )?(?:pagato|versato) (?:gli |i )?(?:stipendi|fornitori|salari)',
    // Payment verbs negated in the trigger itself ("non ha pagato il dovuto", "non vengono pagati gli stipendi", "non aver onorato la scadenza").
    '\\bnon (?:ha|hanno|aveva|avevano|abbia|aver|avere) (?:' + W + ' ){0,2}(?:pagato|versato|saldato|onorato)\\b', '\\bnon vengono (?:' + W + ' ){0,2}pagat[ie]\\b',
    '\\b(?:onorare|onorato) (?:' + W + ' ){0,3}(?:impegni|scadenz[ae]|debiti|obblighi)\\b', '\\bsaltato (?:' + W + ' ){0,3}(?:impegni|scadenz[ae]|pagamenti|rate)\\b',
    // Stipendi non percepiti, senza stipendio, debiti verso i fornitori, rate e canoni non pagati.,
    '\\bnon (?:percepisc(?:e|ono)|ricev(?:e|ono)|hanno (?:ancora )?(?:ricevuto|percepito)|ha (?:ancora )?(?:ricevuto|percepito)) (?:' + W + ' ){0,3}(?:stipendi[oa]?|salari[oa]?|paga|mensilita|retribuzion[ei])\\b',
    '\\bsenza (?:stipendi[oa]?|paga|salari[oa]?)\\b',
    '\\bdebit[oi] (?:' + W + ' ){0,4}verso (?:i |gli |le )?(?:fornitori|dipendenti|lavoratori|banche|erario|fisco|inps)\\b',
    '\\b(?:rate|canoni|affitti|fatture|tasse|contributi) (?:' + W + ' ){0,2}(?:non (?:pagat[ie]|versat[ie]|saldat[ie])|insolut[ie]|arretrat[ie])\\b',
    '\\b(?:mensilita|retribuzioni|stipendi|salari) (?:' + W + ' ){0,2}(?:arretrat[ei]|non (?:pagat[ei]|versat[ei]|corrispost[ei]))\\b',
    '\\bmorosita\\b',
    '\\britard[oi] (?:' + W + ' ){0,4}(?:nei|nel|dei|del) (?:pagament[oi]|versament[oi]) (?:' + W + ' ){0,3}(?:stipendi|salari|fornitori|dipendenti)\\b',
    // La messa in mora per mensilità non pagate, niente soldi per gli stipendi.
    '\\bmessa in mora\\b',
    '\\b(?:non (?:ci )?(?:sono|erano|c.erano|c.e) (?:i )?soldi|mancano i soldi|non (?:ha|hanno|aveva|avevano) (?:i )?soldi) per (?:pagare )?(?:gli |i |le )?(?:stipendi|salari|fornitori|mensilita)\\b',
    // Fornitori e dipendenti non pagati all'indicativo, pagamenti in ritardo, debiti verso chi attende ("non paga i fornitori", "deve … ai fornitori").
    '\\bnon (?:paga|pagano|pagava|pagavano) (?:' + W + ' ){0,2}(?:fornitori|dipendenti|stipendi|lavoratori|affitti|debiti|tasse|salari)\\b',
    '\\bin ritardo (?:con|nei) (?:i |il )?pagament', '\\bdeve (?:' + W + ' ){0,4}a(?:i|gli|lle) (?:fornitori|dipendenti|lavoratori|creditori)\\b',
  ],
  financial_distress: [
    '\\bin crisi\\b', "\\bcrisi (?:della|del|dell'|di)\\b", '\\bproblem[ai] di liquidita', '\\bin difficolta\\b',
    '\\ballarme (?:sugli )?utili\\b', '\\bperdita netta\\b', '\\bperdite (?:record|pesanti|per)\\b', '\\bin rosso\\b', '\\bconti in rosso', '\\bdifficolta finanziarie\\b',
    '\\bcrisi di liquidita', '\\bcrisi finanziaria', '\\bdeclassat[oa]\\b', '\\bdeclassamento', '\\btaglio del rating', '\\brating (?:' + W + ' )?(?:tagliato|abbassato|ridotto)',
    '\\bcontinuita aziendale\\b', '\\bsovraindebitamento', '\\bsalvataggio', '\\bsvalutazion[ei]', '\\btaglia (?:le )?stime', '\\btitolo (?:' + W + ' )?(?:crolla|affonda)',
    '\\bperdita di capitale\\b', '\\bart\\. ?725\\b',
    '\\bdifficolta (?:finanziari[ea]|economiche|della|dei|del|di)\\b', '\\bcrisi finanziaria\\b', '\\bcapitalizzazione sufficiente',
    '\\bperdit[ae] (?:di|da) (?:oltre |circa |quasi )?[0-9]', '\\bbuco (?:di|da) (?:oltre |circa |quasi )?[0-9]', '\\bin (?:forte |pesante )?perdita\\b', '\\b(?:tension[ei]|stress|squilibri[oa]?) finanziari[oa]?\\b', '\\b(?:tagliat[oa]|abbassat[oa]|declassat[oa]|ridott[oa]) (?:' + W + ' ){0,2}(?:il |i )?rating\\b', '\\bcrollo (?:del titolo|in borsa|delle vendite|del fatturato|dei ricavi|degli utili)', '\\b(?:drammatico|elevato|pesante) (?:livello di )?indebitamento',
    // Perdite, rosso e debiti in altre forme ("chiude in rosso", "debiti per oltre 100 milioni").,
    '\\bperd(?:e|ono|eva|evano|uto) (?:oltre |circa |quasi )?[0-9]',
    '\\bdebiti (?:per|di|pari a) (?:oltre |circa |quasi )?[0-9]',
    '\\b(?:forti|pesanti|gravi) perdite\\b|\\bperdite (?:nette|operative|milionarie)\\b',
    '\\bcrollo (?:dell.utile|del fatturato|dei ricavi|delle vendite|degli ordini)\\b',
    // Profit warning, stime e obiettivi tagliati, titolo che crolla ("taglia le stime sull'anno", "il titolo crolla del 20%").
    '\\bprofit warning\\b', '\\b(?:taglia|tagliano|tagliato|rivede al ribasso|abbassa|abbassato) (?:' + W + ' ){0,3}(?:stime|previsioni|obiettivi|guidance)\\b',
    '\\b(?:titolo|titoli|azioni|azione) (?:' + W + ' ){0,3}(?:crolla|crollano|affonda|affondano|precipita|precipitano|sprofonda|sprofondano)\\b',
    // Un calo del fatturato e azioni scese di una percentuale ("un calo del fatturato per l'intero esercizio", "le cui azioni sono scese del 70%").
    '\\b(?:calo|flessione|contrazione) (?:del|dei|degli|delle) (?:fatturato|ricavi|utili|vendite|ordini|margini)\\b', '\\b(?:titolo|titoli|azioni|azione) (?:' + W + ' ){0,3}(?:sces[oaei]|calat[oaei]|crollat[oaei]) (?:del|di) [0-9]',
  ],
  layoffs: [
    'posti di lavoro a rischio', '\\bcontratti di solidarieta\\b',
    '\\blicenziament[io]\\b', '\\btagli(?:o)? (?:di |dei |del )?(?:' + W + ' ){0,2}(?:posti|dipendenti|personale)', '\\besuberi\\b', '\\bcassa integrazione\\b',
    '\\bchiusura (?:dello |della |del |di |dei |delle |degli )(?:' + W + ' ){0,2}(?:stabilimento|stabilimenti|fabbrica|fabbriche|sito|siti|negozi|filiali|reparti|punti vendita)', '\\bridimensionamento del personale', '\\blavoro ridotto\\b',
    '\\btaglia (?:' + W + ' ){0,3}posti di lavoro', '\\btagli(?:a|ano|era)? (?:' + W + ' ){0,3}(?:dipendenti|posti|lavoratori)\\b',
    '\\bcigs?\\b', '\\bperd(?:ono|ere|eranno|e) (?:il )?(?:posto|lavoro)\\b', '\\blicenzi(?:a|ano|era|ato|ati)\\b',
    '\\bchiude(?:ra|ranno|re|ndo)? (?:' + W + ' ){0,3}(?:stabiliment[oi]|fabbric(?:a|he)|negozi|punti vendita|filiali|sedi)\\b',
    '\\bcassintegrat[iea]\\b|\\bin cassa integrazione\\b',
    // Il posto di lavoro a rischio in ogni forma ("potrebbero rischiare il posto di lavoro").
    '\\brischi(?:a|ano|are|ando|ato|ano di perdere|a di perdere)? (?:di perdere )?il (?:proprio )?posto(?: di lavoro)?\\b',
  ],
  legal_dispute: [
    '\\bdenuncia (?:contro|nei confronti|penale)', '\\b(?:sporto|presentato|presentata) (?:una )?denuncia', '\\bquerela', '\\bbancarotta fraudolenta', '\\bindagat[oia]', '\\bindagine (?:su|per|nei confronti)', '\\bfrode\\b', '\\btruffa\\b', '\\briciclaggio', '\\bcorruzione', '\\bmulta\\b',
    '\\bsanzion[ei] (?:a|contro|per)', '\\bcondannat[oa]', '\\bprocesso (?:a|contro)', '\\bcausa (?:legale|contro)', '\\bperquisizion', '\\bcontenzioso', '\\bsequestr[oa]',
    '\\bcontenzioso\\b', '\\bcitat[oa] in giudizio\\b', '\\baccusat[oa] di\\b', '\\bpenalizzazione\\b', '\\bsequestro preventivo\\b',
    // Multe, sanzioni, cause e condanne in ogni forma ("le multe imposte a", "la sanzione comminata all'impresa").,
    '\\bmult(?:e|ata|ate|ato|ati)\\b|\\bmaximulta\\b',
    '\\bsanzion(?:e|i) (?:' + W + ' ){0,2}(?:comminat[ae]|inflitt[ae]|irrogat[ae]|impost[ae])\\b|\\bsanzionat[oaie]\\b',
    '\\bcausa (?:civile|legale|contro|intentata|promossa|per danni)\\b|\\bfa(?:tto|nno|) causa\\b',
    '\\bcondann(?:a|ano|ata|ato|ati|ate) (?:' + W + ' ){0,3}(?:a (?:pagare|risarcire|versare)|al risarcimento)\\b',
    '\\brisarcimento (?:dei |del )?dann[io]\\b',
    '\\bintesa (?:vietata|restrittiva|anticoncorrenziale)\\b|\\bcartello\\b',
    '\\brinviat[oaie] a giudizio\\b|\\bdenunciat[oaie]\\b',
    // Un fascicolo aperto dalla procura, un'indagine avviata.
    '\\bfascicolo (?:' + W + ' ){0,2}(?:apert[oi]|avviat[oi])\\b|\\bindagine (?:' + W + ' ){0,2}(?:apert[ae]|avviat[ae])\\b',
    '\\bcitat[ie] in giudizio\\b|\\bcitare in giudizio\\b',
    '\\bsott[o\'] ?inchiesta\\b|\\binchiesta (?:su|sulla|sul|sui|per|nei confronti)\\b',
  ],
  management_change: [
    '\\bnomina (?:di|del|della)\\b', '\\bsuccede\\b', '\\bnomina (?:pro tempore|come|quale|alla|al)\\b', '\\bnuovo vertice\\b', '\\bal vertice (?:di|del|della)\\b',
    '\\bdimission[ie]\\b', '\\bsi (?:e\'? )?dimess[oa]', '\\bse ne va (?:l.)?(?:amministratore delegato|amministratrice delegata|ad|ceo|direttore generale|president[ea])\\b', '\\bsi dimette', '\\bnuov[oa] (?:amministratore delegato|amministratrice delegata|ad|ceo|direttore|direttrice|presidente)',
    '\\bnominat[oa] (?:' + W + ' ){0,2}(?:amministratore delegato|ceo|direttore|direttrice|presidente)', '\\blascia (?:la guida|l\'incarico|il ruolo|la carica)',
    '\\bprocura (?:' + W + ' ){0,4}(?:cancellata|estinta)', '\\bfirma (?:collettiva|individuale) (?:' + W + ' ){0,3}conferita', '\\bpoteri di firma (?:' + W + ' ){0,3}(?:cancellati|estinti)',
    '\\blascia (?:l\'azienda|la societa|il gruppo|la presidenza|la carica|il vertice)', '\\bcambio (?:al|di) vertice\\b', '\\bprende (?:il posto|la guida|le redini)\\b',
    '\\bsilurat[oa]\\b|\\brimoss[oa] dall.incarico\\b|\\bla(?:scia|scera|sciato|sciata) (?:' + W + ' ){0,3}(?:la guida|l.incarico|il ruolo|la carica|l.azienda|la societa|il gruppo|la presidenza|il vertice)',
  ],
  ownership_change: [
    '\\bacquisire\\b', '\\bmanifestazione di interesse\\b', '\\bnuov[oi] propriet',
    '\\bacquisizione\\b', '\\bacquisisce\\b', '\\bacquista\\b', '\\bfusione\\b', '\\bcessione (?:di|del|della)\\b', '\\bcede (?:il|la|le|i)\\b', '\\bcedut[oa] a\\b',
    '\\brilev(?:a|ata|ato)\\b', '\\bopa\\b', '\\bpassa (?:sotto il controllo|nelle mani)', '\\bincorporazione',
    '\\boffert[ae] pubblica (?:di scambio|di acquisto)', '\\bsi e pres[oa]\\b', '\\bha ottenuto (?:il |l\')?[0-9,.]+ ?(?:per cento|%) (?:delle azioni|del capitale)', '\\btrasferimento di (?:' + W + ' ){0,2}rami d\'azienda',
  ],
  positive: [
    '\\buna commessa\\b', '\\bcommesse\\b',
    '\\baumento di capitale\\b', '\\bround di finanziamento\\b', '\\butile record\\b', '\\bricavi record', '\\bmaxi[- ]?commessa', '\\bcommessa (?:da|di|record|importante)',
    '\\baggiudica(?:ta|to)? (?:' + W + ' )?(?:un|una) (?:' + W + ' )?(?:commessa|appalto|contratto)', '\\bpromoss[oa]\\b', '\\brating (?:' + W + ' )?(?:alzato|migliorato)',
    '\\butile (?:' + W + ' )?(?:in crescita|in aumento)', '\\bnuove assunzioni', '\\bassum(?:e|era) [0-9]', '\\btorna (?:all\'utile|in utile)', '\\balza (?:le )?stime',
    '\\brisultati (?:' + W + ' )?(?:in crescita|in aumento|record|sopra le attese)', '\\bnuovo record\\b', '\\b(?:ricavi|fatturato|utile|utili) (?:' + W + ' ){0,3}(?:in crescita|in aumento|cresc(?:e|ono|iuti?)|balza(?:no)?|sal(?:e|gono)|(?:ha|hanno) superato)', '\\b(?:vince|vinto|ottiene|ottenuto|firma(?:to)?) (?:' + W + ' ){0,3}(?:commessa|commesse|contratto|appalto)',
    // Commesse con l'aggettivo davanti e portafoglio ordini cresciuto ("ha incrementato il suo portafoglio ordini con un’importante commessa").
    '\\b(?:importante|nuova|grande|ricca|prestigiosa|ulteriore|altra) commessa\\b',
    '\\b(?:incrementat[oa]|aumentat[oa]|rafforzat[oa]) (?:il |il suo |il proprio )?portafoglio ordini\\b|\\bportafoglio ordini (?:' + W + ' ){0,2}(?:record|in crescita|in aumento)\\b',
    // Capitali raccolti ("ha raccolto 20 milioni", "raccoglie 5 milioni di euro").
    '\\b(?:raccoglie|raccolgono|ha raccolto|hanno raccolto) (?:oltre |circa |quasi )?[0-9]',
  ],
};
