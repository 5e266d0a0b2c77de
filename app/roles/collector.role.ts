import { sourceHealthRepoOn, startScheduler, userAgentFor, type CollectResult } from '../../collectors/index.js';
import type { App } from '../compose.js';
import { publishAll } from '../publish.js';
import { TOPICS } from '../../platform/schemas/index.js';
import type { RunningRole } from './pipeline.roles.js';
import { startRegisterRefresh } from '../register-refresh.js';
import { registerServices } from '../registers.js';
import { withWatchSources } from '../watch-sources.js';
import type { SourceConfig } from '../../platform/config/sources.js';

/** How often the collector re-derives the watch sources from the watchlist. */
const REWATCH_MS = 5 * 60_000;

export interface CollectorRole extends RunningRole {
  /** Runs every enabled source once now and resolves with the results (one failure never stops another). */
  collectAll(): Promise<CollectResult[]>;
  /** Refreshes the register facts of customers that are due (new on the watchlist, or stale) now. */
  refreshRegisters(): Promise<number>;
}

/**
 * Every source on its own schedule (cron or interval), parked sources skipped until their
 * retry time. With `runOnStart`, each source is collected once at start.
 */
export async function startCollector(app: App, options: { runOnStart?: boolean } = {}): Promise<CollectorRole> {
  const log = app.log.child({ module: 'collector' });
  // Configured sources plus those derived from the watchlist; re-derived when the watchlist changes.
  const currentSources = async () => withWatchSources(app.config, await app.store.listCustomers()).config.sources.filter((s) => s.enabled);
  const start = (sources: SourceConfig[], runOnStart: boolean) =>
    startScheduler({
      sources,
      runOnStart,
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
  let sources = await currentSources();
  let scheduler = start(sources, options.runOnStart ?? true);
  const fingerprint = (list: SourceConfig[]) => list.map((s) => `${s.id} ${s.url}`).sort().join('\n');
  let watching = Promise.resolve();
  const rewatch = () =>
    (watching = watching.then(async () => {
      if (!app.config.watching.enabled) return;
      const next = await currentSources();
      if (fingerprint(next) === fingerprint(sources)) return;
      await scheduler.stop();
      sources = next;
      scheduler = start(sources, true);
      log.info({ event: 'watch_sources_changed', sources: sources.length }, 'watch_sources_changed');
    }).catch((err) => log.error({ err }, 'watch_sources_failed')));
  const rewatchTimer = setInterval(() => void rewatch(), REWATCH_MS);
  rewatchTimer.unref();
  const registers = startRegisterRefresh(app, registerServices(app));
  // Customers new on the watchlist get their register facts right away, not at the next round.
  void registers.runOnce();
  return {
    name: 'collector',
    async collectAll() {
      const results = await Promise.all(sources.map((s) => scheduler.runNow(s.id)));
      registers.runOnce().catch(() => undefined);
      return results.filter((r): r is CollectResult => r !== undefined);
    },
    refreshRegisters: () => registers.runOnce(),
    async idle() {
      while (scheduler.running().length > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      clearInterval(rewatchTimer);
      await watching;
      await registers.stop();
      await scheduler.stop();
    },
  };
}
