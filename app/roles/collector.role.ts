import cron from 'node-cron';
import type { SourceConfig } from '../../platform/config/sources.js';
import { collectSource, userAgentFor, type CollectResult, type SourceHealth, type SourceHealthRepo } from '../../collectors/index.js';
import type { SourceHealthStore } from '../../platform/store/port.js';
import type { App } from '../compose.js';
import { publishDocuments } from '../publish.js';
import type { RunningRole } from './pipeline.roles.js';

/** The collectors' health repo on the store (the store keeps it as JSON per source). */
export function sourceHealthRepo(store: SourceHealthStore): SourceHealthRepo {
  return {
    getHealth: async (id) => (await store.getSourceHealth(id)) as SourceHealth | undefined,
    saveHealth: (h) => store.saveSourceHealth({ ...h }),
    listHealth: async () => (await store.listSourceHealth()) as unknown as SourceHealth[],
  };
}

export interface CollectorRole extends RunningRole {
  /** Runs every enabled source once now (sources run concurrently; one failure never stops another). */
  collectAll(): Promise<CollectResult[]>;
}

/** Every source on its own node-cron schedule. */
export async function startCollector(app: App): Promise<CollectorRole> {
  const log = app.log.child({ module: 'collector' });
  const deps = {
    seen: app.store,
    publish: (docs: Parameters<typeof publishDocuments>[1]) => publishDocuments(app.bus, docs),
    clock: app.clock,
    log,
    userAgent: userAgentFor(app.config.contact),
    health: sourceHealthRepo(app.store),
  };
  const inFlight = new Set<Promise<CollectResult>>();
  const run = (source: SourceConfig) => {
    const p = collectSource(source, deps);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };
  const sources = app.config.sources.filter((s) => s.enabled);
  const tasks = sources.map((source) => cron.schedule(source.schedule, () => void run(source), { noOverlap: true, name: `source:${source.id}` }));
  log.info({ sources: sources.length }, 'collector_started');
  return {
    name: 'collector',
    collectAll: () => Promise.all(sources.map(run)),
    idle: async () => void (await Promise.all(inFlight)),
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.all(inFlight);
    },
  };
}
