import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerIdsIn } from '../../collectors/registers/register-ids.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseShabXml } from '../../collectors/registers/shab.js';
import { parseGazetteAtom, parseGazetteJson, companyNumbersIn, gazetteToDocument } from '../../collectors/registers/gazette.js';
import { parseEdgarAtom } from '../../collectors/registers/edgar.js';
import { parseChStream, splitJsonObjects } from '../../collectors/registers/companies-house.js';
import { decodeText } from '../../collectors/parse/decode.js';
import { CollectError } from '../../collectors/errors.js';
import { collectSource, createFetcher, MemorySourceHealthRepo } from '../../collectors/index.js';
import { documentSchema } from '../../platform/schemas/index.js';
import { fixedClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/log.js';
import { fixture, MemorySeen, recorder, source } from './helpers.js';
import { startServer, type LocalServer } from './local-server.js';

const text = (...p: string[]) => decodeText(readFileSync(fixture(...p))).text;
const clock = fixedClock('2026-11-22T12:00:00Z');
const deps = () => {
  const rec = recorder();
  return { rec, deps: { seen: new MemorySeen(), publish: rec.publish, clock, log: silentLogger, userAgent: 'Bonitor/test', health: new MemorySourceHealthRepo() } };
};

describe('SHAB / SOGC', () => {
  it('reads an HR02 mutation with rubric, UID and language', () => {
    const n = parseShabXml(text('registers', 'ch_shab_HR02-1006747585_mutation.xml'));
    expect(n).toMatchObject({
      id: 'de8f0150-4c89-4374-8c39-31c6fc9fa661',
      publicationNumber: 'HR02-1006747585',
      rubric: 'HR',
      subRubric: 'HR02',
      language: 'fr',
      publicationDate: '2026-09-03',
      title: 'Mutation Rysaffe Administrateurs Sàrl, Genève',
      uids: ['CHE-114.723.217'],
      flags: [],
      cantons: ['GE'],
    });
    expect(n.text).toContain('La procuration de Scheelbeek Saskia Esther Charlotte est radiée');
    // The register's own company field: the notice's subject, mapped structurally by event extraction.
    expect(n.parties).toEqual([{ role: 'subject', name: 'Rysaffe Administrateurs Sàrl', registerIds: { uid: ['CHE-114.723.217'] } }]);
  });

  it('reads an SB01 debt-enforcement auction in German', () => {
    const n = parseShabXml(text('registers', 'ch_shab_SB01-0000004345_auction.xml'));
    expect(n).toMatchObject({ subRubric: 'SB01', rubric: 'SB', language: 'de', title: 'Betreibungsamtliche Grundstücksteigerung Asha Kumari Jain Cornet' });
    expect(n.text).toContain('Jain Cornet');
    expect(n.text).toContain("Rechtskräftige Betreibungsamtliche Schätzung: CHF 777'000.00");
    expect(n.text).not.toMatch(/<p>|&lt;/);
    expect(n.parties).toEqual([{ role: 'debtor', name: 'Asha Kumari Jain Cornet' }]);
  });

  it('flags bankruptcy / liquidation status changes of an HR mutation', () => {
    const xml = text('registers', 'ch_shab_HR02-1006747585_mutation.xml').replace(
      /(<liquidation>\s*<dissolution>\s*<nonExceptional>)false/,
      '$1true',
    );
    expect(parseShabXml(xml).flags).toEqual(['liquidation.dissolution.nonExceptional']);
  });

  it('a truncated notice is a parse error', () => {
    expect(() => parseShabXml(text('broken', 'truncated_ch_shab_HR02.xml'))).toThrow(CollectError);
  });

  it('collects a publication list, fetching each new notice once, with documents ready for exact linking', async () => {
    const { rec, deps: d } = deps();
    const src = source({ id: 'shab', kind: 'shab', url: fixture('shab-list', 'publications.json') });
    const r = await collectSource(src, d);
    expect(r).toMatchObject({ fetched: 2, published: 2 });
    for (const doc of rec.published) documentSchema.parse(doc);
    const hr = rec.published.find((x) => x.rubric === 'HR02')!;
    expect(hr).toMatchObject({ kind: 'register', registerIds: { uid: ['CHE-114.723.217'] }, language: 'fr', publishedAt: '2026-09-02T22:00:00.000Z' });
    expect(hr.url).toBe('https://www.shab.ch/#!/search/publications/detail/de8f0150-4c89-4374-8c39-31c6fc9fa661');
    expect((await collectSource(src, d)).published).toBe(0);
    const onlySb = source({ id: 'shab-sb', kind: 'shab', url: fixture('shab-list', 'publications.json'), rubrics: ['SB'] });
    expect((await collectSource(onlySb, d)).published).toBe(1);
  });
});

describe('The Gazette (UK)', () => {
  it('reads the Atom and the JSON sample the same way, with the notice code', () => {
    const atom = parseGazetteAtom(text('registers', 'uk_gazette_notice-feed_sample.atom'));
    const json = parseGazetteJson(text('registers', 'uk_gazette_notice-feed_sample.json'));
    expect(atom).toHaveLength(1);
    expect(atom[0]).toMatchObject({
      id: 'https://www.thegazette.co.uk/id/notice/L-60768-1986497',
      noticeCode: '1119',
      title: 'Warrants Under the Royal Sign Manual',
      link: 'https://www.thegazette.co.uk/notice/L-60768-1986497',
      published: new Date('2014-01-30T07:43:53Z'),
    });
    expect(atom[0]!.text).toMatch(/^The Queen has been pleased by Royal Warrants/);
    expect(json[0]).toMatchObject({ id: atom[0]!.id, noticeCode: atom[0]!.noticeCode, link: atom[0]!.link, title: atom[0]!.title });
    expect(json[0]!.text.replace(/\s+/g, ' ')).toBe(atom[0]!.text.replace(/\s+/g, ' '));
  });

  it('finds company numbers in notice text', () => {
    expect(companyNumbersIn('ACME WIDGETS LIMITED (Company Number 01234567) ... Registered No: SC123456 and company number 1234567')).toEqual(['01234567', 'SC123456']);
  });

  it('reads the parties of a petition to wind up from the notice markup: respondent company, petitioner, its solicitor', () => {
    const [n] = parseGazetteAtom(text('registers', 'uk_gazette_notice-feed_petition_2450_constructed.atom'));
    expect(n!.noticeCode).toBe('2450');
    expect(n!.parties).toEqual([
      { role: 'respondent', name: 'NORTHFIELD SHOPFITTING LIMITED', registerIds: { companyNumber: ['09876543'] } },
      { role: 'petitioner', name: "THE COMMISSIONERS FOR HIS MAJESTY'S REVENUE AND CUSTOMS" },
      { role: 'adviser', name: "HMRC SOLICITOR'S OFFICE AND LEGAL SERVICES" },
    ]);
    const doc = gazetteToDocument(n!, 'gazette', new Date('2024-03-28T10:00:00Z'));
    expect(doc).toMatchObject({ rubric: '2450', parties: n!.parties, registerIds: { companyNumber: ['09876543'] } });
  });

  it('reads the parties from the template wording when a notice carries no markup', () => {
    const plain = text('registers', 'uk_gazette_notice-feed_petition_2450_constructed.atom').replace(/ (?:about|property|datatype|content)="[^"]*"/g, '');
    const [n] = parseGazetteAtom(plain);
    expect(n!.parties.map((p) => [p.role, p.name])).toEqual([
      ['respondent', 'NORTHFIELD SHOPFITTING LIMITED'],
      ['petitioner', "THE COMMISSIONERS FOR HIS MAJESTY'S REVENUE AND CUSTOMS"],
    ]);
    // The sample notice of another kind names no parties.
    expect(parseGazetteAtom(text('registers', 'uk_gazette_notice-feed_sample.atom'))[0]!.parties).toEqual([]);
  });

  it('collects a Gazette source as register documents with the notice code as rubric', async () => {
    const { rec, deps: d } = deps();
    await collectSource(source({ id: 'gazette', kind: 'gazette', url: fixture('registers', 'uk_gazette_notice-feed_sample.atom') }), d);
    expect(rec.published[0]).toMatchObject({ kind: 'register', rubric: '1119', language: 'en' });
  });
});

describe('SEC EDGAR', () => {
  it('reads company filings with CIK, form and 8-K items (ISO-8859-1 feed)', () => {
    const filings = parseEdgarAtom(text('registers', 'us_edgar_getcompany_AAPL.atom'));
    expect(filings).toHaveLength(40);
    expect(filings[0]).toMatchObject({
      id: 'urn:tag:sec.gov,2008:accession-number=0001193125-21-054710',
      form: '8-K',
      items: ['5.07'],
      cik: '0000320193',
      companyName: 'Apple Inc.',
      link: 'https://www.sec.gov/Archives/edgar/data/320193/000119312521054710/0001193125-21-054710-index.htm',
      filed: new Date('2021-02-24T21:31:21Z'),
    });
    expect(filings[1]).toMatchObject({ form: 'PX14A6G', items: [] });
  });

  it('reads the latest-filings feed, taking CIK and company from the title', () => {
    for (const f of ['us_edgar_getcurrent_latest-filings.atom', 'us_edgar_getcurrent_100_page1.atom', 'us_edgar_company-search_delhaize.atom']) {
      const filings = parseEdgarAtom(text('registers', f));
      expect(filings.length, f).toBeGreaterThan(0);
      for (const x of filings) expect(x.link, f).toMatch(/^https:\/\/www\.sec\.gov\//);
    }
    const latest = parseEdgarAtom(text('registers', 'us_edgar_getcurrent_latest-filings.atom'));
    expect(latest).toHaveLength(40);
    expect(latest[0]).toMatchObject({ form: '3/A', cik: '0001856705', companyName: 'Brian Armstrong Living Trust' });
  });

  it('turns an 8-K with item 1.03 into a document with rubric 8-K:1.03 and the CIK', async () => {
    const { rec, deps: d } = deps();
    await collectSource(source({ id: 'edgar-aapl', kind: 'edgar', url: fixture('broken', 'us_edgar_getcompany_AAPL_item-1.03.atom') }), d);
    const doc = rec.published.find((x) => x.rubric?.includes('1.03'))!;
    expect(doc).toMatchObject({ rubric: '8-K:1.03,9.01', kind: 'register', registerIds: { cik: ['0000320193'] }, title: 'Apple Inc.: 8-K - Current report' });
    expect(doc.text).toContain('Item 1.03: Bankruptcy or Receivership');
    const only = await collectSource(source({ id: 'edgar-1.03', kind: 'edgar', url: fixture('broken', 'us_edgar_getcompany_AAPL_item-1.03.atom'), rubrics: ['8-K:1.03'] }), d);
    expect(only.published).toBe(1);
  });
});

describe('Companies House streaming', () => {
  it('splits back-to-back JSON objects and keeps an incomplete tail', () => {
    const { objects, rest } = splitJsonObjects('{"a":"}{"}{"b":{"c":1}}\n{"d":');
    expect(objects).toEqual(['{"a":"}{"}', '{"b":{"c":1}}']);
    expect(rest).toBe('\n{"d":');
  });

  it('reads the captured stream (3 company-profile events)', () => {
    const { events, malformed } = parseChStream(text('registers', 'uk_ch_streaming-api_companies_3events.ndjson'));
    expect(malformed).toBe(0);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ resourceKind: 'company-profile', resourceId: '00967252', timepoint: 16998849, type: 'changed' });
    expect(parseChStream(text('broken', 'truncated_uk_ch_stream.ndjson')).events).toHaveLength(2);
  });

  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it('resumes from the last timepoint after a restart, sending the API key', async () => {
    const body = readFileSync(fixture('registers', 'uk_ch_streaming-api_companies_3events.ndjson'));
    const all = parseChStream(body.toString('utf8')).events;
    const lines = body.toString('utf8').split(/\n/).filter(Boolean);
    server = await startServer((rq, res) => {
      const tp = Number(new URL(rq.url!, 'http://x').searchParams.get('timepoint') ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' });
      // Like the real stream: events from the timepoint on, then the connection stays open.
      for (const [i, e] of all.entries()) if (e.timepoint >= tp) res.write(lines[i] + '\n');
    });
    const { rec, deps: d } = deps();
    const fetcher = createFetcher({ userAgent: 'Bonitor/test', log: silentLogger });
    const src = source({ id: 'ch', kind: 'companies-house', url: `${server.url}/companies`, allowPrivate: true, respectRobots: false, apiKey: 'secret-key', limits: { minIntervalMs: 0, retries: 0, totalTimeoutMs: 1500, connectTimeoutMs: 500 } });
    const first = await collectSource(src, { ...d, fetcher });
    expect(first).toMatchObject({ published: 3 });
    expect(server.requests[0]!.path).toBe('/companies');
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('secret-key:').toString('base64')}`);
    const max = Math.max(...all.map((e) => e.timepoint));
    expect((await d.health.getHealth('ch'))?.cursor).toBe(String(max));
    const docs = rec.published;
    expect(docs[0]).toMatchObject({ kind: 'register', registerIds: { companyNumber: ['00967252'] }, rubric: 'company-profile:active' });
    expect(docs[0]!.title).toBe('MIFFLIN CONSTRUCTION LIMITED: company profile changed (active)');

    const second = await collectSource(src, { ...d, fetcher });
    expect(server.requests[1]!.path).toBe(`/companies?timepoint=${max}`);
    expect(second).toMatchObject({ fetched: 1, published: 0 });
  });
});

describe('register identifiers in register feeds', () => {
  it('takes CHE-UID, HRB, company number and CIK from register notices, and the rubric from <category>', async () => {
    expect(registerIdsIn('Schuldner: Alpenblick Metallbau AG, CHE-401.118.534, Winterthur')).toEqual({ uid: ['CHE-401.118.534'] });
    expect(registerIdsIn(text('registers', 'de_handelsregister-bekanntmachung_HRB731772_Ulm_2015.html'))).toMatchObject({ hrb: ['HRB 731772'] });
    expect(registerIdsIn('OAKRIDGE JOINERY LTD (Company Number 10472291)')).toEqual({ companyNumber: ['10472291'] });
    expect(registerIdsIn('Filer: ACME CORP (CIK 320193)')).toEqual({ cik: ['0000320193'] });
    expect(registerIdsIn('no identifiers here')).toBeUndefined();

    const { deps: d, rec } = deps();
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>SHAB</title>
      <item><title>Konkurseröffnung Muster AG</title><link>https://shab.example/KK01-1</link><guid isPermaLink="false">KK01-1</guid><category>KK01</category>
      <description>Schuldner: Muster AG, CHE-123.456.789, Zürich.</description></item></channel></rss>`;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bonitor-reg-')), 'shab.rss');
    writeFileSync(file, xml);
    await collectSource(source({ id: 'shab-rss', url: file, documentKind: 'register' }), d);
    expect(rec.published[0]).toMatchObject({ kind: 'register', rubric: 'KK01', registerIds: { uid: ['CHE-123.456.789'] } });
    await collectSource(source({ id: 'news-rss', url: file }), d);
    expect(rec.published[1]!.registerIds).toBeUndefined();
  });
});
