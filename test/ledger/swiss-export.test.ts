import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../app/cli/command.js';
import { demoRemoveCommand } from '../../app/cli/demo.command.js';
import { ledgerImportCommand } from '../../app/cli/ledger.command.js';
import { openApp, type App } from '../../app/compose.js';
import { applyDemoConfig, demoCustomerIds, seedDemoLedger } from '../../app/demo/demo.js';
import { startScorer } from '../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../app/watchlist.js';
import { loadConfig } from '../../platform/config/load.js';
import { UserError } from '../../platform/errors.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

const FIXTURE = new URL('../fixtures/ledger/ch-op-export-windows1252.csv', import.meta.url).pathname;
const NOW = new Date('2026-04-01T06:00:00Z');

async function run(app: App, command: Command, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  let code: number;
  try {
    code = await command.run(args, { io: { stdin: new PassThrough(), stdout, stderr }, config: app.config, app: async () => app });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    err.push(e.message);
    code = e.exitCode;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * The Swiss export case of issue 13: an OP export from a Swiss accounting package in
 * Windows-1252 with German headers and title rows, imported unchanged through the real CLI
 * command into SQLite on top of the demo, scored by the real scorer role.
 */
describe('a Swiss receivables export, imported unchanged', () => {
  const tmp = tempDir('bonitor-swiss-');
  let app: App;
  let imported: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'true' } });
    app = await openApp(config, silentLogger, { now: () => NOW });
    app.config = applyDemoConfig(app.config);
    await seedDemoLedger(app);
    await importWatchlist(app, await readFile(app.config.watchlist!, 'utf8'));
    // The demo is running (its ledger stored and scored) when the user imports a real export.
    const scorer = await startScorer(app);
    await scorer.idle();
    expect(await app.store.latestAssessment('CH-1001')).toBeDefined();
    imported = await run(app, ledgerImportCommand, [FIXTURE]);
    await scorer.idle();
    await scorer.stop();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    tmp.cleanup();
  });

  it('reads the export as it is and lists every adjustment in the summary', () => {
    expect(imported.code).toBe(0);
    const s = imported.stdout;
    expect(s).toContain('read as: windows-1252, delimiter ";", header on line 4 (2 title rows above skipped), decimal point (from the file)');
    expect(s).toContain('Kundennummer → customer_id');
    expect(s).toContain('Fälligkeit → due_date');
    expect(s).toContain('Skonto % → discount_percent');
    expect(s).toMatch(/1 drafts or cancelled invoices skipped/);
    expect(s).toMatch(/invoices settled with a cash discount/);
    expect(s).toMatch(/6 credit notes \(4 on the invoice they name, 2 netted per customer\)/);
    expect(s).toMatch(/1 invoices on several rows read as partial payments/);
    expect(s).toContain('demo data removed (21 demo customers)');
    expect(s).not.toContain('plausibility warnings');
  });

  it('grades Skonto payers and credit-note customers A or B, overdue, dunned and collection customers D or E', async () => {
    const grade = async (id: string) => (await app.store.latestAssessment(id))?.grade;
    for (const id of ['K-1001', 'K-1002', 'K-1003', 'K-1004']) expect([id, await grade(id)]).toEqual([id, expect.stringMatching(/^[AB]$/)]);
    for (const id of ['K-2001', 'K-2002', 'K-2003']) expect([id, await grade(id)]).toEqual([id, expect.stringMatching(/^[DE]$/)]);
  });

  it('keeps every umlaut and accent of the names', async () => {
    const names = await Promise.all(['K-1001', 'K-1003', 'K-2001', 'K-2003'].map(async (id) => (await app.store.latestAssessment(id))?.name));
    expect(names).toEqual(['Bäckerei Müller AG', 'Gärtnerei Rüegg & Söhne', 'Bauunternehmung Kälin AG', 'Élan Décoration Sàrl']);
  });

  it('dropped the demo portfolio when the first real ledger came, for good', async () => {
    for (const id of await demoCustomerIds()) {
      expect(await app.store.getCustomer(id)).toBeUndefined();
      expect(await app.store.latestAssessment(id)).toBeUndefined();
    }
    expect((await run(app, demoRemoveCommand, [])).stdout).toContain('already removed');
  });

  it('importing the same file again changes nothing', async () => {
    const again = await run(app, ledgerImportCommand, [FIXTURE]);
    expect(again.stdout).toMatch(/0 new or changed imported, 69 unchanged/);
  });
});
