import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { openApp, type App } from '../../../app/compose.js';
import { applyDemoConfig, seedDemoLedger } from '../../../app/demo/demo.js';
import { buildHttpServer, type HttpDeps } from '../../../app/http/server.js';
import { memoryDocumentSearch, type DocumentSearch } from '../../../app/prospect.js';
import { startCollector } from '../../../app/roles/collector.role.js';
import { startAnalyzer, startScorer } from '../../../app/roles/pipeline.roles.js';
import { importWatchlist } from '../../../app/watchlist.js';
import { createSubscriptionRepo } from '../../../alerts/index.js';
import { loadConfig } from '../../../platform/config/load.js';
import type { AppConfig } from '../../../platform/config/schema.js';
import { silentLogger } from '../../../platform/log.js';
import type { Document } from '../../../platform/schemas/index.js';
import { tempDir } from '../../helpers.js';

export interface DemoApp {
  app: App;
  /** Every document the analyzer stored, searchable for prospect checks. */
  documents: DocumentSearch;
  /** Stores documents that no demo feed has (a prospect's register notice), searchable at once. */
  addDocuments(docs: Document[]): Promise<void>;
  dir: string;
  close(): Promise<void>;
}

/**
 * The bundled demo, in this process, on a temp data dir: collect, analyse and score once,
 * then stop the roles and keep the store open for the HTTP server under test.
 */
export interface DemoOptions {
  configure?: (c: AppConfig) => void;
  /** Score everyone again this many days later (signals fade), so scores have a history and movers. */
  rescoreAfterDays?: number;
}

export async function openDemoApp(env: Record<string, string> = {}, options: DemoOptions = {}): Promise<DemoApp> {
  const tmp = tempDir('bonitor-http-');
  const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'true', ...env } });
  options.configure?.(config);
  let offsetMs = 0;
  const app = await openApp(config, silentLogger, { now: () => new Date(Date.now() + offsetMs) });
  app.config = applyDemoConfig(app.config);
  const docs = new Map<string, Document>();
  const upsert = app.store.upsertDocument.bind(app.store);
  app.store.upsertDocument = async (d) => {
    docs.set(d.id, d);
    return upsert(d);
  };
  const upsertMany = app.store.upsertDocuments.bind(app.store);
  app.store.upsertDocuments = async (list) => {
    for (const d of list) docs.set(d.id, d);
    return upsertMany(list);
  };
  await seedDemoLedger(app);
  await importWatchlist(app, await readFile(app.config.watchlist!, 'utf8'));
  const analyzer = await startAnalyzer(app);
  const scorer = await startScorer(app);
  const collector = await startCollector(app, { runOnStart: false });
  await collector.collectAll();
  await collector.idle();
  await analyzer.idle();
  await scorer.idle();
  if (options.rescoreAfterDays) {
    offsetMs = options.rescoreAfterDays * 86_400_000;
    await app.store.markDirty((await app.store.listCustomers()).map((c) => c.id), app.clock.now());
    await scorer.idle();
  }
  await collector.stop();
  await analyzer.stop();
  await scorer.stop();
  return {
    app,
    documents: memoryDocumentSearch(() => docs.values()),
    async addDocuments(list) {
      for (const d of list) await app.store.upsertDocument(d);
    },
    dir: tmp.dir,
    async close() {
      await app.close();
      tmp.cleanup();
    },
  };
}

/** The server under test with subscription editing plugged in, listening on 127.0.0.1:0. */
export async function startServer(demo: DemoApp, deps: Partial<HttpDeps> = {}): Promise<{ server: FastifyInstance; base: string }> {
  const server = buildHttpServer({
    app: demo.app,
    unsubscribeSecret: 'test-secret-0123456789',
    documents: demo.documents,
    subscriptions: createSubscriptionRepo(demo.app.store.subscriptions, demo.app.config.subscriptions),
    ...deps,
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, base: `http://127.0.0.1:${port}` };
}
