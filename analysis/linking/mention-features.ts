import { addDocumentCues, addWindowCues } from './context-features.js';
import type { DocumentContext } from './document-context.js';
import { put } from './feature-catalogue.js';
import type { CaseFit, NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import { addNameCues } from './name-features.js';
import { addBeforeCues, addExtensionCues, describedBefore } from './neighbour-features.js';
import { addPersonCues } from './person-features.js';
import type { CustomerProfile, NameVariant } from './watchlist-index.js';

export { FEATURE_DOCS, FEATURES, type Feature } from './feature-catalogue.js';

export interface Candidate {
  span: NameSpan;
  variant: NameVariant;
  fit: CaseFit;
  /** Other customers found on the same words. */
  competitors: number;
  /** In an enumeration with another candidate name. */
  listed: boolean;
}

/**
 * The features of one candidate mention, by family: the name as written (name-features.ts), person
 * cues (person-features.ts), the words right before and after (neighbour-features.ts), the window
 * and the document against what the watchlist entry knows (context-features.ts).
 */
export function mentionFeatures(ctx: DocumentContext, profile: CustomerProfile, c: Candidate): FeatureValues {
  const f: FeatureValues = new Map();
  const { span } = c;
  const name = addNameCues(ctx, profile, span, c.variant, c.fit, f);
  addPersonCues(ctx, span, profile, f);
  if (describedBefore(ctx, span, profile)) put(f, 'business_before');
  if (c.listed) put(f, 'listed');
  if (!name.form) addExtensionCues(ctx, span, profile, f);
  addBeforeCues(ctx, span, profile, name.atStart, f);
  addWindowCues(ctx, span, profile, f);
  addDocumentCues(ctx, span, profile, c.variant.customerId, c.competitors, f);
  return f;
}
