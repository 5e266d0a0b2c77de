import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchlistImportCommand } from '../../app/cli/watchlist.command.js';
import { openApp, type App } from '../../app/compose.js';
import { isValidCheUid, parseWatchlistCsv } from '../../analysis/linking/index.js';
import { loadConfig } from '../../platform/config/load.js';
import { UserError } from '../../platform/errors.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('bonitor-watchlist-');
let app: App;
beforeAll(async () => {
  app = await openApp(loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } }).config, silentLogger);
});
afterAll(async () => {
  await app.close();
  tmp.cleanup();
});

let n = 0;
async function importFile(content: Buffer | string, ...flags: string[]) {
  const file = path.join(tmp.dir, `w${n++}.csv`);
  writeFileSync(file, content);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  let code: number;
  try {
    code = await watchlistImportCommand.run([file, ...flags], { io: { stdin: new PassThrough(), stdout, stderr }, config: app.config, app: async () => app });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    code = e.exitCode;
    err.push(e.message);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('CHE-UID check digits and country names', () => {
  it('accepts real UIDs and rejects a wrong check digit', () => {
    expect(isValidCheUid('CHE-105.829.940')).toBe(true); // Migros-Genossenschafts-Bund
    expect(isValidCheUid('CHE105829940 MWST')).toBe(true);
    expect(isValidCheUid('CHE-105.829.941')).toBe(false);
    expect(isValidCheUid('CHE-105.829')).toBe(false);
  });

  it('maps country names in four languages to ISO codes and reports what is none', () => {
    const csv = 'Kundennummer;Firma;Land;UID\nk1;A AG;Schweiz;CHE-105.829.940\nk2;B SA;Suisse;\nk3;C GmbH;Deutschland;\nk4;D Ltd;United Kingdom;\nk5;E SpA;Italia;\nk6;F AG;Atlantis;CHE-105.829.941\n';
    const { customers, errors } = parseWatchlistCsv(csv);
    expect(customers.map((c) => c.country)).toEqual(['CH', 'CH', 'DE', 'GB', 'IT', '']);
    expect(customers[0]!.registerIds).toEqual(['CHE-105.829.940']);
    expect(customers[5]!.registerIds).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([7, 7]);
    expect(errors.map((e) => e.reason).join(' ')).toMatch(/not a valid CHE-UID.*Atlantis|Atlantis.*not a valid CHE-UID/);
  });
});

describe('bonitor watchlist import', () => {
  it('reads a Windows-1252 file with German headers', async () => {
    const r = await importFile(Buffer.from('Kundennummer;Firma;Aliase;UID;Land;Branche\r\nK1;Bäckerei Müller AG;Müller Beck;CHE-105.829.940;Schweiz;10\r\nK2;Zürcher Hof AG;;;CH;56\r\n', 'latin1'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(windows-1252): 2 customers: 2 added');
    expect(await app.store.getCustomer('K1')).toMatchObject({ name: 'Bäckerei Müller AG', aliases: ['Müller Beck'], registerIds: ['CHE-105.829.940'], country: 'CH' });
  });

  it('merges a partial re-import: register ids and aliases stored earlier survive', async () => {
    const r = await importFile('customer_id,name,industry\nK1,Bäckerei Müller AG,10.71\nK3,Neu AG,\n');
    expect(r.stdout).toMatch(/1 added, 1 changed, 0 unchanged/);
    expect(r.stdout).toContain('~ K1: industry');
    expect(await app.store.getCustomer('K1')).toMatchObject({ aliases: ['Müller Beck'], registerIds: ['CHE-105.829.940'], industry: '10.71' });
    expect(await app.store.getCustomer('K2')).toBeDefined();
  });

  it('--dry-run says what would change and changes nothing', async () => {
    const r = await importFile('customer_id,name\nK9,Noch Nicht AG\nK1,Bäckerei Müller AG\n', '--replace', '--dry-run');
    expect(r.stdout).toContain('1 would be added');
    expect(r.stdout).toMatch(/2 would be removed from the watchlist/);
    expect(r.stdout).toContain('dry run: nothing stored');
    expect(await app.store.getCustomer('K9')).toBeUndefined();
    expect(await app.store.getCustomer('K2')).toBeDefined();
  });

  it('--replace makes the file the whole watchlist', async () => {
    const r = await importFile('customer_id,name\nK1,Bäckerei Müller AG\n', '--replace');
    expect(r.stdout).toMatch(/2 removed from the watchlist/);
    expect((await app.store.listCustomers()).map((c) => c.id)).toEqual(['K1']);
    expect((await app.store.getCustomer('K1'))!.registerIds).toEqual([]);
  });
});
