import { z } from 'zod';
import type { RegisterLookup } from '../../../platform/registers/port.js';
import { formatCik, type ParsedRegisterId } from '../../../platform/registers/register-id.js';
import { registerEntrySchema, type RegisterCandidate, type RegisterEntry, type RegisterNotice } from '../../../platform/registers/register-entry.js';
import { EIGHT_K_ITEMS } from '../edgar.js';
import { loadXml } from '../xml.js';
import { isoDay, parseJson, RegisterHttp } from './register-http.js';

/**
 * SEC EDGAR: data.sec.gov/submissions/CIK##########.json (company facts and recent filings,
 * columnar arrays) and the browse-edgar company search (Atom). SEC fair access: at most 10
 * requests per second and a User-Agent naming the requester with a contact address.
 */
export const edgarSubmissionsSchema = z.looseObject({
  cik: z.union([z.string(), z.number()]),
  name: z.string(),
  sic: z.string().nullish(),
  sicDescription: z.string().nullish(),
  stateOfIncorporation: z.string().nullish(),
  entityType: z.string().nullish(),
  addresses: z.looseObject({ business: z.looseObject({ city: z.string().nullish(), stateOrCountry: z.string().nullish() }).nullish() }).nullish(),
  formerNames: z.array(z.looseObject({ name: z.string(), from: z.string().nullish(), to: z.string().nullish() })).default([]),
  filings: z.looseObject({
    recent: z.looseObject({
      accessionNumber: z.array(z.string()),
      filingDate: z.array(z.string()),
      form: z.array(z.string()),
      items: z.array(z.string()).default([]),
      primaryDocument: z.array(z.string()).default([]),
      primaryDocDescription: z.array(z.string()).default([]),
    }),
  }),
});
export type EdgarSubmissions = z.infer<typeof edgarSubmissionsSchema>;

/** Forms that say something about solvency or the end of reporting. */
const WATCHED_FORMS = /^(8-K|15-12[BG]|15-15D|15F-|25-NSE|25$)/;
const MAX_NOTICES = 40;

/** Pure: submissions JSON → entry with the 8-K (items), deregistration and delisting filings as notices. */
export function edgarEntry(s: EdgarSubmissions, fetchedAt: Date): RegisterEntry {
  const cik = formatCik(String(s.cik));
  const cikInt = String(Number(cik));
  const r = s.filings.recent;
  const notices: RegisterNotice[] = [];
  for (let i = 0; i < r.form.length && notices.length < MAX_NOTICES; i++) {
    const form = r.form[i]!;
    if (!WATCHED_FORMS.test(form)) continue;
    const items = (r.items[i] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const accession = r.accessionNumber[i]!;
    const doc = r.primaryDocument[i];
    const itemText = items.map((it) => `Item ${it}: ${EIGHT_K_ITEMS[it] ?? 'Other'}`);
    notices.push({
      id: `edgar:${accession}`,
      register: 'edgar',
      ...(isoDay(r.filingDate[i]) ? { date: isoDay(r.filingDate[i]) } : {}),
      rubric: items.length > 0 ? `${form}:${items.join(',')}` : form,
      title: `${s.name}: ${form}${items.length ? ` (items ${items.join(', ')})` : ''}`,
      text: [r.primaryDocDescription[i] ?? '', ...itemText].filter(Boolean).join('\n'),
      url: `https://www.sec.gov/Archives/edgar/data/${cikInt}/${accession.replace(/-/g, '')}/${doc ?? ''}`,
      language: 'en',
    });
  }
  const city = s.addresses?.business?.city;
  const deregistered = r.form.some((f) => /^15-12[BG]|^15-15D/.test(f));
  return registerEntrySchema.parse({
    register: 'edgar',
    country: 'US',
    registerId: cik,
    name: s.name,
    ...(s.entityType ? { legalForm: s.entityType } : {}),
    // EDGAR keeps no legal status; a Form 15 (deregistration) is the nearest thing.
    status: 'unknown',
    ...(deregistered ? { statusDetail: 'filed Form 15 (deregistration)' } : {}),
    ...(city ? { seat: `${city}${s.addresses?.business?.stateOrCountry ? `, ${s.addresses.business.stateOrCountry}` : ''}` } : {}),
    industryCodes: s.sic ? [s.sic] : [],
    notices,
    url: `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}&owner=include`,
    fetchedAt: fetchedAt.toISOString(),
  });
}

/** Pure: browse-edgar company search Atom → candidates (a list of companies, or one company's filings feed). */
export function parseEdgarCompanySearch(xml: string): RegisterCandidate[] {
  const $ = loadXml(xml, /^feed$/, 'EDGAR company search');
  return $('company-info')
    .toArray()
    .flatMap((el): RegisterCandidate[] => {
      const c = $(el);
      const cik = c.children('cik').text().trim();
      const name = (c.children('name').text() || c.children('conformed-name').text()).trim();
      const state = c.children('state').text().trim();
      return cik && name ? [{ register: 'edgar', registerId: formatCik(cik), name, ...(state ? { seat: state } : {}) }] : [];
    });
}

export function createEdgarLookup(api: RegisterHttp, search: RegisterHttp, userAgent: string, now: () => Date): RegisterLookup {
  const headers = { 'user-agent': userAgent };
  return {
    register: 'edgar',
    country: 'US',
    accepts: (id: ParsedRegisterId) => id.kind === 'cik',
    async byId(id, options = {}) {
      const cik = formatCik(id.value);
      const text = await api.text(api.url(`/submissions/CIK${cik}.json`), { accept: 'application/json', headers, ...(options.signal ? { signal: options.signal } : {}) });
      return text === undefined ? undefined : edgarEntry(parseJson(text, edgarSubmissionsSchema, 'EDGAR submissions'), now());
    },
    async byName(name, options = {}) {
      const path = `/cgi-bin/browse-edgar?action=getcompany&company=${encodeURIComponent(name)}&type=&dateb=&owner=include&count=40&output=atom`;
      const text = await search.text(search.url(path), { accept: 'application/atom+xml', headers, ...(options.signal ? { signal: options.signal } : {}) });
      return text === undefined ? [] : parseEdgarCompanySearch(text);
    },
  };
}
