import { z } from 'zod';
import { fetchLimitsSchema } from './sources.js';

/**
 * Registers asked on demand (pre-contract check) and for every customer's register facts.
 * A register is used only when its block is present (`registers: { edgar: {} }` is enough
 * for the official endpoint), so the offline demo and a config without `registers:` never
 * reach the network. A block whose credential is missing is reported as "not configured".
 */

/** Official endpoints; each `url` may point elsewhere (a proxy, a local test server). */
export const REGISTER_ENDPOINTS = {
  zefix: 'https://www.zefix.admin.ch/ZefixPublicREST',
  uidRegister: 'https://www.uid-wse.admin.ch/V5.0/PublicServices.svc',
  shab: 'https://amtsblattportal.ch',
  companiesHouse: 'https://api.company-information.service.gov.uk',
  edgar: 'https://data.sec.gov',
  edgarSearch: 'https://www.sec.gov',
  deInsolvency: 'https://neu.insolvenzbekanntmachungen.de',
  deRegister: 'https://www.handelsregister.de',
} as const;

const PRIVATE_HOST = /^(localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|\[?::1\]?|\[?f[cd][0-9a-f:]*\]?|\[?fe80:[0-9a-f:]*\]?)$/i;

/** Limits per register; the published rate limits are the defaults (README: Sources → registers). */
const limits = (minIntervalMs: number, totalTimeoutMs = 15_000) =>
  fetchLimitsSchema.prefault({ minIntervalMs, totalTimeoutMs, connectTimeoutMs: 5_000, retries: 1, perHostConcurrency: 1, maxBytes: 5 * 1024 * 1024 });

const endpoint = (url: string, minIntervalMs: number) => ({
  url: z.url().default(url),
  /** Allow a private or loopback address for this register (a local mirror, tests). */
  allowPrivate: z.boolean().default(false),
  enabled: z.boolean().default(true),
  /** Honour the host's robots.txt. Official APIs are not crawled, so off by default for them. */
  respectRobots: z.boolean().default(false),
  limits: limits(minIntervalMs),
});

export const registersSchema = z
  .object({
    /** How long a register answer is reused before the register is asked again. */
    cacheHours: z.number().min(0).default(24),
    /** Each customer's register facts are refreshed when older than this, and soon after a watchlist import. */
    refreshHours: z.number().min(1).default(24),
    /** Customers refreshed per round (rounds run every few minutes in the collector role). */
    refreshBatch: z.number().int().min(1).max(10_000).default(50),
    /** Whole check deadline: a register that has not answered by then is reported as a timeout. */
    checkTimeoutMs: z.number().int().min(1000).default(20_000),
    /** Zefix PublicREST: free credentials from zefix@bj.admin.ch (HTTP basic). */
    zefix: z.object({ ...endpoint(REGISTER_ENDPOINTS.zefix, 1000), username: z.string().optional(), password: z.string().optional() }).optional(),
    /** UID register public services (SOAP, no account; about 20 requests a minute). */
    uidRegister: z.object({ ...endpoint(REGISTER_ENDPOINTS.uidRegister, 3000) }).optional(),
    /** SHAB / SOGC publications on the Amtsblattportal (no account). */
    shab: z
      .object({
        ...endpoint(REGISTER_ENDPOINTS.shab, 500),
        /** Rubrics searched for a company's notices. */
        rubrics: z.array(z.string().regex(/^[A-Z]{2}$/)).default(['KK', 'SB', 'NA', 'HR']),
        /** How many days back KK, SB and NA notices are searched. */
        lookbackDays: z.number().int().min(1).max(365).default(60),
        /** How many days back HR notices are searched (about a thousand a day; Zefix has the full history). */
        hrLookbackDays: z.number().int().min(1).max(60).default(7),
        pageSize: z.number().int().min(10).max(2000).default(2000),
      })
      .optional(),
    /** Companies House public data API: free API key (HTTP basic user), 600 requests per 5 minutes. */
    companiesHouse: z.object({ ...endpoint(REGISTER_ENDPOINTS.companiesHouse, 500), apiKey: z.string().optional() }).optional(),
    /** SEC EDGAR: no key; a user agent with a contact address is required, at most 10 requests a second. */
    edgar: z
      .object({
        ...endpoint(REGISTER_ENDPOINTS.edgar, 150),
        /** Company search (browse-edgar) host. */
        searchUrl: z.url().default(REGISTER_ENDPOINTS.edgarSearch),
        userAgent: z.string().optional(),
      })
      .optional(),
    /**
     * Germany: register announcements (RegisSTAR pages) from `announcementUrl`, a template with
     * {court} and {number} ("HRB 731772"). The register portal has no machine interface and allows
     * at most 60 retrievals an hour: one request a minute by default.
     */
    de: z
      .object({
        ...endpoint(REGISTER_ENDPOINTS.deRegister, 60_000),
        announcementUrl: z.url().optional(),
        respectRobots: z.boolean().default(true),
      })
      .optional(),
  })
  .superRefine((r, ctx) => {
    for (const [name, block] of Object.entries(r)) {
      if (!block || typeof block !== 'object' || !('url' in block)) continue;
      const b = block as { url: string; allowPrivate: boolean; searchUrl?: string; announcementUrl?: string };
      for (const [key, u] of [['url', b.url], ['searchUrl', b.searchUrl], ['announcementUrl', b.announcementUrl]] as const) {
        if (!u) continue;
        const host = new URL(u.replace(/\{[a-z]+\}/g, 'x')).hostname;
        if (PRIVATE_HOST.test(host) && !b.allowPrivate) {
          ctx.addIssue({ code: 'custom', path: [name, key], message: `${host} is a private or loopback address: set registers.${name}.allowPrivate: true to use it` });
        }
      }
    }
  })
  .prefault({});

export type RegistersConfig = z.infer<typeof registersSchema>;
