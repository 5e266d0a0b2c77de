import { z } from 'zod';

/** ISO-8601 date-time with offset, as produced by Date.prototype.toISOString(). */
export const isoDateTime = z.iso.datetime({ offset: true });
/** Calendar date YYYY-MM-DD. */
export const isoDate = z.iso.date();

export const EVENT_TYPES = [
  'insolvency',
  'debt_restructuring',
  'liquidation',
  'debt_enforcement',
  'payment_delay',
  'financial_distress',
  'layoffs',
  'legal_dispute',
  'management_change',
  'ownership_change',
  'positive',
] as const;
export const eventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventType>;

export const SEVERITIES = ['positive', 'low', 'medium', 'high', 'critical'] as const;
export const severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severity>;

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
/** Rank for comparisons such as "minimum severity": positive < low < … < critical (a table lookup: hot in digests). */
export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** The hard events: insolvency proceedings and what leads to them; they override the score and cannot wait for a digest. */
export const HARD_EVENT_TYPES = ['insolvency', 'debt_restructuring', 'liquidation', 'debt_enforcement'] as const satisfies readonly EventType[];
const HARD = new Set<EventType>(HARD_EVENT_TYPES);
export function isHardEvent(type: EventType): boolean {
  return HARD.has(type);
}

export const DEFAULT_SEVERITY: Record<EventType, Severity> = {
  insolvency: 'critical',
  debt_restructuring: 'critical',
  liquidation: 'critical',
  debt_enforcement: 'high',
  payment_delay: 'high',
  financial_distress: 'medium',
  layoffs: 'medium',
  legal_dispute: 'medium',
  management_change: 'low',
  ownership_change: 'low',
  positive: 'positive',
};

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export const grade = z.enum(GRADES);
export type Grade = z.infer<typeof grade>;

/** Position of a grade from A (0, best) to E (4, worst). */
export function gradeRank(g: Grade): number {
  return GRADES.indexOf(g);
}

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as CHF, EUR or GBP');

export const LANGUAGES = ['de', 'en', 'fr', 'it'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;
