import type { CheerioAPI } from 'cheerio';
import type { Document, DocumentParty } from '../../platform/schemas/index.js';
import { documentId } from '../document-id.js';
import { CollectError, jsonErrorSummary } from '../errors.js';
import { startOfDayIn } from '../parse/parse-date.js';
import { htmlToText } from '../parse/text.js';
import { loadXml } from './xml.js';

/** One SHAB/SOGC publication as the collector needs it. */
export interface ShabNotice {
  id: string; // the portal's UUID
  publicationNumber: string; // "HR02-1006747585"
  rubric: string; // "HR"
  subRubric: string; // "HR02"
  language?: string;
  publicationDate?: string; // YYYY-MM-DD
  title: string;
  text: string;
  uids: string[]; // CHE-123.456.789
  /** Status flags set in an HR mutation, e.g. "bankruptcy.dissolution", "liquidation.dissolution.nonExceptional". */
  flags: string[];
  cantons: string[];
  /**
   * Who the notice is about, from its structured fields: the <debtor> of a bankruptcy,
   * debt-enforcement or composition notice (Schuldner, a company or a person) and the
   * <company> of a commercial-register notice.
   */
  parties: DocumentParty[];
}

const UID = /CHE[-‐ ]?\d{3}\.?\d{3}\.?\d{3}/g;

/** Canonical Swiss UID form "CHE-123.456.789". */
export function normaliseUid(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return `CHE-${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}`;
}

/** Pure: the XML of one publication (amtsblattportal export schema) → notice. */
export function parseShabXml(xml: string): ShabNotice {
  const $ = loadXml(xml, /(^|:)publication$/, 'SHAB publication');
  const meta = $('meta').first();
  const get = (sel: string) => meta.find(sel).first().text().trim();
  const publicationNumber = get('publicationNumber');
  const subRubric = get('subRubric');
  if (!publicationNumber || !subRubric) throw new CollectError('parse', 'SHAB publication without publicationNumber or subRubric (truncated?)');
  const language = get('language') || undefined;
  const titleEl = meta.find('title').first();
  const title = (language && titleEl.find(language).first().text().trim()) || titleEl.find('de').first().text().trim() || titleEl.text().trim();
  const content = $('content').first();
  const text = contentText($, content);
  const uids = new Set<string>();
  content.find('uid').each((_, el) => void uids.add(normaliseUid($(el).text())));
  for (const m of `${title} ${text}`.matchAll(UID)) uids.add(normaliseUid(m[0]));
  const flags: string[] = [];
  content.find('statusChanged *').each((_, el) => {
    const $el = $(el);
    if ($el.children().length === 0 && $el.text().trim() === 'true') {
      flags.push($el.parentsUntil('statusChanged').toArray().reverse().map((p) => (p as { tagName: string }).tagName).concat((el as { tagName: string }).tagName).join('.'));
    }
  });
  return {
    id: get('id') || publicationNumber,
    publicationNumber,
    rubric: get('rubric') || subRubric.replace(/\d+$/, ''),
    subRubric,
    ...(language ? { language } : {}),
    ...(get('publicationDate') ? { publicationDate: get('publicationDate') } : {}),
    title,
    text,
    uids: [...uids],
    flags,
    cantons: meta.find('cantons').toArray().map((c) => $(c).text().trim()).filter(Boolean),
    parties: partiesOf($, content),
  };
}

/** The notice's parties with their roles: <debtor> (company or person) and the HR <company>. */
function partiesOf($: CheerioAPI, content: ReturnType<CheerioAPI>): DocumentParty[] {
  const out: DocumentParty[] = [];
  const named = (el: ReturnType<CheerioAPI>): { name: string; uid?: string } | undefined => {
    const company = el.children('company').first();
    if (company.length > 0) {
      const name = company.children('name').first().text().trim();
      const uid = company.children('uid').first().text().trim();
      return name ? { name, ...(uid ? { uid: normaliseUid(uid) } : {}) } : undefined;
    }
    const person = el.children('person').first();
    const name = [person.children('prename').first().text().trim(), person.children('name').first().text().trim()].filter(Boolean).join(' ');
    return name ? { name } : undefined;
  };
  content.children('debtor').each((_, el) => {
    const p = named($(el));
    if (p) out.push({ role: 'debtor', name: p.name, ...(p.uid ? { registerIds: { uid: [p.uid] } } : {}) });
  });
  const hr = named(content.children('commonsNew').first());
  if (hr && !out.some((p) => p.name === hr.name)) out.push({ role: 'subject', name: hr.name, ...(hr.uid ? { registerIds: { uid: [hr.uid] } } : {}) });
  return out;
}

/**
 * The readable part of a notice: the register text when there is one (HR), otherwise the
 * leaf values (debtor, objects, deadlines…), skipping booleans and ids.
 */
function contentText($: CheerioAPI, content: ReturnType<CheerioAPI>): string {
  const publicationText = content.find('publicationText').first().text().trim();
  if (publicationText) return htmlToText(publicationText);
  const parts: string[] = [];
  content.find('*').each((_, el) => {
    const $el = $(el);
    if ($el.children().length > 0) return;
    const v = $el.text().trim();
    if (!v || /^(true|false)$/.test(v) || /^[0-9a-f-]{36}$/.test(v) || /^(selectType|isoCode)$/.test((el as { tagName: string }).tagName)) return;
    parts.push(htmlToText(v));
  });
  return parts.join('\n');
}

export interface ShabListEntry {
  id: string;
  publicationNumber?: string;
  subRubric?: string;
}

/** The portal's JSON search answer (`{ content: [{ meta: {...} }] }`, or a bare array) → entries. */
export function parseShabList(json: string): ShabListEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new CollectError('parse', `SHAB list is ${jsonErrorSummary(err)}`);
  }
  const rows = Array.isArray(data) ? data : (data as { content?: unknown }).content;
  if (!Array.isArray(rows)) throw new CollectError('parse', 'SHAB list JSON has no content array');
  return rows.flatMap((r): ShabListEntry[] => {
    const meta = (r as { meta?: Record<string, unknown> }).meta ?? (r as Record<string, unknown>);
    const id = typeof meta.id === 'string' ? meta.id : undefined;
    if (!id) return [];
    return [
      {
        id,
        ...(typeof meta.publicationNumber === 'string' ? { publicationNumber: meta.publicationNumber } : {}),
        ...(typeof meta.subRubric === 'string' ? { subRubric: meta.subRubric } : {}),
      },
    ];
  });
}

export function shabDocumentId(sourceId: string, publicationNumberOrId: string): string {
  return documentId(sourceId, { guid: `urn:shab:${publicationNumberOrId}` });
}

/** Pure: notice → document. SHAB dates are Swiss calendar days: midnight in Zurich (CET or CEST). */
export function shabToDocument(n: ShabNotice, sourceId: string, fetchedAt: Date): Document {
  const published = n.publicationDate ? startOfDayIn(n.publicationDate, 'Europe/Zurich') : undefined;
  return {
    id: shabDocumentId(sourceId, n.publicationNumber),
    sourceId,
    kind: 'register',
    url: `https://www.shab.ch/#!/search/publications/detail/${n.id}`,
    title: n.title,
    text: n.flags.length > 0 ? `${n.text}\n[status: ${n.flags.join(', ')}]` : n.text,
    ...(n.language ? { language: n.language } : {}),
    ...(published ? { publishedAt: published.toISOString() } : {}),
    fetchedAt: fetchedAt.toISOString(),
    ...(n.uids.length > 0 ? { registerIds: { uid: n.uids } } : {}),
    rubric: n.subRubric,
    ...(n.parties.length > 0 ? { parties: n.parties } : {}),
  };
}
