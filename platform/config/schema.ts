import { z } from 'zod';
import { sourceSchema } from './sources.js';
import { subscriptionSchema } from './subscriptions.js';
import { policySchema } from './policy.js';
import { registersSchema } from './registers.js';
import { watchingSchema } from './watching.js';

const localeTag = z
  .string()
  .regex(/^[a-z]{2}-[A-Z]{2}$/, 'use a locale such as de-CH, de-DE, fr-FR or en-GB')
  .refine((tag) => Intl.NumberFormat.supportedLocalesOf([tag]).length > 0, 'this locale is not known to Intl');

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The whole configuration: YAML file plus BONITOR_* environment overrides, validated once. */
export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    logLevel: logLevel.default('info'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** Public base URL used in mails (links to the check page, unsubscribe). */
        publicUrl: z.url().optional(),
        apiToken: z.string().min(16, 'an API token needs at least 16 characters').optional(),
        /** Named API tokens, stored as their SHA-256 (`printf %s token | sha256sum`), read-only or admin. */
        tokens: z
          .array(
            z.object({
              name: z.string().min(1),
              sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'sha256 must be the hex SHA-256 of the token (sha256sum)'),
              role: z.enum(['read', 'admin']).default('read'),
            }),
          )
          .default([]),
      })
      .prefault({}),
    smtp: z
      .object({
        /** smtp(s)://user:pass@host:port; unset = write .eml files to <dataDir>/outbox/. */
        url: z.url().optional(),
        from: z.string().default('Bonitor <bonitor@localhost>'),
        /**
         * A mail whose attempt was recorded but not confirmed by the server (a crash while it held
         * DATA) is sent again after this long, with an X-Bonitor-Retry header.
         */
        resendUnconfirmedAfterMs: z.number().int().min(1_000).default(600_000),
        /** While the server is down or refuses: first retry after retryBaseMs, doubling up to retryMaxMs; given up after maxAttempts. */
        retryBaseMs: z.number().int().min(100).default(30_000),
        retryMaxMs: z.number().int().min(100).default(3_600_000),
        maxAttempts: z.number().int().min(1).default(12),
        /** How often mails that are due (retries, instant alerts) are sent: every minute, or every N seconds (1–60). */
        deliverEverySeconds: z.number().int().min(1).max(60).default(60),
      })
      .prefault({}),
    kafka: z
      .object({
        brokers: z.array(z.string().regex(/^[^\s:]+:\d+$/, 'use host:port')).default([]),
        clientId: z.string().default('bonitor'),
        partitions: z.number().int().min(1).default(6),
        replicationFactor: z.number().int().min(1).default(1),
        /**
         * Codec of the record batches the bus produces. gzip (kafkajs's built-in codec, on Node's
         * thread pool) sends several times fewer bytes of these JSON messages, which counts when
         * the broker is across a network; with the broker on the same host it measured no faster
         * (npm run bench:kafka), so none is the default. Consumers read either.
         */
        compression: z.enum(['none', 'gzip']).default('none'),
      })
      .prefault({}),
    clickhouse: z
      .object({
        url: z.url().optional(),
        database: z.string().default('bonitor'),
      })
      .prefault({}),
    bus: z
      .object({
        /** Partitions per topic of the embedded local log. */
        partitions: z.number().int().min(1).max(64).default(4),
        maxAttempts: z.number().int().min(1).default(5),
        /** Committed messages older than this are pruned from the local log (dead letters are kept). */
        retentionDays: z.number().min(0.01).default(7),
      })
      .prefault({}),
    /** Where the analyzer runs link + classify. */
    analysis: z
      .object({
        /**
         * Worker threads for link + classify per analyzer process; 0 runs the analysis on the
         * consumer's own thread. Default: one less than os.availableParallelism() (the consumer's
         * thread keeps the bus, the store and, in one process, the other roles); 0 below 3 cores.
         */
        workers: z.number().int().min(0).max(64).optional(),
      })
      .prefault({}),
    /** How `start` / `run` keep their loops alive (see app/supervision). */
    supervisor: z
      .object({
        /** Consecutive failures of one loop after which the process exits with code 1 (a service manager restarts it). */
        maxFailures: z.number().int().min(1).default(8),
        /** A failed loop is restarted after about backoffBaseMs, doubling up to backoffMaxMs, with jitter. */
        backoffBaseMs: z.number().int().min(10).default(1_000),
        backoffMaxMs: z.number().int().min(10).default(60_000),
        /** SIGINT / SIGTERM: the longest a shutdown may take before the process exits anyway. */
        stopTimeoutMs: z.number().int().min(100).default(15_000),
        /** Consumer lag that has not shrunk for this long makes its stage "down" in /health. */
        lagStallMs: z.number().int().min(1_000).default(120_000),
      })
      .prefault({}),
    /** How ledger exports are read: header names of your package mapped to fields, the decimal mark, the currency. */
    ledger: z
      .object({
        /** Header name in your export → ledger field (customer_id, invoice_id, issue_date, due_date, amount, …). */
        columns: z.record(z.string(), z.string()).default({}),
        /** Decimal mark for files that never show it ("1.234" alone is ambiguous). */
        decimal: z.enum([',', '.']).optional(),
        /** Currency of exports without a currency column (default: policy.currency). */
        currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter currency code such as CHF').optional(),
        /** Shortfall share that counts as a cash discount when an invoice is paid in its discount period (default 0.03). */
        maxDiscountShare: z.number().min(0).max(0.2).optional(),
      })
      .optional(),
    /** Watchlist CSV (customer_id,name,aliases,register_ids,country,industry,tags). */
    watchlist: z.string().optional(),
    sources: z.array(sourceSchema).default([]),
    /** Directories local source files may be read from, besides the config file's own directory. */
    localSourceDirs: z.array(z.string().min(1)).default([]),
    subscriptions: z.array(subscriptionSchema).default([]),
    policy: policySchema,
    /** Registers asked on demand and for every customer's register facts (off unless a block is given). */
    registers: registersSchema,
    /** Sources derived from the watchlist: news searches, register notices and sector news per customer. */
    watching: watchingSchema,
    /** Run on the bundled demo data; on by default when nothing else is configured. */
    demo: z.boolean().optional(),
    /** Contact address in the collectors' user agent. */
    contact: z.string().default('admin@localhost'),
    /**
     * Number, date and money conventions per language (BCP 47 tags): Swiss by default
     * (de-CH 1'234.50, fr-CH 1 234,50, it-CH), en-GB for English; e.g. `locales: { de: de-DE }`.
     */
    /**
     * Totals of the portfolio in one currency: `rates` gives the value of one unit of each other
     * currency in `currency` (e.g. { EUR: 0.94, GBP: 1.12 } for CHF). Amounts without a rate are
     * shown apart, never added as if they were the same money.
     */
    reporting: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/, 'use a three-letter ISO code such as CHF').optional(),
        rates: z.record(z.string().regex(/^[A-Z]{3}$/, 'rates are keyed by three-letter ISO codes'), z.number().positive('a rate is a positive number')).default({}),
        /** When the rates were taken, shown beside converted totals (e.g. 2026-11-30). */
        ratesAsOf: z.string().optional(),
      })
      .prefault({}),
    locales: z
      .object({ de: localeTag.optional(), fr: localeTag.optional(), it: localeTag.optional(), en: localeTag.optional() })
      .default({}),
  })
  .superRefine((c, ctx) => {
    const dup = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of dup(c.sources.map((s) => s.id))) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: `duplicate source id "${id}"` });
    }
    for (const id of dup(c.subscriptions.map((s) => s.id))) {
      ctx.addIssue({ code: 'custom', path: ['subscriptions'], message: `duplicate subscription id "${id}"` });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;

/** Environment variables and the config path they override; the compose test checks against this. */
export const ENV_OVERRIDES = {
  BONITOR_DATA_DIR: ['dataDir'],
  BONITOR_HOST: ['http', 'host'],
  BONITOR_PORT: ['http', 'port'],
  BONITOR_PUBLIC_URL: ['http', 'publicUrl'],
  BONITOR_SMTP_URL: ['smtp', 'url'],
  BONITOR_SMTP_FROM: ['smtp', 'from'],
  BONITOR_API_TOKEN: ['http', 'apiToken'],
  BONITOR_KAFKA_BROKERS: ['kafka', 'brokers'],
  BONITOR_KAFKA_COMPRESSION: ['kafka', 'compression'],
  BONITOR_ANALYSIS_WORKERS: ['analysis', 'workers'],
  BONITOR_CLICKHOUSE_URL: ['clickhouse', 'url'],
  BONITOR_LOG_LEVEL: ['logLevel'],
  BONITOR_WATCHLIST: ['watchlist'],
  BONITOR_DEMO: ['demo'],
  BONITOR_COMPANIES_HOUSE_API_KEY: ['registers', 'companiesHouse', 'apiKey'],
  BONITOR_ZEFIX_USERNAME: ['registers', 'zefix', 'username'],
  BONITOR_ZEFIX_PASSWORD: ['registers', 'zefix', 'password'],
} as const;

/** Config paths whose values never appear in error messages or logs. */
export const SECRET_PATHS = [
  ['http', 'apiToken'],
  ['smtp', 'url'],
  ['clickhouse', 'url'],
  ['registers', 'zefix', 'password'],
  ['registers', 'companiesHouse', 'apiKey'],
] as const;
