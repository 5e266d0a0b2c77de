import { createFetcher } from '../collectors/fetch/fetcher.js';
import { userAgentFor } from '../collectors/user-agent.js';
import { lookupCompany, type CompanyQuery } from '../collectors/registers/lookup/lookup-company.js';
import { buildRegisterSet, type RegisterSet } from '../collectors/registers/lookup/registry.js';
import type { CompanyLookupResult } from '../platform/registers/port.js';
import type { App } from './compose.js';
import { moduleLogger } from '../platform/log.js';

export interface RegisterServices {
  set: RegisterSet;
  /** Whether any register can be asked at all. */
  active: boolean;
  lookup(query: CompanyQuery): Promise<CompanyLookupResult>;
}

/** The configured registers behind one polite fetcher, with the store's cache. */
export function registerServices(app: Pick<App, 'config' | 'store' | 'clock' | 'log'>): RegisterServices {
  const log = moduleLogger(app.log, 'registers');
  const fetcher = createFetcher({ userAgent: userAgentFor(app.config.contact), log });
  const now = () => app.clock.now();
  const set = buildRegisterSet(app.config.registers, fetcher, now, app.config.contact, app.config.registers.cacheHours > 0 ? app.store.registers : undefined);
  const deps = {
    lookups: set.lookups,
    notices: set.notices,
    skipped: set.skipped,
    cache: app.store.registers,
    cacheMs: app.config.registers.cacheHours * 3_600_000,
    timeoutMs: app.config.registers.checkTimeoutMs,
    now,
    log,
  };
  return { set, active: set.lookups.length + set.notices.length > 0, lookup: (query) => lookupCompany(deps, query) };
}
