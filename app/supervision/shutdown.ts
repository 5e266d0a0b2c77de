import type { Logger } from '../../platform/log.js';

export interface ShutdownRequest {
  reason: string;
  /** The process's exit code: 0 for a signal, 1 when a loop gave up. */
  code: number;
}

export interface Shutdown {
  /** Resolves on the first SIGINT / SIGTERM, or when `request` is called. */
  readonly requested: Promise<ShutdownRequest>;
  request(reason: string, code: number): void;
  /** Runs the orderly stop; if it takes longer than the bound, the process exits anyway. */
  run(stop: () => Promise<void>): Promise<number>;
  /** Removes the signal handlers (after the stop, or when the start itself failed). */
  dispose(): void;
}

/**
 * SIGINT / SIGTERM always end the process within `timeoutMs`, even when a loop is stuck in a
 * failure: the orderly stop (finish in flight, commit, close) races a deadline, and a second
 * signal ends the process at once. Handlers are installed before anything starts.
 */
export function installShutdown(options: { log: Logger; timeoutMs: number; exit?: (code: number) => void; stderr?: NodeJS.WritableStream }): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let resolveRequested!: (r: ShutdownRequest) => void;
  const requested = new Promise<ShutdownRequest>((resolve) => (resolveRequested = resolve));
  let first: ShutdownRequest | undefined;
  const request = (reason: string, code: number) => {
    if (first) return;
    first = { reason, code };
    resolveRequested(first);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (first) {
      options.log.warn({ signal }, 'shutdown_forced');
      options.stderr?.write(`${signal} again: stopping now\n`);
      exit(first.code || 1);
      return;
    }
    request(signal, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    requested,
    request,
    dispose,
    async run(stop) {
      const code = first?.code ?? 0;
      let finished = false;
      const deadline = setTimeout(() => {
        if (finished) return exit(code);
        options.log.error({ timeout_ms: options.timeoutMs }, 'shutdown_timed_out');
        options.stderr?.write(`shutdown took longer than ${options.timeoutMs} ms: stopping now\n`);
        exit(code || 1);
      }, options.timeoutMs);
      try {
        await stop();
      } catch (err) {
        options.log.error({ err }, 'shutdown_failed');
      }
      finished = true;
      // Still armed, but it no longer keeps the process alive: if a stray handle does, the
      // deadline ends the process; otherwise it exits as soon as the event loop is empty.
      deadline.unref();
      dispose();
      return code;
    },
  };
}
