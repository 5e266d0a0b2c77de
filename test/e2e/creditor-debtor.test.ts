import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../app/compose.js';
import { runCheck, type ReportAnswer } from '../../app/lookup.js';
import { publishAll } from '../../app/publish.js';
import { startAnalyzer, startScorer } from '../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../app/watchlist.js';
import { parseShabXml, shabToDocument } from '../../collectors/registers/shab.js';
import { gazetteToDocument, parseGazetteAtom } from '../../collectors/registers/gazette.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { TOPICS, type Document } from '../../platform/schemas/index.js';
import { tempDir } from '../helpers.js';

/**
 * Issue 11, "Done when": a credit manager watches both parties of a debt enforcement. Through the
 * real analyzer and scorer (SQLite store, local log) and the check, the event and its grade
 * effect land on the debtor only. The texts are real: a SHAB debt-enforcement notice
 * (test/fixtures/analysis/SOURCES.tsv; its <debtor> field mapped structurally) and sentences of
 * the development corpus (analysis/eval/corpus/events.dev.jsonl ev-0337, ev-0321, ev-0885,
 * ev-0542, ev-8017, ev-9298, ev-1432, ev-9282, ev-45514, ev-45504, ev-45552, ev-45518, with their URLs) in which a creditor acts against a
 * debtor — also as the grammatical subject of its own act, with no marker word before the debtor —,
 * or a shareholder stands beside the company put into liquidation. Where the text leaves the debtor unnamed ("seiner
 * GmbH", "la SARL [8]") only the creditor is watched: it must still get nothing.
 */
const NOW = new Date('2026-12-01T12:00:00Z');
const fixture = (f: string) => readFileSync(new URL(`../fixtures/analysis/${f}`, import.meta.url), 'utf8');

interface Case {
  lang: string;
  /** The party that suffers the event: it must get it. Undefined when the text leaves it unnamed. */
  debtor?: { id: string; name: string; registerIds?: string };
  creditor: { id: string; name: string };
  doc: Document;
  /** The text dates the act years before today: the debtor bears it, and its weight in the grade has decayed. */
  dated?: boolean;
}

function news(id: string, lang: string, url: string, text: string, publishedAt = '2026-11-30T08:00:00.000Z'): Document {
  return { id, sourceId: 'news-test', kind: 'news', url, title: '', text, language: lang, publishedAt, fetchedAt: NOW.toISOString() };
}

const shab = shabToDocument(parseShabXml(fixture('ch_shab_SB01-0000004345_auction.xml')), 'shab-test', NOW);
// A petition to wind up in The Gazette's notice markup (constructed after the official template, see test/fixtures/collectors/SOURCES.tsv).
const petition = readFileSync(new URL('../fixtures/collectors/registers/uk_gazette_notice-feed_petition_2450_constructed.atom', import.meta.url), 'utf8');
const gazette = gazetteToDocument(parseGazetteAtom(petition)[0]!, 'gazette-test', NOW);
const CASES: Case[] = [
  {
    lang: 'de (SHAB notice)',
    debtor: { id: 'jain-cornet', name: 'Asha Kumari Jain Cornet' },
    // The enforcing office named in the notice: a party, never the debtor.
    creditor: { id: 'ba-frick', name: 'Betreibungsamt Region Frick' },
    doc: { ...shab, publishedAt: '2026-11-30T08:00:00.000Z' },
  },
  {
    lang: 'en (Gazette petition to wind up)',
    debtor: { id: 'northfield', name: 'Northfield Shopfitting Ltd', registerIds: '09876543' },
    creditor: { id: 'hmrc-commissioners', name: "HM Revenue and Customs|HMRC|The Commissioners for His Majesty's Revenue and Customs" },
    doc: { ...gazette, publishedAt: '2026-11-30T08:00:00.000Z' },
  },
  {
    lang: 'en',
    debtor: { id: 'southend', name: 'Southend United Football Club Limited|Southend' },
    creditor: { id: 'hmrc', name: 'HM Revenue & Customs|HMRC' },
    doc: news('doc-en', 'en', 'https://www.fourfourtwo.com/us/news/judge-adjourns-southend-winding-petition-until-april', 'Southend have had a winding up bid from HM Revenue & Customs adjourned until April 29 following a hearing.'),
  },
  {
    lang: 'de',
    creditor: { id: 'krankenkasse', name: 'Krankenkasse' },
    doc: news('doc-de', 'de', 'https://www.schnee-gronauer.de/?p=66120', 'Nun war bei der Krankenkasse die Hutschnur gerissen und sie hatte einen Insolvenzantrag über das Vermögen seiner GmbH gestellt.'),
  },
  {
    lang: 'fr',
    creditor: { id: 'urssaf', name: 'URSSAF PACA' },
    doc: news('doc-fr', 'fr', 'https://uplex.fr/contrats/?p=750489', 'Le 4 avril 2024, l’URSSAF PACA a émis une contrainte de 41 387,73 € contre la SARL [8] pour le recouvrement de cotisations sociales.'),
  },
  {
    // The watched shareholder of a company put into liquidation: a party beside the subject, never its bearer.
    lang: 'it',
    creditor: { id: 'qatar-airways', name: 'Qatar Airways Company Q.C.S.C.|Qatar Airways' },
    doc: news(
      'doc-it',
      'it',
      'https://www.wallstreetitalia.com/air-italy-dalla-crisi-alla-liquidazione-a-rischio-1500-lavoratori/',
      'La compagnia aerea italiana con sede a Olbia, controllata direttamente da AQA Holding, a sua volta controllata da Alisarda S.p.A. per il 51% e da Qatar Airways Company Q.C.S.C. per il restante 49%, è stata messa in liquidazione in bonis.',
    ),
  },
  // The creditor as the grammatical subject of its own act, with no marker word before the debtor (ev-8017, ev-9298,
  // ev-1432, ev-9282): the one who asks is not the one asked about.
  {
    lang: 'de (creditor as subject, debtor in a clause of cause)',
    debtor: { id: 'neue-elsa', name: 'Neue Elsa' },
    creditor: { id: 'tk', name: 'Techniker Krankenkasse|TK' },
    doc: news('doc-de-tk', 'de', 'https://heise.de/-87171', 'Ende September hatte die TK bereits einmal Insolvenzantrag gestellt, da die Neue Elsa die ausstehenden Beiträge nicht gezahlt hatte.'),
  },
  {
    lang: 'it (the prosecutor asks for the liquidation)',
    debtor: { id: 'bioera', name: 'Bioera S.p.A.|Bioera spa' },
    creditor: { id: 'procura-mi', name: 'Procura della Repubblica di Milano|Procura di Milano' },
    doc: news(
      'doc-it-procura',
      'it',
      'https://www.ilgiorno.it/milano/cronaca/daniela-santanche-processi-xcv57eyc',
      'La Procura di Milano ha infatti ribadito in udienza la richiesta di liquidazione giudiziale per Bioera spa, società di cui la Santanchè è stata presidente fino al febbraio del 2022.',
    ),
  },
  {
    lang: 'fr (the creditor has the debtor summoned)',
    debtor: { id: 'sci-nbrd', name: 'SCI NBRD' },
    creditor: { id: 'urssaf-nord', name: 'URSSAF du Nord' },
    doc: news(
      'doc-fr-urssaf',
      'fr',
      'https://app.livv.eu/decisions/LawLex202400009283JBJ',
      "Par acte du 2 mai 2024, l'URSSAF du Nord a fait assigner la SCI NBRD'devant le tribunal judiciaire de Lille aux fins de voir prononcer l'ouverture à son égard, d'une procédure de redressement judiciaire et, subsidiairement, une procédure de liquidation judiciaire, en faisant valoir sa créance et la signification des contraintes par procès-verbal de recherches infructueuses.",
      '2024-11-25T08:00:00.000Z',
    ),
    dated: true,
  },
  {
    lang: 'en (the creditor serves the petition; the club unnamed)',
    creditor: { id: 'hmrc-bolton', name: 'HMRC' },
    doc: news(
      'doc-en-hmrc',
      'en',
      'http://www.theboltonnews.co.uk/news/14138033.BREAKING__Wanderers_receive_winding_up_petition_over_unpaid_tax_bill/',
      'Despite requests from the club to HMRC to give it further time to either conclude a sale or raise additional funds, HMRC has proceeded with due process and duly served a petition.',
    ),
  },  // The parties of the roles shift of queries 341–351 (ev-34107, ev-34115, ev-2083, ev-0653): a creditor named by one trigger
  // of the sentence as the petitioner, a plaintiff named in the genitive of its own lawsuit "gegen" another, a parent in the
  // possessive of its insolvent unit, the customer an order comes from. None of them may get the event or a grade effect.
  {
    lang: 'en (the petitioner of another trigger of the sentence; the client unnamed)',
    creditor: { id: 'hmrc-dismissed', name: 'HMRC' },
    doc: news(
      'doc-en-hmrc-dismissed',
      'en',
      'https://taxdisputes.co.uk/2024/06/injunction-success-abusive-hmrc-winding-up-petition-dismissed/',
      'HMRC have today been forced to consent to the dismissal of a winding-up petition for a tax debt of over £0.5m and to pay substantial costs due to poor conduct by HMRC, after first freezing our client’s funds so they couldn’t pay then next presenting a winding-up petition in spite of promising not to.',
    ),
  },
  {
    lang: 'de (the plaintiff in the genitive of its own lawsuit "gegen" another)',
    creditor: { id: 'vw-plaintiff', name: 'Volkswagen AG|VW' },
    doc: news(
      'doc-de-vw',
      'de',
      'https://landgericht-braunschweig.niedersachsen.de/aktuelles/landgericht-verhandelt-uber-schadensersatzklage-von-vw-gegen-ein-zulieferer-unternehmen-197375.html',
      'Am 24.02.2021 verhandelt die zweite Kammer für Handelssachen, Aktenzeichen 22 O 2454/19, über eine Schadensersatzklage der Volkswagen AG (Klägerin) in Höhe von ca. 66 Mio. Euro gegen ein Zulieferer-Unternehmen aus der Automobilbranche (Beklagte).',
    ),
  },
  {
    lang: 'en (the parent in the possessive of its insolvent unit)',
    creditor: { id: 'body-shop', name: 'The Body Shop International Limited|Body Shop|The Body Shop' },
    doc: news('doc-en-body-shop', 'en', 'https://weirdreads.com/?p=211383', 'Earlier this year the Body Shop’s UK business, which had about 200 stores, went into administration.'),
  },  {
    // ev-0653: the customer who places an order is named after "von"; the good news is the supplier's, not the customer's.
    lang: 'de (the customer an order comes from)',
    creditor: { id: 'stockholm-transport', name: 'Stockholm Transport|SL' },
    doc: news(
      'doc-de-order',
      'de',
      'https://www.finanznachrichten.de/nachrichten-2025-08/66260873-stadler-liefert-zehn-zuege-fuer-94-millionen-franken-nach-stockholm-095.htm',
      'Der Zugbauer Stadler Rail hat einen weiteren Auftrag von Stockholm Transport (SL) erhalten.',
    ),
  },
  // The parties of the roles shift of queries 455–469 (ev-45514, ev-45504, ev-45552, ev-45518): a creditor that asks in a
  // verb-final clause with a description noun before the debtor, a court caption, a claimant in a relative clause, and the bank
  // a seizure is served on (tiers saisi). None of the creditors may get the event or a grade effect.
  {
    lang: 'de (the tax office asks in a verb-final clause, "gegen den Regionalligisten X")',
    debtor: { id: 'kfc-uerdingen', name: 'KFC Uerdingen' },
    creditor: { id: 'fa-krefeld', name: 'Finanzamt Krefeld' },
    doc: news(
      'doc-de-krefeld',
      'de',
      'https://reviersport.de/fussball/regionalliga/a612500---kfc-uerdingen-zwei-antraege-insolvenz-rs-fragte-weitergehen-kann.html',
      'Am 13. Januar wurde bekannt, dass das Finanzamt Krefeld einen Antrag auf Eröffnung eines Insolvenzverfahrens gegen den Regionalligisten KFC Uerdingen gestellt hat.',
    ),
  },
  {
    lang: 'en (a court caption "X v. Y": a receiver on the lender\'s motion)',
    debtor: { id: 'nesbitt', name: 'Nesbitt Bellevue Property LLC' },
    creditor: { id: 'usbank', name: 'U.S. Bank National Association' },
    doc: news(
      'doc-en-caption',
      'en',
      'https://www.whiteandwilliams.com/resources-alerts-New-York-Federal-Court-Permits-Appointment-of-Receiver-for-Hotels-Without-Lender-Having-Commenced-Foreclosure-Action.html',
      'Recently in U.S. Bank National Association v. Nesbitt Bellevue Property LLC, et al., the US District Court for the Southern District of New York, granted a lender’s motion to appoint a receiver for eight hotels that secured a loan, even though the lender had not commenced a foreclosure with, or prior to, its motion for the appointment of a receiver.',
    ),
  },
  {
    lang: 'it (the claimant in a relative clause, "che vanta un credito … con X")',
    debtor: { id: 'trento-calcio', name: 'Trento Calcio' },
    creditor: { id: 'calcio-group', name: 'Calcio Group' },
    doc: news(
      'doc-it-trento',
      'it',
      'https://giornaletrentino.it/sport/calcio-un-precedente-inchioda-il-trento-1.1147427',
      "Il pignoramento dei calciatori aquilotti da parte dell'ufficiale giudiziario, diretta conseguenza del decreto ingiuntivo presentato dall'azienda Calcio Group che vanta un credito di quasi 80mila euro con il Trento Calcio, ha fatto balzare agli onori della cronaca nazionale i già disastrati colori gialloblù.",
    ),
  },
  {
    lang: 'fr (the bank a seizure is served on, "entre les mains de X")',
    creditor: { id: 'cic-est', name: 'CIC Est' },
    doc: news(
      'doc-fr-tiers-saisi',
      'fr',
      'https://juricaf.org/arret/FRANCE-COURDECASSATION-20190306-1728589',
      "Attendu, selon l'arrêt attaqué (Nancy, 21 juin 2017), que la société Bayon automobile (la société Bayon) a été mise en liquidation judiciaire le 1er juillet 2014 ; que, faute d'avoir converti en saisie-attribution, avant le jugement d'ouverture, la saisie conservatoire préalablement diligentée entre les mains de la société CIC Est (le CIC) sur le compte courant ouvert dans ses livres au nom de la société débitrice, le créancier, la société Garage Sylvestre, en a donné mainlevée le 17 juillet 2014 ;",
      '2019-03-06T08:00:00.000Z',
    ),
  },
];

let app: App;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir('bonitor-roles-');
  cleanup = tmp.cleanup;
  const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir } });
  app = await openApp(config, silentLogger, { now: () => NOW });
  // Each party in the country its text is from: the linker weighs a Swiss entry named in English news as a possible namesake abroad.
  const rows = CASES.flatMap((c) => [c.debtor, c.creditor].filter((p) => p !== undefined).map((p) => [p!, c.lang] as const)).map(([p, lang]) => {
    const [name, ...aliases] = p.name.split('|');
    const ids = 'registerIds' in p ? p.registerIds : '';
    return `${p.id},${name},${aliases.join('|')},${ids ?? ''},${ids || lang.startsWith('en') ? 'GB' : 'CH'},,`;
  });
  const imported = await importWatchlist(app, ['customer_id,name,aliases,register_ids,country,industry,tags', ...rows].join('\n'));
  expect(imported.errors).toEqual([]);
  const analyzer = await startAnalyzer(app);
  const scorer = await startScorer(app);
  await publishAll(app.bus, TOPICS.documents, CASES.map((c) => c.doc));
  await analyzer.idle();
  await scorer.idle();
  await analyzer.stop();
  await scorer.stop();
}, 120_000);

afterAll(async () => {
  await app?.close();
  cleanup?.();
});

async function check(id: string): Promise<ReportAnswer> {
  const answer = await runCheck(app, undefined, id);
  expect(answer && 'assessment' in answer).toBe(true);
  return answer as ReportAnswer;
}

describe('one watched customer enforces a claim against another', () => {
  it.each(CASES.map((c) => [c.lang, c] as const))('%s: the creditor gets neither the event nor a grade effect', async (_lang, c) => {
    const signals = await app.store.signalsForCustomer(c.creditor.id);
    expect(signals.filter((s) => !s.ambiguous)).toEqual([]);
    const report = await check(c.creditor.id);
    expect(report.assessment.signals).toEqual([]);
    expect(report.assessment.grade).not.toMatch(/[DE]/);
    expect(report.assessment.factors.some((f) => f.name.startsWith('signal_') || f.name.startsWith('override_'))).toBe(false);
  });

  it.each(CASES.filter((c) => c.debtor).map((c) => [c.lang, c] as const))('%s: the debtor gets the debt enforcement, at least grade D', async (_lang, c) => {
    const signals = await app.store.signalsForCustomer(c.debtor!.id);
    expect(signals).toMatchObject([{ type: 'debt_enforcement', ambiguous: false, role: expect.stringMatching(/^(debtor|respondent)$/) }]);
    const report = await check(c.debtor!.id);
    expect(report.assessment.signals.map((s) => s.type)).toEqual(['debt_enforcement']);
    if (c.dated) return;
    expect(['D', 'E']).toContain(report.assessment.grade);
    expect(report.assessment.factors.some((f) => f.name === 'override_debt_enforcement' || f.name === 'signal_debt_enforcement')).toBe(true);
  });
});
