import { parentPort, workerData } from 'node:worker_threads';

/**
 * The worker side of platform/worker-pool.ts: `setup` runs once with the pool's workerData,
 * `onState` with every state the pool broadcasts (in order with the tasks), `run` with each task.
 * An error thrown by `run` goes back to the caller as that task's failure; the thread lives on.
 * `transfer` names buffers of a result that are handed over to the caller instead of copied.
 */
export function serveWorkerTasks<Context, State, Task, Result>(handlers: {
  setup(data: unknown): Context;
  onState(context: Context, state: State): void;
  run(context: Context, task: Task): Result;
  transfer?(result: Result): ArrayBuffer[];
}): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks runs inside a worker thread');
  const context = handlers.setup(workerData);
  // A state the worker cannot take fails the tasks after it (a crash would only come back with the same state).
  let stateError: Error | undefined;
  port.on('message', (message: { kind: 'state'; state: State } | { kind: 'task'; id: number; task: Task }) => {
    if (message.kind === 'state') {
      try {
        handlers.onState(context, message.state);
        stateError = undefined;
      } catch (err) {
        stateError = err instanceof Error ? err : new Error(String(err));
      }
      return;
    }
    try {
      if (stateError) throw stateError;
      const value = handlers.run(context, message.task);
      port.postMessage({ id: message.id, ok: true, value }, handlers.transfer?.(value));
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: message.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } });
    }
  });
  port.postMessage({ ready: true });
}
