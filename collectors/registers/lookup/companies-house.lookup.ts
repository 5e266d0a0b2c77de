import { z } from 'zod';
import type { LookupOptions, RegisterLookup } from '../../../platform/registers/port.js';
import { formatCompanyNumber, type ParsedRegisterId } from '../../../platform/registers/register-id.js';
import {
  registerEntrySchema,
  type CompanyStatus,
  type OfficerChange,
  type RegisterCandidate,
  type RegisterEntry,
  type RegisterNotice,
} from '../../../platform/registers/register-entry.js';
import { toTypedError } from '../../errors.js';
import { isoDay, RegisterHttp } from './register-http.js';

/**
 * Companies House public data API (https://developer.company-information.service.gov.uk):
 * GET /company/{n}, /company/{n}/filing-history, /company/{n}/insolvency, /company/{n}/officers,
 * /search/companies?q=. HTTP basic with the API key as user name; 600 requests per 5 minutes.
 */
export const CH_WEB = 'https://find-and-update.company-information.service.gov.uk';

const str = z.string().nullish();
const flag = z.boolean().nullish();

export const chProfileSchema = z.looseObject({
  company_number: z.string(),
  company_name: z.string(),
  company_status: str,
  company_status_detail: str,
  type: str,
  date_of_creation: str,
  date_of_cessation: str,
  has_insolvency_history: flag,
  has_been_liquidated: flag,
  sic_codes: z.array(z.string()).nullish(),
  registered_office_address: z.record(z.string(), z.unknown()).nullish(),
  accounts: z.looseObject({ overdue: flag, next_due: str, next_accounts: z.looseObject({ overdue: flag }).nullish() }).nullish(),
  confirmation_statement: z.looseObject({ overdue: flag, next_due: str }).nullish(),
});
export type ChProfile = z.infer<typeof chProfileSchema>;

export const chFilingHistorySchema = z.looseObject({
  items: z
    .array(
      z.looseObject({
        transaction_id: str,
        category: str,
        subcategory: str,
        type: str,
        date: str,
        description: str,
        description_values: z.record(z.string(), z.unknown()).nullish(),
        links: z.looseObject({ self: str }).nullish(),
      }),
    )
    .default([]),
});

export const chInsolvencySchema = z.looseObject({
  cases: z
    .array(
      z.looseObject({
        type: z.string(),
        number: z.union([z.string(), z.number()]).nullish(),
        dates: z.array(z.looseObject({ type: z.string(), date: z.string() })).default([]),
      }),
    )
    .default([]),
});

export const chOfficersSchema = z.looseObject({
  items: z.array(z.looseObject({ name: z.string(), officer_role: str, appointed_on: str, resigned_on: str })).default([]),
});

export const chSearchSchema = z.looseObject({
  items: z.array(z.looseObject({ company_number: z.string(), title: str, company_status: str, address_snippet: str })).default([]),
});

/** company_status (Companies House enumerations) → Bonitor's status. */
export function chStatus(status: string | null | undefined, filings: Array<{ type?: string | null; description?: string | null }> = []): CompanyStatus {
  switch (status) {
    case 'active':
    case 'open':
    case 'registered':
      return 'active';
    case 'liquidation':
      return 'in_liquidation';
    case 'administration':
    case 'receivership':
    case 'insolvency-proceedings':
    case 'voluntary-arrangement':
      return 'insolvent';
    case 'dissolved':
    case 'converted-closed':
    case 'closed':
      // GAZ2 "gazette-dissolved-compulsory": final Gazette, dissolved via compulsory strike-off.
      return filings.some((f) => f.type === 'GAZ2' && /compulsory/.test(f.description ?? '')) ? 'struck_off' : 'dissolved';
    case 'removed':
      return 'struck_off';
    default:
      return 'unknown';
  }
}

const words = (key: string | null | undefined) => (key ?? '').replace(/-/g, ' ');
/** Filing categories that say something about solvency; accounts and confirmations do not. */
const NOTICE_CATEGORIES = new Set(['insolvency', 'liquidation', 'gazette', 'resolution']);

/** Pure: the four API answers → one register entry. */
export function chEntry(
  profile: ChProfile,
  parts: {
    filings?: z.infer<typeof chFilingHistorySchema>;
    insolvency?: z.infer<typeof chInsolvencySchema>;
    officers?: z.infer<typeof chOfficersSchema>;
    warnings?: string[];
  },
  fetchedAt: Date,
): RegisterEntry {
  const n = formatCompanyNumber(profile.company_number);
  const url = `${CH_WEB}/company/${n}`;
  const filings = parts.filings?.items ?? [];
  const officerChanges: OfficerChange[] = [];
  for (const o of parts.officers?.items ?? []) {
    const role = o.officer_role ?? '';
    const appointed = isoDay(o.appointed_on);
    const resigned = isoDay(o.resigned_on);
    if (appointed) officerChanges.push({ date: appointed, kind: 'appointed', name: o.name, role });
    if (resigned) officerChanges.push({ date: resigned, kind: 'resigned', name: o.name, role });
  }
  officerChanges.sort((a, b) => b.date.localeCompare(a.date));
  const notices: RegisterNotice[] = [];
  for (const f of filings) {
    const date = isoDay(f.date);
    if (!NOTICE_CATEGORIES.has(f.category ?? '') || !date) continue;
    const detail = typeof f.description_values?.description === 'string' ? `: ${f.description_values.description}` : '';
    notices.push({
      id: `companies-house:${n}:filing:${f.transaction_id ?? `${f.type}-${date}`}`,
      register: 'companies-house',
      date,
      rubric: `filing-history:${f.category}`,
      title: `${profile.company_name}: ${words(f.description)}${f.type ? ` (${f.type})` : ''}`,
      text: `${words(f.description)}${detail}`,
      url: `${url}/filing-history`,
      language: 'en',
    });
  }
  const cases = (parts.insolvency?.cases ?? []).map((c) => ({
    type: c.type,
    dates: c.dates.flatMap((d) => (isoDay(d.date) ? [{ type: d.type, date: isoDay(d.date)! }] : [])),
  }));
  cases.forEach((c, i) => {
    const latest = [...c.dates].sort((a, b) => b.date.localeCompare(a.date))[0];
    notices.push({
      id: `companies-house:${n}:insolvency:${i + 1}`,
      register: 'companies-house',
      ...(latest ? { date: latest.date } : {}),
      rubric: `insolvency-cases:${c.type}`,
      title: `${profile.company_name}: insolvency case ${words(c.type)}`,
      text: c.dates.map((d) => `${words(d.type)} ${d.date}`).join('; '),
      url: `${url}/insolvency`,
      language: 'en',
    });
  });
  const office = profile.registered_office_address ?? {};
  const address = ['premises', 'address_line_1', 'address_line_2', 'locality', 'postal_code', 'country']
    .map((k) => office[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(', ');
  return registerEntrySchema.parse({
    register: 'companies-house',
    country: 'GB',
    registerId: n,
    name: profile.company_name,
    ...(profile.type ? { legalForm: profile.type } : {}),
    status: chStatus(profile.company_status, filings),
    statusDetail: [profile.company_status, profile.company_status_detail].filter(Boolean).join(', ') || undefined,
    ...(typeof office.locality === 'string' ? { seat: office.locality } : {}),
    ...(address ? { address } : {}),
    ...(isoDay(profile.date_of_creation) ? { foundedOn: isoDay(profile.date_of_creation) } : {}),
    ...(isoDay(profile.date_of_cessation) ? { dissolvedOn: isoDay(profile.date_of_cessation) } : {}),
    industryCodes: profile.sic_codes ?? [],
    accountsOverdue: profile.accounts?.overdue === true || profile.accounts?.next_accounts?.overdue === true,
    confirmationStatementOverdue: profile.confirmation_statement?.overdue === true,
    hasInsolvencyHistory: profile.has_insolvency_history === true,
    hasBeenLiquidated: profile.has_been_liquidated === true,
    insolvencyCases: cases,
    officerChanges,
    addressChanges: filings.filter((f) => f.category === 'address').flatMap((f) => (isoDay(f.date) ? [isoDay(f.date)!] : [])),
    notices,
    url,
    fetchedAt: fetchedAt.toISOString(),
    warnings: parts.warnings ?? [],
  });
}

export function createCompaniesHouseLookup(http: RegisterHttp, apiKey: string, now: () => Date): RegisterLookup {
  const headers = { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}` };
  const get = <T>(path: string, schema: z.ZodType<T>, what: string, options: LookupOptions) =>
    http.json(http.url(path), schema, `Companies House ${what}`, { headers, ...(options.signal ? { signal: options.signal } : {}) });
  return {
    register: 'companies-house',
    country: 'GB',
    accepts: (id: ParsedRegisterId) => id.kind === 'companyNumber',
    async byId(id, options = {}) {
      const n = formatCompanyNumber(id.value);
      const profile = await get(`/company/${encodeURIComponent(n)}`, chProfileSchema, 'company profile', options);
      if (!profile) return undefined;
      const warnings: string[] = [];
      // The profile decides; a part that fails is named in the entry instead of failing the lookup.
      const part = async <T>(what: string, load: () => Promise<T | undefined>): Promise<T | undefined> => {
        try {
          return await load();
        } catch (err) {
          if (options.signal?.aborted) throw err;
          const e = toTypedError(err);
          warnings.push(`${what}: ${e.kind}${e.status ? ` ${e.status}` : ''}`);
          return undefined;
        }
      };
      const filings = await part('filing history', () => get(`/company/${n}/filing-history?items_per_page=100`, chFilingHistorySchema, 'filing history', options));
      const officers = await part('officers', () => get(`/company/${n}/officers?items_per_page=100`, chOfficersSchema, 'officers', options));
      const insolvency = profile.has_insolvency_history
        ? await part('insolvency', () => get(`/company/${n}/insolvency`, chInsolvencySchema, 'insolvency', options))
        : undefined;
      return chEntry(profile, { filings, officers, insolvency, warnings }, now());
    },
    async byName(name, options = {}) {
      const found = await get(`/search/companies?q=${encodeURIComponent(name)}&items_per_page=10`, chSearchSchema, 'search', options);
      return (found?.items ?? []).flatMap((i): RegisterCandidate[] =>
        i.title ? [{ register: 'companies-house', registerId: formatCompanyNumber(i.company_number), name: i.title.replace(/\s+/g, ' ').trim(), status: chStatus(i.company_status), ...(i.address_snippet ? { seat: i.address_snippet } : {}) }] : [],
      );
    },
  };
}
