import type { Logger } from '../../platform/log.js';
import type { FetchLimits } from '../../platform/config/sources.js';
import { CollectError } from '../errors.js';
import { backoffMs } from '../../platform/backoff.js';
import { defaultSleep, HostLimiter } from './host-limiter.js';
import { fetchHttp, type FetchResponse } from './http-fetch.js';
import { fetchLocal, isHttpUrl } from './fetch-local.js';
import { ALLOW_ALL, isAllowed, parseRobots, type RobotsRules } from './robots.js';

export type { FetchResponse };

export interface FetchRequest {
  url: string;
  allowPrivate: boolean;
  limits: FetchLimits;
  respectRobots: boolean;
  etag?: string;
  lastModified?: string;
  accept?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** POST with a body (query APIs such as Zefix search or SOAP services); GET by default. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Endless streams: read this long, then return the partial body (see HttpFetchOptions). */
  readForMs?: number;
}

/** What every collector fetches through. Tests may pass a fake. */
export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchResponse>;
}

export interface FetcherOptions {
  /** "Bonitor/0.1 (+mailto:credit@example.com)"; its first token is the robots.txt product token. */
  userAgent: string;
  log: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Private ip:port pairs allowed even for sources without allowPrivate (an intranet proxy; tests). */
  allowAddress?: (ip: string, port: number) => boolean;
  /** How the user permits a refused address (the CLI says --allow-private). */
  refusalHint?: string;
  /** How long a robots.txt answer is reused. */
  robotsTtlMs?: number;
}

const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * The polite, safe fetcher shared by all collectors: local files as they are; http(s)
 * through robots.txt, the per-host limiter and retries with backoff for transient failures.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const limiter = new HostLimiter(now, sleep);
  const robotsCache = new Map<string, { rules: RobotsRules; expires: number }>();
  const robotsTtl = options.robotsTtlMs ?? 6 * 3600_000;
  const productToken = options.userAgent.split(/[\s/]/)[0] ?? 'Bonitor';
  const log = options.log;

  const once = (url: string, req: FetchRequest, extra: Partial<FetchRequest> = {}) => {
    const host = new URL(url).host;
    const l = req.limits;
    // robots.txt itself is fetched with respectRobots false, so its redirects never recurse into robots checks.
    const robots = extra.respectRobots ?? req.respectRobots;
    return limiter.run(host, { concurrency: l.perHostConcurrency, minIntervalMs: l.minIntervalMs }, () =>
      fetchHttp(url, {
        userAgent: options.userAgent,
        allowPrivate: req.allowPrivate,
        ...(options.allowAddress ? { allowAddress: options.allowAddress } : {}),
        ...(options.refusalHint ? { refusalHint: options.refusalHint } : {}),
        connectTimeoutMs: l.connectTimeoutMs,
        // A deliberately long stream read must not trip the total timeout.
        totalTimeoutMs: req.readForMs !== undefined ? Math.max(l.totalTimeoutMs, req.readForMs + l.connectTimeoutMs) : l.totalTimeoutMs,
        maxBytes: l.maxBytes,
        maxRedirects: l.maxRedirects,
        ...(req.etag ? { etag: req.etag } : {}),
        ...(req.lastModified ? { lastModified: req.lastModified } : {}),
        ...(req.accept ? { accept: req.accept } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.method ? { method: req.method } : {}),
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.readForMs !== undefined ? { readForMs: req.readForMs } : {}),
        ...(robots ? { beforeRedirect: (to: URL) => assertRobotsAllow(to, req) } : {}),
        ...extra,
      }),
    );
  };

  async function robotsFor(url: URL, req: FetchRequest): Promise<RobotsRules> {
    const origin = url.origin;
    const cached = robotsCache.get(origin);
    if (cached && cached.expires > now()) return cached.rules;
    let rules: RobotsRules;
    try {
      const res = await once(`${origin}/robots.txt`, req, {
        accept: 'text/plain, */*;q=0.5',
        maxBytes: ROBOTS_MAX_BYTES,
        etag: undefined,
        lastModified: undefined,
        headers: undefined,
        method: undefined,
        body: undefined,
        readForMs: undefined,
        respectRobots: false,
      } as Partial<FetchRequest>);
      rules = parseRobots(res.body.toString('utf8'), productToken);
    } catch (err) {
      // RFC 9309: 4xx means "no rules". 5xx, timeouts and network errors leave it unknown:
      // fail this run with that error (it is retried and counted) instead of guessing.
      if (err instanceof CollectError && err.kind === 'http_status' && (err.typed.status ?? 500) < 500) rules = ALLOW_ALL;
      else if (err instanceof CollectError && err.kind === 'too_large') rules = ALLOW_ALL;
      else throw err;
    }
    robotsCache.set(origin, { rules, expires: now() + robotsTtl });
    if (rules.crawlDelayMs) limiter.setCrawlDelay(url.host, rules.crawlDelayMs);
    return rules;
  }

  async function assertRobotsAllow(url: URL, req: FetchRequest): Promise<void> {
    const rules = await robotsFor(url, req);
    if (!isAllowed(rules, url.pathname + url.search)) {
      throw new CollectError('robots', `robots.txt of ${url.host} disallows ${url.pathname} for ${productToken}`);
    }
  }

  async function fetchWithRetries(req: FetchRequest): Promise<FetchResponse> {
    const { retries, backoffBaseMs, backoffMaxMs } = req.limits;
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(req.url, req);
      } catch (err) {
        if (!(err instanceof CollectError) || !err.typed.retriable || attempt >= retries || req.signal?.aborted) throw err;
        const retryAfter = err.typed.retryAfterMs;
        // A server asking for a longer pause than we would wait gets it from the scheduler instead.
        if (retryAfter !== undefined && retryAfter > backoffMaxMs) throw err;
        const delay = retryAfter ?? backoffMs(attempt + 1, { baseMs: backoffBaseMs, maxMs: backoffMaxMs }, options.random);
        log.debug({ event: 'fetch_retry', url: req.url, attempt: attempt + 1, delay_ms: delay, error_kind: err.kind }, 'fetch_retry');
        await sleep(delay);
      }
    }
  }

  return {
    async fetch(req) {
      if (!isHttpUrl(req.url)) return fetchLocal(req.url, req.limits.maxBytes);
      if (req.respectRobots) await assertRobotsAllow(new URL(req.url), req);
      return fetchWithRetries(req);
    },
  };
}
