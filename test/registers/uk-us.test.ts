import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/index.js';
import { chEntry, chProfileSchema, chOfficersSchema, chFilingHistorySchema, chInsolvencySchema, createCompaniesHouseLookup } from '../../collectors/registers/lookup/companies-house.lookup.js';
import { createEdgarLookup, edgarEntry, edgarSubmissionsSchema, parseEdgarCompanySearch } from '../../collectors/registers/lookup/edgar.lookup.js';
import { lookupCompany } from '../../collectors/registers/lookup/lookup-company.js';
import { parseJson, RegisterHttp } from '../../collectors/registers/lookup/register-http.js';
import { assessCustomer, registerFactsFrom } from '../../analysis/scoring/index.js';
import { policySchema } from '../../platform/config/policy.js';
import { fetchLimitsSchema } from '../../platform/config/sources.js';
import { silentLogger } from '../../platform/log.js';
import { parseRegisterId } from '../../platform/registers/register-id.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';
import { loadLinkModel } from '../../app/link-model.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const KEY = 'test-key';
const AUTH = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
const policy = policySchema.parse({});
const limits = fetchLimitsSchema.parse({ minIntervalMs: 0, retries: 0, totalTimeoutMs: 2000, connectTimeoutMs: 1000 });

const profile = (name: string) => parseJson(fx(name), chProfileSchema, 'profile');

describe('Companies House answers (real captures)', () => {
  it('reads an active company profile with its creation date, type and filing flags', () => {
    const e = chEntry(profile('uk_ch_company-profile_08957400_candour.json'), {}, NOW);
    expect(e).toMatchObject({
      register: 'companies-house',
      registerId: '08957400',
      name: 'CANDOUR GROUP LIMITED',
      status: 'active',
      legalForm: 'ltd',
      foundedOn: '2014-03-25',
      accountsOverdue: false,
      confirmationStatementOverdue: false,
      hasInsolvencyHistory: false,
      hasBeenLiquidated: false,
      industryCodes: ['68100'],
      url: 'https://find-and-update.company-information.service.gov.uk/company/08957400',
    });
  });

  it('reads officers appointments and resignations, newest first', () => {
    const officers = parseJson(fx('uk_ch_officers_04475590_you-limited.json'), chOfficersSchema, 'officers');
    const e = chEntry(profile('uk_ch_company-profile_08957400_candour.json'), { officers }, NOW);
    expect(e.officerChanges[0]).toEqual({ date: '2017-09-02', kind: 'appointed', name: 'STEVENSON, Benjamin Thomas', role: 'director' });
    expect(e.officerChanges.filter((c) => c.kind === 'resigned').map((c) => c.date)).toEqual(['2017-09-01', '2012-08-28', '2002-07-02', '2002-07-02']);
  });

  it('reads insolvency cases and keeps only solvency-relevant filings as notices', () => {
    const insolvency = parseJson(fx('uk_ch_insolvency_london-airways.json'), chInsolvencySchema, 'insolvency');
    const filings = parseJson(fx('uk_ch_filing-history_14190543.json'), chFilingHistorySchema, 'filings');
    const e = chEntry(profile('uk_ch_company-profile_08957400_candour.json'), { insolvency, filings }, NOW);
    expect(e.insolvencyCases).toEqual([{ type: 'compulsory-liquidation', dates: [{ type: 'wound-up-on', date: '1995-01-18' }, { type: 'petitioned-on', date: '1994-12-12' }] }]);
    // change of name, PSC cessation and incorporation are not solvency notices; the insolvency case is.
    expect(e.notices.map((n) => n.rubric)).toEqual(['insolvency-cases:compulsory-liquidation']);
    expect(e.notices[0]!.date).toBe('1995-01-18');
  });
});

describe('EDGAR answers (real captures)', () => {
  it('reads the submissions JSON: name, SIC, 8-K items as rubrics with filing links', () => {
    const e = edgarEntry(parseJson(fx('us_edgar_submissions_CIK0001045810_NVIDIA.json'), edgarSubmissionsSchema, 'subs'), NOW);
    expect(e).toMatchObject({ registerId: '0001045810', name: 'NVIDIA CORP', industryCodes: ['3674'], status: 'unknown' });
    const first = e.notices[0]!;
    expect(first).toMatchObject({ rubric: '8-K:2.02,9.01', date: '2026-02-25' });
    expect(first.url).toMatch(/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/1045810\/\d{18}\/nvda-20260225\.htm$/);
    expect(first.text).toContain('Item 2.02: Results of Operations');
  });

  it('an 8-K with item 1.03 (bankruptcy or receivership) makes the prospect E through the normal classification', async () => {
    const json = JSON.parse(fx('us_edgar_submissions_CIK0001045810_NVIDIA.json')) as { filings: { recent: { form: string[]; items: string[] } } };
    const first8k = json.filings.recent.form.indexOf('8-K');
    json.filings.recent.items[first8k] = '1.03,9.01'; // no real 1.03 filing in the capture: the items column is changed here
    const e = edgarEntry(parseJson(JSON.stringify(json), edgarSubmissionsSchema, 'subs'), NOW);
    expect(e.notices[0]).toMatchObject({ rubric: '8-K:1.03,9.01', text: expect.stringContaining('Item 1.03: Bankruptcy or Receivership') });
    const { checkProspect } = await import('../../app/prospect.js');
    const { entryDocuments } = await import('../../collectors/registers/lookup/notice-documents.js');
    const docs = entryDocuments([e], NOW);
    expect(docs[0]).toMatchObject({ kind: 'register', registerIds: { cik: ['0001045810'] }, rubric: '8-K:1.03,9.01' });
    const r = (await checkProspect({ documents: { documentsMentioning: async () => [] }, policy, clock: { now: () => NOW }, linkModel: loadLinkModel() }, 'CIK 1045810', undefined, { entries: [e], documents: docs }))!;
    expect(r.assessment.grade).toBe('E');
    expect(r.assessment.signals.map((s) => s.type)).toContain('insolvency');
  });

  it('reads the browse-edgar company search as candidates', () => {
    const hits = parseEdgarCompanySearch(fx('us_edgar_company-search_delhaize.atom'));
    expect(hits[0]).toEqual({ register: 'edgar', registerId: '0000037912', name: 'DELHAIZE AMERICA LLC', seat: 'NC' });
    expect(hits.length).toBeGreaterThan(1);
  });
});

describe('lookups through the fetcher against a local register server', () => {
  let server: Awaited<ReturnType<typeof startRegisterServer>>;
  beforeAll(async () => {
    server = await startRegisterServer({
      '/company/09990001': { body: fx('uk_ch_company-profile_derived_dissolved-cvl.json'), auth: AUTH },
      '/company/09990001/filing-history?items_per_page=100': { body: fx('uk_ch_filing-history_derived_cvl.json'), auth: AUTH },
      '/company/09990001/insolvency': { body: fx('uk_ch_insolvency_derived_cvl.json'), auth: AUTH },
      '/company/08957400': { body: fx('uk_ch_company-profile_08957400_candour.json'), auth: AUTH },
      '/company/08957400/officers?items_per_page=100': { hang: true },
      '/search/companies?q=You&items_per_page=10': { body: fx('uk_ch_search_you_first5.json'), auth: AUTH },
      '/search/companies?q=You%20Limited&items_per_page=10': { body: fx('uk_ch_search_you_first5.json'), auth: AUTH },
      '/submissions/CIK0001045810.json': { body: fx('us_edgar_submissions_CIK0001045810_NVIDIA.json') },
      '/cgi-bin/*': { body: fx('us_edgar_company-search_delhaize.atom'), type: 'application/atom+xml; charset=ISO-8859-1' },
    });
  });
  afterAll(() => server?.close());

  const deps = (timeoutMs = 3000) => {
    const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
    const http = () => new RegisterHttp(fetcher, { url: server.url, allowPrivate: true, respectRobots: false, limits });
    return {
      lookups: [createCompaniesHouseLookup(http(), KEY, () => NOW), createEdgarLookup(http(), http(), 'Bonitor test credit@example.com', () => NOW)],
      notices: [],
      skipped: [{ register: 'zefix' as const, reason: 'no registers.zefix block in the configuration' }],
      cacheMs: 0,
      timeoutMs,
      now: () => NOW,
      log: silentLogger,
    };
  };

  it('a company dissolved after a creditors voluntary liquidation: facts, E and decline, the register as evidence', async () => {
    const r = await lookupCompany(deps(), { ids: parseRegisterId('09990001') });
    const e = r.entries.find((x) => x.register === 'companies-house')!;
    expect(e).toMatchObject({ status: 'dissolved', dissolvedOn: '2025-11-04', hasBeenLiquidated: true, hasInsolvencyHistory: true });
    expect(e.insolvencyCases[0]!.type).toBe('creditors-voluntary-liquidation');
    expect(r.sources.find((s) => s.register === 'companies-house')).toMatchObject({ outcome: 'found' });
    expect(r.sources.find((s) => s.register === 'edgar')).toMatchObject({ outcome: 'not_found' }); // 09990001 read as a CIK too
    expect(r.sources.find((s) => s.register === 'zefix')?.detail).toBe('not configured: no registers.zefix block in the configuration');
    const a = assessCustomer({ customer: { id: 'p', name: e.name }, ledger: [], signals: [], asOf: NOW, policy, register: registerFactsFrom(r.entries)! });
    expect(a.grade).toBe('E');
    expect(a.terms.kind).toBe('decline');
    const override = a.factors.find((f) => f.name === 'override_register_dissolved')!;
    expect(override.evidence).toEqual(['https://find-and-update.company-information.service.gov.uk/company/09990001']);
    expect(a.terms.reasons?.en.join(' ')).toContain('the dissolution in the register is on record');
  });

  it('an active company registered 12 years ago is not E, and a hanging officers call is named, not fatal', async () => {
    const r = await lookupCompany(deps(), { ids: parseRegisterId('08957400') });
    const e = r.entries.find((x) => x.register === 'companies-house')!;
    expect(e.status).toBe('active');
    expect(e.warnings).toEqual(['officers: timeout']);
    const a = assessCustomer({ customer: { id: 'p', name: e.name }, ledger: [], signals: [], asOf: NOW, policy, register: registerFactsFrom(r.entries)! });
    expect(a.grade).not.toBe('E');
    expect(a.factors.some((f) => f.name.startsWith('override_'))).toBe(false);
  });

  it('searches by name and takes only an exact match; EDGAR by CIK', async () => {
    const vague = await lookupCompany(deps(), { ids: [], name: 'You' });
    expect(vague.sources.find((s) => s.register === 'companies-house')!.detail).toMatch(/^not found: 4 companies match "You" but none exactly \(YOU LIMITED 04475590;/);
    // The real answer has an item without a title ("title_will_be_null"): it is skipped, not a crash.
    expect(vague.candidates.map((c) => c.registerId)).toContain("08051585");
    expect(vague.candidates.map((c) => c.registerId)).not.toContain("11722385");
    // "YOU  LIMITED" folds to the query: exactly one, so its entry is read (this server has none).
    const exact = await lookupCompany(deps(), { ids: [], name: 'You Limited', country: 'GB' });
    expect(exact.sources.find((s) => s.register === 'companies-house')!.detail).toBe('not found: 04475590 listed but not readable');
    expect(exact.sources.find((s) => s.register === 'edgar')!.detail).toBe('not asked: not a US company');
    const cik = await lookupCompany(deps(), { ids: parseRegisterId('CIK 1045810') });
    expect(cik.entries.map((e) => e.name)).toEqual(['NVIDIA CORP']);
    expect(cik.sources.find((s) => s.register === 'companies-house')!.detail).toBe('not asked: the query is a CIK');
  });

  it('refused credentials and a register that never answers become plain report lines', async () => {
    const wrong = deps();
    const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
    wrong.lookups[0] = createCompaniesHouseLookup(new RegisterHttp(fetcher, { url: server.url, allowPrivate: true, respectRobots: false, limits }), 'wrong', () => NOW);
    const refused = await lookupCompany(wrong, { ids: parseRegisterId('09990001') });
    expect(refused.sources.find((s) => s.register === 'companies-house')!.detail).toMatch(/^failed: HTTP 401 \(credentials refused\)/);
    const slow = await lookupCompany(deps(300), { ids: [{ kind: 'companyNumber', value: '08957400' }] });
    // The profile answers, the officers call hangs past the check deadline: the whole lookup is a timeout line.
    expect(slow.sources.find((s) => s.register === 'companies-house')!.detail).toMatch(/^failed: timeout/);
  });

  it('refuses a loopback register unless its block allows private addresses', async () => {
    const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
    const guarded = { ...deps(), lookups: [createCompaniesHouseLookup(new RegisterHttp(fetcher, { url: server.url, allowPrivate: false, respectRobots: false, limits }), KEY, () => NOW)] };
    const r = await lookupCompany(guarded, { ids: parseRegisterId('09990001') });
    expect(r.sources.find((s) => s.register === 'companies-house')!.detail).toMatch(/^failed: blocked/);
  });
});
