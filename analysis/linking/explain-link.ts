import type { LinkMatch } from './link-entities.js';

/**
 * A match in one line: who, how sure, the words, and what decided, e.g.
 * `Meier Tobler AG 0.97 clear "Meier Tobler AG": legal_form +2.10, multi_word +1.45, business_near +0.62, bias -1.90`.
 */
export function explainLink(match: LinkMatch, customerName: string = match.customerId): string {
  const reasons = match.reasons.map((r) => `${r.feature} ${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)}`).join(', ');
  return `${customerName} ${match.confidence.toFixed(2)} ${match.ambiguous ? 'ambiguous' : 'clear'} "${match.text}": ${reasons}`;
}
