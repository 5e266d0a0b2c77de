import { z } from 'zod';

/**
 * The trained layer of event extraction: a logistic regression over the features of one
 * candidate event (event-features.ts: the extractor's own decision and cues, genericity cues,
 * sentence shape, words), fitted offline on the development part of the labelled real-text
 * corpus by `scripts/fit-event-model.ts` and shipped as `event-model.json`. The composition root
 * loads it and passes it in; without it the extractor's rules decide alone.
 *
 * It vetoes what the rules accepted when its probability is below the threshold of the type's
 * group (hard or soft), and accepts a candidate the rules left out only where `recoverFrom` is
 * set and reached. Every decision lists the features that moved it with their weights.
 */
export const eventModelSchema = z.object({
  version: z.string().min(1),
  /** Log-odds before any feature. */
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** An accepted candidate of a hard type (insolvency, debt_restructuring, liquidation, debt_enforcement) is kept from this probability. */
  hardThreshold: z.number().min(0).max(1),
  /** A hard type's own threshold where grouped cross-validation supported one (scripts/fit-event-model.ts); else hardThreshold. */
  typeThresholds: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /** An accepted candidate of any other type is kept from this probability. */
  softThreshold: z.number().min(0).max(1),
  /** A candidate the rules rejected (historic, generic, no subject …) is accepted from this probability; absent: never. */
  recoverFrom: z.number().min(0).max(1).optional(),
  /** Which feature families the weights were fitted with (see event-features.ts). */
  families: z.array(z.string()).default([]),
  /** How the weights were fitted (corpus, counts, cross-validated figures): shown, never used. */
  fitted: z.record(z.string(), z.unknown()).default({}),
});
export type EventModel = z.infer<typeof eventModelSchema>;

/** Parses a weights file; throws with the zod message when it is not one. */
export function parseEventModel(json: unknown): EventModel {
  return eventModelSchema.parse(json);
}

/** Feature values of one candidate: binary cues are 1; absent features are 0. */
export type FeatureValues = Map<string, number>;

export interface Contribution {
  feature: string;
  /** weight × value: what the feature added to the log-odds. */
  weight: number;
}

export interface ModelDecision {
  probability: number;
  /** The features that moved the decision most, largest effect first. */
  contributions: Contribution[];
}

export function logitOf(model: Pick<EventModel, 'bias' | 'weights'>, features: FeatureValues): number {
  let logit = model.bias;
  for (const [feature, value] of features) logit += (model.weights[feature] ?? 0) * value;
  return logit;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

// The weights as a Map, made once per model: a lookup with a feature name built for the candidate costs less than on
// the parsed object of several hundred keys (a dictionary-mode object interns each key it is asked for).
const WEIGHT_MAPS = new WeakMap<EventModel['weights'], ReadonlyMap<string, number>>();
function weightMap(model: EventModel): ReadonlyMap<string, number> {
  let m = WEIGHT_MAPS.get(model.weights);
  if (!m) WEIGHT_MAPS.set(model.weights, (m = new Map(Object.entries(model.weights))));
  return m;
}

/** Probability and explanation of one candidate; `top` contributions are kept (the rest are small). */
export function decide(model: EventModel, features: FeatureValues, top = 6): ModelDecision {
  const out: Contribution[] = [];
  const weights = weightMap(model);
  // The log-odds summed in the same pass and order as logitOf sums them.
  let logit = model.bias;
  for (const [feature, value] of features) {
    const w = (weights.get(feature) ?? 0) * value;
    logit += w;
    if (Math.abs(w) >= 0.005) out.push({ feature, weight: Math.round(w * 100) / 100 });
  }
  out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1));
  return { probability: sigmoid(logit), contributions: out.slice(0, top) };
}

/** One line for the cues of an event: "model p=0.18 < 0.50: cue:definition −1.2, subject:none −0.8". */
export function explainDecision(d: ModelDecision, threshold: number): string {
  const sign = d.probability >= threshold ? '≥' : '<';
  const parts = d.contributions.map((c) => `${c.feature} ${c.weight > 0 ? '+' : '−'}${Math.abs(c.weight).toFixed(2)}`);
  return `model p=${d.probability.toFixed(2)} ${sign} ${threshold.toFixed(2)}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
