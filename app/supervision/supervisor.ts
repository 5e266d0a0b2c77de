import { type Logger, moduleLogger } from '../../platform/log.js';
import { errorMessage } from '../../platform/errors.js';
import { backoffMs, type BackoffPolicy } from '../../platform/backoff.js';

/** The process roles, plus `upkeep`: the process's own heartbeat and the embedded log's retention. */
export const STAGES = ['collector', 'analyzer', 'scorer', 'alerter', 'api', 'upkeep'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * starting: being (re)started; running: working; failing: alive, but its last round failed;
 * restarting: it ended or could not start, and waits for its backoff; stopped: shut down.
 */
export type LoopState = 'starting' | 'running' | 'failing' | 'restarting' | 'stopped';

export interface LoopStatus {
  name: string;
  stage: Stage;
  state: LoopState;
  /** Failures since the loop last worked; the process gives up at `maxFailures`. */
  consecutiveFailures: number;
  restarts: number;
  /** Messages or items handled since start (consumers report them). */
  handled: number;
  lastError?: string;
  lastErrorAt?: string;
  lastOkAt?: string;
  lastProgressAt?: string;
  /** When a restarting loop tries again. */
  nextAttemptAt?: string;
}

/** What a loop tells its supervisor while it lives. */
export interface LoopControl {
  /** A round worked: the failure count starts over. */
  ok(): void;
  /** A round failed but the loop goes on (its own schedule retries). */
  failed(err: unknown): void;
  /** `count` messages were handled (consumer progress, for lag without progress). */
  progress(count: number): void;
}

/** A started loop: it may end by itself (`ended` resolves with the reason), or be stopped. */
export interface RunningLoop {
  stop(): Promise<void>;
  ended: Promise<Error | undefined>;
}

export interface ServiceSpec {
  name: string;
  stage: Stage;
  start(control: LoopControl): Promise<RunningLoop>;
  /** A failure of the very first start ends the process at once (a port in use cannot heal). */
  failFast?: boolean;
}

export interface TickSpec {
  name: string;
  stage: Stage;
  /** One round; resolves true when there is more to do right away. */
  tick(control: LoopControl): Promise<boolean>;
  everyMs: number;
}

export interface SupervisorOptions {
  log: Logger;
  backoff: BackoffPolicy;
  /** Consecutive failures of one loop after which the process gives up (exit non-zero). */
  maxFailures: number;
  /** A restarted loop that runs this long without failing counts as healthy again. */
  stableMs?: number;
  /** Called once when a loop reached maxFailures. */
  onGiveUp(loop: LoopStatus, err: Error): void;
  now?: () => number;
  random?: () => number;
}

export interface Supervisor {
  /** Starts a service; resolves once it runs (or, for failFast, rejects when the first start fails). */
  service(spec: ServiceSpec): Promise<void>;
  /** Starts a tick loop; its first round runs at once. */
  tick(spec: TickSpec): void;
  status(): LoopStatus[];
  /** Stops every loop (in reverse start order); idempotent. */
  stop(): Promise<void>;
}

/**
 * The one owner of every long-running loop of a process (Erlang's one-for-one supervisor, in
 * small): a loop that ends or cannot start is restarted with capped, jittered backoff; a loop
 * that keeps failing makes the process give up, so a service manager restarts it instead of
 * leaving a process that looks alive and does nothing. Every state change is logged and kept
 * for /health.
 */
export function createSupervisor(options: SupervisorOptions): Supervisor {
  const now = options.now ?? Date.now;
  const log = moduleLogger(options.log, 'supervisor');
  const stableMs = options.stableMs ?? 60_000;
  interface Entry {
    status: LoopStatus;
    stop(): Promise<void>;
    done?: Promise<void>;
  }
  const loops: Entry[] = [];
  const wakers = new Set<() => void>();
  let stopping = false;
  let gaveUp = false;
  let markStopping!: () => void;
  /** Resolves when stop() begins: a service that never ends by itself is not waited on. */
  const stopBegun = new Promise<undefined>((resolve) => (markStopping = () => resolve(undefined)));

  const iso = (t = now()) => new Date(t).toISOString();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  function track(name: string, stage: Stage): LoopStatus {
    return { name, stage, state: 'starting', consecutiveFailures: 0, restarts: 0, handled: 0 };
  }

  function controlFor(status: LoopStatus): LoopControl {
    return {
      ok() {
        if (status.consecutiveFailures > 0 || status.state === 'failing') log.info({ loop: status.name, stage: status.stage }, 'loop_recovered');
        status.consecutiveFailures = 0;
        status.lastOkAt = iso();
        if (status.state === 'failing' || status.state === 'starting') status.state = 'running';
      },
      failed(err) {
        if (stopping) return;
        status.state = 'failing';
        recordFailure(status, asError(err), undefined);
      },
      progress(count) {
        status.handled += count;
        status.lastProgressAt = iso();
        this.ok();
      },
    };
  }

  /** Counts a failure; returns the backoff before the next attempt, or undefined when giving up. */
  function recordFailure(status: LoopStatus, err: Error, retryInMs: number | undefined): void {
    status.consecutiveFailures++;
    status.lastError = errorMessage(err).split('\n')[0]!.slice(0, 500);
    status.lastErrorAt = iso();
    status.nextAttemptAt = retryInMs === undefined ? undefined : iso(now() + retryInMs);
    const fields = { loop: status.name, stage: status.stage, consecutive_failures: status.consecutiveFailures, max_failures: options.maxFailures, retry_in_ms: retryInMs, reason: status.lastError };
    if (status.consecutiveFailures >= options.maxFailures && !gaveUp) {
      gaveUp = true;
      log.fatal(fields, 'loop_gave_up');
      options.onGiveUp({ ...status }, err);
      return;
    }
    log.error(fields, 'loop_failed');
  }

  const delayFor = (status: LoopStatus) => backoffMs(status.consecutiveFailures + 1, options.backoff, options.random);

  async function superviseService(spec: ServiceSpec, entry: Entry, first: { resolve(): void; reject(err: Error): void }): Promise<void> {
    const { status } = entry;
    let current: RunningLoop | undefined;
    let isFirst = true;
    entry.stop = async () => void (await current?.stop());
    while (!stopping) {
      status.state = 'starting';
      try {
        current = await spec.start(controlFor(status));
      } catch (err) {
        if (isFirst && spec.failFast) {
          status.state = 'stopped';
          return first.reject(asError(err));
        }
        const wait = delayFor(status);
        status.state = 'restarting';
        recordFailure(status, asError(err), wait);
        isFirst = false;
        first.resolve();
        await sleep(wait);
        status.restarts++;
        continue;
      }
      if (stopping) {
        await current.stop();
        break;
      }
      status.state = 'running';
      status.nextAttemptAt = undefined;
      isFirst = false;
      first.resolve();
      const startedAt = now();
      const stable = setTimeout(() => status.state === 'running' && controlFor(status).ok(), stableMs);
      stable.unref();
      const reason = await Promise.race([current.ended, stopBegun]);
      clearTimeout(stable);
      if (stopping) break;
      if (now() - startedAt >= stableMs) status.consecutiveFailures = 0;
      const wait = delayFor(status);
      status.state = 'restarting';
      recordFailure(status, reason ?? new Error(`${spec.name} stopped by itself`), wait);
      await current.stop().catch(() => undefined);
      current = undefined;
      await sleep(wait);
      status.restarts++;
    }
    status.state = 'stopped';
  }

  async function superviseTick(spec: TickSpec, entry: Entry): Promise<void> {
    const { status } = entry;
    const control = controlFor(status);
    let inFlight: Promise<unknown> = Promise.resolve();
    entry.stop = async () => void (await inFlight);
    status.state = 'running';
    while (!stopping) {
      let wait = spec.everyMs;
      try {
        const round = spec.tick(control);
        inFlight = round.catch(() => undefined);
        const more = await round;
        control.ok();
        if (more) wait = 0;
      } catch (err) {
        if (stopping) break;
        wait = delayFor(status);
        status.state = 'failing';
        recordFailure(status, asError(err), wait);
      }
      if (wait > 0) await sleep(wait);
      else await new Promise((r) => setImmediate(r));
    }
    status.state = 'stopped';
  }

  return {
    service(spec) {
      return new Promise<void>((resolve, reject) => {
        if (stopping) return resolve();
        const entry: Entry = { status: track(spec.name, spec.stage), stop: async () => undefined };
        loops.push(entry);
        entry.done = superviseService(spec, entry, { resolve, reject });
      });
    },
    tick(spec) {
      if (stopping) return;
      const entry: Entry = { status: track(spec.name, spec.stage), stop: async () => undefined };
      loops.push(entry);
      entry.done = superviseTick(spec, entry);
    },
    status: () => loops.map((l) => ({ ...l.status })),
    async stop() {
      if (stopping) return;
      stopping = true;
      markStopping();
      for (const wake of [...wakers]) wake();
      for (const loop of [...loops].reverse()) {
        try {
          await loop.stop();
          await loop.done;
        } catch (err) {
          log.warn({ loop: loop.status.name, reason: errorMessage(err) }, 'loop_stop_failed');
        }
        loop.status.state = 'stopped';
      }
    },
  };
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
