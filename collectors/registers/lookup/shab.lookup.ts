import type { NoticeFindings, NoticeLookup } from '../../../platform/registers/port.js';
import type { OfficerChange, RegisterEntry, RegisterNotice } from '../../../platform/registers/register-entry.js';
import { toTypedError } from '../../errors.js';
import { parseShabXml } from '../shab.js';
import { loadXml } from '../xml.js';
import { foldName, RegisterHttp } from './register-http.js';

/**
 * SHAB / SOGC publications about one company, from the Amtsblattportal's bulk export
 * (GET /api/v1/publications/xml?tenant=shab&rubrics=KK&publicationStates=PUBLISHED
 * &publicationDate.start=…&publicationDate.end=…&pageRequest.page=0&pageRequest.size=2000;
 * the XML of one notice at /api/v1/publications/{id}/xml). The portal accepts but ignores
 * keyword, UID and canton filters, so the list pages of each rubric are read for the period
 * and filtered here: by the company's name in the title, then by its UID in the notice.
 * The portal refuses page × size beyond 10,000; longer periods are split by date.
 */
export interface ShabListItem {
  id: string;
  ref?: string;
  subRubric: string;
  publicationDate: string;
  titles: string[];
}

export interface ShabLookupOptions {
  rubrics: string[];
  lookbackDays: number;
  hrLookbackDays: number;
  pageSize: number;
}

const OFFSET_WINDOW = 10_000;

/** Pure: one bulk-export page → its items and the reported total. */
export function parseShabBulkExport(xml: string): { items: ShabListItem[]; total: number } {
  const $ = loadXml(xml, /(^|:)bulk-export$/, 'SHAB bulk export');
  const total = Number($.root().children().first().children('total').first().text().trim() || '0');
  const items = $('publication')
    .toArray()
    .flatMap((el): ShabListItem[] => {
      const p = $(el);
      const meta = p.children('meta').first();
      const id = meta.children('id').first().text().trim();
      const date = meta.children('publicationDate').first().text().trim();
      if (!id || !date) return [];
      const titles = meta.children('title').first().children().toArray().map((t) => $(t).text().trim()).filter(Boolean);
      return [{ id, ...(p.attr('ref') ? { ref: p.attr('ref') } : {}), subRubric: meta.children('subRubric').first().text().trim(), publicationDate: date.slice(0, 10), titles }];
    });
  return { items, total: Number.isFinite(total) ? total : items.length };
}

const LIQUIDATION_SUFFIX = /,?\s*(in liquidation|en liquidation|in liquidazione|in liq\.?)\s*$/i;

/** Pure: does a notice title name this company? (Title words are folded; the name must appear whole.) */
export function titleNames(titles: readonly string[], companyName: string): boolean {
  const core = foldName(companyName.replace(LIQUIDATION_SUFFIX, ''));
  if (core.length < 3) return false;
  return titles.some((t) => ` ${foldName(t)} `.includes(` ${core} `));
}

/**
 * Pure: signatory and address changes announced in a commercial-register text (de, fr, it),
 * e.g. "La procuration de X est radiée", "Ausgeschiedene Personen und erloschene Unterschriften",
 * "Neue Geschäftsadresse", "Nouvelle adresse".
 */
export function changesFromHrText(text: string, date: string): { officerChanges: OfficerChange[]; addressChanges: string[] } {
  const officerChanges: OfficerChange[] = [];
  const resigned = /ausgeschiedene personen|erloschene unterschrift|unterschrift[^.]{0,40}erloschen|prokura[^.]{0,60}erloschen|(signature|procuration|pouvoirs?)[^.]{0,80}(radi[ée]e?s?|éteinte?s?)|personnes? et signatures? radiées?|(firma|procura)[^.]{0,60}(cancellat|estint)/i;
  const appointed = /eingetragene personen neu|(kollektiv|einzel)unterschrift[^.]{0,40}(erteilt|zu zweien)|(signature|procuration)[^.]{0,60}(a été conférée|conférée|inscrite)|inscription ou modification de personnes?|firma[^.]{0,40}(conferita|iscritt)/i;
  if (resigned.test(text)) officerChanges.push({ date, kind: 'resigned', name: '', role: 'signatory' });
  if (appointed.test(text)) officerChanges.push({ date, kind: 'appointed', name: '', role: 'signatory' });
  const address = /(neue[sr]? (geschäfts)?(adresse|domizil)|domizil neu|nouvelle adresse|nouveau domicile|nuovo recapito|nuovo indirizzo|nuova sede)/i.test(text);
  return { officerChanges, addressChanges: address ? [date] : [] };
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Where the day's rubric lists are kept, so checks of different companies list each rubric once. */
export interface ShabListCache {
  getCached(key: string): Promise<{ value: string; storedAt: string } | undefined>;
  putCached(key: string, value: string, at: Date): Promise<void>;
}

/** A rubric's list is reused this long (new notices appear once a day, in the morning). */
export const SHAB_LIST_TTL_MS = 3 * 3_600_000;

export function createShabLookup(http: RegisterHttp, options: ShabLookupOptions, now: () => Date, cache?: ShabListCache): NoticeLookup {
  async function listCached(rubric: string, start: string, end: string, signal?: AbortSignal): Promise<ShabListItem[]> {
    const key = `shab:list:${rubric}:${start}:${end}`;
    const hit = await cache?.getCached(key);
    if (hit && now().getTime() - Date.parse(hit.storedAt) < SHAB_LIST_TTL_MS) return JSON.parse(hit.value) as ShabListItem[];
    const items = await list(rubric, start, end, signal);
    // Only what matching needs is kept: ids, sub-rubric, date and titles.
    await cache?.putCached(key, JSON.stringify(items), now());
    return items;
  }

  /** Every item of one rubric between two days, splitting ranges the portal would refuse. */
  async function list(rubric: string, start: string, end: string, signal?: AbortSignal): Promise<ShabListItem[]> {
    const out: ShabListItem[] = [];
    for (let page = 0; ; page++) {
      const qs = new URLSearchParams({
        tenant: 'shab',
        rubrics: rubric,
        publicationStates: 'PUBLISHED',
        'publicationDate.start': start,
        'publicationDate.end': end,
        'pageRequest.page': String(page),
        'pageRequest.size': String(options.pageSize),
      });
      const xml = await http.text(http.url(`/api/v1/publications/xml?${qs}`), { accept: 'application/xml', ...(signal ? { signal } : {}) });
      if (xml === undefined) return out;
      const { items, total } = parseShabBulkExport(xml);
      if (page === 0 && total > OFFSET_WINDOW && start < end) {
        const mid = new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString().slice(0, 10);
        const next = new Date(Date.parse(mid) + 86_400_000).toISOString().slice(0, 10);
        return [...(await list(rubric, start, mid, signal)), ...(await list(rubric, next, end, signal))];
      }
      out.push(...items);
      if (items.length === 0 || (page + 1) * options.pageSize >= Math.min(total, OFFSET_WINDOW)) return out;
    }
  }

  return {
    register: 'shab',
    country: 'CH',
    async noticesFor(entry: RegisterEntry, opts = {}): Promise<NoticeFindings> {
      const today = now();
      const end = today.toISOString().slice(0, 10);
      const candidates: ShabListItem[] = [];
      for (const rubric of options.rubrics) {
        const days = rubric === 'HR' ? options.hrLookbackDays : options.lookbackDays;
        const items = await listCached(rubric, daysBefore(today, days), end, opts.signal);
        candidates.push(...items.filter((i) => titleNames(i.titles, entry.name)));
      }
      const notices: RegisterNotice[] = [];
      const officerChanges: OfficerChange[] = [];
      const addressChanges: string[] = [];
      const uidDigits = entry.registerId.replace(/\D/g, '');
      for (const item of candidates) {
        const xml = await http.text(item.ref && /^https?:/.test(item.ref) && sameOrigin(item.ref, http.endpoint.url) ? item.ref : http.url(`/api/v1/publications/${encodeURIComponent(item.id)}/xml`), {
          accept: 'application/xml',
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        if (xml === undefined) continue;
        let n;
        try {
          n = parseShabXml(xml);
        } catch (err) {
          if (toTypedError(err).kind !== 'parse') throw err;
          continue;
        }
        // A notice naming the company but stating another UID is about a namesake.
        if (n.uids.length > 0 && !n.uids.some((u) => u.replace(/\D/g, '') === uidDigits)) continue;
        const date = n.publicationDate ?? item.publicationDate;
        const text = n.flags.length > 0 ? `${n.text}\n[status: ${n.flags.join(', ')}]` : n.text;
        notices.push({ id: `shab:${n.publicationNumber}`, register: 'shab', date, rubric: n.subRubric, title: n.title, text, url: `https://www.shab.ch/#!/search/publications/detail/${n.id}`, ...(n.language ? { language: n.language } : {}) });
        if (n.rubric === 'HR') {
          const changes = changesFromHrText(n.text, date);
          officerChanges.push(...changes.officerChanges);
          addressChanges.push(...changes.addressChanges);
        }
      }
      notices.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
      return { notices, officerChanges, addressChanges };
    },
  };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
