import { sourceHealthRepoOn, startScheduler, userAgentFor, type CollectorScheduler, type CollectResult } from '../../collectors/index.js';
import type { App } from '../compose.js';
import { publishAll } from '../publish.js';
import { TOPICS } from '../../platform/schemas/index.js';
import { REFRESH_TICK_MS, registerRefresher } from '../register-refresh.js';
import { registerServices } from '../registers.js';
import { withWatchSources } from '../watch-sources.js';
import type { SourceConfig } from '../../platform/config/sources.js';
import { startStandalone, type RoleDefinition, type RunningRole } from '../supervision/role.js';
import type { LoopControl } from '../supervision/supervisor.js';
import { moduleLogger } from '../../platform/log.js';

/** How often the collector re-derives the watch sources from the watchlist. */
const REWATCH_MS = 5 * 60_000;

export interface CollectorRole extends RunningRole {
  /** Runs every enabled source once now and resolves with the results (one failure never stops another). */
  collectAll(): Promise<CollectResult[]>;
  /** Refreshes the register facts of customers that are due (new on the watchlist, or stale) now. */
  refreshRegisters(): Promise<number>;
}

export interface CollectorDefinition extends RoleDefinition {
  collectAll(): Promise<CollectResult[]>;
  refreshRegisters(): Promise<number>;
}

/**
 * Every source on its own schedule (cron or interval), parked sources skipped until their
 * retry time. With `runOnStart`, each source is collected once at start. The sources are the
 * configured ones plus those derived from the watchlist, re-derived when the watchlist changes.
 * A source's own trouble is its health; a run that fails on our side (bus or store down) is
 * reported to the supervisor, so a collector that cannot store anything does not look healthy.
 */
export function collectorRole(app: App, options: { runOnStart?: boolean } = {}): CollectorDefinition {
  const log = moduleLogger(app.log, 'collector');
  const currentSources = async () => withWatchSources(app.config, await app.store.listCustomers()).config.sources.filter((s) => s.enabled);
  const fingerprint = (list: SourceConfig[]) => list.map((s) => `${s.id} ${s.url}`).sort().join('\n');
  const registers = registerRefresher(app, registerServices(app));
  let sources: SourceConfig[] = [];
  let scheduler: CollectorScheduler | undefined;
  let control: LoopControl | undefined;
  let runOnStart = options.runOnStart ?? true;
  const startWith = (list: SourceConfig[], runNow: boolean) =>
    startScheduler({
      sources: list,
      runOnStart: runNow,
      onResult: (result) => (result.error?.kind === 'internal' ? control?.failed(new Error(result.error.message)) : control?.ok()),
      onRunFailed: (_sourceId, err) => control?.failed(err),
      deps: {
        seen: app.store,
        publish: (docs) => publishAll(app.bus, TOPICS.documents, docs),
        clock: app.clock,
        log,
        userAgent: userAgentFor(app.config.contact),
        health: sourceHealthRepoOn(app.store),
        publishHealth: (events) => publishAll(app.bus, TOPICS.sourceHealth, events),
      },
    });
  return {
    name: 'collector',
    services: [
      {
        name: 'collector.scheduler',
        stage: 'collector',
        async start(c) {
          control = c;
          sources = await currentSources();
          scheduler = startWith(sources, runOnStart);
          runOnStart = true; // a restarted scheduler catches up at once
          return { stop: async () => scheduler?.stop(), ended: new Promise(() => undefined) };
        },
      },
    ],
    ticks: [
      // Customers new on the watchlist get their register facts right away (a tick's first round runs at once).
      { name: 'collector.registers', stage: 'collector', everyMs: REFRESH_TICK_MS, tick: async () => (await registers.runOnce(), false) },
      {
        name: 'collector.watch-sources',
        stage: 'collector',
        everyMs: REWATCH_MS,
        async tick() {
          if (!app.config.watching.enabled || !scheduler) return false;
          const next = await currentSources();
          if (fingerprint(next) === fingerprint(sources)) return false;
          const old = scheduler;
          scheduler = undefined;
          await old.stop();
          sources = next;
          scheduler = startWith(sources, true);
          log.info({ event: 'watch_sources_changed', sources: sources.length }, 'watch_sources_changed');
          return false;
        },
      },
    ],
    async collectAll() {
      const results = await Promise.all(sources.map((s) => scheduler?.runNow(s.id)));
      registers.runOnce().catch(() => undefined);
      return results.filter((r): r is CollectResult => r !== undefined);
    },
    refreshRegisters: () => registers.runOnce(),
    async idle() {
      while ((scheduler?.running().length ?? 0) > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** The collector under a supervisor of its own (tests, benchmarks). */
export async function startCollector(app: App, options: { runOnStart?: boolean } = {}): Promise<CollectorRole> {
  const role = collectorRole(app, options);
  const running = await startStandalone(app, role);
  return { ...running, collectAll: () => role.collectAll(), refreshRegisters: () => role.refreshRegisters() };
}
