import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output
 * (JSON lines, reports). One child per module: `moduleLogger(rootLogger, 'bus')`.
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

/** The keys a part of the code is named under, outermost first. */
const PART_KEYS = ['module', 'component', 'part'] as const;

/**
 * A child logger named for a part of the code: `module` when its parent names none yet, else
 * `component`, then `part` (the collector's scheduler logs module "collector", component
 * "scheduler"). pino appends a child's bindings to its parent's, so `child({ module })` under a
 * logger that already has one writes the key twice in one JSON line, and a reader keeps either.
 */
export function moduleLogger(parent: Logger, name: string, bindings: Record<string, unknown> = {}): Logger {
  const bound = parent.bindings();
  const key = PART_KEYS.find((k) => bound[k] === undefined);
  return parent.child({ ...(key ? { [key]: name } : {}), ...bindings });
}

/** A logger that drops everything, for unit tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
