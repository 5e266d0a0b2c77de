import { EVENT_TYPES, HARD_EVENT_TYPES, isHardEvent, type EventType } from '../../platform/schemas/common.js';
import { MODALITY_CLASSES, NEGATIVE_CLASSES, type EventLine, type LinkLine, type ModalityClass, type NegativeClass } from './corpus-schema.js';

/**
 * Pure scoring of the product's answers against the labelled corpora (analysis/eval/corpus/).
 * The predictions are passed in, so the same arithmetic serves `npm run eval` and the tests.
 */

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scoreOf(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

type Counts = { tp: number; fp: number; fn: number };
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const toScore = (c: Counts) => scoreOf(c.tp, c.fp, c.fn);

/** The event types a correct system emits for the sentence (hedged hard events are already financial_distress). */
export function goldTypes(line: EventLine): Set<EventType> {
  return new Set(line.events.map((e) => e.type));
}

export type HardOrNone = EventType | 'none';
export const CONFUSION_AXIS: readonly HardOrNone[] = [...HARD_EVENT_TYPES, 'none'];

export interface EventReport {
  sentences: number;
  byType: Record<EventType, Score>;
  /** Micro scores over all types and over the hard types, per language. */
  byLang: Record<string, { sentences: number; all: Score; hard: Score }>;
  /** Per modality class: sentences, how many got a hard event / any event, and recall where events are expected. */
  byModality: Record<ModalityClass, { sentences: number; withHard: number; withAny: number; all: Score }>;
  /** Hard negatives per error class, and how many of them got a hard event. */
  byNegativeClass: Record<NegativeClass, { sentences: number; withHard: number }>;
  /** confusion[gold][predicted] over the four hard types; "none" is no hard event. */
  confusion: Record<HardOrNone, Record<HardOrNone, number>>;
  /** Hard events: pooled precision/recall (every predicted hard type of a sentence once), per-type macro averages. */
  hard: { precision: number; recall: number; macroPrecision: number; macroRecall: number; macroF1: number };
  allMacroF1: number;
  micro: Score;
  hardNegatives: { sentences: number; withHard: number; share: number };
  errors: Array<{ id: string; lang: string; text: string; expected: EventType[]; predicted: EventType[] }>;
}

/** Per-sentence, per-type evaluation (multi-label): a type counts once per sentence whatever its subject. */
export function evaluateEvents(lines: readonly EventLine[], predict: (line: EventLine) => readonly EventType[]): EventReport {
  const byType = Object.fromEntries(EVENT_TYPES.map((t) => [t, zero()])) as Record<EventType, Counts>;
  const byLang = new Map<string, { sentences: number; all: Counts; hard: Counts }>();
  const byModality = Object.fromEntries(MODALITY_CLASSES.map((m) => [m, { sentences: 0, withHard: 0, withAny: 0, all: zero() }])) as Record<
    ModalityClass,
    { sentences: number; withHard: number; withAny: number; all: Counts }
  >;
  const byNegativeClass = Object.fromEntries(NEGATIVE_CLASSES.map((n) => [n, { sentences: 0, withHard: 0 }])) as EventReport['byNegativeClass'];
  const confusion = Object.fromEntries(CONFUSION_AXIS.map((g) => [g, Object.fromEntries(CONFUSION_AXIS.map((p) => [p, 0]))])) as EventReport['confusion'];
  const errors: EventReport['errors'] = [];
  const hardPooled = zero();
  let negatives = 0;
  let negativesWithHard = 0;

  for (const line of lines) {
    const gold = goldTypes(line);
    const predicted = new Set(predict(line));
    let lang = byLang.get(line.lang);
    if (!lang) byLang.set(line.lang, (lang = { sentences: 0, all: zero(), hard: zero() }));
    lang.sentences++;
    const mod = byModality[line.modalityClass];
    mod.sentences++;
    for (const t of EVENT_TYPES) {
      const p = predicted.has(t);
      const g = gold.has(t);
      const k: keyof Counts | undefined = p && g ? 'tp' : p ? 'fp' : g ? 'fn' : undefined;
      if (!k) continue;
      byType[t][k]++;
      lang.all[k]++;
      mod.all[k]++;
      if (isHardEvent(t)) {
        lang.hard[k]++;
        hardPooled[k]++;
      }
    }
    const predictedHard = [...predicted].filter(isHardEvent);
    if (predictedHard.length > 0) mod.withHard++;
    if (predicted.size > 0) mod.withAny++;
    if (line.negativeClass !== null) {
      negatives++;
      byNegativeClass[line.negativeClass].sentences++;
      if (predictedHard.length > 0) {
        negativesWithHard++;
        byNegativeClass[line.negativeClass].withHard++;
      }
    }
    addConfusion(confusion, [...gold].filter(isHardEvent), predictedHard);
    const same = predicted.size === gold.size && [...predicted].every((t) => gold.has(t));
    if (!same) errors.push({ id: line.id, lang: line.lang, text: line.text, expected: [...gold], predicted: [...predicted] });
  }

  const scores = Object.fromEntries(EVENT_TYPES.map((t) => [t, toScore(byType[t])])) as Record<EventType, Score>;
  const mean = (types: readonly EventType[], f: (s: Score) => number) => types.reduce((a, t) => a + f(scores[t]), 0) / types.length;
  const pooled = toScore(hardPooled);
  const sum = (k: keyof Counts) => EVENT_TYPES.reduce((a, t) => a + byType[t][k], 0);
  return {
    sentences: lines.length,
    byType: scores,
    byLang: Object.fromEntries([...byLang].map(([l, v]) => [l, { sentences: v.sentences, all: toScore(v.all), hard: toScore(v.hard) }])),
    byModality: Object.fromEntries(MODALITY_CLASSES.map((m) => [m, { ...byModality[m], all: toScore(byModality[m].all) }])) as EventReport['byModality'],
    byNegativeClass,
    confusion,
    hard: {
      precision: pooled.precision,
      recall: pooled.recall,
      macroPrecision: mean(HARD_EVENT_TYPES, (s) => s.precision),
      macroRecall: mean(HARD_EVENT_TYPES, (s) => s.recall),
      macroF1: mean(HARD_EVENT_TYPES, (s) => s.f1),
    },
    allMacroF1: mean(EVENT_TYPES, (s) => s.f1),
    micro: scoreOf(sum('tp'), sum('fp'), sum('fn')),
    hardNegatives: { sentences: negatives, withHard: negativesWithHard, share: negatives === 0 ? 0 : negativesWithHard / negatives },
    errors,
  };
}

/**
 * One sentence into the hard-type confusion matrix: a gold type found is on the diagonal; a gold
 * type missed is counted against each wrong hard type predicted instead (or "none"); a wrong hard
 * type with no missed gold type to blame is a false alarm in the "none" row.
 */
function addConfusion(m: EventReport['confusion'], gold: EventType[], predicted: EventType[]): void {
  const wrong = predicted.filter((p) => !gold.includes(p));
  const missed = gold.filter((g) => !predicted.includes(g));
  for (const g of gold) if (predicted.includes(g)) m[g][g]++;
  for (const g of missed) {
    if (wrong.length === 0) m[g].none++;
    for (const p of wrong) m[g][p]++;
  }
  if (missed.length === 0) for (const p of wrong) m.none[p]++;
  if (gold.length === 0 && predicted.length === 0) m.none.none++;
}

export interface LinkPrediction {
  customerId: string;
  ambiguous: boolean;
}

export interface LinkReport {
  sentences: number;
  /** Over clear (non-ambiguous) links: an ambiguous link is held back from alerts, so it is neither a hit nor a false alarm. */
  overall: Score;
  byLang: Record<string, Score>;
  /** Sentences naming only a namesake: precision here is the share of them that produce no false link. */
  confusable: { sentences: number; withFalseLink: number; falseLinks: number; precision: number; byClass: Record<string, { sentences: number; withFalseLink: number }> };
  /** Sentences naming no company at all (no orgs, nothing expected), and how many got any clear link (and any ambiguous one). */
  noCompany: { sentences: number; withLink: number; withAmbiguous: number; share: number };
  ambiguous: number;
  errors: Array<{ id: string; lang: string; text: string; expected: string[]; predicted: string[]; ambiguous: string[] }>;
}

export function evaluateLinking(lines: readonly LinkLine[], link: (line: LinkLine) => readonly LinkPrediction[]): LinkReport {
  const overall = zero();
  const byLang = new Map<string, Counts>();
  const confusable = { sentences: 0, withFalseLink: 0, falseLinks: 0, byClass: {} as Record<string, { sentences: number; withFalseLink: number }> };
  const noCompany = { sentences: 0, withLink: 0, withAmbiguous: 0 };
  let ambiguousCount = 0;
  const errors: LinkReport['errors'] = [];
  for (const line of lines) {
    const matches = link(line);
    const clear = [...new Set(matches.filter((m) => !m.ambiguous).map((m) => m.customerId))];
    const ambiguous = [...new Set(matches.filter((m) => m.ambiguous).map((m) => m.customerId))];
    ambiguousCount += ambiguous.length;
    let lang = byLang.get(line.lang);
    if (!lang) byLang.set(line.lang, (lang = zero()));
    let fp = 0;
    for (const c of clear) {
      if (line.expect.includes(c)) {
        overall.tp++;
        lang.tp++;
      } else {
        overall.fp++;
        lang.fp++;
        fp++;
      }
    }
    for (const e of line.expect) {
      if (!clear.includes(e)) {
        overall.fn++;
        lang.fn++;
      }
    }
    if (line.confusable !== null) {
      confusable.sentences++;
      confusable.falseLinks += fp;
      const cls = (confusable.byClass[line.confusable] ??= { sentences: 0, withFalseLink: 0 });
      cls.sentences++;
      if (fp > 0) {
        confusable.withFalseLink++;
        cls.withFalseLink++;
      }
    } else if (line.orgs.length === 0 && line.expect.length === 0) {
      // A sentence that expects a customer names a company, even where its `orgs` were left empty.
      noCompany.sentences++;
      if (clear.length > 0) noCompany.withLink++;
      if (ambiguous.length > 0) noCompany.withAmbiguous++;
    }
    const same = clear.length === line.expect.length && clear.every((c) => line.expect.includes(c));
    if (!same) errors.push({ id: line.id, lang: line.lang, text: line.text, expected: line.expect, predicted: clear, ambiguous });
  }
  return {
    sentences: lines.length,
    overall: toScore(overall),
    byLang: Object.fromEntries([...byLang].map(([l, c]) => [l, toScore(c)])),
    confusable: { ...confusable, precision: confusable.sentences === 0 ? 1 : 1 - confusable.withFalseLink / confusable.sentences },
    noCompany: { ...noCompany, share: noCompany.sentences === 0 ? 0 : noCompany.withLink / noCompany.sentences },
    ambiguous: ambiguousCount,
    errors,
  };
}

export interface RoleSignal {
  /** The organisation of the sentence the signal went to (as written in `orgs`). */
  org: string;
  type: EventType;
  ambiguous: boolean;
  /** Every name the sentence gives the same customer ("Kärntner Tageszeitung (KTZ)"); the signal is theirs under each. */
  names?: readonly string[];
}

export interface RoleReport {
  /** Sentences with a party that must not receive the event (creditor, petitioner, liquidator, acquirer, plaintiff …). */
  sentences: number;
  /** (party, type) pairs that must not receive a signal. */
  pairs: number;
  /** A party that must not receive the event got it as a clear (alerting) signal. */
  violations: Array<{ id: string; org: string; role: string; type: EventType }>;
  /** The same, but held back as ambiguous: shown for review, never alerted. */
  heldBack: number;
  /** Named subjects of these sentences that received their event as a clear signal. */
  subjects: { expected: number; received: number };
  /**
   * Over every sentence that names an organisation: clear signals to a named organisation the annotation gives no event
   * at all (a creditor that gets the debtor's insolvency where the debtor's event is a petition, a rating agency, the
   * newspaper that reports, a parent or subsidiary beside the subject). The wrong-subject errors the pairs above miss.
   */
  wrongParty: { sentences: number; signals: Array<{ id: string; org: string; type: EventType }> };
}

/**
 * The role goal of issue 11: in a sentence naming two organisations in different roles, the
 * creditor / petitioner / liquidator / acquirer / plaintiff never receives the other party's event.
 * `analyze` runs the product on the sentence with a watchlist of the sentence's organisations.
 */
export function evaluateRoles(lines: readonly EventLine[], analyze: (line: EventLine) => readonly RoleSignal[]): RoleReport {
  const report: RoleReport = { sentences: 0, pairs: 0, violations: [], heldBack: 0, subjects: { expected: 0, received: 0 }, wrongParty: { sentences: 0, signals: [] } };
  for (const line of lines) {
    if (line.orgs.length === 0) continue;
    const signals = analyze(line);
    report.wrongParty.sentences++;
    const bearers = new Set(line.events.flatMap((e) => (e.subject === null ? [] : [e.subject])));
    for (const s of signals) if (!s.ambiguous && !namesOf(s).some((o) => bearers.has(o))) report.wrongParty.signals.push({ id: line.id, org: s.org, type: s.type });
    const parties = line.mentions.filter((m) => line.orgs.includes(m.subject));
    if (parties.length === 0) continue;
    report.sentences++;
    for (const m of parties) {
      report.pairs++;
      const got = signals.filter((s) => namesOf(s).includes(m.subject) && s.type === m.type);
      if (got.some((s) => !s.ambiguous)) report.violations.push({ id: line.id, org: m.subject, role: m.role, type: m.type });
      else if (got.length > 0) report.heldBack++;
    }
    for (const e of line.events) {
      if (e.subject === null || !line.orgs.includes(e.subject)) continue;
      report.subjects.expected++;
      if (signals.some((s) => namesOf(s).includes(e.subject!) && s.type === e.type && !s.ambiguous)) report.subjects.received++;
    }
  }
  return report;
}

const namesOf = (s: RoleSignal): readonly string[] => s.names ?? [s.org];

export const GOALS = {
  hardPrecision: 0.95,
  hardMacroF1: 0.85,
  allMacroF1: 0.75,
  hardNegativeShare: 0.05,
  linkPrecision: 0.98,
  linkRecall: 0.9,
  confusablePrecision: 0.9,
} as const;

/** The goals of issues 11 and 12 a report misses, in words; empty when all are met. */
export function missedGoals(events: EventReport, linking: LinkReport, roles: RoleReport): string[] {
  const missed: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) missed.push(what);
  };
  check(events.hard.precision >= GOALS.hardPrecision, `hard-event precision ${events.hard.precision.toFixed(3)} < ${GOALS.hardPrecision}`);
  check(events.hard.macroF1 >= GOALS.hardMacroF1, `hard-event macro-F1 ${events.hard.macroF1.toFixed(3)} < ${GOALS.hardMacroF1}`);
  check(events.allMacroF1 >= GOALS.allMacroF1, `all-types macro-F1 ${events.allMacroF1.toFixed(3)} < ${GOALS.allMacroF1}`);
  check(events.hardNegatives.share <= GOALS.hardNegativeShare, `${(events.hardNegatives.share * 100).toFixed(1)} % of hard negatives got a hard event (> ${GOALS.hardNegativeShare * 100} %)`);
  check(roles.violations.length === 0, `${roles.violations.length} role violation(s): a creditor/petitioner/acquirer received the other party's event`);
  check(linking.overall.precision >= GOALS.linkPrecision, `linking precision ${linking.overall.precision.toFixed(3)} < ${GOALS.linkPrecision}`);
  check(linking.overall.recall >= GOALS.linkRecall, `linking recall ${linking.overall.recall.toFixed(3)} < ${GOALS.linkRecall}`);
  check(linking.confusable.precision >= GOALS.confusablePrecision, `confusable-only precision ${linking.confusable.precision.toFixed(3)} < ${GOALS.confusablePrecision}`);
  return missed;
}

/** A page's date as the document's publication date ("in 2009" is historic beside it); a year alone counts as mid-year. */
export function publishedAtOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : `${date}${['-07-01', '-15', ''][date.split('-').length - 1]}T12:00:00Z`;
}

/** An event line as the document the product classifies: a headline is a title, anything else text. */
export function eventDocumentOf(line: EventLine, langGiven = false): { title?: string; text: string; lang?: string; publishedAt?: string } {
  const publishedAt = publishedAtOf(line.date);
  return {
    ...(line.kind === 'headline' ? { title: line.text, text: '' } : { text: line.text }),
    ...(langGiven ? { lang: line.lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}
