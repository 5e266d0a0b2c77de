import path from 'node:path';
import type { SourceConfig } from '../../platform/config/sources.js';
import type { Document } from '../../platform/schemas/index.js';
import { decodeText } from '../parse/decode.js';
import { toTypedError } from '../errors.js';
import type { CollectBatch, CollectContext } from '../types.js';
import { parseShabList, parseShabXml, shabDocumentId, shabToDocument } from './shab.js';

/**
 * Swiss SHAB/SOGC: the source URL is either the portal's JSON publication list (each new
 * entry's XML is then fetched) or the XML of a single notice. Only notices not yet published
 * are fetched; `rubrics` (KK, SB, NA, HR03…) filters by rubric or subrubric prefix.
 */
export async function collectShab(source: SourceConfig, ctx: CollectContext): Promise<CollectBatch> {
  const res = await ctx.fetcher.fetch(request(source, source.url, ctx, 'application/json, application/xml;q=0.9'));
  if (res.status === 304) return { docs: [], notModified: true, etag: res.etag, lastModified: res.lastModified };
  const { text } = decodeText(res.body, res.contentType);
  const now = ctx.clock.now();
  const validators = { etag: res.etag, lastModified: res.lastModified };
  if (text.trimStart().startsWith('<')) {
    const notice = parseShabXml(text);
    return { docs: wanted(source, notice.subRubric) ? [shabToDocument(notice, source.id, now)] : [], ...validators };
  }
  const entries = parseShabList(text).filter((e) => !e.subRubric || wanted(source, e.subRubric));
  const unseen = new Set(await ctx.filterUnseen(entries.map((e) => shabDocumentId(source.id, e.id))));
  const docs: Document[] = [];
  let lastError: unknown;
  for (const entry of entries) {
    if (!unseen.has(shabDocumentId(source.id, entry.id))) continue;
    const url = detailUrl(source, res.finalUrl, entry.id);
    try {
      const r = await ctx.fetcher.fetch(request(source, url, ctx, 'application/xml'));
      const notice = parseShabXml(decodeText(r.body, r.contentType).text);
      if (wanted(source, notice.subRubric)) docs.push(shabToDocument(notice, source.id, now));
    } catch (err) {
      // One broken notice must not hide the others; it is retried next run (it stays unseen).
      const e = toTypedError(err);
      ctx.log.warn({ event: 'shab_notice_failed', notice_id: entry.id, url, error_kind: e.kind, message: e.message }, 'shab_notice_failed');
      lastError = err;
    }
  }
  // Every notice failing is the source failing (counted in health), not an empty run.
  if (lastError !== undefined && docs.length === 0) throw lastError;
  return { docs, ...validators };
}

function wanted(source: SourceConfig, subRubric: string): boolean {
  return !source.rubrics || source.rubrics.some((r) => subRubric.toUpperCase().startsWith(r.toUpperCase()));
}

function detailUrl(source: SourceConfig, listUrl: string, id: string): string {
  if (source.detailUrl) return source.detailUrl.replace('{id}', encodeURIComponent(id));
  if (/^https?:/i.test(listUrl)) return new URL(`/api/v1/publications/${encodeURIComponent(id)}/xml`, listUrl).toString();
  return path.join(path.dirname(listUrl), `${id}.xml`);
}

function request(source: SourceConfig, url: string, ctx: CollectContext, accept: string) {
  const isList = url === source.url;
  return {
    url,
    allowPrivate: source.allowPrivate,
    limits: source.limits,
    respectRobots: source.respectRobots,
    accept,
    ...(isList ? ctx.state : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}
