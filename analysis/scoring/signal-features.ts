import { DEFAULT_SEVERITY, type EventType, type Severity } from '../../platform/schemas/common.js';
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

/**
 * Pure: turns one customer's signals into log-odds per event type. Several reports of the
 * same event do not add up linearly: strengths combine as 1 − Π(1 − s), so ten articles
 * about one layoff weigh barely more than the most credible one.
 */
export function assessSignals(
  signals: readonly Signal[],
  asOf: Date,
  model: SignalModel = DEFAULT_SIGNAL_MODEL,
  sourceCredibility: Readonly<Record<string, number>> = {},
): SignalAssessment {
  const now = asOf.getTime();
  const considered = signals
    .filter((s) => !s.ambiguous)
    .filter((s) => {
      const age = (now - Date.parse(s.occurredAt)) / DAY_MS;
      return age >= 0 && age <= model.maxAgeDays;
    })
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.id.localeCompare(b.id));

  const byType = new Map<EventType, Array<{ s: Signal; strength: number; scale: number }>>();
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

  const contributions: SignalContribution[] = [];
  for (const [type, list] of byType) {
    list.sort((a, b) => b.strength * b.scale - a.strength * a.scale || a.s.id.localeCompare(b.s.id));
    const combined = 1 - list.reduce((p, x) => p * (1 - x.strength), 1);
    const logit = model.typeWeight[type] * list[0]!.scale * combined;
    if (Math.abs(logit) < 1e-6) continue;
    contributions.push({ type, logit, evidence: unique(list.map((x) => x.s.url)), signals: list.map((x) => x.s) });
  }
  contributions.sort((a, b) => Math.abs(b.logit) - Math.abs(a.logit) || a.type.localeCompare(b.type));
  return { contributions, override, considered };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ''))];
}
