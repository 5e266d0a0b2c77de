import cron from 'node-cron';

/** A started timer for one source; `stop` must be idempotent. */
export interface Trigger {
  stop(): void;
}
export type TriggerFactory = (schedule: string, fire: () => void) => Trigger;

const INTERVAL = /^(\d+)\s*(s|m|h)$/i;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "15m" / "2h" / "90s" → milliseconds; undefined for cron expressions. */
export function intervalMs(schedule: string): number | undefined {
  const m = INTERVAL.exec(schedule.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase() as keyof typeof UNIT_MS] : undefined;
}

/** The problem with a schedule string, or undefined when node-cron or the interval form accepts it. */
export function scheduleProblem(schedule: string): string | undefined {
  const ms = intervalMs(schedule);
  if (ms !== undefined) return ms >= 10_000 ? undefined : 'an interval must be at least 10s';
  return cron.validate(schedule) ? undefined : `not a cron expression or interval: "${schedule}"`;
}

/** node-cron for cron expressions, setInterval for "15m"-style intervals. */
export const defaultTriggerFactory: TriggerFactory = (schedule, fire) => {
  const ms = intervalMs(schedule);
  if (ms !== undefined) {
    const t = setInterval(fire, ms);
    return { stop: () => clearInterval(t) };
  }
  const task = cron.schedule(schedule, () => fire(), { noOverlap: false });
  return { stop: () => void task.destroy() };
};
