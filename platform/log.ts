import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output
 * (JSON lines, reports). One child per module: `rootLogger.child({ module: 'bus' })`.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination as pino.DestinationStream);
}

export interface TerminalLog {
  log: Logger;
  /** Lets informational lines through again (after a start-up summary); warnings and errors always pass. */
  release(): void;
  /** Informational lines held back so far. */
  held(): number;
}

const LEVEL = /"level":(\d+)/;

/**
 * Logs for a person at a terminal: JSON lines become readable lines (pino-pretty), and with
 * `holdInfo` informational lines wait until release(): `bonitor start` prints its summary first
 * instead of dozens of start-up lines. Warnings and errors are never held. For a pipe or a file,
 * use createLogger: JSON lines, everything.
 */
export function createTerminalLogger(level: string, options: { holdInfo?: boolean; destination?: NodeJS.WritableStream; colorize?: boolean } = {}): TerminalLog {
  // Loaded only for a terminal: pipes, files and tests never pay for it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  const out = pretty({
    colorize: options.colorize ?? true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    ...(options.destination ? { destination: options.destination } : { destination: 2 }),
  });
  let holding = options.holdInfo ?? false;
  let held = 0;
  const filter = {
    write(line: string): void {
      if (holding && Number(LEVEL.exec(line)?.[1] ?? 30) < 40) {
        held++;
        return;
      }
      out.write(line);
    },
  };
  return {
    log: pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, filter as unknown as pino.DestinationStream),
    release: () => {
      holding = false;
    },
    held: () => held,
  };
}

/** A logger that drops everything, for unit tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
