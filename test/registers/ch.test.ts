import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesFromHrText, parseShabBulkExport, titleNames } from '../../collectors/registers/lookup/shab.lookup.js';
import { parseGetByUid, parseUidSearch, getByUidEnvelope } from '../../collectors/registers/lookup/uid-register.lookup.js';
import { parseJson } from '../../collectors/registers/lookup/register-http.js';
import { zefixCompanyFullSchema, zefixEntry } from '../../collectors/registers/lookup/zefix.lookup.js';
import { isValidUid, parseRegisterId } from '../../platform/registers/register-id.js';
import { CollectError } from '../../collectors/errors.js';
import { z } from 'zod';
import { tempDir } from '../helpers.js';
import { runBonitor } from '../e2e/process.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('Swiss register answers', () => {
  it('reads and checks CHE-UIDs (mod 11 check digit)', () => {
    expect(parseRegisterId('CHE-423.126.163')).toEqual([{ kind: 'uid', value: 'CHE-423.126.163' }]);
    expect(parseRegisterId('che114723217 MWST')).toEqual([{ kind: 'uid', value: 'CHE-114.723.217' }]);
    expect(isValidUid('423126163')).toBe(true);
    expect(isValidUid('116068369')).toBe(true);
    expect(isValidUid('116068368')).toBe(false);
    expect(parseRegisterId('HRB 731772 Ulm')).toEqual([{ kind: 'hrb', value: 'HRB 731772', court: 'Ulm' }]);
  });

  it('Zefix CompanyFull: status, legal form, capital, deletion date, first SHAB entry, publications as notices', () => {
    const [c] = parseJson(fx('ch_zefix_company-uid_CHE423126163_constructed.json'), z.array(zefixCompanyFullSchema), 'zefix');
    const e = zefixEntry(c!, NOW);
    expect(e).toMatchObject({
      register: 'zefix',
      registerId: 'CHE-423.126.163',
      status: 'dissolved',
      statusDetail: 'CANCELLED',
      legalForm: 'AG',
      capital: { amount: 100000, currency: 'CHF' },
      dissolvedOn: '2026-08-31',
      foundedOn: '2021-03-22',
      seat: 'Genève',
    });
    expect(e.notices.map((n) => [n.date, n.rubric])).toEqual([['2026-09-03', 'HR03'], ['2025-06-13', 'HR02'], ['2021-03-22', 'HR02']]);
  });

  it('reads signatory changes from a real HR02 text', () => {
    const text = 'La procuration de Scheelbeek Saskia Esther Charlotte est radiée. Signature collective à deux a été conférée à Jammet ép. Van Brussel Delphine';
    expect(changesFromHrText(text, '2026-09-03').officerChanges.map((c) => c.kind)).toEqual(['resigned', 'appointed']);
    expect(changesFromHrText('Ausgeschiedene Personen und erloschene Unterschriften: Muster, Hans. Neue Geschäftsadresse: Bahnhofstrasse 1.', '2026-01-02')).toEqual({
      officerChanges: [{ date: '2026-01-02', kind: 'resigned', name: '', role: 'signatory' }],
      addressChanges: ['2026-01-02'],
    });
  });

  it('SHAB bulk export (real page): items with ids, sub-rubrics and titles in four languages; names matched whole', () => {
    const { items, total } = parseShabBulkExport(fx('ch_shab_bulk-export_HR_2026-09-03_page0.xml'));
    expect(total).toBe(1027);
    expect(items).toHaveLength(12);
    const aris = items.find((i) => i.id === '0a2083c5-cd2a-4d8c-a194-df7a1689b408')!;
    expect(aris).toMatchObject({ subRubric: 'HR03', publicationDate: '2026-09-03' });
    expect(titleNames(aris.titles, 'Aris Gold Acquisition Switzerland SA, en liquidation')).toBe(true);
    expect(titleNames(aris.titles, 'Aris Gold')).toBe(true);
    expect(items.filter((i) => titleNames(i.titles, 'Unitech Sàrl')).map((i) => i.id)).toEqual(['a87e3c28-0804-4848-bb26-d5616d80ecb4']);
    expect(items.filter((i) => titleNames(i.titles, 'Tech Sàrl'))).toEqual([]);
  });

  it('UID register GetByUID (real answer), search, and a real SOAP fault', () => {
    const e = parseGetByUid(fx('ch_uid-register_GetByUID_CHE116068369.xml'), NOW)!;
    expect(e).toMatchObject({ registerId: 'CHE-116.068.369', name: 'Bundesamt für Landestopografie (swisstopo)', legalForm: 'Verwaltung des Bundes', status: 'active', seat: 'Wabern', address: 'Seftigenstrasse 264, 3084 Wabern' });
    expect(() => parseGetByUid(fx('ch_uid-register_fault_checksum.xml'), NOW)).toThrow(CollectError);
    expect(getByUidEnvelope('116068369')).toContain('<ech:uidOrganisationId>116068369</ech:uidOrganisationId>');
    const deleted = fx('ch_uid-register_GetByUID_CHE116068369.xml').replace('<uidregStatusEnterpriseDetail>3<', '<uidregStatusEnterpriseDetail>5<');
    expect(parseGetByUid(deleted, NOW)!.status).toBe('dissolved');
    const search = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SearchResponse xmlns="http://www.uid.admin.ch/xmlns/uid-wse"><SearchResult><uidEntitySearchResultItem xmlns="http://www.uid.admin.ch/xmlns/uid-wse/5">${fx('ch_uid-register_GetByUID_CHE116068369.xml').match(/<organisation xmlns.*<\/organisation>/)![0]}<uidregInformation><uidregStatusEnterpriseDetail>3</uidregStatusEnterpriseDetail></uidregInformation><rating>99</rating></uidEntitySearchResultItem></SearchResult></SearchResponse></s:Body></s:Envelope>`;
    expect(parseUidSearch(search)).toEqual([{ register: 'uid-register', registerId: 'CHE-116.068.369', name: 'Bundesamt für Landestopografie (swisstopo)', status: 'active', seat: 'Wabern' }]);
  });
});

/** The "done when" for a CHE-UID: Zefix and SHAB through the CLI, against a local server with the captures. */
describe('bonitor check <CHE-UID> through Zefix and SHAB', () => {
  const tmp = tempDir('bonitor-check-ch-');
  const AUTH = `Basic ${Buffer.from('user:secret-pass').toString('base64')}`;
  let server: Awaited<ReturnType<typeof startRegisterServer>>;
  let config: string;
  beforeAll(async () => {
    server = await startRegisterServer({
      '/ZefixPublicREST/api/v1/company/uid/CHE423126163': { body: fx('ch_zefix_company-uid_CHE423126163_constructed.json'), auth: AUTH },
      '/ZefixPublicREST/api/v1/company/uid/CHE114723217': { body: fx('ch_zefix_company-uid_CHE114723217_constructed.json'), auth: AUTH },
      '/api/v1/publications/0a2083c5-cd2a-4d8c-a194-df7a1689b408/xml': { body: fx('ch_shab_HR03-1006747607_deletion.xml'), type: 'application/xml' },
      '/api/v1/publications/de8f0150-4c89-4374-8c39-31c6fc9fa661/xml': { body: fx('ch_shab_HR02-1006747585_mutation.xml'), type: 'application/xml' },
      '/api/v1/publications/xml?tenant=shab&rubrics=HR*': { body: fx('ch_shab_bulk-export_HR_2026-09-03_page0.xml'), type: 'application/xml' },
      '/api/v1/publications/xml?*': { body: fx('ch_shab_bulk-export_empty_constructed.xml'), type: 'application/xml' },
    });
    config = path.join(tmp.dir, 'bonitor.yaml');
    const limits = '{ minIntervalMs: 0, retries: 0, totalTimeoutMs: 3000 }';
    writeFileSync(
      config,
      [
        `dataDir: ${tmp.dir}`,
        'demo: false',
        'registers:',
        `  zefix: { url: "${server.url}/ZefixPublicREST", username: user, password: secret-pass, allowPrivate: true, limits: ${limits} }`,
        `  shab: { url: "${server.url}", allowPrivate: true, limits: ${limits} }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server?.close();
    tmp.cleanup();
  });

  it('a deleted company (liquidation ended): E and decline with the Zefix entry and the SHAB deletion as evidence', async () => {
    const r = await runBonitor(['--config', config, 'check', 'CHE-423.126.163'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Grade E/);
    expect(r.stdout).toContain('Recommended terms: Decline');
    expect(r.stdout).toContain('The register lists the company as dissolved since 31 Aug 2026');
    expect(r.stdout).toContain('https://www.zefix.ch/de/search/entity/list/firm/1093114');
    expect(r.stdout).toContain('https://www.shab.ch/#!/search/publications/detail/0a2083c5-cd2a-4d8c-a194-df7a1689b408');
    expect(r.stdout).toMatch(/Zefix \(CH company index\)\s+found: Aris Gold Acquisition Switzerland SA, en liquidation \(CHE-423\.126\.163, dissolved/);
    expect(r.stdout).toMatch(/SHAB \/ SOGC \(CH gazette\)\s+found: 1 notice\(s\)/);
    expect(r.stdout).toMatch(/Companies House \(UK\)\s+not configured/);
    // Every rubric was listed, each from its own bulk-export request.
    const lists = server.requests.filter((q) => q.path.startsWith('/api/v1/publications/xml?')).map((q) => new URL(q.path, server.url).searchParams.get('rubrics'));
    expect(lists.sort()).toEqual(['HR', 'KK', 'NA', 'SB']);
  });

  it('an active Sàrl since 2009 with a signatory change: not E, the changes counted, the password never shown', async () => {
    const listed = server.requests.filter((q) => q.path.startsWith('/api/v1/publications/xml?')).length;
    const r = await runBonitor(['--config', config, 'check', 'CHE-114.723.217', '--format', 'json'], {});
    expect(r.code).toBe(0);
    // The day's rubric lists come from the store: another company's check lists nothing again.
    expect(server.requests.filter((q) => q.path.startsWith('/api/v1/publications/xml?')).length).toBe(listed);
    expect(r.stdout).not.toContain('secret-pass');
    const a = JSON.parse(r.stdout) as { grade: string; factors: Array<{ name: string; description: string }>; register: { entries: Array<{ register: string; status: string; officerChanges: unknown[]; notices: Array<{ rubric: string }> }> } };
    expect(a.grade).not.toBe('E');
    const zefix = a.register.entries.find((e) => e.register === 'zefix')!;
    expect(zefix.status).toBe('active');
    expect(zefix.officerChanges.length).toBeGreaterThanOrEqual(2);
    expect(zefix.notices.some((n) => n.rubric === 'HR02')).toBe(true);
    expect(a.factors.find((f) => f.name === 'register_changes')?.description).toBe("2 changes of signatories or address in the last 12 months.");
  });
});
