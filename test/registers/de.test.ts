import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/index.js';
import { deEntry } from '../../collectors/registers/lookup/de-register.lookup.js';
import { parseDeAnnouncement } from '../../collectors/registers/lookup/de-announcement.parse.js';
import { lookupCompany } from '../../collectors/registers/lookup/lookup-company.js';
import { buildRegisterSet } from '../../collectors/registers/lookup/registry.js';
import { computeRegisterFeatures, registerFactsFrom } from '../../analysis/scoring/index.js';
import { registersSchema } from '../../platform/config/registers.js';
import { silentLogger } from '../../platform/log.js';
import { parseRegisterId } from '../../platform/registers/register-id.js';
import { registerFixture as fx, startRegisterServer } from './register-server.js';

const NOW = new Date('2016-01-15T10:00:00Z');
const PAGE = 'de_handelsregister-bekanntmachung_HRB731772_Ulm_2015.html';

describe('German register announcements', () => {
  it('reads a real RegisSTAR announcement: court, file number, kind, name, legal form, capital, founding', () => {
    const a = parseDeAnnouncement(fx(PAGE));
    expect(a).toMatchObject({ court: 'Ulm', fileNumber: 'HRB 731772', publishedOn: '2015-02-16', kind: 'Neueintragungen' });
    const e = deEntry(a, 'https://example.test/ulm/HRB731772', NOW);
    expect(e).toMatchObject({
      register: 'de-register',
      registerId: 'HRB 731772 Ulm',
      name: 'Reiter-Dienstleistungs UG (haftungsbechränkt)',
      legalForm: 'UG (haftungsbechränkt)',
      seat: 'Bopfingen',
      capital: { amount: 1000, currency: 'EUR' },
      foundedOn: '2015-02-10',
      status: 'active',
    });
    // A one-year-old UG with EUR 1,000 capital: every register feature counts against it.
    const f = computeRegisterFeatures(registerFactsFrom([e]), NOW)!;
    expect(f).toMatchObject({ companyAge: 1, legalForm: 1, lowCapital: 1 });
  });

  it('a deletion or an opened insolvency in the announcement sets the status', () => {
    const a = parseDeAnnouncement(fx(PAGE));
    expect(deEntry({ ...a, kind: 'Löschungen' }, 'u', NOW).status).toBe('dissolved');
    expect(deEntry({ ...a, kind: 'Veränderungen', text: `${a.text} Über das Vermögen der Gesellschaft ist am 01.03.2016 das Insolvenzverfahren eröffnet. Die Gesellschaft ist aufgelöst.` }, 'u', NOW).status).toBe('insolvent');
    expect(() => parseDeAnnouncement('<html><body>Wartungsarbeiten</body></html>')).toThrow(/no "Amtsgericht/);
  });

  describe('through the configured announcement URL', () => {
    let server: Awaited<ReturnType<typeof startRegisterServer>>;
    beforeAll(async () => {
      server = await startRegisterServer({ '/Ulm/HRB%20731772': { body: fx(PAGE), type: 'text/html; charset=utf-8' } });
    });
    afterAll(() => server?.close());

    it('answers by HRB and court; the insolvency portal is named as not asked, with the reason', async () => {
      const config = registersSchema.parse({ de: { announcementUrl: `${server.url}/{court}/{number}`, allowPrivate: true, respectRobots: false, limits: { minIntervalMs: 0, retries: 0 } } });
      const set = buildRegisterSet(config, createFetcher({ userAgent: 'Bonitor/test', log: silentLogger }), () => NOW, 'credit@example.com');
      const r = await lookupCompany({ ...set, cacheMs: 0, timeoutMs: 3000, now: () => NOW, log: silentLogger }, { ids: parseRegisterId('HRB 731772 Ulm') });
      expect(r.entries.map((e) => e.registerId)).toEqual(['HRB 731772 Ulm']);
      expect(r.sources.find((s) => s.register === 'de-register')!.outcome).toBe('found');
      expect(r.sources.find((s) => s.register === 'de-insolvency')!.detail).toMatch(/^not asked: by design: .*InsBekV/);
      const unknown = await lookupCompany({ ...set, cacheMs: 0, timeoutMs: 3000, now: () => NOW, log: silentLogger }, { ids: parseRegisterId('HRB 1 Ulm') });
      expect(unknown.sources.find((s) => s.register === 'de-register')!.detail).toBe('not found: no company with German register number HRB 1');
    });

    it('refuses a private announcement URL unless allowPrivate is set, at configuration time', () => {
      expect(() => registersSchema.parse({ de: { announcementUrl: `${server.url}/{court}/{number}` } })).toThrow(/allowPrivate/);
    });
  });
});
