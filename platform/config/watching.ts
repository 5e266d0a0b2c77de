import { z } from 'zod';

/**
 * Watching derived from the watchlist: per customer a news search in its country's languages
 * and its register notices; per industry a sector news search. Off unless enabled, so the demo
 * and tests never reach the network.
 */
export const watchingSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Built-in news template ids (bonitor sources catalog), or your own with {query}, {lang}, {country}, {hl}. */
    news: z.array(z.string().min(1)).default(['google-news']),
    /** Register notice feeds for the customers' countries (SHAB, The Gazette, EDGAR 8-K). */
    registers: z.boolean().default(true),
    /** Sector news searches for the customers' NACE sections. */
    sectors: z.boolean().default(true),
    /** How often the derived sources are read (cron or interval); news searches are polite at hours. */
    schedule: z.string().default('0 */4 * * *'),
  })
  .prefault({});
export type WatchingConfig = z.infer<typeof watchingSchema>;
