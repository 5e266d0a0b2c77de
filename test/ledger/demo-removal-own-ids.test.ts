import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerImportCommand } from '../../app/cli/ledger.command.js';
import { openApp, type App } from '../../app/compose.js';
import { DEMO_DIR, demoRemoved } from '../../app/demo/demo.js';
import { startScorer } from '../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../app/watchlist.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

/**
 * Found by the fault suite: a data directory that never ran the demo, whose own customers carry
 * the demo's ids (CH-1001 is an ordinary customer number). Its first ledger import "removed the
 * demo" — the customers it had just imported and the rows the scorer had already stored.
 */
describe('the first ledger import of an installation that never ran the demo', () => {
  const tmp = tempDir('bonitor-own-ids-');
  let app: App;
  let stdout = '';
  const rows = ['customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount'];
  for (let i = 0; i < 12; i++) rows.push(`CH-100${1 + (i % 3)},Kunde ${i % 3},R-${i},2026-01-0${1 + (i % 9)},2026-02-0${1 + (i % 9)},${1000 + i},CHF,,`);

  beforeAll(async () => {
    const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } });
    app = await openApp(config, silentLogger, { now: () => new Date('2026-04-01T06:00:00Z') });
    // The user's own watchlist, with the ids the bundled demo happens to use too.
    await importWatchlist(app, await readFile(path.join(DEMO_DIR, 'watchlist.csv'), 'utf8'));
    const file = path.join(tmp.dir, 'ledger.csv');
    await writeFile(file, `${rows.join('\n')}\n`);
    const scorer = await startScorer(app);
    const out = new PassThrough();
    out.on('data', (d) => (stdout += String(d)));
    const code = await ledgerImportCommand.run([file], { io: { stdin: new PassThrough(), stdout: out, stderr: new PassThrough() }, config: app.config, app: async () => app });
    expect(code).toBe(0);
    await scorer.idle();
    await scorer.stop();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    tmp.cleanup();
  });

  it('keeps the customers and every imported row', async () => {
    expect(stdout).not.toContain('demo data removed');
    for (const id of ['CH-1001', 'CH-1002', 'CH-1003']) {
      expect(await app.store.getCustomer(id)).toBeDefined();
      expect((await app.store.ledgerForCustomer(id)).length).toBe(4);
    }
  });

  it('still marks the demo as removed, so that it is never loaded later', async () => {
    expect(await demoRemoved(app)).toBe(true);
  });
});
