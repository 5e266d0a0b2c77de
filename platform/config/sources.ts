import { z } from 'zod';

/** A configured source the collectors fetch on a schedule. */
export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'use letters, digits, dot, dash or underscore'),
  kind: z.enum(['rss']).default('rss'),
  /** http(s) URL or a local file path (relative paths resolve against the config file). */
  url: z.string().min(1),
  documentKind: z.enum(['news', 'blog', 'register', 'web']).default('news'),
  /** node-cron expression; default every 30 minutes. */
  schedule: z.string().default('*/30 * * * *'),
  /** Allow private, loopback and link-local addresses (local test servers, intranet feeds). */
  allowPrivate: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type SourceConfig = z.infer<typeof sourceSchema>;
