import type { SourceConfig } from '../../platform/config/sources.js';
import { CollectError } from '../errors.js';
import type { FetchRequest } from '../fetch/fetcher.js';
import { decodeText } from '../parse/decode.js';
import type { CollectBatch, CollectContext } from '../types.js';
import { chToDocument, parseChStream } from './companies-house.js';
import { edgarToDocument, parseEdgarAtom } from './edgar.js';
import { gazetteToDocument, parseGazetteAtom, parseGazetteJson } from './gazette.js';

function baseRequest(source: SourceConfig, ctx: CollectContext, accept: string): FetchRequest {
  return {
    url: source.url,
    allowPrivate: source.allowPrivate,
    limits: source.limits,
    respectRobots: source.respectRobots,
    accept,
    ...(ctx.state.etag ? { etag: ctx.state.etag } : {}),
    ...(ctx.state.lastModified ? { lastModified: ctx.state.lastModified } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

function wanted(source: SourceConfig, rubric: string | undefined): boolean {
  return !source.rubrics || (!!rubric && source.rubrics.some((r) => rubric.toLowerCase().startsWith(r.toLowerCase())));
}

/** The Gazette (UK) notice feed, Atom (data.feed) or JSON (data.json); the notice code is the rubric. */
export async function collectGazette(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const res = await ctx.fetcher.fetch(baseRequest(source, ctx, 'application/atom+xml, application/json;q=0.9'));
  if (res.status === 304) return { docs: [], notModified: true, etag: res.etag, lastModified: res.lastModified };
  const { text } = decodeText(res.body, res.contentType);
  const notices = text.trimStart().startsWith('{') ? parseGazetteJson(text, source.utcOffsetMinutes) : parseGazetteAtom(text, source.utcOffsetMinutes);
  const now = ctx.clock.now();
  const docs = notices.filter((n) => wanted(source, n.noticeCode)).map((n) => gazetteToDocument(n, source.id, now));
  return { docs, etag: res.etag, lastModified: res.lastModified };
}

/** SEC EDGAR Atom (company filings / latest filings); rubric "8-K:1.03,9.01". SEC requires a UA with contact. */
export async function collectEdgar(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const res = await ctx.fetcher.fetch(baseRequest(source, ctx, 'application/atom+xml'));
  if (res.status === 304) return { docs: [], notModified: true, etag: res.etag, lastModified: res.lastModified };
  const filings = parseEdgarAtom(decodeText(res.body, res.contentType).text, res.finalUrl);
  const now = ctx.clock.now();
  const docs = filings.map((f) => edgarToDocument(f, source.id, now)).filter((d) => wanted(source, d.rubric));
  return { docs, etag: res.etag, lastModified: res.lastModified };
}

/** How long one run listens to the endless Companies House stream before handing over. */
export const CH_READ_MS = 20_000;

/**
 * Companies House streaming API: resumes from the stored timepoint, listens for a while,
 * and stores the highest timepoint it published as the new cursor (after publishing, so a
 * crash re-reads instead of skipping). The stream stays open forever, so a cut-off body is normal.
 */
export async function collectCompaniesHouse(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const req = baseRequest(source, ctx, 'application/json');
  delete req.etag;
  delete req.lastModified;
  if (/^https?:/i.test(source.url)) {
    const url = new URL(source.url);
    if (ctx.state.cursor) url.searchParams.set('timepoint', ctx.state.cursor);
    req.url = url.toString();
    req.readForMs = Math.min(CH_READ_MS, Math.max(1000, source.limits.totalTimeoutMs - source.limits.connectTimeoutMs));
    if (source.apiKey) req.headers = { authorization: `Basic ${Buffer.from(`${source.apiKey}:`).toString('base64')}` };
  }
  const res = await ctx.fetcher.fetch(req);
  const { events, malformed } = parseChStream(res.body.toString('utf8'));
  if (events.length === 0 && malformed > 0) throw new CollectError('parse', `Companies House stream: ${malformed} unreadable event(s), none readable`);
  if (malformed > 0) ctx.log.warn({ event: 'ch_events_malformed', count: malformed }, 'ch_events_malformed');
  const previous = ctx.state.cursor ? Number(ctx.state.cursor) : -Infinity;
  const now = ctx.clock.now();
  const fresh = events.filter((e) => e.timepoint >= previous);
  const docs = fresh.map((e) => chToDocument(e, source.id, now)).filter((d) => wanted(source, d.rubric));
  const maxTimepoint = fresh.reduce((m, e) => Math.max(m, e.timepoint), previous);
  return { docs, ...(Number.isFinite(maxTimepoint) ? { cursor: String(maxTimepoint) } : {}) };
}
