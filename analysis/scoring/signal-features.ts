import { DEFAULT_SEVERITY, type EventType, type Severity } from '../../platform/schemas/common.js';
import { bearsEvent } from '../../platform/schemas/event-role.js';
import type { Signal } from '../../platform/schemas/signal.js';
import { DEFAULT_SIGNAL_MODEL, type SignalModel } from './weights.js';

const DAY_MS = 86_400_000;

/** How strongly a severity counts relative to the event type's default severity. */
const SEVERITY_SCALE: Record<Severity, number> = { positive: 1, low: 0.5, medium: 0.75, high: 1, critical: 1.25 };

export const HARD_E_EVENTS: readonly EventType[] = ['insolvency', 'debt_restructuring', 'liquidation'];
export const HARD_D_EVENTS: readonly EventType[] = ['debt_enforcement'];

export interface SignalContribution {
  type: EventType;
  /** Log-odds added to the score (negative for positive news). */
  logit: number;
  /** Source links of the signals behind it, strongest first. */
  evidence: string[];
  signals: Signal[];
}

export interface HardOverride {
  grade: 'D' | 'E';
  type: EventType;
  signal: Signal;
}

export interface SignalAssessment {
  contributions: SignalContribution[];
  /** The strongest override, if any: E beats D. */
  override?: HardOverride;
  /** Signals that were considered (not ambiguous, not in the future, not too old), newest first. */
  considered: Signal[];
}

/** Reports of one type within this many days of each other are taken as one fact. */
const FACT_WINDOW_DAYS = 30;
/** What follows from an insolvency, a moratorium or a liquidation: reported alongside it, it adds nothing. */
const CONSEQUENCES: ReadonlySet<EventType> = new Set(['payment_delay', 'financial_distress', 'layoffs', 'debt_enforcement']);
const E_CLASS: ReadonlySet<EventType> = new Set(HARD_E_EVENTS);

interface Weighed {
  s: Signal;
  strength: number;
  scale: number;
}

/**
 * Pure: turns one customer's signals into log-odds per event type. One fact, one event:
 * - only signals the customer bears count: a creditor, petitioner, liquidator or acquirer
 *   (`role`) never inherits the debtor's event;
 * - reports of the same type within FACT_WINDOW_DAYS of each other are one fact: the most
 *   credible report counts, the others are listed as its evidence; separate facts combine as
 *   1 − Π(1 − s);
 * - the consequences of an insolvency, moratorium or liquidation (unpaid wages, distress,
 *   layoffs, enforcement) from the same document or from 30 days before it onwards add no
 *   points, and two of those hard events in one document (a compulsory liquidation is both
 *   insolvency and liquidation) count once.
 */
export function assessSignals(
  signals: readonly Signal[],
  asOf: Date,
  model: SignalModel = DEFAULT_SIGNAL_MODEL,
  sourceCredibility: Readonly<Record<string, number>> = {},
): SignalAssessment {
  const now = asOf.getTime();
  const considered = signals
    .filter((s) => !s.ambiguous && bearsEvent(s.role))
    .filter((s) => {
      const age = (now - Date.parse(s.occurredAt)) / DAY_MS;
      return age >= 0 && age <= model.maxAgeDays;
    })
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.id.localeCompare(b.id));

  const byType = new Map<EventType, Weighed[]>();
  let override: HardOverride | undefined;
  for (const s of considered) {
    const ageDays = (now - Date.parse(s.occurredAt)) / DAY_MS;
    const decay = Math.pow(0.5, ageDays / model.halfLifeDays[s.type]);
    const credibility = clamp01(sourceCredibility[s.sourceId] ?? 1);
    const strength = clamp01(s.confidence * decay * credibility);
    const scale = SEVERITY_SCALE[s.severity] / SEVERITY_SCALE[DEFAULT_SEVERITY[s.type]];
    const list = byType.get(s.type) ?? [];
    list.push({ s, strength, scale });
    byType.set(s.type, list);

    const maxAge = model.overrideMaxAgeDays[s.type];
    const hard = s.confidence >= model.overrideMinConfidence && maxAge !== undefined && ageDays <= maxAge;
    if (hard && HARD_E_EVENTS.includes(s.type) && override?.grade !== 'E') override = { grade: 'E', type: s.type, signal: s };
    else if (hard && HARD_D_EVENTS.includes(s.type) && !override) override = { grade: 'D', type: s.type, signal: s };
  }

  const hardE = considered.filter((s) => E_CLASS.has(s.type));
  const subsumed = (s: Signal) =>
    CONSEQUENCES.has(s.type) &&
    hardE.some((h) => {
      if (sharesDocument(h, s)) return true;
      const after = Date.parse(s.occurredAt) - Date.parse(h.occurredAt);
      return after >= -FACT_WINDOW_DAYS * DAY_MS && after <= (model.overrideMaxAgeDays[h.type] ?? model.maxAgeDays) * DAY_MS;
    });
  // Of the hard events reported by one document, the weightiest counts; the others are the same fact.
  const strongestInDocument = new Map<string, { type: EventType; logit: number }>();
  for (const h of hardE) {
    const w = model.typeWeight[h.type] * h.confidence;
    for (const d of h.documentIds) {
      const best = strongestInDocument.get(d);
      if (!best || w > best.logit || (w === best.logit && h.type < best.type)) strongestInDocument.set(d, { type: h.type, logit: w });
    }
  }
  const sameFactAsStronger = (s: Signal) => E_CLASS.has(s.type) && s.documentIds.every((d) => strongestInDocument.get(d)?.type !== s.type);

  const contributions: SignalContribution[] = [];
  for (const [type, list] of byType) {
    list.sort((a, b) => b.strength * b.scale - a.strength * a.scale || a.s.id.localeCompare(b.s.id));
    const counted = list.filter((x) => !subsumed(x.s) && !sameFactAsStronger(x.s));
    const combined = 1 - factsOf(counted).reduce((p, fact) => p * (1 - fact[0]!.strength), 1);
    const logit = counted.length === 0 ? 0 : model.typeWeight[type] * counted[0]!.scale * combined;
    if (Math.abs(logit) < 1e-6) continue;
    contributions.push({ type, logit, evidence: unique(list.map((x) => x.s.url)), signals: list.map((x) => x.s) });
  }
  contributions.sort((a, b) => Math.abs(b.logit) - Math.abs(a.logit) || a.type.localeCompare(b.type));
  return { contributions, override, considered };
}

/** Groups reports (strongest first) into facts: a report within FACT_WINDOW_DAYS of a fact's first report belongs to it. */
function factsOf(list: readonly Weighed[]): Weighed[][] {
  const facts: Weighed[][] = [];
  for (const x of list) {
    const t = Date.parse(x.s.occurredAt);
    const fact = facts.find((f) => Math.abs(Date.parse(f[0]!.s.occurredAt) - t) <= FACT_WINDOW_DAYS * DAY_MS || f.some((y) => sharesDocument(y.s, x.s)));
    if (fact) fact.push(x);
    else facts.push([x]);
  }
  return facts;
}

function sharesDocument(a: Signal, b: Signal): boolean {
  return a.documentIds.some((d) => b.documentIds.includes(d));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ''))];
}
