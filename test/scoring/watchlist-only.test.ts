import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescoreQueued } from '../../analysis/scorer.consumer.js';
import { openApp, type App } from '../../app/compose.js';
import { scorerDeps } from '../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../app/watchlist.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

// Customers on the watchlist with no invoice at all, through the real SQLite store and the scorer.
const WATCHLIST = `customer_id,name,aliases,register_ids,country,industry,tags
bau,Muster Bau AG,,,CH,41.20,new
laden,Laden GmbH,,,DE,47.11,new
`;

describe('every watchlist customer is assessed, invoices or not', () => {
  const tmp = tempDir('bonitor-watchlist-only-');
  let app: App;
  beforeAll(async () => {
    const file = path.join(tmp.dir, 'bonitor.yaml');
    writeFileSync(file, 'demo: false\n');
    const { config } = loadConfig({ configPath: file, env: { BONITOR_DATA_DIR: path.join(tmp.dir, 'data') }, cwd: tmp.dir });
    app = await openApp(config, silentLogger);
  });
  afterAll(async () => {
    await app?.close();
    tmp.cleanup();
  });

  it('scores them from public data and the documented prior, and the factors say so', async () => {
    await importWatchlist(app, WATCHLIST);
    const round = await rescoreQueued(scorerDeps(app));
    expect(round.ids.sort()).toEqual(['bau', 'laden']);
    const bau = (await app.store.latestAssessment('bau'))!;
    const laden = (await app.store.latestAssessment('laden'))!;
    for (const a of [bau, laden]) {
      expect(a.grade).toBe('B');
      expect(a.factors.find((f) => f.name === 'no_payment_history')!.description).toMatch(/No invoices yet: scored from public data/);
      expect(a.terms.kind).toBe('open_account');
    }
    // Construction fails about 1.5 times as often as the average (Destatis): it starts higher than retail.
    expect(bau.pd).toBeGreaterThan(laden.pd * 1.4);
    expect(bau.factors.map((f) => f.name)).toContain('industry_base_rate');
    expect(laden.factors.map((f) => f.name)).not.toContain('industry_base_rate');
  });
});
