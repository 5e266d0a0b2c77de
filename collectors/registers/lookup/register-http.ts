import type { z } from 'zod';
import type { FetchLimits } from '../../../platform/config/sources.js';
import { CollectError } from '../../errors.js';
import type { Fetcher, FetchRequest } from '../../fetch/fetcher.js';
import { decodeText } from '../../parse/decode.js';

/** One register's connection settings (a `registers.<name>` block). */
export interface RegisterEndpoint {
  url: string;
  allowPrivate: boolean;
  respectRobots: boolean;
  limits: FetchLimits;
}

export interface RegisterRequest {
  accept: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  signal?: AbortSignal;
}

/**
 * Requests to one register through the polite, SSRF-safe fetcher: the block's limits,
 * private-address rule and robots setting apply to every call; 404 means "not in the register".
 */
export class RegisterHttp {
  constructor(
    private readonly fetcher: Fetcher,
    readonly endpoint: RegisterEndpoint,
  ) {}

  /** Absolute URL on this register: base URL + path (base paths such as /ZefixPublicREST kept). */
  url(path: string): string {
    if (path === '') return this.endpoint.url;
    return `${this.endpoint.url.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** The body as text, or undefined for 404. */
  async text(url: string, r: RegisterRequest): Promise<string | undefined> {
    const req: FetchRequest = {
      url,
      allowPrivate: this.endpoint.allowPrivate,
      limits: this.endpoint.limits,
      respectRobots: this.endpoint.respectRobots,
      accept: r.accept,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.method ? { method: r.method } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.signal ? { signal: r.signal } : {}),
    };
    try {
      const res = await this.fetcher.fetch(req);
      return decodeText(res.body, res.contentType).text;
    } catch (err) {
      if (err instanceof CollectError && err.kind === 'http_status' && err.typed.status === 404) return undefined;
      throw err;
    }
  }

  /** JSON parsed with a zod schema; a body that does not fit is a parse error naming the register. */
  async json<T>(url: string, schema: z.ZodType<T>, what: string, r: Omit<RegisterRequest, 'accept'> = {}): Promise<T | undefined> {
    const text = await this.text(url, { accept: 'application/json', ...r });
    if (text === undefined) return undefined;
    return parseJson(text, schema, what);
  }
}

export function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CollectError('parse', `${what}: not JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CollectError('parse', `${what}: unexpected answer at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** "2014-03-25T00:00:00Z" / "2014-03-25" → "2014-03-25"; anything else → undefined. */
export function isoDay(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  return m ? m[1] : undefined;
}

/** Lower case, no diacritics, no punctuation: for comparing company names. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
