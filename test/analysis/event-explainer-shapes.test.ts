/**
 * False hard events cured by structure, third round (issue 11, precision side): a sentence's first word that is no name
 * (a conjunction before "que"/"che", an imperative before "in mind", a German adverb or a word straight before an
 * article) no longer shields a law explainer; a German statute abbreviation is a law; a German verb-first clause is a
 * condition; the trigger named as a word, as the predicate of a copula ("è un fallimento") or of whoever ("chi ha
 * fallito"); a risk noun right before the trigger; a number word before a kind of company; a German compound company
 * noun in a described kind. Real sentences of the development corpus (analysis/eval/corpus/events.dev.jsonl, each line
 * with its page URL; ev-385xx and ev-386xx come from the 67 source domains of queries 385-404, measured before these
 * rules were written). Rules are tested alone (no trained layer); real events beside each class keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { findMentions } from '../../analysis/classify/mentions.js';
import { devEventLine, devRuleHardTypes, devRulesReading } from './support/dev-events.js';

const rulesOf = devRulesReading;
const hardOf = devRuleHardTypes;
const typesOf = (id: string) => [...new Set(rulesOf(id).events.map((e) => e.type))].sort();
const rejectedCues = (id: string) => rulesOf(id).rejected.flatMap((e) => e.cues).join(' | ');
const namesOf = (text: string, lang: string) => findMentions(text, lang).filter((m) => m.kind === 'name').map((m) => m.text);

describe("a sentence's first word that is no name does not shield an explainer", () => {
  // https://cabinet-zenou.fr/actualites/droits-de-l-employeur/redressement-judiciaire-d-une-entreprise-a-quel-moment-intervient-il.html
  it('"Afin qu’une entreprise soit placée en procédure de redressement judiciaire" is a rule (ev-38561)', () => {
    expect(namesOf(devEventLine('ev-38561').text, 'fr')).toEqual([]);
    expect(hardOf('ev-38561')).toEqual([]);
  });

  // https://www.bakerassociates.net/bankruptcy-blog/news/bankruptcy-in-the-news/amp
  it('"Keep in mind that bankruptcy is a second chance … for an individual or a company" is advice (ev-38531)', () => {
    expect(namesOf(devEventLine('ev-38531').text, 'en')).toEqual([]);
    expect(hardOf('ev-38531')).toEqual([]);
  });

  // https://www.insolvenzexperte.gmbh/insolvenzverfahren, https://news.wko.at/news/steiermark/Firmenkonkurse-ueber-dem-Vor-Pandemie-Niveau.html
  it('German openers: "Zunächst wird ein vorläufiges Insolvenzverfahren angeordnet", "Wöchentlich meldeten acht steirische Unternehmen Konkurs an" (ev-38572, ev-38579)', () => {
    expect(namesOf('Zunächst wird ein vorläufiges Insolvenzverfahren angeordnet.', 'de')).toEqual([]);
    expect(hardOf('ev-38572')).toEqual([]);
    expect(hardOf('ev-38579')).toEqual([]);
    expect(rejectedCues('ev-38579')).toContain('statistic: acht steirische unternehmen');
  });

  it('a German name opening a sentence before its verb stays a name ("Galeria meldet Insolvenz an")', () => {
    expect(namesOf('Galeria meldet erneut Insolvenz an.', 'de')).toEqual(['Galeria']);
  });

  // https://www.lichtenstern.partners/unser-leistungsversprechen/b%C3%BCrgerliches-recht-strafrecht-wirtschaftsrecht/eigenverwaltung/ and http://www.bulgarien-handelsrecht.eu/sanierung.html
  it('a statute by its abbreviation is a law, not a company: "Durch das ESUG wurde die Eigenverwaltung gestärkt" (ev-38549)', () => {
    expect(namesOf(devEventLine('ev-38549').text, 'de')).toEqual([]);
    expect(hardOf('ev-38549')).toEqual([]);
    expect(namesOf('Das Verfahren ist in den Art. 696 bis Art. 709 HG geregelt.', 'de')).toEqual([]);
  });

  it('a German genitive before a company noun is a reference: "Ursprünglich hatte Rene Benkos insolvente Gesellschaft … ein Sanierungsverfahren mit Eigenverwaltung beantragt" keeps its event (ev-1470)', () => {
    expect(hardOf('ev-1470')).toEqual(['debt_restructuring']);
  });
});

describe('a German verb-first clause is a condition', () => {
  // https://www.lex3.at/sanierung-von-unternehmen/
  it('"Scheitert der Sanierungsplan wird das Verfahren als Konkurs weitergeführt und das Unternehmen liquidiert" (ev-38543)', () => {
    expect(hardOf('ev-38543')).toEqual([]);
  });
});

describe('the trigger as a word, a judgement or of whoever', () => {
  // https://madoniegal.it/index.php/notizie/298-crisi-d-impresa-e-insolvenza-nuovo-codice-in-gazzetta
  it('"… la caratterizzazione negativa che si accompagna tradizionalmente al termine fallimento" names the word (ev-38567)', () => {
    expect(hardOf('ev-38567')).toEqual([]);
    expect(rejectedCues('ev-38567')).toContain('generic: the word as a term');
  });

  // https://www.novantesimo.com/la-flop-5-degli-allenatori-di-serie-a-in-stagione/
  it('"Il D’Aversa bis a Parma è un fallimento": a season judged, not a bankruptcy (ev-38537)', () => {
    expect(hardOf('ev-38537')).toEqual([]);
    expect(rejectedCues('ev-38537')).toContain('generic: the event noun as a predicate');
  });

  it('a procedure told as the subject of a passive is not a predicate: "Über die Firma ist ein Konkursverfahren eröffnet worden"', () => {
    const c = classifyDocument({ text: 'Über die Müller Bau GmbH ist ein Konkursverfahren eröffnet worden.', lang: 'de' });
    expect(c.events.map((e) => e.type)).toContain('insolvency');
  });

  // https://www.novantesimo.com/la-flop-5-degli-allenatori-di-serie-a-in-stagione/
  it('"con tutto il rispetto per chi ha fallito": whoever failed (ev-38538)', () => {
    expect(hardOf('ev-38538')).toEqual([]);
  });
});

describe('kinds, risks and counts', () => {
  // https://laprovinciapavese.gelocal.it/pavia/cronaca/2012/05/23/news/brasilia-protesta-nell-attesa-del-verdetto-1.5144693?ref=search
  it('"Rischio fallimento per la Brasilia" is hedged distress, not insolvency (ev-38571)', () => {
    expect(typesOf('ev-38571')).toEqual(['financial_distress']);
  });

  // http://www.bulgarien-handelsrecht.eu/sanierung.html, https://www.staatsanzeiger.de/nachrichten/wirtschaft/bei-forderungen-fristen-beachten/
  it('a German compound company noun or a business partner described by the procedure is a kind (ev-38544, ev-38614)', () => {
    expect(hardOf('ev-38544')).toEqual([]);
    expect(hardOf('ev-38614')).toEqual([]);
  });

  it('a count of the chain’s own companies is no statistic: "meldete die Kette für ihre Europa-Holding und sieben weitere Gesellschaften Insolvenz in Eigenverwaltung an" (ev-1947)', () => {
    expect(hardOf('ev-1947')).toEqual(['debt_restructuring']);
  });

  it('"alle fünf Firmen" of a named bakery chain keep its insolvency (ev-35306)', () => {
    expect(hardOf('ev-35306')).toEqual(['insolvency']);
  });

  // http://www.ensemble-on-avance.fr/432479788/6875976/posting/redressement-judiciaire, https://ildiariodellavoro.it/sandretto-presidio-dei-lavoratori-al-tribunale-ivrea
  it('the batch’s real events keep theirs: a works council’s own redressement judiciaire, a workers’ istanza di fallimento (ev-38562, ev-38569)', () => {
    expect(hardOf('ev-38562')).toEqual(['insolvency']);
    expect(hardOf('ev-38569')).toEqual(['debt_enforcement']);
  });
});
