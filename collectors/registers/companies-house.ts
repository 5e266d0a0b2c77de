import type { Document } from '../../platform/schemas/index.js';
import { documentId } from '../document-id.js';
import { parseFeedDate } from '../parse/parse-date.js';
import { normaliseCompanyNumber } from './gazette.js';

/** One event of the Companies House streaming API. */
export interface ChEvent {
  resourceKind: string; // company-profile, filing-history, insolvency-cases, officers…
  resourceUri: string;
  resourceId: string;
  timepoint: number;
  publishedAt?: string;
  type: string; // changed | deleted
  data: Record<string, unknown>;
}

/**
 * Splits a stream body into complete JSON objects. The API sends one object per line, but
 * captures and proxies also deliver them back to back without newlines; a cut at the end
 * (we stop reading after a while) leaves an incomplete tail, returned as `rest`.
 */
export function splitJsonObjects(text: string): { objects: string[]; rest: string } {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  let consumed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = depth > 0;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        objects.push(text.slice(start, i + 1));
        consumed = i + 1;
      }
    }
  }
  return { objects, rest: text.slice(consumed) };
}

/** Pure: stream text → events (malformed objects are counted, not fatal). */
export function parseChStream(text: string): { events: ChEvent[]; malformed: number } {
  const events: ChEvent[] = [];
  let malformed = 0;
  for (const raw of splitJsonObjects(text).objects) {
    try {
      const o = JSON.parse(raw) as {
        resource_kind?: string;
        resource_uri?: string;
        resource_id?: string;
        data?: Record<string, unknown>;
        event?: { timepoint?: number; published_at?: string; type?: string };
      };
      if (typeof o.event?.timepoint !== 'number' || !o.resource_kind) {
        malformed++;
        continue;
      }
      events.push({
        resourceKind: o.resource_kind,
        resourceUri: o.resource_uri ?? '',
        resourceId: o.resource_id ?? '',
        timepoint: o.event.timepoint,
        ...(o.event.published_at ? { publishedAt: o.event.published_at } : {}),
        type: o.event.type ?? 'changed',
        data: o.data ?? {},
      });
    } catch {
      malformed++;
    }
  }
  return { events, malformed };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** "/company/00967252/filing-history/…" → "00967252". */
function companyNumberOf(e: ChEvent): string | undefined {
  const n = str(e.data.company_number) ?? /\/company\/([A-Z0-9]+)/i.exec(e.resourceUri)?.[1];
  return n ? normaliseCompanyNumber(n) : undefined;
}

/**
 * Rubric "<resource kind>:<status or category>", e.g. "company-profile:liquidation",
 * "filing-history:insolvency", "insolvency-cases:compulsory-liquidation".
 */
export function chRubric(e: ChEvent): string {
  const d = e.data;
  const cases = Array.isArray(d.cases) ? (d.cases as Array<{ type?: string }>) : [];
  const detail = str(d.company_status) ?? str(d.category) ?? cases[0]?.type ?? str(d.type) ?? e.type;
  return `${e.resourceKind}:${detail}`;
}

function describe(e: ChEvent): { title: string; text: string } {
  const d = e.data;
  const name = str(d.company_name) ?? `Company ${companyNumberOf(e) ?? e.resourceId}`;
  const status = str(d.company_status);
  const detail = str(d.company_status_detail);
  const description = str(d.description);
  const lines = [
    status ? `Status: ${status}${detail ? ` (${detail})` : ''}` : undefined,
    str(d.type) ? `Type: ${str(d.type)}` : undefined,
    description ? `Filing: ${description}` : undefined,
    str(d.date_of_creation) ? `Incorporated: ${str(d.date_of_creation)}` : undefined,
    d.has_insolvency_history === true ? 'Has insolvency history' : undefined,
    e.type === 'deleted' ? 'Record deleted' : undefined,
  ].filter((l): l is string => !!l);
  return { title: `${name}: ${e.resourceKind.replace(/-/g, ' ')} ${e.type}${status ? ` (${status})` : ''}`, text: lines.join('\n') };
}

/** Pure: event → document. The timepoint is part of the id: every change is its own document. */
export function chToDocument(e: ChEvent, sourceId: string, fetchedAt: Date): Document {
  const number = companyNumberOf(e);
  const { title, text } = describe(e);
  const published = parseFeedDate(e.publishedAt);
  return {
    id: documentId(sourceId, { guid: `urn:companies-house:${e.resourceKind}:${e.resourceId}:${e.timepoint}` }),
    sourceId,
    kind: 'register',
    url: `https://find-and-update.company-information.service.gov.uk${e.resourceUri.startsWith('/') ? e.resourceUri : `/company/${number ?? e.resourceId}`}`,
    title,
    text,
    language: 'en',
    ...(published ? { publishedAt: published.toISOString() } : {}),
    fetchedAt: fetchedAt.toISOString(),
    ...(number ? { registerIds: { companyNumber: [number] } } : {}),
    rubric: chRubric(e),
  };
}
