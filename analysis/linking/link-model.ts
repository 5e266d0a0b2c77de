import { z } from 'zod';
import type { CommonWords } from './common-words.js';

/**
 * The linking decision: a logistic regression over the features of one mention (see
 * mention-features.ts and its families), fitted on the development part of the labelled real-text corpus by
 * `scripts/fit-link-model.ts` and shipped as `link-model.json`. Like OpenSanctions' matcher, every
 * feature has a visible weight and every decision lists what moved it.
 */
export const linkModelSchema = z.object({
  version: z.string().min(1),
  /** Log-odds before any feature. */
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Probability from which a mention links clearly. */
  threshold: z.number().min(0).max(1),
  /** Probability from which a mention is kept as ambiguous (shown, never alerted). */
  ambiguousFrom: z.number().min(0).max(1),
  /** Two customers on the same words: the weaker one loses when its log-odds are this much lower, else both are ambiguous. */
  competitionMargin: z.number().min(0),
  /** How the weights were fitted (corpus, counts, cross-validated figures): shown, never used. */
  fitted: z.record(z.string(), z.unknown()).default({}),
});
/**
 * The weights file, plus the vocabulary some features read: ordinary words of de/en/fr/it
 * (common-words.ts), loaded by the composition root and passed in with the weights. Without it
 * the `common_word*` and `coined_name` features stay silent.
 */
export type LinkModel = z.infer<typeof linkModelSchema> & { commonWords?: CommonWords };

/** Parses a weights file; throws with the zod message when it is not one. */
export function parseLinkModel(json: unknown): LinkModel {
  const model = linkModelSchema.parse(json);
  if (model.ambiguousFrom > model.threshold) throw new Error(`ambiguousFrom ${model.ambiguousFrom} is above threshold ${model.threshold}`);
  return model;
}

/** Feature values of one mention: binary cues are 1, counts are small numbers; absent features are 0. */
export type FeatureValues = Map<string, number>;

export interface Contribution {
  feature: string;
  /** weight × value: what the feature added to the log-odds. */
  weight: number;
}

/** Log-odds of a mention: the bias plus weight × value of every feature. */
export function logitOf(model: LinkModel, features: FeatureValues): number {
  let logit = model.bias;
  for (const [feature, value] of features) logit += (model.weights[feature] ?? 0) * value;
  return logit;
}

/** What each feature added to the log-odds, largest effect first (zero contributions left out). */
export function explainFeatures(model: LinkModel, features: FeatureValues): Contribution[] {
  const out: Contribution[] = [];
  for (const [feature, value] of features) {
    const w = (model.weights[feature] ?? 0) * value;
    if (w !== 0) out.push({ feature, weight: round2(w) });
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
