import { createRequire } from 'node:module';
import type NodeCron from 'node-cron';
import { z } from 'zod';

export const SOURCE_KINDS = ['rss', 'html', 'shab', 'gazette', 'companies-house', 'edgar'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** CSS selectors describing a list page (kind html). `item` is required, the rest are relative to it. */
export const htmlSelectorsSchema = z.object({
  item: z.string().min(1),
  title: z.string().optional(),
  /** Element whose href is the article link; default: the first a[href] in the item. */
  link: z.string().optional(),
  /** Element with the date in a datetime/content attribute or its text. */
  date: z.string().optional(),
  summary: z.string().optional(),
});
export type HtmlSelectors = z.infer<typeof htmlSelectorsSchema>;

/** Politeness and safety limits for fetching one source. */
export const fetchLimitsSchema = z.object({
  connectTimeoutMs: z.number().int().min(100).default(10_000),
  totalTimeoutMs: z.number().int().min(100).default(30_000),
  maxBytes: z.number().int().min(1024).default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Minimum pause between two requests to the same host. */
  minIntervalMs: z.number().int().min(0).default(1_000),
  /** Requests to the same host in flight at once. */
  perHostConcurrency: z.number().int().min(1).max(16).default(2),
  /** Retries of a transient failure (timeout, network, 5xx, 429) within one run, with backoff and jitter. */
  retries: z.number().int().min(0).max(10).default(2),
  backoffBaseMs: z.number().int().min(0).default(1_000),
  backoffMaxMs: z.number().int().min(0).default(60_000),
});
export type FetchLimits = z.infer<typeof fetchLimitsSchema>;

/** node-cron's own check, loaded on the first schedule to check: a configuration without sources does not load the scheduler. */
let cron: typeof NodeCron | undefined;
function validCron(expression: string): boolean {
  cron ??= createRequire(import.meta.url)('node-cron') as typeof NodeCron;
  return cron.validate(expression);
}

/** A configured source the collectors fetch on a schedule. `{ id, url }` alone is a valid RSS source. */
export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'use letters, digits, dot, dash or underscore'),
  /** The source's title, as mails and pages name it ("SHAB – Konkurse"); without it, the host of each link. */
  name: z.string().min(1).max(200).optional(),
  /** rss (also Atom, RDF, JSON Feed), html list page, or a register: shab, gazette, companies-house, edgar. */
  kind: z.enum(SOURCE_KINDS).default('rss'),
  /** http(s) URL or a local file path (relative paths resolve against the config file). */
  url: z.string().min(1),
  /** Register kinds always produce `register` documents. */
  documentKind: z.enum(['news', 'blog', 'register', 'web']).default('news'),
  /** node-cron expression, or an interval such as "15m", "2h", "90s"; default every 30 minutes. */
  schedule: z
    .string()
    .default('*/30 * * * *')
    .refine((s) => (/^\d+\s*[smh]$/i.test(s.trim()) ? intervalAtLeast10s(s) : validCron(s)), {
      message: 'use a cron expression such as "*/30 * * * *" or an interval of at least 10s such as "15m"',
    }),
  /** Allow private, loopback and link-local addresses (local test servers, intranet feeds). */
  allowPrivate: z.boolean().default(false),
  enabled: z.boolean().default(true),
  /** Fetch each new item's page and extract the article text when the feed only carries a teaser. */
  fetchFullText: z.boolean().default(false),
  /** Language hint (de, fr, en…) when the source does not declare one. */
  language: z.string().optional(),
  /** Minutes east of UTC for dates the source gives without a time zone (60 for CET). */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
  /** kind html: the list page's CSS selectors. */
  selectors: htmlSelectorsSchema.optional(),
  /** kind html / fetchFullText: CSS selector of the article body, when the heuristics pick the wrong block. */
  articleSelector: z.string().optional(),
  /** Honour robots.txt (on by default; switch off only for sources you operate). */
  respectRobots: z.boolean().default(true),
  /** Consecutive failures after which the source is parked with growing retry intervals. */
  parkAfterFailures: z.number().int().min(1).default(3),
  /** Registers: only keep notices of these rubrics (SHAB KK, SB, NA, HR…; Gazette notice codes). */
  rubrics: z.array(z.string()).optional(),
  /**
   * shab: where one notice's XML is, with "{id}" for the publication UUID; default: the
   * amtsblattportal API next to the list URL, or "<id>.xml" beside a local list file.
   */
  detailUrl: z.string().optional(),
  /** companies-house streaming API key (sent as HTTP basic user). */
  apiKey: z.string().optional(),
  limits: fetchLimitsSchema.prefault({}),
}).superRefine((s, ctx) => {
  const remote = /^https?:\/\//i.test(s.url);
  if (s.kind === 'companies-house' && remote && !s.apiKey) {
    ctx.addIssue({ code: 'custom', path: ['apiKey'], message: 'the Companies House streaming API needs an apiKey' });
  }
  if (s.selectors && s.kind !== 'html') {
    ctx.addIssue({ code: 'custom', path: ['selectors'], message: 'selectors only apply to kind: html' });
  }
});
export type SourceConfig = z.infer<typeof sourceSchema>;
/** What a config file may contain for a source (defaults not yet applied). */
export type SourceInput = z.input<typeof sourceSchema>;

function intervalAtLeast10s(s: string): boolean {
  const m = /^(\d+)\s*([smh])$/i.exec(s.trim())!;
  return Number(m[1]) * ({ s: 1, m: 60, h: 3600 } as const)[m[2]!.toLowerCase() as 's' | 'm' | 'h'] >= 10;
}
