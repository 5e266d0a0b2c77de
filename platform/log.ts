import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output
 * (JSON lines, reports). One child per module: `rootLogger.child({ module: 'bus' })`.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination as pino.DestinationStream);
}

/** A logger that drops everything, for unit tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
