import type { RegistersConfig } from '../../../platform/config/registers.js';
import type { NoticeLookup, RegisterLookup, SkippedRegister } from '../../../platform/registers/port.js';
import type { Fetcher } from '../../fetch/fetcher.js';
import { createCompaniesHouseLookup } from './companies-house.lookup.js';
import { createDeRegisterLookup } from './de-register.lookup.js';
import { createEdgarLookup } from './edgar.lookup.js';
import { RegisterHttp, type RegisterEndpoint } from './register-http.js';
import { createShabLookup, type ShabListCache } from './shab.lookup.js';
import { createUidRegisterLookup } from './uid-register.lookup.js';
import { createZefixLookup } from './zefix.lookup.js';

export interface RegisterSet {
  lookups: RegisterLookup[];
  notices: NoticeLookup[];
  /** Registers named in the configuration that cannot be used, with the reason the report shows. */
  skipped: SkippedRegister[];
}

/**
 * The configured registers, each behind the shared fetcher with its own block's limits. A
 * register without a block is not used at all (no network in the demo); a block without its
 * credential is listed as skipped.
 */
export function buildRegisterSet(config: RegistersConfig, fetcher: Fetcher, now: () => Date, contact: string, cache?: ShabListCache): RegisterSet {
  const set: RegisterSet = { lookups: [], notices: [], skipped: [] };
  const http = (block: RegisterEndpoint, url = block.url) =>
    new RegisterHttp(fetcher, { url, allowPrivate: block.allowPrivate, respectRobots: block.respectRobots, limits: block.limits });

  const z = config.zefix;
  if (z?.enabled) {
    if (z.username && z.password) set.lookups.push(createZefixLookup(http(z), z.username, z.password, now));
    else set.skipped.push({ register: 'zefix', reason: 'registers.zefix needs username and password (free, from zefix@bj.admin.ch)' });
  }
  if (config.uidRegister?.enabled) set.lookups.push(createUidRegisterLookup(http(config.uidRegister), now));
  if (config.shab?.enabled) set.notices.push(createShabLookup(http(config.shab), config.shab, now, cache));
  const ch = config.companiesHouse;
  if (ch?.enabled) {
    if (ch.apiKey) set.lookups.push(createCompaniesHouseLookup(http(ch), ch.apiKey, now));
    else set.skipped.push({ register: 'companies-house', reason: 'registers.companiesHouse needs an apiKey (free from developer.company-information.service.gov.uk)' });
  }
  const e = config.edgar;
  if (e?.enabled) {
    const ua = e.userAgent ?? (/@/.test(contact) && !/@localhost$/.test(contact) ? `Bonitor ${contact}` : undefined);
    if (ua) set.lookups.push(createEdgarLookup(http(e), http(e, e.searchUrl), ua, now));
    else set.skipped.push({ register: 'edgar', reason: 'SEC asks for a user agent with a contact address: set registers.edgar.userAgent or contact' });
  }
  const de = config.de;
  if (de?.enabled) {
    if (de.announcementUrl) set.lookups.push(createDeRegisterLookup(http(de), de.announcementUrl, now));
    else set.skipped.push({ register: 'de-register', reason: 'registers.de.announcementUrl is not set: the register portal offers no machine interface (and allows at most 60 retrievals an hour)' });
    set.skipped.push({
      register: 'de-insolvency',
      outcome: 'not_asked',
      reason: 'by design: the insolvency notices portal offers no machine interface and must protect its notices against copying (InsBekV § 2); openings reach Bonitor through the register announcements',
    });
  }
  const absent: Array<[keyof RegistersConfig, SkippedRegister['register'], string]> = [
    ['zefix', 'zefix', 'CH'],
    ['uidRegister', 'uid-register', 'CH'],
    ['shab', 'shab', 'CH'],
    ['companiesHouse', 'companies-house', 'UK'],
    ['edgar', 'edgar', 'US'],
    ['de', 'de-register', 'DE'],
  ];
  for (const [key, register] of absent) {
    const block = config[key] as { enabled?: boolean } | undefined;
    if (!block) set.skipped.push({ register, reason: `no registers.${key} block in the configuration` });
    else if (block.enabled === false) set.skipped.push({ register, reason: `registers.${key}.enabled is false` });
  }
  return set;
}
