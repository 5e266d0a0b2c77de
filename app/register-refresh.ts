import { dueCustomers, refreshRegisterFacts } from '../collectors/registers/lookup/refresh-facts.js';
import type { App } from './compose.js';
import { publishAll } from './publish.js';
import { TOPICS } from '../platform/schemas/index.js';
import type { RegisterServices } from './registers.js';
import { moduleLogger } from '../platform/log.js';

/** How often the collector looks for customers whose register facts are due. */
export const REFRESH_TICK_MS = 5 * 60_000;

export interface RegisterRefresh {
  /** One round now: refreshes up to refreshBatch due customers; resolves when done. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * One refresh round at a time: customers never refreshed (new on the watchlist) or refreshed
 * longer than refreshHours ago, a batch per round. A failing round rejects (the collector's
 * supervisor counts it and backs off).
 */
export function registerRefresher(app: App, registers: RegisterServices): { runOnce(): Promise<number> } {
  const log = moduleLogger(app.log, 'register-refresh');
  const cfg = app.config.registers;
  let busy: Promise<unknown> = Promise.resolve();
  const round = async (): Promise<number> => {
    if (!registers.active) return 0;
    const [customers, refreshes] = await Promise.all([app.store.listCustomers(), app.store.registers.refreshes()]);
    const due = dueCustomers(customers, refreshes, app.clock.now(), cfg.refreshHours * 3_600_000, cfg.refreshBatch);
    if (due.length === 0) return 0;
    const result = await refreshRegisterFacts(
      { lookup: registers.lookup, registers: app.store.registers, queue: app.store, publish: (docs) => publishAll(app.bus, TOPICS.documents, docs), now: () => app.clock.now(), log },
      due,
    );
    log.info({ event: 'register_refresh_round', ...result }, 'register_refresh_round');
    return result.refreshed;
  };
  return {
    runOnce() {
      const next = busy.then(round);
      busy = next.catch(() => undefined);
      return next;
    },
  };
}

/** Keeps every customer's register facts current on its own timer (without a supervisor). */
export function startRegisterRefresh(app: App, registers: RegisterServices, options: { tickMs?: number } = {}): RegisterRefresh {
  const log = moduleLogger(app.log, 'register-refresh');
  const refresher = registerRefresher(app, registers);
  let stopped = false;
  let busy: Promise<number> = Promise.resolve(0);
  const runOnce = () => {
    if (stopped) return Promise.resolve(0);
    busy = refresher.runOnce().catch((err) => {
      log.error({ err }, 'register_refresh_failed');
      return 0;
    });
    return busy;
  };
  const timer = setInterval(() => void runOnce(), options.tickMs ?? REFRESH_TICK_MS);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
