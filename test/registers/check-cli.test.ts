import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runBonitor } from '../e2e/process.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';

const AUTH = `Basic ${Buffer.from('test-key:').toString('base64')}`;

/** `bonitor check <UK company number>` for companies no stored article mentions: the register decides. */
describe('bonitor check with registers', () => {
  const tmp = tempDir('bonitor-check-registers-');
  let server: Awaited<ReturnType<typeof startRegisterServer>>;
  let config: string;
  beforeAll(async () => {
    server = await startRegisterServer({
      '/company/09990001': { body: fx('uk_ch_company-profile_derived_dissolved-cvl.json'), auth: AUTH },
      '/company/09990001/filing-history?items_per_page=100': { body: fx('uk_ch_filing-history_derived_cvl.json'), auth: AUTH },
      '/company/09990001/insolvency': { body: fx('uk_ch_insolvency_derived_cvl.json'), auth: AUTH },
      '/company/08957400': { body: fx('uk_ch_company-profile_08957400_candour.json'), auth: AUTH },
      '/company/08957400/officers?items_per_page=100': { body: fx('uk_ch_officers_04475590_you-limited.json'), auth: AUTH },
    });
    config = path.join(tmp.dir, 'bonitor.yaml');
    const limits = '{ minIntervalMs: 0, retries: 0, totalTimeoutMs: 3000 }';
    writeFileSync(
      config,
      [
        `dataDir: ${tmp.dir}`,
        'demo: false',
        'registers:',
        `  companiesHouse: { url: "${server.url}", apiKey: test-key, allowPrivate: true, limits: ${limits} }`,
        `  edgar: { url: "${server.url}", searchUrl: "${server.url}", userAgent: "Bonitor test credit@example.com", allowPrivate: true, limits: ${limits} }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server?.close();
    tmp.cleanup();
  });

  it('a company dissolved after a creditors voluntary liquidation: E, decline, the register entry as evidence, every source named', async () => {
    const r = await runBonitor(['--config', config, 'check', '09990001'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not a customer: assessed from 1 register entry');
    expect(r.stdout).toMatch(/Grade E/);
    expect(r.stdout).toContain('Recommended terms: Decline');
    expect(r.stdout).toContain('The register lists the company as dissolved since 4 Nov 2025');
    expect(r.stdout).toContain('https://find-and-update.company-information.service.gov.uk/company/09990001');
    expect(r.stdout).toContain('insolvency case: creditors voluntary liquidation');
    expect(r.stdout).toMatch(/Companies House \(UK\)\s+found: KENTISH CANDLE WORKS LIMITED \(09990001, dissolved, registered 2016-02-11/);
    expect(r.stdout).toMatch(/Zefix \(CH company index\)\s+not configured: no registers.zefix block/);
    expect(r.stdout).toMatch(/SEC EDGAR \(US\)\s+not found: no company with CIK 0009990001/);
  });

  it('an active company registered in 2014: not E, with its register facts', async () => {
    const r = await runBonitor(['--config', config, 'check', '08957400', '--format', 'json'], {});
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { grade: string; name: string; terms: { kind: string }; register: { entries: Array<{ status: string; foundedOn: string }>; sources: Array<{ register: string; outcome: string; at: string }> } };
    expect(a.name).toBe('CANDOUR GROUP LIMITED');
    expect(a.grade).not.toBe('E');
    expect(a.terms.kind).not.toBe('decline');
    expect(a.register.entries[0]).toMatchObject({ status: 'active', foundedOn: '2014-03-25' });
    expect(a.register.sources.find((s) => s.register === 'companies-house')).toMatchObject({ outcome: 'found' });
    expect(Date.parse(a.register.sources[0]!.at)).not.toBeNaN();
  });

  it('a register that refuses: the check still answers with what it has and says why', async () => {
    const bad = path.join(tmp.dir, 'bad-key.yaml');
    // Its own data directory: the first test's answers are cached for a day in the shared one.
    writeFileSync(bad, `dataDir: ${path.join(tmp.dir, 'other')}\ndemo: false\nregisters:\n  companiesHouse: { url: "${server.url}", apiKey: wrong, allowPrivate: true, limits: { retries: 0 } }\n`);
    const r = await runBonitor(['--config', bad, 'check', '09990001'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Companies House \(UK\)\s+failed: HTTP 401 \(credentials refused\)/);
    expect(r.stderr).not.toContain('wrong');
  });
});
