import type { CheerioAPI } from 'cheerio';
import type { RegisterLookup } from '../../../platform/registers/port.js';
import { formatUid, type ParsedRegisterId } from '../../../platform/registers/register-id.js';
import { registerEntrySchema, type CompanyStatus, type RegisterCandidate, type RegisterEntry } from '../../../platform/registers/register-entry.js';
import { CollectError } from '../../errors.js';
import { loadXml } from '../xml.js';
import { isoDay, RegisterHttp } from './register-http.js';

/**
 * UID register public services of the Federal Statistical Office (SOAP 1.1, no account,
 * https://www.uid-wse.admin.ch/V5.0/PublicServices.svc): GetByUID and Search, answers in
 * eCH-0108 / eCH-0097 / eCH-0098. The service limits requests per minute
 * ("Request_limit_exceeded"); the default pause between requests is 3 s.
 */
const NS = 'http://www.uid.admin.ch/xmlns/uid-wse';

/** eCH-0097 legal form codes (uidregOrganisationType legalForm), the common ones. */
export const ECH0097_LEGAL_FORMS: Record<string, string> = {
  '0101': 'Einzelunternehmen',
  '0103': 'Kollektivgesellschaft',
  '0104': 'Kommanditgesellschaft',
  '0105': 'Kommanditaktiengesellschaft',
  '0106': 'Aktiengesellschaft',
  '0107': 'GmbH',
  '0108': 'Genossenschaft',
  '0109': 'Verein',
  '0110': 'Stiftung',
  '0111': 'Zweigniederlassung eines ausländischen Unternehmens',
  '0151': 'Zweigniederlassung',
  '0220': 'Verwaltung des Bundes',
};

export function getByUidEnvelope(digits: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uid="${NS}" xmlns:ech="http://www.ech.ch/xmlns/eCH-0097/5"><s:Body><uid:GetByUID><uid:uid><ech:uidOrganisationIdCategorie>CHE</ech:uidOrganisationIdCategorie><ech:uidOrganisationId>${digits}</ech:uidOrganisationId></uid:uid></uid:GetByUID></s:Body></s:Envelope>`;
}

export function searchEnvelope(name: string): string {
  const esc = name.slice(0, 100).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uid="${NS}" xmlns:u5="${NS}/5"><s:Body><uid:Search><uid:searchParameters><u5:uidEntitySearchParameters><u5:organisationName>${esc}</u5:organisationName></u5:uidEntitySearchParameters></uid:searchParameters></uid:Search></s:Body></s:Envelope>`;
}

/** Element text by local name anywhere below `scope` (namespaces differ by service version). */
function local($: CheerioAPI, scope: ReturnType<CheerioAPI>, name: string): string {
  const found = scope.find('*').filter((_, el) => ((el as { tagName?: string }).tagName ?? '').replace(/^.*:/, '') === name).first();
  return found.text().trim();
}

/**
 * Status from the eCH-0108 codes: commercialRegisterEntryStatus 2 = deleted from the
 * commercial register; uidregStatusEnterpriseDetail 5/6 = deleted, 7 = cancelled duplicate;
 * a liquidation date without deletion = in liquidation.
 */
export function uidStatus(uidStatusCode: string, crEntryStatus: string, liquidationDate: string): CompanyStatus {
  if (crEntryStatus === '2' || uidStatusCode === '5' || uidStatusCode === '6') return 'dissolved';
  if (liquidationDate) return 'in_liquidation';
  if (['1', '2', '3', '4'].includes(uidStatusCode)) return 'active';
  return 'unknown';
}

/** Pure: a GetByUID answer → entry (undefined for an empty result). A SOAP fault is an error. */
export function parseGetByUid(xml: string, fetchedAt: Date): RegisterEntry | undefined {
  const $ = loadXml(xml, /(^|:)Envelope$/, 'UID register answer');
  const fault = $('*').filter((_, el) => /(^|:)Fault$/.test((el as { tagName?: string }).tagName ?? '')).first();
  if (fault.length) throw new CollectError('http_status', `UID register fault: ${local($, fault, 'error') || local($, fault, 'faultstring') || 'unknown'}`, { retriable: /limit/i.test(fault.text()) });
  const org = $('*').filter((_, el) => ((el as { tagName?: string }).tagName ?? '').replace(/^.*:/, '') === 'organisationType').first();
  if (!org.length) return undefined;
  const digits = local($, org, 'uidOrganisationId');
  const name = local($, org, 'organisationName');
  if (!digits || !name) return undefined;
  const uid = formatUid(digits);
  const formCode = local($, org, 'legalForm');
  const addr = org.find('*').filter((_, el) => ((el as { tagName?: string }).tagName ?? '').replace(/^.*:/, '') === 'address').first();
  const town = addr.length ? local($, addr, 'town') : '';
  const street = addr.length ? [local($, addr, 'street'), local($, addr, 'houseNumber')].filter(Boolean).join(' ') : '';
  const zip = addr.length ? local($, addr, 'swissZipCode') : '';
  const statusCode = local($, org, 'uidregStatusEnterpriseDetail');
  const crEntry = local($, org, 'commercialRegisterEntryStatus');
  const liquidation = local($, org, 'uidregLiquidationDate') || local($, org, 'commercialRegisterLiquidationDate');
  const founded = isoDay(local($, org, 'commercialRegisterEntryDate') || local($, org, 'foundationDate'));
  return registerEntrySchema.parse({
    register: 'uid-register',
    country: 'CH',
    registerId: uid,
    name,
    ...(formCode ? { legalForm: ECH0097_LEGAL_FORMS[formCode] ?? formCode } : {}),
    status: uidStatus(statusCode, crEntry, liquidation),
    statusDetail: [statusCode && `uidregStatusEnterpriseDetail ${statusCode}`, crEntry && `commercialRegisterEntryStatus ${crEntry}`].filter(Boolean).join(', ') || undefined,
    ...(town ? { seat: town } : {}),
    ...(street || town ? { address: [street, [zip, town].filter(Boolean).join(' ')].filter(Boolean).join(', ') } : {}),
    ...(founded ? { foundedOn: founded } : {}),
    ...(isoDay(liquidation) && crEntry === '2' ? { dissolvedOn: isoDay(liquidation) } : {}),
    url: `https://www.uid.admin.ch/Detail.aspx?uid_id=${uid.replace(/[-.]/g, '')}`,
    fetchedAt: fetchedAt.toISOString(),
  });
}

/** Pure: a Search answer → candidates. */
export function parseUidSearch(xml: string): RegisterCandidate[] {
  const $ = loadXml(xml, /(^|:)Envelope$/, 'UID register search');
  return $('*')
    .filter((_, el) => ((el as { tagName?: string }).tagName ?? '').replace(/^.*:/, '') === 'uidEntitySearchResultItem')
    .toArray()
    .flatMap((el): RegisterCandidate[] => {
      const item = $(el);
      const digits = local($, item, 'uidOrganisationId');
      const name = local($, item, 'organisationName');
      if (!digits || !name) return [];
      const status = uidStatus(local($, item, 'uidregStatusEnterpriseDetail'), local($, item, 'commercialRegisterEntryStatus'), local($, item, 'uidregLiquidationDate'));
      const town = local($, item, 'town');
      return [{ register: 'uid-register', registerId: formatUid(digits), name, status, ...(town ? { seat: town } : {}) }];
    });
}

export function createUidRegisterLookup(http: RegisterHttp, now: () => Date): RegisterLookup {
  const soap = (action: string, body: string, signal?: AbortSignal) =>
    http.text(http.url(''), {
      accept: 'text/xml',
      method: 'POST',
      body,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${NS}/IPublicServices/${action}"` },
      ...(signal ? { signal } : {}),
    });
  return {
    register: 'uid-register',
    country: 'CH',
    accepts: (id: ParsedRegisterId) => id.kind === 'uid',
    async byId(id, options = {}) {
      const xml = await soap('GetByUID', getByUidEnvelope(id.value.replace(/\D/g, '')), options.signal);
      return xml === undefined ? undefined : parseGetByUid(xml, now());
    },
    async byName(name, options = {}) {
      const xml = await soap('Search', searchEnvelope(name), options.signal);
      return xml === undefined ? [] : parseUidSearch(xml);
    },
  };
}
