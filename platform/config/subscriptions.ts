import { z } from 'zod';
import { severity } from '../schemas/common.js';

export const FREQUENCIES = ['instant', 'daily', 'weekly', 'monthly'] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Who is told what, how often. */
export const subscriptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'use letters, digits, dot, dash or underscore'),
  email: z.email('not a valid email address'),
  name: z.string().default(''),
  language: z.enum(['de', 'en', 'fr', 'it']).default('en'),
  /** Number and date conventions when they differ from the configured ones for the language (de-DE, fr-FR …). */
  locale: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/, 'use a locale such as de-CH, de-DE, fr-FR or en-GB')
    .optional(),
  scope: z
    .object({
      customers: z.array(z.string()).default([]),
      tags: z.array(z.string()).default([]),
      industries: z.array(z.string()).default([]),
      all: z.boolean().default(false),
    })
    .default({ customers: [], tags: [], industries: [], all: true }),
  minSeverity: severity.default('medium'),
  frequency: z.enum(FREQUENCIES).default('daily'),
  hour: z.number().int().min(0).max(23).default(7),
  /** 0 = Sunday … 6 = Saturday, for weekly digests. */
  weekday: z.number().int().min(0).max(6).default(1),
  /** 1–31 for monthly digests; a day past the month's end falls back to its last day. */
  dayOfMonth: z.number().int().min(1).max(31).default(1),
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default('Europe/Zurich'),
  /** Send a short "all quiet" mail when nothing is new. */
  allQuiet: z.boolean().default(false),
  /** Admins also get the source-health section. */
  admin: z.boolean().default(false),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
