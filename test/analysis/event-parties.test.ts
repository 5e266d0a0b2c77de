/**
 * Who gets the event, and when there is none: the role and modality rules of the event extractor on real sentences of
 * the development corpus (analysis/eval/corpus/events.dev.jsonl; each line carries its page URL and source domain there).
 * The party checks run the analyzer as a credit manager would: every organisation the sentence names is a watched
 * customer, and a liquidator, acquirer, auditor or adviser must not receive the debtor's event.
 */
import { devEventLine, type DevEventLine } from './support/dev-events.js';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../analysis/analyze-document.js';
import { classifyDocument } from '../../analysis/classify/index.js';
import { buildWatchlistIndex } from '../../analysis/linking/index.js';
import { loadEventModel } from '../../app/event-model.js';
import { loadLinkModel } from '../../app/link-model.js';
import { HARD_EVENT_TYPES } from '../../platform/schemas/common.js';
import type { Customer } from '../../platform/schemas/customer.js';

const HARD = new Set<string>(HARD_EVENT_TYPES);
const model = loadEventModel();
const linkModel = loadLinkModel();
const line = devEventLine;
const publishedAt = (l: DevEventLine) => (l.date ? `${l.date.slice(0, 4)}-${(l.date.slice(5, 7) || '06').padEnd(2, '0')}-15T00:00:00Z` : undefined);
const read = (id: string) => {
  const l = line(id);
  const at = publishedAt(l);
  return classifyDocument({ text: l.text, lang: l.lang, ...(at ? { publishedAt: at } : {}) }, { model });
};
const hardTypes = (id: string) => [...new Set(read(id).events.map((e) => e.type).filter((t) => HARD.has(t)))].sort();

/** The alerts each organisation of the sentence receives when all of them are watched customers. */
function alertsByOrg(id: string): Map<string, string[]> {
  const l = line(id);
  const customers: Customer[] = l.orgs.map((org, i) => ({ id: `c${i}`, name: org, aliases: [], registerIds: [], domains: [], country: '', industry: '', tags: [] }));
  const fetchedAt = publishedAt(l) ?? '2026-01-01T12:00:00Z';
  const doc = { id: l.id, sourceId: 'corpus', kind: 'news' as const, url: l.url, title: '', text: l.text, language: l.lang, publishedAt: publishedAt(l), fetchedAt };
  const out = new Map<string, string[]>(l.orgs.map((o) => [o, []]));
  for (const s of analyzeDocument(doc, buildWatchlistIndex(customers, linkModel), new Date(fetchedAt), { eventModel: model })) {
    const org = s.customerId === undefined ? undefined : l.orgs[Number(s.customerId.slice(1))];
    if (org !== undefined && !s.ambiguous) out.get(org)!.push(s.type);
  }
  return out;
}

describe('parties: only the one that suffers the event gets it', () => {
  it('"The Official Assignee acting as liquidator of X … against auditor Y": the liquidator and the auditor get no insolvency', () => {
    const alerts = alertsByOrg('ev-6011');
    expect(alerts.get('Official Assignee')!.filter((t) => HARD.has(t))).toEqual([]);
    expect(alerts.get('BDO Spicers')!.filter((t) => HARD.has(t))).toEqual([]);
    expect(alerts.get('Capital + Merchant Finance')).toContain('insolvency');
  });

  it('"sold to the new company, X": the buyer named in apposition is not the company sold', () => {
    expect(alertsByOrg('ev-6002').get('Internacionale UK Ltd')).not.toContain('ownership_change');
  });

  it('"X was approached by a client … to take over the assets of a chain of restaurants, that had fallen into insolvency": the relative clause is about the chain, not X', () => {
    expect(alertsByOrg('ev-6015').get('Gannons')!.filter((t) => HARD.has(t))).toEqual([]);
    const rejected = read('ev-6015').rejected.find((e) => e.type === 'insolvency');
    expect(rejected?.cues.join(' ')).toMatch(/relative clause hangs on another noun/);
  });

  it('a law firm engaged "as general bankruptcy counsel" gets no bankruptcy', () => {
    expect(hardTypes('ev-6030')).toEqual([]);
    for (const [, types] of alertsByOrg('ev-6030')) expect(types.filter((t) => HARD.has(t))).toEqual([]);
  });
});

describe('owners, buyers and debts: the direction of the relation decides', () => {
  it('"Hostmore, the owners of TGI Fridays has gone into administration": the owner is in administration, not the chain it owns', () => {
    const alerts = alertsByOrg('ev-0986');
    expect(alerts.get('Hostmore')).toContain('insolvency');
    expect(alerts.get('TGI Fridays')).not.toContain('insolvency');
  });

  it('"Liverpool owners FSG put club up for sale": the owner sells, it is not sold', () => {
    expect(alertsByOrg('ev-1140').get('FSG')).not.toContain('ownership_change');
  });

  it('"Carillion owes suppliers … £2bn": the one that owes is the debtor', () => {
    const delay = read('ev-1081').events.find((e) => e.type === 'payment_delay');
    expect(delay?.subject).toBe('Carillion');
    expect(delay?.role).toBe('debtor');
  });
});

describe('petitions and requests: asked for is not opened', () => {
  it('German: a creditor that "hat … die Eröffnung des Insolvenzverfahrens über das Vermögen der Schuldnerin beantragt" enforces a claim', () => {
    for (const id of ['ev-6055', 'ev-0321']) {
      const hard = read(id).events.filter((e) => HARD.has(e.type));
      expect(hard.map((e) => e.type), id).toEqual(['debt_enforcement']);
      expect(hard[0]!.role, id).toBe('respondent');
    }
  });

  it('Italian: "l\'istanza di liquidazione giudiziale" filed is an insolvency filing, not yet a liquidation', () => {
    expect(hardTypes('ev-1282')).toEqual(['insolvency']);
  });
});

describe('parties by structure, measured before the change on 42 sentences from 21 new source domains (ev-8001 on)', () => {
  const hard = (alerts: Map<string, string[]>, org: string) => alerts.get(org)!.filter((t) => HARD.has(t));

  it('a petition "gegen / against / nei confronti di" a named party is a creditor\'s petition: debt_enforcement for that party, nothing hard for the petitioner', () => {
    const ktz = alertsByOrg('ev-8022');
    expect(ktz.get('Kärntner Tageszeitung')).toContain('debt_enforcement');
    expect(ktz.get('Kärntner Tageszeitung')).not.toContain('insolvency');
    expect(hard(ktz, 'Kärntner Gebietskrankenkasse')).toEqual([]);
    expect(hardTypes('ev-8021')).toEqual(['debt_enforcement']);
    expect(hardTypes('ev-8024')).toEqual(['debt_enforcement']);
    const sopaf = alertsByOrg('ev-8030');
    expect(sopaf.get('Sopaf')).toContain('debt_enforcement');
    expect(hard(sopaf, 'Unicredit')).toEqual([]);
  });

  it('"Bilanzmanipulationsvorwürfen gegen den Leuchtenhersteller Hess AG stellte die … Firma … einen Insolvenzantrag": "gegen" hangs on the noun, the company files for itself', () => {
    expect(hardTypes('ev-8025')).toEqual(['insolvency']);
  });

  it('a rating agency acts on the company it rates: the agency is never the subject, rating codes are no organisations', () => {
    const bp = read('ev-8013').events.filter((e) => e.type === 'financial_distress');
    expect(bp.map((e) => e.subject)).not.toContain("Moody's");
    expect(bp.length).toBeGreaterThan(0);
    expect(alertsByOrg('ev-5121').get("Moody's")).toEqual([]);
    expect(alertsByOrg('ev-5121').get('Thyssenkrupp')).toContain('financial_distress');
    const xerox = alertsByOrg('ev-5174');
    expect(xerox.get("Moody's Investor Service")).toEqual([]);
    expect(xerox.get('Xerox')).toContain('financial_distress');
    expect(read('ev-8010').events.find((e) => e.type === 'financial_distress')?.subject).toMatch(/^FirstEnergy/);
    expect(read('ev-5180').events.map((e) => e.subject)).not.toContain('Prime-2');
  });

  it('"Victoria Secret’s UK arm falls into administration": the unit suffers it, the owner named in the possessive does not', () => {
    expect(hard(alertsByOrg('ev-0118'), 'Victoria Secret')).toEqual([]);
    // The subject the role rules give the event, whether or not the trained layer's threshold keeps it (p 0.73 today).
    const r = read('ev-0118');
    expect([...r.events, ...r.rejected].find((e) => e.type === 'insolvency')?.subject).toBe('UK arm');
  });

  it('"Le groupe Altia, propriétaire de Caddie et de 47 autres entreprises, a été placé … en redressement judiciaire": the subsidiary inside the apposition gets nothing', () => {
    const alerts = alertsByOrg('ev-8040');
    expect(alerts.get('Altia')).toContain('insolvency');
    expect(hard(alerts, 'Caddie')).toEqual([]);
  });

  it('"one of the Company’s creditors, Top Shine Global Limited, filed a petition to wind up the Company": the creditor in apposition petitions, the possessor is the debtor', () => {
    expect(hard(alertsByOrg('ev-1498'), 'Top Shine Global Limited')).toEqual([]);
    const r = read('ev-1498');
    expect([...r.events, ...r.rejected].find((e) => e.type === 'debt_enforcement')?.subject).toMatch(/Company/);
  });
});

describe('parties by grammar, measured before the change on 16 sentences from 15 new source domains (ev-9282 on)', () => {
  const hard = (alerts: Map<string, string[]>, org: string) => alerts.get(org)!.filter((t) => HARD.has(t));
  const event = (id: string, type: string) => read(id).events.find((e) => e.type === type);

  it('the subject of the active verb that serves a petition is the petitioner ("HMRC … duly served a petition"): the club is the respondent', () => {
    const e = event('ev-9282', 'debt_enforcement');
    expect(e?.subject).toBe('the club');
    expect(e?.role).toBe('respondent');
    expect(e?.parties?.map((p) => [p.text, p.role])).toContainEqual(['HMRC', 'petitioner']);
    expect(hard(alertsByOrg('ev-9282'), 'HMRC')).toEqual([]);
  });

  it('German: whoever "beantragte die Eröffnung eines Insolvenzverfahrens" about another (…der Schuldnerin, über das Vermögen des Schuldners) enforces a claim', () => {
    const e = event('ev-9289', 'debt_enforcement');
    expect(hardTypes('ev-9289')).toEqual(['debt_enforcement']);
    expect(e?.subject).toBe('der Schuldnerin');
    expect(e?.role).toBe('respondent');
    expect(hard(alertsByOrg('ev-9290'), 'Krankenkasse K')).toEqual([]);
  });

  it('"hatte die TK … Insolvenzantrag gestellt, da die Neue Elsa die ausstehenden Beiträge nicht gezahlt hatte": the one that did not pay is the respondent', () => {
    const alerts = alertsByOrg('ev-8017');
    expect(hard(alertsByOrg('ev-8017'), 'TK')).toEqual([]);
    expect(alerts.get('Neue Elsa')).toContain('debt_enforcement');
    expect(alerts.get('Neue Elsa')).not.toContain('insolvency');
  });

  it('Italian: "La Procura … ha ribadito … la richiesta di liquidazione giudiziale per Bioera spa" is a petition against Bioera, nothing for the prosecutor', () => {
    const alerts = alertsByOrg('ev-9298');
    expect(alerts.get('Bioera spa')).toEqual(['debt_enforcement']);
    expect(alerts.get('Procura di Milano')).toEqual([]);
  });

  it('a company asking for itself stays insolvent, and a court is never the subject ("… beim Amtsgericht München einen Antrag … gestellt, teilte das Unternehmen mit")', () => {
    const e = event('ev-1860', 'insolvency');
    expect(e?.subject).toBe('das Unternehmen');
    expect(hardTypes('ev-1860')).toEqual(['insolvency']);
    // The rules' reading, whatever the trained layer then decides: the company that "beantragt … Konkurs" files for itself.
    const own = [...read('ev-1473').events, ...read('ev-1473').rejected].filter((e) => HARD.has(e.type));
    expect(own.map((e) => [e.type, e.subject])).toContainEqual(['insolvency', 'René Benkos Signa Holding']);
    expect(own.map((e) => e.type)).not.toContain('debt_enforcement');
  });

  it('"No Ordinary Designer Label (NODL), the company operating Ted Baker’s UK shops, succumbed to administration": an apposition behind a bracketed short form', () => {
    const alerts = alertsByOrg('ev-2070');
    expect(alerts.get('No Ordinary Designer Label')).toContain('insolvency');
    expect(hard(alerts, 'Ted Baker')).toEqual([]);
  });

  it('creditors listed in a bracket after "ses créanciers majeurs (…)" get none of the debtor\'s restructuring', () => {
    const alerts = alertsByOrg('ev-1262');
    expect(alerts.get('Casino')).toContain('debt_restructuring');
    for (const org of ['EP Global Commerce', 'Fimalac', 'Attestor']) expect(hard(alerts, org), org).toEqual([]);
  });

  it('"Le quattro aziende, tutte controllate dalla finanziaria bavarese Leviticus Industries, avevano chiesto … il concordato": the parent in the participle phrase gets nothing', () => {
    expect(hard(alertsByOrg('ev-9296'), 'Leviticus Industries')).toEqual([]);
  });

  it('"… with HM Revenue & Customs to stop it being wound up over unpaid debts": the pronoun stands for the club, not for the organisation after "with"', () => {
    const alerts = alertsByOrg('ev-0340');
    expect(alerts.get('HM Revenue & Customs')).toEqual([]);
    expect(hard(alerts, 'The Bury Football Club Company Ltd').length).toBeGreaterThan(0);
  });
});

describe('parties by structure, measured before the change on 23 sentences from 14 new source domains (ev-34101 on)', () => {
  const hard = (alerts: Map<string, string[]>, org: string) => alerts.get(org)!.filter((t) => HARD.has(t));

  it('"Schadensersatzklage von VW / der Volkswagen AG (Klägerin) … gegen ein Zulieferer-Unternehmen": the genitive of a lawsuit directed against another is its author', () => {
    expect(alertsByOrg('ev-34114').get('VW')).toEqual([]);
    expect(alertsByOrg('ev-34115').get('Volkswagen AG')).toEqual([]);
    const dispute = read('ev-34114').events.find((e) => e.type === 'legal_dispute');
    expect(dispute?.parties).toEqual([expect.objectContaining({ text: 'VW', role: 'plaintiff' })]);
  });

  it('"HMRC have … been forced to consent to the dismissal of a winding-up petition … after … presenting a winding-up petition": the petitioner of one trigger is no debtor of another', () => {
    expect(alertsByOrg('ev-34107').get('HMRC')).toEqual([]);
  });

  it('a short bracket after a name holds its former name, short form or group: "Rio Tinto (ex-Alcan Pechiney)", "La Redoute (Redcats, PPR)"', () => {
    expect(alertsByOrg('ev-0472').get('Alcan Pechiney')).toEqual([]);
    expect(alertsByOrg('ev-0472').get('Rio Tinto')).toContain('layoffs');
    expect(alertsByOrg('ev-0510').get('PPR')).toEqual([]);
    expect(read('ev-0510').events.find((e) => e.type === 'layoffs')?.subject).toMatch(/Redoute/);
  });

  it('a bracket that describes ("Onorato Armatori (holding che controlla Cin Tirrenia e Moby)") is no alias, and an alias marked only through its head leaves the choice to the head ("gegen die Kärntner Tageszeitung (KTZ)")', () => {
    const alerts = alertsByOrg('ev-8022');
    expect(alerts.get('Kärntner Tageszeitung')).toEqual(['debt_enforcement']);
    expect(hard(alerts, 'Kärntner Gebietskrankenkasse')).toEqual([]);
    expect(alertsByOrg('ev-1785').get('Onorato Armatori')).not.toContain('payment_delay');
  });

  it('"No Ordinary Designer Label, trading as Ted Baker, has filed a notice of intention …": the trading name is not a second subject', () => {
    const alerts = alertsByOrg('ev-2067');
    expect(alerts.get('Ted Baker')).toEqual([]);
    expect(alerts.get('No Ordinary Designer Label')).toEqual(['financial_distress']);
  });

  it('good news from a customer: "einen weiteren Auftrag von Stockholm Transport (SL) erhalten", "un contrat … avec la SNCF", "ha firmato con il gruppo americano Carnival, che controlla Costa Crociere e Aida, una commessa": the customer gets nothing, the one that wins it does', () => {
    const order = alertsByOrg('ev-0653');
    expect(order.get('Stockholm Transport')).toEqual([]);
    expect(order.get('Stadler Rail')).toEqual(['positive']);
    expect(alertsByOrg('ev-0635').get('SNCF')).toEqual([]);
    expect(alertsByOrg('ev-0635').get('Alstom')).toEqual(['positive']);
    expect(alertsByOrg('ev-0649').get('Carnival')).toEqual([]);
    expect(read('ev-0653').events.find((e) => e.type === 'positive')?.parties.some((p) => /Stockholm Transport/.test(p.text) && p.role === 'customer')).toBe(true);
  });

  it('"Die Pierer Group muss für die KTM AG … einen Restrukturierungsplan vorlegen": the one a plan is made for is no clause subject; "HMRC’s petition for GBP 1.1 million" (no article) is no beneficiary', () => {
    expect(alertsByOrg('ev-1837').get('KTM AG')).toEqual([]);
    expect(read('ev-1837').events.find((e) => e.type === 'debt_restructuring')?.subject).toBe('Pierer Group');
    expect(alertsByOrg('ev-29317').get('HMRC')).toEqual([]);
  });

  it('"Matchesfashion, the online clothes retailer known as Matches (acquired by Frasers …)": the name it is known as is its alias, not a second company sold', () => {
    expect(alertsByOrg('ev-8003').get('Matches')).toEqual([]);
  });

  it('"the Body Shop’s UK business … went into administration": the unit a possessive names suffers it, not its owner', () => {
    const alerts = alertsByOrg('ev-2083');
    expect(alerts.get('Body Shop')).toEqual([]);
    expect(read('ev-2083').events.find((e) => e.type === 'insolvency')?.subject).toBe('UK business');
  });
});

describe('no specific fact: law, trends, conditions, history, reports', () => {
  it('a bare plural "Winding-Up petitions" is talk of petitions in general', () => {
    expect(hardTypes('ev-6024')).toEqual([]);
  });

  it('"a list of 16 US retailers and restaurant chains that have filed for bankruptcy and sought Chapter 11 protection": a kind of company, not the publisher named before it', () => {
    expect(hardTypes('ev-0668')).toEqual([]);
  });

  it('what the law allows ("Dagegen ist es nicht zulässig, durch einen Insolvenzantrag …") and a question to the reader about "la tua azienda" are no event', () => {
    expect(hardTypes('ev-0879')).toEqual([]);
    expect(hardTypes('ev-1194')).toEqual([]);
  });

  it('a German sentence opening with its verb ("Erklärt ein Finanzamt … seinen Insolvenzantrag für erledigt, …") is a condition', () => {
    expect(hardTypes('ev-6054')).toEqual([]);
  });

  it('"bounce back from a bankruptcy filing" tells an event that is over', () => {
    expect(hardTypes('ev-6027')).toEqual([]);
  });

  it('"Offenbar haben diverse Parteien Betreibungen … eingereicht" and a court that defers its ruling ("sursis à statuer") are hedged: distress, not the hard event', () => {
    expect(hardTypes('ev-1416')).toEqual([]);
    expect(alertsByOrg('ev-1416').get('Neuchâtel Xamax')).toEqual(['financial_distress']);
    expect(hardTypes('ev-1704')).toEqual([]);
  });
});

describe('parties by structure, measured before the change on 48 sentences from 24 new source domains (ev-45501 on)', () => {
  const hard = (alerts: Map<string, string[]>, org: string) => alerts.get(org)!.filter((t) => HARD.has(t));

  it('"dass das Finanzamt Krefeld einen Antrag … gegen den Regionalligisten KFC Uerdingen gestellt hat": the petitioner of a verb-final clause is not the debtor', () => {
    // https://reviersport.de/fussball/regionalliga/a612500---kfc-uerdingen-zwei-antraege-insolvenz-rs-fragte-weitergehen-kann.html
    const alerts = alertsByOrg('ev-45514');
    expect(hard(alerts, 'Finanzamt Krefeld')).toEqual([]);
    expect(alerts.get('KFC Uerdingen')).toEqual(['debt_enforcement']);
  });

  it('a court caption "U.S. Bank National Association v. Nesbitt Bellevue Property LLC": the one after "v." is the debtor, the court\'s district no party', () => {
    // https://www.whiteandwilliams.com/resources-alerts-New-York-Federal-Court-Permits-Appointment-of-Receiver-for-Hotels-Without-Lender-Having-Commenced-Foreclosure-Action.html
    const alerts = alertsByOrg('ev-45504');
    expect(hard(alerts, 'U.S. Bank National Association')).toEqual([]);
    expect(alerts.get('Nesbitt Bellevue Property LLC')).toEqual(['debt_enforcement']);
    expect(read('ev-45504').events.map((e) => e.subject)).not.toContain('New York');
  });

  it('"era creditore della società EPI S.rl. … chiesto al Tribunale di Trieste la pronuncia del fallimento": the creditor\'s debtor, not the court\'s town', () => {
    // http://ilfallimento.it/giurisprudenza/23.htm
    const alerts = alertsByOrg('ev-45516');
    expect(hard(alerts, 'ZAGO Adriano S. p. A.')).toEqual([]);
    expect(alerts.get('EPI S.rl.')).toContain('debt_enforcement');
    expect(read('ev-45516').events.map((e) => e.subject)).not.toContain('Trieste');
  });

  it('"la richiesta di fallimento intentata dai creditori della Spal": the creditors\' debtor is the subject, their lawyer\'s client gets nothing', () => {
    // https://sport.repubblica.it/news/sport/calcio-spal-udienza-fallimento-rinviata-per-il-dopo-sisma/4184985
    const alerts = alertsByOrg('ev-45530');
    expect(hard(alerts, 'Cornacchini')).toEqual([]);
    expect(hard(alerts, 'Spal').length).toBeGreaterThan(0);
  });

  it('"la saisie conservatoire … diligentée entre les mains de la société CIC Est": the bank holding the account (tiers saisi) and the creditor that declared its claim get nothing', () => {
    // https://juricaf.org/arret/FRANCE-COURDECASSATION-20190306-1728589
    const alerts = alertsByOrg('ev-45518');
    expect(hard(alerts, 'CIC Est')).toEqual([]);
    expect(hard(alerts, 'Garage Sylvestre')).toEqual([]);
  });

  it('"The National League‘s bottom club … are being served a winding-up petition": the possessor of the club is not the club', () => {
    // https://fanbanter.co.uk/scunthorpe-fans-reveal-how-they-plan-to-protest-as-news-emerges-of-winding-up-petition/
    expect(hard(alertsByOrg('ev-45507'), 'National League')).toEqual([]);
    expect(read('ev-45507').events.find((e) => e.type === 'debt_enforcement')?.subject).toBe('bottom club');
  });

  it('"decreto ingiuntivo presentato dall\'azienda Calcio Group che vanta un credito … con il Trento Calcio": the claimant in the relative clause is the creditor', () => {
    // https://giornaletrentino.it/sport/calcio-un-precedente-inchioda-il-trento-1.1147427
    const alerts = alertsByOrg('ev-45552');
    expect(hard(alerts, 'Calcio Group')).toEqual([]);
    expect(alerts.get('Trento Calcio')).toEqual(['debt_enforcement']);
  });

  it('"ha sottoposto a pignoramento tutte le quote sociali del Calcio Avellino SSD" (for its owner\'s debts): the company whose shares are seized owes nothing', () => {
    // https://irpiniaoggi.it/sport/pignorate-le-quote-sociali-del-calcio-avellino-quello-di-serie-d-per-debiti-della-sidigas
    expect(hard(alertsByOrg('ev-45549'), 'Calcio Avellino SSD')).toEqual([]);
  });

  it('"ConocoPhillips seeks seizure of Citgo parent to collect on PDVSA award": a name modifying a relational noun is not the one seized', () => {
    // https://o.canada.com/pmn/business-pmn/conocophillips-seeks-seizure-of-citgo-parent-to-collect-on-pdvsa-award/wcm/dd7a8e92-d55e-4da7-94e1-4ca6f90e7dc0
    const alerts = alertsByOrg('ev-1624');
    expect(hard(alerts, 'Citgo')).toEqual([]);
    expect(hard(alerts, 'ConocoPhillips')).toEqual([]);
  });

  it('"Le groupe de presse régional, qui regroupe les titres Nice-Matin, Var-Matin, Monaco-Matin et 50 % de Corse-Matin, a été placé en redressement": a list inside the relative clause names no debtor', () => {
    // http://www.paca.cci.fr/pageDyn.php?api=Red&id=2516&print=ok
    const alerts = alertsByOrg('ev-45540');
    for (const title of ['Nice-Matin', 'Var-Matin', 'Monaco-Matin', 'Corse-Matin']) expect(hard(alerts, title)).toEqual([]);
  });
});
