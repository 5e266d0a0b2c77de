import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { CollectError } from '../errors.js';
import { assertPublicHost, guardedLookup, portOf, type AddressPolicy } from './address-guard.js';

export interface HttpFetchOptions {
  userAgent: string;
  allowPrivate: boolean;
  allowAddress?: AddressPolicy['allowAddress'];
  refusalHint?: AddressPolicy['refusalHint'];
  /** Validators from the previous successful fetch, for a conditional GET. */
  etag?: string;
  lastModified?: string;
  accept?: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Aborts the request (scheduler shutdown). */
  signal?: AbortSignal;
  /** Extra request headers (Authorization for APIs that need a key). */
  headers?: Record<string, string>;
  /** POST for query APIs that take a body (Zefix search, SOAP services); GET by default. */
  method?: 'GET' | 'POST';
  body?: string;
  /**
   * Endless streams (Companies House): read the body for at most this long, or up to
   * maxBytes, then stop and return what arrived with `partial: true` instead of failing.
   */
  readForMs?: number;
  /** Called before following a redirect (robots.txt of the new host); throws to stop. */
  beforeRedirect?: (to: URL) => Promise<void>;
}

export interface FetchResponse {
  status: number; // 200 or 304; other statuses become CollectError('http_status')
  body: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** URL after redirects: relative links resolve against it. */
  finalUrl: string;
  /** The body was cut at readForMs or maxBytes on purpose (streams). */
  partial?: boolean;
}

export const DEFAULT_HTTP_LIMITS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** One GET with redirects followed by hand, so every hop passes the address guard again. */
export async function fetchHttp(url: string, options: HttpFetchOptions): Promise<FetchResponse> {
  const visited = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    const target = parseHttpUrl(current);
    visited.add(target.toString());
    assertPublicHost(target, options);
    const res = await requestOnce(target, options);
    if (res.location === undefined) return { ...res, finalUrl: target.toString() };
    const next = new URL(res.location, target);
    if (visited.has(next.toString())) throw new CollectError('redirect_loop', `redirect loop: ${target} → ${next}`);
    if (hop + 1 > options.maxRedirects) throw new CollectError('redirect_loop', `more than ${options.maxRedirects} redirects from ${url}`);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new CollectError('blocked', `redirect to unsupported protocol ${next.protocol}`);
    await options.beforeRedirect?.(next);
    current = next.toString();
  }
}

function parseHttpUrl(u: string): URL {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    throw new CollectError('config', `not a URL: ${u}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CollectError('config', `unsupported protocol ${url.protocol} in ${u}`);
  return url;
}

type OnceResult = Omit<FetchResponse, 'finalUrl'> & { location?: string };

function requestOnce(url: URL, o: HttpFetchOptions): Promise<OnceResult> {
  return new Promise<OnceResult>((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': o.userAgent,
      accept: o.accept ?? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    Object.assign(headers, o.headers);
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    const body = o.method === 'POST' && o.body !== undefined ? Buffer.from(o.body, 'utf8') : undefined;
    if (body) headers['content-length'] = String(body.length);

    let settled = false;
    const finish = (err: unknown, value?: OnceResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      o.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: o.method ?? 'GET', headers, lookup: guardedLookup(o, portOf(url)) as never, agent: false });
    const totalTimer = setTimeout(
      () => finish(new CollectError('timeout', `no complete answer from ${url.host} within ${o.totalTimeoutMs} ms`)),
      o.totalTimeoutMs,
    );
    const connectTimer = setTimeout(
      () => finish(new CollectError('timeout', `could not connect to ${url.host} within ${o.connectTimeoutMs} ms`)),
      o.connectTimeoutMs,
    );
    const onAbort = () => finish(new CollectError('timeout', 'fetch aborted'));
    o.signal?.addEventListener('abort', onAbort);

    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err) => finish(err instanceof CollectError ? err : networkError(url, err)));
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        res.resume();
        return finish(null, { status, body: Buffer.alloc(0), location });
      }
      if (status === 304) {
        res.resume();
        return finish(null, { status, body: Buffer.alloc(0), etag: o.etag, lastModified: o.lastModified });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        const retryAfterMs = parseRetryAfter(header(res.headers['retry-after']), Date.now());
        return finish(
          new CollectError('http_status', `HTTP ${status} from ${url}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }),
        );
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes && !res.headers['content-encoding']) {
        res.destroy();
        return finish(new CollectError('too_large', `body of ${declared} bytes exceeds the cap of ${o.maxBytes}`));
      }
      readCapped(decompress(res), o.maxBytes, o.readForMs).then(
        ({ body, partial }) =>
          finish(null, {
            status,
            body,
            ...(partial ? { partial } : {}),
            contentType: header(res.headers['content-type']),
            etag: header(res.headers.etag),
            lastModified: header(res.headers['last-modified']),
          }),
        (err) => finish(err),
      );
    });
    req.end(body);
  });
}

function decompress(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (enc === 'deflate') return res.pipe(zlib.createInflate());
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/** Counts decompressed bytes, so a small gzip bomb hits the cap too. */
function readCapped(stream: Readable, maxBytes: number, readForMs?: number): Promise<{ body: Buffer; partial: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stopEarly = () => {
      if (done) return;
      done = true;
      clearTimeout(soft);
      stream.destroy();
      resolve({ body: Buffer.concat(chunks), partial: true });
    };
    const soft = readForMs !== undefined ? setTimeout(stopEarly, readForMs) : undefined;
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > maxBytes) {
        if (readForMs !== undefined) return stopEarly();
        done = true;
        stream.destroy();
        reject(new CollectError('too_large', `body exceeds the cap of ${maxBytes} bytes`));
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(soft);
      resolve({ body: Buffer.concat(chunks), partial: false });
    });
    stream.on('error', (err) => done || reject(err instanceof CollectError ? err : new CollectError('network', `body could not be read: ${err.message}`)));
  });
}

function networkError(url: URL, err: Error & { code?: string }): CollectError {
  if (err.code === 'ECONNRESET' || err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new CollectError('network', `${url.host}: ${err.code}`);
  }
  return new CollectError('network', `${url.host}: ${err.message}`);
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Retry-After as seconds or an HTTP date → milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - nowMs);
}
