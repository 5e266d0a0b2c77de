import { W, type LexiconPatterns } from './lexicon-types.js';

/**
 * Nouns that stand for a company in English news (one family for every pattern that needs the company beside the verb:
 * "the collapse of the travel operator", "the contractor had collapsed", "the collapsed housebuilder").
 */
const ORG_NOUN =
  '(?:company|companies|firm|group|business|retailer|chain|airline|bank|lender|carrier|operator|builder|housebuilder|contractor|subcontractor|developer|manufacturer|maker|' +
  'supplier|distributor|wholesaler|producer|provider|brewer|brewery|bakery|insurer|brand|store|stores|shop|restaurant|hotel|agency|giant|outlet|subsidiary|plc|startup|start-up|' +
  'grocer|supermarket|publisher|franchise|partnership|conglomerate|shipbuilder|specialist|consultancy|practice|studio|platform|fund)';

/** English trigger patterns per event type, folded like English text (see lexicon.ts for the rules patterns follow). */
export const LEXICON_EN: LexiconPatterns = {
  insolvency: [
    "'s collapse\\b", '\\b(?:its|their) collapse\\b', '\\bcollapsed (?:last|earlier|this|in|on|after|with|owing|leaving)\\b', '\\b(?:succumb(?:ed|s)? to|rescued from|bought out of|emerged? from|sold out of|fell into) administration\\b', '\\b(?:hired|hires|hiring|appointed|appoints) (?:\\w+ ){0,2}administrators\\b', '\\bordered to be wound[- ]up\\b',
    '\\bfile[sd]? for (?:chapter (?:7|11)|bankruptcy|insolvency|administration|creditor protection)',
    '\\bfiling for (?:chapter (?:7|11)|bankruptcy|insolvency|administration)',
    '(?<!(?:morally|emotionally|intellectually|spiritually|morale|emotional|moral) )\\bbankrupt(?:cy)?\\b(?! (?:law|laws|code|reform|rules|judge|judges|court|courts|lawyers?|experts?))', '\\binsolven(?:t|cy)\\b(?! (?:law|laws|reform|rules|regime|practitioners?|experts?|specialists?|lawyers?|firms?))',
    '\\b(?:went|go(?:es|ing)?|gone|enter(?:s|ed|ing)?|placed|placing|put|plunged?|fell|fall(?:s|en|ing)?|slip(?:s|ped)?|tip(?:s|ped)?|collapsed?) into (?:administration|receivership)',
    '\\b(?:call(?:s|ed|ing)?|brought|bring(?:s|ing)?|draft(?:s|ed)?) in (?:the )?(?:joint )?administrators',
    '\\bto enter administration\\b', '\\bin administration\\b', '\\bsaved from administration\\b', '\\bout of administration\\b',
    '\\bspecial managers?\\b', '\\bcollapse (?:(?:last|this|earlier) (?:week|month|year)|in [a-z]+) of (?:the )?(?:[£$€]?' + W + ' ){0,4}' + ORG_NOUN + '\\b', '\\bcollapse(?= of (?:the )?(?:[£$€]?' + W + ' ){0,4}' + ORG_NOUN + '\\b)',
    '(?<=\\b' + ORG_NOUN + ' (?:has |had |have )?)collapsed\\b(?! into)',
    '\\b(?:administrators?|receivers?) (?:' + W + ' ){0,5}(?:appointed|called in)', '\\bappoint(?:s|ed|ing)? (?:' + W + ' )?(?:administrators?|receivers?)',
    // The practitioner's appointment and the sale out of it: "the appointment of PwC as administrators", "from administrators
    // Leonard Curtis", "a pre-pack administration", "the administrator of the collapsed retailer", "buys collapsed Alworths chain".
    '\\bappointment of (?:' + W + ' ){1,4}as (?:joint )?(?:administrators?|receivers?)\\b', '\\bpre-?pack(?:aged)? (?:administration|sale|deal)\\b',
    '\\bfrom (?:the )?(?:joint )?administrators\\b', '\\bthe (?:joint )?administrators? (?:of|to) the\\b', "\\b(?:its|their|'s|s') administrators\\b",
    '\\bcollapsed (?:' + W + ' ){0,2}' + ORG_NOUN + '\\b',
    '\\breceivership\\b', '\\b(?:entered|enters|entering|placed in|placed into|is in|was in|now in) administration\\b', '\\b(?:goes|went|gone|going) bust\\b', '\\bwinding[- ]up order', '\\bcompulsory liquidation\\b', '\\bwound up by the (?:high )?court\\b',
    // The practitioner called in or appointed with more words between, the company placed into it by its directors ("called in Ernst
    // & Young administrators", "administrators from FRP Advisory have officially been appointed", "its appointment as administrators",
    // "place the company into administration").
    '\\b(?:call(?:s|ed|ing)?|brought|bring(?:s|ing)?) in (?:' + W + ' ){1,3}administrators\\b', '\\b(?:administrators?|receivers?) (?:' + W + ' ){6,8}(?:appointed|called in)\\b',
    '\\b(?:its|their|his|her) appointment as (?:joint )?(?:administrators?|receivers?)\\b', '\\bappointed as (?:joint )?(?:administrators?|receivers?) (?:to|of|for)\\b',
    '(?<=\\b(?:place|places|placed|placing|put|puts|putting|push(?:es|ed|ing)?|tip(?:s|ped)?) (?:' + W + ' ){1,4})into (?:administration|receivership)\\b',
    '\\b(?:went|go(?:es|ing)?|gone|enter(?:s|ed|ing)?|fell|fall(?:s|en|ing)?|slip(?:s|ped)?|collapsed?) in to (?:administration|receivership)\\b', '\\b(?:went|gone|goes|going) under\\b(?! (?:the|a|an|its|their|his|her|this|that|new|[a-z]+ name))',
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
    '\\b(?:go(?:es|ing)?|went|gone|enter(?:s|ed|ing)?|placed|put) into (?:voluntary |compulsory |creditors\' voluntary |members\' voluntary )?liquidation\\b', '(?<=\\b(?:place|places|placed|placing|put|puts|putting|forc(?:e|es|ed|ing)) (?:' + W + ' ){1,4})into (?:voluntary |compulsory |creditors\' voluntary |members\' voluntary )?liquidation\\b', '\\bwind(?:s|ing)? down (?:its |the )?(?:operations|business)',
  ],
  debt_enforcement: [
    '\\bserved (?:with )?(?:the |a |an )?(?:winding[- ]up )?petitions?\\b', '\\bbeing pursued (?:\\w+ ){0,2}for (?:unpaid|outstanding)\\b', '\\bpetition (?:against|to wind up)\\b', '\\barrest orders?\\b|\\breleased from arrest\\b|\\bships? (?:\\w+ )?(?:were |was )?arrested\\b',
    // A creditor's petition told with its verb or its author, and an award or judgment collected by seizure ("has issued petitions
    // against the retailer", "HMRC's petition for GBP 1.1 million", "seeks seizure of Citgo parent to collect on PDVSA award").
    '\\b(?:issued|issues|issuing|presented|presents|lodged|lodges|brought|filed|files) (?:' + W + ' ){0,3}petitions? against\\b', "\\b(?:hmrc|creditor|creditors|landlord|landlords|lender|lenders|bank|taxman)(?:'s|s')? petition\\b",
    '\\bto collect on\\b(?= (?:' + W + ' ){0,4}(?:award|awards|judgment|judgments|judgement|debts?)\\b)', '\\b(?:seeks?|sought|seeking|obtained|granted|won) (?:the |an? )?(?:seizure|attachment|garnishment) of\\b',
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
    // Active payment verbs negated in the trigger itself ("has not paid", "despite not paying", "unable to meet its obligations"); a passive
    // "has not been paid" names the one owed and is left to the object patterns above.
    '\\b(?:has|have|had|is|are|was|were)(?: still)? not (?:yet )?(?:paid|been paying|paying)\\b(?! by)', '\\b(?:despite|while|by|for) not paying\\b',
    '\\b(?:unable|fail(?:ed|s|ing)?) to (?:pay|meet|honou?r|make) (?:' + W + ' ){0,4}(?:payments?|obligations|debts?|rent|wages|salaries|interest|bills|invoices|tax(?:es)?)\\b',
    '\\blate (?:in )?paying\\b', '\\brefus(?:ed|es|ing)? to pay\\b', '\\breneg(?:e|es|ed|ing) on (?:' + W + ' ){0,3}(?:debts?|payments?|obligations)\\b',
    '\\bshort of (?:its|their|the) (?:' + W + ' ){0,3}payments?\\b', '\\bskimp(?:ed|s|ing)? on paying\\b',
    '\\bpay(?:s|ing)? (?:its |their )?(?:bills|suppliers|invoices|debts) (?:very )?late\\b',
    // Wages, rent, tax and suppliers unpaid or paid late, in any voice and with the amount between ("failed to make a roughly $3.4 million rent payment").,
    '\\bunpaid (?:merchandise|goods|fees|royalties|bonuses|pensions?|contributions|invoices?|loans?|players|employees|salary|wages|debts?|taxes)\\b',
    '(?<=\\b(?:wages|salaries|salary|pay ?checks?|payroll|players|staff|workers|employees) (?:' + W + ' ){0,3})(?:(?:not|never) (?:been )?paid|paid late|unpaid|withheld|delayed|in arrears)\\b',
    '\\bfail(?:ed|s|ing|ures?)? to (?:make|meet|pay|honou?r) (?:[$£€]?' + W + ' ){0,6}(?:payments?|obligations|debts?|rent|wages|salaries|interest|bills|invoices|coupons?|instalments?|installments?)\\b',
    '\\b(?:has|have|had) not (?:finished|fully) pa(?:id|ying)\\b',
    '\\b(?:behind|late|overdue) (?:on|with) (?:its |their |the )?(?:' + W + ' ){0,2}(?:payments?|rent|wages|bills|debts?|loans?|taxes|invoices|repayments)\\b',
    '\\bdefault(?:ed|s|ing)? on (?:its |their |the )?(?:' + W + ' ){0,3}(?:payments?|obligations|debts?|loans?|bonds?|notes|interest|coupons?)\\b',
    '\\b(?:missed|skipped|withheld|deferred|suspended) (?:its |their |the |a )?(?:' + W + ' ){0,3}(?:coupon|interest|rent|wage|salary|loan|debt|bond) payments?\\b',
    // The ones owed told in the passive ("they're owed three weeks pay"): the debtor is the company of the sentence.
    '\\b(?:are|were|is|was|\'re|being|still) owed (?:[$£€]?' + W + ' ){0,8}(?:pay|wages|salar(?:y|ies)|back pay|holiday pay|money|refunds)\\b',
    // Payment obligations the company says it cannot meet, in any modal form ("was not going to be able to make the payment on the
    // debt", "could not pay its suppliers"), non-payment as a noun, bounced cheques.
    '\\b(?:(?:was|were|is|are|will|would) not (?:going to )?(?:be )?able|could not|couldn\'t|cannot|can\'t|won\'t be able|no longer able) to (?:pay|meet|honou?r|make|repay|service) (?:[$£€]?' + W + ' ){0,5}(?:payments?|obligations|debts?|rent|wages|salaries|interest|bills|invoices|coupons?|suppliers|staff|workers|employees|creditors|loans?)\\b',
    '\\bnon[- ]?payment of (?:' + W + ' ){0,3}(?:wages|salaries|rent|invoices|bills|suppliers|taxes|debts?|interest|contributions|premiums)\\b',
    '\\b(?:bounced|dishonou?red) (?:' + W + ' )?(?:cheques|checks|payments)\\b',
    // Staff and suppliers not yet paid with the company between ("Staff at the Leeds-based firm have not been paid"), "has yet to
    // pay", slow payers, workers still waiting for their wages.
    '\\b(?:has|have|had|are|is) yet to (?:be )?(?:pay|paid|repay|settle)\\b',
    '(?<=\\b(?:staff|workers|employees|players|suppliers|contractors|subcontractors|drivers|creditors|builders) (?:' + W + ' ){1,6})(?:have|has|had|were|was|are|is)(?: still| reportedly| allegedly)? (?:not|never) (?:yet )?been paid\\b',
    '\\bslow (?:to pay|in paying)\\b', '\\b(?:still )?waiting (?:' + W + ' ){0,3}(?:for|on) (?:their|his|her) (?:wages|pay|salar(?:y|ies)|pay ?checks?)\\b',
    // Not enough money to pay the staff, months of non-payment, staff told as "they" who have not been paid (not "paid by" someone).
    '\\b(?:did not have|does not have|didn\'t have|doesn\'t have|had no|has no|lacks?|lacked) (?:enough |the |sufficient )?(?:money|cash|funds) to pay (?:its |their |the )?(?:' + W + ' ){0,2}(?:staff|workers|employees|wages|salaries|suppliers|bills|creditors|rent)\\b',
    // Payroll not met and staff the company struggles to pay ("has struggled to meet payroll for more than a month", "missed
    // payroll", "struggling to pay the employees"): the company's own wages, not a third party's.
    '\\b(?:(?:struggl(?:e|es|ed|ing)|unable|fail(?:s|ed|ing)?) to|could not|couldn\'t|cannot|can\'t) meet (?:its |their |the )?(?:' + W + ' )?payroll\\b', '\\bmiss(?:ed|es|ing) (?:its |their |a |the )?payroll\\b', '\\bpayroll (?:delays?|problems|shortfalls?)\\b',
    '\\bstruggl(?:e|es|ed|ing) to pay (?:its |their |the )?(?:' + W + ' )?(?:employees|staff|workers|wages|salaries|suppliers|creditors|rent)\\b',
    '\\b(?:weeks|months) (?:' + W + ' ){0,2}(?:of )?non[- ]?payment\\b', '\\b(?:they|we) (?:have|had|were|are)(?: still)? (?:not|never) (?:yet )?been paid\\b(?! by)',
  ],
  financial_distress: [
    '\\bbrink of (?:collapse|administration|insolvency|bankruptcy|liquidation)\\b', '\\bfight for survival\\b', '\\bno longer viable\\b', '\\bunprofitab', '\\b(?:in|of) debts?\\b(?= (?:of|to|and|after|with)|[.,])', '[£$€][0-9][0-9.,]*(?:m|bn| million| billion)? (?:of|in) debts?\\b', '\\b(?:in|into) crisis\\b', '\\brestructuring (?:specialists|advisers|experts|firm)\\b', '\\bhalt(?:ed|s)? production\\b',
    '\\b(?:issue[sd]?|issuing) a (?:profit |revenue |sales )?warning', '\\bnet loss\\b', '\\bwiden(?:ed|s|ing)? (?:its |their )?(?:' + W + ' )?loss',
    '\\b(?:swung|swings|plunged|slipped|fell) (?:to|into) (?:a )?(?:' + W + ' )?loss\\b', '\\brecord loss\\b', '\\bheavy losses\\b', '\\bmaterial uncertainty\\b',
    '\\bdowngrade[ds]?\\b', '\\bcut to junk\\b', '\\bjunk status\\b', '\\bcash crunch\\b', '\\bliquidity (?:crisis|crunch|problems|squeeze|shortfall)\\b',
    '\\bcash[- ]strapped\\b', '\\bfinancial (?:difficulties|trouble|distress|problems|issues|woes|straits)\\b', '\\bstruggling to (?:raise|refinance|pay)\\b(?! (?:its |their |the )?(?:' + W + ' )?(?:employees|staff|workers|wages|salaries|suppliers|creditors|rent)\\b)',
    '\\bbreach(?:ed|es)? (?:of )?(?:its |their )?(?:loan |debt |banking )?covenants?\\b', '\\bcovenant breach', '\\bimpairment\\b',
    '\\bwrite[- ]?downs?\\b', '\\bwr(?:ote|ites) down\\b', '(?<=\\bshares? (?:' + W + ' ){0,3})(?:plunge[sd]?|tumble[sd]?|crash(?:ed|es)?|slump(?:ed|s)?)', '\\bbail-?out\\b',
    '\\brescue (?:deal|talks|package|financing|plan)', '\\bcuts? (?:its |their )?(?:' + W + ' )?(?:guidance|forecast|outlook)\\b', '\\blowers? (?:its |their )?(?:guidance|forecast|outlook)',
    '\\bstruggl(?:ed|es|ing) with (?:' + W + ' ){0,2}(?:debts?|losses)\\b', '\\b(?:buckling|struggling|drowning) under (?:' + W + ' ){0,4}debts?\\b', '\\bdebt pile\\b', '\\bloss-making\\b', '\\bwarn(?:s|ed|ing)? (?:' + W + ' ){0,4}(?:may|could|might|will) (?:go out of business|collapse|run out of (?:cash|money))', '\\b(?:worried|doubts?|concerns?) about (?:its|their|the company\'s) (?:survival|ability to)', '\\bhard to see how (?:' + W + ' ){0,3}can survive\\b', '\\blooking for (?:additional |new |fresh |emergency )?(?:finance|funding|financing|capital)\\b', '\\brestructuring (?:specialists|advisers|advisors|experts|firm)\\b', '\\bnotice of intention to appoint (?:' + W + ' ){0,4}administrators?\\b', '\\b(?:lining up|line up|considered to serve as|being considered as) (?:' + W + ' ){0,4}administrators?\\b', '\\brisks? collapsing\\b', '\\bdownfall\\b',
    '(?<=\\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|drop(?:s|ped|ping)?|downgrad(?:e|es|ed|ing)) (?:' + W + ' ){0,5})(?:credit |debt |bond |issuer )?ratings?\\b', '\\bratings? (?:was |were |has been |have been |had been )?(?:cut|lowered|reduced|slashed|downgraded)\\b', '\\brating (?:cut|reduction|downgrade)s?\\b', '\\b(?:lowered|cut|downgraded|slashed) (?:' + W + ' ){0,4}(?:notch(?:es)?|junk)\\b', '\\b(?:operating|quarterly|annual|pre-?tax|half-year|full-year|first-half|underlying|(?:first|second|third|fourth)-quarter|biggest|largest|huge|steep|wider) loss(?:es)?\\b', '\\blosing quarters?\\b', '\\b(?:post(?:s|ed|ing)?|report(?:s|ed|ing)?|book(?:s|ed|ing)?|suffer(?:s|ed|ing)?|incur(?:s|red|ring)?) (?:a |an |its |their )?(?:' + W + ' ){0,3}loss(?:es)?\\b(?! of (?:jobs|customers|market share))', '\\b(?:decline|drop|fall|slump|plunge|collapse) in (?:' + W + ' ){0,2}(?:profits?|earnings|revenues?|sales|turnover)\\b', '(?<=\\b(?:profits?|earnings|revenues?|turnover) (?:' + W + ' ){0,3})(?:fell|dropped|slumped|plunged|tumbled|declined|sank|collapsed|halved|shrank)\\b', '\\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?) (?:its |their |the )?(?:' + W + ' ){0,3}(?:guidance|forecasts?|outlook)\\b',
    // Losses and cash trouble in more verbs and idioms ("slipped into the red", "running out of cash", "accrued $3 billion of debt", "outlook revised to negative").,
    '\\b(?:in|into) the red\\b',
    '\\b(?:run(?:s|ning)?|ran) (?:' + W + ' )?out of (?:cash|money|funds|liquidity)\\b',
    '\\b(?:accrued|accumulated|racked up|amassed|saddled with|burdened with|weighed down by) (?:[$£€]?' + W + ' ){0,5}(?:debts?|losses|liabilities)\\b',
    '\\boutlook (?:' + W + ' ){0,3}(?:to |at )?negative\\b',
    '\\bemergency (?:funding|loan|financing|cash|capital|credit)\\b',
    '\\bwarn(?:s|ed|ing)? (?:' + W + ' ){0,2}(?:on|over|about) (?:its |their )?(?:profits?|earnings|sales|revenues?|margins|results)\\b',
    // Profit warnings told without the word ("profits will be significantly lower than expectations", "below analyst
    // expectations"), share collapses with the company between ("Shares in the Irish software company CBT plummeted"),
    // a crisis at a company.
    '\\b(?:below|(?:"|\')?lower(?:"|\')? than|short of|fall short of|miss(?:ed|es|ing)?) (?:' + W + ' ){0,2}(?:expectations|forecasts|estimates|guidance|consensus)\\b',
    '(?<=\\bshares? (?:in|of) (?:' + W + ' ){1,6})(?:plummet|plunge|tumble|crash|slump|sink|sank|dive|nosedive|collapse)(?:d|ed|s|es)?\\b',
    '(?<=\\b(?:share price|stock|shares) (?:' + W + ' ){0,2})(?:plummet(?:ed|s)?|nosedived?|collapsed|crashed)\\b',
    '\\b(?:financial |cash |debt |funding |shares? )crisis (?:at|of|deepens|deepened|worsens|worsened)\\b|\\bcrisis (?:at (?:' + W + ' ){1,3})?deepen(?:s|ed)\\b',
    '\\bworse[- ]than[- ](?:expected|forecast|anticipated)\\b|\\bweaker[- ]than[- ](?:expected|forecast|anticipated)\\b',
    // Profit warnings as a noun in any sentence or headline ("after the retailer issued another profit warning", "third profit warning
    // of the year"), losses the results swing or slip into with the amount between ("could swing into a £4 million loss"), guidance,
    // forecasts and targets cut with longer objects ("lowers full-year profit before tax guidance"), going-concern doubts.
    '\\bprofits? warnings?\\b',
    '\\b(?:swing|swings|swung|swinging|slip|slips|slipped|slide|slides|slid|sink|sinks|sank|tip|tips|tipped|slump|slumps|slumped|tumble|tumbles|tumbled|crash|crashes|crashed) (?:in)?to (?:a |an )?(?:[$£€]?' + W + ' ){0,4}loss(?:es)?\\b',
    '\\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?) (?:its |their |the )?(?:' + W + ' ){4,5}(?:guidance|forecasts?|outlook|targets)\\b',
    '\\b(?:doubts?|uncertaint(?:y|ies)|warn(?:s|ed|ing)?) (?:' + W + ' ){0,6}(?:as )?a going[- ]concern\\b|\\bgoing[- ]concern (?:doubts?|warning|uncertaint(?:y|ies)|qualification)\\b',
    '(?<=\\bshares? (?:in|of) (?:' + W + ' ){1,6}\\([^)]{1,24}\\) )(?:plummet|plunge|tumble|crash|slump|sink|sank|dive|nosedive|collapse)(?:d|ed|s|es)?\\b',
    // Results told against the year before or the plan ("earnings in the fourth quarter would be about 70% down on the year before",
    // "guiding analysts to halve their forecasts", "endured a disappointing second quarter").
    '(?<=\\b(?:profits?|earnings|revenues?|sales|turnover) (?:' + W + ' ){0,6})(?:about |around |some |nearly |almost |roughly )?[0-9]+(?:\\.[0-9]+)? ?(?:%|per ?cent|percent) (?:down|lower)\\b',
    '\\bhalv(?:e|es|ed|ing) (?:its |their |the )?(?:' + W + ' ){0,2}(?:guidance|forecasts?|outlook|targets|profits?|earnings)\\b',
    '\\bdisappointing (?:' + W + ' ){0,2}(?:quarter|half|year|results|trading|sales|figures)\\b',
    '\\bburn(?:ed|t|s|ing)? through (?:' + W + ' ){0,3}(?:cash|reserves|funds)\\b', '\\bbreach(?:ed|es|ing)? (?:' + W + ' ){0,4}(?:loan|debt|banking|credit) (?:agreements?|facilit(?:y|ies)|terms)\\b',
  ],
  layoffs: [
    '\\bjobs? (?:go|goes|to go|will go|lost|losses|at risk)\\b', '\\bloss of (?:\\w+ ){0,3}jobs\\b', '\\bshops? will close\\b', '\\bstores? (?:will )?close\\b', '\\bclosed (?:nearly |about |around )?[0-9]+ (?:locations|stores|sites|shops|restaurants)',
    '\\blay(?:s|ing)? off\\b', '\\blaid off\\b', '\\blayoffs?\\b', '\\bjob cuts?\\b', '\\bcut(?:s|ting)? (?:' + W + ' ){0,3}jobs\\b', '\\bslash(?:es|ed|ing)? (?:' + W + ' ){0,3}jobs\\b',
    '\\bredundanc(?:y|ies)\\b', '\\bheadcount reduction', '\\bworkforce reduction', '\\bplant closures?\\b',
    '\\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?(?: down)?) (?:' + W + ' ){0,3}(?:plant|plants|factory|factories|stores|sites|mill|mills|mine|mines|shops|branches|outlets|restaurants|depots|pubs|offices|locations|warehouses)\\b', '\\bshort[- ]time work', '\\bfurlough', '\\bcost(?:ing|s)? (?:' + W + ' ){0,6}(?:their|its) jobs\\b', '\\b(?:axe|axes|axed|axing|shed|sheds|shedding) (?:' + W + ' ){0,3}(?:jobs|roles|staff|posts)\\b',
    '\\beliminat(?:e|es|ed|ing) (?:' + W + ' ){0,3}(?:jobs|positions|roles|posts)\\b', '\\btrim(?:s|med|ming)? (?:' + W + ' ){0,3}(?:jobs|workforce|staff|headcount)\\b', '\\bjob losses\\b', '\\bjobs? (?:are |were |will be |to be )?(?:cut|axed|shed|slashed|eliminated)\\b', '\\bmade redundant\\b', '\\b(?:staff|employees|workers) (?:' + W + ' ){0,3}let go\\b', '\\b(?:staff|employees|workers|jobs|roles|positions) (?:' + W + ' ){0,6}(?:put|placed) at risk\\b', '\\bcost(?:ing|s)? (?:' + W + ' ){7,8}(?:their|its) jobs\\b',
    '\\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|shrink(?:s|ing)?|halv(?:e|es|ed|ing)) (?:its |their |the )?(?:' + W + ' ){0,2}(?:workforce|headcount|staff numbers|payroll)\\b',
    '\\bjobs? (?:' + W + ' ){0,2}(?:under threat|to be lost|will be lost|are being lost)\\b',
    '\\bmothball(?:s|ed|ing)?\\b',
  ],
  legal_dispute: [
    '\\blawsuits?\\b', '\\bsued\\b', '\\bsues\\b', '\\bsuing\\b', '\\bclass action\\b', '\\bfraud\\b', '\\bindict(?:ed|ment)\\b', '\\bprobe (?:into|over)\\b',
    '\\binvestigation (?:into|over|of)\\b', '\\bcharged with\\b', '\\bfined\\b', '\\bpenalty of\\b', '\\bsanctions? (?:on|against)\\b', '\\bsanctioned by (?:the )?(?:us|eu|uk|treasury|ofac|seco)\\b',
    '\\bmoney laundering\\b', '\\bbribery\\b', '\\bcorruption\\b', '\\blitigation\\b', '\\barbitration\\b', '\\bsettle(?:d|s)? (?:a |the )?(?:lawsuit|case|claims)', '\\braid(?:ed|s)?\\b',
    '\\bembezzle',
    '\\bplaintiffs?\\b', '\\bdefendants?\\b', '\\baccused of\\b', '\\b(?:record )?fine of\\b', '\\bsanction(?:ed|s)? (?:' + W + ' ){0,2}with\\b', '\\bpenali[sz]ed\\b', '\\b(?:pursuing|seeking|wants) compensation\\b', '\\btaken to court\\b',
    // Suits, verdicts and regulators' actions told with any verb ("was guilty of", "hit with a suit", "legal action against").,
    '\\b(?:found |was |were |is |are |pleaded |pleads )?guilty of\\b',
    '\\b(?:antitrust|competition|cartel|securities|consumer) (?:violations?|fines?|probes?|investigations?|lawsuits?|suits?|charges?|case|claims?|breach(?:es)?)\\b',
    '\\bhit with (?:a |an )?(?:' + W + ' ){0,3}(?:suit|lawsuit|claim|fine|penalty|charges?|investigation|probe)\\b',
    '\\blegal (?:action|proceedings|battles?|fight|challenge|claims?) (?:against|over|with)\\b',
    '\\bsuits? (?:against|over|filed|brought)\\b',
    '\\bsettle(?:d|s|ment)? (?:' + W + ' ){0,3}(?:with (?:the )?(?:sec|ftc|doj|fca|regulators?|prosecutors?|authorities)|charges|allegations)\\b',
    '\\b(?:fines?|penalt(?:y|ies)) (?:' + W + ' ){0,2}(?:imposed|levied) on\\b',
    '\\bordered to pay (?:' + W + ' ){0,4}(?:damages|compensation|fines?|penalt(?:y|ies))\\b',
    '\\b(?:facing|faces|face) (?:a |an )?(?:' + W + ' ){0,3}(?:class action|lawsuit|suit|trial|prosecution|charges|probe|investigation)\\b',
    // Investigations told by who runs them ("Federal prosecutors have begun examining Wells Fargo's practices").
    '\\b(?:prosecutors?|regulators?|investigators|authorities|the (?:sec|fca|doj|ftc|cma|serious fraud office)) (?:' + W + ' ){0,3}(?:examining|investigating|probing|scrutini[sz]ing|raided|charged|fined)\\b',
    '\\b(?:enquiry|inquiry) (?:' + W + ' ){0,8}into\\b',
    // Verdicts and complaints in more verbs ("pleaded guilty to", "convicted of", "a complaint against", "filed a class-action lawsuit",
    // "took the retailer to court", "is under investigation").
    '\\bplead(?:s|ed|ing)? guilty\\b|\\bconvicted of\\b', '\\bcomplaints? (?:filed |lodged )?against\\b', '\\bclass-action\\b',
    // A fine or penalty paid and a probe settled by paying ("Verizon to pay $25 million fine", "agreed to pay $550,000 to resolve a
    // Federal Communications Commission investigation").
    '\\b(?:pay|pays|paid|paying) (?:a |an |the )?(?:[$£€]?' + W + ' ){0,3}(?:fine|penalty|civil penalty)\\b',
    '\\bto (?:resolve|settle) (?:a |an |the )?(?:' + W + ' ){0,4}(?:investigation|probe|inquiry|enquiry|lawsuit|suit|charges|allegations|claims)\\b',
    '\\b(?:take|takes|taking|took|taken) (?:' + W + ' ){1,3}to court\\b', '\\b(?:is|are|was|were|remains?|been|now|being) under (?:' + W + ' ){0,2}investigation\\b', '\\binjunction against\\b',
  ],
  management_change: [
    '\\bsucceed(?:s|ed)? (?:\\w+ ){0,3}as (?:chief executive|ceo|chair|chairman|cfo)\\b', '\\breplac(?:e|es|ed|ing) (?:\\w+ ){0,3}as (?:chief executive|ceo|chair|chairman|cfo)\\b', '\\b(?:tak(?:e|es|ing|en)|took) over as (?:(?:the |its )?(?:new |interim )?)(?:chief executive|ceo|chair|chairman|chairwoman|cfo|president|managing director)\\b',
    '\\bresign(?:s|ed|ation)?\\b', '\\bstep(?:s|ped|ping)? down\\b', '\\bsteps aside\\b',
    '\\bappoint(?:s|ed)? (?:' + W + ' ){0,3}(?:as )?(?:new )?(?:chief executive|ceo|cfo|chairman|chairwoman|chair|finance director|managing director|chief financial officer)',
    '\\bnamed (?:as )?(?:new )?(?:chief executive|ceo|cfo|chairman|chair|chief financial officer)', '\\bnew (?:ceo|cfo|chief executive|chairman|chief financial officer)',
    '\\b(?:ceo|cfo|chief executive|chairman) (?:departs|quits|leaves|ousted|fired|exits|to leave|to step down)', '\\bousted\\b', '\\bquits\\b',
    '\\bretir(?:e|es|ing|ement) (?:' + W + ' ){0,2}as (?:group )?(?:chief executive|ceo|chair|chairman|cfo|chief financial officer|managing director)', '\\b(?:will )?succeed (?:him|her)\\b', '\\bjoin(?:s|ed)? (?:' + W + ' ){0,2}as (?:group |its |the )?(?:new )?(?:chief executive|ceo|cfo|chair|chairman|chief financial officer|managing director)', '\\bnew (?:boss|leader|chief)\\b', '\\bchange (?:in|of) (?:boss|ceo|chief executive|leadership)\\b',
    '\\bnam(?:e|es|ed|ing) (?:' + W + ' ){0,5}as (?:its |the )?(?:new |interim )?(?:chief executive|ceo|cfo|chair|chairman|chairwoman|president|chief financial officer|managing director)\\b', '\\b(?:as|named|appointed|become|becomes|became) (?:the |its )?interim (?:ceo|chief executive|cfo|chair|chairman|boss)\\b',
    '\\bretirement of (?:' + W + ' ){1,4}(?:who has been|as) (?:the |its )?(?:group )?(?:chief executive|ceo|chair|chairman|cfo|managing director)\\b',
    '\\b(?:chief executive|ceo|chairman|chair|cfo|chief financial officer|managing director) (?:' + W + ' ){0,3}(?:resigned|stepped down|departed|was fired|was ousted|was dismissed|retired|will retire|is leaving|left the company|left (?:his|her) (?:position|post|role|job)|exited|quit)\\b',
    // A departure told as a noun or an idiom ("the dismissal of its Chief Financial Officer", "the departure of its chief
    // executive", "falling on his sword"), and boards that fire or oust their chief.
    '\\b(?:dismissal|departure|exit|ousting|firing|sacking|removal|resignation|retirement) of (?:its |the |their )?(?:' + W + ' ){0,2}(?:chief executive|ceo|cfo|chief financial officer|chief operating officer|coo|chairman|chairwoman|chair|president|managing director|finance director|boss)\\b',
    '\\b(?:fell|falls?|falling|fallen) on (?:his|her) sword\\b',
    '\\b(?:fired|fires|sacked|sacks|dismissed|dismisses|ousted|ousts|removed) (?:its |the |their )?(?:' + W + ' ){0,2}(?:chief executive|ceo|cfo|chief financial officer|chairman|president|managing director|boss)\\b',
    '\\b(?:announc(?:es|ed|ing)|makes|made|unveil(?:s|ed)) (?:' + W + ' ){0,3}(?:board |executive |management |leadership )?appointments?\\b',
    // The successor chosen "as its next president and chief executive officer", a chief who "said he was retiring".
    '\\bas (?:its|the|their) (?:next|new) (?:president and )?(?:chief executive(?: officer)?|ceo|cfo|chief financial officer|chair(?:man|woman)?|president|managing director)\\b',
    '\\b(?:ceo|cfo|chief executive|chairman|chairwoman|president|managing director|boss) (?:' + W + ' ){0,3}(?:said|says|announced|announces) (?:he|she) (?:was|is|will be) (?:retiring|stepping down|leaving)\\b',
    // The chief removed with the person as object ("dumped him as CEO", "ousted her as chairman").
    '\\b(?:dump(?:s|ed)?|fire[sd]?|sack(?:s|ed)?|oust(?:s|ed)?|remove[sd]?|axe[sd]?) (?:him|her) as (?:chief executive|ceo|cfo|chairman|chairwoman|chair|president|managing director|boss)\\b',
  ],
  ownership_change: [
    '\\bpurchased\\b', '\\bup for sale\\b', '\\bnew owners?\\b', '\\bbid for\\b', '\\brescued (?:\\w+ ){0,3}by\\b', '\\bsaved (?:\\w+ ){0,4}by (?:an? )?(?:\\w+ )?buyer\\b', '\\bprivate ownership\\b',
    '\\bacqui(?:re|res|red|ring|sition)\\b', '\\btakeover\\b', '\\bmerger\\b', '\\bmerge(?:s|d)? with\\b', '\\bbuy(?:s|ing)? (?:out )?(?:rival|competitor)',
    '\\bbuyout\\b', '\\bagreed to (?:buy|sell|acquire)\\b', '\\bsold to\\b', '\\b(?:sells?|sold|selling) (?:its |the )?(?:' + W + ' ){0,2}(?:unit|division|business|stake|subsidiary|arm)\\b',
    '(?<!\\b(?:reduced|reduces|reducing|cut|cuts|cutting|trimmed|trims|trimming|lowered|lowers|lowering) (?:its |their |his |her |the )?)\\bstake in\\b', '\\btakes? over\\b', '\\bbought by\\b', '\\bto be bought\\b',
    '\\b(?:rescued|saved) from administration by\\b', '\\brescue deal\\b', '\\bwill (?:purchase|acquire|buy)\\b', '\\bis buying\\b', '\\bbought (?!by\\b)', '\\bprivati[sz](?:e|ed|ation)\\b', '\\b(?:seeking|find|found) a buyer\\b', '\\bsuitors?\\b', '\\bsnap(?:s|ped)? up\\b',
    // A deal to buy told as a noun ("had a tentative deal to buy most of its assets", "a deal to acquire").
    '\\bdeal to (?:buy|acquire|purchase|take over)\\b',
    // A sale out of administration told after the insolvency's own words ("saved from administration by an unnamed buyer",
    // "rescued from administration by retail giant Next", "bought out of administration in a deal"): the insolvency trigger ends
    // at "administration", the sale is the words after it.
    '(?<=\\b(?:bought|sold|rescued|saved|snapped up) (?:out of|from) (?:administration|receivership) )(?:by (?:an? |the )?(?:' + W + ' ){0,2}(?:buyer|bidder|owners?|investors?|rival|giant|group|consortium)|in a (?:' + W + ' )?deal)\\b',
  ],
  positive: [
    '\\bbeats? (?:\\w+ )?targets\\b', '\\btop(?:s|ped)? (?:\\w+ )?estimates\\b',
    '\\brecord (?:profit|revenue|sales|earnings|results|year)\\b', '\\brais(?:es|ed|ing) (?:\\$|£|€|chf|usd|eur)? ?[0-9]', '\\bfunding round\\b', '\\bseries [a-f] (?:round|funding)',
    '\\bcapital (?:increase|injection)\\b', '\\bupgrade[ds]?\\b(?! (?:of|to) (?:its|the) (?:software|systems?|network|plant|facilit))', '\\bwins? (?:a |an )?(?:' + W + ' ){0,2}(?:contract|order|deal|tender)\\b', '\\bwon (?:a |an )?(?:' + W + ' ){0,2}(?:contract|order|deal|tender)\\b',
    '\\bmajor (?:contract|order)\\b', '\\bbeats? (?:' + W + ' )?(?:expectations|estimates|forecasts)', '\\brais(?:es|ed) (?:its |full-year )?(?:guidance|forecast|outlook)',
    '\\bprofits? (?:rose|jumped|soared|surged|doubled)', '\\breturn(?:ed|s)? to profit', '\\bback (?:in|to) (?:the )?black', '\\bemerge[sd]? from (?:bankruptcy|administration|chapter 11)',
    '\\brefinanc(?:ing|ed) (?:' + W + ' )?(?:secured|completed)', '\\bhir(?:e|es|ing) [0-9]',
    '(?<=\\b(?:profits?|earnings|revenues?|sales|turnover) (?:' + W + ' ){0,4})(?:rose|increased|jumped|soared|surged|doubled|climbed|grew|up [0-9])', '\\b(?:profit|earnings|revenue|sales) (?:rise|jump|surge|growth) of\\b', '\\b[0-9]+(?:\\.[0-9]+)? (?:per ?cent|percent|%) (?:profit|earnings|revenue|sales) (?:rise|jump|increase)',
    '\\b(?:ahead of|above|beating|beat|exceed(?:ed|ing|s)?) (?:' + W + ' ){0,2}(?:expectations|estimates|forecasts|consensus)', '\\brecord profits\\b', '\\b(?:largest|biggest|record)[- ](?:ever )?(?:' + W + ' )?dividend', '\\breinstat(?:e|es|ed|ing) (?:the |its )?(?:dividend|payout)', '\\bshare buyback\\b',
    '\\b(?:secures?|secured|awarded|lands?|landed|signs?|signed) (?:a |an )?(?:' + W + ' ){0,3}(?:contract|order|deal)s? (?:worth|valued|for|to (?:build|supply|deliver))',
    // Results above expectations in the compound adjective ("better-than-expected first quarter sales").
    '\\b(?:better|stronger)[- ]than[- ](?:expected|forecast|anticipated)\\b',
    // Capital raised told without the amount first ("closed a Series B funding round", "completed a £20m equity raise", "raised fresh capital").
    '\\b(?:rais(?:es|ed|ing)|secur(?:es|ed|ing)|clos(?:es|ed|ing)|complet(?:es|ed|ing)) (?:a |an |its |the )?(?:[$£€]?' + W + ' ){0,4}(?:funding|financing|investment|capital|equity) (?:round|raise|injection|increase)\\b',
    '\\brais(?:es|ed|ing) (?:' + W + ' ){0,2}(?:fresh|new|additional) (?:capital|equity|funding|financing)\\b',
  ],
};
