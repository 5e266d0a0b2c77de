/** Who rates whom: a rating agency beside a rating action is the agent, never the subject (roles.ts reads these). */

/** Triggers that are a rating agency's act on a company: to downgrade, a downgrade, "herabgestuft", "dégradé", "declassato". */
export const RATING_ACTION = /^(?:downgrad|herabstuf|herabgestuft|abgestuft|degrad|abaiss|declass|taglio del rating|cut to junk|junk|(?:(?:credit|debt|bond|issuer) )?ratings?\b|note\b|notation)/;
/** A passive agent preposition right before an organisation ("downgraded by S&P", "von Moody's herabgestuft"). */
const AGENT_BEFORE = /\b(?:by|von|durch|par|da|dal|dalla|dallo)\s*(?:(?:der|die|dem|the|la|le|l') ?)?$/;
/** After a rating noun "von" and "da" are genitives ("Herabstufung der Kreditwürdigkeit von Thyssenkrupp"); only these are agents. */
export const AGENT_AFTER = /\b(?:by|durch|par|dal|dalla|dallo)\s*(?:(?:der|die|dem|the|la|le|l') ?)?$/;
/** An active verb of rating right after an organisation, possibly after "said it" / "hat": the organisation is the agency. */
const RATES_NEXT = /^(?:'s)?\s+(?:(?:said|says|has|have|had|hat|a|ha|it|sie|on|friday|monday|tuesday|wednesday|thursday|also|then|now|today) ){0,3}(?:downgrad|cut|cuts|lower|reduc|slash|herabgestuft|stuft|stufte|senkt|degrad|abaiss|declass|tagli)/;
/**
 * The agency of a rating action: a passive agent ("von Moody's herabgestuft", "downgraded by S&P"), or the organisation right
 * before an active verb in its clause ("Moody's Investor Service downgraded its credit rating", "S&P said it downgraded").
 */
export function isRatingAgent(folded: string, fs: number, fe: number, trigger: { start: number; end: number }): boolean {
  if (AGENT_BEFORE.test(folded.slice(Math.max(0, fs - 12), fs))) return true;
  return fe <= trigger.start && !/[;:.]/.test(folded.slice(fe, trigger.start)) && RATES_NEXT.test(folded.slice(fe, fe + 60));
}
