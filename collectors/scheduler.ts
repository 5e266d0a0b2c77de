import type { SourceConfig } from '../platform/config/sources.js';
import { collectSource, type CollectDeps, type CollectResult } from './collect-source.js';
import { isParked } from './health/update-health.js';
import { defaultTriggerFactory, type Trigger, type TriggerFactory } from './schedule.js';
import { moduleLogger } from '../platform/log.js';

export interface SchedulerOptions {
  sources: SourceConfig[];
  deps: CollectDeps;
  /** Called after every run, e.g. to publish `result.healthEvent`; its failures are logged, not fatal. */
  onResult?: (result: CollectResult) => void | Promise<void>;
  /** Called when a run failed on our side (the health store failing, a bug), not the source's. */
  onRunFailed?: (sourceId: string, err: unknown) => void;
  /** Collect every enabled source once right away (a monitor should not wait half an hour). */
  runOnStart?: boolean;
  /** Tests replace node-cron with a manual trigger. */
  triggers?: TriggerFactory;
}

export interface CollectorScheduler {
  /** Runs a source now, ignoring parking; resolves undefined when it is already running. */
  runNow(sourceId: string): Promise<CollectResult | undefined>;
  /** Source ids with a run in flight. */
  running(): string[];
  /** Stops the timers, aborts fetches in flight and waits for the runs to end. Idempotent. */
  stop(): Promise<void>;
}

/**
 * One timer per enabled source. Every run is isolated: a failing or slow source never
 * delays another, a source still running is not started again, a parked source is skipped
 * until its retry time.
 */
export function startScheduler(options: SchedulerOptions): CollectorScheduler {
  const { deps } = options;
  const log = moduleLogger(deps.log, 'scheduler');
  const abort = new AbortController();
  const inFlight = new Map<string, Promise<CollectResult>>();
  const triggers: Trigger[] = [];
  const byId = new Map(options.sources.filter((s) => s.enabled).map((s) => [s.id, s]));
  let stopped = false;

  const run = (source: SourceConfig, reason: 'scheduled' | 'manual'): Promise<CollectResult | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    if (inFlight.has(source.id)) {
      log.info({ event: 'source_run_skipped', source_id: source.id, reason: 'still_running' }, 'source_run_skipped');
      return Promise.resolve(undefined);
    }
    const p = (async () => {
      if (reason === 'scheduled' && deps.health) {
        const h = await deps.health.getHealth(source.id);
        if (isParked(h, deps.clock.now())) {
          log.debug({ event: 'source_run_skipped', source_id: source.id, reason: 'parked', parked_until: h?.parkedUntil }, 'source_run_skipped');
          return undefined;
        }
      }
      const result = await collectSource(source, { ...deps, signal: abort.signal });
      try {
        await options.onResult?.(result);
      } catch (err) {
        log.error({ event: 'source_result_handler_failed', source_id: source.id, err }, 'source_result_handler_failed');
      }
      return result;
    })().catch((err: unknown) => {
      // collectSource does not throw for source trouble; this is a bug or the health store failing.
      log.error({ event: 'source_run_crashed', source_id: source.id, err }, 'source_run_crashed');
      options.onRunFailed?.(source.id, err);
      return undefined;
    });
    inFlight.set(source.id, p as Promise<CollectResult>);
    void p.finally(() => inFlight.delete(source.id));
    return p;
  };

  const factory = options.triggers ?? defaultTriggerFactory;
  for (const source of byId.values()) {
    triggers.push(factory(source.schedule, () => void run(source, 'scheduled')));
    if (options.runOnStart ?? true) void run(source, 'scheduled');
  }
  log.info({ event: 'scheduler_started', sources: byId.size }, 'scheduler_started');

  return {
    runNow(sourceId) {
      const s = byId.get(sourceId);
      return s ? run(s, 'manual') : Promise.resolve(undefined);
    },
    running: () => [...inFlight.keys()],
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of triggers) t.stop();
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
      log.info({ event: 'scheduler_stopped' }, 'scheduler_stopped');
    },
  };
}
