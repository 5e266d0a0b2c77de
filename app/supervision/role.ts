import type { App } from '../compose.js';
import type { BatchHandler, Consumer, SubscribeOptions } from '../../platform/bus/port.js';
import { backoffMs, type BackoffPolicy } from '../../platform/backoff.js';
import { isDependencyFailure } from '../../platform/errors.js';
import { createSupervisor, type LoopControl, type RunningLoop, type ServiceSpec, type Supervisor, type TickSpec } from './supervisor.js';

/** A role as loops for a supervisor: services (consumers, schedulers, the server) and ticks. */
export interface RoleDefinition {
  name: string;
  services: ServiceSpec[];
  ticks: TickSpec[];
  /** Resolves when the role has nothing left to do for what is currently on the bus. */
  idle(): Promise<void>;
}

/** What `start` and the tests hold of a running role. */
export interface RunningRole {
  name: string;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Hands a role's loops to the process's supervisor. */
export async function superviseRole(supervisor: Supervisor, role: RoleDefinition): Promise<RunningRole> {
  for (const spec of role.services) await supervisor.service(spec);
  for (const spec of role.ticks) supervisor.tick(spec);
  return { name: role.name, idle: () => role.idle(), stop: async () => undefined };
}

/**
 * A role under a supervisor of its own (tests, benchmarks, one-shot commands): restarted the same
 * way, but giving up only logs, since there is no process to end.
 */
export async function startStandalone(app: App, role: RoleDefinition): Promise<RunningRole> {
  const { supervisor: s } = app.config;
  const supervisor = createSupervisor({
    log: app.log,
    backoff: { baseMs: s.backoffBaseMs, maxMs: s.backoffMaxMs },
    maxFailures: Number.POSITIVE_INFINITY,
    onGiveUp: () => undefined,
  });
  await superviseRole(supervisor, role);
  return { name: role.name, idle: () => role.idle(), stop: () => supervisor.stop() };
}

/**
 * A consumer group as a supervised service: every finished batch counts as progress; the
 * consumer ending by itself (its loop failed) ends the service, which the supervisor restarts;
 * a batch that fails because a dependency is unavailable (see isDependencyFailure) is tried
 * again in place with backoff — reported to the supervisor, never charged to the messages.
 */
export function consumerService<T>(
  app: App,
  spec: {
    name: string;
    stage: ServiceSpec['stage'];
    subscribe: Omit<SubscribeOptions<T>, 'handler'>;
    /** The step; or `open`, when it needs resources made per start (a mailer) and closed on stop. */
    handler?: BatchHandler<T>;
    open?: () => Promise<{ handler: BatchHandler<T>; close(): Promise<void> }>;
  },
): ServiceSpec & { current(): Consumer | undefined } {
  let current: Consumer | undefined;
  const policy = { baseMs: app.config.supervisor.backoffBaseMs, maxMs: app.config.supervisor.backoffMaxMs };
  return {
    name: spec.name,
    stage: spec.stage,
    current: () => current,
    async start(control: LoopControl): Promise<RunningLoop> {
      const stop = new AbortController();
      const opened = spec.open ? await spec.open() : { handler: spec.handler!, close: async () => undefined };
      let consumer: Consumer;
      try {
        consumer = await app.bus.subscribe<T>({ ...spec.subscribe, handler: waitOutOutages(opened.handler, control, policy, stop.signal) });
      } catch (err) {
        await opened.close();
        throw err;
      }
      current = consumer;
      return {
        stop: async () => {
          stop.abort();
          await consumer.stop();
          await opened.close();
        },
        ended: consumer.ended,
      };
    },
  };
}

function waitOutOutages<T>(handler: BatchHandler<T>, control: LoopControl, policy: BackoffPolicy, stopped: AbortSignal): BatchHandler<T> {
  return async (messages) => {
    for (let failures = 0; ; ) {
      try {
        const results = await handler(messages);
        const finished = results.filter((r) => r.kind !== 'retry').length;
        if (finished > 0 || failures > 0) control.progress(finished);
        return results;
      } catch (err) {
        if (!isDependencyFailure(err) || stopped.aborted) throw err;
        control.failed(err);
        await sleep(backoffMs(++failures, policy), stopped);
        if (stopped.aborted) throw err;
      }
    }
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
