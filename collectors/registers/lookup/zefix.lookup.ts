import { z } from 'zod';
import type { RegisterLookup } from '../../../platform/registers/port.js';
import { formatUid, type ParsedRegisterId } from '../../../platform/registers/register-id.js';
import {
  registerEntrySchema,
  type CompanyStatus,
  type RegisterCandidate,
  type RegisterEntry,
  type RegisterNotice,
} from '../../../platform/registers/register-entry.js';
import { htmlToText } from '../../parse/text.js';
import { changesFromHrText } from './shab.lookup.js';
import { isoDay, RegisterHttp } from './register-http.js';

/**
 * Zefix PublicREST (OpenAPI 3.1, "Zefix PublicREST API" 2.7.x, server
 * https://www.zefix.admin.ch/ZefixPublicREST, HTTP basic with free credentials):
 * GET /api/v1/company/uid/{CHE123456789} → CompanyFull[]; POST /api/v1/company/search
 * {name, activeOnly} → CompanyShort[]. Status ACTIVE, BEING_CANCELLED (in liquidation),
 * CANCELLED (deleted); sogcPub are the company's SHAB register publications.
 */
const dfie = z.looseObject({ de: z.string().nullish(), fr: z.string().nullish(), it: z.string().nullish(), en: z.string().nullish() });
const legalForm = z.looseObject({ id: z.number().nullish(), uid: z.string().nullish(), name: dfie.nullish(), shortName: dfie.nullish() });

export const zefixCompanyShortSchema = z.looseObject({
  name: z.string(),
  ehraid: z.number().nullish(),
  uid: z.string().nullish(),
  legalSeat: z.string().nullish(),
  legalForm: legalForm.nullish(),
  status: z.string().nullish(),
  sogcDate: z.string().nullish(),
  deletionDate: z.string().nullish(),
});

export const zefixCompanyFullSchema = zefixCompanyShortSchema.extend({
  purpose: z.string().nullish(),
  canton: z.string().nullish(),
  capitalNominal: z.union([z.string(), z.number()]).nullish(),
  capitalCurrency: z.string().nullish(),
  address: z.looseObject({ street: z.string().nullish(), houseNumber: z.string().nullish(), swissZipCode: z.string().nullish(), city: z.string().nullish() }).nullish(),
  sogcPub: z
    .array(
      z.looseObject({
        sogcDate: z.string().nullish(),
        sogcId: z.number().nullish(),
        message: z.string().nullish(),
        mutationTypes: z.array(z.looseObject({ id: z.number().nullish(), key: z.string().nullish() })).nullish(),
      }),
    )
    .nullish(),
  cantonalExcerptWeb: z.string().nullish(),
  zefixDetailWeb: dfie.nullish(),
});
export type ZefixCompanyFull = z.infer<typeof zefixCompanyFullSchema>;

export function zefixStatus(status: string | null | undefined): CompanyStatus {
  if (status === 'ACTIVE') return 'active';
  if (status === 'BEING_CANCELLED') return 'in_liquidation';
  if (status === 'CANCELLED') return 'dissolved';
  return 'unknown';
}

const digitsOf = (uid: string) => uid.replace(/\D/g, '');

/** Pure: one CompanyFull → entry; its SOGC publications become notices and register changes. */
export function zefixEntry(c: ZefixCompanyFull, fetchedAt: Date): RegisterEntry {
  const uid = formatUid(digitsOf(c.uid ?? ''));
  const url = c.zefixDetailWeb?.de ?? c.zefixDetailWeb?.en ?? c.cantonalExcerptWeb ?? `https://www.zefix.ch/de/search/entity/list?name=${encodeURIComponent(uid)}`;
  const pubs = [...(c.sogcPub ?? [])].sort((a, b) => (b.sogcDate ?? '').localeCompare(a.sogcDate ?? ''));
  const notices: RegisterNotice[] = [];
  const officerChanges: RegisterEntry['officerChanges'] = [];
  const addressChanges: string[] = [];
  for (const p of pubs) {
    const date = isoDay(p.sogcDate);
    const text = htmlToText(p.message ?? '');
    if (!date || !text) continue;
    const keys = (p.mutationTypes ?? []).map((m) => m.key ?? '').join(' ');
    const deleted = /l(oe|ö)schung/i.test(keys) || /(Gesellschaft|Firma|société|società|company)[^.]*(wird gelöscht|ist gelöscht|est radiée|è cancellata|is deleted)/i.test(text);
    notices.push({
      id: `zefix:${uid}:${p.sogcId ?? date}`,
      register: 'zefix',
      date,
      rubric: deleted ? 'HR03' : 'HR02',
      title: `${c.name}: SHAB ${date}${p.sogcId ? ` (${p.sogcId})` : ''}`,
      text,
      url,
    });
    const changes = changesFromHrText(text, date);
    officerChanges.push(...changes.officerChanges);
    addressChanges.push(...changes.addressChanges);
  }
  const capital = c.capitalNominal === null || c.capitalNominal === undefined ? NaN : Number(String(c.capitalNominal).replace(/['\s]/g, ''));
  const first = pubs.at(-1);
  const address = [[c.address?.street, c.address?.houseNumber].filter(Boolean).join(' '), [c.address?.swissZipCode, c.address?.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const form = c.legalForm?.shortName?.de ?? c.legalForm?.name?.de ?? c.legalForm?.name?.en ?? undefined;
  return registerEntrySchema.parse({
    register: 'zefix',
    country: 'CH',
    registerId: uid,
    name: c.name,
    ...(form ? { legalForm: form } : {}),
    status: zefixStatus(c.status),
    ...(c.status ? { statusDetail: c.status } : {}),
    ...(c.legalSeat ? { seat: c.legalSeat } : {}),
    ...(address ? { address } : {}),
    ...(Number.isFinite(capital) ? { capital: { amount: capital, currency: c.capitalCurrency ?? 'CHF' } } : {}),
    // Zefix publishes no founding date; the oldest SOGC publication it lists is the first register entry it knows.
    ...(first && isoDay(first.sogcDate) ? { foundedOn: isoDay(first.sogcDate) } : {}),
    ...(isoDay(c.deletionDate) ? { dissolvedOn: isoDay(c.deletionDate) } : {}),
    ...(c.purpose ? { purpose: c.purpose } : {}),
    officerChanges: officerChanges.sort((a, b) => b.date.localeCompare(a.date)),
    addressChanges: [...new Set(addressChanges)],
    notices,
    url,
    fetchedAt: fetchedAt.toISOString(),
  });
}

export function createZefixLookup(http: RegisterHttp, username: string, password: string, now: () => Date): RegisterLookup {
  const headers = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  return {
    register: 'zefix',
    country: 'CH',
    accepts: (id: ParsedRegisterId) => id.kind === 'uid',
    async byId(id, options = {}) {
      const digits = digitsOf(id.value);
      const found = await http.json(http.url(`/api/v1/company/uid/CHE${digits}`), z.array(zefixCompanyFullSchema), 'Zefix company', {
        headers,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const company = found?.find((c) => digitsOf(c.uid ?? '') === digits) ?? found?.[0];
      return company ? zefixEntry(company, now()) : undefined;
    },
    async byName(name, options = {}) {
      const found = await http.json(http.url('/api/v1/company/search'), z.array(zefixCompanyShortSchema), 'Zefix search', {
        method: 'POST',
        body: JSON.stringify({ name, activeOnly: false }),
        headers: { ...headers, 'content-type': 'application/json' },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return (found ?? []).flatMap((c): RegisterCandidate[] =>
        c.uid ? [{ register: 'zefix', registerId: formatUid(digitsOf(c.uid)), name: c.name, status: zefixStatus(c.status), ...(c.legalSeat ? { seat: c.legalSeat } : {}) }] : [],
      );
    },
  };
}
