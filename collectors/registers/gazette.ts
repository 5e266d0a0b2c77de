import type { Document, DocumentParty } from '../../platform/schemas/index.js';
import { gazetteParties } from './gazette-parties.js';
import { documentId } from '../document-id.js';
import { CollectError, jsonErrorSummary } from '../errors.js';
import { parseFeedDate } from '../parse/parse-date.js';
import { cleanTitle, htmlToText } from '../parse/text.js';
import { loadXml, tagSelector } from './xml.js';

/** One notice of The Gazette (UK) notice feed. */
export interface GazetteNotice {
  id: string; // https://www.thegazette.co.uk/id/notice/L-60768-1986497
  noticeCode: string; // "2450" winding-up order, "2410" petition…
  title: string;
  link: string;
  text: string;
  published?: Date;
  category?: string;
  companyNumbers: string[];
  /** The parties its markup or wording names, with their roles (gazette-parties.ts). */
  parties: DocumentParty[];
}

// "Company Number: 01234567", "Registered number: SC123456"
const COMPANY_NUMBER = /(?:company|registered|registration)\s+(?:number|no\.?)\s*[:.]?\s*((?:SC|NI|OC|SO|NC|R0|IP|SP|RC|SR)?\d{6,8})/gi;

export function companyNumbersIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(COMPANY_NUMBER)) out.add(normaliseCompanyNumber(m[1]!));
  return [...out];
}

/** Companies House numbers are 8 characters: digits zero-padded, prefixes kept ("SC012345"). */
export function normaliseCompanyNumber(raw: string): string {
  const m = /^([A-Z]{2})?(\d+)$/i.exec(raw.trim());
  if (!m) return raw.trim().toUpperCase();
  const prefix = (m[1] ?? '').toUpperCase();
  return prefix + m[2]!.padStart(8 - prefix.length, '0');
}

/** Pure: the Atom notice feed (data.feed) → notices. */
export function parseGazetteAtom(xml: string, offsetMinutes = 0): GazetteNotice[] {
  const $ = loadXml(xml, /^feed$/, 'Gazette notice feed');
  return $('entry')
    .toArray()
    .map((el) => {
      const e = $(el);
      const id = e.children('id').text().trim();
      const link = e.children('link:not([rel])').attr('href') ?? e.children('link[rel="alternate"]').first().attr('href') ?? id;
      const html = e.children('content').html() ?? '';
      const text = htmlToText(html || e.children('summary').text());
      const noticeCode = e.children(tagSelector('f:notice-code')).text().trim();
      const published = parseFeedDate(e.children('published').text() || e.children('updated').text(), offsetMinutes);
      const category = e.children('category').attr('term');
      return {
        id,
        noticeCode,
        title: cleanTitle(e.children('title').text()),
        link,
        text,
        ...(published ? { published } : {}),
        ...(category ? { category } : {}),
        companyNumbers: companyNumbersIn(text),
        parties: gazetteParties(noticeCode, html, text),
      };
    });
}

type JsonLink = { '@href'?: string; '@rel'?: string };
interface GazetteJsonEntry {
  id?: string;
  'f:notice-code'?: string;
  title?: string;
  link?: JsonLink[] | JsonLink;
  content?: string | Record<string, unknown>;
  published?: string;
  updated?: string;
  category?: { '@term'?: string } | Array<{ '@term'?: string }>;
}

/** Pure: the JSON notice feed (data.json, @-prefixed attributes) → notices. */
export function parseGazetteJson(json: string, offsetMinutes = 0): GazetteNotice[] {
  let data: { entry?: GazetteJsonEntry[] | GazetteJsonEntry };
  try {
    data = JSON.parse(json) as typeof data;
  } catch (err) {
    throw new CollectError('parse', `Gazette JSON could not be parsed: ${jsonErrorSummary(err)}`);
  }
  if (typeof data !== 'object' || data === null) throw new CollectError('parse', 'Gazette JSON is not an object');
  const entries = data.entry === undefined ? [] : ([] as GazetteJsonEntry[]).concat(data.entry);
  return entries.map((e) => {
    const links = e.link === undefined ? [] : ([] as JsonLink[]).concat(e.link);
    const id = e.id ?? '';
    const link = links.find((l) => !l['@rel'])?.['@href'] ?? id;
    const html = typeof e.content === 'string' ? e.content : '';
    const text = htmlToText(html || jsonText(e.content));
    const noticeCode = String(e['f:notice-code'] ?? '');
    const published = parseFeedDate(e.published ?? e.updated, offsetMinutes);
    const category = ([] as Array<{ '@term'?: string }>).concat(e.category ?? [])[0]?.['@term'];
    return {
      id,
      noticeCode,
      title: cleanTitle(e.title),
      link,
      text,
      ...(published ? { published } : {}),
      ...(category ? { category } : {}),
      companyNumbers: companyNumbersIn(text),
      parties: gazetteParties(noticeCode, html, text),
    };
  });
}

function jsonText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(jsonText).join(' ');
  if (v && typeof v === 'object') return Object.entries(v).filter(([k]) => !k.startsWith('@')).map(([, x]) => jsonText(x)).join(' ');
  return '';
}

/** Pure: notice → document; the notice code is the rubric (the Gazette's own taxonomy). */
export function gazetteToDocument(n: GazetteNotice, sourceId: string, fetchedAt: Date): Document {
  return {
    id: documentId(sourceId, { guid: n.id, link: n.link }),
    sourceId,
    kind: 'register',
    url: n.link,
    title: n.title,
    text: n.text,
    language: 'en',
    ...(n.published ? { publishedAt: n.published.toISOString() } : {}),
    fetchedAt: fetchedAt.toISOString(),
    ...(n.companyNumbers.length > 0 ? { registerIds: { companyNumber: n.companyNumbers } } : {}),
    ...(n.noticeCode ? { rubric: n.noticeCode } : {}),
    ...(n.parties.length > 0 ? { parties: n.parties } : {}),
  };
}
