import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../app/compose.js';
import { buildHttpServer } from '../../app/http/server.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';

const AUTH = `Basic ${Buffer.from('test-key:').toString('base64')}`;

/** GET /api/check and the check page for a company no stored document names: the registers answer. */
describe('check API and page with registers', () => {
  const tmp = tempDir('bonitor-check-http-');
  let server: Awaited<ReturnType<typeof startRegisterServer>>;
  let app: App;
  let http: ReturnType<typeof buildHttpServer>;
  beforeAll(async () => {
    server = await startRegisterServer({
      '/company/09990001': { body: fx('uk_ch_company-profile_derived_dissolved-cvl.json'), auth: AUTH },
      '/company/09990001/filing-history?items_per_page=100': { body: fx('uk_ch_filing-history_derived_cvl.json'), auth: AUTH },
      '/company/09990001/insolvency': { body: fx('uk_ch_insolvency_derived_cvl.json'), auth: AUTH },
      '/company/08957400/officers?items_per_page=100': { hang: true },
      '/company/08957400': { body: fx('uk_ch_company-profile_08957400_candour.json'), auth: AUTH },
    });
    const file = path.join(tmp.dir, 'bonitor.yaml');
    writeFileSync(file, `demo: false\nregisters:\n  checkTimeoutMs: 1500\n  companiesHouse: { url: "${server.url}", apiKey: test-key, allowPrivate: true, limits: { minIntervalMs: 0, retries: 0, totalTimeoutMs: 5000 } }\n`);
    app = await openApp(loadConfig({ configPath: file, env: { BONITOR_DATA_DIR: path.join(tmp.dir, 'data') }, cwd: tmp.dir }).config, silentLogger);
    http = buildHttpServer({ app, unsubscribeSecret: 'x'.repeat(32) });
    await http.ready();
  });
  afterAll(async () => {
    await http?.close();
    await app?.close();
    await server?.close();
    tmp.cleanup();
  });

  it('GET /api/check?q=<company number> answers with the register entry, the sources and grade E', async () => {
    const res = await http.inject({ method: 'GET', url: '/api/check?q=09990001' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { grade: string; terms: { kind: string }; match: { kind: string; register: { entries: Array<{ status: string; url: string }>; sources: Array<{ register: string; outcome: string; detail: string }> } } };
    expect(body.grade).toBe('E');
    expect(body.terms.kind).toBe('decline');
    expect(body.match.kind).toBe('prospect');
    expect(body.match.register.entries[0]).toMatchObject({ status: 'dissolved', url: 'https://find-and-update.company-information.service.gov.uk/company/09990001' });
    expect(body.match.register.sources.find((s) => s.register === 'zefix')).toMatchObject({ outcome: 'not_configured' });
  });

  it('a register that does not answer within the check deadline is one line on the page, not an error', async () => {
    const res = await http.inject({ method: 'GET', url: '/check?q=08957400&lang=en' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('failed: timeout (no answer within 1500 ms)');
    expect(res.body).toContain('Companies House (UK)');
    const page = await http.inject({ method: 'GET', url: '/check?q=09990001&lang=en' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KENTISH CANDLE WORKS LIMITED (09990001)');
    expect(page.body).toContain('https://find-and-update.company-information.service.gov.uk/company/09990001');
  });
});
