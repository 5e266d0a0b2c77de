import { Worker } from 'node:worker_threads';
import { backoffMs } from './backoff.js';
import { type Logger, moduleLogger } from './log.js';

/**
 * A fixed number of worker threads running one module (see serveWorkerTasks in worker-task.ts),
 * each doing one task at a time from a shared FIFO queue. State broadcast with setState (the
 * watchlist, say) reaches every thread before any task posted after it, and a thread started
 * later (a replacement) gets the latest state first. A thread that dies (crash, out of memory,
 * terminate) fails the task it held with WorkerLostError and is replaced; tasks still queued
 * go to the others. The caller decides whether a lost task runs again.
 */
export interface WorkerPool<Task, Result, State = unknown> {
  readonly size: number;
  run(task: Task): Promise<Result>;
  setState(state: State): void;
  /** Resolves once every worker has loaded its module and set up (start-up is seconds under tsx). */
  whenReady(): Promise<void>;
  /** Thread ids of the live workers (health reporting, tests). */
  threadIds(): number[];
  /** Ends one worker thread now, like a crash would (tests of delivery after a lost worker). */
  terminateOne(): Promise<boolean>;
  /** Workers replaced after dying since the pool was made. */
  replaced(): number;
  close(): Promise<void>;
}

/**
 * No worker thread could start (its module fails to load, no memory): a dependency failure, so
 * the consumer waits it out with backoff and reports it instead of charging the messages.
 */
export class WorkerStartError extends Error {
  readonly code = 'ERR_WORKER_INIT_FAILED';
  constructor(reason: string) {
    super(`worker thread could not start: ${reason}`);
    this.name = 'WorkerStartError';
  }
}

/** The worker holding a task died before answering; the task may run again elsewhere. */
export class WorkerLostError extends Error {
  constructor(reason: string) {
    super(`worker thread lost: ${reason}`);
    this.name = 'WorkerLostError';
  }
}

export interface WorkerPoolOptions {
  name: string;
  /** The worker module: a .js file, or a .ts file with `loader`. */
  file: URL;
  /**
   * A module whose register() is called in each thread before `file` loads: a TypeScript loader
   * in development (tsx's esm api). Node 20 does not apply `--import` given in a worker's execArgv
   * to the worker's own entry module.
   */
  loader?: URL;
  size: number;
  /** Passed to every worker as workerData (models, settings): structured-cloned once per thread. */
  workerData?: unknown;
  log: Logger;
}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve(value: Result): void;
  reject(err: Error): void;
}

interface Slot<Task, Result> {
  worker: Worker;
  job?: Job<Task, Result>;
  ready: boolean;
  dead: boolean;
}

/** A worker that cannot start is started again after this backoff, not in a tight loop. */
const RESTART_BACKOFF = { baseMs: 500, maxMs: 30_000 };

type Reply = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

export function createWorkerPool<Task, Result, State = unknown>(options: WorkerPoolOptions): WorkerPool<Task, Result, State> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`worker pool ${options.name}: size must be a positive integer, got ${options.size}`);
  const log = moduleLogger(options.log, 'worker-pool', { pool: options.name });
  const queue: Job<Task, Result>[] = [];
  const slots: Slot<Task, Result>[] = [];
  let state: { value: State } | undefined;
  let nextId = 1;
  let closed = false;
  let replacedCount = 0;
  /** Set while workers die before they are ready; cleared by the first that is. */
  let startError: WorkerStartError | undefined;
  let startFailures = 0;
  const readyWaiters: Array<() => void> = [];
  const allReady = () => slots.length === options.size && slots.every((s) => s.ready);

  const spawn = (): Slot<Task, Result> => {
    const worker = options.loader
      ? new Worker(`import(${JSON.stringify(options.loader.href)}).then((l) => { l.register(); return import(${JSON.stringify(options.file.href)}); })`, { eval: true, workerData: options.workerData })
      : new Worker(options.file, { workerData: options.workerData });
    const slot: Slot<Task, Result> = { worker, ready: false, dead: false };
    if (state) worker.postMessage({ kind: 'state', state: state.value });
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        startError = undefined;
        startFailures = 0;
        if (allReady()) for (const wake of readyWaiters.splice(0)) wake();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok) job.resolve(reply.value as Result);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
      dispatch();
    });
    const lost = (reason: string, err?: unknown): void => {
      if (slot.dead) return;
      slot.dead = true;
      const job = slot.job;
      slot.job = undefined;
      slots.splice(slots.indexOf(slot), 1);
      if (closed) {
        job?.reject(new WorkerLostError(reason));
        return;
      }
      if (slot.ready) {
        log.error({ err, thread_id: worker.threadId, reason, had_task: job !== undefined }, 'worker_thread_lost');
        job?.reject(new WorkerLostError(reason));
        replacedCount++;
        slots.push(spawn());
        dispatch();
        return;
      }
      // Died while starting: whatever waits fails as a dependency failure; try again after a backoff.
      startError = new WorkerStartError(reason);
      startFailures++;
      log.error({ err, reason, failures: startFailures }, 'worker_thread_start_failed');
      job?.reject(startError);
      if (!slots.some((s) => s.ready)) for (const queued of queue.splice(0)) queued.reject(startError);
      const timer = setTimeout(() => {
        if (closed) return;
        replacedCount++;
        slots.push(spawn());
        dispatch();
      }, backoffMs(startFailures, RESTART_BACKOFF));
      timer.unref();
    };
    worker.on('error', (err) => lost(err instanceof Error ? err.message : String(err), err));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    return slot;
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.dead || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ kind: 'task', id: job.id, task: job.task });
    }
  };

  for (let i = 0; i < options.size; i++) slots.push(spawn());
  log.info({ workers: options.size }, 'worker_pool_started');

  return {
    size: options.size,
    run(task) {
      if (closed) return Promise.reject(new Error(`worker pool ${options.name} is closed`));
      if (startError && !slots.some((s) => s.ready)) return Promise.reject(startError);
      return new Promise<Result>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
    setState(value) {
      state = { value };
      for (const slot of slots) if (!slot.dead) slot.worker.postMessage({ kind: 'state', state: value });
    },
    whenReady: () => (allReady() ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve))),
    threadIds: () => slots.filter((s) => !s.dead).map((s) => s.worker.threadId),
    async terminateOne() {
      const slot = slots.find((s) => !s.dead && s.job) ?? slots.find((s) => !s.dead);
      if (!slot) return false;
      await slot.worker.terminate();
      return true;
    },
    replaced: () => replacedCount,
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error(`worker pool ${options.name} closed`));
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
